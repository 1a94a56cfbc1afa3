/**
 * Browser mode end to end in Node: main/host/web-host.ts serving the bridge over HTTP and WebSocket, and this
 * folder's browser-side client calling it exactly as the page does.
 */
import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { createBrowserBridge } from '../../contracts/bridge/http-transport.js'
import {
  BRIDGE_METHODS,
  EVENTS_SOCKET_PATH,
  type CityLoopBridge,
  type Result,
  type Settings,
} from '../../contracts/bridge/index.js'
import { silentLog } from '../log.js'
import { startTestCentral, type TestCentral } from '../test-support/central.js'
import { pgliteTemplate } from '../test-support/pglite-template.js'
import {
  exchangeKey,
  fetchWithCookie,
  rawRequest,
  socketWithCookie,
  tryEventSocket,
} from '../test-support/web-session.js'
import { BRIDGE_SCRIPT_PATH, startWorkstationWeb, type WorkstationWeb } from './web-host.js'

let central: TestCentral
let web: WorkstationWeb
let bridge: CityLoopBridge
/** `name=value` of the session cookie the launch key was exchanged for. */
let cookie: string
const root = mkdtempSync(join(tmpdir(), 'cityloop-web-'))
const rendererDir = join(root, 'dist')

before(async () => {
  mkdirSync(rendererDir, { recursive: true })
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><script type="module" src="/app.js"></script></head><body></body></html>',
  )
  writeFileSync(join(rendererDir, 'app.js'), 'console.log(window.cityloop)')
  central = await startTestCentral()
  web = await startWorkstationWeb({
    port: 0,
    dataDir: join(root, 'data'),
    centralUrl: central.url,
    rendererDir,
    log: silentLog,
    syncIntervalMs: 0,
  })
  cookie = await exchangeKey(web.url)
  bridge = keyedBridge(web.origin, cookie)
})
after(async () => {
  await web?.close()
  await central?.close()
  rmSync(root, { recursive: true, force: true })
})

const value = <T>(r: Result<T>): T => {
  assert.ok(r.ok, JSON.stringify(r))
  return r.value
}

/** The page's bridge under Node: the browser would send the cookie by itself. */
const keyedBridge = (origin: string, sessionCookie: string) =>
  createBrowserBridge({
    baseUrl: origin,
    fetch: fetchWithCookie(sessionCookie),
    WebSocket: socketWithCookie(sessionCookie),
  })

const post = (
  channel: string,
  body: string,
  headers: Record<string, string> = { 'content-type': 'application/json', cookie },
) => fetch(`${web.origin}/bridge/${channel}`, { method: 'POST', headers, body })

