/**
 * @module core/time/holidays
 * 节假日安排 — the State Council's yearly holiday notices as data (data/prc-holidays.json): days off and
 * 调休 working days per year. Administrators add next year's notice each November with
 * {@link mergeCalendarYear}; everything is validated before it can reach a deadline.
 */
import type { Result } from '../codes/result.js'
import { err, ok } from '../codes/result.js'
import bundled from './data/prc-holidays.json' with { type: 'json' }
import type { WorkCalendar, WorkPeriod } from './calendar.js'
import { DEFAULT_PERIODS, workCalendar } from './calendar.js'

/** 假期 — one holiday's days off, inclusive, weekends inside the range included. */
export interface HolidayRange {
  readonly name: string
  readonly from: string
  readonly to: string
}

/** 年度安排 — one year's notice. */
export interface CalendarYear {
  readonly year: number
  /** The notice it comes from, e.g. '国办发明电〔2025〕7号'. */
  readonly notice: string
  readonly holidays: readonly HolidayRange[]
  /** 调休上班日 — weekend days that are worked. */
  readonly workdays: readonly string[]
  /** Provenance or doubts. */
  readonly note?: string
}

/** 节假日数据 — every year the city has entered, sorted by year. */
export interface HolidayData {
  readonly description?: string
  readonly years: readonly CalendarYear[]
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY = 86_400_000

/** True for a real calendar date 'YYYY-MM-DD' (rejects 2026-02-30). */
function isDate(s: unknown): s is string {
  if (typeof s !== 'string' || !DATE.test(s)) return false
  return new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s
}

/** 假期天数 — every day of a range, 'YYYY-MM-DD'. */
export function rangeDays(range: HolidayRange): string[] {
  const out: string[] = []
  for (let t = Date.parse(`${range.from}T00:00:00Z`); t <= Date.parse(`${range.to}T00:00:00Z`); t += DAY) {
    out.push(new Date(t).toISOString().slice(0, 10))
  }
  return out
}

/** Issues of one year's data, each prefixed with where it is (`2026.holidays[1].to: …`). */
function yearIssues(raw: unknown, at: string): string[] {
  if (typeof raw !== 'object' || raw === null) return [`${at}: expected an object`]
  const y = raw as Record<string, unknown>
  const issues: string[] = []
  const year = y.year
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 2000 || year > 2100)
    return [`${at}.year: expected a year`]
  const inYear = (d: unknown, where: string): d is string => {
    if (!isDate(d)) issues.push(`${where}: expected a date YYYY-MM-DD, got ${JSON.stringify(d)}`)
    else if (!d.startsWith(`${year}-`)) issues.push(`${where}: ${d} is not in ${year}`)
    else return true
    return false
  }
  if (typeof y.notice !== 'string' || y.notice.trim() === '')
    issues.push(`${at}.notice: expected the notice it comes from`)
  if (y.note !== undefined && typeof y.note !== 'string') issues.push(`${at}.note: expected a string`)
  const off = new Set<string>()
  if (!Array.isArray(y.holidays)) issues.push(`${at}.holidays: expected an array`)
  else
    y.holidays.forEach((h: Record<string, unknown> | null, i) => {
      const where = `${at}.holidays[${i}]`
      if (typeof h?.name !== 'string' || h.name === '') issues.push(`${where}.name: expected a name`)
      if (!inYear(h?.from, `${where}.from`) || !inYear(h?.to, `${where}.to`)) return
      if (h.to < h.from) issues.push(`${where}: ends before it starts`)
      else for (const d of rangeDays({ name: '', from: h.from, to: h.to })) off.add(d)
    })
  if (!Array.isArray(y.workdays)) issues.push(`${at}.workdays: expected an array`)
  else
    y.workdays.forEach((d: unknown, i) => {
      const where = `${at}.workdays[${i}]`
      if (!inYear(d, where)) return
      const weekday = new Date(`${d}T00:00:00Z`).getUTCDay()
      // A 调休 day moves work onto a weekend; a weekday here is a typo that would silently do nothing.
      if (weekday !== 0 && weekday !== 6) issues.push(`${where}: ${d} is a weekday, not a weekend day worked`)
      if (off.has(d)) issues.push(`${where}: ${d} is listed both as a holiday and as a working day`)
    })
  return issues
}

/** 解析节假日数据 — validates untrusted holiday data; lists every issue found. */
export function parseHolidayData(raw: unknown): Result<HolidayData, string[]> {
  const years = (raw as { years?: unknown } | null)?.years
  if (!Array.isArray(years)) return err(['years: expected an array of years'])
  const issues = years.flatMap((y, i) => yearIssues(y, `years[${i}]`))
  const seen = new Set<unknown>()
  for (const y of years as Array<{ year?: unknown }>) {
    if (seen.has(y.year)) issues.push(`years: ${String(y.year)} appears twice`)
    seen.add(y.year)
  }
  if (issues.length > 0) return err(issues)
  const sorted = [...(years as CalendarYear[])].sort((a, b) => a.year - b.year)
  const description = (raw as { description?: unknown }).description
  return ok({ ...(typeof description === 'string' ? { description } : {}), years: sorted })
}

/** 年度更新 — replaces (or adds) one year's notice in `base`, after validating it; `base` is not changed. */
export function mergeCalendarYear(base: HolidayData, yearData: unknown): Result<HolidayData, string[]> {
  const issues = yearIssues(yearData, 'year')
  if (issues.length > 0) return err(issues)
  const year = yearData as CalendarYear
  const years = [...base.years.filter((y) => y.year !== year.year), year].sort((a, b) => a.year - b.year)
  return ok({ ...base, years })
}

/** 工作日历 — the calendar of `data` with the given daily working periods. */
export function calendarFromHolidays(
  data: HolidayData,
  periods: readonly WorkPeriod[] = DEFAULT_PERIODS,
): WorkCalendar {
  const holidays = data.years.flatMap((y) => y.holidays.flatMap(rangeDays))
  return workCalendar(
    holidays,
    data.years.flatMap((y) => y.workdays),
    periods,
  )
}

/** 内置节假日 — the bundled PRC data (2025, 2026), validated; throws if the shipped file is broken. */
export function prcHolidayData(): HolidayData {
  const parsed = parseHolidayData(bundled)
  if (!parsed.ok) throw new Error(`core/time/data/prc-holidays.json is invalid:\n${parsed.error.join('\n')}`)
  return parsed.value
}

/** 全国工作日历 — the PRC calendar (bundled years) with the given working periods (default 08:30–12:00, 13:30–17:30). */
export function prcCalendar(periods: readonly WorkPeriod[] = DEFAULT_PERIODS): WorkCalendar {
  return calendarFromHolidays(prcHolidayData(), periods)
}
