import { describe, test, before, after } from 'node:test'
import { readFileSync } from 'node:fs'
import assert from 'node:assert/strict'
import { DATABASES, countRows } from './databases.js'
import { getJson, seededApi, type SeededApi } from './seeded.js'
import { importGrids } from '../src/commands/import-grids.js'
import { importComponents } from '../src/commands/import-components.js'
import { ImportFailed } from '../src/commands/import-failed.js'
import { loadDemoCity } from '../../gis-data/demo-city.js'

const city = loadDemoCity()
type Body = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const gridFeature = (g: (typeof city.grids)[number], props: Record<string, unknown> = {}) => ({
  type: 'Feature',
  geometry: g.geometry,
  properties: { id: g.id, communityCode: g.communityCode, areaClass: g.areaClass, ...props },
})

async function rejects(run: Promise<unknown>): Promise<ImportFailed> {
  try {
    await run
  } catch (e) {
    assert.ok(e instanceof ImportFailed, `expected ImportFailed, got ${e}`)
    return e
  }
  assert.fail('the import was accepted')
}

for (const backend of DATABASES) {
  describe(`imports on ${backend.name}`, () => {
    let s: SeededApi
    before(async () => {
      s = await seededApi(backend)
    })
    after(() => s.close())

    test('grids: a file with one bad feature stores nothing and names the feature and field', async () => {
      const before = await s.open.db.selectFrom('unit_grid').select(['id', 'area_class', 'version']).where('id', '=', city.grids[0]!.id).executeTakeFirstOrThrow()
      const file = {
        type: 'FeatureCollection',
        features: [gridFeature(city.grids[0]!, { areaClass: before.area_class === 'A' ? 'B' : 'A' }), gridFeature(city.grids[1]!, { areaClass: 'D' })],
      }
      const e = await rejects(importGrids(s.open.db, file))
      assert.equal(e.errors.length, 1)
      assert.match(e.errors[0]!.where, /^feature 1 \(id \d{15}\)/)
      assert.equal(e.errors[0]!.field, 'properties.areaClass')
      const unchanged = await s.open.db.selectFrom('unit_grid').select(['area_class', 'version']).where('id', '=', city.grids[0]!.id).executeTakeFirstOrThrow()
      assert.deepEqual(unchanged, { area_class: before.area_class, version: before.version })
    })

    test('grids: a community the city does not have is refused', async () => {
      const g = city.grids[0]!
      const stranger = { ...g, id: '321202999999001', communityCode: '321202999999' }
      const e = await rejects(importGrids(s.open.db, { type: 'FeatureCollection', features: [gridFeature(stranger)] }))
      assert.match(e.message, /community 321202999999 .* is not a known community/)
    })

    test('grids: a good file replaces the grids, bumps their version and reaches the change feed', async () => {
      const cursor = (await getJson<Body>(s.app, '/healthz')).body.cursor
      const g = city.grids[2]!
      const newClass = g.areaClass === 'C' ? 'A' : 'C'
      const r = await importGrids(s.open.db, { type: 'FeatureCollection', features: [gridFeature(g, { areaClass: newClass })] })
      assert.equal(r.count, 1)
      const feed = await getJson<Body>(s.app, `/api/v1/sync/changes?since=${cursor}`)
      assert.deepEqual(
        feed.body.changes.map((c: Body) => [c.entity, c.id, c.data.properties.areaClass, c.data.properties.version]),
        [['unit_grid', g.id, newClass, 2]],
      )
      // The lookup sees the new area class once its model is refreshed.
      s.app.cityModel.invalidate()
      const [lon, lat] = g.geometry.coordinates[0]!.slice(0, 3).reduce((a, p) => [a[0]! + p[0]! / 3, a[1]! + p[1]! / 3], [0, 0])
      const loc = await getJson<Body>(s.app, `/api/v1/locate?lon=${lon}&lat=${lat}`)
      assert.deepEqual(loc.body.grid, { id: g.id, areaClass: newClass })
    })

    test('components: CSV errors name the line and column; nothing is stored', async () => {
      const before = await countRows(s.open, 'component')
      const g = city.grids[10]!
      const [lon, lat] = g.geometry.coordinates[0]![0]!.map((v, i) => v + (i === 0 ? 0.0003 : 0.0003))
      const csv = [
        'id,lon,lat,gridId,status,initialDate',
        `${g.id.slice(0, 6)}0101900001,${lon},${lat},${g.id},完好,2024-05-01`,
        `${g.id.slice(0, 6)}0101900002,${lon},${lat},${g.id},broken,2024-05-01`,
      ].join('\n')
      const e = await rejects(importComponents(s.open.db, { format: 'csv', text: csv }))
      assert.equal(e.errors.length, 1)
      assert.deepEqual([e.errors[0]!.where, e.errors[0]!.field], ['line 3', 'status'])
      assert.equal(await countRows(s.open, 'component'), before)
    })

    test('components: a point outside its grid, an unknown grid or unit is caught before anything is stored', async () => {
      const before = await countRows(s.open, 'component')
      const g = city.grids[10]!
      const other = city.grids.find((x) => x.id.slice(0, 6) === g.id.slice(0, 6) && x.communityCode !== g.communityCode)!
      const [olon, olat] = other.geometry.coordinates[0]![0]!.map((v) => v + 0.0003)
      const csv = [
        'id,lon,lat,gridId,status,initialDate,ownerUnitId',
        `${g.id.slice(0, 6)}0101900003,${olon},${olat},${g.id},intact,2024-05-01,`,
        `${g.id.slice(0, 6)}0101900004,${olon},${olat},${g.id.slice(0, 12)}998,intact,2024-05-01,`,
        `${other.id.slice(0, 6)}0101900005,${olon},${olat},${other.id},intact,2024-05-01,no-such-unit`,
      ].join('\n')
      const e = await rejects(importComponents(s.open.db, { format: 'csv', text: csv }))
      assert.deepEqual(
        e.errors.map((x) => x.field),
        ['lon/lat', 'gridId', 'ownerUnitId'],
      )
      assert.match(e.errors[0]!.message, /outside its unit grid/)
      assert.equal(await countRows(s.open, 'component'), before)
    })

    test("components: the demo city's own components.csv imports as it is (edition column included)", async () => {
      const text = readFileSync(new URL('../../gis-data/demo/components.csv', import.meta.url), 'utf8')
      const r = await importComponents(s.open.db, { format: 'csv', text })
      assert.equal(r.count, city.components.length)
    })

    test('components: an edition column that contradicts the id is named', async () => {
      const g = city.grids[10]!
      const [lon, lat] = g.geometry.coordinates[0]![0]!.map((v) => v + 0.0003)
      const csv = ['id,edition,lon,lat,gridId,status,initialDate', `${g.id.slice(0, 6)}0101900009,2026,${lon},${lat},${g.id},intact,2024-05-01`].join('\n')
      const e = await rejects(importComponents(s.open.db, { format: 'csv', text: csv }))
      assert.deepEqual([e.errors[0]!.where, e.errors[0]!.field], ['line 2', 'edition'])
    })

    test('components: a good CSV is stored with catalog names and reaches the feed', async () => {
      const cursor = (await getJson<Body>(s.app, '/healthz')).body.cursor
      const g = city.grids[20]!
      const [lon, lat] = g.geometry.coordinates[0]![0]!.map((v) => v + 0.0003)
      const d = g.id.slice(0, 6)
      const csv = [
        '标识码,经度,纬度,网格,状态,初始日期,数据来源',
        `${d}0117900001,${lon},${lat},${g.id},破损,20240501,实测`,
        `${d}01030900001,${lon},${lat},${g.id},intact,2025-01-02,实测`,
      ].join('\r\n')
      const r = await importComponents(s.open.db, { format: 'csv', text: '\ufeff' + csv })
      assert.equal(r.count, 2)
      const one = await getJson<Body>(s.app, `/api/v1/components/${d}0117900001`)
      assert.deepEqual(
        [one.body.properties.category, one.body.properties.status, one.body.properties.initialDate, one.body.properties.name],
        ['2013:component:0117', 'damaged', '2024-05-01', '立杆'],
      )
      const feed = await getJson<Body>(s.app, `/api/v1/sync/changes?since=${cursor}&entities=component`)
      assert.deepEqual(feed.body.changes.map((c: Body) => c.id).sort(), [`${d}01030900001`, `${d}0117900001`])
    })
  })
}
