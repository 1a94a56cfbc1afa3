import type { MultiPolygon, Polygon } from 'geojson'
import type { AreaClass, CategoryClass } from '../../core/catalog/types.js'
import { toCgcs2000 } from '../../core/geo/china-crs.js'
import type { Location as CoreLocation } from '../../core/spatial/locator.js'
import type { ResponsibleUnit } from '../../core/routing/types.js'
import type { RouteResult } from '../../core/routing/route.js'
import type {
  Bbox,
  BridgeFeatureCollection,
  BridgeGeometry,
  CatalogClassBrief,
  CatalogClassDetail,
  CatalogSearchOptions,
  ComponentDetail,
  ComponentLayer,
  ComponentQuery,
  ConditionLimit,
  GridDetail,
  GridLayer,
  GridQuery,
  InputCrs,
  Location,
  RegionLevel,
  RegionProperties,
  Responsibility,
  RouteBasis,
  SearchHit,
  SearchOptions,
  UnitBrief,
} from '../../contracts/bridge/index.js'
import { BridgeFailure } from '../bridge-dispatch.js'
import { createComponentLayer, type ComponentLayerIndex } from './component-layer.js'
import type { LocalChange, StoredClass } from '../sync/feed-records.js'
import { createGridLayer, type GridLayerIndex } from './grid-layer.js'
import type { LocalStore } from '../store/local-store.js'
import type { Log } from '../log.js'
import { createReferenceModel, type ReferenceModel } from './reference-model.js'
import { createFreeTextSearch } from './free-text-search.js'

/**
 * 地图与查询 — everything the map and the lookup panel ask, answered offline from the local store and the
 * in-memory indexes built from it: layers in a bbox, point → grid → regions → responsible unit, ids,
 * the catalog of both editions and free-text search.
 */
export interface CityQueries {
  /** Takes an applied sync page into the in-memory indexes. */
  apply(changes: readonly LocalChange[]): void
  /** Builds what a sync run made stale, so the next map query does not wait for it. */
  refresh(): void
  regions(level: RegionLevel): BridgeFeatureCollection<RegionProperties>
  grids(query: GridQuery): GridLayer
  components(query: ComponentQuery): ComponentLayer
  locate(lon: number, lat: number, crs?: InputCrs): Location
  responsible(lon: number, lat: number, categoryKey: string, crs?: InputCrs): Responsibility
  byGridId(id: string): GridDetail
  byComponentId(id: string): ComponentDetail
  catalogSearch(text: string, options?: CatalogSearchOptions): CatalogClassBrief[]
  catalogGet(categoryKey: string): CatalogClassDetail
  find(text: string, options?: SearchOptions): SearchHit[]
  extent(): Bbox | null
  readonly model: ReferenceModel
  readonly componentLayer: ComponentLayerIndex
}

