/**
 * @module core/evaluation/iso-time
 * 时间解析 — milliseconds of an ISO-8601 UTC instant as `Date#toISOString` writes it
 * ('2026-03-02T01:00:00.000Z'), read from its digits. V8's Date.parse costs about a microsecond a call, which
 * was most of an evaluation's time (tens of parses per case, a million cases); this is ~20× faster. Any other
 * form falls back to Date.parse.
 */

const d = (s: string, i: number): number => s.charCodeAt(i) - 48

/** Days from 1970-01-01 to the civil date y-m-d (proleptic Gregorian; Howard Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, day: number): number {
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/** 解析时刻 — epoch ms of `iso`; NaN for null, undefined or '' (not happened). */
export function isoMs(iso: string | null | undefined): number {
  if (!iso) return Number.NaN
  if (iso.length !== 24 || iso.charCodeAt(23) !== 90 /* Z */ || iso.charCodeAt(10) !== 84 /* T */)
    return Date.parse(iso)
  const y = d(iso, 0) * 1000 + d(iso, 1) * 100 + d(iso, 2) * 10 + d(iso, 3)
  const mo = d(iso, 5) * 10 + d(iso, 6)
  const day = d(iso, 8) * 10 + d(iso, 9)
  const h = d(iso, 11) * 10 + d(iso, 12)
  const mi = d(iso, 14) * 10 + d(iso, 15)
  const sec = d(iso, 17) * 10 + d(iso, 18)
  const msec = d(iso, 20) * 100 + d(iso, 21) * 10 + d(iso, 22)
  return ((daysFromCivil(y, mo, day) * 24 + h) * 60 + mi) * 60_000 + sec * 1000 + msec
}
