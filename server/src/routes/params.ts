import { badRequest } from '../errors.js'
import type { Bbox } from './schemas.js'

/** Parses `minLon,minLat,maxLon,maxLat`, naming the field and the fault when it is not a sane box. */
export function parseBbox(value: string | undefined, field = 'querystring.bbox'): Bbox | undefined {
  if (value === undefined) return undefined
  const parts = value.split(',').map(Number)
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) {
    throw badRequest(`${field} must be four numbers minLon,minLat,maxLon,maxLat, got "${value}"`, field)
  }
  const [w, s, e, n] = parts as Bbox
  if (w < -180 || e > 180 || s < -90 || n > 90) throw badRequest(`${field} is outside lon -180..180 / lat -90..90`, field)
  if (w > e || s > n) throw badRequest(`${field}: minLon must be ≤ maxLon and minLat ≤ maxLat`, field)
  return [w, s, e, n]
}
