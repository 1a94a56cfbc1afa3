import { cellColumn, cellRow } from './lattice.js'
import { growDistricts } from './districts.js'
import { communityNames } from './names.js'
import { partitionBySeeds, partitionBySize, centralCell, type CellCost } from './partition.js'
import type { Rng } from './prng.js'
import { valueNoise } from './prng.js'
import type { DistrictSpec } from './taizhou.js'

/** 社区 as laid out: its code, names and lattice cells (ascending: rows north→south, west→east in a row). */
export interface CommunityLayout {
  readonly code: string
  readonly name: string
  readonly nameEn: string
  readonly cells: readonly number[]
}

/** 街道 as laid out. */
export interface StreetLayout {
  readonly code: string
  readonly name: string
  readonly nameEn: string
  readonly cells: readonly number[]
  readonly communities: readonly CommunityLayout[]
}

/** 区 as laid out. */
export interface DistrictLayout {
  readonly spec: DistrictSpec
  readonly cells: readonly number[]
  readonly streets: readonly StreetLayout[]
}

/** The nested partition of the lattice: districts → streets → communities, plus each cell's centrality. */
export interface CityLayout {
  readonly districts: readonly DistrictLayout[]
  /** 0 at a district centre … 1 at its fringe (see growDistricts). */
  readonly centrality: Float32Array
}

/** Community sizes in cells (= unit grids): 80–400 as real 社区 of ~1–4 km², always within the 999 limit. */
export const COMMUNITY_SIZES = { target: 180, min: 80, max: 400 } as const

/**
 * 区划布局 — lays out the whole city on the lattice: grows the districts to exactly `targetCells` cells, splits
 * each into its named streets (seeded where the names say: 城东 east of the centre…), and each street into
 * communities of about {@link COMMUNITY_SIZES}. Every level is a contiguous partition of the level above.
 */
export function layoutCity(specs: readonly DistrictSpec[], targetCells: number, rng: Rng): CityLayout {
  const grown = growDistricts(specs, targetCells, rng.fork('districts'))
  const names = communityNames(rng.fork('names'))
  const streetCost = noisyCost(rng.fork('street-cost'), Math.sqrt(targetCells / specs.length) / 5)
  const communityCost = noisyCost(rng.fork('community-cost'), 4)
  const districts = specs.map((spec, d): DistrictLayout => {
    const cells = grown.cells[d]!
    const streetCells = splitStreets(spec, cells, streetCost)
    const streets = spec.streets.map((street, s): StreetLayout => {
      const code = spec.code + pad3(s + 1)
      const parts = partitionBySize(
        streetCells[s]!,
        COMMUNITY_SIZES,
        rng.fork(`communities:${code}`),
        communityCost,
      )
      const communities = parts.map((part, c): CommunityLayout => ({
        code: code + pad3(c + 1),
        ...names.next(),
        cells: part,
      }))
      return {
        code,
        name: street.name,
        nameEn: street.nameEn,
        cells: [...streetCells[s]!].sort((a, b) => a - b),
        communities,
      }
    })
    return { spec, cells: [...cells].sort((a, b) => a - b), streets }
  })
  return { districts, centrality: grown.centrality }
}

// Seeds each street at its compass hint (a fraction of the district radius from the centre), relaxes the seeds
// twice towards their part's centroid, and grows the streets geodesically so each stays in one piece.
function splitStreets(spec: DistrictSpec, cells: readonly number[], cost: CellCost): number[][] {
  const centre = cells[0]!
  const radius = Math.sqrt(cells.length / Math.PI)
  const used = new Set<number>()
  let seeds = spec.streets.map((street) => {
    const x = cellColumn(centre) + street.at[0] * radius
    const y = cellRow(centre) - street.at[1] * radius
    let best = -1
    let bestD = Infinity
    for (const cell of cells) {
      const dist = (cellColumn(cell) - x) ** 2 + (cellRow(cell) - y) ** 2
      if (!used.has(cell) && dist < bestD) {
        bestD = dist
        best = cell
      }
    }
    used.add(best)
    return best
  })
  let labels = partitionBySeeds(cells, seeds, cost)
  for (let iteration = 0; iteration < 2; iteration++) {
    seeds = group(cells, labels, seeds.length).map(centralCell)
    labels = partitionBySeeds(cells, seeds, cost)
  }
  return group(cells, labels, seeds.length)
}

function group(cells: readonly number[], labels: Int32Array, count: number): number[][] {
  const out: number[][] = Array.from({ length: count }, () => [])
  cells.forEach((cell, k) => out[labels[k]!]!.push(cell))
  return out
}

// Crossing cost 1–3.5 with smooth hills: parts grow around the hills, so boundaries bend like roads and creeks.
function noisyCost(rng: Rng, scale: number): CellCost {
  const noise = valueNoise(Math.floor(rng.next() * 2 ** 31), Math.max(2, scale))
  return (cell) => 1 + 2.5 * noise(cellColumn(cell), cellRow(cell)) ** 2
}

function pad3(n: number): string {
  return String(n).padStart(3, '0')
}
