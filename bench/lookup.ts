import { booleanPointInPolygon } from '@turf/turf'
import type { Position } from 'geojson'
import type { Region, UnitGrid } from '../core/region/types.js'
import { createLocator, type Locator } from '../core/spatial/locator.js'
import { createRng } from '../gis-data/generator/prng.js'
import { msSince, perSecond } from './clock.js'

/** The parts of a city a point lookup needs. */
export interface LookupCity {
  readonly grids: readonly UnitGrid[]
  readonly regions: readonly Region[]
  /** [west, south, east, north] of all grids. */
  readonly bbox: readonly [number, number, number, number]
}

/** Options of {@link benchLookup}. */
export interface LookupOptions {
  /** Points the indexed locator answers, timed. */
  readonly points: number
  /** How many of the same points (the first ones) the brute-force scan answers; each costs a pass over the grids. */
  readonly brutePoints: number
  /** PRNG seed of the points, so every run asks the same questions. */
  readonly seed: number
}

/** A point the two lookups answered with different grids. */
export interface Disagreement {
  readonly lon: number
  readonly lat: number
  readonly indexed: string | undefined
  readonly brute: string | undefined
}

/** What {@link benchLookup} measured. */
export interface LookupResult {
  readonly grids: number
  readonly points: number
  readonly brutePoints: number
  /** Median of five locator builds, ms. */
  readonly buildMs: number
  /** `locate` answers (grid + community/street/district) per second. */
  readonly indexedRate: number
  /** Brute-force grid answers per second. */
  readonly bruteRate: number
  /** Share of the points inside some grid. */
  readonly inGridShare: number
  /** Share of the points that got a district, inside grids or between them. */
  readonly inDistrictShare: number
  /** Points on an edge shared by both answers' grids: the locator's smaller-id rule vs scan order. Not bugs. */
  readonly edgeTies: readonly Disagreement[]
  /** Disagreements no shared edge explains: the index answers wrongly. */
  readonly mismatches: readonly Disagreement[]
}

/**
 * Points as [lon0, lat0, lon1, lat1, …] from a mulberry32 stream: 80% in a random grid (where real
 * reports land) and 20% anywhere in the bbox (rivers, fields and gaps between districts, the slow path).
 */
export function samplePoints(city: LookupCity, count: number, seed: number): Float64Array {
  const rng = createRng(seed)
  const out = new Float64Array(count * 2)
  const [west, south, east, north] = city.bbox
  for (let i = 0; i < count; i++) {
    // Grids are lattice rectangles, so a point of the ring's box is a point of the grid.
    const [w, s, e, n] =
      rng.next() < 0.8 ? ringBox(rng.pick(city.grids).geometry.coordinates[0]!) : [west, south, east, north]
    out[2 * i] = w + rng.next() * (e - w)
    out[2 * i + 1] = s + rng.next() * (n - s)
  }
  return out
}

/**
 * Times `createLocator` + `locate` on seeded points against a scan of every grid with turf's
 * `booleanPointInPolygon`, on the same points, and checks that both name the same grid.
 */
export function benchLookup(city: LookupCity, options: LookupOptions): LookupResult {
  const points = samplePoints(city, options.points, options.seed)
  // The first builds pay for JIT and heap growth; the median is the cost a long-running server sees.
  const builds: number[] = []
  let locator: Locator | undefined
  for (let k = 0; k < 5; k++) {
    const start = process.hrtime.bigint()
    locator = createLocator(city)
    builds.push(msSince(start))
  }
  const index = locator!

  locateAll(index, points, Math.min(options.points, 100_000)) // warm-up: compile the hot path before timing
  let start = process.hrtime.bigint()
  const answered = locateAll(index, points, options.points)
  const indexedMs = msSince(start)

  const subset = Math.min(options.brutePoints, options.points)
  bruteAll(city.grids, points, Math.min(subset, 20))
  start = process.hrtime.bigint()
  const bruteIds = bruteAll(city.grids, points, subset)
  const bruteMs = msSince(start)

  const edgeTies: Disagreement[] = []
  const mismatches: Disagreement[] = []
  for (let i = 0; i < subset; i++) {
    const lon = points[2 * i]!
    const lat = points[2 * i + 1]!
    const indexed = index.gridAt(lon, lat)?.id
    const brute = bruteIds[i]
    if (indexed === brute) continue
    const d = { lon, lat, indexed, brute }
    ;(onSharedEdge(index, d) ? edgeTies : mismatches).push(d)
  }
  return {
    grids: city.grids.length,
    points: options.points,
    brutePoints: subset,
    buildMs: builds.sort((a, b) => a - b)[2]!,
    indexedRate: perSecond(options.points, indexedMs),
    bruteRate: perSecond(subset, bruteMs),
    inGridShare: answered.inGrid / options.points,
    inDistrictShare: answered.inDistrict / options.points,
    edgeTies,
    mismatches,
  }
}

// Counts the answers, so the work has a result the JIT cannot drop, and reads the district so the whole
// grid → community → street → district walk is part of what is timed.
function locateAll(locator: Locator, points: Float64Array, count: number) {
  let inGrid = 0
  let inDistrict = 0
  for (let i = 0; i < count; i++) {
    const where = locator.locate(points[2 * i]!, points[2 * i + 1]!)
    if (where.grid) inGrid++
    if (where.district) inDistrict++
  }
  return { inGrid, inDistrict }
}

// The naive lookup a first version would write: the first grid, in data order, whose polygon holds the point.
function bruteAll(grids: readonly UnitGrid[], points: Float64Array, count: number): (string | undefined)[] {
  const ids: (string | undefined)[] = []
  for (let i = 0; i < count; i++) {
    const point = [points[2 * i]!, points[2 * i + 1]!]
    ids.push(grids.find((g) => booleanPointInPolygon(point, g.geometry))?.id)
  }
  return ids
}

// A tie is excused only when the point is on the boundary of the scan's grid and also in the locator's grid.
function onSharedEdge(locator: Locator, d: Disagreement): boolean {
  const a = d.indexed === undefined ? undefined : locator.grid(d.indexed)
  const b = d.brute === undefined ? undefined : locator.grid(d.brute)
  if (!a || !b) return false
  const point = [d.lon, d.lat]
  return (
    booleanPointInPolygon(point, a.geometry) &&
    !booleanPointInPolygon(point, b.geometry, { ignoreBoundary: true })
  )
}

function ringBox(ring: readonly Position[]): [number, number, number, number] {
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
