/** Edits to the test central's city, each through the server's own query modules (so the feed records them). */
import type { Kysely } from 'kysely'
import { builtInCatalogs } from '../../core/catalog/built-in-catalogs.js'
import type { Component } from '../../core/component/types.js'
import { upsertCatalog } from '../../server/src/db/catalog.js'
import { recordChanges } from '../../server/src/db/changes.js'
import { upsertComponents } from '../../server/src/db/components.js'
import { upsertGrids } from '../../server/src/db/grids.js'
import type { Database } from '../../server/src/db/schema.js'
import { gridFromRow } from '../../server/src/db/grids.js'

/** Reads one component back as core's Component. */
export async function readComponent(db: Kysely<Database>, id: string): Promise<Component> {
  const r = await db.selectFrom('component').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  return {
    id: r.id,
    edition: r.edition,
    category: r.category,
    name: r.name,
    status: r.status,
    lon: r.lon,
    lat: r.lat,
    gridId: r.grid_id,
    ...(r.owner_unit_id ? { ownerUnitId: r.owner_unit_id } : {}),
    ...(r.maintainer_unit_id ? { maintainerUnitId: r.maintainer_unit_id } : {}),
    initialDate: r.initial_date,
    ...(r.change_date ? { changeDate: r.change_date } : {}),
    dataSource: r.data_source,
    ...(r.note ? { note: r.note } : {}),
  } as Component
}

/** Replaces a component (status, position…). */
export async function updateComponent(
  db: Kysely<Database>,
  id: string,
  change: Partial<Component>,
): Promise<Component> {
  const next = { ...(await readComponent(db, id)), ...change } as Component
  await db.transaction().execute((trx) => upsertComponents(trx, [next]))
  return next
}

/** Deletes a component and writes its tombstone. */
export async function deleteComponent(db: Kysely<Database>, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('component').where('id', '=', id).execute()
    await recordChanges(trx, [{ entity: 'component', id, op: 'delete' }])
  })
}

/** Changes a grid's area class. */
export async function setGridAreaClass(
  db: Kysely<Database>,
  id: string,
  areaClass: 'A' | 'B' | 'C',
): Promise<void> {
  const row = await db
    .selectFrom('unit_grid')
    .select(['id', 'community_code', 'area_class', 'geometry'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  await db.transaction().execute((trx) => upsertGrids(trx, [{ ...gridFromRow(row), areaClass }]))
}

/** Reloads the 2013 catalog without one class: the server removes it and writes a tombstone. */
export async function dropCatalogClass(db: Kysely<Database>, code: string): Promise<void> {
  const catalog = builtInCatalogs().find((c) => c.edition === '2013')!
  await db.transaction().execute((trx) =>
    upsertCatalog(trx, {
      ...catalog,
      classes: catalog.classes.filter((c) => !(c.kind === 'component' && c.code === code)),
    }),
  )
}
