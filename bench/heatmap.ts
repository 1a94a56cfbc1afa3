/**
 * Heatmap recompute bench (issue 5): how long a filter change takes to reach the screen on the case
 * heatmap, CityLoop's way against a bare OpenLayers page, in headless Chromium on the same 1,000,000
 * synthetic cases.
 *
 * - Subject: renderer/bench/heatmap.html?side=cityloop — CaseHeatmap (renderer/src/cases/map/): a change is
 *   one pass over the typed columns (the selection CaseLayers also counts from), the matching cases binned
 *   on cells of a few pixels, and the heatmap's source replaced by the cells.
 * - Baseline: the same page with ?side=bare — ol/layer/Heatmap over ol/Feature + Point, rebuilding its source
 *   with the matching cases on each change.
 * Each change is timed from the call to the next complete frame (rendercomplete, then a pixel read that waits
 * for the GPU) and, separately, to the new features being in the source (the CPU part, "recompute"): a phase
 * filter, then a 7-day playback window on top of it, five times with different phases and weeks; medians are
 * reported, and the ratio is baseline / subject (> 1: CityLoop is faster). Absolute frame times in
 * SwiftShader are seconds (it fills ~10 M heat-kernel pixels a second); a GPU does the same in milliseconds.
 *
 * The cases are clustered the way complaints are: most around a couple of hundred hot spots (markets,
 * schools, old estates) with Zipf weights, the rest spread over the demo city's unit grids; created over
 * 90 days with weekday and daytime peaks; phases by age (old cases closed), lights on open cases, 0.4 %
 * safety hazards.
 *
 * Standalone: `npx tsx bench/heatmap.ts [--cases 1000000] [--runs 5]` (run `vite build --config
 * renderer/vite.config.ts` first). From bench/run.ts: `benchHeatmap()` + `heatmapMeasurements(result)`.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { CASE_PHASES, type CasePhase } from '../core/case/phase.js'
import type { UnitGrid } from '../core/region/types.js'
import { launchChromium } from '../renderer/e2e/harness.js'
import type { Measurement } from './report.js'
import { serveStatic } from './serve-static.js'

/** 2026-04-01 00:00 in China (UTC+8, no DST): the synthetic data ends here; windows end on such midnights. */
export const SYNTHETIC_END = Date.UTC(2026, 2, 31, 16)
const DAY = 86_400_000

/** Synthetic cases as typed columns (the layout of renderer/bench/cases-file.ts). */
export interface SyntheticCases {
  readonly n: number
  readonly createdAt: Float64Array
  readonly lon: Float64Array
  readonly lat: Float64Array
  readonly onSiteDeadline: Float64Array
  readonly grid: Int32Array
  readonly phase: Uint8Array
  readonly light: Uint8Array
  readonly hazard: Uint8Array
  /** Grid id of each `grid` index. */
  readonly gridIds: readonly string[]
}

/** Options of {@link generateCases}. */
export interface GenerateCasesOptions {
  readonly n: number
  readonly grids: readonly Pick<UnitGrid, 'id' | 'geometry'>[]
  readonly seed?: number
  /** Epoch ms the data ends at; default {@link SYNTHETIC_END}. */
  readonly end?: number
  readonly days?: number
}

