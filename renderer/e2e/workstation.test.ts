/**
 * End-to-end: the workstation in Debian's Chromium against browser mode (main/host/web-host.ts) on a fresh data
 * folder with the embedded central API and the demo city. Checks what is drawn (screenshot pixels), what
 * a click answers (against the central API's own /api/v1/locate), search, the basemap and layer switches,
 * the language switch, the coordinate converter, and that a reload keeps the synced data.
 *
 * Screenshots: test-output/screenshots/*.png. Runs in about a minute; skipped when Chromium is missing.
 */
/* eslint-disable no-restricted-imports -- a Node test: it starts the browser-mode host from main/ (with the PGlite
   initdb dump main/'s own tests use) and drives Chromium; the UI it tests reaches main/ only through the bridge. */
import { after, afterEach, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { startWorkstationWeb, type WorkstationWeb } from '../../main/host/web-host.js'
import { pgliteTemplate } from '../../main/test-support/pglite-template.js'
import { convertLonLat } from '../src/lookup/coordinates.js'
import type {} from '../src/bridge.js'
import { buildRenderer, hasChromium, launchChromium, screenshotPath, solidPng, tempDir, type Browser, type TempDir } from './harness.js'
import { countColours, pixelAt, type ColourClass, type Region } from './pixels.js'
import { mapSettled, setView, waitFrames, type MapWindow } from './map-page.js'

/** 海陵区, 城中街道: a point of the demo city inside grid 321202001001001. */
const HAILING: readonly [number, number] = [119.92, 32.49]

/** Colours the map draws (region-style.ts, component-style.ts), as they come out after blending. */
const COLOURS = {
  /** Unit-grid outline rgba(45,212,191,0.55) over the dark map and the area fills. */
  grid: { rgb: [30, 102, 108], tolerance: 22 },
  /** District outline #e0f2fe. */
  district: { rgb: [224, 242, 254], tolerance: 30 },
  /** Component discs: 公用设施 #3b82f6, 道路交通 #fbbf24, 园林绿化 #4ade80. */
  utilities: { rgb: [59, 130, 246], tolerance: 30 },
  transport: { rgb: [251, 191, 36], tolerance: 30 },
  greenery: { rgb: [74, 222, 128], tolerance: 30 },
} satisfies Record<string, ColourClass>


const skip = hasChromium() ? false : `Chromium is not installed at /usr/bin/chromium`

describe('workstation in Chromium (browser mode)', { skip }, () => {
  let data: TempDir
  let web: WorkstationWeb
  let browser: Browser
  let page: Page
  /** A blank tab for decoding screenshots. */
  let analysis: Page
  let centralUrl: string

  before(async () => {
    const started = Date.now()
    const step = (what: string) => console.log(`[e2e] ${what} at ${((Date.now() - started) / 1000).toFixed(1)} s`)
    const [template] = await Promise.all([pgliteTemplate(), buildRenderer()])
    step('renderer built')
    data = tempDir('cityloop-e2e-')
    ;[web, browser] = await Promise.all([
      startWorkstationWeb({ dataDir: data.path, port: 0, syncIntervalMs: 0, pgliteTemplate: template }),
      launchChromium(),
    ])
    step('host started')
    // The decoding tab first: the tab opened last is in front, and a background tab gets almost no
    // animation frames, which would make every click on the workstation wait for Playwright's stability check.
    analysis = await browser.newPage()
    page = await browser.newPage()
    await page.bringToFront()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(web.url)
    await mapSettled(page)
    const info = await page.evaluate(() => window.cityloop!.app.info())
    assert.ok(info.ok, 'app.info answers')
    centralUrl = info.value.centralUrl.replace(/\/$/, '')
    assert.deepEqual(errors, [], 'no uncaught errors while loading')
    step('map loaded')
  })

  // A failed test must not leave a dialog over the page for the next one.
  afterEach(async () => {
    for (let i = 0; i < 3 && (await page.locator('.el-overlay:visible').count()) > 0; i++) {
      await page.keyboard.press('Escape')
      await page.waitForTimeout(300)
    }
  })

  after(async () => {
    await browser?.close()
    await web?.close()
    data?.remove()
  })

  test('the map draws the city outline, unit grids and components', async () => {
    const overview = await page.screenshot({ path: screenshotPath('01-overview') })
    const map = await mapRegion(page)
    const city = await countColours(analysis, overview, COLOURS, map)
    assert.ok(city.district > 500, `district outline drawn (${city.district} px)`)
    const components = city.utilities + city.transport + city.greenery
    assert.ok(components > 500, `component discs drawn (${components} px)`)

    // Close in, the grids are the main texture of the map; switching them off must remove that colour.
    await setView(page, HAILING, 16)
    const close = await page.screenshot({ path: screenshotPath('02-grids-z16') })
    const withGrids = await countColours(analysis, close, COLOURS, map)
    assert.ok(withGrids.grid > 3000, `grid outlines drawn (${withGrids.grid} px)`)
    const labels = await page.evaluate(() => (window as unknown as MapWindow).cityloopMap.grids.source.getFeatures().length)
    assert.ok(labels > 100, `grid features loaded (${labels})`)
  })

  test('clicking a point of 海陵区 shows its grid and responsible unit, as the central API answers', async () => {
    await setView(page, HAILING, 17.5)
    const pixel = await page.evaluate((p) => (window as unknown as MapWindow).cityloopMap.pixelOf(p), HAILING as [number, number])
    assert.ok(pixel, 'the point is on screen')
    const box = (await page.locator('[data-testid=map]').boundingBox())!
    await page.mouse.click(box.x + pixel[0], box.y + pixel[1])
    const panel = page.locator('[data-testid=lookup-panel][data-status=ready]')
    await panel.waitFor()
    const shown = (await page.locator('[data-testid=point]').innerText()).split(',').map(Number) as [number, number]
    // A click on a component looks up the component's own position; this spot has none within reach.
    assert.ok(Math.abs(shown[0] - HAILING[0]) < 2e-5 && Math.abs(shown[1] - HAILING[1]) < 2e-5, `clicked ${shown}`)

    const central = await getJson<CentralLocate>(`${centralUrl}/api/v1/locate?lon=${shown[0]}&lat=${shown[1]}&category=2013:component:0101`)
    assert.equal(await page.locator('[data-testid=grid-id]').innerText(), central.grid.id)
    assert.equal(central.grid.id, '321202001001001')
    assert.equal(await page.locator('[data-testid=community]').getAttribute('data-code'), central.community.code)
    assert.equal(await page.locator('[data-testid=street]').getAttribute('data-code'), central.street.code)
    assert.equal(await page.locator('[data-testid=district]').getAttribute('data-code'), central.district.code)
    assert.match(await page.locator('[data-testid=area-class]').innerText(), new RegExp(`^${central.grid.areaClass} `))

    // The category picker searches both editions; 上水井盖 (2013 0101) carries a 第9条 safety hazard.
    await page.locator('[data-testid=category-select]').click()
    await page.keyboard.type('上水井盖')
    const option = page.locator('.category-popper .el-select-dropdown__item', { hasText: '0101' }).first()
    await option.waitFor()
    await option.click()
    const unit = page.locator('[data-testid=unit-name]')
    await unit.waitFor()
    const expected = central.responsible[0]!
    assert.equal(await unit.getAttribute('data-unit-id'), expected.unit.id)
    assert.equal(await page.locator('[data-testid=basis]').getAttribute('data-basis'), expected.basis.kind)
    assert.ok((await page.locator('[data-testid=on-site]').count()) > 0, 'the 2-hour on-site flag of the safety hazard is shown')
    const firstLimit = expected.conditions[0]!.limit
    assert.equal(await page.locator('[data-testid=limit-here]').first().innerText(), `${firstLimit.amount} ${TIME_UNIT_ZH[firstLimit.unit]}`)
    await page.screenshot({ path: screenshotPath('03-lookup') })
  })

  test('search finds a component by its id and shows it', async () => {
    const some = await page.evaluate(() => window.cityloop!.layers.components({ bbox: [119.90, 32.47, 119.94, 32.51], zoom: 18, limit: 5000 }))
    assert.ok(some.ok && some.value.kind === 'points' && some.value.ids.length > 0)
    const id = some.value.ids[7]!
    const input = page.locator('[data-testid=search] input.search')
    await input.fill('')
    await input.pressSequentially(id, { delay: 5 })
    const hit = page.locator('[data-testid=search] ul.autocomplete li', { hasText: id }).first()
    await hit.waitFor()
    await page.screenshot({ path: screenshotPath('04-search') })
    await hit.click()
    await page.locator(`[data-testid=component-id]`, { hasText: id }).waitFor()
    const central = await getJson<CentralComponent>(`${centralUrl}/api/v1/components/${id}`)
    const gridShown = await page.locator('[data-testid=grid-id]').innerText()
    assert.equal(gridShown, central.properties.gridId)
    await mapSettled(page)
    await page.screenshot({ path: screenshotPath('05-component') })
  })

  test('the basemap switch loads 天地图 tiles in the chosen matrix set, and back to none', async () => {
    const tiles: string[] = []
    // No network in CI: 天地图 answers with a flat tile, so the screenshot shows where tiles were drawn.
    await page.route(/tianditu\.gov\.cn/, (route) => {
      tiles.push(route.request().url())
      return route.fulfill({ status: 200, contentType: 'image/png', body: GREY_TILE })
    })
    // City-wide, the map's corners lie outside every district: only the basemap is drawn there.
    await setView(page, HAILING, 12.3)
    // Choosing 天地图 without a key opens the settings, where the key and the matrix set go.
    await chooseBasemap(page, '天地图 影像')
    const dialog = page.locator('.settings-dialog')
    await dialog.waitFor()
    await dialog.locator('input[data-testid=settings-token]').fill('e2etoken0123')
    await dialog.locator('label', { hasText: 'w：Web 墨卡托' }).first().click()
    await page.screenshot({ path: screenshotPath('06-settings') })
    await dialog.locator('[data-testid=settings-save]').click()
    await dialog.waitFor({ state: 'hidden' })
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid=map]')!.dataset.projection === 'EPSG:3857')
    await mapSettled(page)
    assert.equal(await page.getAttribute('[data-testid=map]', 'data-basemap'), 'tianditu-img')
    assert.ok(tiles.some((u) => u.includes('img_w/wmts') && /TILEMATRIXSET=w/i.test(u) && u.includes('tk=e2etoken0123')), 'imagery tiles requested with matrix set w')
    assert.ok(tiles.some((u) => u.includes('cia_w/wmts')), 'annotation tiles requested')
    const shot = await page.screenshot({ path: screenshotPath('07-basemap-tianditu-w') })
    const corner = await pixelAt(analysis, shot, (await mapRegion(page)).x + 60, 140)
    assert.deepEqual(corner.map((c) => Math.abs(c - 128) < 12), [true, true, true], `stub tile drawn under the map (got ${corner})`)

    await page.evaluate(() => window.cityloop!.settings.set({ tiandituMatrixSet: 'c' }))
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid=map]')!.dataset.projection === 'EPSG:4490')
    await mapSettled(page)
    assert.ok(tiles.some((u) => u.includes('img_c/wmts') && /TILEMATRIXSET=c/i.test(u)), 'matrix set c requested in EPSG:4490')

    await chooseBasemap(page, '无底图')
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid=map]')!.dataset.basemap === 'none')
    await page.unroute(/tianditu\.gov\.cn/)
  })

  test('the layer switcher hides and shows the unit grids', async () => {
    await page.evaluate(() => window.cityloop!.settings.set({ basemap: 'none' }))
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid=map]')!.dataset.basemap === 'none')
    await setView(page, HAILING, 16)
    const map = await mapRegion(page)
    await page.locator('.ol-layerswitcher > button').click()
    const grids = page.locator('.ol-layerswitcher li', { hasText: '单元网格' }).locator('label').first()
    await grids.click()
    await waitFrames(page)
    const hidden = await countColours(analysis, await page.screenshot({ path: screenshotPath('08-grids-off') }), COLOURS, map)
    await grids.click()
    await waitFrames(page)
    const shown = await countColours(analysis, await page.screenshot(), COLOURS, map)
    assert.ok(hidden.grid < shown.grid / 10, `grid pixels ${shown.grid} → ${hidden.grid} when switched off`)
    await page.locator('.ol-layerswitcher > button').click()
  })

  test('the language switch relabels the UI and the map', async () => {
    await page.locator('[data-testid=language-switch] [data-lang=en]').click()
    await page.locator('.brand-title', { hasText: 'Digital City Management Workstation' }).waitFor()
    await setView(page, HAILING, 13)
    await page.screenshot({ path: screenshotPath('09-english') })
    assert.equal(await page.locator('[data-testid=lookup-panel] .panel-title').innerText(), 'Responsibility lookup')
    await page.locator('[data-testid=language-switch] [data-lang=zh-CN]').click()
    await page.locator('.brand-title', { hasText: '数字城管工作站' }).waitFor()
  })

  test('the converter turns a GCJ-02 point into CGCS2000 and looks it up', async () => {
    await page.locator('[data-testid=open-converter]').click()
    const gcj = convertLonLat(HAILING[0], HAILING[1], 'CGCS2000', 'GCJ02')
    await page.locator('textarea[data-testid=converter-input]').fill(`${gcj[0].toFixed(7)}, ${gcj[1].toFixed(7)}`)
    const converted = page.locator('[data-testid=converter-result] td.converted').first()
    await converted.waitFor()
    const [lon, lat] = (await converted.innerText()).split(',').map(Number) as [number, number]
    assert.ok(Math.abs(lon - HAILING[0]) < 1e-5 && Math.abs(lat - HAILING[1]) < 1e-5, `GCJ-02 round trip: ${lon}, ${lat}`)
    await page.screenshot({ path: screenshotPath('10-converter') })
    await page.locator('[data-testid=converter-result] button').first().click()
    await page.locator('[data-testid=lookup-panel][data-status=ready]').waitFor()
    assert.equal(await page.locator('[data-testid=grid-id]').innerText(), '321202001001001')
  })

  test('the big-screen view shows the density map and the counts', async () => {
    const wall = await browser.newPage()
    try {
      // The key was exchanged for the session cookie by the first tab of this profile.
      await wall.goto(`${web.origin}/#/wall`)
      await wall.locator('[data-testid=bigscreen][data-ready]').waitFor({ timeout: 60_000 })
      await wall.waitForTimeout(500)
      const shot = await wall.screenshot({ path: screenshotPath('11-bigscreen') })
      const info = await wall.evaluate(() => window.cityloop!.app.info())
      assert.ok(info.ok)
      const shown = Number((await wall.locator('[data-testid=kpi-components]').innerText()).replace(/,/g, ''))
      assert.equal(shown, info.value.counts.component)
      const map = (await wall.locator('.bigscreen-map').boundingBox())!
      const drawn = await countColours(
        analysis,
        shot,
        {
          outline: COLOURS.district,
          // The density ramp runs yellow → orange → red; any of them means the heatmap drew.
          heat: { rgb: [250, 204, 21], tolerance: 60 },
          heatOrange: { rgb: [249, 115, 22], tolerance: 50 },
          heatRed: { rgb: [239, 68, 68], tolerance: 50 },
        },
        { x: Math.round(map.x), y: Math.round(map.y), width: Math.round(map.width), height: Math.round(map.height) },
      )
      assert.ok(drawn.outline > 300, `district outlines drawn (${drawn.outline} px)`)
      const heat = drawn.heat + drawn.heatOrange + drawn.heatRed
      assert.ok(heat > 300, `density heatmap drawn (${heat} px)`)
    } finally {
      await wall.close()
      await page.bringToFront()
    }
  })

  test('a reload keeps the synced data: the status bar shows the same "data as of", not a fresh sync', async () => {
    const before = await page.getAttribute('[data-testid=data-as-of]', 'data-value')
    assert.ok(before, 'data as of is shown')
    await page.reload()
    await mapSettled(page)
    assert.equal(await page.getAttribute('[data-testid=data-as-of]', 'data-value'), before)
    assert.equal(await page.getAttribute('[data-testid=sync-state]', 'data-state'), 'idle')
    const status = await page.evaluate(() => window.cityloop!.sync.status())
    assert.ok(status.ok && status.value.dataAsOf === before && status.value.counts.component > 0)
    await page.screenshot({ path: screenshotPath('12-after-reload') })
  })
})

