/**
 * @module core/catalog/read-category
 * Readers for one big class, small class or 立案条件 from untrusted JSON. Each checks its own fields (code
 * shapes per edition, A ≤ B ≤ C, safetyHazard ⇔ 2-hour on-site limit); cross-record rules (unique codes,
 * references) live in catalog-rules.ts.
 */
import { isUnitType } from '../routing/unit-type.js'
import { categoryKey } from './category-key.js'
import type { IssueList } from './read-json.js'
import {
  at,
  describe,
  item,
  readArray,
  readBoolean,
  readObject,
  readOneOf,
  readPattern,
  readPositive,
  readString,
} from './read-json.js'
import type { AreaClass, BigClass, CategoryClass, Edition, FilingCondition, TimeLimit } from './types.js'
import {
  AREA_CLASSES,
  CATEGORY_KINDS,
  SAFETY_HAZARDS,
  SAFETY_ON_SITE_LIMIT,
  TIME_UNITS,
  URGENCIES,
} from './types.js'

const SMALL_CODE: Readonly<Record<Edition, { readonly pattern: RegExp; readonly shape: string }>> = {
  '2013': { pattern: /^\d{4}$/, shape: 'a 4-digit 2013 small-class code' },
  '2026': { pattern: /^\d{5}$/, shape: 'a 5-digit 2026 small-class code' },
}
const BIG_CODE = /^\d{2}$/
const CONDITION_SUFFIX = /^[A-Za-z0-9-]+$/

const fmt = (t: TimeLimit): string => `${t.amount} ${t.unit}`

/** Reads a 时限 {amount, unit}. */
export function readTimeLimit(value: unknown, path: string, issues: IssueList): TimeLimit | undefined {
  const o = readObject(value, path, issues, ['amount', 'unit'])
  if (!o) return undefined
  const amount = readPositive(o.amount, at(path, 'amount'), issues)
  const unit = readOneOf(o.unit, at(path, 'unit'), issues, TIME_UNITS)
  return amount === undefined || unit === undefined ? undefined : { amount, unit }
}

function checkOrder(limits: Record<AreaClass, TimeLimit>, path: string, issues: IssueList): void {
  const { A, B, C } = limits
  const pairs: [AreaClass, TimeLimit, AreaClass, TimeLimit][] = [
    ['A', A, 'B', B],
    ['B', B, 'C', C],
  ]
  if (A.unit === C.unit && A.unit !== B.unit) pairs.push(['A', A, 'C', C])
  for (const [lo, l, hi, h] of pairs) {
    if (l.unit === h.unit && l.amount > h.amount) {
      issues.add(path, `${lo} (${fmt(l)}) must not exceed ${hi} (${fmt(h)})`)
    }
  }
}

/** Reads a 处置时限 per area class {A, B, C}, checking A ≤ B ≤ C where the units agree. */
export function readLimits(
  value: unknown,
  path: string,
  issues: IssueList,
): Record<AreaClass, TimeLimit> | undefined {
  const o = readObject(value, path, issues, AREA_CLASSES)
  if (!o) return undefined
  const read = AREA_CLASSES.map((a) => readTimeLimit(o[a], at(path, a), issues))
  const [A, B, C] = read
  if (!A || !B || !C) return undefined
  const limits = { A, B, C }
  checkOrder(limits, path, issues)
  return limits
}

const CONDITION_REQUIRED = ['id', 'text', 'textEn', 'limits', 'closing', 'urgency'] as const
const CONDITION_OPTIONAL = ['safetyHazard', 'onSiteLimit'] as const

/** Reads a 立案条件 whose id must start with `classKey + ':'`. */
export function readCondition(
  value: unknown,
  path: string,
  issues: IssueList,
  classKey: string | undefined,
): FilingCondition | undefined {
  const o = readObject(value, path, issues, CONDITION_REQUIRED, CONDITION_OPTIONAL)
  if (!o) return undefined
  const id = readString(o.id, at(path, 'id'), issues)
  if (id !== undefined && classKey !== undefined) {
    const prefix = `${classKey}:`
    if (!id.startsWith(prefix) || !CONDITION_SUFFIX.test(id.slice(prefix.length))) {
      issues.add(
        at(path, 'id'),
        `expected "${prefix}" followed by letters, digits or "-", got ${describe(id)}`,
      )
    }
  }
  const text = readString(o.text, at(path, 'text'), issues)
  const textEn = readString(o.textEn, at(path, 'textEn'), issues)
  const limits = readLimits(o.limits, at(path, 'limits'), issues)
  const closing = readString(o.closing, at(path, 'closing'), issues)
  const urgency = readOneOf(o.urgency, at(path, 'urgency'), issues, URGENCIES)
  const hasHazard = o.safetyHazard !== undefined
  const hazard = hasHazard
    ? readOneOf(o.safetyHazard, at(path, 'safetyHazard'), issues, SAFETY_HAZARDS)
    : undefined
  const onSite =
    o.onSiteLimit === undefined ? undefined : readTimeLimit(o.onSiteLimit, at(path, 'onSiteLimit'), issues)
  if (hasHazard && o.onSiteLimit === undefined) {
    issues.add(at(path, 'onSiteLimit'), `required with safetyHazard: ${fmt(SAFETY_ON_SITE_LIMIT)} (第9条)`)
  }
  if (!hasHazard && o.onSiteLimit !== undefined)
    issues.add(at(path, 'onSiteLimit'), 'allowed only with safetyHazard')
  if (
    onSite &&
    (onSite.amount !== SAFETY_ON_SITE_LIMIT.amount || onSite.unit !== SAFETY_ON_SITE_LIMIT.unit)
  ) {
    issues.add(at(path, 'onSiteLimit'), `expected ${fmt(SAFETY_ON_SITE_LIMIT)} (第9条), got ${fmt(onSite)}`)
  }
  if (hasHazard && urgency === 'normal')
    issues.add(at(path, 'urgency'), 'a safety-hazard condition must be urgent')
  if (!id || !text || !textEn || !limits || !closing || !urgency) return undefined
  if (hasHazard && (!hazard || !onSite)) return undefined
  const base = { id, text, textEn, limits, closing, urgency }
  return hazard && onSite ? { ...base, safetyHazard: hazard, onSiteLimit: onSite } : base
}

