import { test } from 'node:test'
import assert from 'node:assert/strict'
import * as turf from '@turf/turf'
import type { MultiPolygon, Polygon, Position } from 'geojson'
import { cellIndex, cellRing } from './lattice.js'
import { createRng } from './prng.js'
import { traceCells } from './tracer.js'

const polygonsOf = (g: Polygon | MultiPolygon): Position[][][] =>
  g.type === 'Polygon' ? [g.coordinates] : g.coordinates
const cellArea = (cell: number) => turf.area(turf.polygon([cellRing(cell)]))

function assertWellFormed(g: Polygon | MultiPolygon): void {
  for (const rings of polygonsOf(g)) {
    rings.forEach((ring, k) => {
      assert.ok(ring.length >= 5, 'a lattice ring has at least 4 corners')
      assert.deepEqual(ring[0], ring[ring.length - 1], 'ring is closed')
      // RFC 7946: exterior counter-clockwise, holes clockwise.
      assert.equal(
        turf.booleanClockwise(ring),
        k > 0,
        k === 0 ? 'exterior is counter-clockwise' : 'hole is clockwise',
      )
    })
  }
}

test('one cell traces to its own square', () => {
  const cell = cellIndex(5, 5)
  const g = traceCells([cell])
  assert.deepEqual(g, { type: 'Polygon', coordinates: [cellRing(cell)] })
})

test('cells touching only at a corner become a MultiPolygon of two squares', () => {
  const g = traceCells([cellIndex(5, 5), cellIndex(6, 6)])
  assert.equal(g.type, 'MultiPolygon')
  assert.equal(polygonsOf(g).length, 2)
  assertWellFormed(g)
})

test('a ring of cells has a hole, and a hole touching the outside at a corner stays a hole', () => {
  const ring: number[] = []
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++) if (i !== 1 || j !== 1) ring.push(cellIndex(10 + i, 10 + j))
  const g = traceCells(ring)
  assert.equal(g.type, 'Polygon')
  assert.equal((g as Polygon).coordinates.length, 2)
  assertWellFormed(g)
  // A 4×4 block without its diagonal from (1,1) to the corner (3,3): two holes touching each other at a
  // corner, the second also touching the notch cut out of the outline.
  const block: number[] = []
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) block.push(cellIndex(20 + i, 20 + j))
  const pinched = block.filter(
    (c) => c !== cellIndex(21, 21) && c !== cellIndex(22, 22) && c !== cellIndex(23, 23),
  )
  const p = traceCells(pinched)
  assertWellFormed(p)
  const expected = pinched.reduce((sum, c) => sum + cellArea(c), 0)
  assert.ok(Math.abs(turf.area(p) - expected) / expected < 1e-9)
})

test('random blobs: the outline encloses exactly the cells, rings are well formed', () => {
  const rng = createRng(42)
  for (let round = 0; round < 25; round++) {
    const cells: number[] = []
    for (let i = 0; i < 14; i++)
      for (let j = 0; j < 14; j++) if (rng.next() < 0.55) cells.push(cellIndex(100 + i, 200 + j))
    const g = traceCells(cells)
    assertWellFormed(g)
    const expected = cells.reduce((sum, c) => sum + cellArea(c), 0)
    assert.ok(
      Math.abs(turf.area(g) - expected) / expected < 1e-9,
      `round ${round}: area ${turf.area(g)} vs ${expected}`,
    )
    // Each cell centre is inside the outline; centres of cells left out are not.
    const inside = new Set(cells)
    for (let i = 0; i < 14; i++) {
      for (let j = 0; j < 14; j++) {
        const cell = cellIndex(100 + i, 200 + j)
        const [[w, s], [e], [, n]] = cellRing(cell) as [Position, Position, Position]
        const centre = turf.point([(w! + e!) / 2, (s! + n!) / 2])
        assert.equal(turf.booleanPointInPolygon(centre, g), inside.has(cell))
      }
    }
  }
})

test('an empty set is an error', () => {
  assert.throws(() => traceCells([]), /at least one cell/)
})
