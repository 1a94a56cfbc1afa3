/**
 * @module core/catalog/catalog-index
 * 目录索引 — lookups over one catalog per edition: by category key, by condition id, by edition and kind,
 * the 第9条 safety-hazard conditions, and a text search for a searchable category picker.
 */
import { categoryKey } from './category-key.js'
import type {
  BigClass,
  Catalog,
  CategoryClass,
  CategoryKind,
  Edition,
  FilingCondition,
  SafetyHazard,
} from './types.js'

/** 立案条件引用 — a filing condition together with the class it belongs to. */
export interface ConditionRef {
  readonly category: CategoryClass
  readonly condition: FilingCondition
}

/** 检索选项 — options of {@link CatalogIndex.search}. */
export interface SearchOptions {
  /** Only this edition. Default: all indexed editions. */
  readonly edition?: Edition
  /** Only components or only events. Default: both. */
  readonly kind?: CategoryKind
  /** Most results returned. Default 50. */
  readonly limit?: number
}

/** 目录索引 — read-only lookups over the indexed catalogs. */
export interface CatalogIndex {
  /** The indexed catalogs, one per edition, oldest first. */
  readonly catalogs: readonly Catalog[]
  /** The catalog of an edition, if indexed. */
  catalog(edition: Edition): Catalog | undefined
  /** The small class of a category key ('2013:component:0101'); undefined when unknown or malformed. */
  get(key: string): CategoryClass | undefined
  /** A big class by edition, kind and two-digit code. */
  bigClass(edition: Edition, kind: CategoryKind, code: string): BigClass | undefined
  /** Big classes of an edition (optionally one kind), in catalog order. */
  bigClassesOf(edition: Edition, kind?: CategoryKind): readonly BigClass[]
  /** Small classes of an edition (optionally one kind), in catalog order. */
  classesOf(edition: Edition, kind?: CategoryKind): readonly CategoryClass[]
  /** A filing condition by id ('2013:component:0101:01') with its class. */
  condition(id: string): ConditionRef | undefined
  /**
   * Classes matching every whitespace-separated term of `text` by code or key prefix, Chinese name, English
   * name or (ranked lowest) condition text; best matches first.
   */
  search(text: string, options?: SearchOptions): readonly CategoryClass[]
  /** 安全隐患立案条件 — every condition flagged with a 第9条 hazard (optionally of one edition or hazard). */
  safetyHazardConditions(filter?: {
    readonly edition?: Edition
    readonly hazard?: SafetyHazard
  }): readonly ConditionRef[]
}

const normalize = (text: string): string => text.normalize('NFKC').toLowerCase().trim()

interface Searchable {
  readonly category: CategoryClass
  readonly key: string
  readonly name: string
  readonly nameEn: string
  readonly conditions: string
}

function termScore(s: Searchable, term: string): number {
  if (s.category.code === term || s.key === term) return 100
  if (s.name === term) return 90
  if (/^\d+$/.test(term) && s.category.code.startsWith(term)) return 80
  if (s.key.startsWith(term)) return 80
  if (s.name.startsWith(term)) return 70
  if (s.name.includes(term)) return 60
  if (s.nameEn.includes(term)) return 50
  if (s.conditions.includes(term)) return 20
  return 0
}

function compareClasses(a: CategoryClass, b: CategoryClass): number {
  if (a.edition !== b.edition) return a.edition < b.edition ? -1 : 1
  if (a.kind !== b.kind) return a.kind === 'component' ? -1 : 1
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0
}

/** 目录索引 — indexes one catalog per edition (a city's extended catalog replaces the built-in one). */
export function createCatalogIndex(catalogs: readonly Catalog[]): CatalogIndex {
  const byEdition = new Map<Edition, Catalog>()
  for (const c of catalogs) {
    if (byEdition.has(c.edition)) {
      throw new Error(
        `createCatalogIndex: two catalogs for edition ${c.edition}; pass one (extended) catalog per edition`,
      )
    }
    byEdition.set(c.edition, c)
  }
  const ordered = [...byEdition.values()].sort((a, b) => (a.edition < b.edition ? -1 : 1))
  const byKey = new Map<string, CategoryClass>()
  const byCondition = new Map<string, ConditionRef>()
  const searchable: Searchable[] = []
  for (const cat of ordered) {
    for (const category of cat.classes) {
      const key = categoryKey(category.edition, category.kind, category.code)
      byKey.set(key, category)
      for (const condition of category.conditions) byCondition.set(condition.id, { category, condition })
      searchable.push({
        category,
        key,
        name: normalize(category.name),
        nameEn: normalize(category.nameEn),
        conditions: normalize(category.conditions.map((c) => `${c.text} ${c.textEn}`).join(' ')),
      })
    }
  }
  const hazards = [...byCondition.values()].filter((r) => r.condition.safetyHazard !== undefined)

  return {
    catalogs: ordered,
    catalog: (edition) => byEdition.get(edition),
    get: (key) => byKey.get(key),
    bigClass: (edition, kind, code) =>
      byEdition.get(edition)?.bigClasses.find((b) => b.kind === kind && b.code === code),
    bigClassesOf: (edition, kind) =>
      (byEdition.get(edition)?.bigClasses ?? []).filter((b) => kind === undefined || b.kind === kind),
    classesOf: (edition, kind) =>
      (byEdition.get(edition)?.classes ?? []).filter((c) => kind === undefined || c.kind === kind),
    condition: (id) => byCondition.get(id),
    search(text, options = {}) {
      const terms = normalize(text).split(/\s+/).filter(Boolean)
      if (terms.length === 0) return []
      const scored: { category: CategoryClass; score: number }[] = []
      for (const s of searchable) {
        if (options.edition !== undefined && s.category.edition !== options.edition) continue
        if (options.kind !== undefined && s.category.kind !== options.kind) continue
        let score = 0
        for (const term of terms) {
          const t = termScore(s, term)
          if (t === 0) {
            score = 0
            break
          }
          score += t
        }
        if (score > 0) scored.push({ category: s.category, score })
      }
      scored.sort((a, b) => b.score - a.score || compareClasses(a.category, b.category))
      return scored.slice(0, options.limit ?? 50).map((s) => s.category)
    },
    safetyHazardConditions: (filter = {}) =>
      hazards.filter(
        (r) =>
          (filter.edition === undefined || r.category.edition === filter.edition) &&
          (filter.hazard === undefined || r.condition.safetyHazard === filter.hazard),
      ),
  }
}
