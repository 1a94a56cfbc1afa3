/**
 * 伪随机数 — the generator's only source of randomness: a seeded mulberry32 stream plus stateless hash noise,
 * so the same seed always yields the same city (never Math.random or the clock).
 */

/** A seeded stream of numbers in [0, 1). */
export interface Rng {
  /** Next float in [0, 1). */
  next(): number
  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T
  /** A fresh stream derived from this seed and a label, so adding draws in one stage never shifts another. */
  fork(label: string): Rng
}

/** 随机源 — mulberry32 (32-bit state, period 2^32): fast, small and good enough for synthetic geography. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick from an empty array')
      return items[Math.floor(next() * items.length)]!
    },
    fork: (label) => createRng(hashString(label, seed)),
  }
}

/** A 32-bit hash of a string mixed with a seed (FNV-1a, then a final avalanche). */
export function hashString(text: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0
  for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193)
  return avalanche(h)
}

/** A stateless hash of two integers and a seed to [0, 1): one value per lattice point. */
export function hash2(x: number, y: number, seed: number): number {
  let h = Math.imul(x | 0, 0x27d4eb2d) ^ Math.imul(y | 0, 0x165667b1) ^ Math.imul(seed | 0, 0x9e3779b9)
  h = avalanche(h)
  return h / 4294967296
}

function avalanche(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/**
 * 值噪声 — smooth 2-D value noise in [0, 1) with features about `scale` cells wide: random values on a coarse
 * lattice, blended with smoothstep. Used to make boundaries wander like roads and rivers do.
 */
export function valueNoise(seed: number, scale: number): (x: number, y: number) => number {
  return (x, y) => {
    const fx = x / scale
    const fy = y / scale
    const x0 = Math.floor(fx)
    const y0 = Math.floor(fy)
    const sx = smooth(fx - x0)
    const sy = smooth(fy - y0)
    const top = lerp(hash2(x0, y0, seed), hash2(x0 + 1, y0, seed), sx)
    const bottom = lerp(hash2(x0, y0 + 1, seed), hash2(x0 + 1, y0 + 1, seed), sx)
    return lerp(top, bottom, sy)
  }
}

function smooth(t: number): number {
  return t * t * (3 - 2 * t)
}

function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t
}

/**
 * 加权抽样 — draws indices in proportion to non-negative weights by binary search over the running sums.
 * Built once per table; each draw costs O(log n).
 */
export function weightedSampler(weights: readonly number[]): (u: number) => number {
  const sums = new Float64Array(weights.length)
  let total = 0
  weights.forEach((w, k) => {
    if (!(w >= 0)) throw new RangeError(`weight ${k} must be a non-negative number, got ${w}`)
    total += w
    sums[k] = total
  })
  if (total <= 0) throw new RangeError('weightedSampler needs at least one positive weight')
  return (u) => {
    const target = u * total
    let lo = 0
    let hi = sums.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (sums[mid]! > target) hi = mid
      else lo = mid + 1
    }
    return lo
  }
}
