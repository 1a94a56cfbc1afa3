/**
 * 格网底图 — the one lattice of ~100 m × 100 m cells that every polygon of the generated city is cut from.
 * Vertices are computed from integer indices and a fixed origin, in units of 1e-7°, so two polygons that share
 * a corner share the identical coordinate and the city has no gaps or overlaps by construction.
 */

/** Columns of the lattice (west→east). */
export const LATTICE_WIDTH = 1000
/** Rows of the lattice (north→south). */
export const LATTICE_HEIGHT = 1000
/** North-west corner of the lattice, in 1e-7 degrees (119.55° E, 32.80° N): west of 高港, north of 海陵. */
const ORIGIN_LON_E7 = 1_195_500_000
const ORIGIN_LAT_E7 = 328_000_000
/** 100 m of longitude at 32.4° N ≈ 0.001064°; 100 m of latitude ≈ 0.000898°. */
const CELL_LON_E7 = 10_640
const CELL_LAT_E7 = 8_980

/** Approximate size of one cell in metres (x east, y north), for distance reckoning. */
export const CELL_METRES = { x: 100, y: 100 } as const

/** Cell number of column `i`, row `j` (row 0 is the northernmost). */
export function cellIndex(i: number, j: number): number {
  return j * LATTICE_WIDTH + i
}

/** Column of a cell number. */
export function cellColumn(cell: number): number {
  return cell % LATTICE_WIDTH
}

/** Row of a cell number. */
export function cellRow(cell: number): number {
  return Math.floor(cell / LATTICE_WIDTH)
}

/** Longitude of vertex column `vi` (0…LATTICE_WIDTH), exact to 7 decimals. */
export function vertexLon(vi: number): number {
  return (ORIGIN_LON_E7 + vi * CELL_LON_E7) / 1e7
}

/** Latitude of vertex row `vj` (0…LATTICE_HEIGHT; row 0 is the north edge), exact to 7 decimals. */
export function vertexLat(vj: number): number {
  return (ORIGIN_LAT_E7 - vj * CELL_LAT_E7) / 1e7
}

/** The cell containing a lon/lat point, or undefined outside the lattice. */
export function cellAt(lon: number, lat: number): number | undefined {
  const i = Math.floor((lon * 1e7 - ORIGIN_LON_E7) / CELL_LON_E7)
  const j = Math.floor((ORIGIN_LAT_E7 - lat * 1e7) / CELL_LAT_E7)
  if (i < 0 || j < 0 || i >= LATTICE_WIDTH || j >= LATTICE_HEIGHT) return undefined
  return cellIndex(i, j)
}

/** Centre of a cell as fractional lattice coordinates, for distances in cell units. */
export function cellCentre(cell: number): { readonly x: number; readonly y: number } {
  return { x: cellColumn(cell) + 0.5, y: cellRow(cell) + 0.5 }
}

/** A point inside a cell at fractions (fx, fy) of its width from the west and height from the north, 7 decimals. */
export function pointInCell(cell: number, fx: number, fy: number): [number, number] {
  const i = cellColumn(cell)
  const j = cellRow(cell)
  const lonE7 = Math.round(ORIGIN_LON_E7 + (i + fx) * CELL_LON_E7)
  const latE7 = Math.round(ORIGIN_LAT_E7 - (j + fy) * CELL_LAT_E7)
  return [lonE7 / 1e7, latE7 / 1e7]
}

/** The closed, counter-clockwise ring of one cell (RFC 7946 exterior). */
export function cellRing(cell: number): number[][] {
  const i = cellColumn(cell)
  const j = cellRow(cell)
  const w = vertexLon(i)
  const e = vertexLon(i + 1)
  const n = vertexLat(j)
  const s = vertexLat(j + 1)
  return [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ]
}
