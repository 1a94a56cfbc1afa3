/**
 * @module electron/contract
 * The one typed bridge between the workstation UI (renderer/) and its services (main/): `window.cityloop`.
 *
 * Two transports carry exactly this interface, and the renderer cannot tell them apart:
 * - Electron: `electron/preload.ts` exposes `window.cityloop` through contextBridge; each method is one
 *   `ipcRenderer.invoke(CHANNELS[method], ...args)`, events arrive on `EVENT_CHANNELS[event]`.
 * - Browser mode (`npm run web`): the Node host (main/host/web-host.ts) injects `<script src="/cityloop-bridge.js">`
 *   ahead of the app bundle in index.html, so `window.cityloop` exists before any renderer module runs, as it
 *   does under the preload. Each method is `POST /bridge/<channel>` with the JSON array of its arguments as
 *   the body; events arrive over the WebSocket `/bridge/events`.
 *
 * Rules of the contract:
 * - Every method returns a Promise of {@link Result}; nothing throws across the boundary (style.md §9.7).
 * - Arguments and values are JSON-safe (plain objects, arrays, strings, finite numbers, booleans, null), so
 *   the same types travel over Electron IPC (structured clone) and HTTP/WebSocket (JSON). Optional fields
 *   are absent rather than `undefined`; "no value" inside a value is `null`.
 * - Coordinates are CGCS2000 (EPSG:4490) longitude/latitude in degrees, [lon, lat] order, unless a method
 *   takes `crs: 'gcj02'` for points pasted from consumer maps (Amap/Tencent); answers are always CGCS2000.
 * - Additive changes only: new optional fields and new methods; {@link BRIDGE_VERSION} goes up with each.
 *
 * The renderer types the global itself: `declare global { interface Window { cityloop: CityLoopBridge } }`
 * with `import type { CityLoopBridge } from '../electron/contract'`.
 */
import type { AreaClass, CategoryKind, Edition, SafetyHazard, TimeUnit, Urgency } from '../core/catalog/types.js'
import type { ComponentStatus } from '../core/component/types.js'
import type { CasePhase } from '../core/case/phase.js'
import type {
  CaseAction,
  CaseSource,
  CaseStage,
  CaseStatus,
  Role,
  StageClock,
} from '../core/case/types.js'

/** Version of this contract; {@link AppInfo.bridgeVersion} reports the one the host implements. */
export const BRIDGE_VERSION = 2

// ---------------------------------------------------------------------------------------------------------
// Results and errors

/** Stable error codes across the boundary. */
export type BridgeErrorCode =
  /** An argument is missing, malformed or out of range; the message names it. */
  | 'BAD_REQUEST'
  /** No such grid, component, category or region. */
  | 'NOT_FOUND'
  /** The local store lacks data the answer needs (e.g. before the first sync finished). */
  | 'NOT_READY'
  /** The central API cannot be reached (sync only; lookups work offline from the local store). */
  | 'UNAVAILABLE'
  /** The caller is not allowed (a foreign frame/origin, an unknown channel, a role without case access). */
  | 'FORBIDDEN'
  /** Not signed in, the session expired, or the username/password was wrong. */
  | 'UNAUTHORIZED'
  /** A bug or an unexpected failure; the message is for the log, not for the user. */
  | 'INTERNAL'

/** An error as data. */
export interface BridgeError {
  readonly code: BridgeErrorCode
  readonly message: string
}

/** Every answer across the bridge. */
export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: BridgeError }

// ---------------------------------------------------------------------------------------------------------
// Shared shapes

/** [minLon, minLat, maxLon, maxLat] in CGCS2000 degrees. */
export type Bbox = readonly [number, number, number, number]

/** [lon, lat] in CGCS2000 degrees. */
export type LonLat = readonly [number, number]

/** Datum of a coordinate typed or pasted by the user. GCJ-02 is converted to CGCS2000 before any lookup. */
export type InputCrs = 'cgcs2000' | 'gcj02'

/** 行政区域层级. */
export type RegionLevel = 'district' | 'street' | 'community'

