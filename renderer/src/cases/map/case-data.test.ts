/* eslint-disable no-restricted-imports -- a Node test (node:test, node:assert), never part of the UI bundle */
import { describe, it, test } from 'node:test'
import assert from 'node:assert/strict'
import { fromLonLat } from 'ol/proj.js'
import type { CaseColumns } from '../../../../contracts/bridge/index.js'
import { caseData, caseDataFromColumns, caseExtent, indexOfCase, MINUTE, projectCases } from './case-data.js'

const columns: CaseColumns = {
  total: 3,
  ids: ['a', 'b', 'c'],
  lon: [119.9, 120.01, 119.95],
  lat: [32.4, 32.45, 32.3],
  phase: [0, 9, 3],
  light: [3, 1, -2],
  hazard: [1, 0, 0],
  createdAt: [Date.UTC(2026, 0, 5, 8, 0, 30), Date.UTC(2026, 0, 1, 7, 59, 59, 500), Date.UTC(2026, 1, 1)],
  onSiteDeadline: [Date.UTC(2026, 0, 5, 8, 30), 0, 0],
  grid: [0, -1, 1],
  gridIds: ['321202001001001', '321202001001002'],
}

test('columns become typed arrays; out-of-range indices are clamped', () => {
  const data = caseDataFromColumns(columns)
  assert.equal(data.size, 3)
  assert.deepEqual([...data.phase], [0, 6, 3])
  assert.deepEqual([...data.light], [3, 1, 0])
  assert.deepEqual([...data.grid], [0, -1, 1])
  assert.deepEqual(data.span, { from: columns.createdAt[1], to: columns.createdAt[2] })
  assert.equal(data.base, Date.UTC(2026, 0, 1, 7, 59))
  assert.deepEqual(
    [...data.minute],
    columns.createdAt.map((t) => Math.floor((t - data.base) / MINUTE)),
  )
  assert.equal(indexOfCase(data, 'c'), 2)
  assert.equal(indexOfCase(data, 'zz'), -1)
})

test('columns of different lengths are refused', () => {
  assert.throws(() => caseDataFromColumns({ ...columns, lat: [1, 2] }), /lat has 2 entries, ids 3/)
})

test('an empty answer has no span', () => {
  const data = caseDataFromColumns({ ...columns, total: 0, ids: [], lon: [], lat: [], phase: [], light: [], hazard: [], createdAt: [], onSiteDeadline: [], grid: [], gridIds: [] })
  assert.equal(data.span, null)
  assert.equal(data.size, 0)
})

test('projected positions match OpenLayers for Web Mercator and are the same arrays in CGCS2000', () => {
  const data = caseDataFromColumns(columns)
  const lonLat = projectCases(data, 'EPSG:4490')
  assert.equal(lonLat.x, data.lon)
  const merc = projectCases(data, 'EPSG:3857')
  for (let i = 0; i < data.size; i++) {
    const [x, y] = fromLonLat([data.lon[i]!, data.lat[i]!], 'EPSG:3857')
    assert.ok(Math.abs(merc.x[i]! - x!) < 1e-6 && Math.abs(merc.y[i]! - y!) < 1e-6)
  }
})

describe('caseExtent', () => {
  it('spans the cases, leaving out a stray one far away', () => {
    assert.equal(caseExtent(caseData({ ids: [], lon: [], lat: [], phase: [], light: [], hazard: [], createdAt: [] })), null)
    const n = 200
    const lon = Array.from({ length: n }, (_, i) => 119.9 + (i % 20) * 0.001)
    const lat = Array.from({ length: n }, (_, i) => 32.48 + Math.floor(i / 20) * 0.002)
    lon[0] = 120.5 // one case across the city
    const zeros = new Array<number>(n).fill(0)
    const extent = caseExtent(caseData({ ids: lon.map((_, i) => String(i)), lon, lat, phase: zeros, light: zeros, hazard: zeros, createdAt: zeros }))!
    assert.ok(extent[2] < 119.92 && extent[0] >= 119.9, `the stray case is left out (${extent})`)
    assert.ok(Math.abs(extent[1] - 32.48) < 1e-9 && Math.abs(extent[3] - 32.498) < 1e-9)
  })
})
