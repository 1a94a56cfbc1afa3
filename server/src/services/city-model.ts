import { sql, type Kysely } from 'kysely'
import { createLocator, type Locator } from '../../../core/spatial/locator.js'
import { createRouter, type Router } from '../../../core/routing/route.js'
import type { Catalog, CategoryClass, Edition } from '../../../core/catalog/types.js'
import { EDITIONS } from '../../../core/catalog/types.js'
import { categoryKey } from '../../../core/catalog/category-key.js'
import type { Database } from '../db/schema.js'
import { allGridsForIndex } from '../db/grids.js'
import { listRegions, regionFromRow } from '../db/regions.js'
import { listRules, listUnits, ruleFromRow, unitFromRow } from '../db/units.js'
import { readCatalog } from '../db/catalog.js'

/** The city's reference data as core's lookup structures: built once, shared by every request. */
export interface CityModel {
  readonly locator: Locator
  /** Absent until the city's responsible units are loaded (a database with no units cannot route). */
  readonly router: Router | undefined
  readonly catalogs: ReadonlyMap<Edition, Catalog>
  category(key: string): CategoryClass | undefined
  /** The change-feed seq this model reflects. */
  readonly asOf: string
}

/** Keeps a {@link CityModel} fresh: rebuilt when the reference data's change-feed position moves. */
export interface CityModelCache {
  get(): Promise<CityModel>
  /** Forget the model so the next get() rebuilds it (called after this process writes reference data). */
  invalidate(): void
}

const REFERENCE_ENTITIES = ['region', 'unit_grid', 'responsible_unit', 'routing_rule', 'catalog_class'] as const

/**
 * Builds the model from the database, and rebuilds it when reference data changes: at once after
 * writes through this process, and within `recheckMs` after writes by another server instance.
 */
export function createCityModelCache(db: Kysely<Database>, options: { readonly recheckMs?: number } = {}): CityModelCache {
  const recheckMs = options.recheckMs ?? 5_000
  let current: { model: CityModel; checkedAt: number } | undefined
  let building: Promise<CityModel> | undefined

  async function referenceSeq(): Promise<string> {
    const row = await db
      .selectFrom('change_log')
      .select(sql<string>`coalesce(max(seq), 0)::text`.as('seq'))
      .where('entity', 'in', [...REFERENCE_ENTITIES])
      .executeTakeFirst()
    return row?.seq ?? '0'
  }

  async function get(): Promise<CityModel> {
    const now = Date.now()
    if (current && now - current.checkedAt < recheckMs) return current.model
    if (building) return building
    building = (async () => {
      try {
        const seq = await referenceSeq()
        if (current && current.model.asOf === seq) {
          current.checkedAt = Date.now()
          return current.model
        }
        const model = await buildCityModel(db, seq)
        current = { model, checkedAt: Date.now() }
        return model
      } finally {
        building = undefined
      }
    })()
    return building
  }

  return {
    get,
    invalidate: () => {
      current = undefined
    },
  }
}

async function buildCityModel(db: Kysely<Database>, asOf: string): Promise<CityModel> {
  const [grids, regionRows, unitRows, ruleRows, ...catalogList] = await Promise.all([
    allGridsForIndex(db),
    listRegions(db),
    listUnits(db),
    listRules(db),
    ...EDITIONS.map((e) => readCatalog(db, e)),
  ])
  const catalogs = new Map<Edition, Catalog>()
  const classes = new Map<string, CategoryClass>()
  for (const catalog of catalogList) {
    if (!catalog) continue
    catalogs.set(catalog.edition, catalog)
    for (const c of catalog.classes) classes.set(categoryKey(c.edition, c.kind, c.code), c)
  }
  const units = unitRows.map(unitFromRow)
  const router = units.length > 0 ? createRouter(units, ruleRows.map(ruleFromRow)) : undefined
  return {
    locator: createLocator({ grids, regions: regionRows.map(regionFromRow) }),
    router,
    catalogs,
    category: (key) => classes.get(key),
    asOf,
  }
}