/** Realistically clustered synthetic cases over a city's grids (deterministic for a seed). */
export function generateCases(options: GenerateCasesOptions): SyntheticCases {
  const { n, grids } = options
  if (!grids.length) throw new Error('generateCases: no grids')
  const random = mulberry32(options.seed ?? 0xc45e)
  const end = options.end ?? SYNTHETIC_END
  const days = options.days ?? 90
  const boxes = grids.map((g) => ringBox(g.geometry.coordinates[0]!))
  const hotspots = Array.from({ length: 220 }, (_, k) => {
    const g = Math.floor(random() * grids.length)
    const [w, s, e, nn] = boxes[g]!
    return { grid: g, lon: (w + e) / 2, lat: (s + nn) / 2, sigma: 0.0007 + random() * 0.0035, weight: 1 / (k + 1) ** 0.9 }
  })
  const cumulative: number[] = []
  hotspots.reduce((sum, h) => (cumulative.push(sum + h.weight), sum + h.weight), 0)
  const totalWeight = cumulative[cumulative.length - 1]!
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())

  const out = {
    n,
    createdAt: new Float64Array(n),
    lon: new Float64Array(n),
    lat: new Float64Array(n),
    onSiteDeadline: new Float64Array(n),
    grid: new Int32Array(n),
    phase: new Uint8Array(n),
    light: new Uint8Array(n),
    hazard: new Uint8Array(n),
    gridIds: grids.map((g) => g.id),
  }
  const phaseIndex = (p: CasePhase) => CASE_PHASES.indexOf(p)
  for (let i = 0; i < n; i++) {
    // Where: a hot spot (65 %), else anywhere in a random grid.
    if (random() < 0.65) {
      const pick = random() * totalWeight
      let lo = 0
      let hi = cumulative.length - 1
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (cumulative[mid]! < pick) lo = mid + 1
        else hi = mid
      }
      const h = hotspots[lo]!
      out.lon[i] = h.lon + gaussian() * h.sigma * 1.18
      out.lat[i] = h.lat + gaussian() * h.sigma
      out.grid[i] = h.grid
    } else {
      const g = Math.floor(random() * grids.length)
      const [w, s, e, nn] = boxes[g]!
      out.lon[i] = w + random() * (e - w)
      out.lat[i] = s + random() * (nn - s)
      out.grid[i] = g
    }
    // When: 90 days, more on weekdays, most between 8:00 and 18:00 (China time), slowly rising.
    let day: number
    do day = Math.floor(Math.sqrt(random()) * days)
    while (isWeekend(end - (days - day) * DAY) && random() < 0.45)
    const hour = random() < 0.8 ? 8 + random() * 10 : random() * 24
    const created = end - (days - day) * DAY + hour * 3_600_000
    out.createdAt[i] = Math.min(end - 60_000, created)
    // What state: old cases are mostly closed; recent ones spread along the loop.
    const age = (end - created) / DAY
    const r = random()
    let phase: CasePhase
    if (r < Math.min(0.86, age / 14)) phase = random() < 0.93 ? 'closed' : 'ended'
    else {
      const open = random()
      phase = open < 0.12 ? 'intake' : open < 0.22 ? 'registered' : open < 0.4 ? 'dispatched' : open < 0.85 ? 'handling' : 'checking'
    }
    out.phase[i] = phaseIndex(phase)
    const isOpen = phase !== 'closed' && phase !== 'ended'
    const l = random()
    out.light[i] = isOpen ? (l < 0.7 ? 1 : l < 0.87 ? 2 : 3) : 0
    if (random() < 0.004) {
      out.hazard[i] = 1
      // A hazard not yet on site counts down to its 到场 deadline (two hours after intake here).
      if (isOpen && age < 3) out.onSiteDeadline[i] = out.createdAt[i]! + 2 * 3_600_000
    }
  }
  return out
}

/** The cases file renderer/bench/cases-file.ts reads. */
export function encodeCases(c: SyntheticCases): Buffer {
  const n = c.n
  const buffer = Buffer.alloc(8 + 36 * n + 3 * n)
  buffer.writeUInt32LE(n, 0)
  let at = 8
  for (const column of [c.createdAt, c.lon, c.lat, c.onSiteDeadline]) {
    new Float64Array(buffer.buffer, buffer.byteOffset + at, n).set(column)
    at += 8 * n
  }
  new Int32Array(buffer.buffer, buffer.byteOffset + at, n).set(c.grid)
  at += 4 * n
  for (const column of [c.phase, c.light, c.hazard]) {
    buffer.set(column, at)
    at += n
  }
  return buffer
}

/** Options of {@link benchHeatmap}. */
export interface HeatmapBenchOptions {
  /** Synthetic cases; default 1,000,000. */
  readonly cases?: number
  /** Measured changes of each kind per side; default 5. */
  readonly runs?: number
  /** The built renderer holding bench/heatmap.html; default renderer/dist. */
  readonly rendererDir?: string
  readonly viewport?: { readonly width: number; readonly height: number }
  readonly log?: (message: string) => void
}

/** One side's figures. */
export interface HeatmapSide {
  /** Data in hand → first complete frame with every case. */
  readonly loadMs: number
  /** Per change: ms to the next drawn frame. */
  readonly phaseMs: readonly number[]
  readonly windowMs: readonly number[]
  /** Per change: ms to the new features in the source (CPU). */
  readonly phaseRecomputeMs: readonly number[]
  readonly windowRecomputeMs: readonly number[]
  /** Cases shown after each change (both sides must agree). */
  readonly shown: readonly number[]
}

