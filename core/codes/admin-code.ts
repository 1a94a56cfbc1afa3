import { err, ok, type Result } from './result.js'

/** 行政区划级别 — the levels of the administrative hierarchy a place belongs to. */
export type AdminLevel = 'district' | 'street' | 'community'

/** Digits of each level's code: 区县 6 (GB/T 2260), 街道/乡镇 9, 社区/村 12 (统计用区划代码 style). */
export const ADMIN_CODE_LENGTH: Readonly<Record<AdminLevel, number>> = {
  district: 6,
  street: 9,
  community: 12,
}

const LEVEL_NAMES: Readonly<Record<AdminLevel, string>> = {
  district: 'district (区县) code',
  street: 'street (街道) code',
  community: 'community (社区) code',
}

/** A parsed administrative code, with the codes of the levels above it. */
export interface AdminCode {
  readonly level: AdminLevel
  readonly code: string
  readonly districtCode: string
  readonly streetCode?: string
  readonly communityCode?: string
}

/**
 * 行政区划代码 — checks an administrative code of the given level and splits it into its parents.
 * The 6-digit district part follows GB/T 2260 (province 2, prefecture 2, county 2); each lower level adds
 * three digits, none of which may be all zero (000 means "no such level").
 */
export function parseAdminCode(input: string, level: AdminLevel): Result<AdminCode> {
  const what = LEVEL_NAMES[level]
  const length = ADMIN_CODE_LENGTH[level]
  if (typeof input !== 'string') return err(`${what}: expected a string of ${length} digits`)
  if (!/^\d+$/.test(input)) return err(`${what} "${input}": only digits 0-9 are allowed`)
  if (input.length !== length)
    return err(`${what} "${input}": expected ${length} digits, got ${input.length}`)
  const district = input.slice(0, 6)
  const problem = districtProblem(district)
  if (problem) return err(`${what} "${input}": ${problem}`)
  if (length >= 9 && input.slice(6, 9) === '000')
    return err(`${what} "${input}": street part (digits 7-9) is 000`)
  if (length >= 12 && input.slice(9, 12) === '000')
    return err(`${what} "${input}": community part (digits 10-12) is 000`)
  return ok({
    level,
    code: input,
    districtCode: district,
    ...(length >= 9 ? { streetCode: input.slice(0, 9) } : {}),
    ...(length >= 12 ? { communityCode: input.slice(0, 12) } : {}),
  })
}

/** The level of an administrative code judged by its length, or undefined for any other length. */
export function adminLevelOf(code: string): AdminLevel | undefined {
  switch (code.length) {
    case 6:
      return 'district'
    case 9:
      return 'street'
    case 12:
      return 'community'
    default:
      return undefined
  }
}

/** True when `code` is `ancestor` itself or lies inside it (codes nest by prefix). */
export function isWithinAdminCode(code: string, ancestor: string): boolean {
  return code.startsWith(ancestor)
}

// GB/T 2260: the province part is 11-82 and the county part of a county-level unit is never 00.
function districtProblem(district: string): string | undefined {
  const province = Number(district.slice(0, 2))
  if (province < 11 || province > 82)
    return `province part "${district.slice(0, 2)}" is not a GB/T 2260 province (11-82)`
  if (district.slice(2, 4) === '00') return `prefecture part (digits 3-4) is 00: not a county-level code`
  if (district.slice(4, 6) === '00')
    return `county part (digits 5-6) is 00: that is a prefecture, not a district`
  return undefined
}
