import type { Kysely } from 'kysely'
import type { TimeLimit } from '../../../core/catalog/types.js'
import { timeLimitProblem } from '../../../core/case/commands.js'
import type { CaseRules, StageLimits } from '../../../core/case/profile.js'
import { DEFAULT_STAGE_LIMITS } from '../../../core/case/profile.js'
import { taizhouRules } from '../../../core/case/taizhou.js'
import { DEFAULT_PERIODS, workPeriod, type WorkPeriod } from '../../../core/time/calendar.js'
import { calendarFromHolidays, parseHolidayData, prcHolidayData } from '../../../core/time/holidays.js'
import type { Database } from '../db/schema.js'
import { calendarYearFromRow, getSetting, insertMissingYears, listCalendarYears, rulesFingerprint } from '../db/calendar.js'

/** The app_setting key of the editable case rules. */
export const CASE_RULES_SETTING = 'case-rules'

/** 城市规则设置 — what an administrator may change without a release: working periods, stage limits, lights, extensions. */
export interface CaseRuleSettings {
  /** 工作时段 as local 'HH:MM' pairs; default 08:30–12:00 and 13:30–17:30. */
  readonly workingPeriods?: ReadonlyArray<{ readonly from: string; readonly to: string }>
  /** 环节时限 overrides per stage (accept, verify, register, dispatch, sign, check, close). */
  readonly stageLimits?: Partial<Record<keyof StageLimits, TimeLimit>>
  /** 黄灯 share of a limit, 0 < share < 1; default 0.8. */
  readonly yellowShare?: number
  /** 延期次数上限; default 2. */
  readonly maxExtensions?: number
}

/** The most extensions the rules may allow per case; more would make the limit meaningless. */
const MAX_EXTENSIONS = 20
/** The shortest working day the rules may set (see MAX_TIME_LIMIT). */
const MIN_WORKING_DAY_MINUTES = 60

const STAGES = Object.keys(DEFAULT_STAGE_LIMITS) as Array<keyof StageLimits>

/** Checks untrusted settings; returns the first problem as `{ field, message }`. */
export function checkCaseRuleSettings(raw: unknown): { field: string; message: string } | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { field: 'body', message: 'expected an object' }
  const s = raw as Record<string, unknown>
  for (const key of Object.keys(s)) {
    if (!['workingPeriods', 'stageLimits', 'yellowShare', 'maxExtensions'].includes(key)) return { field: key, message: 'unknown setting' }
  }
  if (s.workingPeriods !== undefined) {
    if (!Array.isArray(s.workingPeriods) || s.workingPeriods.length === 0 || s.workingPeriods.length > 8) {
      return { field: 'workingPeriods', message: 'expected 1 to 8 periods' }
    }
    const bad = (s.workingPeriods as unknown[]).findIndex((p) => typeof (p as { from?: unknown })?.from !== 'string' || typeof (p as { to?: unknown })?.to !== 'string')
    if (bad >= 0) return { field: `workingPeriods[${bad}]`, message: 'expected { from: "HH:MM", to: "HH:MM" }' }
    let minutes: number
    try {
      minutes = periodsOf(s.workingPeriods as CaseRuleSettings['workingPeriods']).reduce((sum, p) => sum + p.to - p.from, 0)
    } catch (e) {
      return { field: 'workingPeriods', message: (e as Error).message }
    }
    // The longest limit (MAX_TIME_LIMIT, 2,000 working hours) must end within the calendar's ten years.
    if (minutes < MIN_WORKING_DAY_MINUTES) return { field: 'workingPeriods', message: `expected at least ${MIN_WORKING_DAY_MINUTES / 60} working hour a day` }
  }
  if (s.stageLimits !== undefined) {
    if (typeof s.stageLimits !== 'object' || s.stageLimits === null) return { field: 'stageLimits', message: 'expected an object' }
    for (const [stage, limit] of Object.entries(s.stageLimits)) {
      if (!STAGES.includes(stage as keyof StageLimits)) return { field: `stageLimits.${stage}`, message: `not a stage with a configurable limit (${STAGES.join(', ')})` }
      const problem = timeLimitProblem(limit)
      if (problem) return { field: `stageLimits.${stage}`, message: problem }
    }
  }
  if (s.yellowShare !== undefined && !(typeof s.yellowShare === 'number' && s.yellowShare > 0 && s.yellowShare < 1)) {
    return { field: 'yellowShare', message: 'expected a number between 0 and 1' }
  }
  if (s.maxExtensions !== undefined && !(Number.isInteger(s.maxExtensions) && (s.maxExtensions as number) >= 0 && (s.maxExtensions as number) <= MAX_EXTENSIONS)) {
    return { field: 'maxExtensions', message: `expected a whole number from 0 to ${MAX_EXTENSIONS}` }
  }
  return undefined
}

