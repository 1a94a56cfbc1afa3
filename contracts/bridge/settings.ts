/** The `app`, `settings` and `sync` groups of the bridge. */
import Type, { type Static } from 'typebox'
import type { BridgeError } from './result.js'
import { closed, oneOf, patterned, text, whole } from './schema-kit.js'
import type { Bbox, SyncEntity } from './shapes.js'
import { web, type WebUrl } from './web-globals.js'

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
export const Language = oneOf(['zh-CN', 'en'] as const)
export type Language = Static<typeof Language>

/** Base map: 天地图 vector or imagery (with annotation), the city's own WMTS/XYZ service, or none (offline). */
export const Basemap = oneOf(['tianditu-vec', 'tianditu-img', 'custom', 'none'] as const)
export type Basemap = Static<typeof Basemap>

/** 天地图 tile matrix set: `c` = CGCS2000 lon/lat grid, `w` = Web Mercator. */
export const TiandituMatrixSet = oneOf(['c', 'w'] as const)
export type TiandituMatrixSet = Static<typeof TiandituMatrixSet>

/** Why `text` is not an http(s) tile URL template without credentials, or undefined when it is one. */
export function tileUrlProblem(text: string): string | undefined {
  if (text === '') return undefined
  let url: WebUrl
  try {
    // Placeholders such as {z} or {a-c} are not valid in a host, but are in a path or query.
    url = new web.URL(text.replace(/\{[^}]*\}/g, '0'))
  } catch {
    return 'is not a URL'
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http(s) URL'
  if (url.username || url.password) return 'must not carry credentials'
  return undefined
}

/** User settings, persisted by main/ in the user data folder. */
export const Settings = closed({
  language: Language,
  basemap: Basemap,
  /** 天地图 key (`tk`); '' when not set. */
  tiandituToken: patterned('^[0-9A-Za-z]{0,64}$', 'a 天地图 key (letters and digits)'),
  tiandituMatrixSet: TiandituMatrixSet,
  /**
   * The city's own base map as a URL template: XYZ (`{z}/{x}/{y}`) or WMTS KVP/REST with `{TileMatrix}`,
   * `{TileRow}`, `{TileCol}` placeholders (or `{z}`, `{y}`, `{x}`); '' when not set.
   */
  customBasemapUrl: Type.Refine(
    text(2_000),
    (url) => tileUrlProblem(url) === undefined,
    (url) => tileUrlProblem(url) ?? '',
  ),
  /** Tile grid of the custom base map: Web Mercator or the CGCS2000 lon/lat grid. */
  customBasemapProjection: oneOf(['EPSG:3857', 'EPSG:4490'] as const),
  /** Closed cases kept locally for this many days after 结案 (open cases are always kept); 0-3650, default 30. */
  closedCaseDays: whole(0, 3650),
})
export type Settings = Readonly<Static<typeof Settings>>

/** A change to some settings; unknown keys and wrong values are BAD_REQUEST. */
export const SettingsPatch = Type.Partial(Settings, { additionalProperties: false })
export type SettingsPatch = Readonly<Static<typeof SettingsPatch>>

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
export const SyncStartOptions = closed({
  /** Resolve only when the run ends (with its final status). Default false: resolve at once. */
  wait: Type.Optional(Type.Boolean()),
})
export type SyncStartOptions = Readonly<Static<typeof SyncStartOptions>>
