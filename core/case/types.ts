/**
 * @module core/case/types
 * 案卷 — the shapes of the closed case loop (泰州办法 第6–10条, standards.md §5): roles, sources, statuses,
 * actions, the case record and its audit events. Plain readonly data; `decide` (transitions.ts) returns new
 * records and never mutates. Times inside records are ISO-8601 UTC strings so they survive JSON and SQL unchanged.
 */
import type { AreaClass, CategoryKind, SafetyHazard, TimeLimit, Urgency } from '../catalog/types.js'

/** 角色 — who acts on a case (standards.md §5, §9). `api-client` (二级平台, sensors) only creates cases. */
export const ROLES = [
  'receiver', // 受理员
  'shift-leader', // 值班长
  'dispatcher', // 派遣员
  'inspector', // 监督员 / 信息采集员
  'unit-handler', // 责任单位处置人员
  'unit-manager', // 责任单位管理员
  'leader', // 领导
  'gis-maintainer',
  'admin',
  'api-client',
] as const
/** 角色 — one of {@link ROLES}. */
export type Role = (typeof ROLES)[number]

/** 问题来源 — how the center learned of a problem (泰州办法 第7条). */
export const CASE_SOURCES = [
  'inspector', // 自行采集 (信息采集员)
  'iot', // 物联传感
  'video', // 视频监控
  'data-monitoring', // 数据监测
  'public', // 群众投诉
  'media', // 媒体曝光
  'department', // 部门移送
  'leader', // 领导交办
] as const
/** 问题来源 — one of {@link CASE_SOURCES}. */
export type CaseSource = (typeof CASE_SOURCES)[number]

/** 案卷状态 — every state of the loop, including each side path (延期 / 回退 / 挂账 / 异议 / 自处理). */
export const CASE_STATUSES = [
  'reported', // 已上报, awaiting 受理
  'verifying', // 核实中 (task with an inspector)
  'accepted', // 已受理, awaiting 立案
  'not-accepted', // 不予受理 (end)
  'registered', // 已立案, awaiting 派遣
  'not-registered', // 不予立案 (end)
  'voided', // 作废 (end)
  'dispatched', // 已派遣, awaiting 签收
  'disputed', // 异议, awaiting the center's arbitration (第8条)
  'handling', // 处置中
  'extension-requested', // 延期申请中 (clock runs)
  'return-requested', // 回退申请中 (clock runs)
  'park-requested', // 挂账申请中 (clock runs)
  'parked', // 挂账 (clock suspended)
  'handled', // 已反馈, awaiting 发核查
  'checking', // 核查中 (task with an inspector)
  'closed', // 结案 (end; see CloseKind)
  'self-handled', // 监督员自处理, awaiting 自处理审核
] as const
/** 案卷状态 — one of {@link CASE_STATUSES}. */
export type CaseStatus = (typeof CASE_STATUSES)[number]

/** 操作 — every command a person can give on an existing case. Creation is `createCase` (create.ts). */
export const CASE_ACTIONS = [
  'accept', // 受理
  'not-accept', // 不予受理
  'request-verify', // 发核实
  'verify-result', // 核实反馈
  'register', // 立案
  'not-register', // 不予立案
  'void', // 作废
  'dispatch', // 派遣
  'sub-dispatch', // 二级派遣
  'sign', // 签收
  'dispute', // 异议
  'arbitrate', // 异议裁定 (uphold | redispatch)
  'request-extension', // 申请延期
  'approve-extension',
  'refuse-extension',
  'request-return', // 申请回退
  'approve-return',
  'refuse-return',
  'request-park', // 申请挂账
  'approve-park',
  'refuse-park',
  'resume', // 挂账恢复
  'report-arrival', // 到场反馈 (安全隐患, 第9条)
  'handle', // 处置反馈
  'request-check', // 发核查
  'check-result', // 核查结果 (第10条: close | rehandle | close-unqualified | redispatch)
  'self-handle', // 监督员自处理
  'approve-self-handle',
  'refuse-self-handle',
  'supervise', // 督办
  'rapid-handle', // 快速处置 (第9条第三款)
] as const
/** 操作 — one of {@link CASE_ACTIONS}. */
export type CaseAction = (typeof CASE_ACTIONS)[number]

