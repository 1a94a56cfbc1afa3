import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify'
import fastifyStatic from '@fastify/static'
import fastifyWebsocket from '@fastify/websocket'
import {
  BRIDGE_EVENTS,
  EVENTS_SOCKET_PATH,
  methodOfChannel,
  type EventFrame,
  type Result,
} from '../../contracts/bridge/index.js'
import { contentSecurityPolicy } from './csp.js'
import { createWebAccess, KEY_PARAM, type WebAccess } from './web-access.js'
import { createLog, type Log } from '../log.js'
import { startWorkstation, type Workstation } from '../workstation.js'

/** Options of {@link startWorkstationWeb}. */
export interface WorkstationWebOptions {
  /** Default 8080; 0 picks a free port. */
  readonly port?: number
  /** Interface to listen on; default 127.0.0.1 (set 0.0.0.0 for a wall-screen browser on another machine). */
  readonly host?: string
  /** Further names browsers reach the host by (CITYLOOP_PUBLIC_HOST); see main/host/web-access.ts. */
  readonly publicHosts?: readonly string[]
  /** The workstation's data folder (settings, local store, embedded central). */
  readonly dataDir: string
  /** The central API; absent: the embedded one (PGlite in `<dataDir>/central`, demo city). */
  readonly centralUrl?: string
  /** The built renderer; default renderer/dist. */
  readonly rendererDir?: string
  readonly log?: Log
  /** Resolve only after the first sync run ended (so a fresh data folder opens on data); default true. */
  readonly awaitFirstSync?: boolean
  /** Incremental sync period in ms; default 60,000; 0 syncs only at start and on request. */
  readonly syncIntervalMs?: number
  /** PGlite data-dir dump for the embedded central (tests). */
  readonly pgliteTemplate?: Blob
}

/** A running browser-mode host. */
export interface WorkstationWeb {
  /** The address to open, with this launch's key: http://127.0.0.1:8080/?key=… */
  readonly url: string
  /** Every address to open (one per name served: loopback, interfaces, public hosts), each with the key. */
  readonly urls: readonly string[]
  /** The host's origin without the key, e.g. http://127.0.0.1:8080 (the page's own requests go here). */
  readonly origin: string
  /** Name of the session cookie the key is exchanged for (tests). */
  readonly cookieName: string
  readonly workstation: Workstation
  close(): Promise<void>
}

/** Path of the browser-side bridge client the host injects into index.html. */
export const BRIDGE_SCRIPT_PATH = '/cityloop-bridge.js'

const DEFAULT_RENDERER_DIR = fileURLToPath(new URL('../../renderer/dist/', import.meta.url))
const BROWSER_BRIDGE_SOURCE = fileURLToPath(
  new URL('../../contracts/bridge/browser-entry.ts', import.meta.url),
)

/**
 * 浏览器模式 — serves the renderer to a browser and implements the same CityLoopBridge over HTTP
 * (`POST /bridge/<channel>`, body = JSON array of arguments, answer = Result) and a WebSocket for events
 * (`/bridge/events`). index.html gets `<script src="/cityloop-bridge.js">` ahead of the app, so
 * `window.cityloop` exists before the app runs, as under Electron's preload.
 *
 * Access (main/host/web-access.ts): every request must name this host in `Host` (421 otherwise: DNS rebinding)
 * and, when it has an Origin, come from one of its origins (403). Bridge calls and the event socket need
 * the launch's session cookie (401; the socket is refused before the upgrade), which the page gets by
 * opening the printed address with its key; index.html without either shows how to open it. Bridge calls
 * are also application/json only (a foreign page would need a CORS preflight, never granted). Static
 * assets need no cookie: they hold no data.
 */
