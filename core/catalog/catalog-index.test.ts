import { test } from 'node:test'
import assert from 'node:assert/strict'
import { builtInCatalog, builtInCatalogs } from './built-in-catalogs.js'
import { createCatalogIndex } from './catalog-index.js'
import { categoryKey } from './category-key.js'
import type { CategoryClass } from './types.js'

const index = createCatalogIndex(builtInCatalogs())
const keys = (list: readonly CategoryClass[]) => list.map((c) => categoryKey(c.edition, c.kind, c.code))

test('get by category key', () => {
  assert.equal(index.get('2013:component:0101')?.name, '上水井盖')
  assert.equal(index.get('2026:component:01001')?.name, '供水井盖')
  assert.equal(index.get('2026:event:01001')?.name, '供水井盖异常')
  assert.equal(index.get('2026:component:01016'), undefined)
  assert.equal(index.get('nonsense'), undefined)
})

test('classesOf and bigClassesOf', () => {
  assert.equal(index.classesOf('2026').length, 403)
  assert.equal(index.classesOf('2026', 'component').length, 153)
  assert.equal(index.classesOf('2013', 'event').length, 49)
  assert.deepEqual(
    index.bigClassesOf('2013', 'event').map((b) => b.name),
    ['市容环境', '宣传广告', '施工管理', '突发事件', '街面秩序', '其他事件'],
  )
  assert.equal(index.bigClass('2026', 'event', '10')?.name, '其他事项类')
  assert.equal(index.catalog('2026'), builtInCatalog('2026'))
})

test('condition by id', () => {
  const ref = index.condition('2013:component:0101:01')
  assert.equal(ref?.category.code, '0101')
  assert.equal(ref?.condition.text, '上水井盖丢失、破损/移位')
  assert.equal(ref?.condition.safetyHazard, 'manhole-cover')
  assert.equal(index.condition('2013:component:0101:99'), undefined)
})

test('search by Chinese name, code prefix, key, English and several terms', () => {
  assert.deepEqual(keys(index.search('暴露垃圾')), ['2013:event:0102', '2026:event:06010'])
  assert.deepEqual(keys(index.search('暴露垃圾', { edition: '2026' })), ['2026:event:06010'])
  assert.deepEqual(keys(index.search('0601', { edition: '2013' })), ['2013:component:0601'])
  assert.deepEqual(keys(index.search('06', { edition: '2013', kind: 'component' })), [
    '2013:component:0601',
    '2013:component:0602',
    '2013:component:0603',
    '2013:component:0604',
    '2013:component:0605',
    '2013:component:0606',
  ])
  assert.deepEqual(keys(index.search('2026:event:0900', { limit: 3 })), [
    '2026:event:09001',
    '2026:event:09002',
    '2026:event:09003',
  ])
  assert.deepEqual(keys(index.search('Exposed GARBAGE')), ['2013:event:0102', '2026:event:06010'])
  assert.deepEqual(keys(index.search('燃气 井盖', { edition: '2026', kind: 'component' })), [
    '2026:component:01011',
  ])
  assert.equal(index.search('   ').length, 0)
  assert.equal(index.search('不存在的类别').length, 0)
})

test('search ranks name matches above condition-text matches', () => {
  const hits = keys(index.search('塌陷'))
  assert.equal(hits[0], '2013:event:0401', 'the class named 路面塌陷 comes first')
  assert.ok(hits.includes('2026:event:06013'), '道路破损 matches through its 路面脱空、塌陷 condition')
  // 20 井盖 components and their 20 异常 matters (雨水箅子 and 沟槽盖板 are not named 井盖).
  assert.equal(index.search('井盖', { edition: '2026' }).length, 40)
  assert.equal(index.search('井盖', { limit: 5 }).length, 5)
})

test('safetyHazardConditions', () => {
  const all = index.safetyHazardConditions()
  assert.equal(all.length, 21 + 61)
  assert.ok(all.every((r) => r.condition.onSiteLimit?.amount === 2))
  assert.equal(index.safetyHazardConditions({ edition: '2013', hazard: 'pole-tilt' }).length, 2)
  assert.deepEqual(
    index.safetyHazardConditions({ edition: '2026', hazard: 'road-collapse' }).map((r) => r.condition.id),
    ['2026:event:06013:02'],
  )
})

test('one catalog per edition', () => {
  assert.throws(
    () => createCatalogIndex([builtInCatalog('2013'), builtInCatalog('2013')]),
    /two catalogs for edition 2013/,
  )
  const only2026 = createCatalogIndex([builtInCatalog('2026')])
  assert.equal(only2026.get('2013:component:0101'), undefined)
  assert.deepEqual(only2026.classesOf('2013'), [])
})
