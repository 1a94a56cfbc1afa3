/**
 * @module renderer/map/projection
 * CGCS2000 (EPSG:4490) for OpenLayers — registered from a local proj4 definition, never looked up over the
 * network (`fromEPSGCode`), so the workstation starts offline (workstation.md §4.2).
 */
import proj4 from 'proj4'
import { register } from 'ol/proj/proj4.js'
import { get as getProjection, transform } from 'ol/proj.js'
import type Projection from 'ol/proj/Projection.js'
import type { Coordinate } from 'ol/coordinate.js'

/** EPSG code of CGCS2000 geographic lon/lat, the datum CityLoop stores and shows. */
export const CGCS2000 = 'EPSG:4490'
/** EPSG code of Web Mercator, the projection of 天地图 `w` tiles and most XYZ services. */
export const WEB_MERCATOR = 'EPSG:3857'

/** The view projections the workstation uses: the basemap's native one (no raster reprojection). */
export type ViewProjection = typeof CGCS2000 | typeof WEB_MERCATOR

let registered = false

/**
 * Registers EPSG:4490 with proj4 and OpenLayers once. OpenLayers keeps lon/lat (east, north) order for it,
 * like EPSG:4326; only OGC request builders (WMS 1.3) would need the swapped axis order.
 */
export function registerCgcs2000(): Projection {
  if (!registered) {
    // GRS80 is the CGCS2000 ellipsoid to 0.1 mm; the frame differs from WGS84 by centimetres (core/geo/china-crs.ts).
    proj4.defs(CGCS2000, '+proj=longlat +ellps=GRS80 +no_defs +type=crs')
    register(proj4)
    registered = true
  }
  const projection = getProjection(CGCS2000)
  if (!projection) throw new Error('registerCgcs2000: EPSG:4490 is not known to OpenLayers after registration')
  projection.setExtent([-180, -90, 180, 90])
  projection.setWorldExtent([-180, -90, 180, 90])
  projection.setGlobal(true)
  return projection
}

/** CGCS2000 lon/lat → a coordinate in `projection`. */
export function fromLonLat(lonLat: Coordinate, projection: ViewProjection): Coordinate {
  return projection === CGCS2000 ? [lonLat[0]!, lonLat[1]!] : transform(lonLat, CGCS2000, projection)
}

/** A coordinate in `projection` → CGCS2000 lon/lat. */
export function toLonLat(coordinate: Coordinate, projection: ViewProjection): Coordinate {
  return projection === CGCS2000 ? [coordinate[0]!, coordinate[1]!] : transform(coordinate, projection, CGCS2000)
}

/**
 * The view zoom of a resolution in a projection: OpenLayers' zoom 0 is 1.40625°/px in EPSG:4490 and
 * 156,543 m/px in EPSG:3857, which are the same longitude span per pixel, so a zoom means the same scale
 * in both (at the equator; north of it, Web Mercator stretches). Styles that change with the scale use
 * this rather than raw resolutions, which differ in unit between the two.
 */
export function zoomForResolution(resolution: number, projection: ViewProjection): number {
  return Math.log2((projection === CGCS2000 ? 1.40625 : 156_543.033_928_041) / resolution)
}