const TIME_UNIT_ZH: Record<string, string> = { 'working-hours': '工作时', 'working-days': '工作日', 'natural-hours': '小时' }

/** A 256 × 256 mid-grey tile (#808080). */
const GREY_TILE = solidPng(256, 256, [128, 128, 128])

interface Limit {
  readonly amount: number
  readonly unit: string
}

/** The parts of the central API's /api/v1/locate answer the tests compare. */
interface CentralLocate {
  readonly grid: { readonly id: string; readonly areaClass: string }
  readonly community: { readonly code: string }
  readonly street: { readonly code: string }
  readonly district: { readonly code: string }
  readonly responsible: readonly {
    readonly unit: { readonly id: string }
    readonly basis: { readonly kind: string }
    readonly conditions: readonly { readonly limit: Limit }[]
  }[]
}

/** The parts of the central API's /api/v1/components/:id answer the tests compare. */
interface CentralComponent {
  readonly properties: { readonly gridId: string }
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url)
  assert.equal(response.status, 200, `${url} → ${response.status}`)
  return (await response.json()) as T
}

/** The map's rectangle on screen, minus the lookup panel when it is open. */
async function mapRegion(page: Page): Promise<Region> {
  const box = (await page.locator('[data-testid=map]').boundingBox())!
  const panel = (await page.locator('[data-testid=lookup-panel]').count()) ? await page.locator('[data-testid=lookup-panel]').boundingBox() : null
  return { x: Math.round(box.x), y: Math.round(box.y), width: Math.round((panel ? panel.x : box.x + box.width) - box.x), height: Math.round(box.height) }
}

async function chooseBasemap(page: Page, label: string): Promise<void> {
  await page.locator('[data-testid=basemap-select]').click()
  await page.locator('.el-select-dropdown__item', { hasText: label }).first().click()
}