/** 核查结果 — exactly the four outcomes of 泰州办法 第10条. */
export const CHECK_OUTCOMES = ['close', 'rehandle', 'close-unqualified', 'redispatch'] as const
/** 核查结果 — one of {@link CHECK_OUTCOMES}. */
export type CheckOutcome = (typeof CHECK_OUTCOMES)[number]

/** 异议裁定 — the center upholds the dispatch or sends the case to another unit (第8条 统筹协调). */
export const ARBITRATE_DECISIONS = ['uphold', 'redispatch'] as const
/** 异议裁定 — one of {@link ARBITRATE_DECISIONS}. */
export type ArbitrateDecision = (typeof ARBITRATE_DECISIONS)[number]

/** 核实结果 — the inspector confirms the reported problem or finds it unfounded. */
export const VERIFY_RESULTS = ['confirmed', 'unfounded'] as const
/** 核实结果 — one of {@link VERIFY_RESULTS}. */
export type VerifyResult = (typeof VERIFY_RESULTS)[number]

/** 环节 — a timed stage of the loop; each has its own deadline (standards.md §6 环节时限). */
export const CASE_STAGES = [
  'accept',
  'verify',
  'register',
  'dispatch',
  'sign',
  'handle',
  'on-site',
  'check',
  'close',
] as const
/** 环节 — one of {@link CASE_STAGES}. */
export type CaseStage = (typeof CASE_STAGES)[number]

/** 结案类型 — how a `closed` case was closed. */
export type CloseKind = 'normal' | 'unqualified' | 'self-handled' | 'rapid'

/** 状态分组 — open or closed, for consumers that need nothing finer (FixMyStreet state types). */
export type StatusGroup = 'open' | 'closed'

/** 操作者 — the person or client giving a command; `unitId` binds unit roles, `gridIds` binds inspectors. */
export interface Actor {
  readonly id: string
  readonly role: Role
  /** 责任单位 id, for unit-handler / unit-manager. */
  readonly unitId?: string
  /** 责任网格 — an inspector's duty grids. */
  readonly gridIds?: readonly string[]
}

/** 环节计时 — one stage's clock: when it started, its deadline, and whether it ended in time. */
export interface StageClock {
  readonly startedAt: string
  readonly deadline: string
  readonly limit: TimeLimit
  readonly endedAt?: string
  /** 按时 — decided once, when the stage ends: endedAt ≤ deadline. */
  readonly onTime?: boolean
}

/** 挂账区间 — a parked interval; it does not count against any clock. */
export interface Suspension {
  readonly from: string
  readonly to: string
}

/** 考核计数 — what evaluation needs (standards.md §7.1). */
export interface CaseCounters {
  /** 返工数 — check sent it back to the same unit (再次处置). */
  readonly reworkCount: number
  /** 重新派遣 / 改派 — the case moved to another unit (check, arbitration or approved return). */
  readonly redispatchCount: number
  readonly extensionCount: number
  readonly parkCount: number
  /** Total parked time, natural milliseconds. */
  readonly parkedMs: number
  readonly superviseCount: number
  readonly disputeCount: number
}

/** 待审批申请 — the open 延期 / 回退 / 挂账 request or 异议, for the approver or arbiter to read. */
export interface PendingRequest {
  readonly kind: 'extension' | 'return' | 'park' | 'dispute'
  readonly reason: string
  readonly by: string
  readonly at: string
  /** 延期: the requested extra time. */
  readonly duration?: TimeLimit
}

/** 到场反馈 — arrival on site for a safety hazard (第9条: location, photo, safety measures). */
export interface OnSiteReport {
  readonly arrivedAt: string
  readonly lon: number
  readonly lat: number
  readonly photoId: string
  readonly measures: string
  readonly onTime: boolean
}

