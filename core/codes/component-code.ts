import { parseAdminCode } from './admin-code.js'
import { err, ok, type Result } from './result.js'

/** A parsed 管理部件标识码 (component id). */
export interface ComponentCode {
  readonly code: string
  /** 2013: GB/T 30428.2-2013 (16 digits); 2026: GB/T 47678.5-2026 (17 digits). */
  readonly edition: '2013' | '2026'
  readonly districtCode: string
  readonly bigClassCode: string
  /** The category's small-class code as the catalog spells it: '0101' (2013) or '01001' (2026). */
  readonly smallClassCode: string
  /** 6-digit sequence of this component within its district and class. */
  readonly sequence: number
}

/**
 * 管理部件标识码 — checks a component id: district 6 + big class 2 + small class 2 + sequence 6 (16 digits,
 * GB/T 30428.2-2013) or district 6 + big class 2 + small class 3 + sequence 6 (17 digits, GB/T 47678.5-2026).
 */
export function parseComponentCode(input: string): Result<ComponentCode> {
  if (typeof input !== 'string')
    return err('component id (管理部件标识码): expected a string of 16 or 17 digits')
  if (!/^\d+$/.test(input)) return err(`component id "${input}": only digits 0-9 are allowed`)
  if (input.length !== 16 && input.length !== 17) {
    return err(
      `component id "${input}": expected 16 digits (2013 edition: 6+2+2+6) or 17 (2026 edition: 6+2+3+6), got ${input.length}`,
    )
  }
  const district = parseAdminCode(input.slice(0, 6), 'district')
  if (!district.ok) return err(`component id "${input}": ${district.error}`)
  const edition = input.length === 16 ? '2013' : '2026'
  const smallEnd = edition === '2013' ? 10 : 11
  const bigClassCode = input.slice(6, 8)
  if (bigClassCode === '00') return err(`component id "${input}": big class (digits 7-8) is 00`)
  const small = input.slice(8, smallEnd)
  if (Number(small) === 0)
    return err(`component id "${input}": small class (digits 9-${smallEnd}) is ${small}`)
  const sequenceDigits = input.slice(smallEnd)
  const sequence = Number(sequenceDigits)
  if (sequence === 0)
    return err(
      `component id "${input}": sequence (digits ${smallEnd + 1}-${input.length}) is ${sequenceDigits}`,
    )
  return ok({
    code: input,
    edition,
    districtCode: input.slice(0, 6),
    bigClassCode,
    smallClassCode: bigClassCode + small,
    sequence,
  })
}

/** Builds a component id from a district code, a catalog small-class code ('0101' or '01001') and a sequence. */
export function formatComponentCode(districtCode: string, smallClassCode: string, sequence: number): string {
  const district = parseAdminCode(districtCode, 'district')
  if (!district.ok) throw new RangeError(district.error)
  if (!/^\d{4,5}$/.test(smallClassCode))
    throw new RangeError(`small class code must be 4 (2013) or 5 (2026) digits, got "${smallClassCode}"`)
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999) {
    throw new RangeError(`component sequence must be an integer 1-999999, got ${sequence}`)
  }
  return districtCode + smallClassCode + String(sequence).padStart(6, '0')
}
