/**
 * @module core/evaluation/indicators
 * 考核指标 — the indicators of standards.md §7.1 as ONE table: what each counts, its numerator and denominator
 * (as tallies, below), the rule that puts a case in a period, and which evaluated objects show it. The
 * evaluator fills tallies; every figure is read from tallies, so a figure's cases are its tallies' cases.
 */

/** 考核对象类型 — regions, units, command teams and the four posts (standards.md §7). */
export const OBJECT_KINDS = [
  'city', // 全市
  'district', // 区
  'street', // 街道
  'community', // 社区
  'grid', // 单元网格
  'unit', // 责任单位
  'sub-unit', // 二级单位
  'team', // 队伍 (command-mode orders)
  'inspector', // 监督员
  'receiver', // 受理员
  'shift-leader', // 值班长
  'dispatcher', // 派遣员
] as const
/** 考核对象类型 — one of {@link OBJECT_KINDS}. */
export type ObjectKind = (typeof OBJECT_KINDS)[number]

/** 计数项 — what the evaluator tallies per object; each tally remembers the cases (or events) behind it. */
export const TALLIES = [
  'reported', // 上报
  'valid', // 有效上报
  'registered', // 立案
  'registerOnTime', // 按时立案
  'registerAccurate', // 准确立案 (not voided later)
  'voided', // 作废 (after 立案)
  'missed', // 漏报
  'acceptDue', // 应受理 (受理 tasks)
  'acceptOnTime',
  'acceptHours', // 受理时长 (mean)
  'verifySent', // 核实派发 (受理 tasks ended by 发核实)
  'verifySentOnTime',
  'verifyDue', // 应核实 (核实 tasks)
  'verifyOnTime',
  'checkSent', // 核查派发 (from 处置反馈 to 发核查)
  'checkSentOnTime',
  'checkDue', // 应核查 (核查 tasks)
  'checkOnTime',
  'dispatchDue', // 应派遣 (派遣 tasks)
  'dispatched',
  'dispatchOnTime',
  'dispatchAccurate',
  'signDue', // 应签收
  'signOnTime',
  'handleDue', // 应处置
  'handled',
  'handleOnTime', // 按期处置
  'handleLate', // 超期处置 (handled after the deadline)
  'handleOverdue', // 超期 (handled late or not at all by the deadline)
  'handleHours', // 处置时长 (mean)
  'rework', // 返工 (events)
  'closeDue', // 应结案
  'closed',
  'closeOnTime',
  'closeLate',
  'closeActDue', // 结案环节 (from feedback to 结案), by the closer
  'closeActOnTime',
  'unclosed', // 未结案
  'arrivalDue', // 应到场 (第9条)
  'arrivalOnTime',
  'dispute', // 异议 (events)
  'extension', // 延期 (approved, events)
  'park', // 挂账 (approved, events)
  'return', // 回退 (approved, events)
  'orders', // 指令
  'orderAckOnTime',
  'orderArriveOnTime',
  'orderCompleteOnTime',
  'orderDeclined',
] as const
/** 计数项 — one of {@link TALLIES}. */
export type Tally = (typeof TALLIES)[number]

/** Index of each tally in the evaluator's counter arrays. */
export const TALLY_INDEX: Readonly<Record<Tally, number>> = Object.fromEntries(
  TALLIES.map((t, i) => [t, i]),
) as Record<Tally, number>

/**
 * 周期口径 — which instant puts a case (or event) in a period:
 * - `reported`: the report (上报) time;
 * - `registered`: the 立案 time;
 * - `due`: the moment the task fell due — the earlier of its completion and its deadline (so a case counts
 *   once, in the period where it was done or became overdue; one still in time counts nowhere yet);
 * - `event`: the event's own time (返工, 异议, 延期 …);
 * - `issued`: an order's issue time.
 */
export type PeriodRule = 'reported' | 'registered' | 'due' | 'event' | 'issued'

/** 指标 — a count, a rate (numerator ÷ denominator) or a mean (sum ÷ count) of tallies. */
export interface Indicator {
  readonly key: string
  /** 中文名 */
  readonly zh: string
  readonly kind: 'count' | 'rate' | 'mean'
  readonly of: Tally
  /** Rates: the denominator tally. */
  readonly per?: Tally
  readonly rule: PeriodRule
  /** Whether a higher value is better (for 同比 / 环比 reading); counts of work are neutral. */
  readonly better: 'higher' | 'lower' | 'neutral'
}

