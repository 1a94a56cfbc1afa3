/**
 * @module contracts/bridge/bridge
 * The one typed bridge between the workstation UI (renderer/) and its services (main/): `window.cityloop`.
 *
 * Two transports carry exactly this interface, and the renderer cannot tell them apart; both build it with
 * `createBridgeClient` (client.ts):
 * - Electron: `electron/preload.ts` exposes `window.cityloop` through contextBridge; each method is one
 *   `ipcRenderer.invoke(CHANNELS[method], ...args)`, events arrive on `EVENT_CHANNELS[event]`.
 * - Browser mode (`npm run web`): the Node host (main/web-host.ts) injects `<script src="/cityloop-bridge.js">`
 *   (browser-entry.ts, bundled) ahead of the app bundle in index.html, so `window.cityloop` exists before any
 *   renderer module runs, as it does under the preload. Each method is `POST /bridge/<channel>` with the JSON
 *   array of its arguments as the body; events arrive over the WebSocket `/bridge/events` (http-transport.ts).
 *
 * Rules of the contract:
 * - Every method returns a Promise of {@link Result}; nothing throws across the boundary (style.md §9.7).
 * - Arguments and values are JSON-safe (plain objects, arrays, strings, finite numbers, booleans, null), so
 *   the same types travel over Electron IPC (structured clone) and HTTP/WebSocket (JSON). Optional fields
 *   are absent rather than `undefined`; "no value" inside a value is `null`.
 * - Every argument has a TypeBox schema (params.ts: BRIDGE_PARAMS); its TypeScript type is the schema's
 *   `Static<>`, and main/ checks every call against the compiled schemas before acting on it.
 * - Coordinates are CGCS2000 (EPSG:4490) longitude/latitude in degrees, [lon, lat] order, unless a method
 *   takes `crs: 'gcj02'` for points pasted from consumer maps (Amap/Tencent); answers are always CGCS2000.
 * - Additive changes only: new optional fields and new methods; {@link BRIDGE_VERSION} goes up with each.
 *
 * The renderer types the global itself: `declare global { interface Window { cityloop: CityLoopBridge } }`
 * with `import type { CityLoopBridge } from '../contracts/bridge/index.js'`.
 */
import type {
  CaseColumns,
  CaseCommandInput,
  CaseDetail,
  CaseFilter,
  CaseList,
  CaseListQuery,
  CasePhoto,
  GridCaseCounts,
  OutboxEntry,
  OutboxStatus,
  Session,
  TaskQueue,
} from './cases.js'
import type {
  CatalogClassBrief,
  CatalogClassDetail,
  CatalogSearchOptions,
  ComponentDetail,
  ComponentLayer,
  ComponentQuery,
  GridDetail,
  GridLayer,
  GridQuery,
  Location,
  PointOptions,
  RegionProperties,
  Responsibility,
  SearchHit,
  SearchOptions,
} from './map.js'
import type { Result } from './result.js'
import type { AppInfo, Settings, SettingsPatch, SyncStartOptions, SyncStatus } from './settings.js'
import type { BridgeFeatureCollection, RegionLevel, SyncEntity } from './shapes.js'

/** Version of this contract; {@link AppInfo.bridgeVersion} reports the one the host implements. */
export const BRIDGE_VERSION = 3

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
    /** 待办 — the signed-in account's queue (central /tasks; offline from the local cases where it can). */
    tasks(): Promise<Result<TaskQueue>>
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
