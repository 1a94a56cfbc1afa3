import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { DemoComponent } from './components.js'
import { COMPONENT_CSV_COLUMNS, componentCsvRow, componentFeature } from './write.js'

const component: DemoComponent = {
  id: '3212020402000017',
  edition: '2013',
  category: '2013:component:0402',
  name: '行道树 "A", \\ 老街',
  status: 'intact',
  lon: 119.9212345,
  lat: 32.4801,
  gridId: '321202001001001',
  districtCode: '321202',
  streetCode: '321202001',
  communityCode: '321202001001',
  ownerUnitId: 'city-landscaping',
  initialDate: '2018-08-29',
  dataSource: '实测',
}

test('a component feature line is valid GeoJSON with every attribute, absent ones as null', () => {
  const parsed = JSON.parse(componentFeature(component)) as {
    properties: Record<string, unknown>
    geometry: { type: string; coordinates: number[] }
  }
  assert.equal(parsed.properties.name, component.name, 'quotes and backslashes survive')
  assert.equal(parsed.properties.ownerUnitId, 'city-landscaping')
  assert.equal(parsed.properties.maintainerUnitId, null)
  assert.deepEqual(parsed.geometry, { type: 'Point', coordinates: [119.9212345, 32.4801] })
  assert.deepEqual(Object.keys(parsed.properties), [
    'id',
    'edition',
    'category',
    'name',
    'status',
    'gridId',
    'districtCode',
    'streetCode',
    'communityCode',
    'ownerUnitId',
    'maintainerUnitId',
    'initialDate',
    'dataSource',
  ])
})

test("a components.csv row has the header's columns and quotes fields that need it", () => {
  const row = componentCsvRow(component)
  assert.equal(
    row,
    '3212020402000017,2013,2013:component:0402,"行道树 ""A"", \\ 老街",intact,119.9212345,32.4801,' +
      '321202001001001,city-landscaping,,2018-08-29,实测',
  )
  assert.equal(COMPONENT_CSV_COLUMNS.length, 12)
})
