/** Compares a workstation's local store with the central database it synced from. */
import assert from 'node:assert/strict'
import type { Kysely } from 'kysely'
import type { Database } from '../../server/src/db/schema.js'
import type { LocalStore } from '../store/local-store.js'

/** Asserts the store holds exactly the central's reference records, field for field where it matters. */
export async function assertMirrors(store: LocalStore, db: Kysely<Database>): Promise<void> {
  const sorted = (ids: string[]) => [...ids].sort()
  const regions = await db.selectFrom('region').select(['code', 'name']).execute()
  assert.deepEqual(
    sorted(store.regions().map((r) => `${r.code} ${r.name}`)),
    sorted(regions.map((r) => `${r.code} ${r.name}`)),
    'regions',
  )
  const grids = await db.selectFrom('unit_grid').select(['id', 'area_class', 'community_code']).execute()
  assert.deepEqual(
    sorted(store.grids().map((g) => `${g.id} ${g.areaClass} ${g.communityCode}`)),
    sorted(grids.map((g) => `${g.id} ${g.area_class} ${g.community_code}`)),
    'unit grids',
  )
  const classes = await db.selectFrom('catalog_class').select(['key', 'name']).execute()
  assert.deepEqual(
    sorted(store.classes().map((c) => `${c.key} ${c.name}`)),
    sorted(classes.map((c) => `${c.key} ${c.name}`)),
    'catalog classes',
  )
  const units = await db.selectFrom('responsible_unit').select(['id']).execute()
  assert.deepEqual(sorted(store.units().map((u) => u.id)), sorted(units.map((u) => u.id)), 'units')
  const rules = await db.selectFrom('routing_rule').select(['id']).execute()
  assert.deepEqual(sorted(store.rules().map((r) => r.id)), sorted(rules.map((r) => r.id)), 'routing rules')
  const components = await db
    .selectFrom('component')
    .select(['id', 'status', 'lon', 'lat', 'grid_id', 'name'])
    .execute()
  const local: string[] = []
  store.eachComponent((c) => local.push(`${c.id} ${c.status} ${c.lon} ${c.lat} ${c.gridId}`))
  assert.deepEqual(
    sorted(local),
    sorted(components.map((c) => `${c.id} ${c.status} ${c.lon} ${c.lat} ${c.grid_id}`)),
    'components',
  )
  // Cases come with a signed-in desk account's feed only; they are compared by the case tests.
  const { case: _cases, ...reference } = store.counts()
  assert.deepEqual(reference, {
    catalog_class: classes.length,
    region: regions.length,
    unit_grid: grids.length,
    responsible_unit: units.length,
    routing_rule: rules.length,
    component: components.length,
  })
}
