import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseGridFeatureCollection } from './grid-features.js'
import { formatImportErrors, type ImportError } from './import-error.js'

// A ~100 m cell in 泰州 海陵区, counter-clockwise.
const SQUARE = [
  [119.92, 32.45],
  [119.921, 32.45],
  [119.921, 32.451],
  [119.92, 32.451],
  [119.92, 32.45],
]
const polygon = (ring: unknown[] = SQUARE, ...holes: unknown[][]) => ({
  type: 'Polygon',
  coordinates: [ring, ...holes],
})
const grid = (properties: Record<string, unknown> | null, geometry: unknown = polygon()) => ({
  type: 'Feature',
  properties,
  geometry,
})
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features })
const ok = (id: string, extra: Record<string, unknown> = {}) => ({ id, areaClass: 'B', ...extra })

/** The errors of a result that must have failed, as `where | field` pairs. */
function places(result: ReturnType<typeof parseGridFeatureCollection>): string[] {
  assert.equal(result.ok, false, 'expected errors')
  return result.ok ? [] : result.error.map((e) => `${e.where} | ${e.field ?? ''}`)
}
function errorsOf(result: ReturnType<typeof parseGridFeatureCollection>): ImportError[] {
  assert.equal(result.ok, false, 'expected errors')
  return result.ok ? [] : result.error
}

test('good grids: 14-digit and numeric ids canonicalised, orientation and repeats repaired, MultiPolygon unwrapped', () => {
  const clockwise = [...SQUARE].reverse()
  const withRepeatAndAltitude = [
    [119.922, 32.45, 5],
    [119.923, 32.45],
    [119.923, 32.45],
    [119.923, 32.451],
    [119.922, 32.451],
    [119.922, 32.45, 5],
  ]
  const result = parseGridFeatureCollection(
    collection(
      grid(
        { id: '321202001002017', communityCode: '321202001002', areaClass: 'A', name: 'ignored' },
        polygon(clockwise),
      ),
      grid(
        { id: '32120200100218', areaClass: 'C' },
        { type: 'MultiPolygon', coordinates: [[withRepeatAndAltitude]] },
      ),
      grid({ id: 321202001002019, areaClass: 'B' }),
    ),
  )
  assert.ok(result.ok, formatImportErrors(result.ok ? [] : result.error))
  assert.deepEqual(result.value, [
    {
      id: '321202001002017',
      communityCode: '321202001002',
      areaClass: 'A',
      geometry: { type: 'Polygon', coordinates: [SQUARE] },
    },
    {
      id: '321202001002018',
      communityCode: '321202001002',
      areaClass: 'C',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [119.922, 32.45],
            [119.923, 32.45],
            [119.923, 32.451],
            [119.922, 32.451],
            [119.922, 32.45],
          ],
        ],
      },
    },
    {
      id: '321202001002019',
      communityCode: '321202001002',
      areaClass: 'B',
      geometry: { type: 'Polygon', coordinates: [SQUARE] },
    },
  ])
})

test('crs GCJ02: coordinates are converted to CGCS2000 (several hundred metres west here)', () => {
  const result = parseGridFeatureCollection(collection(grid(ok('321202001002017'))), { crs: 'GCJ02' })
  assert.ok(result.ok)
  const [lon, lat] = result.value[0]?.geometry.coordinates[0]?.[0] ?? []
  assert.ok(
    lon !== undefined && lat !== undefined && lon < 119.92 - 0.003 && lon > 119.92 - 0.007,
    String(lon),
  )
})

test('the file as a whole: not a collection, wrong type, no features array, projected crs, empty', () => {
  assert.deepEqual(places(parseGridFeatureCollection('nope')), ['file | '])
  assert.deepEqual(places(parseGridFeatureCollection({ type: 'Feature' })), ['file | type'])
  assert.deepEqual(places(parseGridFeatureCollection({ type: 'FeatureCollection' })), ['file | features'])
  const projected = {
    ...collection(grid(ok('321202001002017'))),
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4549' } },
  }
  const crsErrors = errorsOf(parseGridFeatureCollection(projected))
  assert.deepEqual(
    crsErrors.map((e) => e.field),
    ['crs'],
  )
  assert.match(crsErrors[0]?.message ?? '', /EPSG::4549.*EPSG:4490/)
  const cgcs = {
    ...collection(grid(ok('321202001002017'))),
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4490' } },
  }
  assert.ok(parseGridFeatureCollection(cgcs).ok)
  assert.deepEqual(places(parseGridFeatureCollection(collection())), ['file | features'])
})

