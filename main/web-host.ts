import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
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
} from '../electron/contract.js'
import { contentSecurityPolicy } from './csp.js'
import { createLog, type Log } from './log.js'
import { startWorkstation, type Workstation } from './workstation.js'

/** Options of {@link startWorkstationWeb}. */
export interface WorkstationWebOptions {
  /** Default 8080; 0 picks a free port. */
  readonly port?: number
  /** Interface to listen on; default 127.0.0.1 (set 0.0.0.0 for a wall-screen browser on another machine). */
  readonly host?: string
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
  /** The address to open, e.g. http://127.0.0.1:8080/ */
  readonly url: string
  readonly workstation: Workstation
  close(): Promise<void>
}

/** Path of the browser-side bridge client the host injects into index.html. */
export const BRIDGE_SCRIPT_PATH = '/cityloop-bridge.js'

const DEFAULT_RENDERER_DIR = fileURLToPath(new URL('../renderer/dist/', import.meta.url))
const BROWSER_BRIDGE_SOURCE = fileURLToPath(new URL('../electron/browser-bridge.ts', import.meta.url))

/**
 * 浏览器模式 — serves the renderer to a browser and implements the same CityLoopBridge over HTTP
 * (`POST /bridge/<channel>`, body = JSON array of arguments, answer = Result) and a WebSocket for events
 * (`/bridge/events`). index.html gets `<script src="/cityloop-bridge.js">` ahead of the app, so
 * `window.cityloop` exists before the app runs, as under Electron's preload.
 *
 * Requests must be same-origin: a JSON content type (so a foreign page needs a CORS preflight, which is
 * never granted) and, when the browser sends one, an Origin equal to the host's.
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

    const sameOrigin = (request: FastifyRequest): boolean => {
      const origin = request.headers.origin
      return (
        origin === undefined ||
        origin === `http://${request.headers.host}` ||
        origin === `https://${request.headers.host}`
      )
    }
    const csp = (request: FastifyRequest) =>
      contentSecurityPolicy(workstation.settings.get(), {
        connect: [`ws://${request.headers.host}`, `wss://${request.headers.host}`],
      })

    app.addHook('onSend', async (request, reply) => {
      reply.header('x-content-type-options', 'nosniff')
      reply.header('referrer-policy', 'no-referrer')
      reply.header('x-frame-options', 'DENY')
      reply.header('content-security-policy', csp(request))
    })

    app.post<{ Params: { channel: string } }>('/bridge/:channel', async (request, reply) => {
      const fail = (status: number, code: 'FORBIDDEN' | 'BAD_REQUEST', message: string) =>
        reply.status(status).send({ ok: false, error: { code, message } } satisfies Result<never>)
      if (!sameOrigin(request)) return fail(403, 'FORBIDDEN', 'cross-origin bridge calls are not allowed')
      if (!String(request.headers['content-type'] ?? '').startsWith('application/json')) {
        return fail(415, 'BAD_REQUEST', 'bridge calls are application/json')
      }
      const method = methodOfChannel(request.params.channel)
      if (!method) return fail(404, 'FORBIDDEN', `unknown channel "${request.params.channel.slice(0, 60)}"`)
      reply.header('cache-control', 'no-store')
      return workstation.dispatch(method, request.body)
    })

    app.get(EVENTS_SOCKET_PATH, { websocket: true }, (socket, request) => {
      if (!sameOrigin(request)) {
        socket.close(1008, 'cross-origin')
        return
      }
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

    const sendIndex = async (_request: FastifyRequest, reply: FastifyReply) => {
      const html = hasRenderer ? await readFile(join(rendererDir, 'index.html'), 'utf8') : PLACEHOLDER_HTML
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(injectBridge(html))
    }
    app.get('/', sendIndex)
    app.get('/index.html', sendIndex)
    if (hasRenderer) await app.register(fastifyStatic, { root: rendererDir, index: false, wildcard: true })

    const address = await app.listen({ port: options.port ?? 8080, host: options.host ?? '127.0.0.1' })
    const url = `${address.replace('[::1]', 'localhost')}/`
    if (options.awaitFirstSync ?? true) await workstation.firstSync
    log.info(`browser mode on ${url}`)
    let closing: Promise<void> | undefined
    return {
      url,
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

/** Bundles electron/browser-bridge.ts (and the contract it imports) into one classic script, once. */
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

const PLACEHOLDER_HTML = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>CityLoop 工作站</title></head>
<body><h1>CityLoop 工作站</h1>
<p>The workstation UI is not built yet: run <code>npx vite build renderer</code> (see README), then reload.
The bridge (<code>window.cityloop</code>) is available on this page.</p></body></html>
`
