import type { AreaClass } from '../catalog/types.js'
import { parseUnitGridCode } from '../codes/unit-grid-code.js'
import { err, ok, type Result } from '../codes/result.js'
import type { SourceCrs } from '../geo/china-crs.js'
import { checkPolygon } from '../geo/polygon-check.js'
import type { UnitGrid } from '../region/types.js'
import { featureWhere, readFeature, readFeatureCollection } from './feature-collection.js'
import {
  createErrorCollector,
  shown,
  tooLong,
  type ImportError,
  type ImportErrorCollector,
  type ImportLimits,
} from './import-error.js'

/** Options of {@link parseGridFeatureCollection}. */
export interface GridImportOptions extends ImportLimits {
  /** Datum of the file's lon/lat (default `'CGCS2000'`); anything else is converted to CGCS2000. */
  readonly crs?: SourceCrs
}

/** The area classes a grid may carry, with the names the messages give them. */
const AREA_CLASS_NAMES = { A: '核心区', B: '一般区', C: '其他' } as const satisfies Record<AreaClass, string>
const ALLOWED_AREA_CLASSES = Object.entries(AREA_CLASS_NAMES)
  .map(([k, v]) => `"${k}" (${v})`)
  .join(', ')

/**
 * 单元网格导入 — turns an untrusted GeoJSON FeatureCollection into unit grids, or into every error found
 * (up to `maxErrors`, then a count), each naming the feature (0-based index and id) and the field.
 *
 * Per feature:
 * - `properties.id` (required, string or number): a unit grid id (parseUnitGridCode). A 14-digit
 *   CJ/T 213-2005 id is accepted and stored in its canonical 15-digit form, so `32120200100217` and
 *   `321202001002017` are the same grid, and a file holding both reports a duplicate.
 * - `properties.communityCode` (optional): when present, must equal the id's first 12 digits.
 * - `properties.areaClass` (required): exactly "A", "B" or "C". There is no default: the class sets the
 *   grid's time limits, so guessing it would make every deadline in the cell wrong.
 * - `geometry`: a Polygon, or a MultiPolygon of exactly one part (unwrapped). Ring checks and repairs are
 *   those of {@link checkPolygon}. Overlaps between grids are the caller's check (it needs all grids).
 * Other properties are ignored: a unit grid has no other fields to lose.
 */
export function parseGridFeatureCollection(
  json: unknown,
  options: GridImportOptions = {},
): Result<UnitGrid[], ImportError[]> {
  const crs = options.crs ?? 'CGCS2000'
  const errors = createErrorCollector(options.maxErrors)
  const features = readFeatureCollection(json, errors)
  if (!features) return err(errors.finish())
  if (features.length === 0)
    errors.add('file', 'features', 'the FeatureCollection has no features: nothing to import')

  const grids: UnitGrid[] = []
  const firstIndexOf = new Map<string, number>()
  features.forEach((feature, index) => {
    const rawId = (feature as { properties?: { id?: unknown } } | null)?.properties?.id
    const where = featureWhere(index, rawId)
    const before = errors.count
    const parts = readFeature(feature, where, errors)
    if (!parts) return

    const id = readGridId(parts.properties.id, where, errors)
    if (id !== undefined) {
      const first = firstIndexOf.get(id)
      if (first === undefined) firstIndexOf.set(id, index)
      else errors.add(where, 'properties.id', `duplicate id ${id}: feature ${first} has the same id`)
      checkCommunityCode(parts.properties.communityCode, id, where, errors)
    }
    const areaClass = readAreaClass(parts.properties.areaClass, where, errors)
    const geometry = parts.geometry ? readGridGeometry(parts.geometry, crs, where, errors) : undefined

    if (errors.count === before && id !== undefined && areaClass !== undefined && geometry !== undefined) {
      grids.push({ id, communityCode: id.slice(0, 12), areaClass, geometry })
    }
  })
  return errors.count > 0 ? err(errors.finish()) : ok(grids)
}

/** The canonical 15-digit id, or undefined after reporting why there is none. */
function readGridId(raw: unknown, where: string, errors: ImportErrorCollector): string | undefined {
  const field = 'properties.id'
  let text: string
  if (typeof raw === 'string') text = raw.trim()
  // GIS tools often write code columns as numbers; every valid grid id is below 2^53, so none is mangled.
  else if (typeof raw === 'number' && Number.isSafeInteger(raw) && raw > 0) text = String(raw)
  else if (raw === undefined || raw === null || raw === '') {
    errors.add(where, field, 'required: the unit grid id (单元网格标识码), 15 digits')
    return undefined
  } else {
    errors.add(where, field, `expected the unit grid id as a string of 15 digits, got ${shown(raw)}`)
    return undefined
  }
  // 15 digits at most (a 14-digit CJ/T 213 id too): anything far longer is not an id, and is not quoted back.
  const long = tooLong(text, 64)
  if (long !== undefined) {
    errors.add(where, field, `too long for a unit grid id (15 digits): ${long}`)
    return undefined
  }
  const parsed = parseUnitGridCode(text)
  if (!parsed.ok) {
    errors.add(where, field, parsed.error)
    return undefined
  }
  return parsed.value.canonical
}

function checkCommunityCode(raw: unknown, id: string, where: string, errors: ImportErrorCollector): void {
  if (raw === undefined || raw === null || raw === '') return
  const text = typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : undefined
  const expected = id.slice(0, 12)
  if (text !== expected) {
    errors.add(
      where,
      'properties.communityCode',
      `${shown(raw)} does not match the id: a grid lies in the community its id starts with, ${expected}`,
    )
  }
}

function readAreaClass(raw: unknown, where: string, errors: ImportErrorCollector): AreaClass | undefined {
  if (raw === 'A' || raw === 'B' || raw === 'C') return raw
  const problem = raw === undefined || raw === null || raw === '' ? 'required' : `got ${shown(raw)}`
  errors.add(where, 'properties.areaClass', `${problem}: expected one of ${ALLOWED_AREA_CLASSES}`)
  return undefined
}

function readGridGeometry(
  geometry: Readonly<Record<string, unknown>>,
  crs: SourceCrs,
  where: string,
  errors: ImportErrorCollector,
): UnitGrid['geometry'] | undefined {
  let coordinates: unknown = geometry.coordinates
  let path = 'geometry.coordinates'
  if (geometry.type === 'MultiPolygon') {
    const parts = Array.isArray(coordinates) ? coordinates.length : 0
    if (parts !== 1) {
      const why =
        parts === 0
          ? 'a MultiPolygon with no parts'
          : `a MultiPolygon of ${parts} parts; a unit grid is one contiguous polygon, so split it into ${parts} grids ` +
            'with their own ids, or merge the parts'
      errors.add(where, 'geometry', why)
      return undefined
    }
    // Shapefile-to-GeoJSON tools write MultiPolygon for every polygon layer; one part is just a polygon.
    coordinates = (coordinates as unknown[])[0]
    path = 'geometry.coordinates[0]'
  } else if (geometry.type !== 'Polygon') {
    errors.add(
      where,
      'geometry.type',
      `expected "Polygon" (or a single-part "MultiPolygon"), got ${shown(geometry.type)}`,
    )
    return undefined
  }
  const polygon = checkPolygon(coordinates, path, crs)
  if (polygon.ok) return polygon.value
  for (const problem of polygon.error) errors.add(where, problem.path, problem.message)
  return undefined
}
