import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import booleanPointInPolygon from '@turf/boolean-point-in-polygon'
import { DATABASES } from './databases.js'
import { getJson, seededApi, type SeededApi } from './seeded.js'
import { loadDemoCity } from '../../gis-data/demo-city.js'

const city = loadDemoCity()
// 海陵区 contains lon 119.920 lat 32.490 (issue 2, and where the real district is).
const HAILING = { lon: 119.92, lat: 32.49 }

type Body = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

for (const backend of DATABASES) {
  describe(`central API on ${backend.name}`, () => {
    let s: SeededApi
    before(async () => {
      s = await seededApi(backend)
    })
    after(() => s.close())

    test('health, OpenAPI document and docs page', async () => {
      const health = await getJson<Body>(s.app, '/healthz')
      assert.equal(health.status, 200)
      assert.equal(health.body.database, backend.name)
      assert.match(health.body.cursor, /^[1-9][0-9]*$/)
      const spec = await getJson<Body>(s.app, '/api/openapi.json')
      assert.equal(spec.body.openapi, '3.0.3')
      for (const path of ['/api/v1/locate', '/api/v1/grids', '/api/v1/sync/changes', '/api/v1/catalog/{edition}']) {
        assert.ok(spec.body.paths[path], `OpenAPI lacks ${path}`)
      }
      const docs = await s.app.inject({ method: 'GET', url: '/api/docs/' })
      assert.equal(docs.statusCode, 200)
      assert.match(docs.body, /swagger/i)
    })

    test('regions: four districts, each street and community under its parent', async () => {
      const districts = await getJson<Body>(s.app, '/api/v1/regions?level=district')
      assert.deepEqual(
        districts.body.features.map((f: Body) => [f.properties.code, f.properties.name]),
        [
          ['321202', '海陵区'],
          ['321203', '高港区'],
          ['321204', '姜堰区'],
          ['321271', '泰州医药高新区'],
        ],
      )
      const streets = await getJson<Body>(s.app, '/api/v1/regions?parent=321202')
      assert.ok(streets.body.features.length >= 3)
      for (const f of streets.body.features) assert.equal(f.properties.parentCode, '321202')
      assert.equal((await getJson(s.app, '/api/v1/regions/32120x')).status, 400)
      assert.equal((await getJson(s.app, '/api/v1/regions/321299')).status, 404)
    })

    test('grids: a bbox returns exactly the grids that meet it, paged by id', async () => {
      const bbox = [119.915, 32.485, 119.925, 32.495] as const
      const expected = city.grids
        .filter((g) => {
          const xs = g.geometry.coordinates[0]!.map((p) => p[0]!)
          const ys = g.geometry.coordinates[0]!.map((p) => p[1]!)
          return Math.min(...xs) <= bbox[2] && Math.max(...xs) >= bbox[0] && Math.min(...ys) <= bbox[3] && Math.max(...ys) >= bbox[1]
        })
        .map((g) => g.id)
        .sort()
      assert.ok(expected.length > 50, `bbox holds ${expected.length} grids`)
      const got: string[] = []
      let after = ''
      for (let page = 0; page < 20; page++) {
        const r = await getJson<Body>(s.app, `/api/v1/grids?bbox=${bbox.join(',')}&limit=40${after ? `&after=${after}` : ''}`)
        assert.equal(r.status, 200)
        got.push(...r.body.features.map((f: Body) => f.id))
        if (!r.body.next) break
        after = r.body.next
      }
      assert.deepEqual(got, expected)
      const one = await getJson<Body>(s.app, `/api/v1/grids/${expected[0]}`)
      assert.equal(one.body.properties.communityCode, expected[0]!.slice(0, 12))
    })

    test('grids: a malformed bbox is a 400 naming the field', async () => {
      const r = await getJson<Body>(s.app, '/api/v1/grids?bbox=120,32,119,33')
      assert.equal(r.status, 400)
      assert.equal(r.body.error.field, 'querystring.bbox')
      assert.match(r.body.error.message, /minLon must be ≤ maxLon/)
      const bad = await getJson<Body>(s.app, '/api/v1/grids?limit=0')
      assert.equal(bad.status, 400)
      assert.match(bad.body.error.message, /limit/)
    })

    test('catalog: both editions, with filing conditions and the four safety hazards', async () => {
      const list = await getJson<Body>(s.app, '/api/v1/catalog')
      assert.deepEqual(
        list.body.editions.map((e: Body) => [e.edition, e.standard]),
        [
          ['2013', 'GB/T 30428.2-2013'],
          ['2026', 'GB/T 47678.5-2026'],
        ],
      )
      const e2026 = await getJson<Body>(s.app, '/api/v1/catalog/2026?kind=component')
      assert.equal(e2026.body.classes.length, 153)
      const e2026events = await getJson<Body>(s.app, '/api/v1/catalog/2026?kind=event')
      assert.equal(e2026events.body.classes.length, 250)
      const covers = await getJson<Body>(s.app, `/api/v1/catalog/2013?q=${encodeURIComponent('井盖')}`)
      const water = covers.body.classes.find((c: Body) => c.key === '2013:component:0101')
      assert.ok(water, 'search for 井盖 finds 上水井盖')
      const hazard = water.conditions.find((c: Body) => c.safetyHazard === 'manhole-cover')
      assert.deepEqual(hazard.onSiteLimit, { amount: 2, unit: 'natural-hours' })
      assert.equal((await getJson(s.app, '/api/v1/catalog/2019')).status, 400)
    })

    test('units and routing rules are served as loaded', async () => {
      const units = await getJson<Body>(s.app, '/api/v1/units')
      assert.equal(units.body.units.length, city.units.length)
      const rapid = await getJson<Body>(s.app, '/api/v1/units?type=rapid-response')
      assert.equal(rapid.body.units.length, 1)
      const rules = await getJson<Body>(s.app, '/api/v1/routing-rules')
      assert.equal(rules.body.rules.length, city.routingRules.length)
    })

    test('components: filter by bbox and category, page by id', async () => {
      const all = await getJson<Body>(s.app, '/api/v1/components?limit=10000')
      assert.equal(all.body.features.length, city.components.length)
      const covers = await getJson<Body>(s.app, '/api/v1/components?category=2013:component:01&limit=10000')
      const expected = city.components.filter((c) => c.category.startsWith('2013:component:01')).length
      assert.equal(covers.body.features.length, expected)
      for (const f of covers.body.features) assert.match(f.id, /^\d{16}$/)
      const first = city.components[0]!
      const near = await getJson<Body>(
        s.app,
        `/api/v1/components?bbox=${first.lon - 1e-6},${first.lat - 1e-6},${first.lon + 1e-6},${first.lat + 1e-6}`,
      )
      assert.ok(near.body.features.some((f: Body) => f.id === first.id))
      const page1 = await getJson<Body>(s.app, '/api/v1/components?limit=5')
      const page2 = await getJson<Body>(s.app, `/api/v1/components?limit=5&after=${page1.body.next}`)
      assert.ok(page2.body.features[0].id > page1.body.features[4].id)
      assert.equal((await getJson(s.app, '/api/v1/components/3212020101999999')).status, 404)
    })

    test('locate in 海陵区: a 15-digit grid id starting 321202, its regions, and the unit per category', async () => {
      const r = await getJson<Body>(s.app, `/api/v1/locate?lon=${HAILING.lon}&lat=${HAILING.lat}&category=2026:event:06010`)
      assert.equal(r.status, 200)
      assert.match(r.body.grid.id, /^321202\d{9}$/)
      assert.equal(r.body.district.name, '海陵区')
      assert.equal(r.body.community.code, r.body.grid.id.slice(0, 12))
      assert.equal(r.body.street.code, r.body.grid.id.slice(0, 9))
      // The grid really holds the point.
      const grid = city.grids.find((g) => g.id === r.body.grid.id)!
      assert.ok(booleanPointInPolygon([HAILING.lon, HAILING.lat], grid.geometry))
      // 暴露垃圾 is sanitation: 海陵区's own sanitation office, with the limit of this grid's area class.
      const [exposed] = r.body.responsible
      assert.equal(exposed.unit.id, 'hl-sanitation')
      assert.equal(exposed.conditions[0].limit.unit, exposed.conditions[0].limits[r.body.grid.areaClass].unit)

      const expectations: [string, string][] = [
        ['2013:event:0201', 'hl-law-enforcement'], // 非法小广告
        ['2026:event:07001', 'hl-law-enforcement'],
        ['2013:component:0402', 'city-landscaping'], // 行道树
        ['2026:component:01037', 'city-street-lighting'], // 路灯
        ['2026:component:01045', 'center-rapid-response'], // 自动售货机: nobody here answers for it (seed 第9条)
      ]
      for (const [category, unit] of expectations) {
        const one = await getJson<Body>(s.app, `/api/v1/locate?lon=${HAILING.lon}&lat=${HAILING.lat}&category=${category}`)
        assert.equal(one.body.responsible[0].unit.id, unit, category)
      }
      const fallback = await getJson<Body>(s.app, `/api/v1/locate?lon=${HAILING.lon}&lat=${HAILING.lat}&category=2026:component:01045`)
      assert.equal(fallback.body.responsible[0].basis.kind, 'fallback')
    })

    test('locate without a category lists every unit responsible here, with its categories', async () => {
      const r = await getJson<Body>(s.app, `/api/v1/locate?lon=${HAILING.lon}&lat=${HAILING.lat}&edition=2026`)
      const ids = r.body.units.map((u: Body) => u.unit.id)
      assert.ok(ids.includes('hl-sanitation') && ids.includes('hl-law-enforcement'))
      assert.ok(!ids.includes('gg-sanitation'), "高港区's sanitation office does not serve 海陵区")
      const total = r.body.units.reduce((n: number, u: Body) => n + u.categories.length, 0)
      assert.equal(total, 153 + 250)
    })

    test('locate: outside the city there is no grid; bad input is a 400', async () => {
      const far = await getJson<Body>(s.app, '/api/v1/locate?lon=116.4&lat=39.9')
      assert.equal(far.status, 200)
      assert.equal(far.body.grid, null)
      assert.equal(far.body.district, null)
      const bad = await getJson<Body>(s.app, '/api/v1/locate?lon=abc&lat=32')
      assert.equal(bad.status, 400)
      assert.match(bad.body.error.message, /lon/)
      const unknown = await getJson<Body>(s.app, '/api/v1/locate?lon=119.92&lat=32.49&category=2013:component:9999')
      assert.equal(unknown.status, 400)
      assert.equal(unknown.body.error.field, 'querystring.category')
    })

    test('sync: an initial sync reads every entity once, then nothing until something changes', async () => {
      const counts = new Map<string, number>()
      let since = '0'
      for (;;) {
        const page = await getJson<Body>(s.app, `/api/v1/sync/changes?since=${since}&limit=5000`)
        for (const c of page.body.changes) counts.set(c.entity, (counts.get(c.entity) ?? 0) + 1)
        since = page.body.cursor
        if (!page.body.hasMore) break
      }
      assert.equal(counts.get('unit_grid'), s.counts.grids)
      assert.equal(counts.get('component'), s.counts.components)
      assert.equal(counts.get('region'), s.counts.regions)
      assert.equal(counts.get('catalog_class'), s.counts.catalogClasses)
      assert.equal(counts.get('responsible_unit'), s.counts.units)
      assert.equal(counts.get('routing_rule'), s.counts.rules)
      const idle = await getJson<Body>(s.app, `/api/v1/sync/changes?since=${since}`)
      assert.deepEqual([idle.body.changes.length, idle.body.cursor], [0, since])
      const bad = await getJson<Body>(s.app, '/api/v1/sync/changes?entities=cases')
      assert.equal(bad.status, 400)
      assert.match(bad.body.error.message, /unknown entity "cases"/)
      // Cases are in the feed too, but not for anonymous callers (server/test/routes/case-api.test.ts).
      assert.equal((await getJson<Body>(s.app, '/api/v1/sync/changes?entities=case')).status, 401)
    })
  })
}
