/**
 * @module core/evaluation/period
 * 考核周期 — day, ISO week (Monday start), month, quarter, year or any range of local days, as half-open
 * UTC instants [start, end) in the city's fixed offset (Asia/Shanghai: +08:00, no DST, so no zone database is
 * needed). Also the periods 环比 and 同比 compare against.
 */
import type { Result } from '../codes/result.js'
import { err, ok } from '../codes/result.js'
import { CHINA_UTC_OFFSET_MINUTES } from '../time/calendar.js'

/** 周期类型 — the kinds of evaluation period. */
export const PERIOD_KINDS = ['day', 'week', 'month', 'quarter', 'year', 'range'] as const
/** 周期类型 — one of {@link PERIOD_KINDS}. */
export type PeriodKind = (typeof PERIOD_KINDS)[number]

/** 考核周期 — a labelled half-open interval of instants. */
export interface EvaluationPeriod {
  readonly kind: PeriodKind
  /** '2026-03-02', '2026-W10', '2026-03', '2026-Q1', '2026', or '2026-03-01..2026-03-15' (inclusive days). */
  readonly label: string
  /** First instant inside, ISO UTC. */
  readonly start: string
  /** First instant after, ISO UTC. */
  readonly end: string
}

const DAY = 86_400_000
const pad = (n: number, w = 2): string => String(n).padStart(w, '0')

/** Local midnight of the civil date y-m-d (month 1-based; overflow allowed) as UTC ms. */
function midnight(y: number, m: number, d: number, offsetMin: number): number {
  return Date.UTC(y, m - 1, d) - offsetMin * 60_000
}

/** The civil date (UTC fields of the shifted instant) of `ms` in the local offset. */
function civil(ms: number, offsetMin: number): Date {
  return new Date(ms + offsetMin * 60_000)
}

function make(kind: PeriodKind, label: string, start: number, end: number): EvaluationPeriod {
  return { kind, label, start: new Date(start).toISOString(), end: new Date(end).toISOString() }
}

/** Monday (local civil date, as a UTC-midnight Date) of ISO week `week` of ISO year `year`. */
function isoWeekMonday(year: number, week: number): Date {
  const jan4 = new Date(Date.UTC(year, 0, 4))
  const mondayW1 = Date.UTC(year, 0, 4) - ((jan4.getUTCDay() + 6) % 7) * DAY
  return new Date(mondayW1 + (week - 1) * 7 * DAY)
}

/** ISO year and week of a civil date given as a UTC-midnight Date. */
function isoWeekOf(date: Date): { year: number; week: number } {
  const thursday = new Date(+date + (3 - ((date.getUTCDay() + 6) % 7)) * DAY)
  const year = thursday.getUTCFullYear()
  const week = 1 + Math.floor((+thursday - +isoWeekMonday(year, 1)) / (7 * DAY))
  return { year, week }
}

/** Weeks in an ISO year (52 or 53). */
function isoWeeksIn(year: number): number {
  return isoWeekOf(new Date(Date.UTC(year, 11, 28))).week
}

