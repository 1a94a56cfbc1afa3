import { shown, type ImportErrorCollector } from './import-error.js'

/** True for a plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// Names under which GIS tools (QGIS, ogr2ogr, ArcGIS) declare lon/lat degrees in the pre-RFC 7946 `crs` member.
const LON_LAT_CRS = /(?:CRS84|[:]4326|[:]4490)$/i

/**
 * 要素集合 — checks the envelope of a GeoJSON import: an object with `type: 'FeatureCollection'` and a
 * `features` array, and, when the old `crs` member is present, that it names lon/lat degrees. Returns the
 * features, or undefined after reporting why the file as a whole is unusable.
 */
export function readFeatureCollection(
  json: unknown,
  errors: ImportErrorCollector,
): readonly unknown[] | undefined {
  if (!isRecord(json)) {
    errors.add('file', undefined, `expected a GeoJSON FeatureCollection object, got ${shown(json)}`)
    return undefined
  }
  if (json.type !== 'FeatureCollection') {
    errors.add('file', 'type', `expected "FeatureCollection", got ${shown(json.type)}`)
    return undefined
  }
  if (!Array.isArray(json.features)) {
    errors.add('file', 'features', `expected an array of features, got ${shown(json.features)}`)
    return undefined
  }
  // A projected file (Gauss-Krüger, Web Mercator) would fail on every position; one error says why.
  if (json.crs !== undefined && json.crs !== null) {
    const name = isRecord(json.crs) && isRecord(json.crs.properties) ? json.crs.properties.name : undefined
    if (typeof name !== 'string' || !LON_LAT_CRS.test(name)) {
      errors.add(
        'file',
        'crs',
        `the file declares coordinate system ${shown(name)}; export longitude/latitude degrees ` +
          '(EPSG:4490 or EPSG:4326) and pass the datum (CGCS2000, WGS84, GCJ02, BD09) as the crs option',
      )
      return undefined
    }
  }
  return json.features as readonly unknown[]
}

/** The `where` of a feature: `'feature 12 (id 321202001002017)'`, or `'feature 12'` when it has no usable id. */
export function featureWhere(index: number, id: unknown): string {
  const text =
    typeof id === 'string' ? id.trim() : typeof id === 'number' && Number.isFinite(id) ? String(id) : ''
  return text === ''
    ? `feature ${index}`
    : `feature ${index} (id ${text.length > 40 ? `${text.slice(0, 39)}…` : text})`
}

/** A feature's parts after the envelope checks; `properties` is `{}` when the file has `null`. */
export interface FeatureParts {
  readonly geometry: Readonly<Record<string, unknown>> | undefined
  readonly properties: Readonly<Record<string, unknown>>
}

/**
 * 要素 — checks that a feature is an object of type `Feature` with a properties object (or null) and a
 * geometry object. Reports what is wrong under `where`; a missing geometry is reported but the
 * properties are still returned, so their errors are listed too.
 */
export function readFeature(
  feature: unknown,
  where: string,
  errors: ImportErrorCollector,
): FeatureParts | undefined {
  if (!isRecord(feature)) {
    errors.add(where, undefined, `expected a GeoJSON Feature object, got ${shown(feature)}`)
    return undefined
  }
  if (feature.type !== 'Feature') {
    errors.add(where, 'type', `expected "Feature", got ${shown(feature.type)}`)
    return undefined
  }
  const rawProperties = feature.properties
  let properties: Readonly<Record<string, unknown>> = {}
  if (isRecord(rawProperties)) properties = rawProperties
  else if (rawProperties !== null && rawProperties !== undefined) {
    errors.add(where, 'properties', `expected an object, got ${shown(rawProperties)}`)
  }
  const geometry = feature.geometry
  if (!isRecord(geometry)) {
    errors.add(where, 'geometry', `expected a geometry object, got ${shown(geometry)}`)
    return { geometry: undefined, properties }
  }
  return { geometry, properties }
}
