/* eslint-disable no-restricted-imports -- a Node test (node:test, node:assert), never part of the UI bundle */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Settings } from '../../../contracts/bridge/index.js'
import { cgcs2000TileGrid, customSource, effectiveBasemap, fillTemplate, projectionOf, tiandituSource } from './basemaps.js'
import { registerCgcs2000 } from './projection.js'

registerCgcs2000()

const settings = (patch: Partial<Settings>): Settings => ({
  language: 'zh-CN',
  basemap: 'none',
  tiandituToken: '',
  tiandituMatrixSet: 'c',
  customBasemapUrl: '',
  customBasemapProjection: 'EPSG:3857',
  closedCaseDays: 30,
  ...patch,
})

test('天地图 c grid: TileMatrix 1 is 2 × 1 tiles at 0.703125°/px from (-180, 90), as OL EPSG:4326 XYZ z = 1', () => {
  const grid = cgcs2000TileGrid()
  assert.equal(grid.getResolution(0), 0.703125)
  assert.deepEqual(grid.getOrigin(0), [-180, 90])
  assert.deepEqual(grid.getMatrixIds().slice(0, 3), ['1', '2', '3'])
  const range = grid.getFullTileRange(0)!
  assert.deepEqual([range.getWidth(), range.getHeight()], [2, 1])
  assert.equal(grid.getResolution(17), 0.703125 / 2 ** 17)
})

test('天地图 tile URLs: path suffix and TILEMATRIXSET agree, the key goes along, matrix ids start at 1', () => {
  for (const matrixSet of ['c', 'w'] as const) {
    const source = tiandituSource('img', matrixSet, 'abc123')
    const url = source.getTileUrlFunction()([0, 1, 0], 1, source.getProjection()!)!
    assert.match(url, new RegExp(`^https://t[0-7]\\.tianditu\\.gov\\.cn/img_${matrixSet}/wmts\\?`))
    assert.match(url, new RegExp(`TILEMATRIXSET=${matrixSet}(&|$)`, 'i'))
    assert.match(url, /TILEMATRIX=1(&|$)/i)
    assert.match(url, /LAYER=img(&|$)/i)
    assert.match(url, /FORMAT=tiles/i)
    assert.match(url, /tk=abc123/)
  }
})

test('basemap choice → view projection; no key or URL means no basemap', () => {
  assert.equal(projectionOf(settings({})), 'EPSG:4490')
  assert.equal(effectiveBasemap(settings({ basemap: 'tianditu-vec' })), 'none')
  assert.equal(projectionOf(settings({ basemap: 'tianditu-vec', tiandituToken: 'k', tiandituMatrixSet: 'w' })), 'EPSG:3857')
  assert.equal(projectionOf(settings({ basemap: 'tianditu-img', tiandituToken: 'k', tiandituMatrixSet: 'c' })), 'EPSG:4490')
  assert.equal(effectiveBasemap(settings({ basemap: 'custom' })), 'none')
  assert.equal(projectionOf(settings({ basemap: 'custom', customBasemapUrl: 'https://x/{z}/{x}/{y}.png', customBasemapProjection: 'EPSG:4490' })), 'EPSG:4490')
})

test('custom templates: XYZ, {-y} and WMTS REST placeholders; the CGCS2000 grid counts levels from 1', () => {
  assert.equal(fillTemplate('https://t/{z}/{x}/{y}.png', 5, 26, 12, 32), 'https://t/5/26/12.png')
  assert.equal(fillTemplate('https://t/{z}/{x}/{-y}.png', 5, 26, 12, 32), 'https://t/5/26/19.png')
  assert.equal(fillTemplate('https://t/wmts/city/default/c/{TileMatrix}/{TileRow}/{TileCol}.png', 3, 4, 2, 8), 'https://t/wmts/city/default/c/3/2/4.png')
  const cgcs = customSource('https://t/{TileMatrix}/{TileRow}/{TileCol}.png', 'EPSG:4490')
  assert.equal(cgcs.getTileUrlFunction()([0, 1, 0], 1, cgcs.getProjection()!), 'https://t/1/0/1.png')
})
