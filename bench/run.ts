/**
 * `npm run bench` — speed ratios against baselines measured in the same run on the same data, because
 * these machines are too noisy for absolute goals. Lookup: the spatial locator vs a turf scan of every
 * grid. Import: `importComponents` vs a raw multi-row INSERT, on PGlite and (when a URL is set) PostgreSQL.
 * Exits non-zero when a check fails: a fast wrong answer is worthless.
 *
 * Environment: BENCH_POINTS (lookup points, default 1,000,000), BENCH_COMPONENTS (import rows, default
 * 100,000), BENCH_DATABASE_URL / TEST_DATABASE_URL / DATABASE_URL (first one set is used for PostgreSQL),
 * BENCH_ONLY (comma-separated sections: lookup, import, polygon, cases, sync, render, case-sync; default all), BENCH_RENDER=0 (skip the
 * Chromium render bench on the large city), BENCH_ONLY=heatmap / BENCH_HEATMAP=1 / --heatmap (the case heatmap
 * bench, bench/heatmap.ts; not run by default), BENCH_HEATMAP_CASES (default 1,000,000), BENCH_CASE_CHANGES (case sync bench, default 1,000,000),
 * BENCH_POLYGON_VERTICES (the polygon check's large ring, default 400,000), BENCH_POLYGON_KINKS_VERTICES (turf kinks' ring, default 5,000).
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateCity, SCALES, type CityScale } from '../gis-data/generator/index.js'
import { silentLog } from '../main/log.js'
import { ensureRendererBuilt } from '../main/host/renderer-build.js'
import { startWorkstationWeb } from '../main/host/web-host.js'
import { msSince, progress } from './clock.js'
import { benchImport, openBenchDatabase, type Backend } from './import.js'
import { benchLookup, type Disagreement } from './lookup.js'
import { benchCases, caseMeasurements } from './cases.js'
import { benchSync, syncMeasurements, type SyncedCity } from './sync.js'
import { benchCaseSync, caseSyncMeasurements } from './case-sync.js'
import { benchRender, renderMeasurements } from './render.js'
import { benchHeatmap, heatmapMeasurements } from './heatmap.js'
import { benchPolygon, polygonMeasurements } from './polygon.js'
import {
  formatReport,
  machineInfo,
  versus,
  writeReport,
  type BenchReport,
  type Measurement,
} from './report.js'

const POINTS = envCount('BENCH_POINTS', 1_000_000)
const COMPONENTS = envCount('BENCH_COMPONENTS', 100_000)
const POINT_SEED = 0x5eed

// The brute-force subsets keep each scan to a few seconds: its cost grows with grids × points.
const LOOKUP_CITIES: readonly {
  readonly label: string
  readonly scale: CityScale
  readonly brutePoints: number
}[] = [
  { label: 'demo', scale: 'demo', brutePoints: 2_000 },
  // Lookup needs only grids and regions; a million components would cost a minute to generate for nothing.
  { label: 'large', scale: { targetGrids: SCALES.large.targetGrids, components: 0 }, brutePoints: 300 },
]

const startedAt = new Date().toISOString()
const start = process.hrtime.bigint()
const measurements: Measurement[] = []

// BENCH_ONLY=sync,render (comma-separated sections) runs a part; default everything.
const ONLY = process.env.BENCH_ONLY?.split(',')
  .map((s) => s.trim())
  .filter(Boolean)
const runs = (section: string) => !ONLY || ONLY.includes(section)

try {
  if (runs('lookup')) await lookupBenchmarks()
  if (runs('import')) await importBenchmarks()
  // The import's polygon self-intersection check: a sweep line on 400,000 corners vs turf kinks on 5,000.
  if (runs('polygon')) {
    measurements.push(
      ...polygonMeasurements(
        await benchPolygon({
          vertices: envCount('BENCH_POLYGON_VERTICES', 400_000),
          smallVertices: envCount('BENCH_POLYGON_KINKS_VERTICES', 5_000),
          log: progress,
        }),
      ),
    )
  }
  if (runs('cases')) await caseBenchmarks()
  // The workstation's first sync of the 1,000,000-component city into sql.js, and its memory at rest; then the
  // map on that city in headless Chromium against a bare OpenLayers WebGL page (BENCH_RENDER=0 skips it).
  const render = process.env.BENCH_RENDER !== '0' && runs('render')
  if (runs('sync') || render) {
    measurements.push(
      ...syncMeasurements(
        await benchSync({ log: progress, ...(render ? { afterSync: renderBenchmarks } : {}) }),
        'large',
      ),
    )
  }
  // The workstation's case stream: 1,000,000 case changes through the page-apply path vs a raw sql.js insert.
  if (runs('case-sync'))
    measurements.push(
      ...caseSyncMeasurements(
        await benchCaseSync({ changes: envCount('BENCH_CASE_CHANGES', 1_000_000), log: progress }),
      ),
    )
  // The case heatmap against a bare OpenLayers page: minutes in SwiftShader, so only when asked.
  if (ONLY?.includes('heatmap') || process.env.BENCH_HEATMAP === '1' || process.argv.includes('--heatmap'))
    await heatmapBenchmarks()
  else
    measurements.push({
      name: 'heatmap filter → frame',
      note: 'skipped: BENCH_ONLY=heatmap, BENCH_HEATMAP=1 or --heatmap runs it (~15 min)',
    })
  const report = finish()
  console.log('\n' + formatReport(report))
  console.log(`\nwritten ${writeReport(report)}`)
} catch (error) {
  if (measurements.length > 0) console.error('\n' + formatReport(finish()))
  console.error(`\n[bench] FAILED: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
}

async function lookupBenchmarks(): Promise<void> {
  for (const { label, scale, brutePoints } of LOOKUP_CITIES) {
    progress(`lookup ${label}: generating the city`)
    const city = generateCity({ scale })
    const grids = city.grids.length.toLocaleString('en-US')
    progress(
      `lookup ${label}: ${grids} grids; ${count(POINTS)} indexed points, ${count(brutePoints)} brute-force`,
    )
    const r = benchLookup(
      { grids: city.grids, regions: city.regions, bbox: city.meta.bbox },
      { points: POINTS, brutePoints, seed: POINT_SEED },
    )
    // The indexed side answers grid + community/street/district, the brute side only the grid: a ratio in the scan's favour.
    measurements.push(
      versus(
        `lookup ${label} (${grids} grids)`,
        { value: r.indexedRate, unit: 'points/s' },
        { value: r.bruteRate, unit: 'points/s' },
        `${count(r.points)} vs ${count(r.brutePoints)} points; ${percent(r.inGridShare)} in a grid, ${percent(r.inDistrictShare)} in a district`,
      ),
      {
        name: `index build ${label}`,
        subject: { value: r.buildMs, unit: 'ms' },
        note: 'createLocator, median of 5',
      },
    )
    progress(
      `lookup ${label}: ${r.edgeTies.length} edge ties, ${r.mismatches.length} mismatches in ${count(r.brutePoints)} checked points`,
    )
    r.edgeTies.forEach((d) => progress(`  edge tie ${describe(d)}`))
    if (r.mismatches.length > 0) {
      r.mismatches.slice(0, 20).forEach((d) => console.error(`[bench]   MISMATCH ${describe(d)}`))
      throw new Error(
        `lookup ${label}: the locator and the brute-force scan disagree on ${r.mismatches.length} points`,
      )
    }
  }
}

async function importBenchmarks(): Promise<void> {
  progress(
    `import: generating a ${count(SCALES.demo.targetGrids)}-grid city with ${count(COMPONENTS)} components`,
  )
  const city = generateCity({ scale: { targetGrids: SCALES.demo.targetGrids, components: COMPONENTS } })
  const backends: Backend[] = [{ name: 'pglite' }]
  const urlVar = ['BENCH_DATABASE_URL', 'TEST_DATABASE_URL', 'DATABASE_URL'].find((name) => process.env[name])
  if (urlVar) backends.push({ name: 'postgres', url: process.env[urlVar]! })
  for (const backend of backends) {
    progress(
      `import ${backend.name}: opening${urlVar && backend.name === 'postgres' ? ` (${urlVar})` : ''}, migrating, seeding reference data`,
    )
    const open = await openBenchDatabase(backend)
    try {
      const r = await benchImport(open, city, progress)
      measurements.push(
        versus(
          `import ${backend.name}`,
          { value: r.importRate, unit: 'rows/s' },
          { value: r.rawRate, unit: 'rows/s' },
          `${count(r.rows)} rows: import ${(r.importMs / 1000).toFixed(1)} s, raw INSERT ${(r.rawMs / 1000).toFixed(1)} s`,
        ),
      )
    } finally {
      await open.close()
    }
  }
  if (!urlVar) {
    const reason = 'skipped: none of BENCH_DATABASE_URL, TEST_DATABASE_URL, DATABASE_URL is set'
    progress(`import postgres ${reason}`)
    measurements.push({ name: 'import postgres', note: reason })
  }
}

// The map on the large city, from the store the sync bench just filled: the workstation reads it offline (its
// central URL points nowhere), so only rendering and the bridge's layer queries are measured.
async function renderBenchmarks(synced: SyncedCity): Promise<void> {
  if (!ensureRendererBuilt(progress)) throw new Error('the renderer does not build')
  const dataDir = mkdtempSync(join(tmpdir(), 'cityloop-bench-render-'))
  copyFileSync(synced.file, join(dataDir, 'cityloop.sqlite'))
  const web = await startWorkstationWeb({
    dataDir,
    port: 0,
    syncIntervalMs: 0,
    centralUrl: 'http://127.0.0.1:9',
    log: silentLog,
  })
  try {
    progress(`render large: workstation at ${web.url}`)
    const result = await benchRender({
      workstationUrl: web.url,
      components: synced.components,
      label: 'large',
      log: progress,
    })
    measurements.push(...renderMeasurements(result))
  } finally {
    await web.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

// The case heatmap in headless Chromium against a bare OpenLayers page (issue 5's goal: a filter change or
// playback step recomputes in < 200 ms for 1,000,000 cases). The bare page needs minutes to draw a million
// kernels in SwiftShader, so it runs only when asked.
async function heatmapBenchmarks(): Promise<void> {
  if (!ensureRendererBuilt(progress)) throw new Error('the renderer does not build')
  const cases = envCount('BENCH_HEATMAP_CASES', 1_000_000)
  measurements.push(...heatmapMeasurements(await benchHeatmap({ cases, log: progress })))
}

function finish(): BenchReport {
  return { startedAt, totalSeconds: msSince(start) / 1000, machine: machineInfo(), measurements }
}

// A typo in a size should stop the run, not quietly fall back to the default.
// Case intake and actions through HTTP, against a raw single-row insert ceiling (issue 4's goal: ≥ 0.5).
async function caseBenchmarks(): Promise<void> {
  const url = ['BENCH_DATABASE_URL', 'TEST_DATABASE_URL', 'DATABASE_URL']
    .map((n) => process.env[n])
    .find(Boolean)
  if (!url) {
    measurements.push({ name: 'case intake postgres (HTTP)', note: 'skipped: no PostgreSQL URL' })
    return
  }
  measurements.push(
    ...caseMeasurements(await benchCases({ url, cases: envCount('BENCH_CASES', 2_000), log: progress })),
  )
}

function envCount(name: string, fallback: number): number {
  const text = process.env[name]
  if (text === undefined || text === '') return fallback
  const value = Number(text.replace(/_/g, ''))
  if (!Number.isSafeInteger(value) || value < 1)
    throw new Error(`${name} must be a positive integer, got "${text}"`)
  return value
}

function count(n: number): string {
  return n.toLocaleString('en-US')
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`
}

function describe(d: Disagreement): string {
  return `at ${d.lon},${d.lat}: locator ${d.indexed ?? 'none'}, scan ${d.brute ?? 'none'}`
}
