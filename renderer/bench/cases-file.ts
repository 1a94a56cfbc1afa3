/**
 * @module renderer/bench/cases-file
 * The synthetic cases file the heatmap bench and the case-map screenshots load (written by bench/heatmap.ts,
 * encodeCases). Little-endian: uint32 n, uint32 reserved, then float64 createdAt[n], lon[n], lat[n],
 * onSiteDeadline[n], int32 grid[n], uint8 phase[n], light[n], hazard[n].
 */

/** The decoded columns (views on the fetched buffer). */
export interface CasesFile {
  readonly n: number
  readonly createdAt: Float64Array
  readonly lon: Float64Array
  readonly lat: Float64Array
  readonly onSiteDeadline: Float64Array
  readonly grid: Int32Array
  readonly phase: Uint8Array
  readonly light: Uint8Array
  readonly hazard: Uint8Array
}

/** Fetches and decodes a cases file. */
export async function loadCasesFile(url: string): Promise<CasesFile> {
  const buffer = await (await fetch(url)).arrayBuffer()
  const n = new DataView(buffer).getUint32(0, true)
  let at = 8
  const f64 = () => {
    const a = new Float64Array(buffer, at, n)
    at += 8 * n
    return a
  }
  const createdAt = f64()
  const lon = f64()
  const lat = f64()
  const onSiteDeadline = f64()
  const grid = new Int32Array(buffer, at, n)
  at += 4 * n
  const u8 = () => {
    const a = new Uint8Array(buffer, at, n)
    at += n
    return a
  }
  const phase = u8()
  const light = u8()
  const hazard = u8()
  return { n, createdAt, lon, lat, onSiteDeadline, grid, phase, light, hazard }
}