/** Both sides on the same cases. */
export interface HeatmapBenchResult {
  readonly cases: number
  readonly cityloop: HeatmapSide
  readonly bare: HeatmapSide
}

/** Phase sets the bench steps through (typical desk filters). */
const PHASE_STEPS: readonly (readonly CasePhase[])[] = [
  ['handling'],
  ['dispatched', 'handling'],
  ['intake', 'registered', 'dispatched'],
  ['closed'],
  ['handling', 'checking'],
]

/** Runs the bench; resolves with both sides' figures. Throws when the sides disagree on what they show. */
export async function benchHeatmap(options: HeatmapBenchOptions = {}): Promise<HeatmapBenchResult> {
  const log = options.log ?? ((m: string) => console.log(`[bench] ${m}`))
  const n = options.cases ?? 1_000_000
  const runs = options.runs ?? 5
  const rendererDir = resolve(options.rendererDir ?? fileURLToPath(new URL('../renderer/dist/', import.meta.url)))
  if (!existsSync(join(rendererDir, 'bench', 'heatmap.html'))) {
    throw new Error(`no ${join(rendererDir, 'bench', 'heatmap.html')}: build the renderer first (vite build --config renderer/vite.config.ts)`)
  }
  const { loadDemoCity } = await import('../gis-data/demo-city.js')
  log(`heatmap: generating ${n.toLocaleString('en-US')} synthetic cases over the demo city`)
  const cases = generateCases({ n, grids: loadDemoCity().grids })
  const server = await serveStatic(rendererDir, { '/cases.bin': encodeCases(cases) })
  const address = server.address()
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/bench/heatmap.html?cases=/cases.bin`
  const browser = await launchChromium(options.viewport ?? { width: 1600, height: 900 })
  try {
    const steps = benchSteps(runs)
    const side = async (name: 'cityloop' | 'bare'): Promise<HeatmapSide> => {
      const page = await browser.newPage()
      try {
        page.on('pageerror', (error) => log(`  ${name} page error: ${error.message}`))
        await page.goto(`${base}&side=${name}`)
        const ready = await readyOf(page)
        log(`  ${name}: ${ready.n.toLocaleString('en-US')} cases drawn in ${ready.loadMs.toFixed(0)} ms`)
        // One unmeasured change first: shader compilation and first-use costs are not a filter's.
        await change(page, { phases: ['ended'] })
        const phaseMs: number[] = []
        const windowMs: number[] = []
        const phaseRecomputeMs: number[] = []
        const windowRecomputeMs: number[] = []
        const shown: number[] = []
        for (const step of steps) {
          const r = await change(page, step)
          ;(step.window ? windowMs : phaseMs).push(r.ms)
          ;(step.window ? windowRecomputeMs : phaseRecomputeMs).push(r.recomputeMs)
          shown.push(r.shown)
          log(`  ${name}: ${describeStep(step)} → ${r.shown.toLocaleString('en-US')} cases, recompute ${r.recomputeMs.toFixed(0)} ms, frame ${r.ms.toFixed(0)} ms`)
        }
        return { loadMs: ready.loadMs, phaseMs, windowMs, phaseRecomputeMs, windowRecomputeMs, shown }
      } finally {
        await page.close()
      }
    }
    log(`heatmap: CityLoop's CaseHeatmap (binned cells), ${steps.length} changes`)
    const cityloop = await side('cityloop')
    log(`heatmap: bare OpenLayers Heatmap (source rebuilt per change), ${steps.length} changes`)
    const bare = await side('bare')
    if (cityloop.shown.join() !== bare.shown.join()) {
      throw new Error(`heatmap: the pages disagree on the cases shown: ${cityloop.shown.join()} vs ${bare.shown.join()}`)
    }
    return { cases: n, cityloop, bare }
  } finally {
    await browser.close()
    await new Promise<void>((done) => server.close(() => done()))
  }
}