/** A region as an answer names it. */
export interface RegionRef {
  readonly code: string
  readonly name: string
  readonly nameEn: string
}

/** The reference entities the workstation syncs (the central API's change-feed entities). */
export type SyncEntity =
  'region' | 'unit_grid' | 'catalog_class' | 'responsible_unit' | 'routing_rule' | 'component' | 'case'

/** A GeoJSON geometry as the bridge carries it (RFC 7946, CGCS2000 lon/lat). */
export type BridgeGeometry =
  | { readonly type: 'Polygon'; readonly coordinates: readonly (readonly LonLat[])[] }
  | { readonly type: 'MultiPolygon'; readonly coordinates: readonly (readonly (readonly LonLat[])[])[] }
  | { readonly type: 'Point'; readonly coordinates: LonLat }

/** A GeoJSON Feature with a string id. */
export interface BridgeFeature<P> {
  readonly type: 'Feature'
  readonly id: string
  readonly geometry: BridgeGeometry
  readonly properties: P
}

/** A GeoJSON FeatureCollection. */
export interface BridgeFeatureCollection<P> {
  readonly type: 'FeatureCollection'
  readonly features: readonly BridgeFeature<P>[]
}

// ---------------------------------------------------------------------------------------------------------
// app

/** What the workstation is running on and how fresh its data is (status bar). */
export interface AppInfo {
  /** Workstation version (package.json). */
  readonly version: string
  readonly bridgeVersion: number
  readonly mode: 'electron' | 'browser'
  /** Base URL of the central API the workstation syncs from. */
  readonly centralUrl: string
  /** True when the central API runs inside this workstation (embedded PGlite, demo city). */
  readonly embeddedCentral: boolean
  /** "数据截至" — ISO time of the last sync run that reached the end of the feed; null before the first. */
  readonly dataAsOf: string | null
  /** Change-feed position of the local store: opaque, one part per sync stream ('0/0' when empty). */
  readonly cursor: string
  /** Rows held locally per entity. */
  readonly counts: Readonly<Record<SyncEntity, number>>
  /** Data extent of the city (all grids and regions), for the initial view; null while empty. */
  readonly extent: Bbox | null
}

// ---------------------------------------------------------------------------------------------------------
// settings

/** UI language. */
export type Language = 'zh-CN' | 'en'

/** Base map: 天地图 vector or imagery (with annotation), the city's own WMTS/XYZ service, or none (offline). */
export type Basemap = 'tianditu-vec' | 'tianditu-img' | 'custom' | 'none'

/** 天地图 tile matrix set: `c` = CGCS2000 lon/lat grid, `w` = Web Mercator. */
export type TiandituMatrixSet = 'c' | 'w'

/** User settings, persisted by main/ in the user data folder. */
export interface Settings {
  readonly language: Language
  readonly basemap: Basemap
  /** 天地图 key (`tk`); '' when not set. */
  readonly tiandituToken: string
  readonly tiandituMatrixSet: TiandituMatrixSet
  /**
   * The city's own base map as a URL template: XYZ (`{z}/{x}/{y}`) or WMTS KVP/REST with `{TileMatrix}`,
   * `{TileRow}`, `{TileCol}` placeholders (or `{z}`, `{y}`, `{x}`); '' when not set.
   */
  readonly customBasemapUrl: string
  /** Tile grid of the custom base map: Web Mercator or the CGCS2000 lon/lat grid. */
  readonly customBasemapProjection: 'EPSG:3857' | 'EPSG:4490'
  /** Closed cases kept locally for this many days after 结案 (open cases are always kept); 0-3650, default 30. */
  readonly closedCaseDays: number
}

/** A change to some settings; unknown keys and wrong values are BAD_REQUEST. */
export type SettingsPatch = Partial<Settings>

// ---------------------------------------------------------------------------------------------------------
// sync

