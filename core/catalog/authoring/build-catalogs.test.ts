import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseCatalog } from '../validate-catalog.js'
import { buildCatalog2013, buildCatalog2026, renderCatalog } from './build-catalogs.js'

test('the generator output is a valid catalog of each edition', () => {
  const c2013 = parseCatalog(JSON.parse(renderCatalog(buildCatalog2013())))
  const c2026 = parseCatalog(JSON.parse(renderCatalog(buildCatalog2026())))
  assert.equal(c2013.classes.length, 134)
  assert.equal(c2026.classes.length, 403)
})

test('conditions get ids from their class key and position; hazards get the 2-hour on-site limit', () => {
  const cover = buildCatalog2026().classes.find((c) => c.kind === 'event' && c.code === '01026')
  assert.equal(cover?.name, '沟槽盖板异常')
  assert.deepEqual(
    cover?.conditions.map((c) => c.id),
    ['2026:event:01026:01', '2026:event:01026:02', '2026:event:01026:03'],
  )
  assert.equal(cover?.conditions[0]?.text, '沟槽盖板丢失、破损/移位')
  assert.deepEqual(cover?.conditions[0]?.onSiteLimit, { amount: 2, unit: 'natural-hours' })
  assert.equal(cover?.conditions[1]?.onSiteLimit, undefined)
})
