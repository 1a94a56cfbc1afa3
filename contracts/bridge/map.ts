/** The `layers`, `lookup`, `catalog` and `search` groups of the bridge: the city on the map, offline. */
import Type, { type Static } from 'typebox'
import {
  CATEGORY_KINDS,
  EDITIONS,
  type AreaClass,
  type CategoryKind,
  type Edition,
  type TimeUnit,
  type Urgency,
} from '../../core/catalog/types.js'
import { COMPONENT_STATUSES, type ComponentStatus } from '../../core/component/types.js'
import { closed, list, oneOf, text, whole } from './schema-kit.js'
import {
  Bbox,
  InputCrs,
  type BridgeFeatureCollection,
  type BridgeGeometry,
  type LonLat,
  type RegionLevel,
  type RegionRef,
} from './shapes.js'

/** Properties of a region feature. */
export interface RegionProperties {
  readonly code: string
  readonly level: RegionLevel
  readonly name: string
  readonly nameEn: string
  readonly parentCode: string | null
}

/** Query for unit grids in view. */
export const GridQuery = closed({
  bbox: Bbox,
  /** Map zoom (OpenLayers view zoom, fractional). More grids in the bbox than `limit` come back as a summary. */
  zoom: Type.Number({ minimum: 0, maximum: 30 }),
  /** 'compact' (default): flat arrays; 'geojson': a FeatureCollection. */
  format: Type.Optional(oneOf(['compact', 'geojson'] as const)),
  /** Most grids returned (default 20 000, at most 60 000); more than that is a summary. */
  limit: Type.Optional(whole(1, 60_000)),
})
export type GridQuery = Readonly<Static<typeof GridQuery>>

/** Properties of a unit-grid feature. */
export interface GridProperties {
  readonly id: string
  readonly areaClass: AreaClass
  readonly communityCode: string
}

/**
 * Unit grids in a bbox. `compact` holds one outer ring per grid: grid i's ring is the coordinate pairs
 * `coords[2*ringStart[i] .. 2*ringStart[i+1])` (lon, lat interleaved, closed ring, 6 decimals).
 * `summary` means too many to draw here: show region outlines and ask again past `minZoom`.
 */
export type GridLayer =
  | {
      readonly kind: 'compact'
      readonly total: number
      readonly ids: readonly string[]
      /** One letter per grid: 'A' | 'B' | 'C'. */
      readonly areaClasses: string
      readonly communityCodes: readonly string[]
      readonly coords: readonly number[]
      /** ids.length + 1 entries. */
      readonly ringStart: readonly number[]
    }
  | {
      readonly kind: 'geojson'
      readonly total: number
      readonly features: BridgeFeatureCollection<GridProperties>
    }
  | {
      readonly kind: 'summary'
      /** Grids in the bbox. */
      readonly total: number
      /** Estimated zoom (same view) from which the grids in view fit the limit. */
      readonly minZoom: number
    }

/** Query for components in view. */
export const ComponentQuery = closed({
  bbox: Bbox,
  zoom: Type.Number({ minimum: 0, maximum: 30 }),
  /** Category keys or prefixes ('2013:component:01', '2026:component:01001'); absent = all. */
  classes: Type.Optional(list(text(40), 500)),
  statuses: Type.Optional(list(oneOf(COMPONENT_STATUSES), COMPONENT_STATUSES.length)),
  /**
   * Most points returned (default 100 000, at most 250 000). When more match, the answer is an aggregate
   * (counts per cell) instead of points.
   */
  limit: Type.Optional(whole(1, 250_000)),
})
export type ComponentQuery = Readonly<Static<typeof ComponentQuery>>

/** Index order of {@link ComponentPoints.status}: COMPONENT_STATUSES of core/component/types.ts. */
export const COMPONENT_STATUS_ORDER: readonly ComponentStatus[] = [
  'intact',
  'damaged',
  'missing',
  'discarded',
  'removed',
]

/**
 * Components as columns, ready for a WebGL points layer: point i is (`lon[i]`, `lat[i]`), its id `ids[i]`,
 * its category `categories[category[i]]` and its status `COMPONENT_STATUS_ORDER[status[i]]`.
 */
export interface ComponentPoints {
  readonly kind: 'points'
  readonly total: number
  readonly ids: readonly string[]
  readonly lon: readonly number[]
  readonly lat: readonly number[]
  /** Index into `categories`. */
  readonly category: readonly number[]
  /** Category keys used by this answer. */
  readonly categories: readonly string[]
  /** Index into {@link COMPONENT_STATUS_ORDER}. */
  readonly status: readonly number[]
}

/**
 * Components counted per square cell of `cellSize` degrees (aligned to multiples of it): cell i has its
 * centre at (`lon[i]`, `lat[i]`) and holds `count[i]` matching components.
 */
export interface ComponentAggregate {
  readonly kind: 'aggregate'
  readonly total: number
  readonly cellSize: number
  readonly lon: readonly number[]
  readonly lat: readonly number[]
  readonly count: readonly number[]
}

/** Components in a bbox: points, or counts per cell when more than the limit match. */
export type ComponentLayer = ComponentPoints | ComponentAggregate

// ---------------------------------------------------------------------------------------------------------
// lookup

/** Options of point lookups. */
export const PointOptions = closed({
  /** Datum of the given point; default 'cgcs2000'. */
  crs: Type.Optional(InputCrs),
})
export type PointOptions = Readonly<Static<typeof PointOptions>>

/** 定位结果 — the unit grid and regions holding a point; null where the point lies outside. */
export interface Location {
  /** The point looked up, in CGCS2000 (after any GCJ-02 conversion). */
  readonly lon: number
  readonly lat: number
  readonly grid: { readonly id: string; readonly areaClass: AreaClass } | null
  readonly community: RegionRef | null
  readonly street: RegionRef | null
  readonly district: RegionRef | null
}

