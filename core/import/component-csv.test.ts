import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseComponentCsv } from './component-records.js'
import { formatImportErrors, type ImportError } from './import-error.js'

type Parsed = ReturnType<typeof parseComponentCsv>

function errorsOf(result: Parsed): ImportError[] {
  assert.equal(result.ok, false, 'expected errors')
  return result.ok ? [] : result.error
}
const places = (result: Parsed) => errorsOf(result).map((e) => `${e.where} | ${e.field ?? ''}`)
const valueOf = <T>(result: { ok: true; value: T } | { ok: false; error: ImportError[] }): T => {
  if (!result.ok) assert.fail(formatImportErrors(result.error))
  return result.value
}

test('a Chinese survey file: BOM, CRLF, Chinese names and status, YYYYMMDD, a quoted two-line note, blank lines', () => {
  const text =
    '\uFEFF标识码,名称,状态,经度,纬度,网格,初始日期,变更日期,数据来源,备注,权属单位,养护单位\r\n' +
    '3212020101000001,上水井盖,完好,119.9201,32.4501,321202001002017,20230105,,实测,"两行\r\n备注",91321200MA1XXXXX0A,\r\n' +
    '\r\n' +
    '32120201001000002,,破损,119.9202,32.4502,32120200100217,2023-01-05,2024-03-01,,,,\r\n' +
    ',,,,,,,,,,,\r\n'
  assert.deepEqual(valueOf(parseComponentCsv(text)), [
    {
      id: '3212020101000001',
      edition: '2013',
      category: '2013:component:0101',
      name: '上水井盖',
      status: 'intact',
      lon: 119.9201,
      lat: 32.4501,
      gridId: '321202001002017',
      ownerUnitId: '91321200MA1XXXXX0A',
      initialDate: '2023-01-05',
      dataSource: '实测',
      note: '两行\r\n备注',
    },
    {
      id: '32120201001000002',
      edition: '2026',
      category: '2026:component:01001',
      status: 'damaged',
      lon: 119.9202,
      lat: 32.4502,
      gridId: '321202001002017',
      initialDate: '2023-01-05',
      changeDate: '2024-03-01',
      dataSource: '其他',
    },
  ])
})

const HEADER = 'ID,Category,Status,Lon,Lat,Grid_Id,InitialDate,ChangeDate,DataSource,Note'
const row = (
  over: Partial<
    Record<
      'id' | 'category' | 'status' | 'lon' | 'lat' | 'grid' | 'initial' | 'change' | 'source' | 'note',
      string
    >
  > = {},
) =>
  [
    over.id ?? '3212020101000001',
    over.category ?? '',
    over.status ?? 'Intact',
    over.lon ?? '119.92',
    over.lat ?? '32.45',
    over.grid ?? '321202001002017',
    over.initial ?? '2023-01-05',
    over.change ?? '',
    over.source ?? '',
    over.note ?? '',
  ].join(',')
const seq = (n: number) => `3212020101${String(n).padStart(6, '0')}`

test('English headers in any case and with underscores; category as bare code or full key', () => {
  const text = [
    HEADER,
    row({ id: seq(1), category: '0101' }),
    row({ id: seq(2), category: '2013:component:0101', status: 'REMOVED' }),
  ].join('\n')
  const value = valueOf(parseComponentCsv(text))
  assert.deepEqual(
    value.map((c) => [c.id, c.category, c.status]),
    [
      [seq(1), '2013:component:0101', 'intact'],
      [seq(2), '2013:component:0101', 'removed'],
    ],
  )
})