export async function startWorkstationWeb(options: WorkstationWebOptions): Promise<WorkstationWeb> {
  const log = options.log ?? createLog('WebHost')
  const bridgeScript = await bundleBrowserBridge()
  const rendererDir = resolve(options.rendererDir ?? DEFAULT_RENDERER_DIR)
  const hasRenderer = existsSync(join(rendererDir, 'index.html'))
  if (!hasRenderer)
    log.warn(`no built renderer in ${rendererDir}: serving a placeholder page (the bridge works)`)

  const workstation = await startWorkstation({
    mode: 'browser',
    dataDir: options.dataDir,
    log: log.child('Workstation'),
    ...(options.centralUrl ? { centralUrl: options.centralUrl } : {}),
    ...(options.syncIntervalMs !== undefined ? { syncIntervalMs: options.syncIntervalMs } : {}),
    ...(options.pgliteTemplate ? { pgliteTemplate: options.pgliteTemplate } : {}),
  })
  const app = Fastify({ logger: false, bodyLimit: 256 * 1024 })
  try {
    await app.register(fastifyWebsocket, { options: { maxPayload: 4 * 1024 } })

    // Set right after listen (it needs the real port); no request is handled before that.
    // eslint-disable-next-line prefer-const -- read by the hooks below, assigned once the port is known
    let access: WebAccess | undefined
    const refuse = (reply: FastifyReply, status: number, message: string) =>
      reply
        .status(status)
        .header('cache-control', 'no-store')
        .send({
          ok: false,
          error: { code: status === 401 ? 'UNAUTHORIZED' : 'FORBIDDEN', message },
        } satisfies Result<never>)

    // First of all, for every request and every upgrade: the Host must be ours, a present Origin too.
    app.addHook('onRequest', async (request, reply) => {
      if (!access?.allowedHost(request.headers.host))
        return refuse(
          reply,
          421,
          `this workstation host does not serve "${String(request.headers.host ?? '').slice(0, 80)}"`,
        )
      const origin = request.headers.origin
      if (origin !== undefined && !access.allowedOrigin(origin))
        return refuse(reply, 403, 'cross-origin requests are not allowed')
    })
    /** Route hook of the bridge and the event socket: the session cookie of this launch. */
    const requireSession = async (request: FastifyRequest, reply: FastifyReply) => {
      if (!access?.validCookie(request.headers.cookie))
        return refuse(
          reply,
          401,
          '请打开工作站启动时打印的地址（带 key） / open the address the workstation printed at start (with its key)',
        )
    }
    // The event socket's source names the Host only when it is ours (refused requests get none).
    const csp = (request: FastifyRequest) => {
      const host = request.headers.host
      return contentSecurityPolicy(workstation.settings.get(), {
        connect: access?.allowedHost(host) ? [`ws://${host}`, `wss://${host}`] : [],
      })
    }

    app.addHook('onSend', async (request, reply) => {
      reply.header('x-content-type-options', 'nosniff')
      reply.header('referrer-policy', 'no-referrer')
      reply.header('x-frame-options', 'DENY')
      reply.header('content-security-policy', csp(request))
    })

    app.post<{ Params: { channel: string } }>(
      '/bridge/:channel',
      { onRequest: requireSession },
      async (request, reply) => {
        const fail = (status: number, code: 'FORBIDDEN' | 'BAD_REQUEST', message: string) =>
          reply.status(status).send({ ok: false, error: { code, message } } satisfies Result<never>)
        if (!String(request.headers['content-type'] ?? '').startsWith('application/json')) {
          return fail(415, 'BAD_REQUEST', 'bridge calls are application/json')
        }
        const method = methodOfChannel(request.params.channel)
        if (!method) return fail(404, 'FORBIDDEN', `unknown channel "${request.params.channel.slice(0, 60)}"`)
        reply.header('cache-control', 'no-store')
        return workstation.dispatch(method, request.body)
      },
    )

    // The route hook answers an upgrade without the cookie with a plain HTTP 401: no socket is opened.
    app.get(EVENTS_SOCKET_PATH, { websocket: true, onRequest: requireSession }, (socket) => {
      const stops = BRIDGE_EVENTS.map((event) =>
        workstation.on(event, (payload) => {
          if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ event, payload } as EventFrame))
        }),
      )
      // The client never needs to send; anything it does send is ignored.
      socket.on('close', () => stops.forEach((stop) => stop()))
    })

    app.get(BRIDGE_SCRIPT_PATH, async (_request, reply) =>
      reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(bridgeScript),
    )

    const sendIndex = async (request: FastifyRequest, reply: FastifyReply) => {
      const url = new URL(request.url, 'http://host')
      if (url.searchParams.has(KEY_PARAM)) {
        if (!access!.validKey(url.searchParams.get(KEY_PARAM)))
          return sendNotice(reply, 'the key in this address is not the one of this launch')
        // Key → cookie, then the same address without the key: it stays out of history and referrers.
        url.searchParams.delete(KEY_PARAM)
        return reply
          .header('set-cookie', access!.setCookie())
          .header('cache-control', 'no-store')
          .redirect(url.pathname + url.search, 303)
      }
      if (!access!.validCookie(request.headers.cookie)) return sendNotice(reply, 'no key and no session')
      const html = hasRenderer ? await readFile(join(rendererDir, 'index.html'), 'utf8') : PLACEHOLDER_HTML
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(injectBridge(html))
    }
    app.get('/', sendIndex)
    app.get('/index.html', sendIndex)
    if (hasRenderer) await app.register(fastifyStatic, { root: rendererDir, index: false, wildcard: true })

    const host = options.host ?? '127.0.0.1'
    await app.listen({ port: options.port ?? 8080, host })
    access = createWebAccess({
      port: (app.server.address() as AddressInfo).port,
      host,
      publicHosts: options.publicHosts ?? [],
    })
    const urls = access.keyedUrls()
    if (options.awaitFirstSync ?? true) await workstation.firstSync
    log.info(`browser mode on ${access.baseUrls().join(' ')}`)
    let closing: Promise<void> | undefined
    return {
      url: urls[0]!,
      urls,
      origin: new URL(urls[0]!).origin,
      cookieName: access.cookieName,
      workstation,
      close() {
        closing ??= (async () => {
          await app.close()
          await workstation.close()
        })()
        return closing
      },
    }
  } catch (error) {
    await app.close().catch(() => {})
    await workstation.close().catch(() => {})
    throw error
  }
}