/** Builds the queries over the store's current content. */
export function createCityQueries(options: { readonly store: LocalStore; readonly log: Log }): CityQueries {
  const { store, log } = options
  const started = performance.now()
  const model = createReferenceModel(
    {
      regions: store.regions(),
      grids: store.grids(),
      units: store.units(),
      rules: store.rules(),
      classes: store.classes(),
    },
    log.child('ReferenceModel'),
  )
  log.info(
    `reference data loaded in ${Math.round(performance.now() - started)} ms (${model.grids.size} grids, ${model.regions.size} regions)`,
  )
  const componentLayer = createComponentLayer(
    (visit) => store.eachComponent(visit),
    log.child('ComponentLayer'),
    () => store.counts().component,
  )
  let gridLayer: { index: GridLayerIndex; version: number } | undefined
  const regionLayers = new Map<
    RegionLevel,
    { fc: BridgeFeatureCollection<RegionProperties>; version: number }
  >()

  function grids(): GridLayerIndex {
    if (!gridLayer || gridLayer.version !== model.geometryVersion) {
      const t = performance.now()
      gridLayer = { index: createGridLayer(model.grids.values()), version: model.geometryVersion }
      log.info(
        `grid layer built over ${gridLayer.index.size} grids in ${Math.round(performance.now() - t)} ms`,
      )
    }
    return gridLayer.index
  }

  const search = createFreeTextSearch({ model, grids, store })

  function toCgcs(lon: number, lat: number, crs: InputCrs | undefined): [number, number] {
    return crs === 'gcj02' ? toCgcs2000(lon, lat, 'GCJ02') : [lon, lat]
  }

  function requireData(): void {
    if (model.grids.size === 0 && model.regions.size === 0)
      throw new BridgeFailure('NOT_READY', 'no city data yet: the first sync has not finished')
  }

  function locateAt(lon: number, lat: number): Location {
    return present(lon, lat, model.locator().locate(lon, lat))
  }

  function classOrFail(key: string): StoredClass {
    const c = model.classes.get(key)
    if (!c) throw new BridgeFailure('NOT_FOUND', `unknown category "${key}"`)
    return c
  }

  const queries: CityQueries = {
    model,
    componentLayer,
    apply(changes) {
      model.apply(changes)
      componentLayer.apply(changes)
    },
    refresh() {
      componentLayer.refresh()
      if (model.grids.size > 0) {
        grids()
        model.locator()
      }
    },
    regions(level) {
      const cached = regionLayers.get(level)
      if (cached && cached.version === model.geometryVersion) return cached.fc
      const features = [...model.regions.values()]
        .filter((r) => r.level === level)
        .map((r) => ({
          type: 'Feature' as const,
          id: r.code,
          geometry: asBridgeGeometry(r.geometry),
          properties: {
            code: r.code,
            level: r.level,
            name: r.name,
            nameEn: r.nameEn,
            parentCode: r.parentCode ?? null,
          },
        }))
      const fc = { type: 'FeatureCollection' as const, features }
      regionLayers.set(level, { fc, version: model.geometryVersion })
      return fc
    },
    grids: (q) =>
      grids().query({ bbox: q.bbox, zoom: q.zoom, format: q.format ?? 'compact', limit: q.limit ?? 20_000 }),
    components: (q) =>
      componentLayer.query({
        bbox: q.bbox,
        limit: q.limit ?? 100_000,
        ...(q.classes ? { classes: q.classes } : {}),
        ...(q.statuses ? { statuses: q.statuses } : {}),
      }),
    locate(lon, lat, crs) {
      requireData()
      const [x, y] = toCgcs(lon, lat, crs)
      return locateAt(x, y)
    },
    responsible(lon, lat, key, crs) {
      requireData()
      const c = classOrFail(key)
      const router = model.router()
      if (!router)
        throw new BridgeFailure(
          'NOT_READY',
          `cannot find responsible units yet: ${model.routerProblem() ?? 'no units'}`,
        )
      const [x, y] = toCgcs(lon, lat, crs)
      const location = locateAt(x, y)
      const route = router.route({
        categoryKey: key,
        defaultUnitType: c.defaultUnitType as CategoryClass['defaultUnitType'],
        place: {
          ...(location.district ? { districtCode: location.district.code } : {}),
          ...(location.street ? { streetCode: location.street.code } : {}),
          ...(location.community ? { communityCode: location.community.code } : {}),
        },
      })
      return {
        location,
        category: brief(c),
        unit: unitBrief(route.unit),
        basis: basisOf(route),
        conditions: conditionsOf(c, location.grid?.areaClass ?? null),
      }
    },
    byGridId(id) {
      const grid = model.grids.get(id)
      if (!grid) throw new BridgeFailure('NOT_FOUND', `no unit grid ${id}`)
      const where = model.locator().locateGrid(id) ?? {}
      const index = grids()
      return {
        id,
        areaClass: grid.areaClass,
        community: where.community ?? null,
        street: where.street ?? null,
        district: where.district ?? null,
        geometry: asBridgeGeometry(grid.geometry),
        bbox: index.bboxOf(id)!,
        center: index.centerOf(id)!,
        componentCount: componentLayer.countInGrid(id),
      }
    },
    byComponentId(id) {
      const c = store.component(id)
      if (!c) throw new BridgeFailure('NOT_FOUND', `no component ${id}`)
      const cls = model.classes.get(c.category)
      const unit = (unitId: string | null) => {
        const u = unitId ? model.units.get(unitId) : undefined
        return u ? unitBrief(u) : null
      }
      return {
        id: c.id,
        edition: c.edition,
        category: c.category,
        categoryName: cls?.name ?? null,
        categoryNameEn: cls?.nameEn ?? null,
        name: c.name,
        status: c.status,
        lon: c.lon,
        lat: c.lat,
        gridId: c.gridId,
        ownerUnit: unit(c.ownerUnitId),
        maintainerUnit: unit(c.maintainerUnitId),
        initialDate: c.initialDate,
        changeDate: c.changeDate,
        dataSource: c.dataSource,
        note: c.note,
        location: locateAt(c.lon, c.lat),
      }
    },
    catalogSearch(text, opts = {}) {
      return model
        .catalogIndex()
        .search(text, {
          limit: opts.limit ?? 50,
          ...(opts.edition ? { edition: opts.edition } : {}),
          ...(opts.kind ? { kind: opts.kind } : {}),
        })
        .map((c) => brief(model.classes.get(`${c.edition}:${c.kind}:${c.code}`)!))
    },
    catalogGet(key) {
      const c = classOrFail(key)
      return { ...brief(c), conditions: conditionsOf(c, null).map(({ limit: _limit, ...rest }) => rest) }
    },
    find: (text, opts = {}) =>
      search.find(text, opts, (lon, lat, crs) => {
        requireData()
        const [x, y] = toCgcs(lon, lat, crs)
        return locateAt(x, y)
      }),
    extent: () => model.extent(),
  }

  return queries
}

