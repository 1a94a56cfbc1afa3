/**
 * End-to-end (issue 10, the screen walk-through): the workstation in Debian's Chromium against browser mode
 * syncing from the central API as its own process (demo city and its month of cases, e2e/central.ts), looked
 * at as the desk operator, the GIS staff and a duty leader would:
 *
 * - after sign-in the map fits the account's cases in the room the panels leave; the legend starts folded;
 *   the panels resize by dragging and fold with a button, and keep both over a reload;
 * - cases are squares in their own phase colours over components turned down; the 高发网格 classes read over
 *   the grids' area-class fills, and the first class is the smallest count alone;
 * - light dots show their light's colour;
 * - playback's 按日/按周 sit side by side, and the case list shows the frame the map shows;
 * - a basemap whose tiles cannot be reached (no network here: 天地图 fails) is said once, plainly, and the
 *   map keeps working; header and settings name the same basemap;
 * - Enter locates a typed coordinate (search box, converter); the English deadline column is not cut off;
 * - the wall screen is at `#/wall`, the one way to it.
 *
 * Screenshots go to test-output/screenshots/screens-*.png. Skipped when Chromium is missing.
 */
/* eslint-disable no-restricted-imports -- a Node test: it starts the central API and the browser-mode host from
   main/ and drives Chromium; the UI it tests reaches main/ only through the bridge. */