describe('browser mode', () => {
  it('serves the renderer with the bridge script first and a strict CSP', async () => {
    const res = await fetch(web.origin, { headers: { cookie } })
    const html = await res.text()
    assert.ok(html.indexOf(`<script src="${BRIDGE_SCRIPT_PATH}"></script>`) < html.indexOf('/app.js'), html)
    const csp = res.headers.get('content-security-policy') ?? ''
    assert.match(csp, /script-src 'self'(;|$)/)
    assert.match(csp, /object-src 'none'/)
    const script = await fetch(`${web.origin}/cityloop-bridge.js`)
    assert.match(script.headers.get('content-type') ?? '', /javascript/)
    assert.match(await script.text(), /cityloop:app\.info|BRIDGE_METHODS|app\.info/)
    assert.equal((await fetch(`${web.origin}/app.js`)).status, 200, 'static assets need no cookie')
  })

  it('answers every bridge method over HTTP the way the workstation answers it directly', async () => {
    const info = value(await bridge.app.info())
    assert.equal(info.mode, 'browser')
    assert.equal(info.counts.component, central.counts.components)
    const extent = info.extent!
    const mid = [(extent[0] + extent[2]) / 2, (extent[1] + extent[3]) / 2] as const
    const grids = value(await bridge.layers.grids({ bbox: extent, zoom: 14 }))
    assert.equal(grids.kind, 'compact')
    const gridId = grids.kind === 'compact' ? grids.ids[100]! : ''
    const grid = value(await bridge.lookup.byGridId(gridId))
    const [lon, lat] = grid.center
    const calls: [string, unknown[], Promise<Result<unknown>>][] = [
      ['app.info', [], bridge.app.info()],
      ['settings.get', [], bridge.settings.get()],
      ['sync.status', [], bridge.sync.status()],
      ['layers.regions', ['street'], bridge.layers.regions('street')],
      [
        'layers.grids',
        [{ bbox: extent, zoom: 12, limit: 100 }],
        bridge.layers.grids({ bbox: extent, zoom: 12, limit: 100 }),
      ],
      [
        'layers.components',
        [{ bbox: extent, zoom: 12 }],
        bridge.layers.components({ bbox: extent, zoom: 12 }),
      ],
      ['lookup.locate', [lon, lat], bridge.lookup.locate(lon, lat)],
      [
        'lookup.responsible',
        [lon, lat, '2013:component:0101'],
        bridge.lookup.responsible(lon, lat, '2013:component:0101'),
      ],
      ['lookup.byGridId', [gridId], bridge.lookup.byGridId(gridId)],
      ['catalog.search', ['井盖', { edition: '2026' }], bridge.catalog.search('井盖', { edition: '2026' })],
      ['catalog.get', ['2013:component:0101'], bridge.catalog.get('2013:component:0101')],
      ['search.find', [`${mid[0]},${mid[1]}`], bridge.search.find(`${mid[0]},${mid[1]}`)],
      ['search.find', [gridId], bridge.search.find(gridId)],
    ]
    for (const [method, args, viaHttp] of calls) {
      const direct = await web.workstation.dispatch(method, args)
      assert.ok(direct.ok, `${method}: ${JSON.stringify(direct)}`)
      assert.deepEqual(await viaHttp, JSON.parse(JSON.stringify(direct)), method)
    }
    const points = value(await bridge.layers.components({ bbox: extent, zoom: 12 }))
    assert.equal(points.kind, 'points')
    const componentId = points.kind === 'points' ? points.ids[0]! : ''
    const component = value(await bridge.lookup.byComponentId(componentId))
    assert.equal(component.id, componentId)
    const found = value(await bridge.search.find(componentId))
    assert.deepEqual(
      found.map((h) => h.kind),
      ['component'],
    )
    // Cases need a desk account: sign in through the bridge, then every case method over HTTP.
    const signedIn = value(await bridge.auth.signIn('receiver', 'cityloop-demo'))
    assert.equal(signedIn.user?.role, 'receiver')
    assert.deepEqual(value(await bridge.auth.session()), signedIn)
    await web.workstation.sync.runSoon()
    const list = value(await bridge.cases.list({ limit: 3, sort: 'newest' }))
    assert.equal(list.cases.length, Math.min(3, list.total))
    const layer = value(await bridge.cases.layer({}))
    assert.equal(layer.total, list.total)
    assert.equal(value(await bridge.cases.gridCounts({})).total, list.total)
    if (list.cases[0]) assert.equal(value(await bridge.cases.get(list.cases[0].id)).fresh, true)
    const queue = value(await bridge.cases.tasks())
    assert.deepEqual([queue.source, queue.queues], ['central', ['intake', 'check']])
    const noPhoto = await bridge.cases.photo('f'.repeat(64))
    assert.ok(!noPhoto.ok && noPhoto.error.code === 'NOT_FOUND', JSON.stringify(noPhoto))
    const badCommand = await bridge.commands.submit({
      kind: 'create',
      input: { lon: 500, lat: 32, categoryKey: 'x' },
    })
    assert.ok(
      !badCommand.ok &&
        badCommand.error.code === 'BAD_REQUEST' &&
        /input\.lon/.test(badCommand.error.message),
    )
    assert.equal(value(await bridge.commands.status()).queued, 0)
    assert.equal(value(await bridge.commands.flush()).state, 'idle')
    const noCommand = await bridge.commands.dismiss('6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f')
    assert.ok(!noCommand.ok && noCommand.error.code === 'NOT_FOUND')
    assert.equal(value(await bridge.auth.signOut()).user, null)
    const covered = new Set(
      calls
        .map((c) => c[0])
        .concat(['lookup.byComponentId', 'settings.set', 'sync.start'])
        .concat([
          'auth.signIn',
          'auth.session',
          'auth.signOut',
          'cases.list',
          'cases.layer',
          'cases.gridCounts',
        ])
        .concat([
          'cases.get',
          'cases.photo',
          'cases.tasks',
          'commands.submit',
          'commands.status',
          'commands.flush',
          'commands.dismiss',
        ]),
    )
    assert.deepEqual(
      [...BRIDGE_METHODS].filter((m) => !covered.has(m)),
      [],
      'every method is exercised in this file',
    )
  })

  it('pushes events over the WebSocket: settings and sync', async () => {
    const seen: Settings[] = []
    const syncStates: string[] = []
    const stopSettings = bridge.on('settings', (s) => seen.push(s))
    const stopSync = bridge.on('sync', (s) => syncStates.push(s.state))
    await new Promise((r) => setTimeout(r, 200)) // the socket opens
    const updated = value(await bridge.settings.set({ language: 'en', basemap: 'none' }))
    assert.equal(updated.language, 'en')
    const run = value(await bridge.sync.start({ wait: true }))
    assert.equal(run.state, 'idle')
    await new Promise((r) => setTimeout(r, 300))
    assert.equal(seen.at(-1)?.basemap, 'none')
    assert.ok(syncStates.includes('syncing') && syncStates.at(-1) === 'idle', syncStates.join())
    stopSettings()
    stopSync()
    assert.equal(value(await bridge.settings.get()).language, 'en')
  })

  it('refuses cross-origin calls, non-JSON bodies, unknown channels and bad arguments', async () => {
    const foreign = await post('cityloop:app.info', '[]', {
      'content-type': 'application/json',
      cookie,
      origin: 'http://evil.example',
    })
    assert.equal(foreign.status, 403)
    assert.deepEqual(((await foreign.json()) as { error: { code: string } }).error.code, 'FORBIDDEN')
    assert.equal(
      (await post('cityloop:app.info', '[]', { 'content-type': 'text/plain', cookie })).status,
      415,
    )
    const unknown = await post('cityloop:shell.exec', '[]')
    assert.equal(((await unknown.json()) as Result<unknown> & { ok: false }).error.code, 'FORBIDDEN')
    const bad = (await (await post('cityloop:lookup.locate', '[500, 32]')).json()) as Result<unknown>
    assert.ok(
      !bad.ok && bad.error.code === 'BAD_REQUEST' && /lon/.test(bad.error.message),
      JSON.stringify(bad),
    )
    const notFound = await bridge.lookup.byGridId('999999999999999')
    assert.ok(!notFound.ok && notFound.error.code === 'NOT_FOUND')
    const badSettings = await bridge.settings.set({ customBasemapUrl: 'javascript:alert(1)' })
    assert.ok(!badSettings.ok && badSettings.error.code === 'BAD_REQUEST')
  })

  it('keeps synced data across a restart (reload with no central reachable), and a new key with it', async () => {
    const dataDir = join(root, 'restart')
    const first = await startWorkstationWeb({
      port: 0,
      dataDir,
      centralUrl: central.url,
      rendererDir,
      log: silentLog,
      syncIntervalMs: 0,
    })
    const before = value(await first.workstation.dispatch('app.info', [])) as {
      counts: { component: number }
    }
    const oldCookie = await exchangeKey(first.url)
    await first.close()
    // The same port: the same cookie name, so only the per-launch secret tells the launches apart.
    const second = await startWorkstationWeb({
      port: Number(new URL(first.origin).port),
      dataDir,
      centralUrl: 'http://127.0.0.1:9',
      rendererDir,
      log: silentLog,
      syncIntervalMs: 0,
    })
    try {
      assert.equal(second.origin, first.origin)
      assert.notEqual(second.url, first.url, 'a new key')
      const stale = await fetch(`${second.origin}/bridge/cityloop:app.info`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: oldCookie },
        body: '[]',
      })
      assert.equal(stale.status, 401, "the previous launch's cookie")
      assert.deepEqual(await tryEventSocket(second.origin, EVENTS_SOCKET_PATH, { cookie: oldCookie }), {
        open: false,
        status: 401,
      })
      const oldKey = new URL(first.url).searchParams.get('key')!
      const reused = await fetch(`${second.origin}/?key=${oldKey}`, { redirect: 'manual' })
      assert.equal(reused.status, 401, "the previous launch's key")
      assert.equal(reused.headers.get('set-cookie'), null)
      const offline = keyedBridge(second.origin, await exchangeKey(second.url))
      assert.equal(value(await offline.sync.status()).state, 'offline')
      assert.equal(value(await offline.app.info()).counts.component, before.counts.component)
      const extent = value(await offline.app.info()).extent!
      const hit = value(await offline.lookup.locate((extent[0] + extent[2]) / 2, (extent[1] + extent[3]) / 2))
      assert.ok(hit.district !== null || hit.grid === null)
    } finally {
      await second.close()
    }
  })
})

