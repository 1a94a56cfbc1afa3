/**
 * The one preload: exposes exactly the CityLoopBridge as `window.cityloop`, one ipcRenderer.invoke per
 * method on its contract channel, and `on` for the contract's events. No generic send(channel), no Node,
 * no Electron object crosses into the page. Runs sandboxed, so it is bundled (electron/build.ts) into
 * dist/preload.cjs with the contract inlined.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import {
  BRIDGE_EVENTS,
  CHANNELS,
  EVENT_CHANNELS,
  type BridgeEventName,
  type BridgeEvents,
  type BridgeMethod,
  type BridgeValue,
  type CityLoopBridge,
  type Result,
  type Unsubscribe,
} from './contract.js'

async function call<M extends BridgeMethod>(method: M, ...args: unknown[]): Promise<Result<BridgeValue<M>>> {
  let n = args.length
  while (n > 0 && args[n - 1] === undefined) n--
  try {
    return (await ipcRenderer.invoke(CHANNELS[method], ...args.slice(0, n))) as Result<BridgeValue<M>>
  } catch (error) {
    return {
      ok: false,
      error: { code: 'UNAVAILABLE', message: `the workstation did not answer ${method}: ${String(error)}` },
    }
  }
}

function on<E extends BridgeEventName>(event: E, listener: (payload: BridgeEvents[E]) => void): Unsubscribe {
  if (!(BRIDGE_EVENTS as readonly string[]).includes(event) || typeof listener !== 'function') return () => {}
  const channel = EVENT_CHANNELS[event]
  const forward = (_event: IpcRendererEvent, payload: BridgeEvents[E]) => listener(payload)
  ipcRenderer.on(channel, forward)
  return () => {
    ipcRenderer.removeListener(channel, forward)
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
  on,
} satisfies CityLoopBridge

contextBridge.exposeInMainWorld('cityloop', bridge)
