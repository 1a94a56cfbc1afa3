/**
 * @module renderer/cases/map/cluster
 * 聚合 — cases counted per square screen cell when zoomed out: each cluster sits at the mean of its cases,
 * carries their count, their worst light and how many are safety hazards. Cells are aligned to the
 * projection's origin, so a cluster does not change while the view pans. Pure, typed arrays in and out:
 * a million cases cluster in a few milliseconds.
 */

/** One cluster, in view-projection coordinates. */
export interface Cluster {
  readonly x: number
  readonly y: number
  readonly count: number
  /** Worst light index inside (LIGHTS order: a larger index is worse). */
  readonly light: number
  readonly hazards: number
  /** One case inside (the one to select when the cluster holds a single case). */
  readonly first: number
  /** Bounds of the cases inside (to zoom to on a click). */
  readonly extent: readonly [number, number, number, number]
}

/** The indices among `indices` whose (x, y) lies in `extent` ([minX, minY, maxX, maxY]). */
export function inExtent(x: Float64Array, y: Float64Array, indices: ArrayLike<number>, extent: readonly number[]): Uint32Array {
  const [minX, minY, maxX, maxY] = extent as [number, number, number, number]
  const out = new Uint32Array(indices.length)
  let n = 0
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k]!
    const px = x[i]!
    const py = y[i]!
    if (px >= minX && px <= maxX && py >= minY && py <= maxY) out[n++] = i
  }
  return out.slice(0, n)
}

/**
 * Clusters the cases `indices` (all inside `extent`) on cells of `cellSize` map units. Cells with no case
 * give no cluster; the order is by cell, so the result is deterministic.
 */
export function clusterCases(
  points: { readonly x: Float64Array; readonly y: Float64Array; readonly light: Uint8Array; readonly hazard: Uint8Array },
  indices: ArrayLike<number>,
  extent: readonly number[],
  cellSize: number,
): Cluster[] {
  if (!(cellSize > 0)) throw new Error(`clusterCases: cell size ${cellSize}`)
  const [minX, minY, maxX, maxY] = extent as [number, number, number, number]
  const c0 = Math.floor(minX / cellSize)
  const r0 = Math.floor(minY / cellSize)
  const cols = Math.floor(maxX / cellSize) - c0 + 1
  const rows = Math.floor(maxY / cellSize) - r0 + 1
  const cells = cols * rows
  if (!(cells > 0) || cells > 4_000_000) throw new Error(`clusterCases: ${cols}×${rows} cells`)
  const count = new Uint32Array(cells)
  const sumX = new Float64Array(cells)
  const sumY = new Float64Array(cells)
  const worst = new Uint8Array(cells)
  const hazards = new Uint32Array(cells)
  const first = new Int32Array(cells).fill(-1)
  const bx0 = new Float64Array(cells).fill(Infinity)
  const by0 = new Float64Array(cells).fill(Infinity)
  const bx1 = new Float64Array(cells).fill(-Infinity)
  const by1 = new Float64Array(cells).fill(-Infinity)
  const { x, y, light, hazard } = points
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k]!
    const px = x[i]!
    const py = y[i]!
    const c = Math.min(cols - 1, Math.max(0, Math.floor(px / cellSize) - c0))
    const r = Math.min(rows - 1, Math.max(0, Math.floor(py / cellSize) - r0))
    const cell = r * cols + c
    count[cell]!++
    sumX[cell]! += px
    sumY[cell]! += py
    if (light[i]! > worst[cell]!) worst[cell] = light[i]!
    hazards[cell]! += hazard[i]!
    if (first[cell]! < 0) first[cell] = i
    if (px < bx0[cell]!) bx0[cell] = px
    if (py < by0[cell]!) by0[cell] = py
    if (px > bx1[cell]!) bx1[cell] = px
    if (py > by1[cell]!) by1[cell] = py
  }
  const clusters: Cluster[] = []
  for (let cell = 0; cell < cells; cell++) {
    const n = count[cell]!
    if (!n) continue
    clusters.push({
      x: sumX[cell]! / n,
      y: sumY[cell]! / n,
      count: n,
      light: worst[cell]!,
      hazards: hazards[cell]!,
      first: first[cell]!,
      extent: [bx0[cell]!, by0[cell]!, bx1[cell]!, by1[cell]!],
    })
  }
  return clusters
}

/** A count as a cluster label: 12,345 → "1.2万" (zh) / "12k" (en); small counts as they are. */
export function formatCount(n: number, language: 'zh-CN' | 'en'): string {
  const short = (value: number, unit: string) => `${value >= 100 ? Math.round(value) : Number(value.toFixed(1))}${unit}`
  if (language === 'zh-CN') {
    if (n >= 100_000_000) return short(n / 100_000_000, '亿')
    if (n >= 10_000) return short(n / 10_000, '万')
    return String(n)
  }
  if (n >= 1_000_000) return short(n / 1_000_000, 'M')
  if (n >= 10_000) return short(n / 1_000, 'k')
  return String(n)
}

/** Cases binned on square cells: cell k holds `count[k]` cases whose mean position is (`x[k]`, `y[k]`). */
export interface Bins {
  readonly x: Float64Array
  readonly y: Float64Array
  readonly count: Uint32Array
  /** Cases binned (those inside the extent). */
  readonly cases: number
}

/**
 * Bins the cases `indices` that lie inside `extent` on cells of `cellSize` map units (aligned to the
 * projection's origin); only cells holding a case are returned, in cell order. What the heatmap draws
 * instead of single cases: a few pixels apart, two cases under a kernel tens of pixels wide look the same as
 * one kernel of their combined weight, and the GPU draws one quad instead of many.
 */
export function binPoints(x: Float64Array, y: Float64Array, indices: ArrayLike<number>, extent: readonly number[], cellSize: number): Bins {
  if (!(cellSize > 0)) throw new Error(`binPoints: cell size ${cellSize}`)
  const [minX, minY, maxX, maxY] = extent as [number, number, number, number]
  const c0 = Math.floor(minX / cellSize)
  const r0 = Math.floor(minY / cellSize)
  const cols = Math.floor(maxX / cellSize) - c0 + 1
  const rows = Math.floor(maxY / cellSize) - r0 + 1
  const cells = cols * rows
  if (!(cells > 0) || cells > 16_000_000) throw new Error(`binPoints: ${cols}×${rows} cells`)
  const count = new Uint32Array(cells)
  const sumX = new Float64Array(cells)
  const sumY = new Float64Array(cells)
  let cases = 0
  let used = 0
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k]!
    const px = x[i]!
    const py = y[i]!
    if (px < minX || px > maxX || py < minY || py > maxY) continue
    const c = Math.min(cols - 1, Math.floor(px / cellSize) - c0)
    const r = Math.min(rows - 1, Math.floor(py / cellSize) - r0)
    const cell = r * cols + c
    if (count[cell]!++ === 0) used++
    sumX[cell]! += px
    sumY[cell]! += py
    cases++
  }
  const out = { x: new Float64Array(used), y: new Float64Array(used), count: new Uint32Array(used), cases }
  for (let cell = 0, k = 0; cell < cells && k < used; cell++) {
    const n = count[cell]!
    if (!n) continue
    out.x[k] = sumX[cell]! / n
    out.y[k] = sumY[cell]! / n
    out.count[k] = n
    k++
  }
  return out
}
