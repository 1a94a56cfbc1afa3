import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createRouter } from './route.js'
import type { ResponsibleUnit, RoutingRule } from './types.js'

const unit = (id: string, type: ResponsibleUnit['type'], jurisdiction: string[] = []): ResponsibleUnit => ({
  id,
  name: id,
  nameEn: id,
  type,
  jurisdiction,
})

const units = [
  unit('rapid', 'rapid-response'),
  unit('water', 'water-supply'),
  unit('hl-san', 'sanitation', ['321202']),
  unit('gg-san', 'sanitation', ['321203']),
  unit('hl-cz-san', 'sanitation', ['321202001']),
  unit('telecom-a', 'telecom'),
  unit('telecom-b', 'telecom'),
  unit('lamps', 'street-lighting'),
]
const rules: RoutingRule[] = [
  { id: 'covers', categories: ['2013:component:01'], unitId: 'water' },
  { id: 'tel-hl', categories: ['2013:component:0107'], regions: ['321202'], unitId: 'telecom-a' },
  { id: 'tel-street', categories: ['2013:component:0107'], regions: ['321202003'], unitId: 'telecom-b' },
  {
    id: 'tel-cheap',
    categories: ['2013:component:0107'],
    regions: ['321203'],
    unitId: 'telecom-b',
    priority: 50,
  },
  {
    id: 'tel-pricey',
    categories: ['2013:component:0107'],
    regions: ['321203'],
    unitId: 'telecom-a',
    priority: 90,
  },
]
const router = createRouter(units, rules)
const hl = { districtCode: '321202', streetCode: '321202001', communityCode: '321202001004' }

test('the most specific category wins over a broader one', () => {
  assert.equal(router.route({ categoryKey: '2013:component:0101', place: hl }).unit.id, 'water')
  const r = router.route({ categoryKey: '2013:component:0107', place: hl })
  assert.equal(r.unit.id, 'telecom-a')
  assert.deepEqual(r.basis, { kind: 'rule', ruleId: 'tel-hl' })
})

test('a narrower region wins, then the lower priority number', () => {
  const street3 = { districtCode: '321202', streetCode: '321202003', communityCode: '321202003001' }
  assert.equal(router.route({ categoryKey: '2013:component:0107', place: street3 }).unit.id, 'telecom-b')
  const gg = { districtCode: '321203', streetCode: '321203001' }
  assert.equal(router.route({ categoryKey: '2013:component:0107', place: gg }).unit.id, 'telecom-b')
})

test('a category prefix only matches at a segment boundary or inside the code', () => {
  // '2013:component:01' must not match the 2026 key '2026:component:01001', nor '2013:event:0101'.
  const r = router.route({ categoryKey: '2013:event:0101', defaultUnitType: 'sanitation', place: hl })
  assert.equal(r.unit.id, 'hl-cz-san')
})

test('without a rule, the default type narrows to the unit whose jurisdiction is tightest', () => {
  const r = router.route({ categoryKey: '2026:event:06010', defaultUnitType: 'sanitation', place: hl })
  assert.deepEqual([r.unit.id, r.basis.kind], ['hl-cz-san', 'default-type'])
  const other = { districtCode: '321202', streetCode: '321202002' }
  assert.equal(
    router.route({ categoryKey: '2026:event:06010', defaultUnitType: 'sanitation', place: other }).unit.id,
    'hl-san',
  )
})

test('no rule and no unit of the type: the rapid-response team acts (seed 第9条)', () => {
  const jy = { districtCode: '321204' }
  const r = router.route({ categoryKey: '2026:event:06010', defaultUnitType: 'sanitation', place: jy })
  assert.deepEqual([r.unit.id, r.basis.kind], ['rapid', 'fallback'])
  assert.equal(router.route({ categoryKey: '2013:event:0401', place: {} }).unit.id, 'rapid')
})

test('bad configuration is refused', () => {
  assert.throws(() => createRouter(units.slice(1), []), /rapid-response/)
  assert.throws(
    () => createRouter(units, [{ id: 'x', categories: ['*'], unitId: 'nobody' }]),
    /rules\[0\] \(x\): unitId "nobody"/,
  )
  assert.throws(() => createRouter([...units, unit('water', 'water-supply')], []), /duplicate unit ids/)
})
