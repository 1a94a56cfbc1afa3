/**
 * Browser mode's `window.cityloop`: the CityLoopBridge over the Node host's HTTP (`POST /bridge/<channel>`)
 * and WebSocket (`/bridge/events`). main/web-host.ts bundles browser-entry.ts (which installs it) and
 * injects it ahead of the app in index.html, so the renderer finds the same global it finds under Electron.
 */
import type { BridgeEventName, CityLoopBridge, Unsubscribe } from './bridge.js'
import { createBridgeClient, type BridgeTransport } from './client.js'
import { EVENTS_SOCKET_PATH, type EventFrame } from './channels.js'
import type { Result } from './result.js'
import {
  web,
  type EventSocket,
  type EventSocketClass,
  type HttpAnswer,
  type HttpFetch,
} from './web-globals.js'

/** Options of {@link createBrowserBridge}; defaults suit the page the host served. */
export interface BrowserBridgeOptions {
  /** Host base URL, e.g. http://127.0.0.1:8080; default the page's origin. */
  readonly baseUrl?: string
  /** WebSocket constructor (tests under Node pass the `ws` package's). */
  readonly WebSocket?: EventSocketClass
  readonly fetch?: HttpFetch
}

const RECONNECT_MIN_MS = 500
const RECONNECT_MAX_MS = 15_000

/** Creates the bridge over HTTP + WebSocket. */
export function createBrowserBridge(options: BrowserBridgeOptions = {}): CityLoopBridge {
  const base = (options.baseUrl ?? web.location?.origin ?? '').replace(/\/+$/, '')
  const doFetch = options.fetch ?? web.fetch?.bind(globalThis)
  const Socket = options.WebSocket ?? web.WebSocket
  if (!doFetch || !Socket) throw new Error('browser mode needs fetch and WebSocket')
  const listeners = new Map<BridgeEventName, Set<(payload: unknown) => void>>()
  let socket: EventSocket | undefined
  let retryMs = RECONNECT_MIN_MS
  let retryTimer: unknown

  const listening = () => [...listeners.values()].some((s) => s.size > 0)

  function connect(): void {
    if (socket || !listening()) return
    const ws = new Socket!(base.replace(/^http/, 'ws') + EVENTS_SOCKET_PATH)
    socket = ws
    ws.onopen = () => {
      retryMs = RECONNECT_MIN_MS
    }
    ws.onmessage = (message: { readonly data: unknown }) => {
      let frame: EventFrame
      try {
        frame = JSON.parse(String(message.data)) as EventFrame
      } catch {
        return
      }
      for (const l of listeners.get(frame.event) ?? []) {
        try {
          l(frame.payload)
        } catch (error) {
          web.console.error(`[cityloop] a ${frame.event} listener failed`, error)
        }
      }
    }
    ws.onclose = () => {
      socket = undefined
      if (!listening()) return
      // The host restarted or the network blinked: come back, more slowly each time.
      retryTimer = web.setTimeout(() => {
        retryTimer = undefined
        connect()
      }, retryMs)
      retryMs = Math.min(RECONNECT_MAX_MS, retryMs * 2)
    }
  }

  const transport: BridgeTransport = {
    async invoke(channel, args) {
      let response: HttpAnswer
      try {
        response = await doFetch(`${base}/bridge/${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(args),
          credentials: 'same-origin',
        })
      } catch (error) {
        return {
          ok: false,
          error: { code: 'UNAVAILABLE', message: `the workstation host is unreachable: ${String(error)}` },
        }
      }
      try {
        const body = (await response.json()) as Result<unknown> | null
        if (body && typeof body === 'object' && typeof body.ok === 'boolean') return body
      } catch {
        // Not JSON: reported below.
      }
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: `the workstation host answered ${response.status} without a result`,
        },
      }
    },
    subscribe(event, listener): Unsubscribe {
      let set = listeners.get(event)
      if (!set) listeners.set(event, (set = new Set()))
      set.add(listener)
      connect()
      return () => {
        set.delete(listener)
        if (!listening()) {
          if (retryTimer !== undefined) web.clearTimeout(retryTimer)
          retryTimer = undefined
          socket?.close()
          socket = undefined
        }
      }
    },
  }
  return createBridgeClient(transport)
}

/** Installs `window.cityloop` unless something (a preload) already did. */
export function installBrowserBridge(): void {
  const w = globalThis as unknown as { cityloop?: CityLoopBridge }
  if (w.cityloop) return
  Object.defineProperty(globalThis, 'cityloop', {
    value: createBrowserBridge(),
    enumerable: true,
    configurable: false,
    writable: false,
  })
}
