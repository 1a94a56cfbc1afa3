import { test } from 'node:test'
import assert from 'node:assert/strict'
import { checkPolygon, type GeometryProblem } from './polygon-check.js'

// prettier-ignore
const SQUARE = [[119.92, 32.45], [119.921, 32.45], [119.921, 32.451], [119.92, 32.451], [119.92, 32.45]]
// prettier-ignore
const HOLE = [[119.9203, 32.4503], [119.9206, 32.4503], [119.9206, 32.4506], [119.9203, 32.4506], [119.9203, 32.4503]]

function problems(coordinates: unknown): GeometryProblem[] {
  const result = checkPolygon(coordinates, 'geometry.coordinates', 'CGCS2000')
  assert.equal(result.ok, false, 'expected problems')
  return result.ok ? [] : result.error
}
const paths = (coordinates: unknown) => problems(coordinates).map((p) => p.path)

test('orientation is normalised: exterior counter-clockwise, holes clockwise', () => {
  const result = checkPolygon([[...SQUARE].reverse(), HOLE], 'g', 'WGS84')
  assert.ok(result.ok)
  assert.deepEqual(result.value, { type: 'Polygon', coordinates: [SQUARE, [...HOLE].reverse()] })
})

test('repeated positions and altitudes are dropped', () => {
  // prettier-ignore
  const ring = [[119.92, 32.45, 3], [119.92, 32.45], [119.921, 32.45], [119.921, 32.451], [119.92, 32.451], [119.92, 32.45, 3]]
  const result = checkPolygon([ring], 'g', 'CGCS2000')
  assert.ok(result.ok)
  assert.deepEqual(result.value.coordinates, [SQUARE])
})

test('GCJ02 coordinates are converted after the checks', () => {
  const result = checkPolygon([SQUARE], 'g', 'GCJ02')
  assert.ok(result.ok)
  const [lon] = result.value.coordinates[0]?.[0] ?? []
  assert.ok(lon !== undefined && lon < 119.9165 && lon > 119.913, String(lon))
})

test('shape problems name the ring', () => {
  assert.deepEqual(paths([]), ['geometry.coordinates'])
  assert.deepEqual(paths('x'), ['geometry.coordinates'])
  assert.deepEqual(paths([SQUARE, 'x']), ['geometry.coordinates[1]'])
  const open = problems([SQUARE.slice(0, 4)])
  assert.deepEqual(
    open.map((p) => p.path),
    ['geometry.coordinates[0]'],
  )
  assert.match(
    open[0]?.message ?? '',
    /not closed: first position \[119\.92, 32\.45\] differs from the last \[119\.92, 32\.451\]/,
  )
  const short = problems([[SQUARE[0], SQUARE[1], SQUARE[1], SQUARE[0]]])
  assert.match(short[0]?.message ?? '', /ring has 3 positions after dropping 1 repeated; it needs at least 4/)
  // prettier-ignore
  const line = problems([[[119.92, 32.45], [119.921, 32.45], [119.922, 32.45], [119.92, 32.45]]])
  assert.deepEqual(line, [
    { path: 'geometry.coordinates[0]', message: 'ring encloses no area (all its corners lie on one line)' },
  ])
})

test('position problems name the first bad position of each ring and count the rest', () => {
  const swapped = SQUARE.map(([x, y]) => [y, x])
  const projected = HOLE.map(([x, y]) => [(x as number) * 1e5, (y as number) * 1e5])
  const found = problems([swapped, projected])
  assert.deepEqual(
    found.map((p) => p.path),
    ['geometry.coordinates[0][0]', 'geometry.coordinates[1][0]'],
  )
  assert.match(found[0]?.message ?? '', /look swapped.*\(and 4 more positions in this ring\)/)
  assert.match(found[1]?.message ?? '', /projected metres/)
  const typed = problems([SQUARE.map((p, k) => (k === 3 ? [String(p[0]), p[1]] : k === 1 ? [p[0]] : p))])
  assert.deepEqual(
    typed.map((p) => p.path),
    ['geometry.coordinates[0][1]'],
  )
  assert.match(typed[0]?.message ?? '', /expected a position \[longitude, latitude\] \(and 1 more/)
  assert.deepEqual(paths([SQUARE.map((p, k) => (k === 2 ? [Number.NaN, 32.45] : p))]), [
    'geometry.coordinates[0][2]',
  ])
})

test('self-intersections and crossing holes are reported with a place to look', () => {
  // prettier-ignore
  const bowTie = [[119.92, 32.45], [119.921, 32.451], [119.921, 32.45], [119.92, 32.451], [119.92, 32.45]]
  const kinked = problems([bowTie])
  assert.deepEqual(
    kinked.map((p) => p.path),
    ['geometry.coordinates'],
  )
  assert.match(kinked[0]?.message ?? '', /cross themselves or each other at \[119\.9205, 32\.4505\]/)
  // prettier-ignore
  const leakyHole = [[119.9205, 32.4505], [119.9215, 32.4505], [119.9215, 32.4506], [119.9205, 32.4505]]
  const crossing = problems([SQUARE, leakyHole])
  assert.match(
    crossing[0]?.message ?? '',
    /cross themselves or each other at \[119\.921, 32\.4505\] \(and 1 more crossing point\)$/,
  )
})

/** A ring of `n` corners on a wobbly circle around the demo city (valid: it never crosses itself). */
function bigRing(n: number): number[][] {
  const ring = Array.from({ length: n }, (_, k) => {
    const a = (2 * Math.PI * k) / n
    const r = 0.05 * (1 + 0.02 * Math.sin(a * 97))
    return [119.92 + r * Math.cos(a), 32.45 + r * Math.sin(a)]
  })
  return [...ring, ring[0]!]
}

test('a boundary of 20,000 corners is checked whole (sweep line; its speed at 400,000: npm run bench)', () => {
  const ring = bigRing(20_000)
  const result = checkPolygon([ring], 'features[0].geometry.coordinates', 'CGCS2000')
  assert.ok(result.ok, JSON.stringify(!result.ok && result.error))
  assert.equal(result.value.coordinates[0]!.length, 20_001)
  // One corner pulled across the far side of the circle: its two edges cross the ring there.
  const kinked = ring.map((p, k) => (k === 5_000 ? [119.92, 32.45 - 0.06] : p))
  const found = problems([kinked])
  assert.equal(found.length, 1)
  assert.equal(found[0]!.path, 'geometry.coordinates')
  assert.match(
    found[0]!.message,
    /rings cross themselves or each other at \[119\.9\d*, 32\.40\d*\] \(and 1 more crossing point\)$/,
  )
})

test('a hole touching nothing and a ring that only shares its closing corner are not crossings', () => {
  assert.ok(checkPolygon([SQUARE, HOLE], 'g', 'CGCS2000').ok)
  assert.ok(checkPolygon([bigRing(1000)], 'g', 'CGCS2000').ok)
})