import { after, afterEach, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { startWorkstationWeb, type WorkstationWeb } from '../../main/host/web-host.js'
import { CASE_PHASES } from '../../core/case/phase.js'
import { convertLonLat } from '../src/lookup/coordinates.js'
import { classBreaks, classOf, PHASE_COLORS } from '../src/cases/map/case-style.js'
import { GROUP_COLORS } from '../src/map/component-style.js'
import type {} from '../src/bridge.js'
import { buildRenderer, hasChromium, launchChromium, screenshotPath, tempDir, type Browser, type TempDir } from './harness.js'
import { startCentral, type Central } from './central.js'
import { countColours, pixelAt, type Region } from './pixels.js'
import { mapSettled, setView, waitFrames, type MapWindow } from './map-page.js'

const PASSWORD = process.env.CITYLOOP_DEMO_PASSWORD ?? 'cityloop-demo'
/** 海陵区, 城中街道 (grid 321202001001001). */
const HAILING: readonly [number, number] = [119.92, 32.49]

const skip = hasChromium() ? false : 'Chromium is not installed at /usr/bin/chromium'

describe('screens of the walk-through in Chromium (issue 10)', { skip }, () => {
  let data: TempDir
  let central: Central
  let web: WorkstationWeb
  let browser: Browser
  let page: Page
  let analysis: Page
  const errors: string[] = []

  before(async () => {
    await buildRenderer()
    data = tempDir('cityloop-e2e-screens-')
    // The demo month of cases: the walk-through looks at them (a template cached apart from cases.test.ts's).
    central = await startCentral(join(data.path, 'central'), { demoCases: 600 })
    web = await startWorkstationWeb({ dataDir: join(data.path, 'workstation'), port: 0, syncIntervalMs: 0, centralUrl: central.url })
    browser = await launchChromium()
    analysis = await browser.newPage()
    page = await browser.newPage()
    page.setDefaultTimeout(60_000)
    await page.bringToFront()
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(web.url)
    await mapSettled(page)
  })

  afterEach(async () => {
    for (let i = 0; i < 3 && (await page.locator('.el-overlay:visible').count()) > 0; i++) {
      await page.keyboard.press('Escape')
      await page.waitForTimeout(300)
    }
  })

  after(async () => {
    await browser?.close()
    await web?.close()
    await central?.stop()
    data?.remove()
  })

  test('after sign-in the map fits the account’s cases beside the panels; the legend starts folded', async () => {
    assert.equal(await page.locator('.ol-control.ol-legend.ol-collapsed').count(), 1, 'the legend starts folded')
    // Signed out, at the city view: what components look like at full strength (for the next test).
    await setView(page, HAILING, 16)
    // Right of where the case list will be, so the same part of the map is counted signed in.
    const box = (await page.locator('[data-testid=map]').boundingBox())!
    componentRegion = { x: Math.round(box.x + 640), y: Math.round(box.y + 60), width: Math.round(box.width - 680), height: Math.round(box.height - 120) }
    componentsSignedOut = await componentPixels(page, analysis, 'screens-00-signed-out-z16')

    await signIn(page, 'receiver')
    // The sign-in syncs the account's cases from the central API; the list fills when they are in.
    await page.waitForFunction(
      () =>
        Number(document.querySelector('[data-testid=case-total]')?.getAttribute('data-total') ?? 0) > 0 &&
        document.querySelector('[data-testid=sync-state]')?.getAttribute('data-state') === 'idle',
      undefined,
      { timeout: 300_000 },
    )
    const extent = await caseExtent(page)
    // The first view is the cases' extent inside the free part of the map (right of the list), whatever the
    // view was before.
    const list = (await page.locator('[data-testid=case-list]').boundingBox())!
    const map = (await page.locator('[data-testid=map]').boundingBox())!
    await page.waitForFunction(
      ({ extent, listRight, mapWidth, mapHeight }) => {
        const m = (window as unknown as MapWindow).cityloopMap
        const nw = m.pixelOf([extent[0], extent[3]])
        const se = m.pixelOf([extent[2], extent[1]])
        return Boolean(nw && se && nw[0] >= listRight && se[0] <= mapWidth && nw[1] >= 0 && se[1] <= mapHeight)
      },
      { extent, listRight: list.x + list.width - map.x, mapWidth: map.width, mapHeight: map.height },
    )
    await mapSettled(page)
    const nw = (await pixelOf(page, [extent[0], extent[3]]))!
    const se = (await pixelOf(page, [extent[2], extent[1]]))!
    const free = { width: map.width - (list.x + list.width - map.x), height: map.height }
    // Fitted, not merely inside: the cases fill most of the free room in one direction.
    assert.ok(
      (se[0] - nw[0]) / free.width > 0.5 || (se[1] - nw[1]) / free.height > 0.5,
      `the cases fill the free room (${Math.round(se[0] - nw[0])} × ${Math.round(se[1] - nw[1])} of ${Math.round(free.width)} × ${free.height})`,
    )
    await page.screenshot({ path: screenshotPath('screens-01-signed-in-fit') })
  })

  test('panels resize by dragging, fold with their button, and keep both over a reload', async () => {
    const list = page.locator('[data-testid=case-list]')
    const before = (await list.boundingBox())!
    await drag(page, '[data-testid=resizer-left] [data-testid=resizer-grip]', before.x + 600)
    assert.ok(Math.abs((await list.boundingBox())!.width - 600) <= 2, `the list is 600 px wide (${(await list.boundingBox())!.width})`)

    // A case opened: the detail on the right, resizable too; the map keeps at least 40 % of the window.
    await page.locator('[data-testid=case-list] .case-row').first().click()
    const detail = page.locator('[data-testid=case-detail]')
    await detail.waitFor()
    const map = (await page.locator('[data-testid=map]').boundingBox())!
    await drag(page, '[data-testid=resizer-right] [data-testid=resizer-grip]', map.x + map.width - 900)
    const wide = (await detail.boundingBox())!
    const beside = (await list.boundingBox())!
    assert.ok(wide.width + beside.width <= 1600 * 0.6 + 3, `the panels leave the map its share (${beside.width} + ${wide.width} px)`)
    await drag(page, '[data-testid=resizer-right] [data-testid=resizer-grip]', map.x + map.width - 340)
    assert.ok(Math.abs((await detail.boundingBox())!.width - 340) <= 2, 'the detail is 340 px wide')
    await page.screenshot({ path: screenshotPath('screens-02-case-open') })

    // Fold the detail: the case stays selected (its row), the map gets the room; unfold brings it back.
    await page.locator('[data-testid=resizer-right] [data-testid=resizer-toggle]').click()
    await detail.waitFor({ state: 'detached' })
    assert.equal(await page.locator('[data-testid=case-list] .case-row.is-selected').count(), 1)
    await page.screenshot({ path: screenshotPath('screens-03-detail-folded') })
    await page.locator('[data-testid=resizer-right] [data-testid=resizer-toggle]').click()
    await detail.waitFor()

    // Remembered: after a reload the same widths.
    await page.reload()
    await mapSettled(page)
    await list.waitFor()
    assert.ok(Math.abs((await list.boundingBox())!.width - 600) <= 2, 'the list width survives a reload')
    await page.locator('[data-testid=case-list] .case-row').first().click()
    await detail.waitFor()
    assert.ok(Math.abs((await detail.boundingBox())!.width - 340) <= 2, 'the detail width survives a reload')
    await page.locator('[data-testid=detail-close]').click()
    // Back to the default list width for the tests below.
    await drag(page, '[data-testid=resizer-left] [data-testid=resizer-grip]', (await list.boundingBox())!.x + 460)
  })

  test('cases are squares in their own phase colours over components turned down', async () => {
    await setView(page, HAILING, 16)
    const signedIn = await componentPixels(page, analysis, 'screens-04-cases-over-components-z16')
    assert.ok(
      signedIn < componentsSignedOut / 3,
      `component colours at full strength: ${componentsSignedOut} px signed out → ${signedIn} px under the cases`,
    )
    // A closed case (not a hazard) close up: its centre in the closed colour, apart from 园林绿化 green.
    const columns = await page.evaluate(() => window.cityloop!.cases.layer({}))
    assert.ok(columns.ok)
    const closed = CASE_PHASES.indexOf('closed')
    const ids = columns.value.ids
    const at = ids.findIndex((_, i) => columns.value.phase[i] === closed && columns.value.hazard[i] === 0 && isolated(columns.value, i))
    assert.ok(at >= 0, 'a closed case with no other case near it')
    const point: [number, number] = [columns.value.lon[at]!, columns.value.lat[at]!]
    await setView(page, point, 18.5)
    await waitFrames(page)
    const shot = await page.screenshot({ path: screenshotPath('screens-05-case-square-z18') })
    const p = (await pixelOf(page, point))!
    const box = (await page.locator('[data-testid=map]').boundingBox())!
    const centre = await pixelAt(analysis, shot, box.x + p[0], box.y + p[1])
    assert.ok(near(centre, hex(PHASE_COLORS.closed), 40), `the case is drawn in the closed colour (${centre})`)
    assert.ok(!near(centre, hex(GROUP_COLORS.greenery), 40), 'not in the 园林绿化 green')
    // A square, not a dot: radius 10 px to the corners at zoom 18.5, so half a side is 7 px. Towards a corner,
    // (6, 6) is filled (8.5 px out, past a disc of that width); along an axis, 9 px out is not (a disc of
    // radius 10 would reach it).
    const corner = await pixelAt(analysis, shot, box.x + p[0] + 5.5, box.y + p[1] + 5.5)
    assert.ok(near(corner, hex(PHASE_COLORS.closed), 60) || near(corner, [255, 255, 255], 60), `towards the corner the square is drawn (${corner})`)
    for (const [dx, dy] of [
      [9.5, 0],
      [0, 9.5],
    ]) {
      const side = await pixelAt(analysis, shot, box.x + p[0] + dx!, box.y + p[1] + dy!)
      assert.ok(!near(side, hex(PHASE_COLORS.closed), 40) && !near(side, [255, 255, 255], 40), `past the side nothing of the case (${side})`)
    }
  })

  test('the 高发网格 classes read over the area-class fills; the first class is the smallest count alone', async () => {
    await page.locator('[data-testid=case-map-mode] [data-mode=grids]').click()
    await setView(page, HAILING, 14.5)
    await page.waitForTimeout(800)
    await waitFrames(page)
    await page.screenshot({ path: screenshotPath('screens-06-hot-grids') })
    const counts = await page.evaluate(() => window.cityloop!.cases.gridCounts({}))
    assert.ok(counts.ok)
    const values = counts.value.counts.filter((n) => n > 0)
    const breaks = classBreaks(values)
    const perClass = breaks.map((_, k) => values.filter((n) => classOf(n, breaks) === k).length)
    // The rule before (quantiles of the distinct counts from the smallest): how many grids its first class held.
    const distinct = [...new Set(values)].sort((a, b) => a - b)
    const oldBreaks = [distinct[0]!]
    for (let k = 1; k < 5; k++) {
      const q = distinct[Math.min(distinct.length - 1, Math.floor((k / 5) * distinct.length))]!
      if (q > oldBreaks[oldBreaks.length - 1]!) oldBreaks.push(q)
    }
    const before = values.filter((n) => classOf(n, oldBreaks) === 0).length
    console.log(
      `[e2e screens] 高发网格: ${values.length} grids with cases, breaks ${breaks.join(', ')}, grids per class ${perClass.join(', ')} (the old rule's first class: ${before})`,
    )
    assert.ok(breaks.length >= 4, `at least four classes (${breaks})`)
    // The first class is the smallest count alone: where most grids have one case, no break can put them
    // elsewhere, but nothing more joins them; the top classes hold the few hot grids.
    assert.ok(values.every((n) => classOf(n, breaks) !== 0 || n === breaks[0]), 'the first class holds the smallest count only')
    assert.ok(perClass[perClass.length - 1]! <= values.length / 10, `the top class holds the few hottest grids (${perClass.at(-1)})`)
    // The area-class fills and the components step back under the choropleth.
    const opacities = await page.evaluate(() => {
      const m = (window as unknown as MapWindow).cityloopMap
      return { grids: m.grids.cells.getOpacity(), components: m.components.layer.getOpacity() }
    })
    assert.ok(opacities.grids < 0.5 && opacities.components < 0.5, JSON.stringify(opacities))
    await page.locator('[data-testid=case-map-mode] [data-mode=points]').click()
  })

  test('light dots show their light’s colour', async () => {
    for (const [light, rgb] of [
      ['red', [239, 68, 68]],
      ['yellow', [250, 204, 21]],
      ['green', [34, 197, 94]],
    ] as const) {
      const colour = await page
        .locator(`[data-testid=filter-lights] [data-light=${light}] .light-dot`)
        .evaluate((el) => getComputedStyle(el).backgroundColor)
      assert.equal(colour, `rgb(${rgb.join(', ')})`, `the ${light} chip's dot`)
    }
    // In the list rows too: a red case's dot is red on screen.
    const red = page.locator('[data-testid=case-list] .light-dot.light-red').first()
    if ((await red.count()) > 0) {
      const shot = await page.screenshot({ path: screenshotPath('screens-07-light-dots') })
      const b = (await red.boundingBox())!
      const rgb = await pixelAt(analysis, shot, b.x + b.width / 2, b.y + b.height / 2)
      assert.ok(near(rgb, [239, 68, 68], 40), `a red row's dot is drawn red (${rgb})`)
    }
  })

  test('playback: 按日/按周 side by side; the case list shows the frame the map shows', async () => {
    await page.locator('[data-testid=case-playback]').click()
    const day = (await page.locator('[data-testid=case-playback-step] [data-step=day]').boundingBox())!
    const week = (await page.locator('[data-testid=case-playback-step] [data-step=week]').boundingBox())!
    assert.ok(Math.abs(day.y - week.y) < 2 && week.x >= day.x + day.width - 2, `side by side (${JSON.stringify({ day, week })})`)
    const sameFrame = async () =>
      page.waitForFunction(() => {
        const total = document.querySelector('[data-testid=case-total]')?.getAttribute('data-total')
        const shown = document.querySelector('[data-testid=case-count]')?.getAttribute('data-shown')
        const all = document.querySelector('[data-testid=case-count]')?.getAttribute('data-total')
        return total !== null && total !== undefined && total === shown && Number(shown) < Number(all)
      })
    await sameFrame()
    // A week back: both move together again.
    await page.locator('[data-testid=case-playback-step] [data-step=week]').click()
    await page.locator('.case-map-bar-slider .el-slider__button-wrapper').focus()
    await page.keyboard.press('ArrowLeft')
    await sameFrame()
    await page.locator('[data-testid=filter-playback]').waitFor()
    await page.screenshot({ path: screenshotPath('screens-08-playback') })
    await page.locator('[data-testid=case-playback]').click()
    await page.locator('[data-testid=filter-playback]').waitFor({ state: 'detached' })
  })

  test('a basemap that cannot be reached is said once and the map keeps working; header and settings agree', async () => {
    // No key: the header and the settings both name the choice; the status bar says why nothing is drawn.
    await page.locator('[data-testid=basemap-select]').click()
    await page.locator('.el-select-dropdown__item', { hasText: '天地图 影像' }).first().click()
    const dialog = page.locator('.settings-dialog')
    await dialog.waitFor()
    assert.equal(await selectText(page, '.settings-dialog [data-testid=settings-basemap]'), '天地图 影像')
    assert.equal(await selectText(page, '[data-testid=basemap-select]'), '天地图 影像')
    await page.locator('[data-testid=basemap-status][data-problem=unset]').waitFor()
    // Every warning toast shown from here on, counted as it appears (a toast leaves after a few seconds).
    await page.evaluate(() => {
      const shown: string[] = []
      ;(window as unknown as { warnings: string[] }).warnings = shown
      new MutationObserver((records) => {
        for (const r of records)
          for (const node of r.addedNodes)
            if (node instanceof HTMLElement && node.matches('.el-message--warning')) shown.push(node.textContent ?? '')
      }).observe(document.body, { childList: true, subtree: true })
    })
    // With a key: there is no network here, so 天地图 fails.
    await dialog.locator('input[data-testid=settings-token]').fill('e2enonetwork0123')
    await dialog.locator('[data-testid=settings-save]').click()
    await dialog.waitFor({ state: 'hidden' })
    await page.locator('[data-testid=basemap-status][data-problem=unreachable]').waitFor()
    await page.waitForFunction(() => (window as unknown as { warnings: string[] }).warnings.length > 0)
    // More failed tiles (a pan, a zoom) say nothing new.
    await setView(page, HAILING, 12)
    await page.waitForTimeout(1500)
    const warnings = await page.evaluate(() => (window as unknown as { warnings: string[] }).warnings)
    assert.equal(warnings.length, 1, `said once (${warnings.join(' | ')})`)
    assert.match(warnings[0]!, /无法访问底图瓦片/)
    assert.match(await page.locator('[data-testid=basemap-status]').innerText(), /底图无法访问/)
    assert.equal(await selectText(page, '[data-testid=basemap-select]'), '天地图 影像')
    await page.locator('[data-testid=open-settings]').click()
    await dialog.waitFor()
    assert.equal(await selectText(page, '.settings-dialog [data-testid=settings-basemap]'), '天地图 影像', 'the settings say the same')
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    // Keeps working: the city outline is filled again and a lookup answers.
    await setView(page, HAILING, 13)
    const shot = await page.screenshot({ path: screenshotPath('screens-09-basemap-unreachable') })
    const mapBox = await mapRegion(page)
    const outline = await countColours(analysis, shot, { district: { rgb: [224, 242, 254], tolerance: 30 } }, mapBox)
    assert.ok(outline.district > 300, `the city outline is drawn (${outline.district} px)`)
    await page.evaluate(() => window.cityloop!.settings.set({ basemap: 'none' }))
    await page.waitForFunction(() => !document.querySelector('[data-testid=basemap-status]'))
  })

  test('Enter locates a typed coordinate, in the search box and in the converter', async () => {
    // The lookup shows where no case detail is open.
    if ((await page.locator('[data-testid=detail-close]').count()) > 0) await page.locator('[data-testid=detail-close]').click()
    const input = page.locator('[data-testid=search] input.search')
    await input.fill('')
    await input.pressSequentially(`${HAILING[0]}, ${HAILING[1]}`, { delay: 5 })
    await input.press('Enter')
    await page.locator('[data-testid=lookup-panel][data-status=ready]').waitFor()
    assert.equal(await page.locator('[data-testid=grid-id]').innerText(), '321202001001001')
    await page.locator('[data-testid=lookup-panel] .panel-close').click()

    await page.locator('[data-testid=open-converter]').click()
    const gcj = convertLonLat(HAILING[0], HAILING[1], 'CGCS2000', 'GCJ02')
    const text = page.locator('textarea[data-testid=converter-input]')
    await text.fill(`${gcj[0].toFixed(7)}, ${gcj[1].toFixed(7)}`)
    await page.locator('[data-testid=converter-result] td.converted').first().waitFor()
    await page.screenshot({ path: screenshotPath('screens-10-converter-enter') })
    await text.press('Enter')
    await page.locator('.converter-dialog').waitFor({ state: 'hidden' })
    await page.locator('[data-testid=lookup-panel][data-status=ready]').waitFor()
    assert.equal(await page.locator('[data-testid=grid-id]').innerText(), '321202001001001')
    await page.locator('[data-testid=lookup-panel] .panel-close').click()
  })

  test('in English the case list’s deadline column is not cut off', async () => {
    await page.locator('[data-testid=language-switch] [data-lang=en]').click()
    await page.locator('[data-testid=case-list] .panel-title', { hasText: 'Cases' }).waitFor()
    await page.waitForTimeout(500)
    const list = (await page.locator('[data-testid=case-list]').boundingBox())!
    const cells = await page.locator('[data-testid=case-list] .case-deadline').evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect()
        // The cell clips what does not fit (overflow hidden): its content is wider than it, or the text ends past it.
        const cell = el.closest('.case-cell') as HTMLElement
        const column = (el.closest('.el-table-v2__row-cell') ?? cell).getBoundingClientRect()
        return { text: el.textContent?.trim() ?? '', right: r.right, clipped: cell.scrollWidth > cell.clientWidth + 1 || r.right > column.right + 1 }
      }),
    )
    assert.ok(cells.length > 0, 'rows with deadlines')
    for (const c of cells) {
      assert.ok(!c.clipped, `"${c.text}" fits its cell`)
      assert.ok(c.right <= list.x + list.width, `"${c.text}" ends inside the list (${c.right} > ${list.x + list.width})`)
    }
    const header = (await page.locator('[data-testid=case-list] .el-table-v2__header-cell', { hasText: 'Deadline' }).boundingBox())!
    assert.ok(header.x + header.width <= list.x + list.width, 'the Deadline header is inside the list')
    await page.screenshot({ path: screenshotPath('screens-11-english-list') })
    await page.locator('[data-testid=language-switch] [data-lang=zh-CN]').click()
    await page.locator('[data-testid=case-list] .panel-title', { hasText: '案件' }).waitFor()
  })

  test('the wall screen is at #/wall, the one way to it', async () => {
    const wall = await browser.newPage()
    try {
      await wall.goto(`${web.url}#/wall`)
      await wall.locator('[data-testid=bigscreen][data-ready]').waitFor({ timeout: 60_000 })
      await wall.screenshot({ path: screenshotPath('screens-12-wall') })
      // Typed into the address bar of an open workstation: the page becomes the wall.
      await wall.goto(web.url)
      await wall.locator('[data-testid=map]').waitFor()
      await wall.evaluate(() => (location.hash = '#/wall'))
      await wall.locator('[data-testid=bigscreen]').waitFor()
      // The old query is no second way.
      await wall.goto(`${web.origin}/?view=bigscreen`)
      await wall.locator('[data-testid=map]').waitFor()
      assert.equal(await wall.locator('[data-testid=bigscreen]').count(), 0)
    } finally {
      await wall.close()
      await page.bringToFront()
    }
    assert.deepEqual(errors, [], 'no uncaught errors in the page')
  })
})

