import type { MultiPolygon, Polygon } from 'geojson'
import type {
  Bbox,
  InputCrs,
  Location,
  RegionLevel,
  SearchHit,
  SearchOptions,
} from '../../contracts/bridge/index.js'
import type { GridLayerIndex } from './grid-layer.js'
import type { LocalStore } from '../store/local-store.js'
import type { ReferenceModel } from './reference-model.js'
import { nameScore, normalizeName, readSearchText } from './search-text.js'

/** 综合搜索 — the map's search box: coordinates, grid / component / region ids (or their start), region names. */
export interface FreeTextSearch {
  /** `locate` answers a coordinate hit (it converts GCJ-02 and fails when there is no city data yet). */
  find(
    text: string,
    options: SearchOptions,
    locate: (lon: number, lat: number, crs: InputCrs) => Location,
  ): SearchHit[]
}

/** Creates the search over the reference model, the grid layer and the store (for component ids). */
export function createFreeTextSearch(deps: {
  readonly model: ReferenceModel
  readonly grids: () => GridLayerIndex
  readonly store: Pick<LocalStore, 'componentsWithPrefix'>
}): FreeTextSearch {
  const { model, grids, store } = deps
  const LEVEL_RANK: Record<RegionLevel, number> = { district: 0, street: 1, community: 2 }

  function gridHit(id: string): SearchHit {
    const index = grids()
    const place = model.locator().locateGrid(id)?.community?.name ?? ''
    return {
      kind: 'grid',
      id,
      label: place ? `${id} ${place}` : id,
      center: index.centerOf(id)!,
      bbox: index.bboxOf(id)!,
    }
  }

  function regionHit(code: string): SearchHit {
    const r = model.regions.get(code)!
    const bbox = bboxOfGeometry(r.geometry)
    const parent = r.parentCode ? model.regions.get(r.parentCode)?.name : undefined
    return {
      kind: 'region',
      code,
      level: r.level,
      label: parent ? `${r.name} (${parent})` : r.name,
      center: [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2],
      bbox,
    }
  }

  return {
    find(text, opts, locate) {
      const limit = opts.limit ?? 20
      const intent = readSearchText(text)
      switch (intent.kind) {
        case 'empty':
          return []
        case 'coordinate': {
          const crs = opts.crs ?? 'cgcs2000'
          const location = locate(intent.lon, intent.lat, crs)
          const fixed = (v: number) => v.toFixed(6)
          const label =
            `${fixed(location.lon)}, ${fixed(location.lat)}` +
            (crs === 'gcj02' ? ' (GCJ-02 → CGCS2000)' : '') +
            (intent.swapped ? ' (lat, lon → lon, lat)' : '')
          return [
            {
              kind: 'coordinate',
              label,
              center: [location.lon, location.lat],
              input: { lon: intent.lon, lat: intent.lat, crs },
              location,
            },
          ]
        }
        case 'digits': {
          const d = intent.digits
          const hits: SearchHit[] = []
          if (model.regions.has(d)) hits.push(regionHit(d))
          if (d.length >= 6 && d.length <= 15)
            for (const id of grids().idsWithPrefix(d, limit)) hits.push(gridHit(id))
          if (d.length >= 6 && d.length <= 17 && hits.length < limit) {
            for (const c of store.componentsWithPrefix(d, limit - hits.length)) {
              hits.push({
                kind: 'component',
                id: c.id,
                label: `${c.id} ${c.name}`,
                center: [c.lon, c.lat],
                category: c.category,
                status: c.status,
              })
            }
          }
          return hits.slice(0, limit)
        }
        case 'text': {
          const q = normalizeName(intent.text)
          return [...model.regions.values()]
            .map((r) => ({
              r,
              score: Math.max(nameScore(normalizeName(r.name), q), nameScore(normalizeName(r.nameEn), q)),
            }))
            .filter((x) => x.score > 0)
            .sort(
              (a, b) =>
                b.score - a.score ||
                LEVEL_RANK[a.r.level] - LEVEL_RANK[b.r.level] ||
                (a.r.code < b.r.code ? -1 : 1),
            )
            .slice(0, limit)
            .map((x) => regionHit(x.r.code))
        }
      }
    },
  }
}

function bboxOfGeometry(g: Polygon | MultiPolygon): Bbox {
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const polygon of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) {
    for (const [x, y] of polygon[0] ?? []) {
      if (x! < minX) minX = x!
      if (y! < minY) minY = y!
      if (x! > maxX) maxX = x!
      if (y! > maxY) maxY = y!
    }
  }
  return [minX, minY, maxX, maxY]
}
