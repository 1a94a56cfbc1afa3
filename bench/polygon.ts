import { kinks } from '@turf/turf'
import type { Position } from 'geojson'
import { checkPolygon } from '../core/geo/polygon-check.js'
import { timed, perSecond } from './clock.js'
import { versus, type Measurement } from './report.js'

/** What {@link benchPolygon} measured. */
export interface PolygonResult {
  readonly vertices: number
  /** checkPolygon on the large boundary (sweep line), ms. */
  readonly sweepMs: number
  readonly smallVertices: number
  /** checkPolygon on the small boundary, ms (median of 5 after a warm-up). */
  readonly smallSweepMs: number
  /** turf `kinks` (every pair of edges, the check before) on the small boundary, ms (median of 5 after a warm-up). */
  readonly kinksMs: number
}

/**
 * 面自相交检查 — the import's polygon check (core/geo/polygon-check.ts, a sweep line) on a valid boundary
 * of `vertices` corners, against turf `kinks` on `smallVertices` (quadratic: at 400,000 it ran past 180 s).
 * Throws when either finds a crossing in the valid ring, or the sweep misses the one put into a copy.
 */
export async function benchPolygon(options: {
  readonly vertices: number
  readonly smallVertices: number
  readonly log: (m: string) => void
}): Promise<PolygonResult> {
  const { vertices, smallVertices, log } = options
  const small = wobblyRing(smallVertices)
  // One run to warm the JIT, then the median of 5: single runs of tens of ms swing widely on a shared machine.
  const median = async (work: () => unknown) => {
    work()
    const runs: number[] = []
    for (let i = 0; i < 5; i++) runs.push((await timed(work)).ms)
    return runs.sort((a, b) => a - b)[2]!
  }
  log(`polygon: ${smallVertices.toLocaleString('en-US')} corners, sweep line vs turf kinks`)
  const smallSweepMs = await median(() =>
    expectValid(checkPolygon([small], 'g', 'CGCS2000').ok, 'sweep', smallVertices),
  )
  const kinksMs = await median(() =>
    expectValid(
      kinks({ type: 'Polygon', coordinates: [small] }).features.length === 0,
      'kinks',
      smallVertices,
    ),
  )

  log(`polygon: ${vertices.toLocaleString('en-US')} corners, sweep line`)
  const large = wobblyRing(vertices)
  const sweep = await timed(() => checkPolygon([large], 'g', 'CGCS2000'))
  expectValid(sweep.value.ok, 'sweep', vertices)
  // The same boundary with one corner pulled across the far side: the check must name a crossing.
  const kinked = large.map((p, k) => (k === Math.floor(vertices / 4) ? [119.92, 32.45 - 0.06] : p))
  const found = checkPolygon([kinked], 'g', 'CGCS2000')
  if (found.ok || !/cross themselves or each other at \[/.test(found.error[0]?.message ?? '')) {
    throw new Error(`polygon: the sweep missed the crossing in a ${vertices}-corner ring`)
  }
  return { vertices, sweepMs: sweep.ms, smallVertices, smallSweepMs, kinksMs }
}

/** The bench rows: the large check against kinks on the small ring (rates), and both on the small ring. */
export function polygonMeasurements(r: PolygonResult): Measurement[] {
  const n = (v: number) => v.toLocaleString('en-US')
  // kinks compares every pair of edges: its time grows with the square of the corners.
  const kinksAtLarge = (r.kinksMs * (r.vertices / r.smallVertices) ** 2) / 1000
  return [
    versus(
      `polygon check ${n(r.vertices)} corners`,
      { value: perSecond(r.vertices, r.sweepMs), unit: 'corners/s' },
      { value: perSecond(r.smallVertices, r.kinksMs), unit: 'corners/s' },
      `sweep line ${(r.sweepMs / 1000).toFixed(1)} s at ${n(r.vertices)}; turf kinks at ${n(r.smallVertices)} (${r.kinksMs.toFixed(0)} ms, quadratic: ~${kinksAtLarge.toFixed(0)} s at ${n(r.vertices)})`,
    ),
    versus(
      `polygon check ${n(r.smallVertices)} corners`,
      { value: r.smallSweepMs, unit: 'ms' },
      { value: r.kinksMs, unit: 'ms' },
      'same ring, median of 5: sweep line vs turf kinks (ratio < 1: the sweep takes that share of the time)',
    ),
  ]
}

/** A valid ring of `n` corners: a circle around the demo city with a fine wobble (many short edges, none crossing). */
export function wobblyRing(n: number): Position[] {
  const ring = Array.from({ length: n }, (_, k) => {
    const a = (2 * Math.PI * k) / n
    const r = 0.05 * (1 + 0.02 * Math.sin(a * 97))
    return [119.92 + r * Math.cos(a), 32.45 + r * Math.sin(a)]
  })
  return [...ring, ring[0]!]
}

function expectValid(ok: boolean, who: string, vertices: number): void {
  if (!ok) throw new Error(`polygon: ${who} found a crossing in a valid ${vertices}-corner ring`)
}