/** Where the sync of reference data stands. */
export interface SyncStatus {
  /** idle: not running (see `lastError`); syncing: a run is pulling pages; offline: the central API is unreachable. */
  readonly state: 'idle' | 'syncing' | 'offline'
  /** 'initial' while the local store has never reached the end of the feed, else 'incremental'. */
  readonly phase: 'initial' | 'incremental'
  /** Change-feed position stored with the last applied pages: opaque, one part per sync stream. */
  readonly cursor: string
  /** ISO time of the last run that reached the end of the feed; null before the first. */
  readonly dataAsOf: string | null
  /** Changes applied in the current (or last) run. */
  readonly applied: number
  /** ISO start time of the current (or last) run; null before the first. */
  readonly startedAt: string | null
  /** The last run's failure, null after a successful run. */
  readonly lastError: BridgeError | null
  /** Rows held locally per entity. */
  readonly counts: Readonly<Record<SyncEntity, number>>
}

/** Options of {@link CityLoopBridge.sync.start}. */
export interface SyncStartOptions {
  /** Resolve only when the run ends (with its final status). Default false: resolve at once. */
  readonly wait?: boolean
}

// ---------------------------------------------------------------------------------------------------------
// layers

/** Properties of a region feature. */
export interface RegionProperties {
  readonly code: string
  readonly level: RegionLevel
  readonly name: string
  readonly nameEn: string
  readonly parentCode: string | null
}

/** Query for unit grids in view. */
export interface GridQuery {
  readonly bbox: Bbox
  /** Map zoom (OpenLayers view zoom, fractional). More grids in the bbox than `limit` come back as a summary. */
  readonly zoom: number
  /** 'compact' (default): flat arrays; 'geojson': a FeatureCollection. */
  readonly format?: 'compact' | 'geojson'
  /** Most grids returned (default 20 000, at most 60 000); more than that is a summary. */
  readonly limit?: number
}

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
export interface ComponentQuery {
  readonly bbox: Bbox
  readonly zoom: number
  /** Category keys or prefixes ('2013:component:01', '2026:component:01001'); absent = all. */
  readonly classes?: readonly string[]
  readonly statuses?: readonly ComponentStatus[]
  /**
   * Most points returned (default 100 000, at most 250 000). When more match, the answer is an aggregate
   * (counts per cell) instead of points.
   */
  readonly limit?: number
}

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
export interface PointOptions {
  /** Datum of the given point; default 'cgcs2000'. */
  readonly crs?: InputCrs
}

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
export interface CatalogSearchOptions {
  /** Only this edition; default both (2013 and 2026). */
  readonly edition?: Edition
  readonly kind?: CategoryKind
  /** Default 50, at most 500. */
  readonly limit?: number
}

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
export interface SearchOptions {
  /** Datum of coordinates in the text; default 'cgcs2000'. */
  readonly crs?: InputCrs
  /** Default 20, at most 100. */
  readonly limit?: number
}

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

// ---------------------------------------------------------------------------------------------------------
// auth

/** The signed-in account as the workstation shows it. The bearer token never leaves main/. */
export interface SignedInUser {
  readonly id: string
  readonly username: string
  readonly displayName: string
  readonly role: Role
  readonly unitId: string | null
  readonly gridIds: readonly string[]
}

/** 登录状态. `casesVisible` is false for roles that may not sync every case (units, inspectors). */
export interface Session {
  readonly user: SignedInUser | null
  /** ISO end of the session; null when signed out. */
  readonly expiresAt: string | null
  readonly casesVisible: boolean
  /**
   * Where the token is kept between starts: 'keychain' (Electron, sealed by the OS keychain), 'file' (browser
   * mode: a file only this OS account can read), 'none' (Electron without a keychain, e.g. Linux without
   * gnome-keyring/KWallet: the sign-in is not remembered — the UI should say so, 每次启动需重新登录).
   */
  readonly tokenStorage: 'keychain' | 'file' | 'none'
}

// ---------------------------------------------------------------------------------------------------------
// cases

/** Colour of a time-limit light; 'none' where no clock runs (closed, parked, not yet timed). */
export type LightColor = 'green' | 'yellow' | 'red' | 'none'

/** Index order of {@link CaseColumns.light}. */
export const LIGHT_ORDER: readonly LightColor[] = ['none', 'green', 'yellow', 'red']

/**
 * 案卷 — a case as the central API's change feed presents it (server/src/presenters/case.ts), stored locally.
 * The reporter's contact is masked in the feed.
 */
