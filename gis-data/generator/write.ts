import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import type { Region, UnitGrid } from '../../core/region/types.js'
import type { DemoComponent } from './components.js'
import type { DemoCity } from './index.js'

/** The files a written city consists of, by role. */
export const CITY_FILES = {
  meta: 'city.json',
  regions: 'regions.geojson',
  grids: 'grids.geojson',
  components: 'components.geojson',
  componentsCsv: 'components.csv',
  units: 'units.json',
  routingRules: 'routing-rules.json',
} as const

/** Column order of components.csv (the server's import format). */
export const COMPONENT_CSV_COLUMNS = [
  'id',
  'edition',
  'category',
  'name',
  'status',
  'lon',
  'lat',
  'gridId',
  'ownerUnitId',
  'maintainerUnitId',
  'initialDate',
  'dataSource',
] as const

/** Options of {@link writeCity}. */
export interface WriteOptions {
  /** Also write components.csv (default true). */
  readonly csv?: boolean
}

/**
 * 数据导出 — writes a generated city to `dir` as GeoJSON FeatureCollections (lon/lat, CGCS2000 ≈ WGS84,
 * 7 decimals) plus JSON for units, routing rules and meta, and components.csv. One feature per line and
 * fixed property order, so the bytes depend only on the city and diffs stay readable. Features are written
 * in chunks: a million components never become one string. Returns the paths written.
 */
export function writeCity(city: DemoCity, dir: string, options: WriteOptions = {}): string[] {
  mkdirSync(dir, { recursive: true })
  const written: string[] = []
  const put = (name: string, text: string) => {
    writeFileSync(join(dir, name), text)
    written.push(join(dir, name))
  }
  put(CITY_FILES.meta, json(city.meta))
  put(CITY_FILES.units, json(city.units))
  put(CITY_FILES.routingRules, json(city.routingRules))
  written.push(writeLines(join(dir, CITY_FILES.regions), FC_HEAD, city.regions.map(regionFeature), FC_TAIL))
  written.push(writeLines(join(dir, CITY_FILES.grids), FC_HEAD, city.grids.map(gridFeature), FC_TAIL))
  written.push(
    writeLines(
      join(dir, CITY_FILES.components),
      FC_HEAD,
      mapLazy(city.components, componentFeature),
      FC_TAIL,
    ),
  )
  if (options.csv ?? true) {
    const head = COMPONENT_CSV_COLUMNS.join(',') + '\n'
    written.push(
      writeLines(
        join(dir, CITY_FILES.componentsCsv),
        head,
        mapLazy(city.components, componentCsvRow),
        '',
        '\n',
        '\n',
      ),
    )
  }
  return written
}

const FC_HEAD = '{"type":"FeatureCollection","features":[\n'
const FC_TAIL = '\n]}\n'

/** A region as a GeoJSON feature line: properties code, level, name, nameEn, parentCode (null for districts). */
export function regionFeature(region: Region): string {
  const { code, level, name, nameEn } = region
  return feature({ code, level, name, nameEn, parentCode: region.parentCode ?? null }, region.geometry)
}

/** A unit grid as a GeoJSON feature line: properties id, communityCode, streetCode, districtCode, areaClass. */
export function gridFeature(grid: UnitGrid): string {
  const c = grid.communityCode
  const props = {
    id: grid.id,
    communityCode: c,
    streetCode: c.slice(0, 9),
    districtCode: c.slice(0, 6),
    areaClass: grid.areaClass,
  }
  return feature(props, grid.geometry)
}

/** A component as a GeoJSON Point feature line; absent owner/maintainer are written as null. */
export function componentFeature(c: DemoComponent): string {
  // Spelled out instead of JSON.stringify on an object: a million of these dominate the large city's write
  // time. The bytes are the same as JSON.stringify would give (city.test.ts compares against the demo).
  const q = jsonString
  const owner = c.ownerUnitId === undefined ? 'null' : q(c.ownerUnitId)
  const maintainer = c.maintainerUnitId === undefined ? 'null' : q(c.maintainerUnitId)
  return (
    `{"type":"Feature","properties":{"id":${q(c.id)},"edition":${q(c.edition)},"category":${q(c.category)},` +
    `"name":${q(c.name)},"status":${q(c.status)},"gridId":${q(c.gridId)},"districtCode":${q(c.districtCode)},` +
    `"streetCode":${q(c.streetCode)},"communityCode":${q(c.communityCode)},"ownerUnitId":${owner},` +
    `"maintainerUnitId":${maintainer},"initialDate":${q(c.initialDate)},"dataSource":${q(c.dataSource)}},` +
    `"geometry":{"type":"Point","coordinates":[${c.lon},${c.lat}]}}`
  )
}

/** A component as one components.csv row (RFC 4180 quoting where needed). */
export function componentCsvRow(c: DemoComponent): string {
  const text = (value: string | undefined) => (value === undefined ? '' : csvField(value))
  return (
    `${text(c.id)},${text(c.edition)},${text(c.category)},${text(c.name)},${text(c.status)},${c.lon},${c.lat},` +
    `${text(c.gridId)},${text(c.ownerUnitId)},${text(c.maintainerUnitId)},${text(c.initialDate)},${text(c.dataSource)}`
  )
}

function feature(properties: object, geometry: object): string {
  return `{"type":"Feature","properties":${JSON.stringify(properties)},"geometry":${JSON.stringify(geometry)}}`
}

// JSON.stringify for a string, skipped for the usual case of nothing to escape (codes, ids, Chinese names).
function jsonString(value: string): string {
  return JSON_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`
}

// Characters JSON.stringify escapes: quote, backslash, controls and lone surrogates.
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be found
const JSON_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n'
}

function* mapLazy<T>(items: readonly T[], f: (item: T) => string): Iterable<string> {
  for (const item of items) yield f(item)
}

// Writes head, the lines joined by `separator`, then tail, flushing about every megabyte.
function writeLines(
  path: string,
  head: string,
  lines: Iterable<string>,
  tail: string,
  separator = ',\n',
  end = '',
): string {
  const fd = openSync(path, 'w')
  // Text is encoded straight into one reused buffer: about twice as fast as building and writing megabyte
  // strings, and memory stays flat however many lines come.
  const buffer = Buffer.allocUnsafe(4 << 20)
  let used = 0
  const put = (text: string) => {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (used + text.length * 3 > buffer.length) {
      writeSync(fd, buffer, 0, used)
      used = 0
    }
    if (text.length * 3 > buffer.length) writeSync(fd, text)
    else used += buffer.write(text, used)
  }
  try {
    put(head)
    let first = true
    for (const line of lines) {
      if (!first) put(separator)
      put(line)
      first = false
    }
    put((first ? '' : end) + tail)
    writeSync(fd, buffer, 0, used)
  } finally {
    closeSync(fd)
  }
  return path
}
