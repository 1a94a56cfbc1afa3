/**
 * @module core/catalog/validate-catalog
 * 目录校验 — turns untrusted JSON into a {@link Catalog}, or reports every problem by its JSON path.
 */
import { categoryKey } from './category-key.js'
import type { CatalogIssue } from './read-json.js'
import {
  CatalogError,
  IssueList,
  at,
  deepFreeze,
  describe,
  item,
  readArray,
  readObject,
  readOneOf,
  readString,
} from './read-json.js'
import { readBigClass, readCategoryClass } from './read-category.js'
import type { BigClass, Catalog, CategoryClass, Edition } from './types.js'
import { EDITIONS, EDITION_STANDARDS } from './types.js'

/** 校验结果 — result of {@link checkCatalog}: the catalog, or every issue found. */
export type CatalogCheck =
  | { readonly ok: true; readonly catalog: Catalog }
  | { readonly ok: false; readonly issues: readonly CatalogIssue[] }

/** 带路径的记录 — a parsed record with the JSON path it was read from, for error messages. */
export interface Located<T> {
  readonly value: T
  readonly path: string
}

/**
 * 目录规则 — cross-record rules of a catalog whose records each parsed: unique big classes and small-class codes per
 * kind, big classes that exist, unique condition ids, 2026 matters that mirror an existing component, and
 * local classes wherever their big class is local.
 */
export function checkCatalogRules(
  bigClasses: readonly Located<BigClass>[],
  classes: readonly Located<CategoryClass>[],
  issues: IssueList,
): void {
  const bigSeen = new Map<string, Located<BigClass>>()
  for (const b of bigClasses) {
    const k = `${b.value.kind}:${b.value.code}`
    const first = bigSeen.get(k)
    if (first)
      issues.add(
        at(b.path, 'code'),
        `duplicate ${b.value.kind} big class "${b.value.code}" (also ${first.path})`,
      )
    else bigSeen.set(k, b)
  }
  const classSeen = new Map<string, Located<CategoryClass>>()
  const conditionSeen = new Map<string, string>()
  for (const c of classes) {
    const { kind, code, bigClassCode } = c.value
    const big = bigSeen.get(`${kind}:${bigClassCode}`)
    if (!big) issues.add(at(c.path, 'bigClassCode'), `no ${kind} big class "${bigClassCode}"`)
    else if (big.value.local && !c.value.local) {
      issues.add(at(c.path, 'local'), `must be true: big class "${bigClassCode}" is a local extension`)
    }
    const first = classSeen.get(`${kind}:${code}`)
    if (first) issues.add(at(c.path, 'code'), `duplicate ${kind} code "${code}" (also ${first.path})`)
    else classSeen.set(`${kind}:${code}`, c)
    c.value.conditions.forEach((cond, i) => {
      const path = at(item(at(c.path, 'conditions'), i), 'id')
      const previous = conditionSeen.get(cond.id)
      if (previous) issues.add(path, `duplicate condition id "${cond.id}" (also ${previous})`)
      else conditionSeen.set(cond.id, path)
    })
  }
  for (const c of classes) {
    const mirrored = c.value.componentCode
    if (mirrored !== undefined && !classSeen.has(`component:${mirrored}`)) {
      issues.add(at(c.path, 'componentCode'), `no component "${mirrored}" in this catalog`)
    }
  }
}

function versionPattern(edition: Edition): RegExp {
  return new RegExp(`^${edition}\\.\\d+(\\+[a-z][a-z0-9-]*\\.\\d+(\\.\\d+)*)*$`)
}

/** 目录校验 — reads untrusted JSON as a catalog and reports every issue instead of throwing. */
export function checkCatalog(json: unknown): CatalogCheck {
  const issues = new IssueList()
  if (json === undefined) issues.add('', 'expected an object, got nothing')
  const o = readObject(json, '', issues, ['edition', 'standard', 'version', 'bigClasses', 'classes'])
  if (!o) return { ok: false, issues: issues.items }
  const edition = readOneOf(o.edition, 'edition', issues, EDITIONS)
  const standard = readString(o.standard, 'standard', issues)
  if (edition && standard && standard !== EDITION_STANDARDS[edition]) {
    issues.add(
      'standard',
      `expected "${EDITION_STANDARDS[edition]}" for edition ${edition}, got ${describe(standard)}`,
    )
  }
  const version = readString(o.version, 'version', issues)
  if (edition && version && !versionPattern(edition).test(version)) {
    issues.add(
      'version',
      `expected "${edition}.<n>" optionally followed by "+<city>.<n>", got ${describe(version)}`,
    )
  }
  const bigList = readArray(o.bigClasses, 'bigClasses', issues) ?? []
  const classList = readArray(o.classes, 'classes', issues) ?? []
  const bigClasses: Located<BigClass>[] = []
  bigList.forEach((v, i) => {
    const value = readBigClass(v, item('bigClasses', i), issues, edition)
    if (value) bigClasses.push({ value, path: item('bigClasses', i) })
  })
  const classes: Located<CategoryClass>[] = []
  classList.forEach((v, i) => {
    const value = readCategoryClass(v, item('classes', i), issues, edition)
    if (value) classes.push({ value, path: item('classes', i) })
  })
  // Cross-record rules run once every record reads cleanly, so one broken record does not cascade.
  if (issues.items.length === 0) checkCatalogRules(bigClasses, classes, issues)
  if (issues.items.length > 0 || !edition || !standard || !version) return { ok: false, issues: issues.items }
  const catalog: Catalog = {
    edition,
    standard,
    version,
    bigClasses: bigClasses.map((b) => b.value),
    classes: classes.map((c) => c.value),
  }
  return { ok: true, catalog: deepFreeze(catalog) }
}

/**
 * 目录解析 — reads untrusted JSON as a catalog, validating every field. Throws a {@link CatalogError} whose
 * message lists each issue by path, e.g.
 * `classes[12].conditions[0].limits.B.unit: expected one of working-hours, working-days, natural-hours, got "hours"`.
 */
export function parseCatalog(json: unknown): Catalog {
  const result = checkCatalog(json)
  if (!result.ok) throw new CatalogError(result.issues)
  return result.catalog
}

/** 分类键列表 — the category key of every class, in catalog order (handy for diffs and tests). */
export function catalogKeys(catalog: Catalog): readonly string[] {
  return catalog.classes.map((c) => categoryKey(c.edition, c.kind, c.code))
}
