import { readFile } from 'node:fs/promises'
import type { Kysely } from 'kysely'
import pointInPolygon from 'point-in-polygon-hao'
import type { Position } from 'geojson'
import type { SourceCrs } from '../../../core/geo/china-crs.js'
import { parseComponentCsv, parseComponentFeatureCollection } from '../../../core/import/component-records.js'
import type { ImportError } from '../../../core/import/import-error.js'
import type { Component } from '../../../core/component/types.js'
import type { Database } from '../db/schema.js'
import { upsertComponents } from '../db/components.js'
import { ImportFailed, parseJsonFile } from './import-failed.js'

/** What an import reads: the file's text and its format. */
export interface ComponentFile {
  readonly format: 'csv' | 'geojson'
  readonly text: string
}

/**
 * 部件导入 — validates components from CSV or GeoJSON against the catalog, the unit grids and the units,
 * and stores all of them in one transaction, or none.
 */
export async function importComponents(
  db: Kysely<Database>,
  file: ComponentFile,
  options: { readonly crs?: SourceCrs; readonly onProgress?: (done: number, total: number) => void } = {},
): Promise<{ readonly count: number }> {
  const classes = await db.selectFrom('catalog_class').select(['key', 'name']).where('kind', '=', 'component').execute()
  const names = new Map(classes.map((c) => [c.key, c.name]))
  const parseOptions = { categoryName: (key: string) => names.get(key), ...(options.crs ? { crs: options.crs } : {}) }
  const parsed =
    file.format === 'csv'
      ? parseComponentCsv(file.text, parseOptions)
      : parseComponentFeatureCollection(parseJsonFile(file.text), parseOptions)
  if (!parsed.ok) throw new ImportFailed(parsed.error)
  const components = parsed.value
  const errors = await crossCheck(db, components)
  if (errors.length > 0) throw new ImportFailed(errors)
  await db.transaction().execute((trx) =>
    upsertComponents(trx, components, options.onProgress ? (done) => options.onProgress!(done, components.length) : undefined),
  )
  return { count: components.length }
}

/** Reads FILE (.csv, .geojson or .json) and runs {@link importComponents}. */
export async function importComponentsFile(db: Kysely<Database>, path: string, options: { readonly crs?: SourceCrs } = {}) {
  const lower = path.toLowerCase()
  const format = lower.endsWith('.csv') ? 'csv' : lower.endsWith('.geojson') || lower.endsWith('.json') ? 'geojson' : undefined
  if (!format) throw new ImportFailed([{ where: 'file', message: `${path}: expected a .csv, .geojson or .json file` }])
  return importComponents(db, { format, text: await readFile(path, 'utf8') }, options)
}

// What the parser cannot know: that each grid exists and holds the point, and that unit ids are real.
async function crossCheck(db: Kysely<Database>, components: readonly Component[]): Promise<ImportError[]> {
  const errors: ImportError[] = []
  const add = (c: Component, field: string, message: string) => {
    if (errors.length < 100) errors.push({ where: `component ${c.id}`, field, message })
  }
  const gridIds = [...new Set(components.map((c) => c.gridId))]
  const grids = new Map<string, Position[][]>()
  for (let i = 0; i < gridIds.length; i += 1000) {
    const rows = await db.selectFrom('unit_grid').select(['id', 'geometry']).where('id', 'in', gridIds.slice(i, i + 1000)).execute()
    rows.forEach((r) => grids.set(r.id, r.geometry.coordinates))
  }
  const unitRows = await db.selectFrom('responsible_unit').select('id').execute()
  const units = new Set(unitRows.map((u) => u.id))
  for (const c of components) {
    const rings = grids.get(c.gridId)
    if (!rings) add(c, 'gridId', `unit grid ${c.gridId} does not exist; import grids first`)
    else if (pointInPolygon([c.lon, c.lat], rings) === false) add(c, 'lon/lat', `point ${c.lon},${c.lat} lies outside its unit grid ${c.gridId}`)
    if (c.ownerUnitId && !units.has(c.ownerUnitId)) add(c, 'ownerUnitId', `unit "${c.ownerUnitId}" is not a known responsible unit`)
    if (c.maintainerUnitId && !units.has(c.maintainerUnitId)) add(c, 'maintainerUnitId', `unit "${c.maintainerUnitId}" is not a known responsible unit`)
    if (c.id.slice(0, 6) !== c.gridId.slice(0, 6)) add(c, 'id', `district ${c.id.slice(0, 6)} of the id differs from the grid's district ${c.gridId.slice(0, 6)}`)
  }
  return errors
}