/** The bench's rows for the report table (ratio > 1: CityLoop is faster). */
export function heatmapMeasurements(r: HeatmapBenchResult): Measurement[] {
  const row = (name: string, subject: readonly number[], baseline: readonly number[], note: string): Measurement => {
    const s = median(subject)
    const b = median(baseline)
    return { name, subject: { value: s, unit: 'ms' }, baseline: { value: b, unit: 'ms' }, ratio: b / s, note }
  }
  const cases = r.cases.toLocaleString('en-US')
  const spread = (xs: readonly number[]) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)} ms`
  return [
    row(
      'heatmap phase filter → frame',
      r.cityloop.phaseMs,
      r.bare.phaseMs,
      `${cases} cases, median of ${r.cityloop.phaseMs.length}; binned ${spread(r.cityloop.phaseMs)} vs rebuild ${spread(r.bare.phaseMs)}`,
    ),
    row(
      'heatmap phase filter → features (CPU)',
      r.cityloop.phaseRecomputeMs,
      r.bare.phaseRecomputeMs,
      `selection + bins + source vs ol/Feature per match + source (buffers are built after, in OpenLayers' worker)`,
    ),
    row(
      'heatmap 7-day playback step → frame',
      r.cityloop.windowMs,
      r.bare.windowMs,
      `${cases} cases, median of ${r.cityloop.windowMs.length}; binned ${spread(r.cityloop.windowMs)} vs rebuild ${spread(r.bare.windowMs)}`,
    ),
    row('heatmap 7-day playback step → features (CPU)', r.cityloop.windowRecomputeMs, r.bare.windowRecomputeMs, 'as above'),
    row('heatmap load → first frame', [r.cityloop.loadMs], [r.bare.loadMs], `${cases} cases: columns + bins vs ol/Feature + Point for every case`),
  ]
}

/** The measured changes: per run a phase filter, then a 7-day window on top of it (a different week each run). */
export function benchSteps(runs: number): { readonly phases: readonly CasePhase[]; readonly window: { from: number; to: number } | null }[] {
  const steps: { phases: readonly CasePhase[]; window: { from: number; to: number } | null }[] = []
  for (let k = 0; k < runs; k++) {
    const phases = PHASE_STEPS[k % PHASE_STEPS.length]!
    const to = SYNTHETIC_END - k * 9 * DAY
    steps.push({ phases, window: null }, { phases, window: { from: to - 7 * DAY, to } })
  }
  return steps
}

function describeStep(step: { readonly phases: readonly CasePhase[]; readonly window: { from: number; to: number } | null }): string {
  const days = (t: number) => new Date(t + 8 * 3_600_000).toISOString().slice(5, 10)
  return `${step.phases.join('+')}${step.window ? ` in ${days(step.window.from)}..${days(step.window.to - 1)}` : ''}`
}

// --------------------------------------------------------------------------------------------------------
// In the page (serialised by Playwright; bench/ compiles without the DOM library).

interface PageBench {
  heatmapBench?: {
    ready: Promise<{ n: number; loadMs: number }>
    change(step: object): Promise<{ ms: number; recomputeMs: number; shown: number }>
  }
}

async function readyOf(page: Page): Promise<{ n: number; loadMs: number }> {
  await page.waitForFunction(() => (globalThis as unknown as PageBench).heatmapBench !== undefined, null, { timeout: 60_000 })
  return page.evaluate(() => (globalThis as unknown as PageBench).heatmapBench!.ready)
}

function change(page: Page, step: object): Promise<{ ms: number; recomputeMs: number; shown: number }> {
  return page.evaluate((s) => (globalThis as unknown as PageBench).heatmapBench!.change(s), step)
}

// --------------------------------------------------------------------------------------------------------
// In Node.

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function ringBox(ring: readonly (readonly number[])[]): [number, number, number, number] {
  let w = Infinity
  let s = Infinity
  let e = -Infinity
  let n = -Infinity
  for (const [x, y] of ring) {
    w = Math.min(w, x!)
    e = Math.max(e, x!)
    s = Math.min(s, y!)
    n = Math.max(n, y!)
  }
  return [w, s, e, n]
}

function isWeekend(t: number): boolean {
  const day = new Date(t + 8 * 3_600_000).getUTCDay()
  return day === 0 || day === 6
}

// Standalone.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { formatReport, machineInfo } = await import('./report.js')
  const arg = (name: string) => {
    const at = process.argv.indexOf(name)
    return at >= 0 ? Number(process.argv[at + 1]?.replace(/_/g, '')) : undefined
  }
  const started = Date.now()
  const result = await benchHeatmap({ cases: arg('--cases') ?? 1_000_000, runs: arg('--runs') ?? 5 })
  console.log(
    '\n' +
      formatReport({
        startedAt: new Date(started).toISOString(),
        totalSeconds: (Date.now() - started) / 1000,
        machine: machineInfo(),
        measurements: heatmapMeasurements(result),
      }),
  )
}
