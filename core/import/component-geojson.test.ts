import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseComponentFeatureCollection } from './component-records.js'
import { formatImportErrors, type ImportError } from './import-error.js'

type Parsed = ReturnType<typeof parseComponentFeatureCollection>

function errorsOf(result: Parsed): ImportError[] {
  assert.equal(result.ok, false, 'expected errors')
  return result.ok ? [] : result.error
}
const places = (result: Parsed) => errorsOf(result).map((e) => `${e.where} | ${e.field ?? ''}`)

const point = (lon = 119.92, lat = 32.45) => ({ type: 'Point', coordinates: [lon, lat] })
const component = (properties: Record<string, unknown>, geometry: unknown = point()) => ({
  type: 'Feature',
  properties,
  geometry,
})
const base = { status: 'intact', gridId: '321202001002017', initialDate: '2023-01-05' }
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features })

test('good features: English and Chinese property names, a numeric 16-digit id, altitude ignored', () => {
  const result = parseComponentFeatureCollection(
    collection(
      component(
        { ...base, id: '3212020101000001', name: '上水井盖', lon: 0, lat: 0 },
        { type: 'Point', coordinates: [119.92, 32.45, 12] },
      ),
      component({
        标识码: 3212020101000002,
        状态: '丢失',
        网格: 321202001002017,
        初始日期: 20230105,
        备注: '夜间巡查',
      }),
    ),
  )
  assert.ok(result.ok, formatImportErrors(result.ok ? [] : result.error))
  assert.deepEqual(result.value, [
    {
      id: '3212020101000001',
      edition: '2013',
      category: '2013:component:0101',
      name: '上水井盖',
      status: 'intact',
      lon: 119.92,
      lat: 32.45,
      gridId: '321202001002017',
      initialDate: '2023-01-05',
      dataSource: '其他',
    },
    {
      id: '3212020101000002',
      edition: '2013',
      category: '2013:component:0101',
      status: 'missing',
      lon: 119.92,
      lat: 32.45,
      gridId: '321202001002017',
      initialDate: '2023-01-05',
      dataSource: '其他',
      note: '夜间巡查',
    },
  ])
})

test('feature errors name the index, the id and the property path as the file spells it', () => {
  const result = parseComponentFeatureCollection(
    collection(
      component({ ...base, id: Number('32120201001000001') }), // 17 digits: beyond 2^53, no longer exact
      component({ ...base, id: '3212020101000002' }, { type: 'LineString', coordinates: [] }),
      component({ ...base, id: '3212020101000003' }, point(32.45, 119.92)),
      component({ 状态: '坏了', id: '3212020101000004', gridId: base.gridId, initialDate: base.initialDate }),
      component({ ...base, id: '3212020101000005', note: true }),
      component({ ...base, id: '3212020101000006', 标识码: '3212020101000006' }),
      component({ ...base, id: '3212020101000002' }),
      component({ id: '3212020101000008', status: 'intact', gridId: '321202001002017' }),
      component({ ...base, id: '3212020101000009' }, { type: 'Point', coordinates: ['119.92', 32.45] }),
      { type: 'Feature', properties: { ...base, id: '3212020101000010' } },
    ),
  )
  assert.deepEqual(places(result), [
    'feature 0 (id 32120201001000000) | properties.id',
    'feature 1 (id 3212020101000002) | geometry.type',
    'feature 2 (id 3212020101000003) | geometry.coordinates',
    'feature 3 (id 3212020101000004) | properties.状态',
    'feature 4 (id 3212020101000005) | properties.note',
    'feature 5 (id 3212020101000006) | properties.标识码',
    'feature 6 (id 3212020101000002) | properties.id',
    'feature 7 (id 3212020101000008) | properties.initialDate',
    'feature 8 (id 3212020101000009) | geometry.coordinates',
    'feature 9 (id 3212020101000010) | geometry',
  ])
  const m = errorsOf(result).map((e) => e.message)
  assert.match(m[0] ?? '', /too large to be exact: write the id as a string/)
  assert.match(m[1] ?? '', /expected "Point", got "LineString"/)
  assert.match(m[2] ?? '', /look swapped/)
  assert.match(m[3] ?? '', /"坏了": expected one of intact \(完好\)/)
  assert.match(m[4] ?? '', /expected text, got true/)
  assert.match(m[5] ?? '', /names the same field as properties.id/)
  assert.match(m[6] ?? '', /duplicate id 3212020101000002: feature 1 has the same id/)
  assert.match(m[7] ?? '', /^required: the survey date/)
})

test('unknown properties are reported once per file, unless ignored', () => {
  const features = [1, 2, 3].map((n) => component({ ...base, id: `321202010100000${n}`, OBJECTID: n }))
  const errors = errorsOf(parseComponentFeatureCollection(collection(...features)))
  assert.deepEqual(
    errors.map((e) => `${e.where} | ${e.field}`),
    ['feature 0 (id 3212020101000001) | properties.OBJECTID'],
  )
  assert.match(errors[0]?.message ?? '', /unknown property \(in 3 features, first this one\)/)
  const ignored = parseComponentFeatureCollection(collection(...features), { ignoreUnknownFields: true })
  assert.ok(ignored.ok && ignored.value.length === 3)
})

test('categoryName: unknown small class is reported on the category property when there is one', () => {
  const options = { categoryName: (key: string) => (key === '2026:component:01001' ? '供水井盖' : undefined) }
  const good = parseComponentFeatureCollection(
    collection(component({ ...base, id: '32120201001000001' })),
    options,
  )
  assert.ok(good.ok)
  assert.equal(good.value[0]?.name, '供水井盖')
  const bad = parseComponentFeatureCollection(
    collection(
      component({ ...base, id: '32120201099000001' }),
      component({ ...base, id: '32120201099000002', 小类: '01099' }),
    ),
    options,
  )
  assert.deepEqual(places(bad), [
    'feature 0 (id 32120201099000001) | properties.id',
    'feature 1 (id 32120201099000002) | properties.小类',
  ])
})

test("crs BD09 converts, and envelope errors are the grid importer's", () => {
  const bd = parseComponentFeatureCollection(
    collection(component({ ...base, id: '3212020101000001' }, point(119.9325, 32.4618))),
    {
      crs: 'BD09',
    },
  )
  assert.ok(bd.ok)
  assert.ok(Math.abs((bd.value[0]?.lon ?? 0) - 119.9325) > 0.005)
  assert.deepEqual(places(parseComponentFeatureCollection([])), ['file | '])
  assert.deepEqual(places(parseComponentFeatureCollection(collection())), ['file | features'])
})
