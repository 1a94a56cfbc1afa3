import gcoordModule from 'gcoord'

/**
 * 坐标系 — the datum a file's lon/lat were recorded in. CityLoop stores CGCS2000 only (workstation.md §4);
 * the others are converted once, at import.
 * - `CGCS2000`: EPSG:4490, the national datum of survey data and 天地图.
 * - `WGS84`: EPSG:4326, raw GPS.
 * - `GCJ02`: the 国测局 offset datum of Amap, Tencent and Apple China maps.
 * - `BD09`: Baidu's further offset on top of GCJ-02.
 */
export type SourceCrs = 'CGCS2000' | 'WGS84' | 'GCJ02' | 'BD09'

/** Every {@link SourceCrs}, for option lists and CLI flags. */
export const SOURCE_CRSES: readonly SourceCrs[] = ['CGCS2000', 'WGS84', 'GCJ02', 'BD09']

/** True when `value` names a {@link SourceCrs}. */
export function isSourceCrs(value: string): value is SourceCrs {
  return (SOURCE_CRSES as readonly string[]).includes(value)
}

// gcoord's typings say `export default`, but its CommonJS build (what Node loads) sets module.exports to
// that object, so TypeScript sees a namespace with `.default` while Node hands us the object itself.
// Bundlers load the ESM build, where the default export is the object too. Accept both shapes.
type Gcoord = typeof gcoordModule.default
const gcoord: Gcoord =
  (gcoordModule as unknown as { default?: Gcoord }).default ?? (gcoordModule as unknown as Gcoord)

/**
 * 坐标转换 — converts a lon/lat in `from` to CGCS2000 lon/lat.
 *
 * CGCS2000 and WGS84 differ by centimetres (same ellipsoid to 0.1 mm, frames a few cm apart), far below
 * what a 100 m unit grid or a component's GPS fix can resolve, so both pass through unchanged. GCJ-02 and
 * BD-09 are deliberately offset by tens to hundreds of metres and are converted to WGS84 with gcoord; the
 * GCJ-02 inverse is iterative and good to about 1e-6° (≈ 0.1 m). Points outside China are returned as
 * gcoord returns them (unchanged), since the offset is only applied inside China.
 */
export function toCgcs2000(lon: number, lat: number, from: SourceCrs): [number, number] {
  switch (from) {
    case 'CGCS2000':
    case 'WGS84':
      return [lon, lat]
    case 'GCJ02':
      return pair(gcoord.transform([lon, lat], gcoord.GCJ02, gcoord.WGS84))
    case 'BD09':
      return pair(gcoord.transform([lon, lat], gcoord.BD09, gcoord.WGS84))
  }
}

/**
 * 坐标转换（反向） — converts a CGCS2000 lon/lat to `to`; for export to consumer maps and for tests.
 */
export function fromCgcs2000(lon: number, lat: number, to: SourceCrs): [number, number] {
  switch (to) {
    case 'CGCS2000':
    case 'WGS84':
      return [lon, lat]
    case 'GCJ02':
      return pair(gcoord.transform([lon, lat], gcoord.WGS84, gcoord.GCJ02))
    case 'BD09':
      return pair(gcoord.transform([lon, lat], gcoord.WGS84, gcoord.BD09))
  }
}

function pair(position: readonly number[]): [number, number] {
  return [position[0] as number, position[1] as number]
}

/** The rough box {@link isInChina} tests: mainland, Hainan, Taiwan and the South China Sea islands. */
export const CHINA_BOX = { west: 73.4, east: 135.1, south: 3.8, north: 53.6 } as const

/**
 * 境内粗判 — true when lon/lat fall in a rough box around China. It is a plausibility check, not a border:
 * it exists to catch swapped axes and projected metres in import files, and it admits parts of neighbouring
 * countries.
 */
export function isInChina(lon: number, lat: number): boolean {
  return lon >= CHINA_BOX.west && lon <= CHINA_BOX.east && lat >= CHINA_BOX.south && lat <= CHINA_BOX.north
}

/**
 * 坐标合理性 — why a lon/lat pair cannot be a point in China, or undefined when it can. Names the likely
 * mistake: latitude and longitude swapped, or projected metres given where degrees were expected.
 */
export function lonLatProblem(lon: number, lat: number): string | undefined {
  if (!Number.isFinite(lon) || !Number.isFinite(lat))
    return `[${lon}, ${lat}] is not a pair of finite numbers`
  if (isInChina(lon, lat)) return undefined
  const shown = `[${lon}, ${lat}]`
  if (isInChina(lat, lon)) {
    return `${shown}: longitude and latitude look swapped; positions are [longitude, latitude]`
  }
  if (Math.abs(lon) > 360 || Math.abs(lat) > 360) {
    return `${shown}: looks like projected metres (Gauss-Krüger or Web Mercator); export lon/lat degrees`
  }
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) return `${shown}: outside -180..180 / -90..90 degrees`
  const box = CHINA_BOX
  return `${shown}: outside China (${box.west}–${box.east}°E, ${box.south}–${box.north}°N)`
}
