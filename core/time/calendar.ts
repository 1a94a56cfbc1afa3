/**
 * @module core/time/calendar
 * 工作日历 / 计时方案 — the working-time clock of standards.md §6: which days are worked (weekends, 法定节假日,
 * 调休上班日) and the daily working periods, and deadline arithmetic on it. China keeps one fixed offset
 * (+08:00, no DST), so local days are computed by shifting instants by the offset — no time-zone database needed.
 *
 * Clocks:
 * - `natural-hours` — wall-clock time; holidays and nights count.
 * - `working-hours` — only minutes inside the working periods of working days count.
 * - `working-days` — N whole working days; see {@link addWorkingTime} for the exact rule.
 */
import type { TimeLimit, TimeUnit } from '../catalog/types.js'

/** 工作时段 — one daily working period in local minutes since midnight, e.g. 08:30–12:00 = { from: 510, to: 720 }. */
export interface WorkPeriod {
  readonly from: number
  readonly to: number
}

/** 工作日历 — holidays, 调休 working days and daily periods of one city. */
export interface WorkCalendar {
  /** 法定节假日 — days off ('YYYY-MM-DD', local), weekday or not. */
  readonly holidays: ReadonlySet<string>
  /** 调休上班日 — weekend days that are worked. */
  readonly workdays: ReadonlySet<string>
  /** Sorted, non-overlapping periods; at least one. */
  readonly periods: readonly WorkPeriod[]
  /** Fixed offset of local time from UTC, minutes; China: 480. */
  readonly utcOffsetMinutes: number
}

/** 挂账区间 — an interval that no clock counts (parked cases), as ISO strings or Dates. */
export interface Interval {
  readonly from: string | Date
  readonly to: string | Date
}

const MINUTE = 60_000
const HOUR = 3_600_000
const DAY = 86_400_000
/** No real calendar has a year without working time; this bounds the loops on a broken one. */
const MAX_DAYS = 3_660

/** 默认工作时段 — 08:30–12:00 and 13:30–17:30 (a common 机关 schedule; cities override it in their profile). */
export const DEFAULT_PERIODS: readonly WorkPeriod[] = [
  { from: 8 * 60 + 30, to: 12 * 60 },
  { from: 13 * 60 + 30, to: 17 * 60 + 30 },
]

/** 中国标准时间 — UTC+08:00 in minutes. */
export const CHINA_UTC_OFFSET_MINUTES = 480

/** 工作时段 — parses '08:30'–'12:00' into a period; throws a RangeError on a malformed or empty period. */
export function workPeriod(from: string, to: string): WorkPeriod {
  const minutes = (hhmm: string): number => {
    const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm)
    if (!m) throw new RangeError(`working period time "${hhmm}": expected HH:MM`)
    return Number(m[1]) * 60 + Number(m[2])
  }
  const p = { from: minutes(from), to: minutes(to) }
  if (p.to <= p.from) throw new RangeError(`working period ${from}–${to} is empty`)
  return p
}

/** 工作日历 — builds a calendar; periods are sorted and checked for overlap. */
export function workCalendar(
  holidays: Iterable<string>,
  workdays: Iterable<string>,
  periods: readonly WorkPeriod[] = DEFAULT_PERIODS,
  utcOffsetMinutes = CHINA_UTC_OFFSET_MINUTES,
): WorkCalendar {
  const sorted = [...periods].sort((a, b) => a.from - b.from)
  if (sorted.length === 0) throw new RangeError('a work calendar needs at least one working period')
  sorted.forEach((p, i) => {
    const prev = sorted[i - 1]
    if (p.to <= p.from || (prev && p.from < prev.to))
      throw new RangeError('working periods must be non-empty and must not overlap')
  })
  return { holidays: new Set(holidays), workdays: new Set(workdays), periods: sorted, utcOffsetMinutes }
}

/** Local midnight (as UTC ms) of the local day containing `ms`. */
function localMidnight(ms: number, cal: WorkCalendar): number {
  const off = cal.utcOffsetMinutes * MINUTE
  return Math.floor((ms + off) / DAY) * DAY - off
}

/** 日期键 — the local 'YYYY-MM-DD' of an instant. */
export function localDateKey(at: Date | number, cal: WorkCalendar): string {
  return new Date(+at + cal.utcOffsetMinutes * MINUTE).toISOString().slice(0, 10)
}

/** 工作日 — true for a local day that is worked: Monday–Friday unless a holiday, or a listed 调休 day. */
export function isWorkingDay(date: Date | string, cal: WorkCalendar): boolean {
  const key = typeof date === 'string' ? date : localDateKey(date, cal)
  if (cal.workdays.has(key)) return true
  if (cal.holidays.has(key)) return false
  const weekday = new Date(`${key}T00:00:00Z`).getUTCDay()
  return weekday !== 0 && weekday !== 6
}

/** Working intervals [from, to) in UTC ms of the local day starting at `midnight`; empty on a day off. */
function workIntervals(midnight: number, cal: WorkCalendar): Array<[number, number]> {
  if (!isWorkingDay(localDateKey(midnight, cal), cal)) return []
  return cal.periods.map((p) => [midnight + p.from * MINUTE, midnight + p.to * MINUTE])
}

