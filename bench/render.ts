/**
 * Render bench: the workstation's map in headless Chromium against a bare OpenLayers WebGL page showing the
 * same components, in the same run, with the same scripted pan/zoom. Measures time to the first complete
 * map render and the frame times while the view moves; ratios travel between machines, absolute numbers
 * (SwiftShader here, a GPU on a real workstation) do not.
 *
 * - Subject: the workstation in browser mode (`workstationUrl`), whose local store already holds the city.
 *   It loads only the view through the bridge (points, or counts per cell when zoomed out).
 * - Baseline: renderer/bench/bare.html — every component in one WebGLVector layer with the same style, no
 *   bridge, no loading by view, no aggregation — served from the built renderer with the points as one
 *   binary file.
 *
 * Standalone on the demo city: `npx tsx bench/render.ts` (builds nothing: run `vite build --config
 * renderer/vite.config.ts` first). From bench/run.ts: `benchRender({ workstationUrl, components })` +
 * `renderMeasurements(result)`.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { COMPONENT_STATUSES, type Component } from '../core/component/types.js'
import { groupIndex, groupOf } from '../renderer/src/map/component-style.js'
import { launchChromium, type Browser } from '../renderer/e2e/harness.js'
import type { Measurement } from './report.js'
import { serveStatic } from './serve-static.js'

/** Options of {@link benchRender}. */
export interface RenderBenchOptions {
  /** The keyed address (WorkstationWeb.url) of a browser-mode workstation whose local store holds the city. */
  readonly workstationUrl: string
  /** The same city's components, for the baseline page. */
  readonly components: readonly Pick<Component, 'lon' | 'lat' | 'category' | 'status'>[]
  /** Label in the report, e.g. 'large'. */
  readonly label?: string
  /** The built renderer holding bench/bare.html; default renderer/dist. */
  readonly rendererDir?: string
  /** Page loads per side; the median is reported. Default 3. */
  readonly runs?: number
  readonly viewport?: { readonly width: number; readonly height: number }
  /** Longest wait for a page to settle after a move, ms. Default 60,000. */
  readonly settleLimitMs?: number
  readonly log?: (message: string) => void
}

/** Frame times while the view moves. */
export interface FrameStats {
  readonly frames: number
  readonly meanMs: number
  readonly p50Ms: number
  readonly p95Ms: number
  readonly maxMs: number
  /** Frames slower than 50 ms (below 20 fps), as a share of all frames. */
  readonly slowShare: number
}

/** What one page did. */
export interface PageRun {
  /** Navigation start → first complete render with the layers drawn, ms (median of the runs). */
  readonly firstRenderMs: number
  /** Frame times over the whole pan/zoom script (last run). */
  readonly frames: FrameStats
  /** After each move: until the layers were reloaded (workstation) and drawn, ms (median over the moves). */
  readonly settleMs: number
  /** JS heap of the page after the script, MB. */
  readonly heapMb: number
  /** Moves after which the page did not settle within the limit (their settle time counts as the limit). */
  readonly unsettled: number
}

/** Both pages on the same city. */
export interface RenderBenchResult {
  readonly label: string
  readonly components: number
  readonly workstation: PageRun
  readonly bare: PageRun
  readonly script: string
}

/**
 * The scripted pan/zoom, relative to the city: zoom in on its centre step by step (aggregates turn into
 * points on the workstation), pan around, dive to street level, pan there, and zoom back out.
 * `dz` = zoom change, `dx`/`dy` = pan as a share of the view width/height.
 */
const SCRIPT: readonly {
  readonly dz?: number
  readonly dx?: number
  readonly dy?: number
  readonly ms: number
}[] = [
  { dz: 1, ms: 500 },
  { dz: 1, ms: 500 },
  { dx: 0.3, ms: 500 },
  { dy: -0.3, ms: 500 },
  { dx: -0.3, ms: 500 },
  { dz: 1.5, ms: 700 },
  { dx: 0.25, ms: 500 },
  { dy: 0.25, ms: 500 },
  { dx: -0.4, ms: 600 },
  { dz: -3.5, ms: 900 },
]

function withoutKey(url: string): string {
  const u = new URL(url)
  u.searchParams.delete('key')
  return u.href
}

