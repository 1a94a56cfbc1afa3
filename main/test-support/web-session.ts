/**
 * Browser mode from Node, as a browser that opened the printed address: the key exchanged for the session
 * cookie, and raw HTTP/WebSocket requests with whatever Host, Origin and Cookie a test wants to forge.
 */
import { request as httpRequest } from 'node:http'
import { WebSocket } from 'ws'

/** Opens a keyed address the way a browser does and returns the `name=value` of the cookie it got. */
export async function exchangeKey(keyedUrl: string): Promise<string> {
  const res = await fetch(keyedUrl, { redirect: 'manual' })
  const set = res.headers.get('set-cookie')
  if (res.status !== 303 || !set) throw new Error(`${keyedUrl} answered ${res.status} without a cookie`)
  return set.split(';')[0]!
}

/** fetch with the cookie (and nothing else) added, for createBrowserBridge under Node. */
export function fetchWithCookie(cookie: string): typeof fetch {
  return (input, init = {}) => {
    const headers = new Headers(init.headers)
    headers.set('cookie', cookie)
    return fetch(input, { ...init, headers })
  }
}

/** The `ws` WebSocket sending the cookie on its upgrade, as a browser sends it on a same-site socket. */
export function socketWithCookie(cookie: string): typeof globalThis.WebSocket {
  class CookieSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers: { cookie } })
    }
  }
  return CookieSocket as unknown as typeof globalThis.WebSocket
}

/** An answer of {@link rawRequest}. */
export interface RawAnswer {
  readonly status: number
  readonly headers: Record<string, string | string[] | undefined>
  readonly body: string
}

/** One HTTP request with exactly these headers (fetch will not forge Host). */
export function rawRequest(
  origin: string,
  method: 'GET' | 'POST',
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<RawAnswer> {
  const { hostname, port } = new URL(origin)
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: hostname.replace(/^\[|\]$/g, ''), port, method, path, headers, setHost: !('host' in headers) },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

/**
 * Tries to open the event socket with these headers: `open` when the host upgraded the connection, or the
 * HTTP status it answered instead.
 */
export function tryEventSocket(
  origin: string,
  path: string,
  headers: Record<string, string>,
): Promise<{ readonly open: true } | { readonly open: false; readonly status: number }> {
  return new Promise((resolve, reject) => {
    // A given Host header replaces the one Node would write.
    const ws = new WebSocket(`${origin.replace(/^http/, 'ws')}${path}`, { headers })
    ws.on('open', () => {
      ws.close()
      resolve({ open: true })
    })
    ws.on('unexpected-response', (_req, res) => {
      resolve({ open: false, status: res.statusCode ?? 0 })
      res.resume()
      ws.terminate()
    })
    ws.on('error', (error) => reject(error))
  })
}
