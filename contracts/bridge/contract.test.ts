/**
 * The contract's own runtime parts: channel names, the one client factory every transport uses, and the
 * argument schemas (each method's sample arguments pass them; main/bridge-validate.test.ts checks refusals).
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Compile } from 'typebox/compile'
import {
  BRIDGE_EVENTS,
  BRIDGE_METHODS,
  BRIDGE_PARAMS,
  CHANNELS,
  createBridgeClient,
  EVENT_CHANNELS,
  isBridgeMethod,
  methodOfChannel,
  type BridgeArgs,
  type BridgeEventName,
  type BridgeTransport,
  type BridgeValue,
  type CityLoopBridge,
  type Result,
} from './index.js'
import { SAMPLE_ARGS } from './test-support/sample-args.js'

function fakeTransport() {
  const invoked: { channel: string; args: readonly unknown[] }[] = []
  const subscribed: BridgeEventName[] = []
  const transport: BridgeTransport = {
    invoke: async (channel, args) => {
      invoked.push({ channel, args })
      return { ok: true, value: channel }
    },
    subscribe: (event) => {
      subscribed.push(event)
      return () => {}
    },
  }
  return { transport, invoked, subscribed }
}

const methodOf = (bridge: CityLoopBridge, method: string) => {
  const [group, name] = method.split('.') as [string, string]
  return (bridge as unknown as Record<string, Record<string, (...a: unknown[]) => Promise<Result<unknown>>>>)[
    group
  ]![name]!
}

describe('bridge contract', () => {
  it('names every channel cityloop:… and maps each back to its method', () => {
    for (const method of BRIDGE_METHODS) {
      assert.equal(CHANNELS[method], `cityloop:${method}`)
      assert.equal(methodOfChannel(CHANNELS[method]), method)
    }
    for (const event of BRIDGE_EVENTS) assert.equal(EVENT_CHANNELS[event], `cityloop:event:${event}`)
    assert.equal(methodOfChannel('cityloop:constructor'), undefined)
    assert.equal(methodOfChannel('cityloop:toString'), undefined)
    assert.equal(isBridgeMethod('__proto__'), false)
    assert.equal(methodOfChannel('app.info'), undefined)
    assert.equal(new Set(Object.values(CHANNELS)).size, BRIDGE_METHODS.length)
  })

  it('the client calls each method on its own channel with its arguments, trailing undefined dropped', async () => {
    const { transport, invoked } = fakeTransport()
    const bridge = createBridgeClient(transport)
    for (const method of BRIDGE_METHODS) {
      const args = SAMPLE_ARGS[method] as unknown[]
      assert.deepEqual(await methodOf(bridge, method)(...args), { ok: true, value: CHANNELS[method] })
      assert.deepEqual(invoked.at(-1), { channel: CHANNELS[method], args }, method)
    }
    await bridge.lookup.locate(1, 2, undefined)
    assert.deepEqual(invoked.at(-1)!.args, [1, 2])
    assert.ok(Object.isFrozen(bridge) && Object.isFrozen(bridge.lookup) && Object.isFrozen(bridge.commands))
  })

  it('the client subscribes to contract events only', () => {
    const { transport, subscribed } = fakeTransport()
    const bridge = createBridgeClient(transport)
    bridge.on('outbox', () => {})
    const on = bridge.on as (event: string, listener: unknown) => () => void
    on('cityloop:app.info', () => {})()
    on('sync', 'not a function')()
    assert.deepEqual(subscribed, ['outbox'])
  })

  it('a transport that throws still answers as data', async () => {
    const bridge = createBridgeClient({
      invoke: () => Promise.reject(new Error('channel closed')),
      subscribe: () => () => {},
    })
    const answer = await bridge.app.info()
    assert.ok(
      !answer.ok && answer.error.code === 'UNAVAILABLE' && /channel closed/.test(answer.error.message),
    )
  })

  it('every sample argument passes its method’s compiled schemas', () => {
    for (const method of BRIDGE_METHODS) {
      const params = BRIDGE_PARAMS[method] as readonly { name: string; schema: object }[]
      const args = SAMPLE_ARGS[method] as unknown[]
      params.forEach((p, i) => {
        if (i >= args.length) return
        const validator = Compile(p.schema as never)
        assert.ok(
          validator.Check(args[i]),
          `${method} ${p.name}: ${JSON.stringify(validator.Errors(args[i]))}`,
        )
      })
    }
  })

  it('types: values and arguments derive from the interface', () => {
    // Compile-time checks; the runtime assertion keeps node:test honest.
    const locate: BridgeValue<'lookup.locate'> extends { grid: unknown } ? true : false = true
    const args: BridgeArgs<'lookup.responsible'> = [120, 32, '2013:component:0101', { crs: 'cgcs2000' }]
    // @ts-expect-error an unknown field of a schema-typed payload is a compile error too
    const bad: BridgeArgs<'layers.grids'> = [{ bbox: [1, 2, 3, 4], zoom: 1, extra: true }]
    assert.ok(locate && args.length === 4 && bad.length === 1)
  })
})