/** A 责任单位 as an answer names it. */
export interface UnitBrief {
  readonly id: string
  readonly name: string
  readonly nameEn: string
  /** A responsible-unit type of core/routing/unit-type.ts. */
  readonly type: string
  readonly phone: string | null
}

/** How the unit was found: a routing rule, the category's default unit type here, or the fallback team. */
export type RouteBasis =
  | { readonly kind: 'rule'; readonly ruleId: string }
  | { readonly kind: 'default-type'; readonly unitType: string }
  | { readonly kind: 'fallback' }

/** 时限. */
export interface TimeLimitValue {
  readonly amount: number
  readonly unit: TimeUnit
}

/** A 立案条件 with its 处置时限 for the point's area class. */
export interface ConditionLimit {
  readonly id: string
  /** 立案条件. */
  readonly text: string
  readonly textEn: string
  readonly urgency: Urgency
  /** 处置时限 for the grid's area class; null outside every grid. */
  readonly limit: TimeLimitValue | null
  readonly limits: Readonly<Record<AreaClass, TimeLimitValue>>
  /** 到场时限 of the 第9条 safety hazards. */
  readonly onSiteLimit?: TimeLimitValue
  readonly safetyHazard?: string
  /** 结案条件. */
  readonly closing: string
}

/** 责任单位 and time limits for one category at a point. */
export interface Responsibility {
  readonly location: Location
  readonly category: CatalogClassBrief
  readonly unit: UnitBrief
  readonly basis: RouteBasis
  readonly conditions: readonly ConditionLimit[]
}

/** A unit grid with its place. */
export interface GridDetail {
  readonly id: string
  readonly areaClass: AreaClass
  readonly community: RegionRef | null
  readonly street: RegionRef | null
  readonly district: RegionRef | null
  readonly geometry: BridgeGeometry
  readonly bbox: Bbox
  readonly center: LonLat
  /** Components located in this grid. */
  readonly componentCount: number
}

/** A 管理部件 with its place. */
export interface ComponentDetail {
  /** 16 digits (2013 edition) or 17 (2026). */
  readonly id: string
  readonly edition: Edition
  /** Category key of its small class. */
  readonly category: string
  /** Chinese and English name of the category, when the catalog has it. */
  readonly categoryName: string | null
  readonly categoryNameEn: string | null
  readonly name: string
  readonly status: ComponentStatus
  readonly lon: number
  readonly lat: number
  readonly gridId: string
  readonly ownerUnit: UnitBrief | null
  readonly maintainerUnit: UnitBrief | null
  readonly initialDate: string
  readonly changeDate: string | null
  readonly dataSource: string
  readonly note: string | null
  /** Where the component lies, from its coordinates. */
  readonly location: Location
}

// ---------------------------------------------------------------------------------------------------------
// catalog

/** Options of {@link CityLoopBridge.catalog.search}. */
export const CatalogSearchOptions = closed({
  /** Only this edition; default both (2013 and 2026). */
  edition: Type.Optional(oneOf(EDITIONS)),
  kind: Type.Optional(oneOf(CATEGORY_KINDS)),
  /** Default 50, at most 500. */
  limit: Type.Optional(whole(1, 500)),
})
export type CatalogSearchOptions = Readonly<Static<typeof CatalogSearchOptions>>

/** A 小类 as pickers and lists show it. */
export interface CatalogClassBrief {
  /** Category key, e.g. '2013:component:0101'. */
  readonly key: string
  readonly edition: Edition
  readonly kind: CategoryKind
  readonly code: string
  readonly name: string
  readonly nameEn: string
  readonly bigClassCode: string
  readonly bigClassName: string
  readonly bigClassNameEn: string
  readonly defaultUnitType: string
  readonly local: boolean
}

/** A 小类 with its 立案条件 (limits for every area class). */
export interface CatalogClassDetail extends CatalogClassBrief {
  readonly conditions: readonly Omit<ConditionLimit, 'limit'>[]
}

// ---------------------------------------------------------------------------------------------------------
// search

/** Options of {@link CityLoopBridge.search.find}. */
export const SearchOptions = closed({
  /** Datum of coordinates in the text; default 'cgcs2000'. */
  crs: Type.Optional(InputCrs),
  /** Default 20, at most 100. */
  limit: Type.Optional(whole(1, 100)),
})
export type SearchOptions = Readonly<Static<typeof SearchOptions>>

/**
 * A search hit; every kind has a label and somewhere to fly to. The text may be a 15-digit grid id, a
 * 16/17-digit component id (or a prefix of 6+ digits of either), "lon,lat" / "lon lat" coordinates, or a
 * region name (Chinese or English, partial).
 */
export type SearchHit =
  | {
      readonly kind: 'grid'
      readonly id: string
      readonly label: string
      readonly center: LonLat
      readonly bbox: Bbox
    }
  | {
      readonly kind: 'component'
      readonly id: string
      readonly label: string
      readonly center: LonLat
      readonly category: string
      readonly status: ComponentStatus
    }
  | {
      readonly kind: 'coordinate'
      readonly label: string
      /** CGCS2000, after any GCJ-02 conversion. */
      readonly center: LonLat
      /** The coordinate as typed. */
      readonly input: { readonly lon: number; readonly lat: number; readonly crs: InputCrs }
      readonly location: Location
    }
  | {
      readonly kind: 'region'
      readonly code: string
      readonly level: RegionLevel
      readonly label: string
      readonly center: LonLat
      readonly bbox: Bbox
    }
