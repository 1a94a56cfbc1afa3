/**
 * The preload exposes exactly the bridge: run the bundled preload against a fake `electron` module (never
 * the real one — its index.js downloads a binary) and compare what it exposes with the contract, method by
 * method and channel by channel. The browser-mode client must expose the identical shape.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { runInNewContext } from 'node:vm'
import { createBridgeClient } from './bridge-client.js'
import { bundlePreload } from './build.js'
import {
  BRIDGE_EVENTS,
  BRIDGE_METHODS,
  CHANNELS,
  EVENT_CHANNELS,
  methodOfChannel,
  type BridgeArgs,
  type BridgeMethodPath,
  type BridgeValue,
  type CityLoopBridge,
  type Result,
} from './contract.js'

interface FakeIpc {
  invoked: { channel: string; args: unknown[] }[]
  listeners: Map<string, Set<(event: unknown, payload: unknown) => void>>
}

async function loadPreload(): Promise<{ exposed: Map<string, unknown>; ipc: FakeIpc }> {
  const exposed = new Map<string, unknown>()
  const ipc: FakeIpc = { invoked: [], listeners: new Map() }
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
    ipcRenderer: {
      invoke: async (channel: string, ...args: unknown[]) => {
        ipc.invoked.push({ channel, args })
        return { ok: true, value: channel }
      },
      on: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
        if (!ipc.listeners.has(channel)) ipc.listeners.set(channel, new Set())
        ipc.listeners.get(channel)!.add(listener)
      },
      removeListener: (channel: string, listener: (event: unknown, payload: unknown) => void) =>
        ipc.listeners.get(channel)?.delete(listener),
    },
  }
  const code = await bundlePreload()
  const module = { exports: {} }
  const require = (name: string) => {
    if (name === 'electron') return electron
    throw new Error(`the preload may require only electron, not ${name}`)
  }
  runInNewContext(code, { require, module, exports: module.exports, console })
  return { exposed, ipc }
}

/** 'group.method' paths of every function in a bridge object, plus 'on'. */
function shape(bridge: object): string[] {
  const out: string[] = []
  for (const [group, value] of Object.entries(bridge)) {
    if (typeof value === 'function') out.push(group)
    else
      for (const [method, fn] of Object.entries(value as object))
        if (typeof fn === 'function') out.push(`${group}.${method}`)
  }
  return out.sort()
}

// Sample arguments per method, checked against the contract's argument types at compile time.
const SAMPLE_ARGS: { readonly [M in BridgeMethodPath]: BridgeArgs<M> } = {
  'app.info': [],
  'settings.get': [],
  'settings.set': [{ language: 'en' }],
  'sync.status': [],
  'sync.start': [{ wait: true }],
  'layers.regions': ['district'],
  'layers.grids': [{ bbox: [119, 32, 120, 33], zoom: 15 }],
  'layers.components': [{ bbox: [119, 32, 120, 33], zoom: 15, statuses: ['damaged'] }],
  'lookup.locate': [119.9, 32.45, { crs: 'gcj02' }],
  'lookup.responsible': [119.9, 32.45, '2013:component:0101'],
  'lookup.byGridId': ['321202001001001'],
  'lookup.byComponentId': ['32120201001000001'],
  'catalog.search': ['井盖', { edition: '2013' }],
  'catalog.get': ['2013:component:0101'],
  'search.find': ['120.1,32.4', { crs: 'gcj02' }],
  'auth.session': [],
  'auth.signIn': ['receiver', 'secret'],
  'auth.signOut': [],
  'cases.list': [{ phases: ['handling'], sort: 'deadline', limit: 50 }],
  'cases.layer': [{ bbox: [119, 32, 120, 33], hazardOnly: true }],
  'cases.gridCounts': [{ lights: ['red'] }],
  'cases.get': ['6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f'],
  'cases.photo': ['a'.repeat(64)],
  'cases.tasks': [],
  'commands.submit': [
    {
      kind: 'action',
      caseId: '6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f',
      version: 3,
      action: 'dispatch',
      payload: { unitId: 'hl-sanitation' },
    },
  ],
  'commands.status': [],
  'commands.dismiss': ['6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f'],
  'commands.flush': [],
}

