import { cellAt, cellColumn, cellIndex, cellRow, LATTICE_HEIGHT, LATTICE_WIDTH } from './lattice.js'
import { MinHeap } from './heap.js'
import type { Rng } from './prng.js'
import { valueNoise } from './prng.js'
import type { DistrictSpec } from './taizhou.js'

/** The cells each district received, and how central each cell is. */
export interface DistrictCells {
  /** District number (index into the specs) of every lattice cell, −1 where no district grew. */
  readonly label: Int8Array
  /** Cells of each district, in the order they were taken (centre first). */
  readonly cells: readonly number[][]
  /**
   * Centrality of each taken cell: 0 at the district centre, 1 at its outermost taken cell. Drives the
   * A/B/C area classes. Undefined (NaN) for cells no district took.
   */
  readonly centrality: Float32Array
}

/**
 * 区域生长 — grows the districts as noisy urban blobs on the shared lattice until exactly `targetCells` cells are
 * taken. Each cell belongs to the nearest district centre (a Voronoi split), so districts never overlap; within
 * its Voronoi cell a district grows from its centre in order of a noisy normalised distance, which keeps it
 * edge-connected and roughly round, with lobes where the radius noise is high.
 */
export function growDistricts(specs: readonly DistrictSpec[], targetCells: number, rng: Rng): DistrictCells {
  if (!Number.isInteger(targetCells) || targetCells < specs.length) {
    throw new RangeError(`targetCells must be an integer ≥ ${specs.length}, got ${targetCells}`)
  }
  const capacity = LATTICE_WIDTH * LATTICE_HEIGHT
  if (targetCells > capacity / 4)
    throw new RangeError(`targetCells ${targetCells} is too large for the lattice`)
  const centres = specs.map((spec) => {
    const cell = cellAt(spec.centre[0], spec.centre[1])
    if (cell === undefined) throw new RangeError(`${spec.name}: centre lies outside the lattice`)
    return { x: cellColumn(cell) + 0.5, y: cellRow(cell) + 0.5, cell }
  })
  // Typical district radius in cells; boundary wiggles are a quarter of it wide whatever the scale.
  const typicalRadius = Math.sqrt(targetCells / specs.length / Math.PI)
  const noise = valueNoise(Math.floor(rng.next() * 2 ** 31), Math.max(3, typicalRadius / 4))
  const shapes = specs.map(() => radiusShape(rng))

  const label = new Int8Array(capacity).fill(-1)
  const centrality = new Float32Array(capacity).fill(NaN)
  const queued = new Uint8Array(capacity)
  const owner = (x: number, y: number): number => {
    let best = 0
    let bestD = Infinity
    centres.forEach((c, d) => {
      const dist = (x - c.x) ** 2 + (y - c.y) ** 2
      if (dist < bestD) {
        bestD = dist
        best = d
      }
    })
    return best
  }
  const score = (cell: number, d: number): number => {
    const x = cellColumn(cell) + 0.5
    const y = cellRow(cell) + 0.5
    const c = centres[d]!
    // Lattice rows run south, so flip y to get a compass angle.
    const r = Math.hypot(x - c.x, y - c.y) / (specs[d]!.weight * shapes[d]!(Math.atan2(c.y - y, x - c.x)))
    return r * (0.72 + 0.56 * noise(x, y))
  }

  const heap = new MinHeap()
  const district = new Int8Array(capacity).fill(-1)
  centres.forEach((c, d) => {
    if (owner(c.x, c.y) !== d)
      throw new RangeError(`${specs[d]!.name}: its centre is nearer another district's`)
    district[c.cell] = d
    queued[c.cell] = 1
    heap.push(0, c.cell)
  })
  const cells: number[][] = specs.map(() => [])
  const scores: number[][] = specs.map(() => [])
  let taken = 0
  while (taken < targetCells) {
    if (heap.size === 0) throw new Error('growDistricts: ran out of room on the lattice')
    const key = heap.peekKey()!
    const cell = heap.pop()
    const d = district[cell]!
    label[cell] = d
    cells[d]!.push(cell)
    scores[d]!.push(key)
    taken++
    const i = cellColumn(cell)
    const j = cellRow(cell)
    for (const [ni, nj] of [
      [i + 1, j],
      [i - 1, j],
      [i, j + 1],
      [i, j - 1],
    ] as const) {
      if (ni < 0 || nj < 0 || ni >= LATTICE_WIDTH || nj >= LATTICE_HEIGHT) continue
      const next = cellIndex(ni, nj)
      if (queued[next] || owner(ni + 0.5, nj + 0.5) !== d) continue
      queued[next] = 1
      district[next] = d
      heap.push(score(next, d), next)
    }
  }
  cells.forEach((list, d) => {
    const max = scores[d]!.reduce((m, v) => (v > m ? v : m), 1e-9)
    list.forEach((cell, k) => (centrality[cell] = scores[d]![k]! / max))
  })
  return { label, cells, centrality }
}

// A radius factor by compass angle: a few random harmonics, so each district gets its own lobes (0.68–1.32).
function radiusShape(rng: Rng): (angle: number) => number {
  const harmonics = [0.13, 0.09, 0.06, 0.04].map((amplitude, k) => ({
    k: k + 2,
    amplitude: amplitude * (rng.next() < 0.5 ? -1 : 1),
    phase: rng.next() * 2 * Math.PI,
  }))
  return (angle) => 1 + harmonics.reduce((sum, h) => sum + h.amplitude * Math.cos(h.k * angle + h.phase), 0)
}
