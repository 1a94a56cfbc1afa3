/** 最小堆 — a binary min-heap of (priority, integer value) pairs on typed arrays, for cell growth and Dijkstra. */
export class MinHeap {
  private keys = new Float64Array(1024)
  private values = new Int32Array(1024)
  private count = 0

  /** Number of entries waiting. */
  get size(): number {
    return this.count
  }

  /** Adds `value` with priority `key`; ties pop in insertion-independent but deterministic order (by value). */
  push(key: number, value: number): void {
    if (this.count === this.keys.length) this.grow()
    let k = this.count++
    while (k > 0) {
      const parent = (k - 1) >> 1
      if (!this.before(key, value, this.keys[parent]!, this.values[parent]!)) break
      this.keys[k] = this.keys[parent]!
      this.values[k] = this.values[parent]!
      k = parent
    }
    this.keys[k] = key
    this.values[k] = value
  }

  /** Priority of the smallest entry (undefined when empty). */
  peekKey(): number | undefined {
    return this.count > 0 ? this.keys[0] : undefined
  }

  /** Removes and returns the value with the smallest priority. */
  pop(): number {
    if (this.count === 0) throw new RangeError('pop from an empty heap')
    const top = this.values[0]!
    const last = --this.count
    const key = this.keys[last]!
    const value = this.values[last]!
    let k = 0
    for (;;) {
      let child = 2 * k + 1
      if (child >= last) break
      if (
        child + 1 < last &&
        this.before(this.keys[child + 1]!, this.values[child + 1]!, this.keys[child]!, this.values[child]!)
      ) {
        child++
      }
      if (!this.before(this.keys[child]!, this.values[child]!, key, value)) break
      this.keys[k] = this.keys[child]!
      this.values[k] = this.values[child]!
      k = child
    }
    this.keys[k] = key
    this.values[k] = value
    return top
  }

  private before(ka: number, va: number, kb: number, vb: number): boolean {
    return ka < kb || (ka === kb && va < vb)
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2)
    const values = new Int32Array(this.values.length * 2)
    keys.set(this.keys)
    values.set(this.values)
    this.keys = keys
    this.values = values
  }
}