describe('bridge contract', () => {
  it('names every channel cityloop:… and maps each back to its method', () => {
    for (const method of BRIDGE_METHODS) {
      assert.equal(CHANNELS[method], `cityloop:${method}`)
      assert.equal(methodOfChannel(CHANNELS[method]), method)
    }
    for (const event of BRIDGE_EVENTS) assert.equal(EVENT_CHANNELS[event], `cityloop:event:${event}`)
    assert.equal(methodOfChannel('cityloop:constructor'), undefined)
    assert.equal(methodOfChannel('app.info'), undefined)
    assert.equal(new Set(Object.values(CHANNELS)).size, BRIDGE_METHODS.length)
  })

  it('the preload exposes window.cityloop with exactly the contract methods, each on its own channel', async () => {
    const { exposed, ipc } = await loadPreload()
    assert.deepEqual([...exposed.keys()], ['cityloop'], 'one global, nothing else')
    const bridge = exposed.get('cityloop') as CityLoopBridge
    assert.deepEqual(shape(bridge), [...BRIDGE_METHODS, 'on'].sort())
    for (const method of BRIDGE_METHODS) {
      const [group, name] = method.split('.') as [string, string]
      const fn = (
        bridge as unknown as Record<string, Record<string, (...a: unknown[]) => Promise<Result<unknown>>>>
      )[group]![name]!
      const args = SAMPLE_ARGS[method] as unknown[]
      const answer = await fn(...args)
      assert.deepEqual(answer, { ok: true, value: CHANNELS[method] })
      assert.deepEqual(ipc.invoked.at(-1), { channel: CHANNELS[method], args }, method)
    }
    // Trailing undefined options are not sent.
    await bridge.lookup.locate(1, 2, undefined)
    assert.deepEqual(ipc.invoked.at(-1)!.args, [1, 2])
  })

  it('the preload forwards only contract events, and on() returns a working unsubscribe', async () => {
    const { exposed, ipc } = await loadPreload()
    const bridge = exposed.get('cityloop') as CityLoopBridge
    const got: unknown[] = []
    const stop = bridge.on('sync', (s) => got.push(s))
    const listeners = ipc.listeners.get(EVENT_CHANNELS.sync)!
    assert.equal(listeners.size, 1)
    for (const l of listeners) l({ sender: 'ipc' }, { state: 'idle' })
    assert.deepEqual(got, [{ state: 'idle' }], 'the payload only, never the IPC event')
    stop()
    assert.equal(listeners.size, 0)
    const noop = (bridge.on as (e: string, l: () => void) => () => void)('cityloop:app.info', () => {})
    noop()
    assert.equal(ipc.listeners.has('cityloop:app.info'), false, 'no listening on arbitrary channels')
  })

  it('the browser-mode client has the same shape as the preload', async () => {
    const { exposed } = await loadPreload()
    const client = createBridgeClient({
      invoke: async () => ({ ok: true, value: null }),
      subscribe: () => () => {},
    })
    assert.deepEqual(shape(client), shape(exposed.get('cityloop') as object))
    assert.ok(Object.isFrozen(client) && Object.isFrozen(client.lookup))
  })

  it('types: values and arguments derive from the interface', () => {
    // Compile-time checks; the runtime assertion keeps node:test honest.
    const locate: BridgeValue<'lookup.locate'> extends { grid: unknown } ? true : false = true
    const args: BridgeArgs<'lookup.responsible'> = [120, 32, '2013:component:0101', { crs: 'cgcs2000' }]
    assert.ok(locate && args.length === 4)
  })
})
