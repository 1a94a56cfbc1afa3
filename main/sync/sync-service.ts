import type { BridgeError, SyncEntity, SyncStatus } from '../../contracts/bridge/index.js'
import { FeedFormatError, parseFeedPage, toLocalChange, type LocalChange } from './feed-records.js'
import { STREAM_ENTITIES, type LocalStore, type SyncStream } from '../store/local-store.js'
import type { Log } from '../log.js'

/** 数据同步 — pulls the city's reference data from the central API's change feed into the local store. */
export interface SyncService {
  status(): SyncStatus
  /** Runs to the end of the feed (joins the current run if one is going); resolves with the final status. */
  run(): Promise<SyncStatus>
  /** Runs now, or once more right after the current run (e.g. after a sign-in, for the cases stream). */
  runSoon(): Promise<SyncStatus>
  /** Runs again every `intervalMs` while the workstation is open. */
  startPolling(intervalMs: number): void
  /** Listens to status changes (throttled while pages stream in). */
  onStatus(listener: (status: SyncStatus) => void): () => void
  /** Stops polling and waits for the current run to stop after its page. */
  stop(): Promise<void>
}

/** What happened to one page (test and bench hook). */
export interface PageApplied {
  readonly stream: SyncStream
  readonly cursor: string
  readonly changes: readonly LocalChange[]
}

/**
 * What the cases stream needs from the session: the case feed is read with the signed-in account's bearer
 * token, only while that account may see every case.
 */
export interface CaseFeedAccess {
  /** The token to read the case feed with, or undefined to skip the cases stream (signed out, no access). */
  token(): string | undefined
  /** The central API refused the token (401): the session ends. */
  unauthorized(message: string): void
  /** Epoch ms: closed cases closed before this are not stored (settings.closedCaseDays). */
  closedBefore(): number
}

/** Options of {@link createSyncService}. */
export interface SyncServiceOptions {
  readonly store: LocalStore
  /** Base URL of the central API, e.g. http://127.0.0.1:8080. */
  readonly centralUrl: string
  readonly log: Log
  /** Changes per page (the API allows up to 10,000); default 5,000. */
  readonly pageSize?: number
  readonly fetch?: typeof fetch
  readonly now?: () => Date
  /** Called after a page is committed locally, before the next is asked for (updates in-memory indexes). */
  readonly onPage?: (page: PageApplied) => void | Promise<void>
  /** Called when a run ends (successful or not). */
  readonly onRunEnd?: (status: SyncStatus) => void
  /** Per-page timeout; default 120 s. */
  readonly timeoutMs?: number
  /** The cases stream; absent: reference data and components only. */
  readonly cases?: CaseFeedAccess
}

// Cases before components: a desk's first sync should show its cases before a million map points are in.
const STREAMS: readonly SyncStream[] = ['reference', 'cases', 'components']
const STATUS_THROTTLE_MS = 250
const RETRIES = 3
const RETRY_DELAY_MS = 300

/** A refusal of the case feed: the session ends (401) or the account lost case access (403). */
class CaseFeedRefused extends Error {}

class CentralError extends Error {
  constructor(
    readonly code: BridgeError['code'],
    message: string,
  ) {
    super(message)
  }
}

/**
 * Creates the sync service. A run reads each stream from its stored cursor; every page is applied in one
 * local transaction together with its new cursor, so a crash between (or during) pages resumes from the
 * last committed page, and the feed's commit order guarantees nothing is skipped. Tombstones delete.
 */
