import type { Feature, MultiPolygon, Point, Polygon, Position } from 'geojson'

/** [minLon, minLat, maxLon, maxLat] of a polygon or multipolygon (outer rings are enough). */
export function bboxOf(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  const parts: Position[][][] = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const part of parts) {
    for (const [x, y] of part[0] ?? []) {
      minX = Math.min(minX, x!)
      minY = Math.min(minY, y!)
      maxX = Math.max(maxX, x!)
      maxY = Math.max(maxY, y!)
    }
  }
  return [minX, minY, maxX, maxY]
}

/** A GeoJSON Feature with a string id, the shape every spatial entity takes in the API and the feed. */
export function feature<G extends Polygon | MultiPolygon | Point, P extends Record<string, unknown>>(
  id: string,
  geometry: G,
  properties: P,
): Feature<G, P> & { id: string } {
  return { type: 'Feature', id, geometry, properties }
}
