import { test } from 'node:test'
import assert from 'node:assert/strict'
import { categoryKey, isCategoryKey, parseCategoryKey } from './category-key.js'

test('categoryKey joins edition, kind and code', () => {
  assert.equal(categoryKey('2013', 'component', '0101'), '2013:component:0101')
  assert.equal(categoryKey('2026', 'event', '06010'), '2026:event:06010')
})

test('parseCategoryKey splits a key', () => {
  assert.deepEqual(parseCategoryKey('2026:event:06010'), { edition: '2026', kind: 'event', code: '06010' })
  assert.deepEqual(parseCategoryKey('2013:component:0101'), {
    edition: '2013',
    kind: 'component',
    code: '0101',
  })
})

test('parseCategoryKey names the faulty part', () => {
  assert.throws(() => parseCategoryKey('2013:component'), /expected edition:kind:code, got 2 part\(s\)/)
  assert.throws(() => parseCategoryKey('2020:component:0101'), /edition must be 2013 or 2026, got "2020"/)
  assert.throws(() => parseCategoryKey('2013:matter:0101'), /kind must be component or event, got "matter"/)
  assert.throws(() => parseCategoryKey('2013:component:01001'), /a 2013 code has 4 digits, got "01001"/)
  assert.throws(
    () => parseCategoryKey('2026:event:0601'),
    /^Error: category key "2026:event:0601": a 2026 code has 5 digits/,
  )
})

test('isCategoryKey', () => {
  assert.equal(isCategoryKey('2026:component:01077'), true)
  assert.equal(isCategoryKey('2026:component:1077'), false)
  assert.equal(isCategoryKey(42), false)
})