/** 所在周期 — the period of `kind` (not 'range') that holds instant `at`. */
export function periodContaining(
  kind: Exclude<PeriodKind, 'range'>,
  at: Date,
  utcOffsetMinutes = CHINA_UTC_OFFSET_MINUTES,
): EvaluationPeriod {
  const c = civil(+at, utcOffsetMinutes)
  const y = c.getUTCFullYear()
  const m = c.getUTCMonth() + 1
  const d = c.getUTCDate()
  const label =
    kind === 'day'
      ? `${y}-${pad(m)}-${pad(d)}`
      : kind === 'month'
        ? `${y}-${pad(m)}`
        : kind === 'quarter'
          ? `${y}-Q${Math.ceil(m / 3)}`
          : kind === 'year'
            ? `${y}`
            : (() => {
                const w = isoWeekOf(new Date(Date.UTC(y, m - 1, d)))
                return `${w.year}-W${pad(w.week)}`
              })()
  const parsed = parsePeriod(label, utcOffsetMinutes)
  if (!parsed.ok) throw new Error(parsed.error)
  return parsed.value
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

function dateParts(s: string): [number, number, number] | undefined {
  const m = DATE.exec(s)
  if (!m) return undefined
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const t = new Date(Date.UTC(y, mo - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d
    ? [y, mo, d]
    : undefined
}

/**
 * 解析周期 — reads a period label: '2026-03-02' (day), '2026-W10' (ISO week), '2026-03' (month), '2026-Q1'
 * (quarter), '2026' (year) or '2026-03-01..2026-03-15' (a range of whole local days, both inclusive).
 * A bad label gets an error naming what is wrong (for a 400 on the `period` field).
 */
export function parsePeriod(
  label: string,
  utcOffsetMinutes = CHINA_UTC_OFFSET_MINUTES,
): Result<EvaluationPeriod> {
  const off = utcOffsetMinutes
  let m: RegExpExecArray | null
  if ((m = /^(\d{4})$/.exec(label))) {
    const y = Number(m[1])
    return ok(make('year', label, midnight(y, 1, 1, off), midnight(y + 1, 1, 1, off)))
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(label))) {
    const [y, q] = [Number(m[1]), Number(m[2])]
    return ok(make('quarter', label, midnight(y, 3 * q - 2, 1, off), midnight(y, 3 * q + 1, 1, off)))
  }
  if ((m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(label))) {
    const [y, mo] = [Number(m[1]), Number(m[2])]
    return ok(make('month', label, midnight(y, mo, 1, off), midnight(y, mo + 1, 1, off)))
  }
  if ((m = /^(\d{4})-W(\d{2})$/.exec(label))) {
    const [y, w] = [Number(m[1]), Number(m[2])]
    if (w < 1 || w > isoWeeksIn(y)) return err(`period "${label}": ISO year ${y} has no week ${w}`)
    const mon = isoWeekMonday(y, w)
    const start = midnight(mon.getUTCFullYear(), mon.getUTCMonth() + 1, mon.getUTCDate(), off)
    return ok(make('week', label, start, start + 7 * DAY))
  }
  const day = dateParts(label)
  if (day) {
    const start = midnight(day[0], day[1], day[2], off)
    return ok(make('day', label, start, start + DAY))
  }
  const range = /^(.+)\.\.(.+)$/.exec(label)
  if (range) {
    const a = dateParts(range[1] as string)
    const b = dateParts(range[2] as string)
    if (!a || !b) return err(`period "${label}": a range is two dates, 'YYYY-MM-DD..YYYY-MM-DD'`)
    const start = midnight(a[0], a[1], a[2], off)
    const end = midnight(b[0], b[1], b[2], off) + DAY
    if (end <= start) return err(`period "${label}": the range ends before it starts`)
    return ok(make('range', label, start, end))
  }
  return err(
    `period "${label}": expected YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYY-Qn, YYYY or YYYY-MM-DD..YYYY-MM-DD`,
  )
}

/** Local civil date 'YYYY-MM-DD' of an instant. */
function dayLabel(ms: number, off: number): string {
  return civil(ms, off).toISOString().slice(0, 10)
}

/**
 * 环比 — the period just before `p`: the previous day, ISO week, month, quarter or year; for a range, the
 * range of the same number of days ending the day before it starts.
 */
export function previousPeriod(
  p: EvaluationPeriod,
  utcOffsetMinutes = CHINA_UTC_OFFSET_MINUTES,
): EvaluationPeriod {
  const start = Date.parse(p.start)
  if (p.kind === 'range') {
    const days = Math.round((Date.parse(p.end) - start) / DAY)
    const from = dayLabel(start - days * DAY, utcOffsetMinutes)
    const to = dayLabel(start - DAY, utcOffsetMinutes)
    return mustParse(`${from}..${to}`, utcOffsetMinutes)
  }
  // The instant just before `start` lies in the previous period of the same kind.
  return periodContaining(p.kind, new Date(start - 1), utcOffsetMinutes)
}

/**
 * 同比 — the same period one year earlier: the same day, month or quarter of the previous year; the same ISO
 * week number (week 53 maps to week 52 when the previous ISO year has none); a range shifted by a year
 * (29 February becomes 28 February).
 */
export function samePeriodLastYear(
  p: EvaluationPeriod,
  utcOffsetMinutes = CHINA_UTC_OFFSET_MINUTES,
): EvaluationPeriod {
  const back = (date: string): string => {
    const [y, m, d] = dateParts(date) as [number, number, number]
    const last = new Date(Date.UTC(y - 1, m, 0)).getUTCDate()
    return `${y - 1}-${pad(m)}-${pad(Math.min(d, last))}`
  }
  const l = p.label
  switch (p.kind) {
    case 'year':
      return mustParse(String(Number(l) - 1), utcOffsetMinutes)
    case 'quarter':
    case 'month':
      return mustParse(`${Number(l.slice(0, 4)) - 1}${l.slice(4)}`, utcOffsetMinutes)
    case 'week': {
      const y = Number(l.slice(0, 4)) - 1
      const w = Math.min(Number(l.slice(6)), isoWeeksIn(y))
      return mustParse(`${y}-W${pad(w)}`, utcOffsetMinutes)
    }
    case 'day':
      return mustParse(back(l), utcOffsetMinutes)
    case 'range': {
      const [a, b] = l.split('..') as [string, string]
      return mustParse(`${back(a)}..${back(b)}`, utcOffsetMinutes)
    }
  }
}

function mustParse(label: string, off: number): EvaluationPeriod {
  const r = parsePeriod(label, off)
  if (!r.ok) throw new Error(r.error)
  return r.value
}
