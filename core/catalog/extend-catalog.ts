/**
 * @module core/catalog/extend-catalog
 * 本地扩展 — a city's additions to a standard catalog (seed 第6条: the centre fixes its own 细分类别 and
 * 处置时限): local big classes (07+ in 2013, 11+ in 2026), local small classes after the standard codes of a
 * class, and overrides of a class's conditions or time limits. Conflicts are reported by path.
 */
import { categoryKey } from './category-key.js'
import type { ClassOverride } from './extension-overrides.js'
import { applyOverrides } from './extension-overrides.js'
export type { ClassOverride } from './extension-overrides.js'
import { CatalogError, IssueList, at, describe, item } from './read-json.js'
import { readBigClass, readCategoryClass } from './read-category.js'
import type { BigClass, Catalog, CategoryClass, CategoryKind, Edition, FilingCondition } from './types.js'
import { checkCatalog } from './validate-catalog.js'

/** 扩展大类 — a local big class; becomes `local: true`. */
export interface ExtensionBigClass {
  readonly kind: CategoryKind
  readonly code: string
  readonly name: string
  readonly nameEn: string
}

/** 扩展小类 — a local small class; becomes `local: true`. `bigClassCode` defaults to the code's first two digits. */
export interface ExtensionClass {
  readonly kind: CategoryKind
  readonly code: string
  readonly bigClassCode?: string
  readonly name: string
  readonly nameEn: string
  readonly defaultUnitType: CategoryClass['defaultUnitType']
  readonly conditions: readonly FilingCondition[]
  readonly componentCode?: string
  readonly note?: string
}

/** 本地扩展 — one city's extension of one edition. */
export interface CatalogExtension {
  /** Lower-case city id, e.g. 'taizhou'; goes into the version: '2013.1+taizhou.1'. */
  readonly id: string
  /** Extension version, e.g. '1'. */
  readonly version: string
  readonly edition: Edition
  readonly bigClasses?: readonly ExtensionBigClass[]
  readonly classes?: readonly ExtensionClass[]
  readonly overrides?: readonly ClassOverride[]
}

/** 扩展大类起始编码 — first big-class code a city may use per edition (standards.md §4.1: 07+; 2026 uses 01–10). */
export const FIRST_LOCAL_BIG_CLASS: Readonly<Record<Edition, number>> = { '2013': 7, '2026': 11 }

const ROOT = 'extension'

function readBigClasses(base: Catalog, ext: CatalogExtension, issues: IssueList): BigClass[] {
  const out: BigClass[] = []
  ;(ext.bigClasses ?? []).forEach((raw, i) => {
    const path = item(at(ROOT, 'bigClasses'), i)
    const b = readBigClass({ ...raw, edition: base.edition, local: true }, path, issues, base.edition)
    if (!b) return
    const min = FIRST_LOCAL_BIG_CLASS[base.edition]
    const clash = [...base.bigClasses, ...out].find((x) => x.kind === b.kind && x.code === b.code)
    if (Number(b.code) < min) {
      const first = String(min).padStart(2, '0')
      issues.add(
        at(path, 'code'),
        `local big classes start at ${first} in edition ${base.edition}, got "${b.code}"`,
      )
    } else if (clash)
      issues.add(at(path, 'code'), `${b.kind} big class "${b.code}" already exists (${clash.name})`)
    else out.push(b)
  })
  return out
}