export interface CaseRecord {
  readonly id: string
  /** 案卷编号, e.g. 2026-321202-000123. */
  readonly number: string
  /** Optimistic-locking version: an action is decided on it. */
  readonly version: number
  readonly status: CaseStatus
  readonly statusGroup: 'open' | 'closed'
  readonly kind: CategoryKind
  readonly categoryKey: string
  readonly conditionId: string
  readonly source: CaseSource
  readonly urgency: Urgency
  readonly safetyHazard: SafetyHazard | null
  readonly areaClass: AreaClass
  readonly location: {
    readonly lon: number
    readonly lat: number
    readonly address: string
    readonly gridId: string | null
    readonly communityCode: string | null
    readonly streetCode: string | null
    readonly districtCode: string
  }
  readonly componentId: string | null
  readonly description: string
  readonly reporter: { readonly id: string; readonly name: string | null; readonly contact: string | null }
  readonly beforePhotoIds: readonly string[]
  readonly afterPhotoIds: readonly string[]
  readonly duplicateIds: readonly string[]
  readonly proposedUnitId: string | null
  readonly assignedUnitId: string | null
  readonly subUnitId: string | null
  readonly previousUnitIds: readonly string[]
  readonly inspectorId: string | null
  readonly handleLimit: TimeLimitValue
  /** 环节计时 per stage. */
  readonly stages: Readonly<Partial<Record<CaseStage, StageClock>>>
  readonly light: { readonly color: LightColor; readonly stage: string | null }
  readonly escalation: { readonly kind: string; readonly at: string | null } | null
  readonly parkedSince: string | null
  readonly pending: {
    readonly kind: string
    readonly reason: string
    readonly by: string
    readonly at: string
    readonly duration?: TimeLimitValue
  } | null
  readonly verification: unknown
  readonly onSite: {
    readonly arrivedAt: string
    readonly lon: number
    readonly lat: number
    readonly photoId: string
    readonly measures: string
    readonly onTime: boolean
  } | null
  readonly handling: { readonly by: string; readonly at: string; readonly note: string; readonly afterPhotoIds: readonly string[] } | null
  readonly rapid: unknown
  readonly evaluation: unknown
  readonly createdAt: string
  readonly updatedAt: string
  readonly closedAt: string | null
}

/** A case as lists show it: the fields filters and sorting need, names resolved, deadlines computed. */
export interface CaseSummary {
  readonly id: string
  readonly number: string
  readonly version: number
  readonly status: CaseStatus
  readonly phase: CasePhase
  readonly kind: CategoryKind
  readonly categoryKey: string
  /** Category name in both languages (the key when the catalog lacks it). */
  readonly categoryName: string
  readonly categoryNameEn: string
  readonly source: CaseSource
  readonly urgency: Urgency
  readonly safetyHazard: SafetyHazard | null
  readonly lon: number
  readonly lat: number
  readonly address: string
  readonly gridId: string | null
  readonly districtCode: string
  /** The unit now responsible (assigned, else proposed), with its names; null before routing found one. */
  readonly unit: { readonly id: string; readonly name: string; readonly nameEn: string } | null
  readonly light: LightColor
  /** The stage whose clock the light shows. */
  readonly lightStage: string | null
  /** ISO deadline of the running stage; null when none runs. */
  readonly deadline: string | null
  /** ISO 到场 deadline of a 第9条 hazard not yet reported on site; null otherwise (live countdown on the map). */
  readonly onSiteDeadline: string | null
  readonly createdAt: string
  readonly updatedAt: string
  readonly closedAt: string | null
  /** Commands for this case still in the outbox (queued or being sent). */
  readonly queued: number
  /** The last command for this case was rejected and not yet dismissed. */
  readonly rejected: boolean
}

