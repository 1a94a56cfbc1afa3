import Flatbush from 'flatbush'
import type { AreaClass } from '../../core/catalog/types.js'
import type { UnitGrid } from '../../core/region/types.js'
import type { Bbox, GridLayer, GridProperties, LonLat } from '../../contracts/bridge/index.js'

/** Map queries over the unit grids: rings in flat arrays under a packed R-tree of their boxes. */
export interface GridLayerIndex {
  /** Grids intersecting `bbox` (by box), sorted by id; a summary when more than `limit`. */
  query(q: {
    readonly bbox: Bbox
    readonly zoom: number
    readonly format: 'compact' | 'geojson'
    readonly limit: number
  }): GridLayer
  bboxOf(id: string): Bbox | undefined
  centerOf(id: string): LonLat | undefined
  /** Grid ids starting with `prefix`, in order. */
  idsWithPrefix(prefix: string, limit: number): string[]
  readonly size: number
}

// 1e-7° is about 1 cm: enough for ~100 m grids, and shared edges stay equal after rounding.
const round7 = (v: number) => Math.round(v * 1e7) / 1e7

/** Indexes the grids once; rebuild it when grids change (50,000 grids take tens of ms). */
export function createGridLayer(grids: Iterable<UnitGrid>): GridLayerIndex {
  const list = [...grids].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const n = list.length
  const ids = list.map((g) => g.id)
  const area: AreaClass[] = list.map((g) => g.areaClass)
  const community = list.map((g) => g.communityCode)
  const ringStart = new Uint32Array(n + 1)
  let pairs = 0
  for (let i = 0; i < n; i++) {
    ringStart[i] = pairs
    pairs += list[i]!.geometry.coordinates[0]?.length ?? 0
  }
  ringStart[n] = pairs
  const coords = new Float64Array(pairs * 2)
  const boxes = new Float64Array(n * 4)
  const index = n > 0 ? new Flatbush(n) : undefined
  for (let i = 0; i < n; i++) {
    const ring = list[i]!.geometry.coordinates[0] ?? []
    let minX = Infinity
    let minY = Infinity
    let maxX = -Infinity
    let maxY = -Infinity
    let k = ringStart[i]! * 2
    for (const p of ring) {
      const x = round7(p[0]!)
      const y = round7(p[1]!)
      coords[k++] = x
      coords[k++] = y
      if (x < minX) minX = x
      if (y < minY) minY = y
      if (x > maxX) maxX = x
      if (y > maxY) maxY = y
    }
    boxes.set([minX, minY, maxX, maxY], i * 4)
    index!.add(minX, minY, maxX, maxY)
  }
  index?.finish()

  const position = (id: string): number => {
    let lo = 0
    let hi = n - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const v = ids[mid]!
      if (v === id) return mid
      if (v < id) lo = mid + 1
      else hi = mid - 1
    }
    return -lo - 1
  }
  const ringOf = (i: number): LonLat[] => {
    const out: LonLat[] = []
    for (let k = ringStart[i]! * 2; k < ringStart[i + 1]! * 2; k += 2) out.push([coords[k]!, coords[k + 1]!])
    return out
  }
  const boxOf = (i: number): Bbox => [boxes[i * 4]!, boxes[i * 4 + 1]!, boxes[i * 4 + 2]!, boxes[i * 4 + 3]!]

  return {
    size: n,
    query({ bbox, zoom, format, limit }) {
      const hits = index ? index.search(bbox[0], bbox[1], bbox[2], bbox[3]).sort((a, b) => a - b) : []
      if (hits.length > limit) {
        // One zoom step in quarters the area in view, and with it the number of grids.
        return {
          kind: 'summary',
          total: hits.length,
          minZoom: Math.ceil(zoom + Math.log2(hits.length / limit) / 2),
        }
      }
      if (format === 'geojson') {
        return {
          kind: 'geojson',
          total: hits.length,
          features: {
            type: 'FeatureCollection',
            features: hits.map((i) => ({
              type: 'Feature' as const,
              id: ids[i]!,
              geometry: { type: 'Polygon' as const, coordinates: [ringOf(i)] },
              properties: {
                id: ids[i]!,
                areaClass: area[i]!,
                communityCode: community[i]!,
              } satisfies GridProperties,
            })),
          },
        }
      }
      const outStart: number[] = [0]
      const outCoords: number[] = []
      for (const i of hits) {
        for (let k = ringStart[i]! * 2; k < ringStart[i + 1]! * 2; k++) outCoords.push(coords[k]!)
        outStart.push(outCoords.length / 2)
      }
      return {
        kind: 'compact',
        total: hits.length,
        ids: hits.map((i) => ids[i]!),
        areaClasses: hits.map((i) => area[i]!).join(''),
        communityCodes: hits.map((i) => community[i]!),
        coords: outCoords,
        ringStart: outStart,
      }
    },
    bboxOf(id) {
      const i = position(id)
      return i >= 0 ? boxOf(i) : undefined
    },
    centerOf(id) {
      const i = position(id)
      if (i < 0) return undefined
      const b = boxOf(i)
      return [round7((b[0] + b[2]) / 2), round7((b[1] + b[3]) / 2)]
    },
    idsWithPrefix(prefix, limit) {
      const out: string[] = []
      const at = position(prefix)
      for (let i = at >= 0 ? at : -at - 1; i < n && out.length < limit && ids[i]!.startsWith(prefix); i++)
        out.push(ids[i]!)
      return out
    },
  }
}
