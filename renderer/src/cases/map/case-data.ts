/**
 * @module renderer/cases/map/case-data
 * 案件图层数据 — the bridge's {@link CaseColumns} as typed arrays, the one form every case layer reads: points,
 * clusters, the heatmap, the 高发网格 counts and playback. Pure (no DOM, no OpenLayers), so it is tested in Node
 * and fed straight from synthetic columns by the heatmap bench.
 */
import { CASE_PHASES } from '../../../../core/case/phase.js'
import type { CaseColumns, LightColor } from '../../../../contracts/bridge/index.js'

/** Index order of {@link CaseColumns.light}: the contract's LIGHT_ORDER (a value the renderer may not import). */
export const LIGHTS = ['none', 'green', 'yellow', 'red'] as const satisfies readonly LightColor[]

/** Milliseconds per minute: case times are held as whole minutes since {@link CaseData.base}. */
export const MINUTE = 60_000

/** Matching cases, column by column; case i is `ids[i]` at (`lon[i]`, `lat[i]`). */
export interface CaseData {
  readonly size: number
  readonly ids: readonly string[]
  readonly lon: Float64Array
  readonly lat: Float64Array
  /** Index into CASE_PHASES (core/case/phase.ts). */
  readonly phase: Uint8Array
  /** Index into {@link LIGHTS}; a larger index is a worse light. */
  readonly light: Uint8Array
  /** 1 for a 第9条 safety hazard. */
  readonly hazard: Uint8Array
  /** Epoch ms. */
  readonly createdAt: Float64Array
  /** Whole minutes from {@link base} to `createdAt` (floor): playback windows compare these. */
  readonly minute: Int32Array
  /** Epoch ms of minute 0: the earliest `createdAt`, floored to a whole minute (0 when empty). */
  readonly base: number
  /** 到场 deadline of a hazard not yet on site, epoch ms; 0 otherwise. */
  readonly onSiteDeadline: Float64Array
  /** Index into `gridIds`, -1 outside every grid. */
  readonly grid: Int32Array
  readonly gridIds: readonly string[]
  /** Earliest and latest `createdAt`; null when empty. */
  readonly span: { readonly from: number; readonly to: number } | null
}

/** The typed columns a {@link CaseData} is built from (the bench builds them without the bridge). */
export interface CaseArrays {
  readonly ids: readonly string[]
  readonly lon: ArrayLike<number>
  readonly lat: ArrayLike<number>
  readonly phase: ArrayLike<number>
  readonly light: ArrayLike<number>
  readonly hazard: ArrayLike<number>
  readonly createdAt: ArrayLike<number>
  readonly onSiteDeadline?: ArrayLike<number>
  readonly grid?: ArrayLike<number>
  readonly gridIds?: readonly string[]
}

const COLUMN_NAMES = ['lon', 'lat', 'phase', 'light', 'hazard', 'createdAt', 'onSiteDeadline', 'grid'] as const satisfies readonly (keyof CaseArrays)[]

/** An empty data set. */
export const EMPTY_CASES: CaseData = caseData({ ids: [], lon: [], lat: [], phase: [], light: [], hazard: [], createdAt: [] })

/** Typed arrays from the bridge's columns; throws when the columns disagree in length (a bridge bug). */
export function caseDataFromColumns(columns: CaseColumns): CaseData {
  return caseData(columns)
}

/** Builds a {@link CaseData}; out-of-range phase and light indices are clamped, so a style never reads past its table. */
export function caseData(arrays: CaseArrays): CaseData {
  const size = arrays.ids.length
  for (const name of COLUMN_NAMES) {
    const column = arrays[name]
    if (column !== undefined && column.length !== size) throw new Error(`case columns: ${name} has ${column.length} entries, ids ${size}`)
  }
  const lon = Float64Array.from(arrays.lon)
  const lat = Float64Array.from(arrays.lat)
  const phase = new Uint8Array(size)
  const light = new Uint8Array(size)
  const hazard = new Uint8Array(size)
  const createdAt = Float64Array.from(arrays.createdAt)
  const onSiteDeadline = arrays.onSiteDeadline ? Float64Array.from(arrays.onSiteDeadline) : new Float64Array(size)
  const grid = arrays.grid ? Int32Array.from(arrays.grid) : new Int32Array(size).fill(-1)
  const maxPhase = CASE_PHASES.length - 1
  const maxLight = LIGHTS.length - 1
  let min = Infinity
  let max = -Infinity
  for (let i = 0; i < size; i++) {
    phase[i] = Math.max(0, Math.min(maxPhase, arrays.phase[i]! | 0))
    light[i] = Math.max(0, Math.min(maxLight, arrays.light[i]! | 0))
    hazard[i] = arrays.hazard[i] ? 1 : 0
    const t = createdAt[i]!
    if (t < min) min = t
    if (t > max) max = t
  }
  const base = size ? Math.floor(min / MINUTE) * MINUTE : 0
  const minute = new Int32Array(size)
  for (let i = 0; i < size; i++) minute[i] = Math.floor((createdAt[i]! - base) / MINUTE)
  return {
    size,
    ids: arrays.ids,
    lon,
    lat,
    phase,
    light,
    hazard,
    createdAt,
    minute,
    base,
    onSiteDeadline,
    grid,
    gridIds: arrays.gridIds ?? [],
    span: size ? { from: min, to: max } : null,
  }
}

/** The index of a case by id, -1 when it is not in the data (a linear scan: done on a click, not per frame). */
export function indexOfCase(data: CaseData, id: string): number {
  return data.ids.indexOf(id)
}

/** Case positions in a view projection. */
export interface ProjectedCases {
  readonly projection: string
  readonly x: Float64Array
  readonly y: Float64Array
}

const EARTH_RADIUS = 6_378_137

/**
 * Case positions in the view projection: CGCS2000 lon/lat as they are, or Web Mercator metres (the
 * spherical formula OpenLayers uses for EPSG:3857, inlined: a million points in a few milliseconds).
 */
export function projectCases(data: CaseData, projection: 'EPSG:4490' | 'EPSG:3857'): ProjectedCases {
  if (projection === 'EPSG:4490') return { projection, x: data.lon, y: data.lat }
  const x = new Float64Array(data.size)
  const y = new Float64Array(data.size)
  const k = Math.PI / 180
  for (let i = 0; i < data.size; i++) {
    x[i] = EARTH_RADIUS * data.lon[i]! * k
    const lat = Math.max(-85.06, Math.min(85.06, data.lat[i]!))
    y[i] = EARTH_RADIUS * Math.log(Math.tan(Math.PI / 4 + (lat * k) / 2))
  }
  return { projection, x, y }
}

/**
 * Where the cases are, CGCS2000 [west, south, east, north], leaving out the `trim` share of cases farthest out on
 * each side (a stray case across the city must not widen the first view to the whole city); null when empty.
 */
export function caseExtent(data: Pick<CaseData, 'size' | 'lon' | 'lat'>, trim = 0.01): [number, number, number, number] | null {
  if (!data.size) return null
  const lon = Float64Array.from(data.lon).sort()
  const lat = Float64Array.from(data.lat).sort()
  const low = Math.floor(trim * (data.size - 1))
  const high = data.size - 1 - low
  return [lon[low]!, lat[low]!, lon[high]!, lat[high]!]
}