test('property errors name the feature and the property', () => {
  const result = parseGridFeatureCollection(
    collection(
      grid({ areaClass: 'B' }),
      grid({ id: '321202001002', areaClass: 'B' }),
      grid(ok('321202001002017', { communityCode: '321202001003' })),
      grid({ id: '321202001002018', areaClass: 'D' }),
      grid({ id: '321202001002019' }),
      grid({ id: true, areaClass: 'b' }),
      grid(null),
      'not a feature',
      { type: 'Feature', properties: ok('321202001002020'), geometry: null },
    ),
  )
  assert.deepEqual(places(result), [
    'feature 0 | properties.id',
    'feature 1 (id 321202001002) | properties.id',
    'feature 2 (id 321202001002017) | properties.communityCode',
    'feature 3 (id 321202001002018) | properties.areaClass',
    'feature 4 (id 321202001002019) | properties.areaClass',
    'feature 5 | properties.id',
    'feature 5 | properties.areaClass',
    'feature 6 | properties.id',
    'feature 6 | properties.areaClass',
    'feature 7 | ',
    'feature 8 (id 321202001002020) | geometry',
  ])
  const messages = errorsOf(result).map((e) => e.message)
  assert.match(messages[0] ?? '', /required/)
  assert.match(messages[1] ?? '', /expected 15 digits/)
  assert.match(messages[2] ?? '', /"321202001003" does not match the id.*321202001002/)
  assert.match(messages[3] ?? '', /got "D": expected one of "A" \(核心区\), "B" \(一般区\), "C" \(其他\)/)
  assert.match(messages[4] ?? '', /^required/)
})

test('duplicate ids name both features, also across the 14- and 15-digit forms', () => {
  const result = parseGridFeatureCollection(
    collection(grid(ok('321202001002017')), grid(ok('321202001002018')), grid(ok('32120200100217'))),
  )
  const errors = errorsOf(result)
  assert.deepEqual(places(result), ['feature 2 (id 32120200100217) | properties.id'])
  assert.match(errors[0]?.message ?? '', /duplicate id 321202001002017: feature 0 has the same id/)
})

test('geometry errors name the coordinate path (ring checks themselves: polygon-check.test.ts)', () => {
  const id = (n: number) => ok(`3212020010020${String(n).padStart(2, '0')}`)
  const swapped = SQUARE.map((p, k) => (k === 2 ? [p[1], p[0]] : p))
  // prettier-ignore
  const bowTie = [[119.92, 32.45], [119.921, 32.451], [119.921, 32.45], [119.92, 32.451], [119.92, 32.45]]
  const result = parseGridFeatureCollection(
    collection(
      grid(id(10), { type: 'Point', coordinates: [119.92, 32.45] }),
      grid(id(11), { type: 'MultiPolygon', coordinates: [[SQUARE], [SQUARE]] }),
      grid(id(12), { type: 'MultiPolygon', coordinates: [] }),
      grid(id(13), { type: 'MultiPolygon', coordinates: [[SQUARE.slice(0, 4)]] }),
      grid(id(14), polygon(swapped)),
      grid(id(15), polygon(bowTie)),
    ),
  )
  assert.deepEqual(places(result), [
    'feature 0 (id 321202001002010) | geometry.type',
    'feature 1 (id 321202001002011) | geometry',
    'feature 2 (id 321202001002012) | geometry',
    'feature 3 (id 321202001002013) | geometry.coordinates[0][0]',
    'feature 4 (id 321202001002014) | geometry.coordinates[0][2]',
    'feature 5 (id 321202001002015) | geometry.coordinates',
  ])
  const messages = errorsOf(result).map((e) => e.message)
  assert.match(messages[0] ?? '', /expected "Polygon" \(or a single-part "MultiPolygon"\), got "Point"/)
  assert.match(messages[1] ?? '', /MultiPolygon of 2 parts.*split it into 2 grids/)
  assert.match(messages[2] ?? '', /MultiPolygon with no parts/)
  assert.match(messages[3] ?? '', /not closed/)
  assert.match(messages[4] ?? '', /longitude and latitude look swapped/)
  assert.match(messages[5] ?? '', /cross themselves or each other/)
})

test('one feature with several problems lists them all', () => {
  const result = parseGridFeatureCollection(
    collection(grid({ id: 'x', areaClass: 'Z' }, { type: 'LineString', coordinates: [] })),
  )
  assert.deepEqual(places(result), [
    'feature 0 (id x) | properties.id',
    'feature 0 (id x) | properties.areaClass',
    'feature 0 (id x) | geometry.type',
  ])
})

test('errors are capped and the rest counted; formatImportErrors gives one line each', () => {
  const bad = Array.from({ length: 150 }, () => grid({ id: '321202001002017' }))
  const errors = errorsOf(parseGridFeatureCollection(collection(...bad)))
  // Each feature lacks areaClass, and features 1-149 also repeat feature 0's id: 299 errors in all.
  assert.equal(errors.length, 101)
  assert.deepEqual(errors[100], { where: 'file', message: '… and 199 more errors not listed' })
  const few = errorsOf(parseGridFeatureCollection(collection(...bad), { maxErrors: 2 }))
  assert.equal(
    formatImportErrors(few),
    [
      'feature 0 (id 321202001002017), properties.areaClass: required: expected one of "A" (核心区), "B" (一般区), "C" (其他)',
      'feature 1 (id 321202001002017), properties.id: duplicate id 321202001002017: feature 0 has the same id',
      'file: … and 297 more errors not listed',
    ].join('\n'),
  )
})

test('a runaway grid id is refused as too long without being quoted back', () => {
  const errors = errorsOf(parseGridFeatureCollection(collection(grid(ok('3'.repeat(5_000_000))))))
  assert.deepEqual(
    errors.map((e) => [e.where.length < 80, e.field, e.message]),
    [[true, 'properties.id', 'too long for a unit grid id (15 digits): 5.0 million characters; at most 64']],
  )
})
