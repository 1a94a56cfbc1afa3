import Flatbush from 'flatbush'
import { createBucketIndex } from './bucket-index.js'
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
  /** [minX, minY, maxX, maxY] of every item, flattened. */
  readonly boxes: Float64Array
  /** 1 where the item's geometry is exactly its (axis-aligned) box; typed arrays keep the hot loop in cache. */
  readonly isBox: Uint8Array
}

/**
 * 空间定位 — builds the point lookup over a city's unit grids and regions. Grids are indexed by bounding
 * box (Flatbush, a packed static R-tree) and confirmed by point-in-polygon; regions are searched only
 * for points that fall outside every grid (rivers, unsurveyed land, outside the city).
 */
export function createLocator(input: {
  readonly grids: readonly UnitGrid[]
  readonly regions: readonly Region[]
}): Locator {
  const grids = indexPolygons(input.grids, (g) => g.geometry)
  const gridBuckets = createBucketIndex(grids.boxes)
  const gridById = new Map(input.grids.map((g) => [g.id, g]))
  const gridIndex = new Map(input.grids.map((g, i) => [g.id, i]))
  const regionByCode = new Map(input.regions.map((r) => [r.code, r]))
  const byLevel = (level: Region['level']) =>
    indexPolygons(
      input.regions.filter((r) => r.level === level),
      (r) => r.geometry,
    )
  const communities = byLevel('community')
  const streets = byLevel('street')
  const districts = byLevel('district')
  const smallerCode = (a: Region, b: Region) => (a.code < b.code ? a : b)

  // Walks up from the finest known region by parent codes, so a grid's answer costs map lookups only.
  function fromRegion(start: Region | undefined): Omit<Location, 'grid'> {
    const out: { community?: RegionRef; street?: RegionRef; district?: RegionRef } = {}
    for (let r = start; r; r = r.parentCode ? regionByCode.get(r.parentCode) : undefined) {
      out[r.level] = { code: r.code, name: r.name, nameEn: r.nameEn }
    }
    return out
  }

  // A grid's answer never changes, so it is built on first use and shared (frozen): the hot path of a
  // lookup then allocates nothing.
  const gridLocations: (Location | undefined)[] = new Array(input.grids.length)
  function locationOfGrid(i: number): Location {
    let location = gridLocations[i]
    if (!location) {
      const grid = input.grids[i]!
      location = deepFreeze({
        grid: { id: grid.id, areaClass: grid.areaClass },
        ...fromRegion(regionByCode.get(grid.communityCode)),
      })
      gridLocations[i] = location
    }
    return location
  }

  // Grids are many and alike in size: the bucket index finds candidates faster than the R-tree walk.
  function gridIndexAt(lon: number, lat: number): number {
    const b = gridBuckets.bucketOf(lon, lat)
    if (b === -1) return -1
    const { starts, items } = gridBuckets
    let onEdge = -1
    for (let k = starts[b]!, end = starts[b + 1]!; k < end; k++) {
      const i = items[k]!
      const hit = testItem(grids, i, lon, lat)
      if (hit === true) return i
      if (hit === 0 && (onEdge === -1 || input.grids[i]!.id < input.grids[onEdge]!.id)) onEdge = i
    }
    return onEdge
  }

  function locate(lon: number, lat: number): Location {
    const g = gridIndexAt(lon, lat)
    if (g !== -1) return locationOfGrid(g)
    // Off the grids: most such points are outside the city altogether, which the district level settles
    // at once; inside a district, the finest region holding the point answers.
    const d = findContaining(districts, lon, lat, smallerCode)
    if (d === -1) return EMPTY
    const c = findContaining(communities, lon, lat, smallerCode)
    if (c !== -1) return fromRegion(communities.items[c])
    const s = findContaining(streets, lon, lat, smallerCode)
    return fromRegion(s !== -1 ? streets.items[s] : districts.items[d])
  }

  return {
    locate,
    gridAt: (lon, lat) => input.grids[gridIndexAt(lon, lat)],
    locateGrid: (id) => {
      const i = gridIndex.get(id)
      return i === undefined ? undefined : locationOfGrid(i)
    },
    grid: (id) => gridById.get(id),
    region: (code) => regionByCode.get(code),
    gridCount: input.grids.length,
  }
}