type Better = Indicator['better']
const count = <K extends string>(
  key: K,
  zh: string,
  of: Tally,
  rule: PeriodRule,
  better: Better = 'neutral',
) => ({ key, zh, kind: 'count', of, rule, better }) as const
const rate = <K extends string>(
  key: K,
  zh: string,
  of: Tally,
  per: Tally,
  rule: PeriodRule,
  better: Better = 'higher',
) => ({ key, zh, kind: 'rate', of, per, rule, better }) as const
const mean = <K extends string>(key: K, zh: string, of: Tally, rule: PeriodRule) =>
  ({ key, zh, kind: 'mean', of, rule, better: 'lower' }) as const

/** 指标表 — every indicator, in reading order. */
// One indicator per line keeps the table readable as a table.
// prettier-ignore
export const INDICATORS = [
  count('reports', '上报数', 'reported', 'reported'),
  count('validReports', '有效上报数', 'valid', 'reported', 'higher'),
  rate('validReportRate', '有效上报率', 'valid', 'reported', 'reported'),
  count('registered', '立案数', 'registered', 'registered'),
  count('registerOnTime', '按时立案数', 'registerOnTime', 'registered', 'higher'),
  rate('registerOnTimeRate', '按时立案率', 'registerOnTime', 'registered', 'registered'),
  count('registerAccurate', '准确立案数', 'registerAccurate', 'registered', 'higher'),
  rate('registerAccuracyRate', '准确立案率', 'registerAccurate', 'registered', 'registered'),
  count('voided', '作废数', 'voided', 'registered', 'lower'),
  count('missedReports', '漏报数', 'missed', 'registered', 'lower'),
  rate('missedRate', '漏报率', 'missed', 'registered', 'registered', 'lower'),
  count('accepted', '受理数', 'acceptDue', 'due'),
  rate('acceptOnTimeRate', '按时受理率', 'acceptOnTime', 'acceptDue', 'due'),
  mean('meanAcceptHours', '平均受理时长(小时)', 'acceptHours', 'due'),
  count('verifySent', '核实派发数', 'verifySent', 'due'),
  rate('verifySentOnTimeRate', '核实按时派发率', 'verifySentOnTime', 'verifySent', 'due'),
  count('verifyDue', '应核实数', 'verifyDue', 'due'),
  count('verifyOnTime', '按时核实数', 'verifyOnTime', 'due', 'higher'),
  rate('verifyOnTimeRate', '按时核实率', 'verifyOnTime', 'verifyDue', 'due'),
  count('checkSent', '核查派发数', 'checkSent', 'due'),
  rate('checkSentOnTimeRate', '核查按时派发率', 'checkSentOnTime', 'checkSent', 'due'),
  count('checkDue', '应核查数', 'checkDue', 'due'),
  count('checkOnTime', '按时核查数', 'checkOnTime', 'due', 'higher'),
  rate('checkOnTimeRate', '按时核查率', 'checkOnTime', 'checkDue', 'due'),
  count('dispatchDue', '应派遣数', 'dispatchDue', 'due'),
  count('dispatched', '派遣数', 'dispatched', 'due'),
  count('dispatchOnTime', '按时派遣数', 'dispatchOnTime', 'due', 'higher'),
  rate('dispatchOnTimeRate', '按时派遣率', 'dispatchOnTime', 'dispatchDue', 'due'),
  count('dispatchAccurate', '准确派遣数', 'dispatchAccurate', 'due', 'higher'),
  rate('dispatchAccuracyRate', '准确派遣率', 'dispatchAccurate', 'dispatchDue', 'due'),
  count('signDue', '应签收数', 'signDue', 'due'),
  rate('signOnTimeRate', '按时签收率', 'signOnTime', 'signDue', 'due'),
  count('handleDue', '应处置数', 'handleDue', 'due'),
  count('handled', '处置数', 'handled', 'due'),
  count('handleOnTime', '按期处置数', 'handleOnTime', 'due', 'higher'),
  count('handleLate', '超期处置数', 'handleLate', 'due', 'lower'),
  count('handleOverdue', '超期数', 'handleOverdue', 'due', 'lower'),
  rate('handleRate', '处置率', 'handled', 'handleDue', 'due'),
  rate('handleOnTimeRate', '按期处置率', 'handleOnTime', 'handleDue', 'due'),
  mean('meanHandleHours', '平均处置时长(小时)', 'handleHours', 'due'),
  count('rework', '返工数', 'rework', 'event', 'lower'),
  rate('reworkRate', '返工率', 'rework', 'handled', 'event', 'lower'),
  count('closeDue', '应结案数', 'closeDue', 'due'),
  count('closed', '结案数', 'closed', 'due'),
  count('closeOnTime', '按期结案数', 'closeOnTime', 'due', 'higher'),
  count('closeLate', '超期结案数', 'closeLate', 'due', 'lower'),
  rate('closeRate', '结案率', 'closed', 'closeDue', 'due'),
  rate('closeOnTimeRate', '按期结案率', 'closeOnTime', 'closeDue', 'due'),
  rate('closeLateRate', '超期结案率', 'closeLate', 'closeDue', 'due', 'lower'),
  count('closeActs', '结案操作数', 'closeActDue', 'due'),
  rate('closeActOnTimeRate', '按时结案率', 'closeActOnTime', 'closeActDue', 'due'),
  count('unclosed', '未结案数', 'unclosed', 'reported', 'lower'),
  rate('unclosedRate', '未结案率', 'unclosed', 'reported', 'reported', 'lower'),
  count('arrivalDue', '应到场数', 'arrivalDue', 'due'),
  rate('arrivalOnTimeRate', '按时到场率', 'arrivalOnTime', 'arrivalDue', 'due'),
  count('disputes', '异议数', 'dispute', 'event', 'lower'),
  count('extensions', '延期数', 'extension', 'event', 'lower'),
  count('parks', '挂账数', 'park', 'event', 'lower'),
  count('returns', '回退数', 'return', 'event', 'lower'),
  count('orders', '指令数', 'orders', 'issued'),
  rate('orderAckOnTimeRate', '指令按时签收率', 'orderAckOnTime', 'orders', 'issued'),
  rate('orderArriveOnTimeRate', '指令按时到达率', 'orderArriveOnTime', 'orders', 'issued'),
  rate('orderCompleteOnTimeRate', '指令按时完成率', 'orderCompleteOnTime', 'orders', 'issued'),
  rate('orderDeclineRate', '指令拒收率', 'orderDeclined', 'orders', 'issued', 'lower'),
] as const satisfies readonly Indicator[]