function present(lon: number, lat: number, where: CoreLocation): Location {
  return {
    lon,
    lat,
    grid: where.grid ? { id: where.grid.id, areaClass: where.grid.areaClass } : null,
    community: where.community ?? null,
    street: where.street ?? null,
    district: where.district ?? null,
  }
}

/** A class as pickers show it. */
export function brief(c: StoredClass): CatalogClassBrief {
  return {
    key: c.key,
    edition: c.edition,
    kind: c.kind,
    code: c.code,
    name: c.name,
    nameEn: c.nameEn,
    bigClassCode: c.bigClassCode,
    bigClassName: c.bigClassName,
    bigClassNameEn: c.bigClassNameEn,
    defaultUnitType: c.defaultUnitType,
    local: c.local,
  }
}

function unitBrief(u: ResponsibleUnit): UnitBrief {
  return { id: u.id, name: u.name, nameEn: u.nameEn, type: u.type, phone: u.phone ?? null }
}

function basisOf(r: RouteResult): RouteBasis {
  switch (r.basis.kind) {
    case 'rule':
      return { kind: 'rule', ruleId: r.basis.ruleId }
    case 'default-type':
      return { kind: 'default-type', unitType: r.basis.unitType }
    case 'fallback':
      return { kind: 'fallback' }
  }
}

function conditionsOf(c: StoredClass, area: AreaClass | null): ConditionLimit[] {
  return c.conditions.map((cond) => ({
    id: cond.id,
    text: cond.text,
    textEn: cond.textEn,
    urgency: cond.urgency,
    limit: area ? cond.limits[area] : null,
    limits: cond.limits,
    closing: cond.closing,
    ...(cond.onSiteLimit ? { onSiteLimit: cond.onSiteLimit } : {}),
    ...(cond.safetyHazard ? { safetyHazard: cond.safetyHazard } : {}),
  }))
}

// GeoJSON positions may carry a height; ours never do, and the bridge's [lon, lat] type says so.
function asBridgeGeometry(g: Polygon | MultiPolygon): BridgeGeometry {
  return g as unknown as BridgeGeometry
}