describe('browser mode access: the launch key, its cookie, Host and Origin', () => {
  const info = (headers: Record<string, string>) =>
    rawRequest(
      web.origin,
      'POST',
      '/bridge/cityloop:app.info',
      { 'content-type': 'application/json', ...headers },
      '[]',
    )
  const authority = () => new URL(web.origin).host
  const key = () => new URL(web.url).searchParams.get('key')!

  it('prints an address with a 256-bit key, and exchanges it for an HttpOnly SameSite=Strict cookie', async () => {
    assert.match(web.url, /^http:\/\/127\.0\.0\.1:\d+\/\?key=[A-Za-z0-9_-]{43}$/)
    assert.equal(Buffer.from(key(), 'base64url').length, 32)
    assert.deepEqual(web.urls, [web.url], 'bound to 127.0.0.1: one address')
    const res = await fetch(`${web.origin}/?key=${key()}&view=bigscreen`, { redirect: 'manual' })
    assert.equal(res.status, 303)
    // The key leaves the address at once; the other parameters stay.
    assert.equal(res.headers.get('location'), '/?view=bigscreen')
    const set = res.headers.get('set-cookie') ?? ''
    assert.match(set, new RegExp(`^${web.cookieName}=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict$`))
    assert.ok(!set.includes(key()), 'the cookie is not the key')
    const page = await fetch(`${web.origin}/?view=bigscreen`, { headers: { cookie: set.split(';')[0]! } })
    assert.equal(page.status, 200)
    assert.match(await page.text(), /cityloop-bridge\.js/)
    assert.equal((await info({ cookie: set.split(';')[0]! })).status, 200)
  })

  it('refuses a caller without the cookie (curl: no Origin, no cookie) on the bridge and the event socket', async () => {
    const curl = await info({})
    assert.equal(curl.status, 401)
    assert.equal((JSON.parse(curl.body) as Result<never> & { ok: false }).error.code, 'UNAUTHORIZED')
    assert.equal((await info({ origin: web.origin })).status, 401, 'same origin but no cookie')
    assert.equal((await info({ cookie: `${web.cookieName}=${key()}` })).status, 401, 'the key is no cookie')
    assert.equal((await info({ cookie: `${web.cookieName}=${'A'.repeat(43)}` })).status, 401)
    // The socket is refused with an HTTP answer, before any upgrade.
    assert.deepEqual(await tryEventSocket(web.origin, EVENTS_SOCKET_PATH, {}), { open: false, status: 401 })
    assert.deepEqual(await tryEventSocket(web.origin, EVENTS_SOCKET_PATH, { origin: web.origin }), {
      open: false,
      status: 401,
    })
    assert.deepEqual(await tryEventSocket(web.origin, EVENTS_SOCKET_PATH, { cookie, origin: web.origin }), {
      open: true,
    })
  })

  it('shows how to open the workstation instead of index.html without the key or with a wrong one', async () => {
    for (const path of ['/', '/index.html', '/?key=wrong', `/?key=${key().slice(0, -1)}x`]) {
      const res = await fetch(`${web.origin}${path}`, { redirect: 'manual' })
      assert.equal(res.status, 401, path)
      assert.equal(res.headers.get('set-cookie'), null, path)
      const html = await res.text()
      assert.match(html, /请打开工作站启动时在终端打印的地址/, path)
      assert.match(html, /Open the address the workstation printed/, path)
      assert.ok(!html.includes('cityloop-bridge.js') && !html.includes('/app.js'), path)
    }
  })

  it('refuses a rebound Host (DNS rebinding) even with the cookie: page, bridge and socket', async () => {
    const port = new URL(web.origin).port
    for (const host of [
      `evil.example:${port}`,
      'evil.example',
      `127.0.0.1.evil.example:${port}`,
      `localhost:${Number(port) + 1}`,
    ]) {
      assert.equal((await info({ cookie, host })).status, 421, host)
      const page = await rawRequest(web.origin, 'GET', '/', { cookie, host })
      assert.equal(page.status, 421, host)
      assert.ok(!String(page.headers['content-security-policy']).includes('evil'), 'the Host is not echoed')
      assert.deepEqual(await tryEventSocket(web.origin, EVENTS_SOCKET_PATH, { cookie, host }), {
        open: false,
        status: 421,
      })
    }
    assert.equal((await info({ cookie, host: '' })).status, 421, 'an empty Host')
    // The loopback names of this port are the host's own.
    for (const host of [authority(), `localhost:${port}`, `[::1]:${port}`])
      assert.equal((await info({ cookie, host })).status, 200, host)
  })

  it('refuses a foreign Origin even with the cookie: bridge and socket', async () => {
    for (const origin of ['http://evil.example', `http://evil.example:${new URL(web.origin).port}`, 'null']) {
      assert.equal((await info({ cookie, origin })).status, 403, origin)
      assert.deepEqual(await tryEventSocket(web.origin, EVENTS_SOCKET_PATH, { cookie, origin }), {
        open: false,
        status: 403,
      })
    }
    assert.equal((await info({ cookie, origin: web.origin })).status, 200)
  })
})

describe('browser mode with the embedded central (the default without CITYLOOP_CENTRAL_URL)', () => {
  it('starts the central API in-process on PGlite with the demo city and syncs from it over HTTP', async () => {
    const dataDir = join(root, 'embedded')
    const embedded = await startWorkstationWeb({
      port: 0,
      dataDir,
      rendererDir,
      log: silentLog,
      syncIntervalMs: 0,
      pgliteTemplate: await pgliteTemplate(),
    })
    try {
      const b = keyedBridge(embedded.origin, await exchangeKey(embedded.url))
      const info = value(await b.app.info())
      assert.equal(info.embeddedCentral, true)
      assert.match(info.centralUrl, /^http:\/\/127\.0\.0\.1:\d+$/)
      assert.equal(info.counts.component, central.counts.components)
      assert.ok(info.dataAsOf)
      const health = await fetch(`${info.centralUrl}/api/v1/sync/changes?since=0&limit=1`)
      assert.equal(health.status, 200)
    } finally {
      await embedded.close()
    }
  })
})