/** 指标键 — the key of one of {@link INDICATORS}. */
export type IndicatorKey = (typeof INDICATORS)[number]['key']

/** The indicator of a key. */
export const INDICATOR: Readonly<Record<IndicatorKey, Indicator>> = Object.fromEntries(
  INDICATORS.map((i) => [i.key, i]),
) as Record<IndicatorKey, Indicator>

const REGION: readonly IndicatorKey[] = [
  'reports',
  'validReports',
  'validReportRate',
  'registered',
  'missedReports',
  'missedRate',
  'meanAcceptHours',
  'handleDue',
  'handled',
  'handleOnTime',
  'handleLate',
  'handleOverdue',
  'handleRate',
  'handleOnTimeRate',
  'meanHandleHours',
  'rework',
  'reworkRate',
  'closeDue',
  'closed',
  'closeOnTime',
  'closeLate',
  'closeRate',
  'closeOnTimeRate',
  'closeLateRate',
  'unclosed',
  'unclosedRate',
  'arrivalDue',
  'arrivalOnTimeRate',
]
const ORDERS: readonly IndicatorKey[] = [
  'orders',
  'orderAckOnTimeRate',
  'orderArriveOnTimeRate',
  'orderCompleteOnTimeRate',
  'orderDeclineRate',
]
const UNIT: readonly IndicatorKey[] = [
  'signDue',
  'signOnTimeRate',
  'handleDue',
  'handled',
  'handleOnTime',
  'handleLate',
  'handleOverdue',
  'handleRate',
  'handleOnTimeRate',
  'meanHandleHours',
  'rework',
  'reworkRate',
  'closeDue',
  'closed',
  'closeOnTime',
  'closeLate',
  'closeRate',
  'closeOnTimeRate',
  'closeLateRate',
  'arrivalDue',
  'arrivalOnTimeRate',
  'disputes',
  'extensions',
  'parks',
  'returns',
  ...ORDERS,
]

/** 对象指标 — the indicators each kind of object shows (every one, zero or not). */
// prettier-ignore
export const INDICATORS_OF: Readonly<Record<ObjectKind, readonly IndicatorKey[]>> = {
  city: REGION,
  district: REGION,
  street: REGION,
  community: REGION,
  grid: REGION,
  unit: UNIT,
  'sub-unit': UNIT,
  team: ORDERS,
  inspector: ['reports', 'validReports', 'validReportRate', 'registered', 'missedReports', 'missedRate', 'verifyDue', 'verifyOnTime', 'verifyOnTimeRate', 'checkDue', 'checkOnTime', 'checkOnTimeRate'],
  receiver: ['accepted', 'acceptOnTimeRate', 'meanAcceptHours', 'verifySent', 'verifySentOnTimeRate', 'checkSent', 'checkSentOnTimeRate'],
  'shift-leader': ['registered', 'registerOnTime', 'registerOnTimeRate', 'registerAccurate', 'registerAccuracyRate', 'voided', 'closeActs', 'closeActOnTimeRate'],
  dispatcher: ['dispatchDue', 'dispatched', 'dispatchOnTime', 'dispatchOnTimeRate', 'dispatchAccurate', 'dispatchAccuracyRate'],
}
