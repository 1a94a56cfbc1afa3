import Flatbush from 'flatbush'
import type { ComponentStatus } from '../../core/component/types.js'
import { COMPONENT_STATUS_ORDER, type Bbox, type ComponentLayer } from '../../contracts/bridge/index.js'
import type { LocalChange } from '../sync/feed-records.js'
import type { ComponentPoint } from '../store/local-store.js'
import type { Log } from '../log.js'

/** A component query with its defaults filled in (see ComponentQuery in the contract). */
export interface ComponentLayerQuery {
  readonly bbox: Bbox
  readonly classes?: readonly string[]
  readonly statuses?: readonly ComponentStatus[]
  readonly limit: number
}

/**
 * Map queries over the components: their map columns in typed arrays (about 60 bytes a component) under
 * a packed R-tree of the points. Small changes from sync are applied in place; large ones (a first sync)
 * mark the layer stale and it is reloaded from the store in one pass.
 */
export interface ComponentLayerIndex {
  apply(changes: readonly LocalChange[]): void
  /** Points in the bbox matching the filters, or counts per cell when more than the limit match. */
  query(q: ComponentLayerQuery): ComponentLayer
  /** Components located in a unit grid. */
  countInGrid(gridId: string): number
  /** Reloads now if stale (after a sync run, so the next map query does not pay for it). */
  refresh(): void
  readonly size: number
  /** Stats of the last (re)load, for the log and the bench. */
  readonly lastLoad: { readonly rows: number; readonly ms: number }
}

const DELETED = 255
// Past this many rows changed since the last load, reloading from the store beats patching in place.
const PATCH_LIMIT = 50_000
// Float32 boxes round by up to ~1 m at these longitudes; searches are padded and every hit re-checked.
const PAD = 2e-5
const STATUS_INDEX = new Map<ComponentStatus, number>(COMPONENT_STATUS_ORDER.map((s, i) => [s, i]))
const EMPTY = -1

/**
 * A component id (9-17 digits; in practice 16 or 17) as three integers: its length, the digits before the
 * last eight, and the last eight. Nine bytes a component instead of a string (~40), and hashing and
 * comparing them allocates nothing. Any other id is kept as a string on the side.
 */
function splitId(id: string): { len: number; hi: number; lo: number } | undefined {
  const len = id.length
  if (len < 9 || len > 17 || !/^\d+$/.test(id)) return undefined
  return { len, hi: Number(id.slice(0, len - 8)), lo: Number(id.slice(len - 8)) }
}

function hashOf(len: number, hi: number, lo: number): number {
  let h = Math.imul(hi ^ (hi >>> 16), 0x45d9f3b) ^ Math.imul(lo ^ (lo >>> 15), 0x2c1b3c6d) ^ len
  h = Math.imul(h ^ (h >>> 13), 0x5bd1e995)
  return (h ^ (h >>> 15)) >>> 0
}

