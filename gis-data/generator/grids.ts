import type { UnitGrid } from '../../core/region/types.js'
import type { AreaClass } from '../../core/catalog/types.js'
import { formatUnitGridCode } from '../../core/codes/unit-grid-code.js'
import { cellRing } from './lattice.js'
import type { CityLayout } from './layout.js'

/** Centrality below which a cell is 核心区 (A), and below which it is 一般区 (B); the rest is C. */
const AREA_CLASS_BREAKS = { A: 0.38, B: 0.75 } as const

/** 单元网格 with the lattice cell it was cut from, so components can be placed inside it quickly. */
export interface LaidGrid {
  readonly grid: UnitGrid
  readonly cell: number
  readonly streetCode: string
  readonly districtCode: string
}

/**
 * 单元网格划分 — one ~100 m × 100 m grid per lattice cell of each community. Ids are the community code plus a
 * 3-digit sequence numbered west→east within a row and rows north→south (GB/T 30428.1 practice); a grid
 * never crosses a community boundary because it is one of the community's own cells. The area class comes
 * from how central the cell is in its district: A 核心区 near the centre, B 一般区, C at the fringe.
 */
export function layGrids(layout: CityLayout): LaidGrid[] {
  const out: LaidGrid[] = []
  for (const district of layout.districts) {
    for (const street of district.streets) {
      for (const community of street.communities) {
        // Cell numbers grow west→east and then north→south, so ascending order is the numbering order.
        community.cells.forEach((cell, k) => {
          out.push({
            grid: {
              id: formatUnitGridCode(community.code, k + 1),
              communityCode: community.code,
              areaClass: areaClassOf(layout.centrality[cell]!),
              geometry: { type: 'Polygon', coordinates: [cellRing(cell)] },
            },
            cell,
            streetCode: street.code,
            districtCode: district.spec.code,
          })
        })
      }
    }
  }
  return out
}

function areaClassOf(centrality: number): AreaClass {
  if (centrality < AREA_CLASS_BREAKS.A) return 'A'
  if (centrality < AREA_CLASS_BREAKS.B) return 'B'
  return 'C'
}
