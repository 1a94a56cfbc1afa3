import { test } from 'node:test'
import assert from 'node:assert/strict'
import { builtInCatalogs } from './built-in-catalogs.js'
import { createCatalogIndex } from './catalog-index.js'
import { categoryKey } from './category-key.js'
import { CROSSWALK_2013_2026, crosswalkEntry, toEdition2026 } from './crosswalk-2013-2026.js'

const index = createCatalogIndex(builtInCatalogs())

test('0101–0113 map to 01001–01013 (上水 renamed 供水)', () => {
  for (let n = 1; n <= 13; n++) {
    const from = `2013:component:01${String(n).padStart(2, '0')}`
    const to = `2026:component:010${String(n).padStart(2, '0')}`
    assert.equal(toEdition2026(from), to)
    assert.equal(index.get(to)?.name, index.get(from)?.name.replace('上水', '供水'))
  }
})

test('named event mappings', () => {
  assert.equal(toEdition2026('2013:event:0102'), '2026:event:06010') // 暴露垃圾
  assert.equal(toEdition2026('2013:event:0201'), '2026:event:07001') // 非法小广告
  assert.equal(toEdition2026('2013:event:0504'), '2026:event:09005') // 店外经营
  assert.equal(toEdition2026('2013:event:0505'), '2026:event:09009') // 机动车乱停放
  assert.equal(toEdition2026('2013:event:0401'), '2026:event:06013') // 路面塌陷 → 道路破损
  assert.equal(toEdition2026('2013:event:0408'), '2026:event:10002') // 架空线缆
  assert.equal(toEdition2026('2013:component:0114'), '2026:component:01023') // 无主 = 不明井盖
  assert.match(crosswalkEntry('2013:event:0401')?.note ?? '', /no 突发事件 class/)
})

test('classes without a clear equivalent map to nothing; 2026 keys pass through; bad keys throw', () => {
  assert.equal(toEdition2026('2013:event:0409'), undefined) // 群发性事件
  assert.equal(toEdition2026('2013:component:0502'), undefined) // 人防工事
  assert.equal(toEdition2026('2026:event:06010'), '2026:event:06010')
  assert.throws(() => toEdition2026('2013:component:01001'), /a 2013 code has 4 digits/)
})

test('every row joins two existing classes of the same kind, once', () => {
  const seen = new Set<string>()
  for (const row of CROSSWALK_2013_2026) {
    const from = categoryKey('2013', row.kind, row.from)
    assert.ok(index.get(from), `${from} exists`)
    assert.ok(index.get(categoryKey('2026', row.kind, row.to)), `${row.to} exists`)
    assert.ok(!seen.has(from), `${from} listed once`)
    seen.add(from)
  }
  assert.equal(CROSSWALK_2013_2026.filter((r) => r.kind === 'component').length, 80)
  assert.equal(CROSSWALK_2013_2026.filter((r) => r.kind === 'event').length, 40)
})

test('hazard classes keep their hazard across the crosswalk', () => {
  for (const row of CROSSWALK_2013_2026) {
    const from = index.get(categoryKey('2013', row.kind, row.from))
    const to = index.get(categoryKey('2026', row.kind, row.to))
    const hazards = (c: typeof from) =>
      new Set(c?.conditions.flatMap((x) => (x.safetyHazard ? [x.safetyHazard] : [])))
    for (const h of hazards(from)) assert.ok(hazards(to).has(h), `${row.from} → ${row.to} keeps ${h}`)
  }
})
