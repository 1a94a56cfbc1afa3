import type { Kysely, Selectable, Transaction } from 'kysely'
import type { UnitGrid } from '../../../core/region/types.js'
import type { Database, UnitGridTable } from './schema.js'
import { recordChanges } from './changes.js'
import { bboxOf, feature } from '../presenters/geo.js'

type GridRow = Selectable<UnitGridTable>

/** A lon/lat box: [minLon, minLat, maxLon, maxLat]. */
export type Bbox = readonly [number, number, number, number]

/** The API's and the feed's form of a unit grid: a GeoJSON Feature. */
export function presentGrid(row: GridRow) {
  return feature(row.id, row.geometry, {
    id: row.id,
    communityCode: row.community_code,
    streetCode: row.street_code,
    districtCode: row.district_code,
    areaClass: row.area_class,
    version: row.version,
  })
}

/** Converts a row back to core's UnitGrid. */
export function gridFromRow(row: Pick<GridRow, 'id' | 'community_code' | 'area_class' | 'geometry'>): UnitGrid {
  return { id: row.id, communityCode: row.community_code, areaClass: row.area_class, geometry: row.geometry }
}

/** Inserts or replaces unit grids and records them in the change feed. Their community must exist. */
export async function upsertGrids(trx: Transaction<Database>, grids: readonly UnitGrid[]): Promise<void> {
  for (let i = 0; i < grids.length; i += 1000) {
    const rows = grids.slice(i, i + 1000).map((g) => {
      const [minLon, minLat, maxLon, maxLat] = bboxOf(g.geometry)
      return {
        id: g.id,
        community_code: g.communityCode,
        street_code: g.communityCode.slice(0, 9),
        district_code: g.communityCode.slice(0, 6),
        area_class: g.areaClass,
        geometry: JSON.stringify(g.geometry),
        min_lon: minLon,
        min_lat: minLat,
        max_lon: maxLon,
        max_lat: maxLat,
      }
    })
    const saved = await trx
      .insertInto('unit_grid')
      .values(rows)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          community_code: eb.ref('excluded.community_code'),
          street_code: eb.ref('excluded.street_code'),
          district_code: eb.ref('excluded.district_code'),
          area_class: eb.ref('excluded.area_class'),
          geometry: eb.ref('excluded.geometry'),
          min_lon: eb.ref('excluded.min_lon'),
          min_lat: eb.ref('excluded.min_lat'),
          max_lon: eb.ref('excluded.max_lon'),
          max_lat: eb.ref('excluded.max_lat'),
          version: eb('unit_grid.version', '+', 1),
          updated_at: new Date(),
        })),
      )
      .returningAll()
      .execute()
    await recordChanges(
      trx,
      saved.map((row) => ({ entity: 'unit_grid', id: row.id, op: 'upsert', data: presentGrid(row) })),
    )
  }
}

/**
 * Unit grids meeting a bbox (any overlap), by id, keyset-paged: pass the last id of a page as `after`.
 * Grids are about 100 m wide, so a grid overlapping the box starts at most `GRID_MAX_SPAN` west or south
 * of it; that bound lets the (min_lon, min_lat) index do the work.
 */
export async function listGrids(
  db: Kysely<Database>,
  options: { readonly bbox?: Bbox; readonly communityCode?: string; readonly after?: string; readonly limit: number },
): Promise<GridRow[]> {
  let q = db.selectFrom('unit_grid').selectAll().orderBy('id').limit(options.limit)
  if (options.bbox) {
    const [w, s, e, n] = options.bbox
    q = q
      .where('min_lon', '<=', e)
      .where('min_lon', '>=', w - GRID_MAX_SPAN)
      .where('max_lon', '>=', w)
      .where('min_lat', '<=', n)
      .where('max_lat', '>=', s)
  }
  if (options.communityCode) q = q.where('community_code', '=', options.communityCode)
  if (options.after) q = q.where('id', '>', options.after)
  return q.execute()
}

/** Widest a unit grid may be, in degrees (about 5 km): grids are ~100 m, and import rejects wider ones. */
export const GRID_MAX_SPAN = 0.05

/** Every grid, for building the spatial index (only the columns it needs). */
export async function allGridsForIndex(db: Kysely<Database>): Promise<UnitGrid[]> {
  const rows = await db.selectFrom('unit_grid').select(['id', 'community_code', 'area_class', 'geometry']).execute()
  return rows.map(gridFromRow)
}

/** One unit grid by its 15-digit id, or undefined. */
export function getGrid(db: Kysely<Database> | Transaction<Database>, id: string) {
  return db.selectFrom('unit_grid').selectAll().where('id', '=', id).executeTakeFirst()
}
