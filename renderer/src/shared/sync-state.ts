/**
 * @module renderer/shared/sync-state
 * 同步状态 — what the workstation and the wall screen both show about the local copy: the sync run (from the
 * bridge's `sync` events), the app info (counts, extent, where the data comes from) and "data as of".
 * {@link createSyncState} is called once per app by the component that owns it, which provides it;
 * everything below reads it with {@link useSyncState}.
 */
import {
  computed,
  onBeforeUnmount,
  provide,
  shallowRef,
  type ComputedRef,
  type InjectionKey,
  type ShallowRef,
} from 'vue'
import type { AppInfo, CityLoopBridge, SyncStatus, Unsubscribe } from '../../../contracts/bridge/index.js'
import { injectStrict } from './inject-strict.js'

/** How the status bar shows the sync: a run that ended with an error reads as `error` until the next one. */
export type SyncDisplay = SyncStatus['state'] | 'error'

/** The sync state of one app. */
export interface SyncState {
  readonly sync: ShallowRef<SyncStatus | null>
  readonly info: ShallowRef<AppInfo | null>
  /** The newest data the local copy holds (ISO), or null before the first sync. */
  readonly dataAsOf: ComputedRef<string | null>
  readonly display: ComputedRef<SyncDisplay>
  /** Reads the sync status and the app info once; resolves with the info (null when it failed). */
  load(): Promise<AppInfo | null>
  /** Re-reads the app info (after a sync changed the data). */
  refreshInfo(): Promise<AppInfo | null>
  /** Starts a sync run now; resolves with the error message, or null. */
  syncNow(): Promise<string | null>
}

const SYNC_STATE: InjectionKey<SyncState> = Symbol('sync state')

/**
 * Creates and provides the sync state over `bridge`, following `sync` and `data-changed` events until the
 * calling component unmounts. Call it in the setup of the app's root component.
 */
export function createSyncState(bridge: CityLoopBridge): SyncState {
  const sync = shallowRef<SyncStatus | null>(null)
  const info = shallowRef<AppInfo | null>(null)

  async function refreshInfo(): Promise<AppInfo | null> {
    const result = await bridge.app.info()
    if (result.ok) info.value = result.value
    return result.ok ? result.value : null
  }

  const stops: Unsubscribe[] = [
    bridge.on('sync', (status) => {
      const before = sync.value?.dataAsOf
      sync.value = status
      if (status.dataAsOf !== before) void refreshInfo()
    }),
    bridge.on('data-changed', () => void refreshInfo()),
  ]
  onBeforeUnmount(() => stops.forEach((stop) => stop()))

  const state: SyncState = {
    sync,
    info,
    dataAsOf: computed(() => sync.value?.dataAsOf ?? info.value?.dataAsOf ?? null),
    display: computed(() => {
      const s = sync.value
      return s?.lastError && s.state === 'idle' ? 'error' : (s?.state ?? 'idle')
    }),
    async load() {
      const [loaded, status] = await Promise.all([refreshInfo(), bridge.sync.status()])
      // An event may have come while the status was on its way; it is newer.
      if (status.ok && !sync.value) sync.value = status.value
      return loaded
    },
    refreshInfo,
    async syncNow() {
      const result = await bridge.sync.start()
      if (!result.ok) return result.error.message
      // The run's own `sync` events may have come first (a short run ends before this answer): keep them.
      if (sync.value?.startedAt !== result.value.startedAt) sync.value = result.value
      return null
    },
  }
  provide(SYNC_STATE, state)
  return state
}

/** The sync state provided by the app's root component. */
export function useSyncState(): SyncState {
  return injectStrict(SYNC_STATE)
}
