import type { MultiPolygon, Polygon } from 'geojson'
import type { BigClass, Catalog, CategoryClass, Edition } from '../../core/catalog/types.js'
import { EDITION_STANDARDS, EDITIONS } from '../../core/catalog/types.js'
import { createCatalogIndex, type CatalogIndex } from '../../core/catalog/catalog-index.js'
import type { Region, UnitGrid } from '../../core/region/types.js'
import { createRouter, type Router } from '../../core/routing/route.js'
import type { ResponsibleUnit, RoutingRule } from '../../core/routing/types.js'
import { createLocator, type Locator } from '../../core/spatial/locator.js'
import type { Bbox } from '../../contracts/bridge/index.js'
import type { LocalChange, StoredClass } from '../sync/feed-records.js'
import type { Log } from '../log.js'

/** The reference records a model starts from (the local store's content). */
export interface ReferenceRecords {
  readonly regions: readonly Region[]
  readonly grids: readonly UnitGrid[]
  readonly units: readonly ResponsibleUnit[]
  readonly rules: readonly RoutingRule[]
  readonly classes: readonly StoredClass[]
}

/**
 * The city's reference data in memory, with core's lookup structures (locator, router, catalog index)
 * built on first use after a change — the workstation's twin of the server's CityModel, fed by sync.
 */
export interface ReferenceModel {
  /** Takes the reference changes of an applied page (component changes are ignored). */
  apply(changes: readonly LocalChange[]): void
  readonly regions: ReadonlyMap<string, Region>
  readonly grids: ReadonlyMap<string, UnitGrid>
  readonly units: ReadonlyMap<string, ResponsibleUnit>
  readonly classes: ReadonlyMap<string, StoredClass>
  /** Point → grid → regions, over the current grids and regions. */
  locator(): Locator
  /** Undefined while the units and rules cannot route (none yet, or mid-way through a first sync). */
  router(): Router | undefined
  /** Why {@link router} is undefined. */
  routerProblem(): string | undefined
  catalogIndex(): CatalogIndex
  /** Extent of all grids and regions; null while empty. */
  extent(): Bbox | null
  /** Goes up with every change to grids or regions (layer caches key on it). */
  readonly geometryVersion: number
}

/** Builds the model; the lookup structures are built lazily. */
export function createReferenceModel(records: ReferenceRecords, log: Log): ReferenceModel {
  const regions = new Map(records.regions.map((r) => [r.code, r]))
  const grids = new Map(records.grids.map((g) => [g.id, g]))
  const units = new Map(records.units.map((u) => [u.id, u]))
  const rules = new Map(records.rules.map((r) => [r.id, r]))
  const classes = new Map(records.classes.map((c) => [c.key, c]))
  let geometryVersion = 1
  let locator: Locator | undefined
  let routing: { router: Router | undefined; problem: string | undefined } | undefined
  let catalog: CatalogIndex | undefined
  let extent: { value: Bbox | null } | undefined

  function set<T>(
    map: Map<string, T>,
    change: LocalChange & { op: 'upsert' | 'delete' },
    value: unknown,
  ): void {
    if (change.op === 'delete') map.delete(change.id)
    else map.set(change.id, value as T)
  }

  return {
    apply(changes) {
      for (const change of changes) {
        const value = change.op === 'upsert' ? change.value : undefined
        switch (change.entity) {
          case 'region':
            set(regions, change, value)
            locator = undefined
            extent = undefined
            geometryVersion++
            break
          case 'unit_grid':
            set(grids, change, value)
            locator = undefined
            extent = undefined
            geometryVersion++
            break
          case 'responsible_unit':
            set(units, change, value)
            routing = undefined
            break
          case 'routing_rule':
            set(rules, change, value)
            routing = undefined
            break
          case 'catalog_class':
            set(classes, change, value)
            catalog = undefined
            break
          case 'component':
            break
        }
      }
    },
    regions,
    grids,
    units,
    classes,
    locator() {
      if (!locator) {
        const started = performance.now()
        locator = createLocator({ grids: [...grids.values()], regions: [...regions.values()] })
        log.info(
          `locator built over ${grids.size} grids and ${regions.size} regions in ${Math.round(performance.now() - started)} ms`,
        )
      }
      return locator
    },
    router() {
      routing ??= buildRouter([...units.values()], [...rules.values()])
      return routing.router
    },
    routerProblem() {
      routing ??= buildRouter([...units.values()], [...rules.values()])
      return routing.problem
    },
    catalogIndex() {
      catalog ??= createCatalogIndex(catalogsOf(classes.values()))
      return catalog
    },
    extent() {
      const districts = [...regions.values()].filter((r) => r.level === 'district')
      extent ??= {
        value: extentOf([...[...grids.values()].map((g) => g.geometry), ...districts.map((r) => r.geometry)]),
      }
      return extent.value
    },
    get geometryVersion() {
      return geometryVersion
    },
  }
}

