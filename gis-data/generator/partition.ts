import { cellColumn, cellRow, LATTICE_WIDTH } from './lattice.js'
import { MinHeap } from './heap.js'
import type { Rng } from './prng.js'

/** Cost of crossing a cell; higher costs slow a growing part down, so boundaries wander. */
export type CellCost = (cell: number) => number

/**
 * 测地划分 — splits an edge-connected set of cells among seeds by shortest weighted path (a geodesic Voronoi
 * split grown with Dijkstra). Every cell joins the part whose seed reached it first through the set, so each
 * part is edge-connected: this is why streets and communities never fall apart into islands.
 * Returns, for each index of `cells`, the index of its seed.
 */
export function partitionBySeeds(
  cells: readonly number[],
  seeds: readonly number[],
  cost: CellCost,
): Int32Array {
  const local = new Map<number, number>()
  cells.forEach((cell, k) => local.set(cell, k))
  const dist = new Float64Array(cells.length).fill(Infinity)
  const part = new Int32Array(cells.length).fill(-1)
  const done = new Uint8Array(cells.length)
  const heap = new MinHeap()
  seeds.forEach((seed, s) => {
    const k = local.get(seed)
    if (k === undefined) throw new RangeError(`seed ${seed} is not one of the cells`)
    dist[k] = 0
    part[k] = s
    heap.push(0, k)
  })
  while (heap.size > 0) {
    const k = heap.pop()
    if (done[k]) continue
    done[k] = 1
    const cell = cells[k]!
    const here = cost(cell)
    for (const next of neighbours(cell)) {
      const n = local.get(next)
      if (n === undefined || done[n]) continue
      const d = dist[k]! + (here + cost(next)) / 2
      if (d < dist[n]! || (d === dist[n]! && part[k]! < part[n]!)) {
        dist[n] = d
        part[n] = part[k]!
        heap.push(d, n)
      }
    }
  }
  if (part.includes(-1))
    throw new RangeError('partitionBySeeds: the cells are not edge-connected to the seeds')
  return part
}

/**
 * 均衡划分 — cuts a connected set of cells into contiguous parts of about `target` cells, none larger than
 * `max` and, where a neighbour can absorb it, none smaller than `min`. Seeds are spread by farthest-point
 * sampling and relaxed a few times towards their part's centroid (Lloyd), which evens out the sizes.
 * Parts come back ordered by their north-west-most cell.
 */
export function partitionBySize(
  cells: readonly number[],
  sizes: { readonly target: number; readonly min: number; readonly max: number },
  rng: Rng,
  cost: CellCost,
): number[][] {
  let parts = relaxedParts(cells, Math.max(1, Math.round(cells.length / sizes.target)), rng, cost)
  // Split oversize parts until none is left: a community may hold at most 999 grids (3-digit sequence).
  for (let guard = 0; parts.some((p) => p.length > sizes.max); guard++) {
    if (guard > 10_000) throw new Error('partitionBySize: could not split parts below the maximum')
    parts = parts.flatMap((p) =>
      p.length > sizes.max ? relaxedParts(p, Math.ceil(p.length / sizes.target), rng, cost) : [p],
    )
  }
  parts = mergeSmall(parts, sizes)
  return parts.map((p) => p.sort((a, b) => a - b)).sort((a, b) => a[0]! - b[0]!)
}

function relaxedParts(cells: readonly number[], k: number, rng: Rng, cost: CellCost): number[][] {
  if (k <= 1) return [[...cells]]
  let seeds = farthestPointSeeds(cells, k, rng)
  let labels = partitionBySeeds(cells, seeds, cost)
  for (let iteration = 0; iteration < 3; iteration++) {
    seeds = groupBy(cells, labels, seeds.length).map(centralCell)
    labels = partitionBySeeds(cells, seeds, cost)
  }
  return groupBy(cells, labels, seeds.length).filter((p) => p.length > 0)
}

/** `k` seeds spread over the cells: a random first one, then each next the farthest from all chosen so far. */
export function farthestPointSeeds(cells: readonly number[], k: number, rng: Rng): number[] {
  const seeds = [cells[Math.floor(rng.next() * cells.length)]!]
  const nearest = new Float64Array(cells.length).fill(Infinity)
  while (seeds.length < Math.min(k, cells.length)) {
    const last = seeds[seeds.length - 1]!
    let best = 0
    cells.forEach((cell, c) => {
      const d = squaredDistance(cell, last)
      if (d < nearest[c]!) nearest[c] = d
      if (nearest[c]! > nearest[best]!) best = c
    })
    seeds.push(cells[best]!)
  }
  return seeds
}

/** The cell of a part nearest its centroid (a Lloyd step stays on the part, even when the part is curved). */
export function centralCell(part: readonly number[]): number {
  let sx = 0
  let sy = 0
  for (const cell of part) {
    sx += cellColumn(cell)
    sy += cellRow(cell)
  }
  const cx = sx / part.length
  const cy = sy / part.length
  let best = part[0]!
  let bestD = Infinity
  for (const cell of part) {
    const d = (cellColumn(cell) - cx) ** 2 + (cellRow(cell) - cy) ** 2
    if (d < bestD) {
      bestD = d
      best = cell
    }
  }
  return best
}

// Folds each too-small part into its smallest neighbour that stays within the maximum; the union of two
// edge-adjacent connected parts is connected, so contiguity survives.
function mergeSmall(parts: number[][], sizes: { readonly min: number; readonly max: number }): number[][] {
  const owner = new Map<number, number>()
  parts.forEach((p, k) => p.forEach((cell) => owner.set(cell, k)))
  const alive = parts.map((p) => [...p])
  const order = alive.map((_, k) => k).sort((a, b) => alive[a]!.length - alive[b]!.length || a - b)
  for (const k of order) {
    const part = alive[k]!
    if (part.length === 0 || part.length >= sizes.min) continue
    const adjacent = new Set<number>()
    for (const cell of part)
      for (const n of neighbours(cell)) {
        const o = owner.get(n)
        if (o !== undefined && o !== k) adjacent.add(o)
      }
    let target = -1
    for (const o of [...adjacent].sort((a, b) => a - b)) {
      const size = alive[o]!.length
      if (size + part.length <= sizes.max && (target < 0 || size < alive[target]!.length)) target = o
    }
    if (target < 0) continue
    for (const cell of part) owner.set(cell, target)
    alive[target]!.push(...part)
    alive[k] = []
  }
  return alive.filter((p) => p.length > 0)
}

function groupBy(cells: readonly number[], labels: Int32Array, count: number): number[][] {
  const groups: number[][] = Array.from({ length: count }, () => [])
  cells.forEach((cell, k) => groups[labels[k]!]!.push(cell))
  return groups
}

/** The four edge neighbours of a cell that lie on the lattice. */
export function neighbours(cell: number): number[] {
  const i = cellColumn(cell)
  const out = [cell - LATTICE_WIDTH, cell + LATTICE_WIDTH]
  if (i > 0) out.push(cell - 1)
  if (i < LATTICE_WIDTH - 1) out.push(cell + 1)
  return out.filter((c) => c >= 0)
}

function squaredDistance(a: number, b: number): number {
  return (cellColumn(a) - cellColumn(b)) ** 2 + (cellRow(a) - cellRow(b)) ** 2
}