/** Component colour pixels in {@link componentRegion} at full strength, signed out (set by the first test). */
let componentsSignedOut = 0
let componentRegion: Region = { x: 0, y: 0, width: 1, height: 1 }

async function componentPixels(page: Page, analysis: Page, name: string): Promise<number> {
  await waitFrames(page)
  const shot = await page.screenshot({ path: screenshotPath(name) })
  const c = await countColours(
    analysis,
    shot,
    {
      utilities: { rgb: hex(GROUP_COLORS.utilities), tolerance: 30 },
      transport: { rgb: hex(GROUP_COLORS.transport), tolerance: 30 },
      greenery: { rgb: hex(GROUP_COLORS.greenery), tolerance: 30 },
    },
    componentRegion,
  )
  return c.utilities + c.transport + c.greenery
}

async function signIn(page: Page, username: string): Promise<void> {
  await page.locator('[data-testid=open-signin]').click()
  await page.locator('input[data-testid=signin-username]').fill(username)
  await page.locator('input[data-testid=signin-password]').fill(PASSWORD)
  await page.locator('[data-testid=signin-submit]').click()
  await page.locator(`[data-testid=account][data-user="${username}"]`).waitFor()
  await page.locator('.signin-dialog').waitFor({ state: 'hidden' })
}

/** The cases' extent as the map fits it (case-data.ts caseExtent: 1 % left out on each side). */
async function caseExtent(page: Page): Promise<[number, number, number, number]> {
  const columns = await page.evaluate(() => window.cityloop!.cases.layer({}))
  assert.ok(columns.ok && columns.value.ids.length > 0, 'the account sees cases')
  const lon = [...columns.value.lon].sort((a, b) => a - b)
  const lat = [...columns.value.lat].sort((a, b) => a - b)
  const low = Math.floor(0.01 * (lon.length - 1))
  const high = lon.length - 1 - low
  return [lon[low]!, lat[low]!, lon[high]!, lat[high]!]
}