/** Runs the bench; resolves with both pages' figures. */
export async function benchRender(options: RenderBenchOptions): Promise<RenderBenchResult> {
  const log = options.log ?? ((m: string) => console.log(`[bench] ${m}`))
  const label = options.label ?? 'city'
  const runs = options.runs ?? 3
  const rendererDir = resolve(
    options.rendererDir ?? fileURLToPath(new URL('../renderer/dist/', import.meta.url)),
  )
  if (!existsSync(join(rendererDir, 'bench', 'bare.html'))) {
    throw new Error(
      `no ${join(rendererDir, 'bench', 'bare.html')}: build the renderer first (vite build --config renderer/vite.config.ts)`,
    )
  }
  const points = encodePoints(options.components)
  const server = await serveStatic(rendererDir, { '/points.bin': points })
  const address = server.address()
  const bareUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/bench/bare.html?points=/points.bin`
  const browser = await launchChromium(options.viewport ?? { width: 1600, height: 900 })
  try {
    log(`render ${label}: workstation, ${runs} loads`)
    const limit = options.settleLimitMs ?? 60_000
    const workstation = await measurePage(browser, options.workstationUrl, 'workstation', runs, limit, log)
    log(
      `render ${label}: bare OpenLayers page with all ${options.components.length.toLocaleString('en-US')} points, ${runs} loads`,
    )
    const bare = await measurePage(browser, bareUrl, 'bare', runs, limit, log)
    return {
      label,
      components: options.components.length,
      workstation,
      bare,
      script: `${SCRIPT.length} moves over ${(SCRIPT.reduce((a, s) => a + s.ms, 0) / 1000).toFixed(1)} s`,
    }
  } finally {
    await browser.close()
    await new Promise<void>((done) => server.close(() => done()))
  }
}

/** The bench's rows for the report table (ratio > 1: the workstation is faster / smoother). */
export function renderMeasurements(r: RenderBenchResult): Measurement[] {
  const lowerIsBetter = (
    name: string,
    subject: number,
    baseline: number,
    note: string,
    unit = 'ms',
  ): Measurement => ({
    name,
    subject: { value: subject, unit },
    baseline: { value: baseline, unit },
    ratio: baseline / subject,
    note,
  })
  const w = r.workstation
  const b = r.bare
  const pct = (x: number) => `${(x * 100).toFixed(0)} %`
  return [
    lowerIsBetter(
      `render first map ${r.label}`,
      w.firstRenderMs,
      b.firstRenderMs,
      `navigation → first complete render, median; ${r.components.toLocaleString('en-US')} components`,
    ),
    lowerIsBetter(
      `render pan/zoom frame p95 ${r.label}`,
      w.frames.p95Ms,
      b.frames.p95Ms,
      `${r.script}; mean ${w.frames.meanMs.toFixed(0)} vs ${b.frames.meanMs.toFixed(0)} ms, max ${w.frames.maxMs.toFixed(0)} vs ${b.frames.maxMs.toFixed(0)} ms, frames > 50 ms ${pct(w.frames.slowShare)} vs ${pct(b.frames.slowShare)}`,
    ),
    lowerIsBetter(
      `render settle after a move ${r.label}`,
      w.settleMs,
      b.settleMs,
      `animation end → layers loaded (workstation) and drawn, median over the moves${w.unsettled + b.unsettled ? `; not settled within the limit: ${w.unsettled} vs ${b.unsettled} moves` : ''}`,
    ),
    lowerIsBetter(
      `render page heap ${r.label}`,
      w.heapMb,
      b.heapMb,
      'JS heap of the page after the script',
      'MB',
    ),
  ]
}

// --------------------------------------------------------------------------------------------------------
// In the page. These functions are serialised by Playwright and run in Chromium; they see the page through
// the narrow shapes below (bench/ compiles without the DOM library).

interface PageView {
  getCenter(): number[] | undefined
  getZoom(): number | undefined
  getResolution(): number | undefined
  setCenter(center: number[]): void
  setZoom(zoom: number): void
  animate(options: { center?: number[]; zoom?: number; duration: number }, done: () => void): void
}
interface PageMap {
  getView(): PageView
  getSize(): number[] | undefined
  once(type: 'rendercomplete', listener: () => void): void
  render(): void
}
interface PageGlobals {
  cityloopMap?: { readonly map: PageMap }
  benchReady?: Promise<{ readonly firstRenderMs: number }>
  requestAnimationFrame(callback: (time: number) => void): number
  performance: { now(): number; memory?: { usedJSHeapSize: number } }
  document: { querySelector(selector: string): { dataset: Record<string, string | undefined> } | null }
  benchFrames?: number[]
  benchRecording?: boolean
}

async function measurePage(
  browser: Browser,
  url: string,
  kind: 'workstation' | 'bare',
  runs: number,
  limit: number,
  log: (m: string) => void,
): Promise<PageRun> {
  const firsts: number[] = []
  let last: Omit<PageRun, 'firstRenderMs'> | undefined
  // The workstation's keyed address is opened once (the host trades the key for a cookie and redirects);
  // the measured loads open it without the key, so no redirect is timed.
  const measured = kind === 'workstation' ? withoutKey(url) : url
  for (let run = 0; run < runs; run++) {
    const page = await browser.newPage()
    try {
      if (kind === 'workstation' && run === 0) {
        // The bench measures the map alone: no basemap (and no network).
        await page.goto(url)
        await page.evaluate(() =>
          (
            globalThis as unknown as { cityloop: { settings: { set(p: object): Promise<unknown> } } }
          ).cityloop.settings.set({ basemap: 'none' }),
        )
      }
      await page.goto(measured)
      const first = await firstRender(page, kind)
      firsts.push(first)
      log(`  ${kind} load ${run + 1}: first render ${first.toFixed(0)} ms`)
      if (run === runs - 1) {
        last = await runScript(page, kind, limit)
        log(
          `  ${kind} pan/zoom: ${last.frames.frames} frames, p95 ${last.frames.p95Ms.toFixed(0)} ms, settle ${last.settleMs.toFixed(0)} ms, ${last.unsettled} unsettled`,
        )
      }
    } finally {
      await page.close()
    }
  }
  return { firstRenderMs: median(firsts), ...last! }
}

async function firstRender(page: Page, kind: 'workstation' | 'bare'): Promise<number> {
  if (kind === 'bare') {
    await page.waitForFunction(() => (globalThis as unknown as PageGlobals).benchReady !== undefined, null, {
      timeout: 120_000,
    })
    const timings = await page.evaluate(() => (globalThis as unknown as PageGlobals).benchReady!)
    return timings.firstRenderMs
  }
  await page.waitForSelector('[data-testid=map][data-first-render]', { timeout: 120_000 })
  return Number(await page.getAttribute('[data-testid=map]', 'data-first-render'))
}

async function runScript(
  page: Page,
  kind: 'workstation' | 'bare',
  limit: number,
): Promise<Omit<PageRun, 'firstRenderMs'>> {
  // Both pages start from the same view: the city's centre at the zoom that shows all of it.
  await settle(page, kind, limit)
  await page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals
    g.benchFrames = []
    g.benchRecording = true
    let previous = g.performance.now()
    const tick = (now: number) => {
      if (!g.benchRecording) return
      g.benchFrames!.push(now - previous)
      previous = now
      g.requestAnimationFrame(tick)
    }
    g.requestAnimationFrame(tick)
  })
  const settles: number[] = []
  let unsettled = 0
  for (const step of SCRIPT) {
    // A page that cannot draw a frame within the limit would never end its animation: give up on the move.
    const moved = await page.evaluate(
      ({ step, limit }) =>
        new Promise<boolean>((done) => {
          const map = (globalThis as unknown as PageGlobals).cityloopMap!.map
          const view = map.getView()
          const size = map.getSize()!
          const resolution = view.getResolution()!
          const [x, y] = view.getCenter()!
          const center = [
            x! + (step.dx ?? 0) * size[0]! * resolution,
            y! + (step.dy ?? 0) * size[1]! * resolution,
          ]
          const timer = setTimeout(() => done(false), limit)
          view.animate({ center, zoom: view.getZoom()! + (step.dz ?? 0), duration: step.ms }, () => {
            clearTimeout(timer)
            done(true)
          })
        }),
      { step, limit },
    )
    if (!moved) {
      unsettled++
      continue
    }
    const started = Date.now()
    if (!(await settle(page, kind, limit))) unsettled++
    settles.push(Date.now() - started)
  }
  const frames = await page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals
    g.benchRecording = false
    return g.benchFrames!.slice(1)
  })
  const heap = await page.evaluate(
    () => (globalThis as unknown as PageGlobals).performance.memory?.usedJSHeapSize ?? 0,
  )
  return { frames: frameStats(frames), settleMs: median(settles), heapMb: heap / 2 ** 20, unsettled }
}

// Until the workstation has fetched the layers for the view (no `data-busy`) and the map drew a complete
// frame; false when that took longer than `limit` ms.
async function settle(page: Page, kind: 'workstation' | 'bare', limit: number): Promise<boolean> {
  const deadline = Date.now() + limit
  if (kind === 'workstation') {
    await page.waitForTimeout(80) // the map asks the bridge 60 ms after the view settles
    const loaded = await page
      .waitForFunction(
        () =>
          !(globalThis as unknown as PageGlobals).document.querySelector('[data-testid=map]')!.dataset.busy,
        null,
        { timeout: limit },
      )
      .then(() => true)
      .catch(() => false)
    if (!loaded) return false
  }
  return page.evaluate(
    (ms) =>
      new Promise<boolean>((done) => {
        const map = (globalThis as unknown as PageGlobals).cityloopMap!.map
        const timer = setTimeout(() => done(false), ms)
        map.once('rendercomplete', () => {
          clearTimeout(timer)
          done(true)
        })
        map.render()
      }),
    Math.max(1, deadline - Date.now()),
  )
}

// --------------------------------------------------------------------------------------------------------
// In Node.

function frameStats(frames: readonly number[]): FrameStats {
  const sorted = [...frames].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
  return {
    frames: frames.length,
    meanMs: frames.reduce((a, b) => a + b, 0) / Math.max(1, frames.length),
    p50Ms: at(0.5),
    p95Ms: at(0.95),
    maxMs: sorted[sorted.length - 1] ?? 0,
    slowShare: frames.filter((f) => f > 50).length / Math.max(1, frames.length),
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** The points file bare.html reads: uint32 n (padded to 8), float64 lon[n], float64 lat[n], uint8 group[n], uint8 status[n]. */
export function encodePoints(components: RenderBenchOptions['components']): Buffer {
  const n = components.length
  const buffer = Buffer.alloc(8 + 18 * n)
  buffer.writeUInt32LE(n, 0)
  const lon = new Float64Array(buffer.buffer, buffer.byteOffset + 8, n)
  const lat = new Float64Array(buffer.buffer, buffer.byteOffset + 8 + 8 * n, n)
  const group = new Uint8Array(buffer.buffer, buffer.byteOffset + 8 + 16 * n, n)
  const status = new Uint8Array(buffer.buffer, buffer.byteOffset + 8 + 17 * n, n)
  const groups = new Map<string, number>()
  components.forEach((c, i) => {
    lon[i] = c.lon
    lat[i] = c.lat
    let g = groups.get(c.category)
    if (g === undefined) groups.set(c.category, (g = groupIndex(groupOf(c.category))))
    group[i] = g
    status[i] = Math.max(0, COMPONENT_STATUSES.indexOf(c.status))
  })
  return buffer
}

// Standalone: the demo city in an embedded workstation.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { mkdtempSync, rmSync } = await import('node:fs')
  const { tmpdir } = await import('node:os')
  const { loadDemoCity } = await import('../gis-data/demo-city.js')
  const { startWorkstationWeb } = await import('../main/host/web-host.js')
  const { formatReport, machineInfo } = await import('./report.js')
  const dataDir = mkdtempSync(join(tmpdir(), 'cityloop-bench-render-'))
  const started = Date.now()
  const web = await startWorkstationWeb({ dataDir, port: 0, syncIntervalMs: 0 })
  try {
    const city = loadDemoCity()
    const result = await benchRender({ workstationUrl: web.url, components: city.components, label: 'demo' })
    console.log(
      '\n' +
        formatReport({
          startedAt: new Date(started).toISOString(),
          totalSeconds: (Date.now() - started) / 1000,
          machine: machineInfo(),
          measurements: renderMeasurements(result),
        }),
    )
  } finally {
    await web.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