test('line errors name the 1-based line (header = 1) and the column as the header spells it', () => {
  const text = [
    HEADER, // 1
    row({ id: seq(1) }), // 2
    row({ id: seq(1) }), // 3: duplicate of line 2
    row({ id: '32120201010000' }), // 4
    row({ id: seq(4), status: 'broken' }), // 5
    row({ id: seq(5), grid: '3212020010020' }), // 6
    row({ id: seq(6), initial: '2023-02-29' }), // 7
    row({ id: seq(7), change: '20221231' }), // 8
    row({ id: seq(8), source: '测量' }), // 9
    row({ id: seq(9), category: '0102' }), // 10
    row({ id: seq(10), lon: 'abc' }), // 11
    row({ id: seq(11), lon: '32.45', lat: '119.92' }), // 12
    row({ id: seq(12) }) + ',extra', // 13
    row({ id: seq(13), status: '' }), // 14
    row({ id: seq(14), status: '坏了', note: '"first\nsecond"' }), // 15-16
    row({ id: seq(16), initial: '2023/01/05' }), // 17
    '', // 18
    row({ id: 'abc' }), // 19
  ].join('\n')
  const result = parseComponentCsv(text)
  assert.deepEqual(places(result), [
    'line 3 | ID',
    'line 4 | ID',
    'line 5 | Status',
    'line 6 | Grid_Id',
    'line 7 | InitialDate',
    'line 8 | ChangeDate',
    'line 9 | DataSource',
    'line 10 | Category',
    'line 11 | Lon',
    'line 12 | Lon/Lat',
    'line 13 | ',
    'line 14 | Status',
    'line 15 | Status',
    'line 17 | InitialDate',
    'line 19 | ID',
  ])
  const m = errorsOf(result).map((e) => e.message)
  assert.match(m[0] ?? '', /duplicate id 3212020101000001: line 2 has the same id/)
  assert.match(m[1] ?? '', /expected 16 digits .* got 14/)
  assert.match(m[2] ?? '', /"broken": expected one of intact \(完好\), damaged \(破损\)/)
  assert.match(m[3] ?? '', /unit grid id/)
  assert.match(m[4] ?? '', /"2023-02-29" is not a calendar date/)
  assert.match(m[5] ?? '', /2022-12-31 is before the survey date .* 2023-01-05/)
  assert.match(m[6] ?? '', /"测量": expected one of 实测, 地形图, 基础地理数据, 其他/)
  assert.match(m[7] ?? '', /"0102" does not match the id, whose small class is 0101/)
  assert.match(m[8] ?? '', /"abc" is not a number/)
  assert.match(m[9] ?? '', /look swapped/)
  assert.match(m[10] ?? '', /has 11 fields but the header has 10/)
  assert.match(m[11] ?? '', /^required: the status/)
  assert.match(m[13] ?? '', /write YYYY-MM-DD or YYYYMMDD/)
})

test('header problems: missing required columns in one error, unknown and repeated columns', () => {
  const missing = errorsOf(parseComponentCsv('id,lon,status\n3212020101000001,119.92,intact'))
  assert.deepEqual(missing, [
    {
      where: 'line 1',
      message:
        'missing required columns: lat (纬度); gridId (网格, 所在单元网格标识码); initialDate (初始日期)',
    },
  ])
  const header = 'id,lon,lat,gridId,status,initialDate'
  const good = '3212020101000001,119.92,32.45,321202001002017,intact,2023-01-05'
  assert.deepEqual(places(parseComponentCsv(`${header},Material\n${good},铸铁`)), ['line 1 | Material'])
  assert.equal(
    valueOf(parseComponentCsv(`${header},Material\n${good},铸铁`, { ignoreUnknownFields: true })).length,
    1,
  )
  const repeated = errorsOf(parseComponentCsv(`标识码,${header}\n${good},${good}`))
  assert.deepEqual(
    repeated.map((e) => `${e.where} | ${e.field}`),
    ['line 1 | id'],
  )
  assert.match(repeated[0]?.message ?? '', /names the same field \(id\) as column "标识码"/)
  // A trailing comma leaves a column with no name: ignored while empty, an error when it holds a value.
  assert.equal(valueOf(parseComponentCsv(`${header},\n${good},`)).length, 1)
  assert.deepEqual(places(parseComponentCsv(`${header},\n${good},x`)), ['line 2 | column 7'])
})

test('categoryName fills names from the catalog and rejects unknown small classes', () => {
  const catalog = new Map([['2013:component:0101', '上水井盖']])
  const options = { categoryName: (key: string) => catalog.get(key) }
  const header = 'id,lon,lat,gridId,status,initialDate'
  const result = parseComponentCsv(
    `${header}\n3212020101000001,119.92,32.45,321202001002017,intact,2023-01-05`,
    options,
  )
  const components = valueOf(result)
  assert.equal(components[0]?.name, '上水井盖') // typed as Component: name is a string
  const unknown = parseComponentCsv(
    `${header}\n3212020199000001,119.92,32.45,321202001002017,intact,2023-01-05`,
    options,
  )
  assert.deepEqual(places(unknown), ['line 2 | id'])
  assert.match(errorsOf(unknown)[0]?.message ?? '', /small class 0199 is not in the 2013 catalog/)
  const withColumn = parseComponentCsv(
    `${header},小类\n3212020199000001,119.92,32.45,321202001002017,intact,2023-01-05,0199`,
    options,
  )
  assert.deepEqual(places(withColumn), ['line 2 | 小类'])
})

