import { readFile } from 'node:fs/promises'
import type { Kysely } from 'kysely'
import type { SourceCrs } from '../../../core/geo/china-crs.js'
import { parseGridFeatureCollection } from '../../../core/import/grid-features.js'
import type { ImportError } from '../../../core/import/import-error.js'
import type { UnitGrid } from '../../../core/region/types.js'
import type { Database } from '../db/schema.js'
import { GRID_MAX_SPAN, upsertGrids } from '../db/grids.js'
import { bboxOf } from '../presenters/geo.js'
import { ImportFailed, parseJsonFile } from './import-failed.js'

/** 网格导入 — validates a GeoJSON FeatureCollection of unit grids and stores all of them, or none. */
export async function importGrids(
  db: Kysely<Database>,
  json: unknown,
  options: { readonly crs?: SourceCrs } = {},
): Promise<{ readonly count: number }> {
  const parsed = parseGridFeatureCollection(json, options)
  if (!parsed.ok) throw new ImportFailed(parsed.error)
  const grids = parsed.value
  const errors: ImportError[] = []
  const where = (i: number, g: UnitGrid) => `feature ${i} (id ${g.id})`
  grids.forEach((g, i) => {
    const [w, s, e, n] = bboxOf(g.geometry)
    if (e - w > GRID_MAX_SPAN || n - s > GRID_MAX_SPAN) {
      errors.push({ where: where(i, g), field: 'geometry', message: `a unit grid spans at most ${GRID_MAX_SPAN}° (about 5 km); this one spans ${(e - w).toFixed(4)}° × ${(n - s).toFixed(4)}°` })
    }
  })
  const communities = [...new Set(grids.map((g) => g.communityCode))]
  const known = new Set<string>()
  for (let i = 0; i < communities.length; i += 1000) {
    const rows = await db.selectFrom('region').select('code').where('level', '=', 'community').where('code', 'in', communities.slice(i, i + 1000)).execute()
    rows.forEach((r) => known.add(r.code))
  }
  grids.forEach((g, i) => {
    if (!known.has(g.communityCode)) {
      errors.push({ where: where(i, g), field: 'properties.id', message: `community ${g.communityCode} (digits 1-12 of the id) is not a known community; import regions first` })
    }
  })
  if (errors.length > 0) throw new ImportFailed(errors.slice(0, 100))
  await db.transaction().execute((trx) => upsertGrids(trx, grids))
  return { count: grids.length }
}

/** Reads FILE and runs {@link importGrids}. */
export async function importGridsFile(db: Kysely<Database>, file: string, options: { readonly crs?: SourceCrs } = {}) {
  return importGrids(db, parseJsonFile(await readFile(file, 'utf8')), options)
}
