/**
 * @module renderer/lookup/coordinates
 * Pasted coordinates: parsing "lon,lat" lines as people paste them from consumer maps, spreadsheets and
 * chat, and converting between datums with core/geo/china-crs.ts. Pure: no DOM, no bridge.
 */
import { fromCgcs2000, lonLatProblem, toCgcs2000, type SourceCrs } from '../../../core/geo/china-crs.js'

/** One pasted line, parsed. */
export type ParsedLine =
  | { readonly ok: true; readonly line: number; readonly text: string; readonly lon: number; readonly lat: number }
  | { readonly ok: false; readonly line: number; readonly text: string; readonly problem: string }

// Two decimal numbers separated by a comma (ASCII or full-width), semicolon, tab or spaces.
const PAIR = /^\s*[([]?\s*(-?\d+(?:\.\d+)?)\s*(?:[,，;；\t ]\s*)+(-?\d+(?:\.\d+)?)\s*[)\]]?\s*$/

/**
 * Parses pasted text, one coordinate per non-empty line, as longitude then latitude. A pair that only makes
 * sense the other way round in China (e.g. "32.49, 119.92") is taken as latitude, longitude — the order
 * Amap's and Baidu's pickers show — rather than rejected.
 */
export function parseCoordinateLines(text: string): ParsedLine[] {
  const out: ParsedLine[] = []
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1
    const trimmed = raw.trim()
    if (!trimmed) return
    const match = PAIR.exec(trimmed)
    if (!match) {
      out.push({ ok: false, line, text: trimmed, problem: 'not two numbers' })
      return
    }
    let lon = Number(match[1])
    let lat = Number(match[2])
    if (lonLatProblem(lon, lat) && !lonLatProblem(lat, lon)) [lon, lat] = [lat, lon]
    const problem = lonLatProblem(lon, lat)
    out.push(problem ? { ok: false, line, text: trimmed, problem } : { ok: true, line, text: trimmed, lon, lat })
  })
  return out
}

/** Converts a lon/lat between any two datums of core/geo/china-crs.ts (through CGCS2000). */
export function convertLonLat(lon: number, lat: number, from: SourceCrs, to: SourceCrs): [number, number] {
  if (from === to) return [lon, lat]
  const [x, y] = toCgcs2000(lon, lat, from)
  return fromCgcs2000(x, y, to)
}

/** Great-circle distance in metres between two lon/lat points (spherical Earth; for showing offsets). */
export function distanceMeters(a: readonly [number, number], b: readonly [number, number]): number {
  const rad = Math.PI / 180
  const dLat = (b[1] - a[1]) * rad
  const dLon = (b[0] - a[0]) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h))
}