/** 处置反馈 — the latest handling feedback (unit, inspector self-handling or the rapid team). */
export interface HandlingReport {
  readonly by: string
  readonly at: string
  readonly note: string
  readonly afterPhotoIds: readonly string[]
}

/** 快速处置记录 — the center's own team handled it (第9条第三款), with its cost for the budget. */
export interface RapidRecord {
  readonly by: string
  readonly at: string
  readonly team: string
  /** 费用, yuan. */
  readonly costYuan: number
}

/** 核实记录 — the latest verification by an inspector. */
export interface VerifyRecord {
  readonly by: string
  readonly at: string
  readonly result: VerifyResult
  readonly note: string
  readonly photoIds: readonly string[]
}

/** 案卷 — one case. `version` grows by one per accepted command (optimistic locking). */
export interface CaseState {
  readonly id: string
  /** 案卷编号 — '2026-321202-000123' (case-number.ts). */
  readonly number: string
  readonly version: number
  readonly status: CaseStatus
  readonly kind: CategoryKind
  readonly categoryKey: string
  readonly conditionId: string
  readonly areaClass: AreaClass
  readonly urgency: Urgency
  readonly source: CaseSource
  /** Who created it (an inspector, a receiver or an api client). */
  readonly reporterId: string
  readonly gridId?: string
  readonly communityCode?: string
  readonly streetCode?: string
  readonly districtCode?: string
  /** 处置时限 — the filing condition's limit for the area class, resolved by the caller from the catalog. */
  readonly handleLimit: TimeLimit
  readonly safetyHazard?: SafetyHazard
  readonly onSite?: OnSiteReport
  readonly assignedUnitId?: string
  /** 二级派遣 — the sub-unit a unit manager passed the case to. */
  readonly subUnitId?: string
  /** Units that had the case before, oldest first (推诿 / 改派 history). */
  readonly previousUnitIds: readonly string[]
  /** The inspector of the current verify or check task. */
  readonly inspectorId?: string
  readonly stages: Readonly<Partial<Record<CaseStage, StageClock>>>
  /** Set while `parked`. */
  readonly parkedSince?: string
  readonly suspensions: readonly Suspension[]
  /** Approved extensions, in order. */
  readonly extensions: readonly TimeLimit[]
  readonly pending?: PendingRequest
  readonly verification?: VerifyRecord
  readonly handling?: HandlingReport
  readonly rapid?: RapidRecord
  readonly counters: CaseCounters
  readonly closeKind?: CloseKind
  readonly closedAt?: string
  readonly createdAt: string
  readonly updatedAt: string
}

/** 操作记录 — one immutable audit event (who, role, when, from → to, payload). */
export interface CaseEvent {
  readonly caseId: string
  /** The case version after this event. */
  readonly version: number
  readonly type: CaseAction | 'create'
  readonly at: string
  readonly actorId: string
  readonly role: Role
  readonly from: CaseStatus | null
  readonly to: CaseStatus
  /** The validated command payload, without `action`. */
  readonly payload: Readonly<Record<string, unknown>>
}

/** 拒绝原因 codes: 409 for ILLEGAL_ACTION / GUARD, 403 for FORBIDDEN, 422 for INVALID_PAYLOAD. */
export type RejectionCode = 'ILLEGAL_ACTION' | 'FORBIDDEN' | 'GUARD' | 'INVALID_PAYLOAD'

/** 拒绝 — why a command was refused; names the current status and what the actor may do instead. */
export interface Rejection {
  readonly code: RejectionCode
  readonly message: string
  readonly status: CaseStatus
  readonly allowed: readonly CaseAction[]
  /** INVALID_PAYLOAD: the offending field. */
  readonly field?: string
}

/** 裁决 — the outcome of `decide`. */
export type Decision =
  | { readonly ok: true; readonly next: CaseState; readonly events: readonly CaseEvent[] }
  | { readonly ok: false; readonly reason: Rejection }
