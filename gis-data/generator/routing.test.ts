import { test } from 'node:test'
import assert from 'node:assert/strict'
import { builtInCatalogs } from '../../core/catalog/built-in-catalogs.js'
import { categoryKey, isCategoryKey } from '../../core/catalog/category-key.js'
import { createRouter } from '../../core/routing/route.js'
import { isUnitType } from '../../core/routing/unit-type.js'
import { generateCity } from './index.js'
import { UNROUTED_CATEGORIES } from './routing.js'

const city = generateCity()
const router = createRouter(city.units, city.routingRules)
const streets = city.regions.filter((r) => r.level === 'street')
const place = (streetCode: string) => ({ districtCode: streetCode.slice(0, 6), streetCode })

test('units are well formed and every unit a rule names exists', () => {
  const ids = new Set(city.units.map((u) => u.id))
  assert.equal(ids.size, city.units.length, 'unit ids are unique')
  for (const unit of city.units) {
    assert.ok(isUnitType(unit.type), unit.id)
    assert.match(unit.phone ?? '', /^0523-8\d{7}$/, unit.id)
    for (const code of unit.jurisdiction)
      assert.ok(
        city.regions.some((r) => r.code === code),
        `${unit.id}: ${code}`,
      )
    if (unit.parentId) assert.ok(ids.has(unit.parentId), `${unit.id}: parent ${unit.parentId}`)
  }
  assert.equal(new Set(city.units.map((u) => u.phone)).size, city.units.length, 'phone numbers are unique')
  for (const rule of city.routingRules) {
    assert.ok(ids.has(rule.unitId), `${rule.id}: ${rule.unitId}`)
    for (const code of rule.regions ?? [])
      assert.ok(
        city.regions.some((r) => r.code === code),
        `${rule.id}: ${code}`,
      )
  }
  assert.equal(city.units.filter((u) => u.type === 'rapid-response').length, 1)
})

test('rules cover both editions and only name real categories or their prefixes', () => {
  const keys = builtInCatalogs().flatMap((c) => c.classes.map((k) => categoryKey(k.edition, k.kind, k.code)))
  const patterns = city.routingRules.flatMap((r) => r.categories)
  for (const pattern of patterns)
    assert.ok(
      keys.some((k) => k.startsWith(pattern)),
      `${pattern} matches a category`,
    )
  assert.ok(patterns.some((p) => p.startsWith('2013:')) && patterns.some((p) => p.startsWith('2026:')))
  for (const key of UNROUTED_CATEGORIES) assert.ok(isCategoryKey(key) && keys.includes(key), key)
})

test('every category reaches a responsible unit in every street, except the deliberately unrouted ones', () => {
  const unrouted = new Set(UNROUTED_CATEGORIES)
  for (const catalog of builtInCatalogs()) {
    for (const cls of catalog.classes) {
      const key = categoryKey(cls.edition, cls.kind, cls.code)
      for (const street of streets) {
        const result = router.route({
          categoryKey: key,
          defaultUnitType: cls.defaultUnitType,
          place: place(street.code),
        })
        if (unrouted.has(key)) {
          // Seed 第9条第三款: no responsible unit can be found, so the center's 快速处置队 acts.
          assert.equal(result.basis.kind, 'fallback', `${key} in ${street.code} is meant to be unrouted`)
          assert.equal(result.unit.type, 'rapid-response')
        } else {
          assert.notEqual(
            result.basis.kind,
            'fallback',
            `${key} (${cls.name}) in ${street.code} found no unit`,
          )
          const jurisdiction = result.unit.jurisdiction
          assert.ok(
            jurisdiction.length === 0 || jurisdiction.some((c) => street.code.startsWith(c)),
            `${key}: ${result.unit.id} serves ${street.code}`,
          )
        }
      }
    }
  }
})

test('telecom covers split by district, and street overrides win inside their street', () => {
  const unitAt = (key: string, streetCode: string) =>
    router.route({ categoryKey: key, defaultUnitType: 'telecom', place: place(streetCode) }).unit.id
  assert.equal(unitAt('2013:component:0107', '321202002'), 'telecom-ct')
  assert.equal(unitAt('2026:component:01007', '321203001'), 'telecom-cmcc')
  assert.equal(unitAt('2026:event:01007', '321204001'), 'telecom-cu')
  assert.equal(unitAt('2026:component:01007', '321271001'), 'telecom-ct')
  assert.equal(unitAt('2013:component:0107', '321202005'), 'telecom-cmcc', '城北街道 override')
  const sanitation = (streetCode: string) =>
    router.route({
      categoryKey: '2013:component:0305',
      defaultUnitType: 'sanitation',
      place: place(streetCode),
    }).unit.id
  assert.equal(sanitation('321271001'), 'gx-sanitation')
  assert.equal(sanitation('321271002'), 'gx-government', '寺巷街道 override')
  assert.equal(sanitation('321202003'), 'hl-sanitation')
})