/** Puts the bridge client first in <head>: a classic script runs before the app's deferred modules. */
export function injectBridge(html: string): string {
  const tag = `<script src="${BRIDGE_SCRIPT_PATH}"></script>`
  const head = /<head[^>]*>/i.exec(html)
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length)
  return tag + html
}

let bundled: Promise<string> | undefined

/** Bundles contracts/bridge/browser-entry.ts (the contract's HTTP client) into one classic script, once. */
export function bundleBrowserBridge(): Promise<string> {
  bundled ??= (async () => {
    const esbuild = await import('esbuild')
    const result = await esbuild.build({
      entryPoints: [BROWSER_BRIDGE_SOURCE],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      target: 'es2020',
      legalComments: 'none',
      logLevel: 'silent',
    })
    return result.outputFiles[0]!.text
  })()
  return bundled
}

/** 401 page for index.html without the key or the session cookie: how to open the workstation. */
function sendNotice(reply: FastifyReply, why: string) {
  return reply
    .status(401)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(NOTICE_HTML.replace('%WHY%', why))
}

const NOTICE_HTML = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>CityLoop 工作站</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 4em auto; line-height: 1.6">
<h1>CityLoop 工作站</h1>
<p>请打开工作站启动时在终端打印的地址（形如 <code>http://127.0.0.1:8080/?key=…</code>）。每次启动都会生成新的
key，旧的地址和旧的登录不再有效。</p>
<p lang="en">Open the address the workstation printed when it started (like
<code>http://127.0.0.1:8080/?key=…</code>). Each start makes a new key; older addresses stop working.</p>
<p lang="en"><small>(%WHY%)</small></p>
</body></html>
`

const PLACEHOLDER_HTML = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>CityLoop 工作站</title></head>
<body><h1>CityLoop 工作站</h1>
<p>The workstation UI is not built yet: run <code>npx vite build renderer</code> (see README), then reload.
The bridge (<code>window.cityloop</code>) is available on this page.</p></body></html>
`
