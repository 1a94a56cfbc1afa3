/**
 * @module renderer/i18n/tasks
 * 待办 — the header's queue badges, the queue list, its alerts, and what each role's case panel says (GIS,
 * units, inspectors), Chinese and English. Merged into zh-CN.ts and en.ts as `tasks`.
 */

type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> }

export const tasksZh = {
  title: '待办',
  queue: {
    escalation: '升级',
    intake: '受理',
    register: '立案',
    dispatch: '派遣',
    approval: '审批',
    check: '核查',
    unit: '本单位',
    inspection: '核实核查',
    supervise: '督办',
  },
  queueTitle: '{queue}待办 {n} 件',
  badgeTitle: '{queue}待办：{n} 件，其中超时 {late} 件',
  empty: '此队列暂无待办',
  offline: '离线：中心服务无法连接，暂不能读取待办',
  local: '离线：待办按本地案件计算',
  truncated: '仅列出前 {n} 件',
  escalation: {
    'arrival-missing': '到场超时，已上报',
    'arrival-late': '超时到场',
  },
  alert: {
    new: '新待办',
    escalation: '案件升级',
    hazard: '到场即将超时',
    newText: '{number} {category}',
    escalationText: '{number} {category}：{what}',
    hazardText: '{number} {hazard}，距2小时到场时限还剩 {time}',
    more: '另有 {n} 条提醒，见待办',
  },
  unitTitle: '本单位的待办案件',
  inspectorTitle: '本网格的核实、核查任务',
  scopedNote: '列出需要本账号办理的案件；全部案件请在中心服务中查看。',
  gisNote: '地理信息维护员账号维护地图图层（网格、部件、区划）并使用责任查询，不办理案件。',
}

export const tasksEn: Strings<typeof tasksZh> = {
  title: 'To do',
  queue: {
    escalation: 'Escalated',
    intake: 'Intake',
    register: 'Register',
    dispatch: 'Dispatch',
    approval: 'Approvals',
    check: 'Check',
    unit: 'My unit',
    inspection: 'Verify & check',
    supervise: 'Supervise',
  },
  queueTitle: '{queue}: {n} to do',
  badgeTitle: '{queue}: {n} to do, {late} overdue',
  empty: 'Nothing to do in this queue',
  offline: 'Offline: the central service cannot be reached, the queue cannot be read',
  local: 'Offline: the queue is computed from the local cases',
  truncated: 'Only the first {n} are listed',
  escalation: {
    'arrival-missing': 'No arrival within 2 hours: escalated',
    'arrival-late': 'Arrived late',
  },
  alert: {
    new: 'New task',
    escalation: 'Case escalated',
    hazard: 'Arrival limit running out',
    newText: '{number} {category}',
    escalationText: '{number} {category}: {what}',
    hazardText: '{number} {hazard}: {time} left of the 2-hour arrival limit',
    more: '{n} more alerts: see the queue',
  },
  unitTitle: 'Cases for my unit to act on',
  inspectorTitle: 'Verification and check tasks in my grids',
  scopedNote: 'The cases this account has to act on; all cases are in the central service.',
  gisNote: 'A GIS maintainer account keeps the map layers (grids, components, boundaries) and uses the responsibility lookup; it handles no cases.',
}
