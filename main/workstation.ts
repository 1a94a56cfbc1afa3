import { join } from 'node:path'
import {
  BRIDGE_VERSION,
  type BridgeEventName,
  type BridgeEvents,
  type SyncEntity,
  type SyncStatus,
  type Unsubscribe,
} from '../contracts/bridge/index.js'
import { BridgeFailure, createDispatch, type BridgeHandlers, type Dispatch } from './bridge-dispatch.js'
import { createCaseQueries, type CaseQueries } from './cases/case-queries.js'
import { createCityQueries, type CityQueries } from './map/city-queries.js'
import { embeddedCentralDir, startEmbeddedCentral, type EmbeddedCentral } from './embedded-central.js'
import { openLocalStore, type LocalStore } from './store/local-store.js'
import { createLog, type Log } from './log.js'
import { createOutbox, type Outbox } from './cases/outbox.js'
import { createSessionService, type SessionService, type SessionServiceOptions } from './cases/session.js'
import { createSettingsService, type SettingsService } from './settings.js'
import { createSyncService, entitiesOf, type PageApplied, type SyncService } from './sync/sync-service.js'
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
  /**
   * Folder of the demo city the embedded central loads into an empty database; default gis-data/demo
   * beside the sources. A packaged app passes its resources copy (electron/app-paths.ts).
   */
  readonly demoCityDir?: string
  /** Encrypts the stored session token (Electron: safeStorage); absent, the file is only mode 0600. */
  readonly protectToken?: SessionServiceOptions['protect']
  /** False: never store the session token (Electron without a real keychain: main/cases/token-keeping.ts). */
  readonly rememberSession?: boolean
  /** How main/ reaches the central API (tests put a switchable network in between). */
  readonly fetch?: typeof fetch
  /** Outbox retry delays after a transport failure; default 1 s doubling to 60 s. */
  readonly outboxRetryMs?: { readonly first: number; readonly max: number }
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
  readonly session: SessionService
  readonly cases: CaseQueries
  readonly outbox: Outbox
  /** Stops syncing, writes the last snapshot and stops the embedded central. */
  close(): Promise<void>
}

// Coalesces `data-changed` and `cases-changed` while pages stream in, so a first sync of a large city does
// not make the map refetch two hundred times.
const DATA_CHANGED_EVERY_MS = 1_000
const DAY_MS = 86_400_000
/** Meta key of the account whose case feed the local cases came from. */
const CASES_OWNER = 'cases:userId'