/** Filters of the case list and the case layers; absent = no restriction. */
export interface CaseFilter {
  readonly phases?: readonly CasePhase[]
  readonly statuses?: readonly CaseStatus[]
  /** Category keys or prefixes ('2026:component:01'). */
  readonly categories?: readonly string[]
  readonly sources?: readonly CaseSource[]
  /** Assigned (or proposed) unit ids. */
  readonly unitIds?: readonly string[]
  readonly lights?: readonly LightColor[]
  /** Only the four 第9条 safety hazards. */
  readonly hazardOnly?: boolean
  /** Created at or after / before (ISO). */
  readonly from?: string
  readonly to?: string
  /** Inside this box (e.g. drawn on the map). */
  readonly bbox?: Bbox
  /** Case number, address, description or grid id containing this text. */
  readonly text?: string
}

/** Query of {@link CityLoopBridge.cases.list}. */
export interface CaseListQuery extends CaseFilter {
  /** 'deadline' (soonest first, red before yellow; default), 'newest', 'updated'. */
  readonly sort?: 'deadline' | 'newest' | 'updated'
  /** Default 200, at most 2,000. */
  readonly limit?: number
  readonly offset?: number
}

/** A page of the case list. */
export interface CaseList {
  /** Matching cases in all (not only this page). */
  readonly total: number
  readonly cases: readonly CaseSummary[]
  /**
   * Matching cases per phase and per light (the filter bar's counts). Each ignores its own filter: `byPhase`
   * counts as if no `phases` were given, `byLight` as if no `lights`, so the bar shows what another choice gives.
   */
  readonly byPhase: Readonly<Record<CasePhase, number>>
  readonly byLight: Readonly<Record<LightColor, number>>
}

/**
 * Matching cases as columns for the map's WebGL layers (points, clusters, heatmap, playback): case i is at
 * (`lon[i]`, `lat[i]`), its id `ids[i]`, its phase `CASE_PHASES[phase[i]]` (core/case/phase.ts), light
 * `LIGHT_ORDER[light[i]]`, `hazard[i]` 1 for a 第9条 hazard, created at `createdAt[i]` (epoch ms) and, for a
 * hazard not yet on site, its 到场 deadline `onSiteDeadline[i]` (epoch ms, else 0).
 */
export interface CaseColumns {
  readonly total: number
  readonly ids: readonly string[]
  readonly lon: readonly number[]
  readonly lat: readonly number[]
  readonly phase: readonly number[]
  readonly light: readonly number[]
  readonly hazard: readonly number[]
  readonly createdAt: readonly number[]
  readonly onSiteDeadline: readonly number[]
  /** Index into `gridIds` (-1 outside every grid), for counts per grid. */
  readonly grid: readonly number[]
  readonly gridIds: readonly string[]
}

/** 高发网格 — matching cases counted per unit grid (choropleth). */
export interface GridCaseCounts {
  readonly total: number
  readonly gridIds: readonly string[]
  readonly counts: readonly number[]
  readonly max: number
}

/** 操作记录 — one audit event of a case (central API). */
export interface CaseEventView {
  readonly seq: number
  readonly version: number
  readonly type: string
  readonly at: string
  readonly actorId: string
  readonly role: string
  readonly from: string | null
  readonly to: string
  readonly payload: Readonly<Record<string, unknown>>
  readonly photoIds: readonly string[]
}

/** One case in full: the record, what the signed-in user may do, its timeline and queued commands. */
export interface CaseDetail {
  readonly record: CaseRecord
  readonly summary: CaseSummary
  /** 可用操作 of the signed-in user: from the central API when reachable, else from core's transitions table by status and role. */
  readonly abilities: Readonly<Record<CaseAction, boolean>>
  readonly abilitiesFrom: 'central' | 'local'
  /** Events oldest first; null while the central API is unreachable. */
  readonly events: readonly CaseEventView[] | null
  /** True when `record` was just read from the central API, false when it is the local copy. */
  readonly fresh: boolean
  readonly component: ComponentDetail | null
  readonly commands: readonly OutboxEntry[]
}

/** A photo fetched by main/ with the session's token. */
export interface CasePhoto {
  readonly id: string
  readonly contentType: string
  /** `data:` URL of the image. */
  readonly dataUrl: string
}

