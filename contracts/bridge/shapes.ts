/** Shapes every group of the bridge uses: coordinates, boxes, regions, GeoJSON. */
import Type, { type Static } from 'typebox'
import { Lat, Lon, oneOf } from './schema-kit.js'

/** [minLon, minLat, maxLon, maxLat] in CGCS2000 degrees. */
export const Bbox = Type.Refine(
  Type.Immutable(Type.Tuple([Lon, Lat, Lon, Lat], { errorMessage: '[minLon, minLat, maxLon, maxLat]' })),
  (b) => b[0] <= b[2] && b[1] <= b[3],
  () => ': min must not exceed max',
)
export type Bbox = Static<typeof Bbox>

/** [lon, lat] in CGCS2000 degrees. */
export type LonLat = readonly [number, number]

/** Datum of a coordinate typed or pasted by the user. GCJ-02 is converted to CGCS2000 before any lookup. */
export const InputCrs = oneOf(['cgcs2000', 'gcj02'] as const)
export type InputCrs = Static<typeof InputCrs>

/** 行政区域层级. */
export const RegionLevel = oneOf(['district', 'street', 'community'] as const)
export type RegionLevel = Static<typeof RegionLevel>

/** A region as an answer names it. */
export interface RegionRef {
  readonly code: string
  readonly name: string
  readonly nameEn: string
}

/** The reference entities the workstation syncs (the central API's change-feed entities). */
export type SyncEntity =
  'region' | 'unit_grid' | 'catalog_class' | 'responsible_unit' | 'routing_rule' | 'component' | 'case'

/** A GeoJSON geometry as the bridge carries it (RFC 7946, CGCS2000 lon/lat). */
export type BridgeGeometry =
  | { readonly type: 'Polygon'; readonly coordinates: readonly (readonly LonLat[])[] }
  | { readonly type: 'MultiPolygon'; readonly coordinates: readonly (readonly (readonly LonLat[])[])[] }
  | { readonly type: 'Point'; readonly coordinates: LonLat }

/** A GeoJSON Feature with a string id. */
export interface BridgeFeature<P> {
  readonly type: 'Feature'
  readonly id: string
  readonly geometry: BridgeGeometry
  readonly properties: P
}

/** A GeoJSON FeatureCollection. */
export interface BridgeFeatureCollection<P> {
  readonly type: 'FeatureCollection'
  readonly features: readonly BridgeFeature<P>[]
}
