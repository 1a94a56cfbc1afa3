import Flatbush from 'flatbush'
import pointInPolygon from 'point-in-polygon-hao'
import type { MultiPolygon, Polygon, Position } from 'geojson'
import type { Region, UnitGrid } from '../region/types.js'
import type { AreaClass } from '../catalog/types.js'

/** A region as a lookup answer names it. */
export interface RegionRef {
  readonly code: string
  readonly name: string
  readonly nameEn: string
}

/** 定位结果 — the unit grid and administrative regions that contain a point. Any part may be absent. */
export interface Location {
  readonly grid?: { readonly id: string; readonly areaClass: AreaClass }
  readonly community?: RegionRef
  readonly street?: RegionRef
  readonly district?: RegionRef
}

/** Point → unit grid → community → street → district, answered from an index built once. */
export interface Locator {
  /** Where the point (CGCS2000 lon/lat) lies. A point on a shared edge belongs to the grid with the smaller id. */
  locate(lon: number, lat: number): Location
  /** The unit grid holding the point, or undefined outside every grid. */
  gridAt(lon: number, lat: number): UnitGrid | undefined
  grid(id: string): UnitGrid | undefined
  region(code: string): Region | undefined
  /** Location of a known grid, without a geometric search. */
  locateGrid(id: string): Location | undefined
  readonly gridCount: number
}

interface Indexed<T> {
  readonly index: Flatbush | undefined
  readonly items: readonly T[]
  readonly polygons: readonly (readonly Position[][])[][]
}

/**
 * 空间定位 — builds the point lookup over a city's unit grids and regions. Grids are indexed by bounding
 * box (Flatbush, a packed static R-tree) and confirmed by point-in-polygon; regions are searched only
 * for points that fall outside every grid (rivers, unsurveyed land), finest level first.
 */
export function createLocator(input: { readonly grids: readonly UnitGrid[]; readonly regions: readonly Region[] }): Locator {
  const grids = indexPolygons(input.grids, (g) => g.geometry)
  const gridById = new Map(input.grids.map((g) => [g.id, g]))
  const regionByCode = new Map(input.regions.map((r) => [r.code, r]))
  const byLevel = (level: Region['level']) =>
    indexPolygons(
      input.regions.filter((r) => r.level === level),
      (r) => r.geometry,
    )
  const communities = byLevel('community')
  const streets = byLevel('street')
  const districts = byLevel('district')

  function gridAt(lon: number, lat: number): UnitGrid | undefined {
    return findContaining(grids, lon, lat, (a, b) => (a.id < b.id ? a : b))
  }

  // Walks up from the finest known region by parent codes, so a grid's answer costs map lookups only.
  function fromRegion(start: Region | undefined): Omit<Location, 'grid'> {
    const out: { community?: RegionRef; street?: RegionRef; district?: RegionRef } = {}
    for (let r = start; r; r = r.parentCode ? regionByCode.get(r.parentCode) : undefined) {
      out[r.level] = { code: r.code, name: r.name, nameEn: r.nameEn }
    }
    return out
  }

  function locateGrid(id: string): Location | undefined {
    const grid = gridById.get(id)
    if (!grid) return undefined
    return { grid: { id: grid.id, areaClass: grid.areaClass }, ...fromRegion(regionByCode.get(grid.communityCode)) }
  }

  function locate(lon: number, lat: number): Location {
    const grid = gridAt(lon, lat)
    if (grid) return locateGrid(grid.id)!
    const pick = (a: Region, b: Region) => (a.code < b.code ? a : b)
    const region =
      findContaining(communities, lon, lat, pick) ??
      findContaining(streets, lon, lat, pick) ??
      findContaining(districts, lon, lat, pick)
    return fromRegion(region)
  }

  return {
    locate,
    gridAt,
    locateGrid,
    grid: (id) => gridById.get(id),
    region: (code) => regionByCode.get(code),
    gridCount: input.grids.length,
  }
}

function indexPolygons<T>(items: readonly T[], geometryOf: (item: T) => Polygon | MultiPolygon): Indexed<T> {
  if (items.length === 0) return { index: undefined, items, polygons: [] }
  const index = new Flatbush(items.length)
  const polygons = items.map((item) => {
    const g = geometryOf(item)
    const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates
    let minX = Infinity
    let minY = Infinity
    let maxX = -Infinity
    let maxY = -Infinity
    for (const part of parts) {
      for (const [x, y] of part[0]!) {
        if (x! < minX) minX = x!
        if (y! < minY) minY = y!
        if (x! > maxX) maxX = x!
        if (y! > maxY) maxY = y!
      }
    }
    index.add(minX, minY, maxX, maxY)
    return parts
  })
  index.finish()
  return { index, items, polygons }
}

// Returns the item whose polygon holds the point: one strictly inside wins at once; among items that
// only touch the point on their boundary, `tieBreak` chooses, so shared edges have exactly one owner.
function findContaining<T>(set: Indexed<T>, lon: number, lat: number, tieBreak: (a: T, b: T) => T): T | undefined {
  if (!set.index) return undefined
  const point = [lon, lat]
  let onEdge: T | undefined
  let inside: T | undefined
  set.index.search(lon, lat, lon, lat, (i) => {
    if (inside !== undefined) return false
    for (const polygon of set.polygons[i]!) {
      const hit = pointInPolygon(point, polygon as Position[][])
      if (hit === true) {
        inside = set.items[i]!
        return false
      }
      if (hit === 0) onEdge = onEdge === undefined ? set.items[i]! : tieBreak(onEdge, set.items[i]!)
    }
    return false
  })
  return inside ?? onEdge
}