/** 新案卷 — a case recorded at the desk (phoned-in complaint, media report, department transfer, leader's order). */
export interface NewCaseInput {
  readonly lon: number
  readonly lat: number
  readonly categoryKey: string
  readonly conditionId?: string
  readonly urgency?: Urgency
  readonly source?: CaseSource
  readonly address?: string
  readonly description?: string
  readonly reporterName?: string
  readonly reporterContact?: string
  readonly componentId?: string
}

/**
 * A command for the outbox: a new case, or an action on a case. An action on a case recorded offline names
 * it by the create command's client id (`caseClientId`) until the central API has given it an id.
 */
export type CaseCommandInput =
  | { readonly kind: 'create'; readonly input: NewCaseInput }
  | {
      readonly kind: 'action'
      /** The case's id, or absent with `caseClientId`. */
      readonly caseId?: string
      readonly caseClientId?: string
      /** The version the user decided on (from the case's record); absent for a case recorded offline. */
      readonly version?: number
      readonly action: CaseAction
      /** The action's payload fields (core/case/commands.ts), e.g. {unitId} for dispatch. */
      readonly payload: Readonly<Record<string, unknown>>
    }

/** The central API's reason for refusing a command, with the case's current state where it has one. */
export interface CommandRejection {
  /** HTTP status: 400 bad payload, 403 no permission, 404 no such case, 409 illegal in state / stale version. */
  readonly httpStatus: number
  /** The API's error code, e.g. ILLEGAL_ACTION, STALE_VERSION, FORBIDDEN, VALIDATION. */
  readonly code: string
  readonly message: string
  /** The payload field at fault, when the API named one. */
  readonly field?: string
  /** The case's status and allowed actions now, when known. */
  readonly caseStatus?: CaseStatus
  readonly allowed?: readonly CaseAction[]
  readonly currentVersion?: number
}

/** 待发指令 — one command in the outbox, kept across restarts until applied or dismissed. */
export interface OutboxEntry {
  /** Client-generated id (UUID), sent as the Idempotency-Key: a retry is applied once. */
  readonly clientId: string
  /** Order of submission. */
  readonly seq: number
  readonly command: CaseCommandInput
  /** The account that gave it; it is sent only under that account. */
  readonly userId: string
  readonly state: 'queued' | 'sending' | 'applied' | 'rejected'
  readonly queuedAt: string
  readonly sentAt: string | null
  readonly attempts: number
  /** The case it created or changed, once applied. */
  readonly result: { readonly caseId: string; readonly number: string; readonly status: CaseStatus; readonly version: number } | null
  readonly rejection: CommandRejection | null
  /** The last transport failure (network, 5xx), shown while it waits for a retry. */
  readonly lastError: string | null
}

/** Where the outbox stands. */
export interface OutboxStatus {
  /** sending: working through it; waiting: central unreachable, retrying; signed-out: commands wait for their account. */
  readonly state: 'idle' | 'sending' | 'waiting' | 'signed-out'
  readonly queued: number
  readonly rejected: number
  /** Queued and rejected entries, then the latest applied ones (at most 50), in submission order. */
  readonly entries: readonly OutboxEntry[]
}

// ---------------------------------------------------------------------------------------------------------
// events

/** Events pushed from main/ to the renderer. */
export interface BridgeEvents {
  /** Sync state or progress changed (at most a few per second while syncing). */
  readonly sync: SyncStatus
  /** Local data changed (a sync page was applied): refetch the layers of these entities. */
  readonly 'data-changed': { readonly entities: readonly SyncEntity[]; readonly cursor: string }
  /** Settings changed (from this or another window). */
  readonly settings: Settings
  /** Signed in, signed out, or the session expired. */
  readonly session: Session
  /**
   * Cases changed locally (sync page, applied command, pruning, another account signing in): refetch the list
   * and the case layers. `cursor` is the cases stream's feed position.
   */
  readonly 'cases-changed': { readonly ids: readonly string[]; readonly cursor: string }
  /** The outbox changed (queued, sent, applied, rejected, dismissed). */
  readonly outbox: OutboxStatus
}

/** Name of a bridge event. */
export type BridgeEventName = keyof BridgeEvents