const BIG_FIELDS = ['edition', 'kind', 'code', 'name', 'nameEn', 'local'] as const

function readEdition(value: unknown, path: string, issues: IssueList, edition: Edition | undefined): boolean {
  if (edition !== undefined && value !== edition) {
    issues.add(path, `expected "${edition}" (the catalog's edition), got ${describe(value)}`)
    return false
  }
  return true
}

/** Reads a 大类 of the given edition. */
export function readBigClass(
  value: unknown,
  path: string,
  issues: IssueList,
  edition: Edition | undefined,
): BigClass | undefined {
  const o = readObject(value, path, issues, BIG_FIELDS)
  if (!o || edition === undefined) return undefined
  const ok = readEdition(o.edition, at(path, 'edition'), issues, edition)
  const kind = readOneOf(o.kind, at(path, 'kind'), issues, CATEGORY_KINDS)
  const code = readPattern(o.code, at(path, 'code'), issues, BIG_CODE, 'a 2-digit big-class code')
  const name = readString(o.name, at(path, 'name'), issues)
  const nameEn = readString(o.nameEn, at(path, 'nameEn'), issues)
  const local = readBoolean(o.local, at(path, 'local'), issues)
  if (!ok || !kind || !code || !name || !nameEn || local === undefined) return undefined
  return { edition, kind, code, name, nameEn, local }
}

const CLASS_REQUIRED = [
  'edition',
  'kind',
  'code',
  'bigClassCode',
  'name',
  'nameEn',
  'defaultUnitType',
  'conditions',
  'local',
]

/** Reads a 小类 of the given edition, with its 立案条件. */
export function readCategoryClass(
  value: unknown,
  path: string,
  issues: IssueList,
  edition: Edition | undefined,
): CategoryClass | undefined {
  const o = readObject(value, path, issues, CLASS_REQUIRED, ['componentCode', 'note'])
  if (!o || edition === undefined) return undefined
  const ok = readEdition(o.edition, at(path, 'edition'), issues, edition)
  const kind = readOneOf(o.kind, at(path, 'kind'), issues, CATEGORY_KINDS)
  const { pattern, shape } = SMALL_CODE[edition]
  const code = readPattern(o.code, at(path, 'code'), issues, pattern, shape)
  const big = readPattern(
    o.bigClassCode,
    at(path, 'bigClassCode'),
    issues,
    BIG_CODE,
    'a 2-digit big-class code',
  )
  if (code && big && !code.startsWith(big)) {
    issues.add(at(path, 'code'), `${describe(code)} does not start with its big class ${describe(big)}`)
  }
  const name = readString(o.name, at(path, 'name'), issues)
  const nameEn = readString(o.nameEn, at(path, 'nameEn'), issues)
  const unit = o.defaultUnitType
  if (unit !== undefined && !isUnitType(unit)) {
    issues.add(
      at(path, 'defaultUnitType'),
      `expected a unit type (core/routing/unit-type.ts), got ${describe(unit)}`,
    )
  }
  const local = readBoolean(o.local, at(path, 'local'), issues)
  const key = kind && code ? categoryKey(edition, kind, code) : undefined
  const list = readArray(o.conditions, at(path, 'conditions'), issues)
  if (list && list.length === 0) issues.add(at(path, 'conditions'), 'expected at least one filing condition')
  const conditions = (list ?? []).map((c, i) =>
    readCondition(c, item(at(path, 'conditions'), i), issues, key),
  )
  let componentCode: string | undefined
  if (o.componentCode !== undefined) {
    if (edition !== '2026' || kind !== 'event') {
      issues.add(at(path, 'componentCode'), 'allowed only on 2026 matters (kind event)')
    } else componentCode = readPattern(o.componentCode, at(path, 'componentCode'), issues, pattern, shape)
  }
  const note = o.note === undefined ? undefined : readString(o.note, at(path, 'note'), issues)
  if (
    !ok ||
    !kind ||
    !code ||
    !big ||
    !name ||
    !nameEn ||
    !isUnitType(unit) ||
    local === undefined ||
    !list
  ) {
    return undefined
  }
  if (conditions.length === 0 || conditions.some((c) => c === undefined)) return undefined
  const parsed: CategoryClass = {
    edition,
    kind,
    code,
    bigClassCode: big,
    name,
    nameEn,
    defaultUnitType: unit,
    conditions: conditions as FilingCondition[],
    local,
  }
  return {
    ...parsed,
    ...(componentCode === undefined ? {} : { componentCode }),
    ...(note === undefined ? {} : { note }),
  }
}
