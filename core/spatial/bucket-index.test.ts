import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createBucketIndex } from './bucket-index.js'

// A tiny deterministic PRNG, so a failure reproduces.
function rng(seed: number) {
  return () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32
}

test('every box holding a point is among the candidates the index visits', () => {
  const next = rng(42)
  const n = 2000
  const boxes = new Float64Array(n * 4)
  for (let i = 0; i < n; i++) {
    const x = next() * 10
    const y = next() * 10
    // Mostly small boxes, a few large ones that span many buckets.
    const w = i % 100 === 0 ? 3 : 0.05 + next() * 0.2
    const h = i % 100 === 0 ? 2 : 0.05 + next() * 0.2
    boxes.set([x, y, x + w, y + h], i * 4)
  }
  const index = createBucketIndex(boxes)
  assert.ok(index.bucketCount <= n * 4)
  for (let q = 0; q < 5000; q++) {
    const x = next() * 13 - 1
    const y = next() * 12 - 1
    const visited = new Set<number>()
    index.visit(x, y, (i) => (visited.add(i), false))
    for (let i = 0; i < n; i++) {
      const [x0, y0, x1, y1] = boxes.subarray(i * 4, i * 4 + 4)
      if (x >= x0! && x <= x1! && y >= y0! && y <= y1!)
        assert.ok(visited.has(i), `box ${i} holds (${x}, ${y}) but was not visited`)
    }
  }
})

test('a visitor that returns true stops the walk; an empty index visits nothing', () => {
  const boxes = new Float64Array([0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1])
  let calls = 0
  createBucketIndex(boxes).visit(0.5, 0.5, () => (calls++, true))
  assert.equal(calls, 1)
  createBucketIndex(new Float64Array(0)).visit(0, 0, () => assert.fail('visited'))
})

test('a few far-apart boxes do not allocate a bucket per median-sized cell of the whole span', () => {
  const boxes = new Float64Array([0, 0, 0.001, 0.001, 1000, 1000, 1000.001, 1000.001])
  assert.ok(createBucketIndex(boxes).bucketCount <= 8)
})
