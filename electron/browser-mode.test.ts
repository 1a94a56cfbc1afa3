/**
 * Browser mode end to end in Node: main/web-host.ts serving the bridge over HTTP and WebSocket, and this
 * folder's browser-side client calling it exactly as the page does.
 */
import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { WebSocket } from 'ws'
import { createBrowserBridge } from './browser-bridge.js'
import { BRIDGE_METHODS, type CityLoopBridge, type Result, type Settings } from './contract.js'
import { silentLog } from '../main/log.js'
import { startTestCentral, type TestCentral } from '../main/test-support/central.js'
import { pgliteTemplate } from '../main/test-support/pglite-template.js'
import { BRIDGE_SCRIPT_PATH, startWorkstationWeb, type WorkstationWeb } from '../main/web-host.js'

let central: TestCentral
let web: WorkstationWeb
let bridge: CityLoopBridge
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
  bridge = createBrowserBridge({
    baseUrl: web.url,
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
  })
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

const post = (
  channel: string,
  body: string,
  headers: Record<string, string> = { 'content-type': 'application/json' },
) => fetch(`${web.url}bridge/${channel}`, { method: 'POST', headers, body })

describe('browser mode', () => {
  it('serves the renderer with the bridge script first and a strict CSP', async () => {
    const res = await fetch(web.url)
    const html = await res.text()
    assert.ok(html.indexOf(`<script src="${BRIDGE_SCRIPT_PATH}"></script>`) < html.indexOf('/app.js'), html)
    const csp = res.headers.get('content-security-policy') ?? ''
    assert.match(csp, /script-src 'self'(;|$)/)
    assert.match(csp, /object-src 'none'/)
    const script = await fetch(`${web.url}cityloop-bridge.js`)
    assert.match(script.headers.get('content-type') ?? '', /javascript/)
    assert.match(await script.text(), /cityloop:app\.info|BRIDGE_METHODS|app\.info/)
    assert.equal((await fetch(`${web.url}app.js`)).status, 200)
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
      origin: 'http://evil.example',
    })
    assert.equal(foreign.status, 403)
    assert.deepEqual(((await foreign.json()) as { error: { code: string } }).error.code, 'FORBIDDEN')
    assert.equal((await post('cityloop:app.info', '[]', { 'content-type': 'text/plain' })).status, 415)
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

  it('keeps synced data across a restart (reload with no central reachable)', async () => {
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
    await first.close()
    const second = await startWorkstationWeb({
      port: 0,
      dataDir,
      centralUrl: 'http://127.0.0.1:9',
      rendererDir,
      log: silentLog,
      syncIntervalMs: 0,
    })
    try {
      const offline = createBrowserBridge({ baseUrl: second.url })
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
      const b = createBrowserBridge({ baseUrl: embedded.url })
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
