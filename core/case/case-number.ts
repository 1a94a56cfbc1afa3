/**
 * @module core/case/case-number
 * 案卷编号 — readable, unique case numbers: year + 6-digit district code + 6-digit sequence,
 * '2026-321202-000123'. The sequence comes from the caller (a database sequence per year and district), so
 * core stays pure and numbers stay unique across server instances.
 */
import type { Result } from '../codes/result.js'
import { err, ok } from '../codes/result.js'

/** 编号组成 — the parts of a case number. */
export interface CaseNumberParts {
  readonly year: number
  /** 区县代码 — 6-digit administrative code of the district, e.g. '321202' (泰州市海陵区). */
  readonly districtCode: string
  /** 1 … 999999 within the year and district. */
  readonly sequence: number
}

const PATTERN = /^(\d{4})-(\d{6})-(\d{6})$/

/** 案卷编号 — formats '2026-321202-000123'; throws a RangeError on a part that does not fit. */
export function caseNumber(parts: CaseNumberParts): string {
  const { year, districtCode, sequence } = parts
  if (!Number.isInteger(year) || year < 1000 || year > 9999)
    throw new RangeError(`case number: year ${year} is not 4 digits`)
  if (!/^\d{6}$/.test(districtCode))
    throw new RangeError(`case number: district code "${districtCode}" is not 6 digits`)
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999) {
    throw new RangeError(`case number: sequence ${sequence} is outside 1…999999`)
  }
  return `${year}-${districtCode}-${String(sequence).padStart(6, '0')}`
}

/** 编号年份 — the local (+08:00) year of `now`, the year a case number carries (a case at 2026-12-31 20:00 UTC is 2027). */
export function caseNumberYear(now: Date, utcOffsetMinutes = 480): number {
  return new Date(+now + utcOffsetMinutes * 60_000).getUTCFullYear()
}

/** 编号解析 — splits a case number into its parts. */
export function parseCaseNumber(text: string): Result<CaseNumberParts, string> {
  const m = PATTERN.exec(text)
  if (!m) return err(`case number "${text}": expected YYYY-DDDDDD-NNNNNN`)
  const sequence = Number(m[3])
  if (sequence === 0) return err(`case number "${text}": sequence starts at 1`)
  return ok({ year: Number(m[1]), districtCode: m[2] as string, sequence })
}