function pixelOf(page: Page, point: readonly [number, number]): Promise<[number, number] | null> {
  return page.evaluate((p) => (window as unknown as MapWindow).cityloopMap.pixelOf(p), point as [number, number])
}

/** Drags an element horizontally to page x (pointer events, as a hand would). */
async function drag(page: Page, selector: string, toX: number): Promise<void> {
  const box = (await page.locator(selector).boundingBox())!
  const y = box.y + box.height / 3
  const under = await page.evaluate(
    ({ x, y, selector }) => {
      const el = document.elementFromPoint(x, y)
      return el === document.querySelector(selector) ? '' : `${el?.tagName}.${el?.className}`
    },
    { x: box.x + box.width / 2, y, selector },
  )
  assert.equal(under, '', `the handle is what the pointer reaches (${selector})`)
  await page.mouse.move(box.x + box.width / 2, y)
  await page.mouse.down()
  await page.mouse.move((box.x + box.width / 2 + toX) / 2, y, { steps: 4 })
  await page.mouse.move(toX, y, { steps: 4 })
  await page.mouse.up()
  await page.waitForTimeout(200)
}

async function selectText(page: Page, selector: string): Promise<string> {
  return (await page.locator(`${selector} .el-select__selection`).first().innerText()).trim()
}

/** The map's rectangle on screen between the panels. */
async function mapRegion(page: Page): Promise<Region> {
  const box = (await page.locator('[data-testid=map]').boundingBox())!
  const list = (await page.locator('[data-testid=case-list]').count()) ? await page.locator('[data-testid=case-list]').boundingBox() : null
  const left = list ? list.x + list.width : box.x
  const side = page.locator('[data-testid=lookup-panel], [data-testid=case-detail]').first()
  const panel = (await side.count()) ? await side.boundingBox() : null
  const right = panel ? panel.x : box.x + box.width
  return { x: Math.round(left), y: Math.round(box.y), width: Math.round(right - left), height: Math.round(box.height) }
}

/** A case with no other within ~30 m (its square is not covered by a neighbour's). */
function isolated(columns: { lon: readonly number[]; lat: readonly number[] }, i: number): boolean {
  for (let j = 0; j < columns.lon.length; j++) {
    if (j !== i && Math.abs(columns.lon[j]! - columns.lon[i]!) < 0.0003 && Math.abs(columns.lat[j]! - columns.lat[i]!) < 0.0003) return false
  }
  return true
}

const hex = (h: string): [number, number, number] => [1, 3, 5].map((k) => parseInt(h.slice(k, k + 2), 16)) as [number, number, number]
const near = (a: readonly number[], b: readonly number[], tolerance: number) => a.every((c, k) => Math.abs(c - b[k]!) <= tolerance)
