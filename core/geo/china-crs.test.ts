import { test } from 'node:test'
import assert from 'node:assert/strict'
import { distance } from '@turf/turf'
import { fromCgcs2000, isInChina, isSourceCrs, lonLatProblem, toCgcs2000 } from './china-crs.js'

const metres = (a: [number, number], b: [number, number]) => distance(a, b, { units: 'meters' })

test('CGCS2000 and WGS84 pass through unchanged', () => {
  assert.deepEqual(toCgcs2000(119.923, 32.456, 'CGCS2000'), [119.923, 32.456])
  assert.deepEqual(toCgcs2000(119.923, 32.456, 'WGS84'), [119.923, 32.456])
})

test('Beijing: the coordtransform worked example, WGS84 (116.404, 39.915) is GCJ-02 (116.41024, 39.91640)', () => {
  const gcj = fromCgcs2000(116.404, 39.915, 'GCJ02')
  assert.ok(Math.abs(gcj[0] - 116.41024) < 1e-5, String(gcj))
  assert.ok(Math.abs(gcj[1] - 39.9164) < 1e-5, String(gcj))
  const back = toCgcs2000(116.41024449916938, 39.91640428150164, 'GCJ02')
  assert.ok(Math.abs(back[0] - 116.404) < 1e-6 && Math.abs(back[1] - 39.915) < 1e-6, String(back))
  const offset = metres([116.404, 39.915], gcj)
  assert.ok(offset > 500 && offset < 600, `offset ${offset} m`)
})

test('Taizhou: GCJ-02 → CGCS2000 moves a point several hundred metres, and round-trips within 1e-6°', () => {
  const amap: [number, number] = [119.9259, 32.4558] // 泰州 海陵区, as an Amap SDK reports it
  const stored = toCgcs2000(...amap, 'GCJ02')
  const offset = metres(amap, stored)
  assert.ok(offset > 200 && offset < 800, `offset ${offset} m`)
  // Here GCJ-02 lies about 450 m east and 250 m south of the true position.
  assert.ok(stored[0] < amap[0] && stored[1] > amap[1], String(stored))
  const again = fromCgcs2000(...stored, 'GCJ02')
  assert.ok(Math.abs(again[0] - amap[0]) < 1e-6 && Math.abs(again[1] - amap[1]) < 1e-6, String(again))
})

test('BD-09 sits on top of GCJ-02 and converts back to the same CGCS2000 point', () => {
  const wgs: [number, number] = [119.92, 32.45]
  const bd = fromCgcs2000(...wgs, 'BD09')
  const gcj = fromCgcs2000(...wgs, 'GCJ02')
  assert.ok(metres(bd, gcj) > 300, 'BD-09 adds its own offset')
  const back = toCgcs2000(...bd, 'BD09')
  assert.ok(metres(back, wgs) < 1, `round trip off by ${metres(back, wgs)} m`)
})

test('isInChina is a rough box; lonLatProblem names swapped axes and projected metres', () => {
  assert.ok(isInChina(119.92, 32.45))
  assert.ok(isInChina(87.6, 43.8)) // Ürümqi
  assert.ok(!isInChina(32.45, 119.92))
  assert.ok(!isInChina(-0.12, 51.5)) // London
  assert.equal(lonLatProblem(119.92, 32.45), undefined)
  assert.match(lonLatProblem(32.45, 119.92) ?? '', /longitude and latitude look swapped/)
  assert.match(lonLatProblem(40_512_345, 3_592_000) ?? '', /projected metres/)
  assert.match(lonLatProblem(-0.12, 51.5) ?? '', /outside China/)
  assert.match(lonLatProblem(200, 10) ?? '', /outside -180\.\.180/)
  assert.match(lonLatProblem(Number.NaN, 10) ?? '', /finite/)
})

test('isSourceCrs accepts exactly the four names', () => {
  assert.ok(isSourceCrs('GCJ02'))
  assert.ok(!isSourceCrs('gcj02'))
  assert.ok(!isSourceCrs('EPSG3857'))
})
