import type { MultiPolygon, Polygon, Position } from 'geojson'
import { cellColumn, cellRow, LATTICE_WIDTH, vertexLat, vertexLon } from './lattice.js'

/**
 * 边界追踪 — the exact outline of a set of lattice cells as a GeoJSON Polygon, or a MultiPolygon when the
 * cells are not edge-connected. Boundary edges are the cell sides whose neighbour is outside the set (shared
 * sides cancel); they are walked into rings with the set on the left, so exteriors come out counter-clockwise
 * and holes clockwise (RFC 7946). Straight runs are reduced to their end points.
 */
export function traceCells(cells: Iterable<number>): Polygon | MultiPolygon {
  const inSet = new Set(cells)
  if (inSet.size === 0) throw new RangeError('traceCells needs at least one cell')
  const rings = walkRings(boundaryEdges(inSet))
  const exteriors: LatticeRing[] = []
  const holes: LatticeRing[] = []
  for (const ring of rings) (ring.area > 0 ? exteriors : holes).push(ring)
  // Largest shell first, so MultiPolygon parts come out in a stable, meaningful order.
  exteriors.sort((a, b) => b.area - a.area || a.xs[0]! - b.xs[0]! || a.ys[0]! - b.ys[0]!)
  const shellHoles: LatticeRing[][] = exteriors.map(() => [])
  for (const hole of holes) {
    // The midpoint of a hole's edge can lie on no other ring: edges are unique and vertices are integral.
    const px = (hole.xs[0]! + hole.xs[1]!) / 2
    const py = (hole.ys[0]! + hole.ys[1]!) / 2
    let best = -1
    exteriors.forEach((shell, k) => {
      if (containsPoint(shell, px, py) && (best < 0 || shell.area < exteriors[best]!.area)) best = k
    })
    if (best < 0) throw new Error('traceCells: a hole lies in no exterior ring')
    shellHoles[best]!.push(hole)
  }
  const polygons = exteriors.map((shell, k) => [toPositions(shell), ...shellHoles[k]!.map(toPositions)])
  return polygons.length === 1
    ? { type: 'Polygon', coordinates: polygons[0]! }
    : { type: 'MultiPolygon', coordinates: polygons }
}

/** A ring in lattice vertex coordinates: x east, y north (= −row), closed implicitly. */
interface LatticeRing {
  readonly xs: number[]
  readonly ys: number[]
  /** Signed area in cells: positive when counter-clockwise. */
  readonly area: number
}

interface Edges {
  /** Start and end vertex of each edge, in lattice (column, row) vertex numbers. */
  readonly from: number[]
  readonly to: number[]
  /** Outgoing edges of each start vertex (at most two: two where cells touch only at a corner). */
  readonly outgoing: Map<number, number[]>
}

const VW = LATTICE_WIDTH + 1
const vertex = (vi: number, vj: number): number => vj * VW + vi

function boundaryEdges(inSet: Set<number>): Edges {
  const from: number[] = []
  const to: number[] = []
  const outgoing = new Map<number, number[]>()
  const add = (a: number, b: number) => {
    const list = outgoing.get(a)
    if (list) list.push(from.length)
    else outgoing.set(a, [from.length])
    from.push(a)
    to.push(b)
  }
  // Sorted, so the ring order (and the file bytes) do not depend on the caller's cell order.
  const sorted = [...inSet].sort((a, b) => a - b)
  for (const cell of sorted) {
    const i = cellColumn(cell)
    const j = cellRow(cell)
    // Counter-clockwise in lon/lat: SW → SE → NE → NW, keeping the cell on the left.
    if (!inSet.has(cell + LATTICE_WIDTH)) add(vertex(i, j + 1), vertex(i + 1, j + 1))
    if (i + 1 >= LATTICE_WIDTH || !inSet.has(cell + 1)) add(vertex(i + 1, j + 1), vertex(i + 1, j))
    if (!inSet.has(cell - LATTICE_WIDTH)) add(vertex(i + 1, j), vertex(i, j))
    if (i === 0 || !inSet.has(cell - 1)) add(vertex(i, j), vertex(i, j + 1))
  }
  return { from, to, outgoing }
}

