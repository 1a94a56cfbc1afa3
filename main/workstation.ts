import { join } from 'node:path'
import {
  BRIDGE_VERSION,
  type BridgeEventName,
  type BridgeEvents,
  type SyncEntity,
  type SyncStatus,
  type Unsubscribe,
} from '../electron/contract.js'
import { createDispatch, type BridgeHandlers, type Dispatch } from './bridge-dispatch.js'
import { createCityQueries, type CityQueries } from './city-queries.js'
import { embeddedCentralDir, startEmbeddedCentral, type EmbeddedCentral } from './embedded-central.js'
import { openLocalStore, type LocalStore } from './local-store.js'
import { createLog, type Log } from './log.js'
import { createSettingsService, type SettingsService } from './settings.js'
import { createSyncService, entitiesOf, type PageApplied, type SyncService } from './sync-service.js'
import { WORKSTATION_VERSION } from './version.js'

/** Options of {@link startWorkstation}. */
export interface WorkstationOptions {
  readonly mode: 'electron' | 'browser'
  /** The user data folder: settings.json, cityloop.sqlite and (embedded) central/. */
  readonly dataDir: string
  /** The central API; absent: start one in-process on embedded PGlite with the demo city. */
  readonly centralUrl?: string
  readonly log?: Log
  /** Incremental sync period; default 60,000 ms (0: only on request). */
  readonly syncIntervalMs?: number
  /** Feed page size; default 5,000. */
  readonly pageSize?: number
  /** PGlite data-dir dump for the embedded central (tests). */
  readonly pgliteTemplate?: Blob
}

/** A running workstation back end: the bridge (as one dispatch function plus events) over its services. */
export interface Workstation {
  /** Answers a bridge call: method name ('lookup.locate') and the JSON array of its arguments. */
  readonly dispatch: Dispatch
  /** Main → renderer events. */
  on<E extends BridgeEventName>(event: E, listener: (payload: BridgeEvents[E]) => void): Unsubscribe
  readonly settings: SettingsService
  readonly centralUrl: string
  /** The first sync run, started at open. */
  readonly firstSync: Promise<SyncStatus>
  readonly store: LocalStore
  readonly queries: CityQueries
  readonly sync: SyncService
  /** Stops syncing, writes the last snapshot and stops the embedded central. */
  close(): Promise<void>
}

// Coalesces `data-changed` while pages stream in, so a first sync of a large city does not make the map
// refetch two hundred times.
const DATA_CHANGED_EVERY_MS = 1_000

/**
 * The composition root of main/: the one place that calls the service factories and wires them together,
 * for Electron (electron/main.ts) and browser mode (main/web-host.ts) alike.
 */
export async function startWorkstation(options: WorkstationOptions): Promise<Workstation> {
  const log = options.log ?? createLog('Workstation')
  const settings = await createSettingsService({
    file: join(options.dataDir, 'settings.json'),
    log: log.child('Settings'),
  })
  const store = await openLocalStore({
    file: join(options.dataDir, 'cityloop.sqlite'),
    log: log.child('LocalStore'),
  })
  const queries = createCityQueries({ store, log: log.child('CityQueries') })
  let central: EmbeddedCentral | undefined
  if (!options.centralUrl) {
    central = await startEmbeddedCentral({
      dataDir: embeddedCentralDir(options.dataDir),
      log: log.child('EmbeddedCentral'),
      ...(options.pgliteTemplate ? { pgliteTemplate: options.pgliteTemplate } : {}),
    })
  }
  const centralUrl = options.centralUrl ?? central!.url

  const listeners = new Map<BridgeEventName, Set<(payload: never) => void>>()
  function emit<E extends BridgeEventName>(event: E, payload: BridgeEvents[E]): void {
    for (const l of listeners.get(event) ?? []) {
      try {
        ;(l as (p: BridgeEvents[E]) => void)(payload)
      } catch (error) {
        log.error(`a ${event} listener failed`, error)
      }
    }
  }

  const changed = new Set<SyncEntity>()
  let changedTimer: NodeJS.Timeout | undefined
  function flushChanged(): void {
    if (changedTimer) clearTimeout(changedTimer)
    changedTimer = undefined
    if (changed.size === 0) return
    const entities = [...changed]
    changed.clear()
    emit('data-changed', { entities, cursor: sync.status().cursor })
  }

  const sync = createSyncService({
    store,
    centralUrl,
    log: log.child('Sync'),
    ...(options.pageSize ? { pageSize: options.pageSize } : {}),
    onPage(page: PageApplied) {
      if (page.changes.length === 0) return
      queries.apply(page.changes)
      for (const e of entitiesOf(page.changes)) changed.add(e)
      changedTimer ??= setTimeout(flushChanged, DATA_CHANGED_EVERY_MS).unref()
    },
    onRunEnd() {
      queries.refresh()
      flushChanged()
    },
  })
  sync.onStatus((s) => emit('sync', s))
  settings.onChange((s) => emit('settings', s))

  const handlers: BridgeHandlers = {
    'app.info': () => {
      const status = sync.status()
      return {
        version: WORKSTATION_VERSION,
        bridgeVersion: BRIDGE_VERSION,
        mode: options.mode,
        centralUrl,
        embeddedCentral: central !== undefined,
        dataAsOf: status.dataAsOf,
        cursor: status.cursor,
        counts: status.counts,
        extent: queries.extent(),
      }
    },
    'settings.get': () => settings.get(),
    'settings.set': (patch) => settings.set(patch),
    'sync.status': () => sync.status(),
    'sync.start': async (opts) => {
      const run = sync.run()
      return opts?.wait ? run : sync.status()
    },
    'layers.regions': (level) => queries.regions(level),
    'layers.grids': (q) => queries.grids(q),
    'layers.components': (q) => queries.components(q),
    'lookup.locate': (lon, lat, opts) => queries.locate(lon, lat, opts?.crs),
    'lookup.responsible': (lon, lat, key, opts) => queries.responsible(lon, lat, key, opts?.crs),
    'lookup.byGridId': (id) => queries.byGridId(id),
    'lookup.byComponentId': (id) => queries.byComponentId(id),
    'catalog.search': (text, opts) => queries.catalogSearch(text, opts),
    'catalog.get': (key) => queries.catalogGet(key),
    'search.find': (text, opts) => queries.find(text, opts),
  }

  const firstSync = sync.run()
  if ((options.syncIntervalMs ?? 60_000) > 0) sync.startPolling(options.syncIntervalMs ?? 60_000)
  log.info(
    `workstation (${options.mode}) on ${options.dataDir}, central API ${centralUrl}${central ? ' (embedded)' : ''}`,
  )

  let closing: Promise<void> | undefined
  return {
    dispatch: createDispatch(handlers, log.child('Bridge')),
    on(event, listener) {
      let set = listeners.get(event)
      if (!set) listeners.set(event, (set = new Set()))
      set.add(listener as (payload: never) => void)
      return () => void set.delete(listener as (payload: never) => void)
    },
    settings,
    centralUrl,
    firstSync,
    store,
    queries,
    sync,
    close() {
      closing ??= (async () => {
        await sync.stop()
        if (changedTimer) clearTimeout(changedTimer)
        await store.close()
        await central?.close()
      })()
      return closing
    },
  }
}
