/**
 * The few web-platform globals the bridge uses. contracts/ compiles without DOM or Node types (it must run
 * in the page, the sandboxed preload and Node alike), and every one of those runtimes has these; typing the
 * little used here keeps everything else out of reach of the compiler.
 */

/** The part of the WHATWG URL the contract reads. */
export interface WebUrl {
  readonly protocol: string
  readonly username: string
  readonly password: string
}

/** The part of a fetch Response the HTTP transport reads. */
export interface HttpAnswer {
  readonly status: number
  json(): Promise<unknown>
}

/** The request the HTTP transport makes. */
export interface HttpCall {
  readonly method: 'POST'
  readonly headers: Record<string, string>
  readonly body: string
  readonly credentials: 'same-origin'
}

/** fetch, as far as the HTTP transport uses it (the page's, Node's, or a test's). */
export type HttpFetch = (url: string, init: HttpCall) => Promise<HttpAnswer>

/**
 * The part of a WHATWG WebSocket the event socket uses. Handlers take `never` so that the page's and the
 * `ws` package's sockets (whose handlers take their own event classes) both fit; the transport reads only
 * `data` of a message.
 */
export interface EventSocket {
  onopen: ((event: never) => void) | null
  onmessage: ((message: never) => void) | null
  onclose: ((event: never) => void) | null
  close(): void
}

/** A WebSocket constructor. */
export type EventSocketClass = new (url: string) => EventSocket

type Timer = unknown

interface WebGlobals {
  readonly URL: new (href: string) => WebUrl
  readonly fetch?: HttpFetch
  readonly WebSocket?: EventSocketClass
  readonly location?: { readonly origin: string }
  readonly console: { error(...data: unknown[]): void }
  setTimeout(callback: () => void, ms: number): Timer
  clearTimeout(timer: Timer): void
}

/** globalThis as the bridge sees it. */
export const web = globalThis as unknown as WebGlobals