const EMPTY: Location = Object.freeze({})

function indexPolygons<T>(items: readonly T[], geometryOf: (item: T) => Polygon | MultiPolygon): Indexed<T> {
  const boxes = new Float64Array(items.length * 4)
  const isBox = new Uint8Array(items.length)
  if (items.length === 0) return { index: undefined, items, polygons: [], isBox, boxes }
  const index = new Flatbush(items.length)
  const polygons = items.map((item, i) => {
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
    boxes.set([minX, minY, maxX, maxY], i * 4)
    const single = parts.length === 1 && parts[0]!.length === 1
    if (single && isBoxRing(parts[0]![0]!, minX, minY, maxX, maxY)) isBox[i] = 1
    return parts
  })
  index.finish()
  return { index, items, polygons, isBox, boxes }
}

// Returns the index of the item whose polygon holds the point (-1 for none): one strictly inside wins at
// once; among items that only touch the point on their boundary, `tieBreak` chooses, so shared edges have
// exactly one owner.
function findContaining<T>(set: Indexed<T>, lon: number, lat: number, tieBreak: (a: T, b: T) => T): number {
  if (!set.index) return -1
  let onEdge = -1
  let inside = -1
  set.index.search(lon, lat, lon, lat, (i) => {
    if (inside !== -1) return false
    const hit = testItem(set, i, lon, lat)
    if (hit === true) inside = i
    else if (hit === 0)
      onEdge = onEdge === -1 || tieBreak(set.items[onEdge]!, set.items[i]!) === set.items[i] ? i : onEdge
    return false
  })
  return inside !== -1 ? inside : onEdge
}

function testItem<T>(set: Indexed<T>, i: number, lon: number, lat: number): boolean | 0 {
  return set.isBox[i] === 1 ? inBox(set.boxes, i * 4, lon, lat) : inPolygons(set.polygons[i]!, lon, lat)
}

function inPolygons(polygons: readonly (readonly Position[][])[], lon: number, lat: number): boolean | 0 {
  let edge = false
  for (const polygon of polygons) {
    const hit = pointInPolygon([lon, lat], polygon as Position[][])
    if (hit === true) return true
    if (hit === 0) edge = true
  }
  return edge ? 0 : false
}

// Unit grids drawn on a survey lattice are mostly axis-aligned rectangles; for those the bounding box is
// the polygon, and testing it is several times cheaper than a general point-in-polygon.
function isBoxRing(
  ring: readonly Position[],
  minX: number,
  minY: number,
  maxX: number,
  maxY: number,
): boolean {
  if (ring.length !== 5) return false
  for (const [x, y] of ring) {
    if ((x !== minX && x !== maxX) || (y !== minY && y !== maxY)) return false
  }
  // Consecutive corners differ in exactly one coordinate: the ring walks the box's edges, not its diagonals.
  for (let i = 0; i < 4; i++) {
    const [x0, y0] = ring[i]!
    const [x1, y1] = ring[i + 1]!
    if ((x0 !== x1) === (y0 !== y1)) return false
  }
  return true
}

// Same answers as point-in-polygon-hao: true strictly inside, 0 on the boundary, false outside.
function inBox(boxes: Float64Array, at: number, x: number, y: number): boolean | 0 {
  const minX = boxes[at]!
  const minY = boxes[at + 1]!
  const maxX = boxes[at + 2]!
  const maxY = boxes[at + 3]!
  if (x < minX || x > maxX || y < minY || y > maxY) return false
  if (x === minX || x === maxX || y === minY || y === maxY) return 0
  return true
}

function deepFreeze<T extends object>(value: T): T {
  for (const v of Object.values(value)) if (v && typeof v === 'object') deepFreeze(v)
  return Object.freeze(value)
}
