import { test } from 'node:test'
import assert from 'node:assert/strict'
import { adminLevelOf, isWithinAdminCode, parseAdminCode } from './admin-code.js'
import { formatUnitGridCode, parseUnitGridCode } from './unit-grid-code.js'
import { formatComponentCode, parseComponentCode } from './component-code.js'

test('administrative codes split into their parents', () => {
  const r = parseAdminCode('321202001002', 'community')
  assert.deepEqual(r, {
    ok: true,
    value: {
      level: 'community',
      code: '321202001002',
      districtCode: '321202',
      streetCode: '321202001',
      communityCode: '321202001002',
    },
  })
  assert.equal(adminLevelOf('321202001'), 'street')
  assert.equal(adminLevelOf('3212'), undefined)
  assert.ok(isWithinAdminCode('321202001002', '321202'))
  assert.ok(!isWithinAdminCode('321203001002', '321202'))
})

test('administrative codes: precise errors', () => {
  const cases: [string, 'district' | 'street' | 'community', RegExp][] = [
    ['32120', 'district', /expected 6 digits, got 5/],
    ['32a202', 'district', /only digits/],
    ['991202', 'district', /province part "99"/],
    ['320000', 'district', /prefecture part/],
    ['321200', 'district', /county part .* prefecture/],
    ['321202000', 'street', /street part \(digits 7-9\) is 000/],
    ['321202001000', 'community', /community part \(digits 10-12\) is 000/],
  ]
  for (const [input, level, message] of cases) {
    const r = parseAdminCode(input, level)
    assert.equal(r.ok, false, input)
    if (!r.ok) assert.match(r.error, message)
  }
})

test('unit grid ids: 15 digits, and the older 14-digit form', () => {
  const r = parseUnitGridCode('321202001002017')
  assert.ok(r.ok)
  if (r.ok) {
    assert.equal(r.value.communityCode, '321202001002')
    assert.equal(r.value.sequence, 17)
    assert.equal(r.value.form, 'gbt-15')
  }
  const old = parseUnitGridCode('32120200100217')
  assert.ok(old.ok)
  if (old.ok) {
    assert.equal(old.value.canonical, '321202001002017')
    assert.equal(old.value.form, 'cjt213-14')
  }
  assert.equal(formatUnitGridCode('321202001002', 7), '321202001002007')
  assert.throws(() => formatUnitGridCode('321202001002', 1000), /1-999/)
})

test('unit grid ids: precise errors', () => {
  for (const [input, message] of [
    ['3212020010020171', /expected 15 digits .* got 16/],
    ['321202001002000', /sequence part \(digits 13-15\) is 000/],
    ['321202000002001', /street part/],
    ['32120200100200x', /only digits/],
  ] as const) {
    const r = parseUnitGridCode(input)
    assert.equal(r.ok, false, input)
    if (!r.ok) assert.match(r.error, message)
  }
})

test('component ids of both editions', () => {
  const old = parseComponentCode('3205080101000001')
  assert.ok(old.ok)
  if (old.ok)
    assert.deepEqual([old.value.edition, old.value.smallClassCode, old.value.sequence], ['2013', '0101', 1])
  const neu = parseComponentCode('32120201001000042')
  assert.ok(neu.ok)
  if (neu.ok)
    assert.deepEqual(
      [neu.value.edition, neu.value.bigClassCode, neu.value.smallClassCode, neu.value.sequence],
      ['2026', '01', '01001', 42],
    )
  assert.equal(formatComponentCode('321202', '0117', 12), '3212020117000012')
  assert.equal(formatComponentCode('321202', '01030', 12), '32120201030000012')
})

test('component ids: precise errors', () => {
  for (const [input, message] of [
    ['321202010100001', /expected 16 digits .* or 17 .* got 15/],
    ['3212020001000001', /big class \(digits 7-8\) is 00/],
    ['3212020100000001', /small class \(digits 9-10\) is 00/],
    ['32120201000000001', /small class \(digits 9-11\) is 000/],
    ['3212020101000000', /sequence \(digits 11-16\) is 000000/],
  ] as const) {
    const r = parseComponentCode(input)
    assert.equal(r.ok, false, input)
    if (!r.ok) assert.match(r.error, message)
  }
})