test('crs GCJ02 converts each point to CGCS2000', () => {
  const text = `${HEADER}\n${row({ lon: '119.9259', lat: '32.4558' })}`
  const [c] = valueOf(parseComponentCsv(text, { crs: 'GCJ02' }))
  assert.ok(
    c && Math.abs(c.lon - 119.92116) < 1e-4 && Math.abs(c.lat - 32.45802) < 1e-4,
    `${c?.lon}, ${c?.lat}`,
  )
})

test('unusable files: empty, GBK decoded as UTF-8, unclosed quote', () => {
  assert.deepEqual(places(parseComponentCsv('')), ['file | '])
  assert.deepEqual(places(parseComponentCsv('\n\n')), ['file | '])
  const gbk = errorsOf(parseComponentCsv('\uFFFD\uFFFD\uFFFD,id\n1,2'))
  assert.match(gbk[0]?.message ?? '', /GBK/)
  const quote = errorsOf(parseComponentCsv(`${HEADER}\n${row()}\n${row({ note: '"never closed' })}`))
  assert.deepEqual(
    quote.map((e) => e.where),
    ['line 3'],
  )
  assert.match(quote[0]?.message ?? '', /Quote Not Closed/)
})

test('100,000 rows parse; a file wrong on every line lists 100 errors and counts the rest', () => {
  const header = 'id,status,lon,lat,gridId,initialDate'
  const lines = [header]
  for (let n = 1; n <= 100_000; n++) {
    lines.push(`${seq(n)},intact,${(119.9 + (n % 1000) * 1e-5).toFixed(5)},32.45,321202001002017,2023-01-05`)
  }
  const started = performance.now()
  const value = valueOf(parseComponentCsv(lines.join('\n')))
  console.log(`# 100,000-row component CSV parsed in ${Math.round(performance.now() - started)} ms`)
  assert.equal(value.length, 100_000)
  assert.equal(value[99_999]?.id, seq(100_000))

  const bad = lines.map((l, i) => (i === 0 ? l : l.replace(',intact,', ',broken,'))).join('\n')
  const errors = errorsOf(parseComponentCsv(bad))
  assert.equal(errors.length, 101)
  assert.equal(errors[0]?.where, 'line 2')
  assert.deepEqual(errors[100], { where: 'file', message: '… and 99900 more errors not listed' })
})

test('text fields have length caps (管理部件名称 30, 备注 500, unit ids 64): a runaway value is named, not quoted', () => {
  const header = '标识码,名称,状态,经度,纬度,网格,初始日期,备注,权属单位\n'
  const line = (name: string, note = '', owner = '', lon = '119.9201') =>
    `3212020101000001,${name},完好,${lon},32.4501,321202001002017,20230105,${note},${owner}\n`
  // At the caps: accepted (characters, not bytes: 30 Chinese characters are 90 bytes of UTF-8).
  const atCap = valueOf(parseComponentCsv(header + line('井'.repeat(30), '注'.repeat(500), 'u'.repeat(64))))
  assert.equal(atCap[0]!.name, '井'.repeat(30))
  const huge = 'x'.repeat(5 * 1024 * 1024)
  const errors = errorsOf(
    parseComponentCsv(
      header +
        line('井'.repeat(31), '注'.repeat(501), 'u'.repeat(65)) +
        line(huge).replace('3212020101000001', '3212020101000002'),
    ),
  )
  assert.deepEqual(
    errors.map((e) => `${e.where} | ${e.field} | ${e.message}`),
    [
      'line 2 | 名称 | too long: 31 characters; at most 30',
      'line 2 | 权属单位 | too long: 65 characters; at most 64',
      'line 2 | 备注 | too long: 501 characters; at most 500',
      'line 3 | 名称 | too long: 5.2 million characters; at most 30',
    ],
  )
  // Coded fields are capped too, so a 5 MB id or coordinate is never quoted back whole.
  const codes = errorsOf(
    parseComponentCsv(header + line('井盖', '', '', huge).replace('3212020101000001', huge)),
  )
  assert.ok(
    codes.every((e) => e.message.length < 200),
    formatImportErrors(codes).slice(0, 500),
  )
  assert.deepEqual(
    codes.map((e) => e.field),
    ['经度', '标识码'],
  )
})