/**
 * The composition root of main/: the one place that calls the service factories and wires them together,
 * for Electron (electron/main.ts) and browser mode (main/host/web-host.ts) alike.
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
      ...(options.demoCityDir ? { demoCityDir: options.demoCityDir } : {}),
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

  const changedCases = new Set<string>()
  let casesTimer: NodeJS.Timeout | undefined
  function flushCases(): void {
    if (casesTimer) clearTimeout(casesTimer)
    casesTimer = undefined
    if (changedCases.size === 0) return
    const ids = [...changedCases]
    changedCases.clear()
    emit('cases-changed', { ids, cursor: store.cursor('cases') })
  }
  function casesChanged(ids: readonly string[], now = false): void {
    for (const id of ids) changedCases.add(id)
    if (now) flushCases()
    else if (changedCases.size > 0) casesTimer ??= setTimeout(flushCases, DATA_CHANGED_EVERY_MS).unref()
  }

  const session = await createSessionService({
    file: join(options.dataDir, 'session.json'),
    centralUrl,
    log: log.child('Session'),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.protectToken ? { protect: options.protectToken } : {}),
    ...(options.rememberSession === false ? { persist: false } : {}),
  })
  const closedBefore = () => Date.now() - settings.get().closedCaseDays * DAY_MS
  const ownsLocalCases = () => {
    const user = session.user()
    return user !== null && store.getMeta(CASES_OWNER) === user.id
  }
  const outbox = await createOutbox({
    file: join(options.dataDir, 'outbox.json'),
    session,
    log: log.child('Outbox'),
    ...(options.outboxRetryMs ? { retryMs: options.outboxRetryMs } : {}),
    onApplied(record, userId) {
      // The map shows an applied command at once; the feed brings the same version later.
      if (session.get().casesVisible && ownsLocalCases() && session.user()?.id === userId)
        casesChanged(cases.store([record]), true)
    },
  })
  const cases = createCaseQueries({
    store,
    model: queries.model,
    session,
    outbox,
    component: (id) => queries.byComponentId(id),
    ownsLocalCases,
    closedBefore: () => closedBefore(),
    log: log.child('CaseQueries'),
  })

  /**
   * Local cases belong to the account whose feed they came from. Signing out (or an expired session) keeps
   * them, hidden until that account signs in again and the feed resumes from its cursor; another account
   * signing in drops them and reads its own feed from the start, so no one sees cases synced under
   * someone else's name (and an account without case access holds none).
   */
  function claimCases(): void {
    const user = session.user()
    if (!user || store.getMeta(CASES_OWNER) === user.id) return
    const dropped = store.resetCases()
    cases.cleared()
    store.setMeta({ [CASES_OWNER]: user.id })
    store.persistSoon()
    if (dropped.length > 0) log.info(`dropped ${dropped.length} cases synced under another account`)
    casesChanged(dropped, true)
  }

  /**
   * 结案保留期 — drops closed cases older than settings.closedCaseDays. Widening the window later does not
   * bring pruned cases back (the feed's cursor is past them): they stay at the central, where cases.get reads.
   */
  function pruneCases(): void {
    const ids = store.pruneClosedCases(closedBefore())
    if (ids.length === 0) return
    cases.removed(ids)
    store.persistSoon()
    casesChanged(ids, true)
  }

  const sync = createSyncService({
    store,
    centralUrl,
    log: log.child('Sync'),
    ...(options.pageSize ? { pageSize: options.pageSize } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    cases: {
      token: () => (session.get().casesVisible && ownsLocalCases() ? session.token() : undefined),
      unauthorized: (message) => session.expire(message),
      closedBefore,
    },
    onPage(page: PageApplied) {
      if (page.changes.length === 0) return
      // Cases have their own event: a case page is no reason to refetch grids and components.
      if (page.stream === 'cases') return casesChanged(cases.apply(page.changes))
      queries.apply(page.changes)
      for (const e of entitiesOf(page.changes)) changed.add(e)
      changedTimer ??= setTimeout(flushChanged, DATA_CHANGED_EVERY_MS).unref()
    },
    onRunEnd(status) {
      queries.refresh()
      flushChanged()
      pruneCases()
      flushCases()
      // The network is back (or never left): whatever waits in the outbox goes now.
      if (!status.lastError) outbox.kick()
    },
  })
  sync.onStatus((s) => emit('sync', s))
  let closedCaseDays = settings.get().closedCaseDays
  settings.onChange((s) => {
    emit('settings', s)
    if (s.closedCaseDays !== closedCaseDays) {
      closedCaseDays = s.closedCaseDays
      pruneCases()
    }
  })
  session.onChange((s) => {
    emit('session', s)
    claimCases()
    if (s.user) {
      if (s.casesVisible) void sync.runSoon()
      outbox.kick()
    }
    // What the outbox shows depends on who is signed in.
    emit('outbox', outbox.status())
  })
  outbox.onChange((s) => emit('outbox', s))

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
    'auth.session': () => session.get(),
    'auth.signIn': (username, password) => session.signIn(username, password),
    'auth.signOut': () => session.signOut(),
    'cases.list': (q) => cases.list(q),
    'cases.layer': (filter) => cases.layer(filter),
    'cases.gridCounts': (filter) => cases.gridCounts(filter),
    'cases.get': (id) => cases.get(id),
    'cases.photo': (photoId) => cases.photo(photoId),
    'cases.tasks': () => cases.tasks(),
    'commands.submit': (command) => {
      // A category the synced catalog lacks would be refused by the central API only when sent.
      if (
        command.kind === 'create' &&
        queries.model.classes.size > 0 &&
        !queries.model.classes.has(command.input.categoryKey)
      )
        throw new BridgeFailure(
          'BAD_REQUEST',
          `command.input.categoryKey: unknown category "${command.input.categoryKey}"`,
        )
      return outbox.submit(command)
    },
    'commands.status': () => outbox.status(),
    'commands.dismiss': (clientId) => outbox.dismiss(clientId),
    'commands.flush': () => outbox.flush(),
  }

  claimCases()
  // A stored session is trusted offline; when the central API answers, it says whether it still holds.
  void session.verify()
  const firstSync = sync.run()
  // A first start files the demo case history in the background: sync once it is there.
  void central?.demoCases.then((filed) => {
    if (filed > 0) void sync.runSoon()
  })
  if ((options.syncIntervalMs ?? 60_000) > 0) sync.startPolling(options.syncIntervalMs ?? 60_000)
  outbox.kick()
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
    session,
    cases,
    outbox,
    close() {
      closing ??= (async () => {
        await sync.stop()
        await outbox.close()
        session.close()
        if (changedTimer) clearTimeout(changedTimer)
        if (casesTimer) clearTimeout(casesTimer)
        await store.close()
        await central?.close()
      })()
      return closing
    },
  }
}
