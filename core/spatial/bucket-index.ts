/**
 * A uniform bucket grid over boxes, for point queries on many boxes of similar size (unit grids).
 *
 * Why not Flatbush here: a packed R-tree walks several levels per query and tops out near 1.6 M point
 * queries/s on this hardware for a 50,000-grid city. Unit grids are all about 100 m across, so a uniform
 * grid of buckets about one grid wide answers a point with one array read and a handful of box tests.
 * Flatbush stays for the few, large, irregular region polygons.
 */
export interface BucketIndex {
  /** Calls `visit(i)` for each box that may hold the point, until `visit` returns true. */
  visit(x: number, y: number, visit: (i: number) => boolean): void
  /**
   * The bucket holding the point, or -1 outside every box's extent. Its candidates are
   * `items[starts[b]]` … `items[starts[b + 1] - 1]`: a hot loop reads them with no callback.
   */
  bucketOf(x: number, y: number): number
  readonly starts: Int32Array
  readonly items: Int32Array
  readonly bucketCount: number
}

/**
 * Builds the index over `boxes` ([minX, minY, maxX, maxY] per item, flattened). The bucket size is the
 * median box width and height, widened when needed so there are at most `maxBucketsPerBox` buckets per box
 * (a city with a few huge or far-apart boxes must not allocate millions of empty buckets).
 */
export function createBucketIndex(
  boxes: Float64Array,
  options: { readonly maxBucketsPerBox?: number } = {},
): BucketIndex {
  const n = boxes.length / 4
  if (n === 0)
    return {
      visit: () => {},
      bucketOf: () => -1,
      starts: new Int32Array(1),
      items: new Int32Array(0),
      bucketCount: 0,
    }
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  const widths = new Float64Array(n)
  const heights = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, boxes[4 * i]!)
    minY = Math.min(minY, boxes[4 * i + 1]!)
    maxX = Math.max(maxX, boxes[4 * i + 2]!)
    maxY = Math.max(maxY, boxes[4 * i + 3]!)
    widths[i] = boxes[4 * i + 2]! - boxes[4 * i]!
    heights[i] = boxes[4 * i + 3]! - boxes[4 * i + 1]!
  }
  const spanX = Math.max(maxX - minX, Number.EPSILON)
  const spanY = Math.max(maxY - minY, Number.EPSILON)
  let cellW = Math.max(median(widths), spanX / 65_536)
  let cellH = Math.max(median(heights), spanY / 65_536)
  const maxBuckets = n * (options.maxBucketsPerBox ?? 4)
  const colsFor = (w: number) => Math.ceil(spanX / w) + 1
  const rowsFor = (h: number) => Math.ceil(spanY / h) + 1
  while (colsFor(cellW) * rowsFor(cellH) > maxBuckets) {
    cellW *= 1.5
    cellH *= 1.5
  }
  const cols = colsFor(cellW)
  const rows = rowsFor(cellH)
  const colOf = (x: number) => Math.min(cols - 1, Math.max(0, Math.floor((x - minX) / cellW)))
  const rowOf = (y: number) => Math.min(rows - 1, Math.max(0, Math.floor((y - minY) / cellH)))

  // Two passes into one flat array (counts, then fill): no per-bucket arrays to allocate or chase.
  const starts = new Int32Array(cols * rows + 1)
  const span = (i: number) =>
    [
      colOf(boxes[4 * i]!),
      rowOf(boxes[4 * i + 1]!),
      colOf(boxes[4 * i + 2]!),
      rowOf(boxes[4 * i + 3]!),
    ] as const
  for (let i = 0; i < n; i++) {
    const [c0, r0, c1, r1] = span(i)
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) starts[r * cols + c + 1]!++
  }
  for (let b = 0; b < cols * rows; b++) starts[b + 1]! += starts[b]!
  const fill = starts.slice(0, cols * rows)
  const items = new Int32Array(starts[cols * rows]!)
  for (let i = 0; i < n; i++) {
    const [c0, r0, c1, r1] = span(i)
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) items[fill[r * cols + c]!++] = i
  }

  const bucketOf = (x: number, y: number) =>
    x >= minX && x <= maxX && y >= minY && y <= maxY ? rowOf(y) * cols + colOf(x) : -1
  return {
    bucketCount: cols * rows,
    starts,
    items,
    bucketOf,
    visit(x, y, visit) {
      const b = bucketOf(x, y)
      if (b === -1) return
      for (let k = starts[b]!, end = starts[b + 1]!; k < end; k++) if (visit(items[k]!)) return
    },
  }
}

function median(values: Float64Array): number {
  const sorted = Float64Array.from(values).sort()
  return sorted[sorted.length >> 1]!
}
