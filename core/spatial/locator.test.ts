import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Polygon } from 'geojson'
import { createLocator } from './locator.js'
import type { Region, UnitGrid } from '../region/types.js'

const box = (w: number, s: number, e: number, n: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
})

// One district, one street, two communities side by side; each community holds two grids (west, east).
const regions: Region[] = [
  { code: '321202', level: 'district', name: '海陵区', nameEn: 'Hailing', geometry: box(0, 0, 4, 2) },
  {
    code: '321202001',
    level: 'street',
    name: '城中街道',
    nameEn: 'Chengzhong',
    parentCode: '321202',
    geometry: box(0, 0, 4, 2),
  },
  {
    code: '321202001001',
    level: 'community',
    name: '甲社区',
    nameEn: 'Jia',
    parentCode: '321202001',
    geometry: box(0, 0, 2, 2),
  },
  {
    code: '321202001002',
    level: 'community',
    name: '乙社区',
    nameEn: 'Yi',
    parentCode: '321202001',
    geometry: box(2, 0, 4, 2),
  },
]
const grids: UnitGrid[] = [
  { id: '321202001001001', communityCode: '321202001001', areaClass: 'A', geometry: box(0, 0, 1, 2) },
  { id: '321202001001002', communityCode: '321202001001', areaClass: 'B', geometry: box(1, 0, 2, 2) },
  { id: '321202001002001', communityCode: '321202001002', areaClass: 'B', geometry: box(2, 0, 3, 2) },
  // The last cell of 乙社区 is unsurveyed (a river): no grid, but the community still answers.
]
const locator = createLocator({ grids, regions })

test('a point inside a grid yields the grid and every region above it', () => {
  assert.deepEqual(locator.locate(0.5, 1), {
    grid: { id: '321202001001001', areaClass: 'A' },
    community: { code: '321202001001', name: '甲社区', nameEn: 'Jia' },
    street: { code: '321202001', name: '城中街道', nameEn: 'Chengzhong' },
    district: { code: '321202', name: '海陵区', nameEn: 'Hailing' },
  })
  assert.equal(locator.locate(2.5, 0.3).grid?.id, '321202001002001')
})

test('a point on a shared edge belongs to exactly one grid: the smaller id', () => {
  assert.equal(locator.gridAt(1, 1)?.id, '321202001001001')
  assert.equal(locator.gridAt(2, 1)?.id, '321202001001002')
})

test('outside every grid, the finest region that holds the point still answers', () => {
  const r = locator.locate(3.5, 1)
  assert.equal(r.grid, undefined)
  assert.equal(r.community?.code, '321202001002')
  assert.equal(r.district?.code, '321202')
})

test('outside the city, nothing', () => {
  assert.deepEqual(locator.locate(10, 10), {})
  assert.equal(locator.gridAt(-0.0001, 1), undefined)
})

test('lookup by grid id needs no geometry', () => {
  assert.equal(locator.locateGrid('321202001002001')?.community?.name, '乙社区')
  assert.equal(locator.locateGrid('999999999999999'), undefined)
  assert.equal(locator.gridCount, 3)
})