/** 工作时长 — working milliseconds of one full working day (7.5 hours with the default periods). */
export function workingDayMs(cal: WorkCalendar): number {
  return cal.periods.reduce((sum, p) => sum + (p.to - p.from) * MINUTE, 0)
}

/**
 * 加工作时间 — the instant `ms` working milliseconds after `start`. A deadline that fills a period exactly
 * lands on that period's end (12:00), not on the next period's start.
 */
export function addWorkingMs(start: Date, ms: number, cal: WorkCalendar): Date {
  let left = ms
  if (left <= 0) return new Date(start)
  const t0 = +start
  for (let day = 0, midnight = localMidnight(t0, cal); day < MAX_DAYS; day++, midnight += DAY) {
    for (const [from, to] of workIntervals(midnight, cal)) {
      const s = Math.max(from, t0)
      if (to <= s) continue
      if (left <= to - s) return new Date(s + left)
      left -= to - s
    }
  }
  throw new RangeError('work calendar has no working time in ten years')
}

/** Working ms inside [a, b), ignoring suspensions. */
function workingMsRaw(a: number, b: number, cal: WorkCalendar): number {
  let sum = 0
  for (let midnight = localMidnight(a, cal); midnight < b; midnight += DAY) {
    for (const [from, to] of workIntervals(midnight, cal))
      sum += Math.max(0, Math.min(to, b) - Math.max(from, a))
  }
  return sum
}

/** Clips `suspensions` to [a, b) as ms pairs; they are assumed not to overlap each other (one park at a time). */
function clipped(a: number, b: number, suspensions: readonly Interval[]): Array<[number, number]> {
  return suspensions
    .map((s): [number, number] => [Math.max(a, +new Date(s.from)), Math.min(b, +new Date(s.to))])
    .filter(([f, t]) => t > f)
}

/** 工作时长 — working milliseconds between `a` and `b` (0 if b ≤ a), minus any suspended (parked) time. */
export function workingMsBetween(
  a: Date,
  b: Date,
  cal: WorkCalendar,
  suspensions: readonly Interval[] = [],
): number {
  if (+b <= +a) return 0
  const off = clipped(+a, +b, suspensions).reduce((sum, [f, t]) => sum + workingMsRaw(f, t, cal), 0)
  return workingMsRaw(+a, +b, cal) - off
}

/** 耗时 — time consumed between `a` and `b` on the given clock, minus suspended time. */
export function elapsedOnClock(
  a: Date,
  b: Date,
  unit: TimeUnit,
  cal: WorkCalendar,
  suspensions: readonly Interval[] = [],
): number {
  if (unit !== 'natural-hours') return workingMsBetween(a, b, cal, suspensions)
  if (+b <= +a) return 0
  return +b - +a - clipped(+a, +b, suspensions).reduce((sum, [f, t]) => sum + t - f, 0)
}

/**
 * 计算期限 — the deadline of `limit` started at `start`.
 * - natural-hours: start + amount hours.
 * - working-hours: start + amount × 60 working minutes (fractions allowed: 0.5 = 30 working minutes).
 * - working-days: the end of the last working period of the Nth counted working day, where a working day
 *   counts when its first period has not begun at `start` — so the remainder of a day already under way is
 *   a bonus and never one of the N, while a case started at 07:00 on a working day gets that whole day.
 *   A fractional part adds that share of a working day's working time after it.
 */
export function addWorkingTime(start: Date, limit: TimeLimit, cal: WorkCalendar): Date {
  if (limit.unit === 'natural-hours') return new Date(+start + limit.amount * HOUR)
  if (limit.unit === 'working-hours') return addWorkingMs(start, limit.amount * HOUR, cal)
  const whole = Math.floor(limit.amount)
  const fraction = (limit.amount - whole) * workingDayMs(cal)
  if (whole === 0) return addWorkingMs(start, fraction, cal)
  const first = cal.periods[0] as WorkPeriod
  const last = cal.periods[cal.periods.length - 1] as WorkPeriod
  let counted = 0
  for (let day = 0, midnight = localMidnight(+start, cal); day < MAX_DAYS; day++, midnight += DAY) {
    if (midnight + first.from * MINUTE < +start || !isWorkingDay(localDateKey(midnight, cal), cal)) continue
    if (++counted === whole) return addWorkingMs(new Date(midnight + last.to * MINUTE), fraction, cal)
  }
  throw new RangeError('work calendar has no working time in ten years')
}

/**
 * 挂账顺延 — moves a deadline by the time a suspension consumed on the limit's clock, so a parked case
 * neither gains nor loses time: working clocks add the suspended working time, the natural clock all of it.
 */
export function shiftDeadline(deadline: Date, suspension: Interval, unit: TimeUnit, cal: WorkCalendar): Date {
  const from = new Date(suspension.from)
  const to = new Date(suspension.to)
  if (unit === 'natural-hours') return new Date(+deadline + Math.max(0, +to - +from))
  return addWorkingMs(deadline, workingMsBetween(from, to, cal), cal)
}
