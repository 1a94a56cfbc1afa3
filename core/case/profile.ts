/**
 * @module core/case/profile
 * 城市规则 — the per-city settings the case loop runs on (style.md §9.12). Every default is documented here;
 * a city's file (taizhou.ts) overrides only what differs and cites the local measure.
 */
import type { TimeLimit } from '../catalog/types.js'
import { SAFETY_ON_SITE_LIMIT } from '../catalog/types.js'
import type { WorkCalendar } from '../time/calendar.js'
import { prcCalendar } from '../time/holidays.js'
import type { CaseStage } from './types.js'

/** 环节时限 — limits of the stages that do not come from the filing condition (handle) or the hazard (on-site). */
export type StageLimits = Readonly<Record<Exclude<CaseStage, 'handle' | 'on-site'>, TimeLimit>>

/** 城市规则 — everything `decide`, `createCase` and `light` need to know about a city. */
export interface CaseRules {
  /** 工作日历 — holidays, 调休 days and working periods. Default: PRC 2025–2026, 08:30–12:00 / 13:30–17:30. */
  readonly calendar: WorkCalendar
  /** 环节时限 per stage. Defaults: {@link DEFAULT_STAGE_LIMITS}. */
  readonly stageLimits: StageLimits
  /** 到场时限 for safety hazards. Default 2 natural hours (the catalog's SAFETY_ON_SITE_LIMIT). */
  readonly onSiteLimit: TimeLimit
  /** 黄灯 — share of a stage's limit consumed at which the light turns yellow. Default 0.8. */
  readonly yellowShare: number
  /** 延期次数上限 — how many extensions a case may get. Default 2 (standards.md §5.2: a second one is the exception). */
  readonly maxExtensions: number
  /** 到场先于处置 — a safety-hazard case cannot be reported handled before arrival was reported. Default true. */
  readonly arrivalBeforeHandle: boolean
  /** 快速处置 — the center has its own rapid-handling team. Default false: not every city funds one. */
  readonly rapidHandling: boolean
}

/**
 * 默认环节时限 — working-time defaults. 核实 and 核查 are 30 minutes (EGV `sysConst.py`, standards.md §6);
 * the others are not fixed by any source we hold [?] and are set to what a center can do in a shift:
 * 受理 / 立案 / 派遣 / 签收 within 1 working hour each, 结案 within 1 working day of the unit's feedback.
 */
export const DEFAULT_STAGE_LIMITS: StageLimits = Object.freeze({
  accept: { amount: 1, unit: 'working-hours' },
  verify: { amount: 0.5, unit: 'working-hours' },
  register: { amount: 1, unit: 'working-hours' },
  dispatch: { amount: 1, unit: 'working-hours' },
  sign: { amount: 1, unit: 'working-hours' },
  check: { amount: 0.5, unit: 'working-hours' },
  close: { amount: 1, unit: 'working-days' },
})

/** 默认规则 — the defaults above, on the PRC calendar; `overrides` replace whole fields. */
export function caseRules(overrides: Partial<CaseRules> = {}): CaseRules {
  return {
    calendar: prcCalendar(),
    stageLimits: DEFAULT_STAGE_LIMITS,
    onSiteLimit: SAFETY_ON_SITE_LIMIT,
    yellowShare: 0.8,
    maxExtensions: 2,
    arrivalBeforeHandle: true,
    rapidHandling: false,
    ...overrides,
  }
}
