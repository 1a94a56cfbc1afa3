import type { Kysely, Transaction } from 'kysely'
import type { Region } from '../../../core/region/types.js'
import type { Database, RegionTable } from './schema.js'
import { recordChanges } from './changes.js'
import { bboxOf, feature } from '../presenters/geo.js'
import type { Selectable } from 'kysely'

type RegionRow = Selectable<RegionTable>

/** The API's and the feed's form of a region: a GeoJSON Feature. */
export function presentRegion(row: RegionRow) {
  return feature(row.code, row.geometry, {
    code: row.code,
    level: row.level,
    name: row.name,
    nameEn: row.name_en,
    parentCode: row.parent_code,
    version: row.version,
  })
}

/** Converts a row back to core's Region. */
export function regionFromRow(row: RegionRow): Region {
  return {
    code: row.code,
    level: row.level,
    name: row.name,
    nameEn: row.name_en,
    ...(row.parent_code ? { parentCode: row.parent_code } : {}),
    geometry: row.geometry,
  }
}

const LEVEL_ORDER = { district: 0, street: 1, community: 2 } as const

/** Inserts or replaces regions (parents before children) and records them in the change feed. */
export async function upsertRegions(trx: Transaction<Database>, regions: readonly Region[]): Promise<void> {
  const ordered = [...regions].sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.code.localeCompare(b.code))
  for (let i = 0; i < ordered.length; i += 500) {
    const rows = ordered.slice(i, i + 500).map((r) => {
      const [minLon, minLat, maxLon, maxLat] = bboxOf(r.geometry)
      return {
        code: r.code,
        level: r.level,
        name: r.name,
        name_en: r.nameEn,
        parent_code: r.parentCode ?? null,
        geometry: JSON.stringify(r.geometry),
        min_lon: minLon,
        min_lat: minLat,
        max_lon: maxLon,
        max_lat: maxLat,
      }
    })
    const saved = await trx
      .insertInto('region')
      .values(rows)
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          level: eb.ref('excluded.level'),
          name: eb.ref('excluded.name'),
          name_en: eb.ref('excluded.name_en'),
          parent_code: eb.ref('excluded.parent_code'),
          geometry: eb.ref('excluded.geometry'),
          min_lon: eb.ref('excluded.min_lon'),
          min_lat: eb.ref('excluded.min_lat'),
          max_lon: eb.ref('excluded.max_lon'),
          max_lat: eb.ref('excluded.max_lat'),
          version: eb('region.version', '+', 1),
          updated_at: new Date(),
        })),
      )
      .returningAll()
      .execute()
    await recordChanges(
      trx,
      saved.map((row) => ({ entity: 'region', id: row.code, op: 'upsert', data: presentRegion(row) })),
    )
  }
}

/** Regions, optionally of one level or under one parent, ordered by code. */
export async function listRegions(
  db: Kysely<Database>,
  filter: { readonly level?: Region['level']; readonly parentCode?: string } = {},
): Promise<RegionRow[]> {
  let q = db.selectFrom('region').selectAll().orderBy('code')
  if (filter.level) q = q.where('level', '=', filter.level)
  if (filter.parentCode) q = q.where('parent_code', '=', filter.parentCode)
  return q.execute()
}

/** True when the database holds no city yet (the first start of a fresh install). */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('region').select('code').limit(1).executeTakeFirst()
  return row === undefined
}

/** One region by its code, or undefined. */
export function getRegion(db: Kysely<Database> | Transaction<Database>, code: string) {
  return db.selectFrom('region').selectAll().where('code', '=', code).executeTakeFirst()
}