/** Stops a listener registered with {@link CityLoopBridge.on}. */
export type Unsubscribe = () => void

// ---------------------------------------------------------------------------------------------------------
// The bridge

/** `window.cityloop` — everything the renderer may ask of main/. */
export interface CityLoopBridge {
  readonly app: {
    /** Version, mode, central URL, data-as-of and local counts. */
    info(): Promise<Result<AppInfo>>
  }
  readonly settings: {
    get(): Promise<Result<Settings>>
    /** Applies a patch, persists it and returns the full settings; emits `settings`. */
    set(patch: SettingsPatch): Promise<Result<Settings>>
  }
  readonly sync: {
    status(): Promise<Result<SyncStatus>>
    /** Starts a sync run now (joins the current run if one is going). */
    start(options?: SyncStartOptions): Promise<Result<SyncStatus>>
  }
  readonly layers: {
    /** District, street or community boundaries. */
    regions(level: RegionLevel): Promise<Result<BridgeFeatureCollection<RegionProperties>>>
    /** Unit grids in view, or a summary when zoomed out. */
    grids(query: GridQuery): Promise<Result<GridLayer>>
    /** Components in view as columns for WebGL points, or counts per cell when too many. */
    components(query: ComponentQuery): Promise<Result<ComponentLayer>>
  }
  readonly lookup: {
    /** Point → grid, community, street, district (offline, from the local store). */
    locate(lon: number, lat: number, options?: PointOptions): Promise<Result<Location>>
    /** Point + category → 责任单位 and 处置时限 (offline). NOT_FOUND for an unknown category key. */
    responsible(
      lon: number,
      lat: number,
      categoryKey: string,
      options?: PointOptions,
    ): Promise<Result<Responsibility>>
    /** A unit grid by its 15-digit id. */
    byGridId(id: string): Promise<Result<GridDetail>>
    /** A component by its 16/17-digit id. */
    byComponentId(id: string): Promise<Result<ComponentDetail>>
  }
  readonly catalog: {
    /** Small classes of both editions matching the text (code, key, Chinese or English name, condition text). */
    search(text: string, options?: CatalogSearchOptions): Promise<Result<readonly CatalogClassBrief[]>>
    /** One small class with its conditions. */
    get(categoryKey: string): Promise<Result<CatalogClassDetail>>
  }
  readonly search: {
    /** Free-text search: grid id, component id, coordinates, region name. */
    find(text: string, options?: SearchOptions): Promise<Result<readonly SearchHit[]>>
  }
  readonly auth: {
    session(): Promise<Result<Session>>
    /** Signs in at the central API; UNAUTHORIZED with the API's reason on a wrong password or a locked account. */
    signIn(username: string, password: string): Promise<Result<Session>>
    /** Signs out (commands of this account stay queued until it signs in again). */
    signOut(): Promise<Result<Session>>
  }
  readonly cases: {
    /** The local case list (offline), filtered and sorted, with counts per phase and light. */
    list(query: CaseListQuery): Promise<Result<CaseList>>
    /** Matching cases as columns for the map layers. */
    layer(filter: CaseFilter): Promise<Result<CaseColumns>>
    /** Matching cases counted per unit grid. */
    gridCounts(filter: CaseFilter): Promise<Result<GridCaseCounts>>
    /** One case: the central API's current copy, abilities and events when reachable, else the local copy. */
    get(id: string): Promise<Result<CaseDetail>>
    /** A photo of a case (needs the central API). */
    photo(photoId: string): Promise<Result<CasePhoto>>
  }
  readonly commands: {
    /** Queues a command (persisted before this answers) and starts sending; BAD_REQUEST names a bad field. */
    submit(command: CaseCommandInput): Promise<Result<OutboxEntry>>
    status(): Promise<Result<OutboxStatus>>
    /** Removes a rejected command from view after the user has read it. */
    dismiss(clientId: string): Promise<Result<OutboxStatus>>
    /** Tries to send now (after the network came back). */
    flush(): Promise<Result<OutboxStatus>>
  }
  /** Listens to a main/ event; returns the function that stops listening. */
  on<E extends BridgeEventName>(event: E, listener: (payload: BridgeEvents[E]) => void): Unsubscribe
}