export function createSyncService(options: SyncServiceOptions): SyncService {
  const { store, log } = options
  const base = options.centralUrl.replace(/\/+$/, '')
  const pageSize = options.pageSize ?? 5_000
  const doFetch = options.fetch ?? fetch
  const now = options.now ?? (() => new Date())
  const listeners = new Set<(s: SyncStatus) => void>()
  let state: SyncStatus['state'] = 'idle'
  let applied = 0
  let startedAt: string | null = null
  let lastError: BridgeError | null = null
  let current: Promise<SyncStatus> | undefined
  let stopping = false
  let poll: NodeJS.Timeout | undefined
  let lastEmit = 0
  let emitTimer: NodeJS.Timeout | undefined

  function status(): SyncStatus {
    const dataAsOf = store.getMeta('dataAsOf') ?? null
    return {
      state,
      phase: dataAsOf ? 'incremental' : 'initial',
      cursor: `${store.cursor('reference')}/${store.cursor('components')}/${store.cursor('cases')}`,
      dataAsOf,
      applied,
      startedAt,
      lastError,
      counts: store.counts(),
    }
  }

  function emit(force: boolean): void {
    const t = Date.now()
    if (!force && t - lastEmit < STATUS_THROTTLE_MS) {
      emitTimer ??= setTimeout(() => {
        emitTimer = undefined
        emit(true)
      }, STATUS_THROTTLE_MS).unref()
      return
    }
    if (emitTimer) clearTimeout(emitTimer)
    emitTimer = undefined
    lastEmit = t
    const s = status()
    for (const l of listeners) l(s)
  }

  async function fetchPage(stream: SyncStream, since: string, token?: string) {
    const url = `${base}/api/v1/sync/changes?since=${since}&limit=${pageSize}&entities=${STREAM_ENTITIES[stream].join(',')}`
    const headers: Record<string, string> = { accept: 'application/json' }
    if (token) headers.authorization = `Bearer ${token}`
    let response: Response | undefined
    // A GET of a page is idempotent: a reset connection (a keep-alive socket the server closed while this
    // side was busy applying the previous page) is retried before the run is called off.
    for (let attempt = 1; !response; attempt++) {
      try {
        response = await doFetch(url, {
          signal: AbortSignal.timeout(options.timeoutMs ?? 120_000),
          headers,
        })
      } catch (error) {
        if (attempt < RETRIES) {
          await new Promise((r) => setTimeout(r, RETRY_DELAY_MS * attempt))
          continue
        }
        throw new CentralError(
          'UNAVAILABLE',
          `central API at ${base} is unreachable: ${(error as Error).cause ?? (error as Error).message}`,
        )
      }
    }
    if (token && (response.status === 401 || response.status === 403)) {
      const text = await response.text().catch(() => '')
      if (response.status === 401)
        options.cases?.unauthorized(`the central API refused the session: ${text.slice(0, 200)}`)
      throw new CaseFeedRefused(`the case feed answered ${response.status}: ${text.slice(0, 200)}`)
    }
    if (!response.ok) {
      const text = await response.text().catch(() => '')
      throw new CentralError(
        response.status >= 500 ? 'UNAVAILABLE' : 'INTERNAL',
        `central API answered ${response.status} to ${url}: ${text.slice(0, 300)}`,
      )
    }
    return parseFeedPage(await response.json())
  }

  async function runOnce(): Promise<SyncStatus> {
    state = 'syncing'
    applied = 0
    startedAt = now().toISOString()
    emit(true)
    const started = performance.now()
    try {
      for (const stream of STREAMS) {
        // The token is fixed for the stream's run: a page read under one account is never applied after
        // another signed in (which resets the cases and their cursor).
        const token = stream === 'cases' ? options.cases?.token() : undefined
        if (stream === 'cases' && !token) continue
        try {
          for (;;) {
            if (stopping) return status()
            if (token && options.cases?.token() !== token) break
            const since = store.cursor(stream)
            const page = await fetchPage(stream, since, token)
            if (token && options.cases?.token() !== token) break
            let changes = page.changes.map(toLocalChange)
            if (stream === 'cases') changes = withoutOldClosed(changes, options.cases!.closedBefore())
            if (changes.length > 0 || page.cursor !== since) {
              store.applyPage(stream, changes, page.cursor)
              store.persistSoon()
            }
            applied += changes.length
            await options.onPage?.({ stream, cursor: page.cursor, changes })
            emit(false)
            if (!page.hasMore) break
          }
        } catch (error) {
          // Reference data and components are public: a refused case feed skips only its own stream.
          if (!(error instanceof CaseFeedRefused)) throw error
          log.warn(`cases not synced: ${error.message}`)
        }
      }
      store.setMeta({ dataAsOf: now().toISOString() })
      store.persistSoon()
      lastError = null
      state = 'idle'
      if (applied > 0)
        log.info(
          `synced ${applied.toLocaleString('en-US')} changes in ${Math.round(performance.now() - started)} ms`,
        )
    } catch (error) {
      if (error instanceof CentralError) {
        lastError = { code: error.code, message: error.message }
        state = error.code === 'UNAVAILABLE' ? 'offline' : 'idle'
      } else if (error instanceof FeedFormatError) {
        lastError = {
          code: 'INTERNAL',
          message: `the central API sent a change this workstation cannot store: ${error.message}`,
        }
        state = 'idle'
      } else {
        lastError = { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) }
        state = 'idle'
      }
      log.warn(`sync stopped: ${lastError.message}`)
    }
    const final = status()
    emit(true)
    options.onRunEnd?.(final)
    return final
  }

  let again: Promise<SyncStatus> | undefined
  const service: SyncService = {
    status,
    run() {
      current ??= runOnce().finally(() => {
        current = undefined
      })
      return current
    },
    runSoon() {
      if (!current) return service.run()
      again ??= current.then(() => {
        again = undefined
        return stopping ? status() : service.run()
      })
      return again
    },
    startPolling(intervalMs) {
      if (poll) clearInterval(poll)
      poll = setInterval(() => {
        if (!current && !stopping) void service.run()
      }, intervalMs)
      poll.unref()
    },
    onStatus(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    async stop() {
      stopping = true
      if (poll) clearInterval(poll)
      if (emitTimer) clearTimeout(emitTimer)
      await current
    },
  }
  return service
}

/**
 * 结案保留期 — an upsert of a case closed before `closedBefore` becomes a tombstone: the store never holds
 * it (and drops the copy it had), the in-memory index follows the same change.
 */
export function withoutOldClosed(changes: LocalChange[], closedBefore: number): LocalChange[] {
  return changes.map((c) =>
    c.entity === 'case' &&
    c.op === 'upsert' &&
    c.value.closedAt !== null &&
    Date.parse(c.value.closedAt) < closedBefore
      ? { entity: 'case', op: 'delete', id: c.id }
      : c,
  )
}

/** The entities a page touched, for the `data-changed` event. */
export function entitiesOf(changes: readonly LocalChange[]): SyncEntity[] {
  return [...new Set(changes.map((c) => c.entity))]
}