/** Creates the layer; `load` visits every stored component (the store's eachComponent), `sizeHint` sizes the arrays. */
export function createComponentLayer(
  load: (visit: (c: ComponentPoint) => void) => void,
  log: Log,
  sizeHint: () => number = () => 0,
): ComponentLayerIndex {
  let size = 0
  let lon = new Float64Array(0)
  let lat = new Float64Array(0)
  let cat = new Uint16Array(0)
  let status = new Uint8Array(0)
  let grid = new Int32Array(0)
  let idLen = new Uint8Array(0)
  let idHi = new Uint32Array(0)
  let idLo = new Uint32Array(0)
  /** Open-addressing hash of id → row (rows of digit ids only); EMPTY marks a free slot. */
  let slots = new Int32Array(0)
  const oddRows = new Map<string, number>()
  const oddIds = new Map<number, string>()
  /** Rows the R-tree does not know where they are (appended or moved since it was built). */
  const moved = new Set<number>()
  let tree: Flatbush | undefined
  let stale = true
  let deletedCount = 0
  let lastLoad = { rows: 0, ms: 0 }

  const categories: string[] = []
  const categoryIndex = new Map<string, number>()
  const gridIds: string[] = []
  const gridIndex = new Map<string, number>()
  let gridCounts = new Int32Array(1024)

  const categoryOf = (key: string): number => {
    let i = categoryIndex.get(key)
    if (i === undefined) {
      i = categories.length
      categories.push(key)
      categoryIndex.set(key, i)
    }
    return i
  }
  const gridOf = (id: string): number => {
    let i = gridIndex.get(id)
    if (i === undefined) {
      i = gridIds.length
      gridIds.push(id)
      gridIndex.set(id, i)
      if (i >= gridCounts.length) {
        const next = new Int32Array(gridCounts.length * 2)
        next.set(gridCounts)
        gridCounts = next
      }
    }
    return i
  }

  function reserve(capacity: number): void {
    if (capacity <= lon.length) return
    const cap = Math.max(capacity, Math.ceil(lon.length * 1.5), 1024)
    const grow = <T extends Float64Array | Uint16Array | Uint8Array | Int32Array | Uint32Array>(
      a: T,
      make: (n: number) => T,
    ): T => {
      const b = make(cap)
      b.set(a as never)
      return b
    }
    lon = grow(lon, (n) => new Float64Array(n))
    lat = grow(lat, (n) => new Float64Array(n))
    cat = grow(cat, (n) => new Uint16Array(n))
    status = grow(status, (n) => new Uint8Array(n))
    grid = grow(grid, (n) => new Int32Array(n))
    idLen = grow(idLen, (n) => new Uint8Array(n))
    idHi = grow(idHi, (n) => new Uint32Array(n))
    idLo = grow(idLo, (n) => new Uint32Array(n))
  }

  // Keeps the hash at most half full, so probes stay short.
  function rehash(rows: number): void {
    let capacity = 1024
    while (capacity < rows * 2) capacity *= 2
    if (capacity <= slots.length) return
    slots = new Int32Array(capacity).fill(EMPTY)
    for (let row = 0; row < size; row++) if (idLen[row]! > 0) place(row)
  }

  function place(row: number): void {
    const mask = slots.length - 1
    let i = hashOf(idLen[row]!, idHi[row]!, idLo[row]!) & mask
    while (slots[i] !== EMPTY) i = (i + 1) & mask
    slots[i] = row
  }

  function idAt(row: number): string {
    const len = idLen[row]!
    if (len === 0) return oddIds.get(row)!
    return String(idHi[row]!).padStart(len - 8, '0') + String(idLo[row]!).padStart(8, '0')
  }

  function write(row: number, c: ComponentPoint): void {
    lon[row] = c.lon
    lat[row] = c.lat
    cat[row] = categoryOf(c.category)
    status[row] = STATUS_INDEX.get(c.status) ?? 0
    const g = gridOf(c.gridId)
    grid[row] = g
    gridCounts[g]!++
  }

  function append(c: ComponentPoint): number {
    reserve(size + 1)
    const row = size++
    const key = splitId(c.id)
    if (key) {
      idLen[row] = key.len
      idHi[row] = key.hi
      idLo[row] = key.lo
      if (size * 2 > slots.length) rehash(size)
      else place(row)
    } else {
      idLen[row] = 0
      oddIds.set(row, c.id)
      oddRows.set(c.id, row)
    }
    write(row, c)
    return row
  }

  /** The row of an id, deleted or not; -1 when never seen. */
  function rowOf(id: string): number {
    const key = splitId(id)
    if (!key) return oddRows.get(id) ?? -1
    if (slots.length === 0) return -1
    const mask = slots.length - 1
    for (let i = hashOf(key.len, key.hi, key.lo) & mask; slots[i] !== EMPTY; i = (i + 1) & mask) {
      const row = slots[i]!
      if (idLo[row] === key.lo && idHi[row] === key.hi && idLen[row] === key.len) return row
    }
    return -1
  }

  function reload(): void {
    const started = performance.now()
    size = 0
    deletedCount = 0
    moved.clear()
    oddIds.clear()
    oddRows.clear()
    gridCounts.fill(0)
    const hint = sizeHint()
    reserve(hint)
    slots = new Int32Array(0)
    rehash(Math.max(hint, 512))
    load((c) => {
      append(c)
    })
    tree = undefined
    if (size > 0) {
      const t = new Flatbush(size, 16, Float32Array)
      for (let i = 0; i < size; i++) t.add(lon[i]!, lat[i]!, lon[i]!, lat[i]!)
      t.finish()
      tree = t
    }
    stale = false
    lastLoad = { rows: size, ms: performance.now() - started }
    log.info(
      `component layer loaded: ${size.toLocaleString('en-US')} components in ${Math.round(lastLoad.ms)} ms`,
    )
  }

  function remove(row: number): void {
    if (status[row] === DELETED) return
    gridCounts[grid[row]!]!--
    status[row] = DELETED
    deletedCount++
  }

  function ensureFresh(): void {
    if (stale) reload()
  }

  return {
    apply(changes) {
      if (stale) return
      let count = 0
      for (const c of changes) if (c.entity === 'component') count++
      if (count === 0) return
      if (moved.size + count > PATCH_LIMIT) {
        stale = true
        return
      }
      for (const change of changes) {
        if (change.entity !== 'component') continue
        const row = rowOf(change.id)
        if (change.op === 'delete') {
          if (row >= 0) remove(row)
          continue
        }
        const c = change.value
        if (row >= 0) {
          if (status[row] === DELETED) deletedCount--
          else gridCounts[grid[row]!]!--
          if (lon[row] !== c.lon || lat[row] !== c.lat) moved.add(row)
          write(row, {
            id: c.id,
            category: c.category,
            status: c.status,
            lon: c.lon,
            lat: c.lat,
            gridId: c.gridId,
          })
        } else {
          const added = append({
            id: c.id,
            category: c.category,
            status: c.status,
            lon: c.lon,
            lat: c.lat,
            gridId: c.gridId,
          })
          moved.add(added)
        }
      }
    },
    query({ bbox, classes, statuses, limit }) {
      ensureFresh()
      const [minX, minY, maxX, maxY] = bbox
      const catOk = new Uint8Array(categories.length)
      for (let i = 0; i < categories.length; i++) {
        const key = categories[i]!
        catOk[i] =
          !classes || classes.length === 0 || classes.some((p) => key === p || key.startsWith(p)) ? 1 : 0
      }
      const statusOk = new Uint8Array(256)
      COMPONENT_STATUS_ORDER.forEach(
        (s, i) => (statusOk[i] = !statuses || statuses.length === 0 || statuses.includes(s) ? 1 : 0),
      )

      let matched = new Int32Array(1024)
      let total = 0
      const visit = (row: number) => {
        const x = lon[row]!
        const y = lat[row]!
        if (x < minX || x > maxX || y < minY || y > maxY) return
        if (!statusOk[status[row]!] || !catOk[cat[row]!]) return
        if (total === matched.length) {
          const next = new Int32Array(matched.length * 2)
          next.set(matched)
          matched = next
        }
        matched[total++] = row
      }
      if (tree && !coversMost(bbox, tree)) {
        tree.search(minX - PAD, minY - PAD, maxX + PAD, maxY + PAD, (i) => {
          if (!moved.has(i)) visit(i)
          return false
        })
        for (const row of moved) visit(row)
      } else {
        for (let row = 0; row < size; row++) visit(row)
      }
      matched = matched.subarray(0, total)
      return total <= limit ? points(matched) : aggregate(matched, bbox)
    },
    countInGrid(gridId) {
      ensureFresh()
      const g = gridIndex.get(gridId)
      return g === undefined ? 0 : gridCounts[g]!
    },
    refresh: ensureFresh,
    get size() {
      ensureFresh()
      return size - deletedCount
    },
    get lastLoad() {
      return lastLoad
    },
  }

  function points(rows: Int32Array): ComponentLayer {
    const used = new Map<number, number>()
    const outCategories: string[] = []
    const n = rows.length
    const ids = new Array<string>(n)
    const xs = new Array<number>(n)
    const ys = new Array<number>(n)
    const cs = new Array<number>(n)
    const ss = new Array<number>(n)
    for (let k = 0; k < n; k++) {
      const row = rows[k]!
      let c = used.get(cat[row]!)
      if (c === undefined) {
        c = outCategories.length
        used.set(cat[row]!, c)
        outCategories.push(categories[cat[row]!]!)
      }
      ids[k] = idAt(row)
      xs[k] = Math.round(lon[row]! * 1e7) / 1e7
      ys[k] = Math.round(lat[row]! * 1e7) / 1e7
      cs[k] = c
      ss[k] = status[row]!
    }
    return {
      kind: 'points',
      total: n,
      ids,
      lon: xs,
      lat: ys,
      category: cs,
      categories: outCategories,
      status: ss,
    }
  }

  function aggregate(rows: Int32Array, bbox: Bbox): ComponentLayer {
    const cellSize = cellSizeFor(bbox)
    const x0 = Math.floor(bbox[0] / cellSize)
    const y0 = Math.floor(bbox[1] / cellSize)
    const nx = Math.floor(bbox[2] / cellSize) - x0 + 1
    const ny = Math.floor(bbox[3] / cellSize) - y0 + 1
    const counts = new Uint32Array(nx * ny)
    for (const row of rows) {
      const ix = Math.min(nx - 1, Math.floor(lon[row]! / cellSize) - x0)
      const iy = Math.min(ny - 1, Math.floor(lat[row]! / cellSize) - y0)
      counts[iy * nx + ix]!++
    }
    const xs: number[] = []
    const ys: number[] = []
    const cs: number[] = []
    const round = (v: number) => Math.round(v * 1e9) / 1e9
    for (let iy = 0; iy < ny; iy++) {
      for (let ix = 0; ix < nx; ix++) {
        const c = counts[iy * nx + ix]!
        if (c === 0) continue
        xs.push(round((x0 + ix + 0.5) * cellSize))
        ys.push(round((y0 + iy + 0.5) * cellSize))
        cs.push(c)
      }
    }
    return { kind: 'aggregate', total: rows.length, cellSize, lon: xs, lat: ys, count: cs }
  }
}

// Cells of a "nice" size aligned to multiples of it, about 64 across the view, so they stay put while panning.
const NICE_CELLS = [0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5]

/** The aggregate cell size for a view: the nice size nearest to a 64th of its width. */
export function cellSizeFor(bbox: Bbox): number {
  const target = Math.max(bbox[2] - bbox[0], bbox[3] - bbox[1]) / 64
  for (const size of NICE_CELLS) if (size >= target) return size
  return NICE_CELLS[NICE_CELLS.length - 1]!
}

// When the view holds most of the data, one pass over the columns beats walking the tree.
function coversMost(bbox: Bbox, tree: Flatbush): boolean {
  const w = tree.maxX - tree.minX
  const h = tree.maxY - tree.minY
  if (w <= 0 || h <= 0) return true
  const ix = Math.max(0, Math.min(bbox[2], tree.maxX) - Math.max(bbox[0], tree.minX))
  const iy = Math.max(0, Math.min(bbox[3], tree.maxY) - Math.max(bbox[1], tree.minY))
  return (ix * iy) / (w * h) > 0.5
}
