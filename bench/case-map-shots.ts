/**
 * Screenshots of the case layers over the demo city (renderer/bench/cases.html: the real CityMap and
 * CaseLayers with a stand-in bridge), plus a few checks of what a user does with them: clusters at city
 * zoom, points with light rings and hazard countdowns close in, heatmap, 高发网格, playback, a box drawn with
 * Ctrl+drag, a click on a case (selects it, the lookup stays quiet) and on empty map (the lookup runs).
 *
 * `npx tsx bench/case-map-shots.ts [--cases 1000000]` after `vite build --config renderer/vite.config.ts`;
 * writes test-output/screenshots/case-map-*.png, prints the timings the page reports and exits non-zero
 * when a check fails.
 */
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import type { BridgeFeatureCollection, RegionProperties } from '../contracts/bridge/index.js'
import { COMPONENT_STATUS_ORDER } from '../contracts/bridge/index.js'
import { loadDemoCity } from '../gis-data/demo-city.js'
import { launchChromium, screenshotPath } from '../renderer/e2e/harness.js'
import { encodeCases, generateCases } from './heatmap.js'
import { serveStatic } from './serve-static.js'

const at = process.argv.indexOf('--cases')
const N = at >= 0 ? Number(process.argv[at + 1]) : 1_000_000
const rendererDir = resolve(fileURLToPath(new URL('../renderer/dist/', import.meta.url)))
const log = (m: string) => console.log(`[shots] ${m}`)
const failures: string[] = []
const check = (ok: boolean, what: string) => {
  log(`${ok ? 'ok  ' : 'FAIL'} ${what}`)
  if (!ok) failures.push(what)
}

const city = loadDemoCity()
const now = Date.now()
// The data ends now, so countdowns are live: hazards of the last hours count down, older ones are overdue.
const cases = generateCases({ n: N, grids: city.grids, end: Math.ceil(now / 60_000) * 60_000 })
let countdowns = 0
for (let i = 0; i < cases.n; i++) {
  if (!cases.hazard[i] || !cases.onSiteDeadline[i]) continue
  cases.onSiteDeadline[i] = now + ((countdowns++ % 5) - 1) * 40 * 60_000 + (i % 997) * 1000
}
const regionsOf = (level: RegionProperties['level']): BridgeFeatureCollection<RegionProperties> => ({
  type: 'FeatureCollection',
  features: city.regions
    .filter((r) => r.level === level)
    .map((r) => ({
      type: 'Feature',
      id: r.code,
      geometry: r.geometry as never,
      properties: {
        code: r.code,
        level: r.level,
        name: r.name,
        nameEn: r.nameEn,
        parentCode: r.parentCode ?? null,
      },
    })),
})
const coords: number[] = []
const ringStart: number[] = [0]
for (const g of city.grids) {
  for (const [x, y] of g.geometry.coordinates[0]!) coords.push(x!, y!)
  ringStart.push(coords.length / 2)
}
const categories = [...new Set(city.components.map((c) => c.category))]
const harnessCity = {
  bbox: city.meta.bbox,
  regions: {
    district: regionsOf('district'),
    street: regionsOf('street'),
    community: regionsOf('community'),
  },
  grids: {
    kind: 'compact',
    total: city.grids.length,
    ids: city.grids.map((g) => g.id),
    areaClasses: city.grids.map((g) => g.areaClass).join(''),
    communityCodes: city.grids.map((g) => g.communityCode),
    coords,
    ringStart,
  },
  components: {
    ids: city.components.map((c) => c.id),
    lon: city.components.map((c) => c.lon),
    lat: city.components.map((c) => c.lat),
    category: city.components.map((c) => categories.indexOf(c.category)),
    categories,
    status: city.components.map((c) => Math.max(0, COMPONENT_STATUS_ORDER.indexOf(c.status))),
  },
}

// The most urgent hazard with a countdown: the street-level shots centre on it.
let focus = -1
for (let i = 0; i < cases.n; i++) {
  if (
    cases.onSiteDeadline[i]! > now &&
    (focus < 0 || cases.onSiteDeadline[i]! < cases.onSiteDeadline[focus]!)
  )
    focus = i
}