function buildRouter(
  units: ResponsibleUnit[],
  rules: RoutingRule[],
): { router: Router | undefined; problem: string | undefined } {
  if (units.length === 0) return { router: undefined, problem: 'no responsible units are synced yet' }
  try {
    return { router: createRouter(units, rules), problem: undefined }
  } catch (error) {
    // Between two pages of a first sync a rule may name a unit that has not arrived yet.
    return { router: undefined, problem: error instanceof Error ? error.message : String(error) }
  }
}

/** core's CategoryClass of a stored class. */
export function categoryClassOf(c: StoredClass): CategoryClass {
  return {
    edition: c.edition,
    kind: c.kind,
    code: c.code,
    bigClassCode: c.bigClassCode,
    name: c.name,
    nameEn: c.nameEn,
    defaultUnitType: c.defaultUnitType as CategoryClass['defaultUnitType'],
    conditions: c.conditions,
    local: c.local,
    ...(c.componentCode ? { componentCode: c.componentCode } : {}),
    ...(c.note ? { note: c.note } : {}),
  }
}

// The feed carries small classes with their big class's names; the catalogs are rebuilt from them.
function catalogsOf(stored: Iterable<StoredClass>): Catalog[] {
  const byEdition = new Map<
    Edition,
    { classes: CategoryClass[]; big: Map<string, BigClass>; version: string }
  >()
  for (const c of stored) {
    let e = byEdition.get(c.edition)
    if (!e) byEdition.set(c.edition, (e = { classes: [], big: new Map(), version: c.catalogVersion }))
    e.classes.push(categoryClassOf(c))
    const bigKey = `${c.kind}:${c.bigClassCode}`
    if (!e.big.has(bigKey)) {
      e.big.set(bigKey, {
        edition: c.edition,
        kind: c.kind,
        code: c.bigClassCode,
        name: c.bigClassName,
        nameEn: c.bigClassNameEn,
        local: c.local,
      })
    }
  }
  const order = (a: { kind: string; code: string }, b: { kind: string; code: string }) =>
    a.kind !== b.kind ? (a.kind === 'component' ? -1 : 1) : a.code < b.code ? -1 : a.code > b.code ? 1 : 0
  return EDITIONS.filter((edition) => byEdition.has(edition)).map((edition) => {
    const e = byEdition.get(edition)!
    return {
      edition,
      standard: EDITION_STANDARDS[edition],
      version: e.version,
      bigClasses: [...e.big.values()].sort(order),
      classes: e.classes.sort(order),
    }
  })
}

function extentOf(geometries: readonly (Polygon | MultiPolygon)[]): Bbox | null {
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const g of geometries) {
    const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates
    for (const part of parts) {
      for (const p of part[0] ?? []) {
        const x = p[0]!
        const y = p[1]!
        if (x < minX) minX = x
        if (y < minY) minY = y
        if (x > maxX) maxX = x
        if (y > maxY) maxY = y
      }
    }
  }
  return minX === Infinity ? null : [minX, minY, maxX, maxY]
}
