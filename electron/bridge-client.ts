/**
 * Builds a CityLoopBridge over any transport that can carry a channel call and subscribe to events. The
 * browser-mode client uses it over HTTP + WebSocket; the Electron preload spells the same object out over
 * ipcRenderer (a preload should show exactly what it exposes).
 */
import {
  CHANNELS,
  type BridgeEventName,
  type BridgeEvents,
  type BridgeMethod,
  type BridgeValue,
  type CityLoopBridge,
  type Result,
  type Unsubscribe,
} from './contract.js'

/** What a bridge needs from its transport. */
export interface BridgeTransport {
  /** Sends one call; resolves with the Result (transport failures as `{ ok: false }`, never a throw). */
  invoke(channel: string, args: readonly unknown[]): Promise<Result<unknown>>
  subscribe(event: BridgeEventName, listener: (payload: unknown) => void): Unsubscribe
}

/** The bridge over `transport`, frozen like an object that crossed contextBridge. */
export function createBridgeClient(transport: BridgeTransport): CityLoopBridge {
  const call = <M extends BridgeMethod>(method: M, ...args: unknown[]) =>
    transport.invoke(CHANNELS[method], withoutTrailingUndefined(args)) as Promise<Result<BridgeValue<M>>>
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
    on: <E extends BridgeEventName>(event: E, listener: (payload: BridgeEvents[E]) => void): Unsubscribe =>
      transport.subscribe(event, listener as (payload: unknown) => void),
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