interface Harness {
  caseHarness?: {
    map: {
      map: {
        getView(): { setCenter(c: number[]): void; setZoom(z: number): void; getZoom(): number | undefined }
        once(type: string, f: () => void): void
        render(): void
      }
      pixelOf(p: [number, number]): [number, number] | null
    }
    layers: {
      info: { total: number; shown: number; hazards: number }
      setMode(mode: string): void
      setFilter(filter: object): Promise<void>
      setPlayback(w: { from: number; to: number } | null): void
      setSelected(id: string | null): void
      flash(id: string): void
      setLanguage(t: (key: string) => string, language: string): void
    }
    selected: string[]
    boxes: unknown[]
    picks: number
  }
}

const server = await serveStatic(rendererDir, {
  '/cases.bin': encodeCases(cases),
  '/city.json': Buffer.from(JSON.stringify(harnessCity)),
})
const address = server.address()
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/bench/cases.html`
const browser = await launchChromium({ width: 1600, height: 900 })
const settle = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((done) => {
        const map = (globalThis as unknown as Harness).caseHarness!.map.map
        setTimeout(() => {
          map.once('rendercomplete', () => done())
          map.render()
        }, 300)
      }),
  )
const shot = async (page: Page, name: string) => {
  await settle(page)
  const path = screenshotPath(`case-map-${name}`)
  await page.screenshot({ path })
  log(`wrote ${path}`)
}
const timed = async <T>(page: Page, what: string, work: () => Promise<T>) => {
  const started = Date.now()
  const value = await work()
  await settle(page)
  log(`${what}: ${Date.now() - started} ms (incl. 300 ms settle)`)
  return value
}

try {
  for (const lang of ['zh-CN', 'en'] as const) {
    const page = await browser.newPage()
    page.on('pageerror', (e) => log(`page error: ${e.message}`))
    page.on('console', (m) => {
      if (m.type() === 'error') log(`console: ${m.text()}`)
    })
    const started = Date.now()
    await page.goto(`${base}?lang=${lang}`)
    await page.waitForSelector('body[data-ready]', { timeout: 180_000 })
    log(`${lang}: ${N.toLocaleString('en-US')} cases loaded and drawn in ${Date.now() - started} ms`)
    await shot(page, `points-city-${lang}`)
    if (lang === 'en') {
      await page.close()
      break
    }
    const info = await page.evaluate(() => (globalThis as unknown as Harness).caseHarness!.layers.info)
    log(`info: ${JSON.stringify(info)}`)

    // Close in on the most urgent hazard: single points, rings, diamonds, countdowns.
    const [lon, lat] = [cases.lon[focus]!, cases.lat[focus]!]
    await timed(page, 'zoom to street level', () =>
      page.evaluate(
        ({ lon, lat }) => {
          const view = (globalThis as unknown as Harness).caseHarness!.map.map.getView()
          view.setCenter([lon, lat])
          view.setZoom(15.6)
        },
        { lon, lat },
      ),
    )
    await shot(page, 'points-street')
    const labels = await page.locator('.case-hazard-label:not([hidden])').allTextContents()
    log(`countdown labels in view: ${labels.length}: ${labels.slice(0, 4).join(' | ')}`)
    check(
      labels.length > 0 && labels.every((l) => /^(到场|超时) \d{2,}:\d{2}:\d{2}$/.test(l)),
      'hazard countdowns are shown',
    )

    // A click on a case selects it and the lookup stays quiet; a click on empty map is a lookup.
    const pixel = await page.evaluate(
      ({ lon, lat }) => (globalThis as unknown as Harness).caseHarness!.map.pixelOf([lon, lat]),
      { lon: cases.lon[focus]!, lat: cases.lat[focus]! },
    )
    await page.mouse.click(pixel![0], pixel![1])
    await page.waitForTimeout(600)
    const afterCase = await page.evaluate(() => ({
      selected: [...(globalThis as unknown as Harness).caseHarness!.selected],
      picks: (globalThis as unknown as Harness).caseHarness!.picks,
    }))
    log(
      `click on the hazard: selected ${JSON.stringify(afterCase.selected)}, lookup picks ${afterCase.picks}`,
    )
    check(
      afterCase.selected.length === 1 && afterCase.picks === 0,
      'a click on a case selects it and nothing else',
    )
    await page.mouse.click(1450, 250)
    await page.waitForTimeout(600)
    const picks = await page.evaluate(() => (globalThis as unknown as Harness).caseHarness!.picks)
    check(picks === 1, `a click on empty map is a lookup (picks ${picks})`)
    await shot(page, 'points-selected')

    // Ctrl+drag draws a box that stays.
    await page.keyboard.down('Control')
    await page.mouse.move(pixel![0] - 260, pixel![1] - 160)
    await page.mouse.down()
    await page.mouse.move(pixel![0] - 40, pixel![1] - 40, { steps: 8 })
    await page.mouse.move(pixel![0] + 240, pixel![1] + 150, { steps: 8 })
    await page.mouse.up()
    await page.keyboard.up('Control')
    const boxes = await page.evaluate(() => (globalThis as unknown as Harness).caseHarness!.boxes)
    log(`boxes reported: ${JSON.stringify(boxes)}`)
    const box = boxes[0] as number[] | undefined
    check(
      boxes.length === 1 && !!box && box[0]! < lon && lon < box[2]! && box[1]! < lat && lat < box[3]!,
      'Ctrl+drag reports a box around the point',
    )
    await shot(page, 'box')
    // Closer still, the cases are single points: phase colours, light rings, hazard diamonds.
    await page.evaluate(() => (globalThis as unknown as Harness).caseHarness!.map.map.getView().setZoom(17.6))
    await shot(page, 'points-close')

    // City-wide again: heatmap, a phase filter, a 7-day window, 高发网格.
    await page.evaluate(() => {
      const view = (globalThis as unknown as Harness).caseHarness!.map.map.getView()
      view.setZoom(11.6)
    })
    await timed(page, 'heatmap mode (first: features + buffers)', () =>
      page.evaluate(() => (globalThis as unknown as Harness).caseHarness!.layers.setMode('heatmap')),
    )
    await shot(page, 'heatmap-city')
    await page.evaluate(
      ({ lon, lat }) => {
        const view = (globalThis as unknown as Harness).caseHarness!.map.map.getView()
        view.setCenter([lon, lat])
        view.setZoom(14)
      },
      { lon, lat },
    )
    await shot(page, 'heatmap-district')
    await page.evaluate(() => (globalThis as unknown as Harness).caseHarness!.map.map.getView().setZoom(11.6))
    const inPage = await page.evaluate(async () => {
      const h = (globalThis as unknown as Harness).caseHarness!
      const started = performance.now()
      await h.layers.setFilter({ phases: ['handling'] })
      const filtered = performance.now() - started
      await new Promise<void>((done) => {
        h.map.map.once('rendercomplete', () => done())
        h.map.map.render()
      })
      return { filtered, drawn: performance.now() - started }
    })
    log(
      `heatmap phase filter (handling) in the page: filter applied ${inPage.filtered.toFixed(0)} ms, drawn ${inPage.drawn.toFixed(0)} ms`,
    )
    await shot(page, 'heatmap-handling')
    await page.evaluate(() => (globalThis as unknown as Harness).caseHarness!.layers.setFilter({}))
    // Playback through the bar: switch it on (latest day, sliding), pick weeks.
    await page.locator('[data-testid=case-playback]').click()
    await page.getByText(lang === 'zh-CN' ? '按周' : 'Weekly').click()
    await settle(page)
    const range = await page.locator('[data-testid=case-playback-range]').textContent()
    log(
      `playback range: ${range}; info ${JSON.stringify(await page.evaluate(() => (globalThis as unknown as Harness).caseHarness!.layers.info))}`,
    )
    await shot(page, 'heatmap-playback-week')
    await page.locator('[data-testid=case-playback]').click()
    await timed(page, 'grids mode (grid counts + polygons)', () =>
      page.evaluate(() => (globalThis as unknown as Harness).caseHarness!.layers.setMode('grids')),
    )
    await shot(page, 'grids-city')
    await page.evaluate(() => (globalThis as unknown as Harness).caseHarness!.map.map.getView().setZoom(13.5))
    await shot(page, 'grids-zoomed')
    await page.close()
  }
} finally {
  await browser.close()
  await new Promise<void>((done) => server.close(() => done()))
}
if (failures.length) {
  console.error(`[shots] ${failures.length} check(s) failed`)
  process.exitCode = 1
}
