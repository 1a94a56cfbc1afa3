import type { Kysely, Selectable, Transaction } from 'kysely'
import type { Component } from '../../../core/component/types.js'
import type { Database, ComponentTable } from './schema.js'
import { recordChanges } from './changes.js'
import { feature } from '../presenters/geo.js'
import type { Bbox } from './grids.js'

type ComponentRow = Selectable<ComponentTable>

/** The API's and the feed's form of a component (管理部件): a GeoJSON Point Feature. */
export function presentComponent(row: ComponentRow) {
  return feature(
    row.id,
    { type: 'Point', coordinates: [row.lon, row.lat] },
    {
      id: row.id,
      edition: row.edition,
      category: row.category,
      name: row.name,
      status: row.status,
      gridId: row.grid_id,
      districtCode: row.district_code,
      ownerUnitId: row.owner_unit_id,
      maintainerUnitId: row.maintainer_unit_id,
      initialDate: row.initial_date,
      changeDate: row.change_date,
      dataSource: row.data_source,
      note: row.note,
      version: row.version,
    },
  )
}

/** The column values of a component, as written. */
export function componentRow(c: Component) {
  return {
    id: c.id,
    edition: c.edition,
    category: c.category,
    name: c.name,
    status: c.status,
    lon: c.lon,
    lat: c.lat,
    grid_id: c.gridId,
    district_code: c.id.slice(0, 6),
    owner_unit_id: c.ownerUnitId ?? null,
    maintainer_unit_id: c.maintainerUnitId ?? null,
    initial_date: c.initialDate,
    change_date: c.changeDate ?? null,
    data_source: c.dataSource,
    note: c.note ?? null,
  }
}

// 15 columns a row: 1,000 rows stay far below PostgreSQL's 65,535 bind parameters per statement.
const BATCH = 1000

/**
 * Inserts or replaces components and records each in the change feed, in the caller's transaction.
 * `onBatch` reports progress for long imports.
 */
export async function upsertComponents(
  trx: Transaction<Database>,
  components: readonly Component[],
  onBatch?: (done: number) => void,
): Promise<void> {
  for (let i = 0; i < components.length; i += BATCH) {
    const saved = await trx
      .insertInto('component')
      .values(components.slice(i, i + BATCH).map(componentRow))
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          edition: eb.ref('excluded.edition'),
          category: eb.ref('excluded.category'),
          name: eb.ref('excluded.name'),
          status: eb.ref('excluded.status'),
          lon: eb.ref('excluded.lon'),
          lat: eb.ref('excluded.lat'),
          grid_id: eb.ref('excluded.grid_id'),
          district_code: eb.ref('excluded.district_code'),
          owner_unit_id: eb.ref('excluded.owner_unit_id'),
          maintainer_unit_id: eb.ref('excluded.maintainer_unit_id'),
          initial_date: eb.ref('excluded.initial_date'),
          change_date: eb.ref('excluded.change_date'),
          data_source: eb.ref('excluded.data_source'),
          note: eb.ref('excluded.note'),
          version: eb('component.version', '+', 1),
          updated_at: new Date(),
        })),
      )
      .returningAll()
      .execute()
    await recordChanges(
      trx,
      saved.map((row) => ({ entity: 'component', id: row.id, op: 'upsert', data: presentComponent(row) })),
    )
    onBatch?.(Math.min(i + BATCH, components.length))
  }
}

/** Filters for {@link listComponents}. */
export interface ComponentFilter {
  readonly bbox?: Bbox
  /** A category key or prefix: '2013:component:0101', '2013:component:01', '2026'. */
  readonly category?: string
  readonly status?: string
  readonly gridId?: string
  /** Keyset paging: the last id of the previous page. */
  readonly after?: string
  readonly limit: number
}

/** Components matching the filter, by id. */
export function listComponents(db: Kysely<Database>, filter: ComponentFilter): Promise<ComponentRow[]> {
  let q = db.selectFrom('component').selectAll().orderBy('id').limit(filter.limit)
  if (filter.bbox) {
    const [w, s, e, n] = filter.bbox
    q = q.where('lon', '>=', w).where('lon', '<=', e).where('lat', '>=', s).where('lat', '<=', n)
  }
  if (filter.category) {
    const c = filter.category
    q = q.where((eb) => eb.or([eb('category', '=', c), eb('category', 'like', `${c.replace(/[\\%_]/g, '\\$&')}%`)]))
  }
  if (filter.status) q = q.where('status', '=', filter.status)
  if (filter.gridId) q = q.where('grid_id', '=', filter.gridId)
  if (filter.after) q = q.where('id', '>', filter.after)
  return q.execute()
}

/** One component by id. */
export function getComponent(db: Kysely<Database>, id: string): Promise<ComponentRow | undefined> {
  return db.selectFrom('component').selectAll().where('id', '=', id).executeTakeFirst()
}
