/* eslint-disable no-restricted-imports -- a Node test (node:test, node:assert), never part of the UI bundle */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { COMPONENT_GROUPS, groupOf, pointRadius } from './component-style.js'
import { covers, queryBbox } from './view-query.js'
import { registerCgcs2000, zoomForResolution } from './projection.js'

registerCgcs2000()

test('component groups fold the big classes of both editions together', () => {
  assert.equal(groupOf('2013:component:0101'), 'utilities')
  assert.equal(groupOf('2026:component:01001'), 'utilities')
  assert.equal(groupOf('2013:component:0402'), 'greenery')
  assert.equal(groupOf('2026:component:04003'), 'greenery')
  assert.equal(groupOf('2013:component:0501'), 'buildings')
  assert.equal(groupOf('2026:component:05003'), 'other')
  assert.equal(groupOf('nonsense'), 'other')
  assert.equal(new Set(COMPONENT_GROUPS).size, 6)
})

test('the pick radius follows the drawn radius', () => {
  assert.equal(pointRadius(5), 1.2)
  assert.equal(pointRadius(15), 3.2)
  assert.equal(pointRadius(16), 4.1)
  assert.equal(pointRadius(25), 7)
})

test('a zoom means the same scale in EPSG:4490 and EPSG:3857', () => {
  assert.equal(zoomForResolution(1.40625 / 2 ** 15, 'EPSG:4490'), 15)
  assert.ok(Math.abs(zoomForResolution(156_543.033_928_041 / 2 ** 15, 'EPSG:3857') - 15) < 1e-9)
})

test('view queries: a margin around the view, in CGCS2000 degrees from either projection', () => {
  const bbox = queryBbox([119.9, 32.48, 119.94, 32.5], 'EPSG:4490', 0.25)
  assert.deepEqual(bbox, [119.89, 32.47, 119.95, 32.51])
  assert.ok(covers(bbox, [119.91, 32.485, 119.93, 32.495], 'EPSG:4490'))
  assert.ok(!covers(bbox, [119.85, 32.485, 119.93, 32.495], 'EPSG:4490'))
  const mercator = queryBbox([13_348_000, 3_826_000, 13_352_000, 3_829_000], 'EPSG:3857', 0)
  assert.ok(mercator[0] > 119.9 && mercator[2] < 120 && mercator[1] > 32.4 && mercator[3] < 32.6, `${mercator}`)
})
