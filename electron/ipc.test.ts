import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { WebContents } from 'electron'
import {
  BRIDGE_METHODS,
  CHANNELS,
  EVENT_CHANNELS,
  type BridgeEventName,
  type Result,
} from '../contracts/bridge/index.js'
import { isAppUrl, registerBridgeIpc, senderProblem } from './ipc.js'

type Handler = (event: unknown, ...args: unknown[]) => Promise<Result<unknown>>

function fakeShell() {
  const handlers = new Map<string, Handler>()
  const ours = {
    isDestroyed: () => false,
    sent: [] as [string, unknown][],
    send(channel: string, payload: unknown) {
      this.sent.push([channel, payload])
    },
  }
  const stranger = {}
  const emitters = new Map<BridgeEventName, (payload: unknown) => void>()
  const dispatched: [string, unknown][] = []
  const warnings: string[] = []
  const stop = registerBridgeIpc({
    ipcMain: {
      handle: (channel: string, handler: Handler) => void handlers.set(channel, handler),
      removeHandler: (channel: string) => void handlers.delete(channel),
    } as never,
    isOurs: (c) => c === (ours as unknown as WebContents),
    dispatch: async (method, args) => {
      dispatched.push([method, args])
      return { ok: true, value: method }
    },
    on: (event, listener) => {
      emitters.set(event, listener as (p: unknown) => void)
      return () => emitters.delete(event)
    },
    targets: () => [ours as unknown as WebContents],
    warn: (m) => warnings.push(m),
  })
  const frame = (url: string, parent: unknown = null) => ({ url, parent })
  return { handlers, ours, stranger, emitters, dispatched, warnings, stop, frame }
}

describe('main-process IPC', () => {
  it('registers one handler per contract channel and passes the arguments to dispatch', async () => {
    const s = fakeShell()
    assert.deepEqual([...s.handlers.keys()].sort(), BRIDGE_METHODS.map((m) => CHANNELS[m]).sort())
    const answer = await s.handlers.get(CHANNELS['lookup.locate'])!(
      { sender: s.ours, senderFrame: s.frame('cityloop://app/index.html') },
      120,
      32,
    )
    assert.deepEqual(answer, { ok: true, value: 'lookup.locate' })
    assert.deepEqual(s.dispatched, [['lookup.locate', [120, 32]]])
  })

  it('refuses messages from other windows, sub-frames, foreign origins and vanished frames', async () => {
    const s = fakeShell()
    const call = (event: unknown) => s.handlers.get(CHANNELS['app.info'])!(event)
    const refused = [
      { sender: s.stranger, senderFrame: s.frame('cityloop://app/index.html') },
      { sender: s.ours, senderFrame: s.frame('cityloop://app/index.html', { url: 'cityloop://app/' }) },
      { sender: s.ours, senderFrame: s.frame('https://evil.example/') },
      { sender: s.ours, senderFrame: s.frame('file:///etc/passwd') },
      { sender: s.ours, senderFrame: s.frame('cityloop://other/index.html') },
      { sender: s.ours, senderFrame: null },
    ]
    for (const event of refused) {
      const answer = await call(event)
      assert.deepEqual(answer, {
        ok: false,
        error: { code: 'FORBIDDEN', message: 'not allowed from this frame' },
      })
    }
    assert.equal(s.dispatched.length, 0)
    assert.equal(s.warnings.length, refused.length)
  })

  it('sends events to our windows on the event channels, and unregisters everything', () => {
    const s = fakeShell()
    s.emitters.get('data-changed')!({ entities: ['component'], cursor: '1/2' })
    assert.deepEqual(s.ours.sent, [
      [EVENT_CHANNELS['data-changed'], { entities: ['component'], cursor: '1/2' }],
    ])
    s.stop()
    assert.equal(s.handlers.size, 0)
    assert.equal(s.emitters.size, 0)
  })

  it('tells the app origin apart', () => {
    assert.ok(isAppUrl('cityloop://app/index.html'))
    assert.ok(!isAppUrl('cityloop://app.evil/index.html'))
    assert.ok(!isAppUrl('http://app/'))
    assert.ok(!isAppUrl('not a url'))
    assert.equal(
      senderProblem({ sender: {} as WebContents, senderFrame: null }, () => true),
      'the sending frame is gone',
    )
  })
})
