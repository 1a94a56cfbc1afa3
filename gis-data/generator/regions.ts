import type { Region } from '../../core/region/types.js'
import type { CityLayout } from './layout.js'
import { traceCells } from './tracer.js'

/**
 * 行政区域 — the districts, streets and communities of a layout as Regions, each boundary the exact union
 * outline of its cells (see traceCells), listed district by district, parents before children.
 */
export function regionsOf(layout: CityLayout): Region[] {
  const out: Region[] = []
  for (const district of layout.districts) {
    const { code, name, nameEn } = district.spec
    out.push({ code, level: 'district', name, nameEn, geometry: traceCells(district.cells) })
    for (const street of district.streets) {
      out.push({
        code: street.code,
        level: 'street',
        name: street.name,
        nameEn: street.nameEn,
        parentCode: code,
        geometry: traceCells(street.cells),
      })
      for (const community of street.communities) {
        out.push({
          code: community.code,
          level: 'community',
          name: community.name,
          nameEn: community.nameEn,
          parentCode: street.code,
          geometry: traceCells(community.cells),
        })
      }
    }
  }
  return out
}
