import { test } from 'node:test'
import assert from 'node:assert/strict'
import * as turf from '@turf/turf'
import { builtInCatalogs } from '../../core/catalog/built-in-catalogs.js'
import { categoryKey } from '../../core/catalog/category-key.js'
import { parseComponentCode } from '../../core/codes/component-code.js'
import { COMPONENT_DATA_SOURCES, COMPONENT_STATUSES } from '../../core/component/types.js'
import { generateCity } from './index.js'

const city = generateCity()
const classes = new Map(
  builtInCatalogs().flatMap((c) => c.classes.map((k) => [categoryKey(k.edition, k.kind, k.code), k])),
)

test('every component id parses, matches its edition, district and class, and is unique', () => {
  assert.equal(new Set(city.components.map((c) => c.id)).size, city.components.length)
  for (const c of city.components) {
    const parsed = parseComponentCode(c.id)
    assert.ok(parsed.ok, c.id)
    assert.equal(parsed.value.edition, c.edition, c.id)
    assert.equal(c.id.length, c.edition === '2013' ? 16 : 17, c.id)
    assert.equal(parsed.value.districtCode, c.districtCode, c.id)
    const cls = classes.get(c.category)
    assert.ok(
      cls && cls.kind === 'component' && cls.edition === c.edition,
      `${c.id}: ${c.category} is a component class of ${c.edition}`,
    )
    assert.equal(parsed.value.smallClassCode, cls.code, c.id)
    assert.equal(c.name, cls.name)
  }
})

test("every component lies inside its grid, and its codes are its grid's", () => {
  const grids = new Map(city.grids.map((g) => [g.id, g]))
  for (const c of city.components) {
    const grid = grids.get(c.gridId)
    assert.ok(grid, `${c.id}: grid ${c.gridId} exists`)
    assert.ok(
      turf.booleanPointInPolygon([c.lon, c.lat], grid.geometry, { ignoreBoundary: true }),
      `${c.id} is inside ${c.gridId}`,
    )
    assert.equal(c.communityCode, grid.communityCode)
    assert.equal(c.streetCode, grid.communityCode.slice(0, 9))
    assert.equal(c.districtCode, grid.communityCode.slice(0, 6))
    assert.equal(Math.round(c.lon * 1e7) / 1e7, c.lon, 'coordinates have 7 decimals at most')
  }
})

test('attributes follow standards.md §3.2, both editions appear about 60/40, common classes dominate', () => {
  const units = new Set(city.units.map((u) => u.id))
  let old = 0
  const perClass = new Map<string, number>()
  for (const c of city.components) {
    assert.ok(COMPONENT_STATUSES.includes(c.status))
    assert.ok(COMPONENT_DATA_SOURCES.includes(c.dataSource))
    assert.match(c.initialDate, /^\d{4}-\d{2}-\d{2}$/)
    assert.ok(
      c.edition === '2013' ? c.initialDate < '2026-07-01' : c.initialDate >= '2026-07-01',
      `${c.id} dated ${c.initialDate}`,
    )
    if (c.ownerUnitId !== undefined) assert.ok(units.has(c.ownerUnitId), c.ownerUnitId)
    if (c.maintainerUnitId !== undefined) assert.ok(units.has(c.maintainerUnitId), c.maintainerUnitId)
    if (c.edition === '2013') old++
    perClass.set(c.name, (perClass.get(c.name) ?? 0) + 1)
  }
  const share = old / city.components.length
  assert.ok(share > 0.55 && share < 0.65, `2013 share ${share}`)
  assert.ok(
    (perClass.get('行道树') ?? 0) > 10 * (perClass.get('古树名木') ?? 0),
    'street trees outnumber ancient trees',
  )
  assert.ok(perClass.size > 100, `${perClass.size} classes used`)
  const intact = city.components.filter((c) => c.status === 'intact').length / city.components.length
  assert.ok(intact > 0.85, `intact share ${intact}`)
})