function periodsOf(list: CaseRuleSettings['workingPeriods']): readonly WorkPeriod[] {
  if (!list) return DEFAULT_PERIODS
  const periods = list.map((p) => workPeriod(p.from, p.to)).sort((a, b) => a.from - b.from)
  periods.forEach((p, i) => {
    if (i > 0 && p.from < periods[i - 1]!.to) throw new RangeError('working periods must not overlap')
  })
  return periods
}

/** The rules the case loop runs on now, and the calendar years they cover. */
export interface LoadedRules {
  readonly rules: CaseRules
  readonly years: readonly number[]
  readonly settings: CaseRuleSettings
}

/** Keeps the case rules fresh: rebuilt when the calendar or the settings change (here at once, elsewhere within `recheckMs`). */
export interface CaseRulesCache {
  get(): Promise<LoadedRules>
  /** Forget the rules so the next get() rebuilds them (called after this process edits them). */
  invalidate(): void
}

/**
 * 城市规则 — Taizhou's rules (core/case/taizhou.ts) on the working calendar stored in the database (seeded from
 * core/time's bundled years, edited by administrators) and the stored settings.
 */
export function createCaseRulesCache(db: Kysely<Database>, options: { readonly recheckMs?: number } = {}): CaseRulesCache {
  const recheckMs = options.recheckMs ?? 5_000
  let current: { loaded: LoadedRules; fingerprint: string; checkedAt: number } | undefined
  let building: Promise<LoadedRules> | undefined
  let seeded = false

  async function build(): Promise<LoadedRules> {
    if (!seeded) {
      await insertMissingYears(db, prcHolidayData().years)
      seeded = true
    }
    const fingerprint = await rulesFingerprint(db)
    if (current && current.fingerprint === fingerprint) {
      current.checkedAt = Date.now()
      return current.loaded
    }
    const [rows, setting] = await Promise.all([listCalendarYears(db), getSetting(db, CASE_RULES_SETTING)])
    const parsed = parseHolidayData({ years: rows.map(calendarYearFromRow) })
    if (!parsed.ok) throw new Error(`the stored working calendar is invalid:\n${parsed.error.join('\n')}`)
    const settings = (setting?.value ?? {}) as CaseRuleSettings
    const rules = taizhouRules({
      calendar: calendarFromHolidays(parsed.value, periodsOf(settings.workingPeriods)),
      stageLimits: { ...DEFAULT_STAGE_LIMITS, ...settings.stageLimits },
      ...(settings.yellowShare !== undefined ? { yellowShare: settings.yellowShare } : {}),
      ...(settings.maxExtensions !== undefined ? { maxExtensions: settings.maxExtensions } : {}),
    })
    const loaded = { rules, years: rows.map((r) => r.year), settings }
    current = { loaded, fingerprint, checkedAt: Date.now() }
    return loaded
  }

  return {
    get() {
      if (current && Date.now() - current.checkedAt < recheckMs) return Promise.resolve(current.loaded)
      building ??= build().finally(() => {
        building = undefined
      })
      return building
    },
    invalidate() {
      current = undefined
    },
  }
}