// ---------------------------------------------------------------------------------------------------------
// Channels, derived names and argument types (for the transports; the renderer needs none of this)

/** Every bridge method as 'group.method'. */
export const BRIDGE_METHODS = [
  'app.info',
  'settings.get',
  'settings.set',
  'sync.status',
  'sync.start',
  'layers.regions',
  'layers.grids',
  'layers.components',
  'lookup.locate',
  'lookup.responsible',
  'lookup.byGridId',
  'lookup.byComponentId',
  'catalog.search',
  'catalog.get',
  'search.find',
  'auth.session',
  'auth.signIn',
  'auth.signOut',
  'cases.list',
  'cases.layer',
  'cases.gridCounts',
  'cases.get',
  'cases.photo',
  'commands.submit',
  'commands.status',
  'commands.dismiss',
  'commands.flush',
] as const

/** A bridge method path. */
export type BridgeMethod = (typeof BRIDGE_METHODS)[number]

/** Every event name, in one list. */
export const BRIDGE_EVENTS = [
  'sync',
  'data-changed',
  'settings',
  'session',
  'cases-changed',
  'outbox',
] as const satisfies readonly BridgeEventName[]

type Groups = Exclude<keyof CityLoopBridge, 'on'>
/** Every 'group.method' path the interface has, derived from it (checked against BRIDGE_METHODS below). */
export type BridgeMethodPath = {
  [G in Groups]: `${G}.${Extract<keyof CityLoopBridge[G], string>}`
}[Groups]

type MethodAt<P extends BridgeMethodPath> = P extends `${infer G extends Groups}.${infer M}`
  ? M extends keyof CityLoopBridge[G]
    ? CityLoopBridge[G][M]
    : never
  : never

/** Arguments of a bridge method, as the transports carry them (a JSON array). */
export type BridgeArgs<P extends BridgeMethodPath> =
  MethodAt<P> extends (...args: infer A) => unknown ? A : never

/** Value of a successful answer of a bridge method. */
export type BridgeValue<P extends BridgeMethodPath> =
  MethodAt<P> extends (...args: never[]) => Promise<Result<infer V>> ? V : never

/** The channel of a method or event: 'cityloop:' + its name. */
export type Channel = `cityloop:${BridgeMethod}` | `cityloop:event:${BridgeEventName}`

/** IPC channel (and HTTP path segment: POST /bridge/<channel>) of each method. */
export const CHANNELS = Object.freeze(
  Object.fromEntries(BRIDGE_METHODS.map((m) => [m, `cityloop:${m}`])) as {
    readonly [M in BridgeMethod]: `cityloop:${M}`
  },
)

/** IPC channel of each event (main → renderer). In browser mode events travel as `{event, payload}` frames. */
export const EVENT_CHANNELS = Object.freeze(
  Object.fromEntries(BRIDGE_EVENTS.map((e) => [e, `cityloop:event:${e}`])) as {
    readonly [E in BridgeEventName]: `cityloop:event:${E}`
  },
)

/** The method a channel names, or undefined for an unknown channel. */
export function methodOfChannel(channel: string): BridgeMethod | undefined {
  if (!channel.startsWith('cityloop:')) return undefined
  const m = channel.slice('cityloop:'.length)
  return (BRIDGE_METHODS as readonly string[]).includes(m) ? (m as BridgeMethod) : undefined
}

/** HTTP path of the browser-mode event socket. */
export const EVENTS_SOCKET_PATH = '/bridge/events'

/** One event frame on the browser-mode socket. */
export type EventFrame = {
  [E in BridgeEventName]: { readonly event: E; readonly payload: BridgeEvents[E] }
}[BridgeEventName]

// Compile-time proof that BRIDGE_METHODS lists exactly the interface's methods, and BRIDGE_EVENTS its events.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const _methodsMatch: Same<BridgeMethod, BridgeMethodPath> = true
const _eventsMatch: Same<(typeof BRIDGE_EVENTS)[number], BridgeEventName> = true
void _methodsMatch
void _eventsMatch
