/* eslint-disable no-restricted-imports -- a Node test (node:test, node:assert), never part of the UI bundle */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { binPoints, clusterCases, formatCount, inExtent } from './cluster.js'

function points(xy: readonly (readonly [number, number])[], lights: readonly number[] = [], hazards: readonly number[] = []) {
  return {
    x: Float64Array.from(xy.map((p) => p[0])),
    y: Float64Array.from(xy.map((p) => p[1])),
    light: Uint8Array.from(xy.map((_, i) => lights[i] ?? 0)),
    hazard: Uint8Array.from(xy.map((_, i) => hazards[i] ?? 0)),
  }
}
const all = (n: number) => Uint32Array.from({ length: n }, (_, i) => i)

test('cases in one cell make one cluster at their mean, with the worst light and the hazard count', () => {
  const p = points(
    [
      [1, 1],
      [3, 1],
      [2, 4],
      [15, 15],
    ],
    [1, 3, 2, 0],
    [0, 1, 1, 0],
  )
  const clusters = clusterCases(p, all(4), [0, 0, 20, 20], 10)
  assert.equal(clusters.length, 2)
  const [a, b] = clusters
  assert.deepEqual({ x: a!.x, y: a!.y, count: a!.count, light: a!.light, hazards: a!.hazards, first: a!.first }, { x: 2, y: 2, count: 3, light: 3, hazards: 2, first: 0 })
  assert.deepEqual(a!.extent, [1, 1, 3, 4])
  assert.equal(b!.count, 1)
  assert.equal(b!.first, 3)
})

test('clusters keep every case once, and do not change when the view pans', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.double({ min: -50, max: 50, noNaN: true }), fc.double({ min: -50, max: 50, noNaN: true })), { minLength: 1, maxLength: 200 }),
      fc.double({ min: 0, max: 30, noNaN: true }),
      (xy, pan) => {
        const p = points(xy)
        const a = clusterCases(p, all(xy.length), [-60, -60, 60, 60], 7)
        const b = clusterCases(p, all(xy.length), [-60 - pan, -60 - pan, 60 + pan, 60 + pan], 7)
        const total = a.reduce((s, c) => s + c.count, 0)
        const key = (cs: typeof a) => cs.map((c) => `${c.first}:${c.count}`).sort().join(',')
        return total === xy.length && key(a) === key(b)
      },
    ),
    { numRuns: 200 },
  )
})

test('inExtent keeps the indices inside, edges included', () => {
  const p = points([
    [0, 0],
    [5, 5],
    [10, 10],
    [11, 3],
  ])
  assert.deepEqual([...inExtent(p.x, p.y, all(4), [0, 0, 10, 10])], [0, 1, 2])
  assert.deepEqual([...inExtent(p.x, p.y, Uint32Array.of(3, 1), [0, 0, 10, 10])], [1])
})

test('a zero cell size is refused', () => {
  assert.throws(() => clusterCases(points([[0, 0]]), all(1), [0, 0, 1, 1], 0))
})

test('cluster counts read short in both languages', () => {
  assert.equal(formatCount(7, 'zh-CN'), '7')
  assert.equal(formatCount(9_999, 'zh-CN'), '9999')
  assert.equal(formatCount(12_345, 'zh-CN'), '1.2万')
  assert.equal(formatCount(1_234_567, 'zh-CN'), '123万')
  assert.equal(formatCount(12_345, 'en'), '12.3k')
  assert.equal(formatCount(250_000, 'en'), '250k')
  assert.equal(formatCount(1_234_567, 'en'), '1.2M')
})

test('bins keep every case inside the extent once, at the mean of its cell', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.double({ min: -50, max: 50, noNaN: true }), fc.double({ min: -50, max: 50, noNaN: true })), { minLength: 0, maxLength: 300 }),
      fc.double({ min: 0.5, max: 20, noNaN: true }),
      (xy, cell) => {
        const p = points(xy)
        const extent = [-30, -30, 30, 30]
        const bins = binPoints(p.x, p.y, all(xy.length), extent, cell)
        const inside = xy.filter(([x, y]) => x >= -30 && x <= 30 && y >= -30 && y <= 30)
        const sum = bins.count.reduce((a, b) => a + b, 0)
        const meanOk = [...bins.x].every((x, k) => x >= -30 && x <= 30 && bins.y[k]! >= -30 && bins.y[k]! <= 30 && bins.count[k]! > 0)
        const sx = inside.reduce((a, [x]) => a + x, 0)
        const bx = [...bins.x].reduce((a, x, k) => a + x * bins.count[k]!, 0)
        return sum === inside.length && bins.cases === inside.length && meanOk && Math.abs(sx - bx) < 1e-6 * Math.max(1, inside.length * 50)
      },
    ),
    { numRuns: 200 },
  )
  const p = points([
    [1, 1],
    [2, 2],
    [9, 9],
    [40, 40],
  ])
  const bins = binPoints(p.x, p.y, all(4), [0, 0, 20, 20], 5)
  assert.deepEqual([...bins.count], [2, 1])
  assert.deepEqual([...bins.x], [1.5, 9])
})
