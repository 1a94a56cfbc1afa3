import type { Polygon, MultiPolygon } from 'geojson'
import type { AreaClass } from '../catalog/types.js'

/** 行政区域 — a district (区), street (街道) or community (社区) with its boundary. */
export interface Region {
  /** 6, 9 or 12 digits. */
  readonly code: string
  readonly level: 'district' | 'street' | 'community'
  readonly name: string
  readonly nameEn: string
  /** Code of the region above; absent for districts. */
  readonly parentCode?: string
  readonly geometry: Polygon | MultiPolygon
}

/** 单元网格 — the finest managed cell, about 100 m × 100 m, never crossing a community boundary. */
export interface UnitGrid {
  /** 15-digit id (see core/codes/unit-grid-code.ts). */
  readonly id: string
  readonly communityCode: string
  /** Time-limit area class of the cell: A 核心区 / B 一般区 / C 其他. */
  readonly areaClass: AreaClass
  readonly geometry: Polygon
}
