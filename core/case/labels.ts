/**
 * @module core/case/labels
 * 界面文字 — the Chinese and English label of every role, source, status, action, stage, check outcome and
 * close kind (style.md §9.17). The `Record` types make a missing label a compile error; labels.test.ts checks
 * that none is empty.
 */
import type {
  ArbitrateDecision,
  CaseAction,
  CaseSource,
  CaseStage,
  CaseStatus,
  CheckOutcome,
  CloseKind,
  Role,
} from './types.js'

/** 双语标签 — zh-CN first, then English. */
export interface Label {
  readonly zh: string
  readonly en: string
}

/** 角色名称 — standards.md §5, §9. */
export const ROLE_LABELS: Readonly<Record<Role, Label>> = {
  receiver: { zh: '受理员', en: 'Receiver' },
  'shift-leader': { zh: '值班长', en: 'Shift leader' },
  dispatcher: { zh: '派遣员', en: 'Dispatcher' },
  inspector: { zh: '监督员', en: 'Inspector' },
  'unit-handler': { zh: '处置人员', en: 'Unit handler' },
  'unit-manager': { zh: '责任单位管理员', en: 'Unit manager' },
  leader: { zh: '领导', en: 'Leader' },
  'gis-maintainer': { zh: '地理信息维护员', en: 'GIS maintainer' },
  admin: { zh: '系统管理员', en: 'Administrator' },
  'api-client': { zh: '接口客户端', en: 'API client' },
}

/** 问题来源名称 — 泰州办法 第7条. */
export const SOURCE_LABELS: Readonly<Record<CaseSource, Label>> = {
  inspector: { zh: '自行采集', en: 'Inspector collection' },
  iot: { zh: '物联传感', en: 'IoT sensor' },
  video: { zh: '视频监控', en: 'Video surveillance' },
  'data-monitoring': { zh: '数据监测', en: 'Data monitoring' },
  public: { zh: '群众投诉', en: 'Public complaint' },
  media: { zh: '媒体曝光', en: 'Media report' },
  department: { zh: '部门移送', en: 'Department transfer' },
  leader: { zh: '领导交办', en: "Leader's order" },
}

/** 案卷状态名称. */
export const STATUS_LABELS: Readonly<Record<CaseStatus, Label>> = {
  reported: { zh: '已上报', en: 'Reported' },
  verifying: { zh: '核实中', en: 'Verifying' },
  accepted: { zh: '已受理', en: 'Accepted' },
  'not-accepted': { zh: '不予受理', en: 'Not accepted' },
  registered: { zh: '已立案', en: 'Registered' },
  'not-registered': { zh: '不予立案', en: 'Not registered' },
  voided: { zh: '已作废', en: 'Voided' },
  dispatched: { zh: '已派遣', en: 'Dispatched' },
  disputed: { zh: '异议待裁定', en: 'Disputed' },
  handling: { zh: '处置中', en: 'Handling' },
  'extension-requested': { zh: '延期申请中', en: 'Extension requested' },
  'return-requested': { zh: '回退申请中', en: 'Return requested' },
  'park-requested': { zh: '挂账申请中', en: 'Park requested' },
  parked: { zh: '已挂账', en: 'Parked' },
  handled: { zh: '已处置反馈', en: 'Handled' },
  checking: { zh: '核查中', en: 'Checking' },
  closed: { zh: '已结案', en: 'Closed' },
  'self-handled': { zh: '自处理待审核', en: 'Self-handled, awaiting approval' },
}

/** 操作名称. */
export const ACTION_LABELS: Readonly<Record<CaseAction, Label>> = {
  accept: { zh: '受理', en: 'Accept' },
  'not-accept': { zh: '不予受理', en: 'Do not accept' },
  'request-verify': { zh: '发核实', en: 'Request verification' },
  'verify-result': { zh: '核实反馈', en: 'Report verification' },
  register: { zh: '立案', en: 'Register' },
  'not-register': { zh: '不予立案', en: 'Do not register' },
  void: { zh: '作废', en: 'Void' },
  dispatch: { zh: '派遣', en: 'Dispatch' },
  'sub-dispatch': { zh: '二级派遣', en: 'Dispatch to sub-unit' },
  sign: { zh: '签收', en: 'Sign for' },
  dispute: { zh: '提出异议', en: 'Dispute' },
  arbitrate: { zh: '异议裁定', en: 'Arbitrate' },
  'request-extension': { zh: '申请延期', en: 'Request extension' },
  'approve-extension': { zh: '批准延期', en: 'Approve extension' },
  'refuse-extension': { zh: '驳回延期', en: 'Refuse extension' },
  'request-return': { zh: '申请回退', en: 'Request return' },
  'approve-return': { zh: '批准回退', en: 'Approve return' },
  'refuse-return': { zh: '驳回回退', en: 'Refuse return' },
  'request-park': { zh: '申请挂账', en: 'Request park' },
  'approve-park': { zh: '批准挂账', en: 'Approve park' },
  'refuse-park': { zh: '驳回挂账', en: 'Refuse park' },
  resume: { zh: '挂账恢复', en: 'Resume' },
  'report-arrival': { zh: '到场反馈', en: 'Report arrival' },
  handle: { zh: '处置反馈', en: 'Report handled' },
  'request-check': { zh: '发核查', en: 'Request check' },
  'check-result': { zh: '核查结果', en: 'Report check result' },
  'self-handle': { zh: '自处理', en: 'Self-handle' },
  'approve-self-handle': { zh: '自处理审核通过', en: 'Approve self-handling' },
  'refuse-self-handle': { zh: '自处理审核不通过', en: 'Refuse self-handling' },
  supervise: { zh: '督办', en: 'Supervise' },
  'rapid-handle': { zh: '快速处置', en: 'Rapid handling' },
}

/** 环节名称. */
export const STAGE_LABELS: Readonly<Record<CaseStage, Label>> = {
  accept: { zh: '受理', en: 'Acceptance' },
  verify: { zh: '核实', en: 'Verification' },
  register: { zh: '立案', en: 'Registration' },
  dispatch: { zh: '派遣', en: 'Dispatch' },
  sign: { zh: '签收', en: 'Signing' },
  handle: { zh: '处置', en: 'Handling' },
  'on-site': { zh: '到场', en: 'Arrival on site' },
  check: { zh: '核查', en: 'Check' },
  close: { zh: '结案', en: 'Closing' },
}

/** 核查结果名称 — 泰州办法 第10条. */
export const CHECK_OUTCOME_LABELS: Readonly<Record<CheckOutcome, Label>> = {
  close: { zh: '准予结案', en: 'Close' },
  rehandle: { zh: '再次处置', en: 'Handle again' },
  'close-unqualified': { zh: '不合格办结', en: 'Close as unqualified' },
  redispatch: { zh: '重新派遣', en: 'Redispatch' },
}

/** 异议裁定名称 — 泰州办法 第8条. */
export const ARBITRATE_LABELS: Readonly<Record<ArbitrateDecision, Label>> = {
  uphold: { zh: '维持派遣', en: 'Uphold dispatch' },
  redispatch: { zh: '改派', en: 'Redispatch' },
}

/** 结案类型名称. */
export const CLOSE_KIND_LABELS: Readonly<Record<CloseKind, Label>> = {
  normal: { zh: '正常结案', en: 'Closed' },
  unqualified: { zh: '不合格办结', en: 'Closed as unqualified' },
  'self-handled': { zh: '自处理结案', en: 'Closed (self-handled)' },
  rapid: { zh: '快速处置结案', en: 'Closed (rapid handling)' },
}