function walkRings(edges: Edges): LatticeRing[] {
  const used = new Uint8Array(edges.from.length)
  const rings: LatticeRing[] = []
  for (let start = 0; start < edges.from.length; start++) {
    if (used[start]) continue
    const xs: number[] = []
    const ys: number[] = []
    let edge = start
    do {
      used[edge] = 1
      xs.push(edges.from[edge]! % VW)
      ys.push(-Math.floor(edges.from[edge]! / VW))
      edge = nextEdge(edges, edge)
    } while (edge !== start)
    rings.push(simplify(xs, ys))
  }
  return rings
}

// Where two cells touch only at a corner, turn left: that keeps each cell group's ring to itself, so rings
// may touch at a point but never cross or run through themselves.
function nextEdge(edges: Edges, edge: number): number {
  const options = edges.outgoing.get(edges.to[edge]!)
  if (!options || options.length === 0) throw new Error('traceCells: open boundary (internal error)')
  if (options.length === 1) return options[0]!
  const [dx, dy] = direction(edges, edge)
  for (const option of options) {
    const [ox, oy] = direction(edges, option)
    if (ox === -dy && oy === dx) return option
  }
  throw new Error('traceCells: no left turn at a pinch vertex (internal error)')
}

function direction(edges: Edges, edge: number): [number, number] {
  const a = edges.from[edge]!
  const b = edges.to[edge]!
  return [(b % VW) - (a % VW), -(Math.floor(b / VW) - Math.floor(a / VW))]
}

// Drops vertices in the middle of straight runs; all edges are axis-parallel, so collinearity is exact.
function simplify(xs: number[], ys: number[]): LatticeRing {
  const n = xs.length
  const kx: number[] = []
  const ky: number[] = []
  for (let k = 0; k < n; k++) {
    const p = (k + n - 1) % n
    const q = (k + 1) % n
    const straight = (xs[p] === xs[k] && xs[k] === xs[q]) || (ys[p] === ys[k] && ys[k] === ys[q])
    if (!straight) {
      kx.push(xs[k]!)
      ky.push(ys[k]!)
    }
  }
  let twice = 0
  for (let k = 0; k < kx.length; k++) {
    const q = (k + 1) % kx.length
    twice += kx[k]! * ky[q]! - kx[q]! * ky[k]!
  }
  return rotateToLowest({ xs: kx, ys: ky, area: twice / 2 })
}

// Starts every ring at its south-west-most vertex so output does not depend on which edge was met first.
function rotateToLowest(ring: LatticeRing): LatticeRing {
  let best = 0
  for (let k = 1; k < ring.xs.length; k++) {
    if (ring.ys[k]! < ring.ys[best]! || (ring.ys[k] === ring.ys[best] && ring.xs[k]! < ring.xs[best]!))
      best = k
  }
  const xs = [...ring.xs.slice(best), ...ring.xs.slice(0, best)]
  const ys = [...ring.ys.slice(best), ...ring.ys.slice(0, best)]
  return { xs, ys, area: ring.area }
}

function containsPoint(ring: LatticeRing, px: number, py: number): boolean {
  let inside = false
  const n = ring.xs.length
  for (let a = 0, b = n - 1; a < n; b = a++) {
    const ya = ring.ys[a]!
    const yb = ring.ys[b]!
    if (ya > py !== yb > py) {
      const x = ring.xs[a]! + ((py - ya) * (ring.xs[b]! - ring.xs[a]!)) / (yb - ya)
      if (px < x) inside = !inside
    }
  }
  return inside
}

function toPositions(ring: LatticeRing): Position[] {
  const out: Position[] = ring.xs.map((x, k) => [vertexLon(x), vertexLat(-ring.ys[k]!)])
  out.push([out[0]![0]!, out[0]![1]!])
  return out
}