function readClasses(
  base: Catalog,
  ext: CatalogExtension,
  bigs: readonly BigClass[],
  issues: IssueList,
): CategoryClass[] {
  const out: CategoryClass[] = []
  const allBigs = [...base.bigClasses, ...bigs]
  ;(ext.classes ?? []).forEach((raw, i) => {
    const path = item(at(ROOT, 'classes'), i)
    const bigClassCode = raw.bigClassCode ?? (typeof raw.code === 'string' ? raw.code.slice(0, 2) : undefined)
    const c = readCategoryClass(
      { ...raw, bigClassCode, edition: base.edition, local: true },
      path,
      issues,
      base.edition,
    )
    if (!c) return
    const key = categoryKey(c.edition, c.kind, c.code)
    const taken = [...base.classes, ...out].find((x) => x.kind === c.kind && x.code === c.code)
    const big = allBigs.find((b) => b.kind === c.kind && b.code === c.bigClassCode)
    if (taken) {
      issues.add(at(path, 'code'), `"${c.code}" is already used by ${key} ${taken.name}`)
      return
    }
    if (!big) {
      issues.add(
        at(path, 'bigClassCode'),
        `no ${c.kind} big class "${c.bigClassCode}" in the catalog or this extension`,
      )
      return
    }
    if (!big.local) {
      const standard = base.classes.filter(
        (x) => x.kind === c.kind && x.bigClassCode === c.bigClassCode && !x.local,
      )
      const last = standard
        .map((x) => x.code)
        .sort()
        .at(-1)
      if (last !== undefined && c.code <= last) {
        issues.add(
          at(path, 'code'),
          `"${c.code}" lies within the standard codes of ${c.kind} big class ${c.bigClassCode} (up to ${last}); local codes start after it`,
        )
        return
      }
    }
    if (c.componentCode !== undefined) {
      const mirrored = [...base.classes, ...out].some(
        (x) => x.kind === 'component' && x.code === c.componentCode,
      )
      if (!mirrored)
        issues.add(
          at(path, 'componentCode'),
          `no component "${c.componentCode}" in the catalog or this extension`,
        )
    }
    out.push(c)
  })
  return out
}

function byKindAndCode<T extends { readonly kind: CategoryKind; readonly code: string }>(a: T, b: T): number {
  if (a.kind !== b.kind) return a.kind === 'component' ? -1 : 1
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0
}

/**
 * 本地扩展 — returns a new catalog with the extension applied and `version` like '2013.1+taizhou.1'.
 * Throws a {@link CatalogError} listing every conflict by path, e.g.
 * `extension.classes[0].code: "0101" is already used by 2013:component:0101 上水井盖`.
 */
export function extendCatalog(base: Catalog, extension: CatalogExtension): Catalog {
  const issues = new IssueList()
  if (typeof extension.id !== 'string' || !/^[a-z][a-z0-9-]*$/.test(extension.id)) {
    issues.add(
      at(ROOT, 'id'),
      `expected a lower-case city id such as "taizhou", got ${describe(extension.id)}`,
    )
  }
  if (typeof extension.version !== 'string' || !/^\d+(\.\d+)*$/.test(extension.version)) {
    issues.add(at(ROOT, 'version'), `expected a version such as "1", got ${describe(extension.version)}`)
  }
  if (extension.edition !== base.edition) {
    issues.add(
      at(ROOT, 'edition'),
      `expected "${base.edition}" (the base catalog's edition), got ${describe(extension.edition)}`,
    )
    throw new CatalogError(issues.items, 'catalog extension')
  }
  const bigs = readBigClasses(base, extension, issues)
  const added = readClasses(base, extension, bigs, issues)
  const replaced = applyOverrides(base, extension.overrides ?? [], [...base.classes, ...added], issues)
  if (issues.items.length > 0) throw new CatalogError(issues.items, 'catalog extension')
  const withOverrides = (c: CategoryClass): CategoryClass => {
    const conditions = replaced.get(categoryKey(c.edition, c.kind, c.code))
    return conditions ? { ...c, conditions } : c
  }
  const result = checkCatalog({
    edition: base.edition,
    standard: base.standard,
    version: `${base.version}+${extension.id}.${extension.version}`,
    bigClasses: [...base.bigClasses, ...bigs].sort(byKindAndCode),
    classes: [...base.classes, ...added].map(withOverrides).sort(byKindAndCode),
  })
  if (!result.ok) throw new CatalogError(result.issues, 'extended catalog')
  return result.catalog
}
