import { err, ok, type Result } from '../codes/result.js'
import { lonLatProblem, toCgcs2000, type SourceCrs } from '../geo/china-crs.js'
import { buildComponentDraft } from './component-draft.js'
import {
  COMPONENT_IMPORT_FIELDS,
  componentFieldOf,
  type ComponentDraft,
  type ComponentImportField,
  type ComponentImportOptions,
} from './component-fields.js'
import { featureWhere, isRecord, readFeature, readFeatureCollection } from './feature-collection.js'
import { createErrorCollector, shown, type ImportError, type ImportErrorCollector } from './import-error.js'

/**
 * 部件GeoJSON导入 — see `parseComponentFeatureCollection` in component-records.ts, which documents the
 * format; this is its implementation, returning drafts.
 */
export function parseComponentFeaturesDrafts(
  json: unknown,
  options: ComponentImportOptions,
): Result<ComponentDraft[], ImportError[]> {
  const errors = createErrorCollector(options.maxErrors)
  const features = readFeatureCollection(json, errors)
  if (!features) return err(errors.finish())
  if (features.length === 0)
    errors.add('file', 'features', 'the FeatureCollection has no features: nothing to import')
  const crs = options.crs ?? 'CGCS2000'

  const drafts: ComponentDraft[] = []
  const firstIndexOf = new Map<string, number>()
  // Unknown property names are reported once per file, not once per feature: a GIS export's extra
  // columns (OBJECTID, Shape_Leng…) would otherwise fill the list.
  const unknown = new Map<string, { where: string; count: number }>()
  features.forEach((feature, index) => {
    const properties = isRecord(feature) && isRecord(feature.properties) ? feature.properties : {}
    const keys = mapKeys(properties)
    const where = featureWhere(index, properties[keys.keyOf.get('id') ?? 'id'])
    for (const key of keys.unknown) {
      const seen = unknown.get(key)
      if (seen) seen.count += 1
      else unknown.set(key, { where, count: 1 })
    }
    const before = errors.count
    const parts = readFeature(feature, where, errors)
    if (!parts) return
    for (const [key, earlier] of keys.duplicates) {
      errors.add(where, `properties.${key}`, `names the same field as properties.${earlier}`)
    }
    const field = (f: ComponentImportField) => `properties.${keys.keyOf.get(f) ?? f}`
    const values = readValues(properties, keys.keyOf, where, field, errors)
    const read = (f: ComponentImportField) => values.get(f)
    const id = read('id')
    if (typeof id === 'string' && /^\d{16,17}$/.test(id)) {
      const first = firstIndexOf.get(id)
      if (first === undefined) firstIndexOf.set(id, index)
      else errors.add(where, field('id'), `duplicate id ${id}: feature ${first} has the same id`)
    }
    const draft = buildComponentDraft({
      read,
      has: (f) => keys.keyOf.has(f),
      position: parts.geometry ? readPoint(parts.geometry, crs, where, errors) : undefined,
      report: (f, message) => errors.add(where, field(f), message),
      ...(options.categoryName ? { categoryName: options.categoryName } : {}),
    })
    if (draft && errors.count === before) drafts.push(draft)
  })
  if (!options.ignoreUnknownFields) {
    const known = COMPONENT_IMPORT_FIELDS.join(', ')
    for (const [key, { where, count }] of unknown) {
      const inHow = count === 1 ? 'this feature' : `${count} features, first this one`
      errors.add(
        where,
        `properties.${key}`,
        `unknown property (in ${inHow}): expected ${known} or their Chinese names; ` +
          'pass ignoreUnknownFields to skip it',
      )
    }
  }
  return errors.count > 0 ? err(errors.finish()) : ok(drafts)
}

interface KeyMap {
  readonly keyOf: Map<ComponentImportField, string>
  readonly unknown: string[]
  /** [key, the earlier key naming the same field]. */
  readonly duplicates: [string, string][]
}

function mapKeys(properties: Readonly<Record<string, unknown>>): KeyMap {
  const map: KeyMap = { keyOf: new Map(), unknown: [], duplicates: [] }
  for (const key of Object.keys(properties)) {
    const field = componentFieldOf(key)
    const earlier = field === undefined ? undefined : map.keyOf.get(field)
    if (field === undefined) map.unknown.push(key)
    else if (earlier !== undefined) map.duplicates.push([key, earlier])
    else map.keyOf.set(field, key)
  }
  return map
}

/** Each field's text: undefined when absent or empty, null when unusable (and then reported here, once). */
function readValues(
  properties: Readonly<Record<string, unknown>>,
  keyOf: ReadonlyMap<ComponentImportField, string>,
  where: string,
  field: (f: ComponentImportField) => string,
  errors: ImportErrorCollector,
): Map<ComponentImportField, string | null | undefined> {
  const values = new Map<ComponentImportField, string | null | undefined>()
  for (const [f, key] of keyOf) {
    // The position comes from the geometry; lon/lat properties are often stale copies, so they are not read.
    if (f === 'lon' || f === 'lat') continue
    const raw = properties[key]
    if (raw === undefined || raw === null) values.set(f, undefined)
    else if (typeof raw === 'string') values.set(f, raw.trim() === '' ? undefined : raw.trim())
    else if (typeof raw === 'number' && Number.isFinite(raw)) {
      // A 17-digit id exceeds 2^53, so a number may already have lost its last digits: refuse to guess.
      if ((f === 'id' || f === 'gridId') && !Number.isSafeInteger(raw)) {
        errors.add(where, field(f), `${raw} is a JSON number too large to be exact: write the id as a string`)
        values.set(f, null)
      } else values.set(f, String(raw))
    } else {
      errors.add(where, field(f), `expected text, got ${shown(raw)}`)
      values.set(f, null)
    }
  }
  return values
}

function readPoint(
  geometry: Readonly<Record<string, unknown>>,
  crs: SourceCrs,
  where: string,
  errors: ImportErrorCollector,
): [number, number] | undefined {
  if (geometry.type !== 'Point') {
    errors.add(where, 'geometry.type', `expected "Point", got ${shown(geometry.type)}`)
    return undefined
  }
  const c = geometry.coordinates
  if (!Array.isArray(c) || c.length < 2 || typeof c[0] !== 'number' || typeof c[1] !== 'number') {
    errors.add(where, 'geometry.coordinates', `expected [longitude, latitude] numbers, got ${shown(c)}`)
    return undefined
  }
  const problem = lonLatProblem(c[0], c[1])
  if (problem) {
    errors.add(where, 'geometry.coordinates', problem)
    return undefined
  }
  return toCgcs2000(c[0], c[1], crs)
}
