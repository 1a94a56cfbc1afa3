import findIntersections from 'sweepline-intersections'
import type { Polygon, Position } from 'geojson'
import { err, ok, type Result } from '../codes/result.js'
import { lonLatProblem, toCgcs2000, type SourceCrs } from './china-crs.js'

/** A geometry problem with the JSON path of the part at fault (`'geometry.coordinates[0][3]'`). */
export interface GeometryProblem {
  readonly path: string
  readonly message: string
}

/**
 * 面校验 — checks untrusted GeoJSON Polygon coordinates and returns a clean CGCS2000 polygon, or every
 * problem found with its path (`path` is where `coordinates` sits in the file, e.g. `'geometry.coordinates'`).
 *
 * Rejected: rings that are not arrays of `[lon, lat]` numbers, positions outside China (so swapped axes and
 * projected metres are caught), unclosed rings, rings with fewer than 4 positions, rings with no area, and
 * rings that cross themselves or each other (a sweep line: O((n + k) log n), so a 400,000-vertex
 * boundary takes about a second, where turf `kinks` compares every pair of edges).
 *
 * Repaired, because they are harmless and common in GIS exports: consecutive repeated positions are dropped
 * (turf would report them as kinks), altitudes are dropped (grids are 2-D), and ring orientation is set to
 * RFC 7946's: exterior counter-clockwise, holes clockwise. Coordinates are then converted from `crs`.
 */
export function checkPolygon(
  coordinates: unknown,
  path: string,
  crs: SourceCrs,
): Result<Polygon, GeometryProblem[]> {
  if (!Array.isArray(coordinates) || coordinates.length === 0) {
    return err([
      { path, message: 'expected an array of linear rings (the exterior ring first, then any holes)' },
    ])
  }
  const problems: GeometryProblem[] = []
  const rings: Position[][] = []
  coordinates.forEach((ring: unknown, r) => {
    const checked = checkRing(ring, `${path}[${r}]`, problems)
    if (checked) rings.push(checked)
  })
  if (problems.length > 0) return err(problems)

  // Crossings are looked for in the file's own coordinates, so the reported point can be found in the file.
  const crossings = findIntersections(
    { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: rings } },
    false,
  )
  // The westernmost (then southernmost) crossing: the same one whatever order the sweep finds them in.
  const first = crossings.reduce<[number, number] | undefined>(
    (a, b) => (!a || b[0] < a[0] || (b[0] === a[0] && b[1] < a[1]) ? b : a),
    undefined,
  )
  if (first) {
    const more =
      crossings.length > 1
        ? ` (and ${crossings.length - 1} more crossing point${crossings.length > 2 ? 's' : ''})`
        : ''
    return err([
      { path, message: `rings cross themselves or each other at [${first.map(round7).join(', ')}]${more}` },
    ])
  }
  // After the kink check, because a symmetric bow-tie also has zero signed area and "crossing" is the
  // truer message. 1e-14 deg² is about 1 cm²: such a ring is a line drawn there and back, not an area.
  rings.forEach((ring, r) => {
    if (Math.abs(signedArea(ring)) < 1e-14) {
      problems.push({
        path: `${path}[${r}]`,
        message: 'ring encloses no area (all its corners lie on one line)',
      })
    }
  })
  if (problems.length > 0) return err(problems)
  const converted = rings.map((ring, r) =>
    orient(
      ring.map(([lon, lat]) => toCgcs2000(lon as number, lat as number, crs)),
      r === 0 ? 'counter-clockwise' : 'clockwise',
    ),
  )
  return ok({ type: 'Polygon', coordinates: converted })
}

function checkRing(ring: unknown, path: string, problems: GeometryProblem[]): Position[] | undefined {
  if (!Array.isArray(ring)) {
    problems.push({ path, message: 'expected a linear ring: an array of [longitude, latitude] positions' })
    return undefined
  }
  const positions: Position[] = []
  // One message per ring, naming the first bad position: a swapped or projected file would otherwise
  // produce one error per vertex and bury every other problem.
  let firstBad: GeometryProblem | undefined
  let badCount = 0
  ring.forEach((p: unknown, k) => {
    const problem = positionProblem(p)
    if (problem === undefined) {
      positions.push([(p as number[])[0] as number, (p as number[])[1] as number])
      return
    }
    badCount += 1
    firstBad ??= { path: `${path}[${k}]`, message: problem }
  })
  if (firstBad) {
    const more =
      badCount > 1 ? ` (and ${badCount - 1} more position${badCount > 2 ? 's' : ''} in this ring)` : ''
    problems.push({ path: firstBad.path, message: firstBad.message + more })
    return undefined
  }
  const head = positions[0]
  const tail = positions[positions.length - 1]
  if (head && tail && (head[0] !== tail[0] || head[1] !== tail[1])) {
    problems.push({
      path,
      message: `ring is not closed: first position [${head.join(', ')}] differs from the last [${tail.join(', ')}]`,
    })
    return undefined
  }
  const distinct = positions.filter((p, k) => k === 0 || !samePosition(p, positions[k - 1] as Position))
  if (distinct.length < 4) {
    const repeats = positions.length - distinct.length
    const note = repeats > 0 ? ` after dropping ${repeats} repeated` : ''
    problems.push({
      path,
      message: `ring has ${distinct.length} positions${note}; it needs at least 4 (3 corners and the closing repeat of the first)`,
    })
    return undefined
  }
  return distinct
}

function positionProblem(p: unknown): string | undefined {
  if (!Array.isArray(p) || p.length < 2) return 'expected a position [longitude, latitude]'
  const [lon, lat] = p as unknown[]
  if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
    return `expected finite numbers [longitude, latitude], got [${p.slice(0, 2).map(String).join(', ')}]`
  }
  return lonLatProblem(lon, lat)
}

// 7 decimals of a degree is about 1 cm: enough to find the spot, without intersection round-off noise.
function round7(value: number): number {
  return Number(value.toFixed(7))
}

function samePosition(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1]
}

/** Twice the signed shoelace area in degrees²: positive when the ring runs counter-clockwise. */
function signedArea(ring: readonly Position[]): number {
  // Measured from the first corner: at lon 120 the raw products are ~10⁴ while a grid's area is ~10⁻⁶ deg².
  const [x0, y0] = ring[0] as [number, number]
  let sum = 0
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = ring[i] as [number, number]
    const [x2, y2] = ring[i + 1] as [number, number]
    sum += (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0)
  }
  return sum
}

function orient(ring: Position[], want: 'counter-clockwise' | 'clockwise'): Position[] {
  const ccw = signedArea(ring) > 0
  return ccw === (want === 'counter-clockwise') ? ring : [...ring].reverse()
}
