/**
 * The one client of the bridge: builds `window.cityloop` over any transport that can carry a channel call
 * and subscribe to events. The Electron preload uses it over ipcRenderer, browser mode over HTTP +
 * WebSocket (http-transport.ts), the tests over fakes — so every transport exposes the same object.
 */
import type { BridgeEventName, BridgeEvents, CityLoopBridge, Unsubscribe } from './bridge.js'
import { BRIDGE_EVENTS, CHANNELS, type BridgeMethod, type BridgeValue } from './channels.js'
import type { Result } from './result.js'

/** What a bridge needs from its transport. */
export interface BridgeTransport {
  /** Sends one call; resolves with the Result (transport failures as `{ ok: false }`, never a throw). */
  invoke(channel: string, args: readonly unknown[]): Promise<Result<unknown>>
  /** Listens to one of the contract's events; only ever called with a name of BRIDGE_EVENTS. */
  subscribe(event: BridgeEventName, listener: (payload: unknown) => void): Unsubscribe
}

/** The bridge over `transport`, frozen like an object that crossed contextBridge. */
export function createBridgeClient(transport: BridgeTransport): CityLoopBridge {
  const call = async <M extends BridgeMethod>(
    method: M,
    ...args: unknown[]
  ): Promise<Result<BridgeValue<M>>> => {
    try {
      return (await transport.invoke(CHANNELS[method], withoutTrailingUndefined(args))) as Result<
        BridgeValue<M>
      >
    } catch (error) {
      // A transport should answer failures as data; one that throws still must not throw across the bridge.
      return {
        ok: false,
        error: { code: 'UNAVAILABLE', message: `the workstation did not answer ${method}: ${String(error)}` },
      }
    }
  }
  const bridge = {
    app: { info: () => call('app.info') },
    settings: {
      get: () => call('settings.get'),
      set: (patch) => call('settings.set', patch),
    },
    sync: {
      status: () => call('sync.status'),
      start: (options) => call('sync.start', options),
    },
    layers: {
      regions: (level) => call('layers.regions', level),
      grids: (query) => call('layers.grids', query),
      components: (query) => call('layers.components', query),
    },
    lookup: {
      locate: (lon, lat, options) => call('lookup.locate', lon, lat, options),
      responsible: (lon, lat, categoryKey, options) =>
        call('lookup.responsible', lon, lat, categoryKey, options),
      byGridId: (id) => call('lookup.byGridId', id),
      byComponentId: (id) => call('lookup.byComponentId', id),
    },
    catalog: {
      search: (text, options) => call('catalog.search', text, options),
      get: (categoryKey) => call('catalog.get', categoryKey),
    },
    search: {
      find: (text, options) => call('search.find', text, options),
    },
    auth: {
      session: () => call('auth.session'),
      signIn: (username, password) => call('auth.signIn', username, password),
      signOut: () => call('auth.signOut'),
    },
    cases: {
      list: (query) => call('cases.list', query),
      layer: (filter) => call('cases.layer', filter),
      gridCounts: (filter) => call('cases.gridCounts', filter),
      get: (id) => call('cases.get', id),
      photo: (photoId) => call('cases.photo', photoId),
      tasks: () => call('cases.tasks'),
    },
    commands: {
      submit: (command) => call('commands.submit', command),
      status: () => call('commands.status'),
      dismiss: (clientId) => call('commands.dismiss', clientId),
      flush: () => call('commands.flush'),
    },
    on: <E extends BridgeEventName>(event: E, listener: (payload: BridgeEvents[E]) => void): Unsubscribe => {
      // The page may pass anything: listening on an arbitrary channel is never on offer.
      if (!(BRIDGE_EVENTS as readonly string[]).includes(event) || typeof listener !== 'function')
        return () => {}
      return transport.subscribe(event, listener as (payload: unknown) => void)
    },
  } satisfies CityLoopBridge
  for (const group of Object.values(bridge)) if (typeof group === 'object') Object.freeze(group)
  return Object.freeze(bridge)
}

/** Drops trailing `undefined` arguments, which JSON would turn into null. */
export function withoutTrailingUndefined(args: readonly unknown[]): unknown[] {
  let n = args.length
  while (n > 0 && args[n - 1] === undefined) n--
  return args.slice(0, n)
}
