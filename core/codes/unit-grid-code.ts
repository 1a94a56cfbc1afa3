import { parseAdminCode } from './admin-code.js'
import { err, ok, type Result } from './result.js'

/** A parsed 单元网格 (unit grid) id with the administrative codes it embeds. */
export interface UnitGridCode {
  /** The id as given: 15 digits, or 14 in the older CJ/T 213-2005 form. */
  readonly code: string
  /** The id in the current 15-digit form (a 14-digit id gets its 2-digit sequence padded to 3). */
  readonly canonical: string
  readonly form: 'gbt-15' | 'cjt213-14'
  readonly districtCode: string
  readonly streetCode: string
  readonly communityCode: string
  /** Sequence within the community, numbered west→east, north→south (GB/T 30428.1 practice). */
  readonly sequence: number
}

/**
 * 单元网格标识码 — checks a unit grid id: district 6 + street 3 + community 3 + sequence 3 (GB/T 30428.1,
 * GB/T 47678.3), or the older 14-digit form with a 2-digit sequence (CJ/T 213-2005). Sequence 0 is invalid.
 */
export function parseUnitGridCode(input: string): Result<UnitGridCode> {
  if (typeof input !== 'string') return err('unit grid id (单元网格标识码): expected a string of 15 digits')
  if (!/^\d+$/.test(input)) return err(`unit grid id "${input}": only digits 0-9 are allowed`)
  if (input.length !== 15 && input.length !== 14) {
    return err(
      `unit grid id "${input}": expected 15 digits (6+3+3+3), or 14 in the CJ/T 213 form, got ${input.length}`,
    )
  }
  const community = parseAdminCode(input.slice(0, 12), 'community')
  if (!community.ok) return err(`unit grid id "${input}": ${community.error}`)
  const sequenceDigits = input.slice(12)
  const sequence = Number(sequenceDigits)
  if (sequence === 0)
    return err(`unit grid id "${input}": sequence part (digits 13-${input.length}) is ${sequenceDigits}`)
  return ok({
    code: input,
    canonical: input.length === 15 ? input : input.slice(0, 12) + sequenceDigits.padStart(3, '0'),
    form: input.length === 15 ? 'gbt-15' : 'cjt213-14',
    districtCode: input.slice(0, 6),
    streetCode: input.slice(0, 9),
    communityCode: input.slice(0, 12),
    sequence,
  })
}

/** Builds the 15-digit id of the `sequence`-th grid (1-999) of a community. */
export function formatUnitGridCode(communityCode: string, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999) {
    throw new RangeError(`unit grid sequence must be an integer 1-999, got ${sequence}`)
  }
  const community = parseAdminCode(communityCode, 'community')
  if (!community.ok) throw new RangeError(community.error)
  return communityCode + String(sequence).padStart(3, '0')
}
