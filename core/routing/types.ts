import type { UnitType } from './unit-type.js'

/** 责任单位 — a body that handles cases dispatched to it (seed 第5条: 数字化城市管理责任单位). */
export interface ResponsibleUnit {
  /** Stable id, e.g. 'hl-sanitation'. */
  readonly id: string
  readonly name: string
  readonly nameEn: string
  readonly type: UnitType
  /**
   * Administrative codes (district 6 / street 9 / community 12 digits) the unit is responsible for.
   * Empty means the whole city.
   */
  readonly jurisdiction: readonly string[]
  /** The unit above it, for second-level dispatch (二级派遣). */
  readonly parentId?: string
  readonly phone?: string
}

/**
 * 派遣规则 — names the unit that handles a set of categories in a set of places. The most specific rule
 * wins: the longest category match first, then the narrowest region, then the lower `priority` number.
 */
export interface RoutingRule {
  readonly id: string
  /**
   * Category keys or their prefixes: '2013:component:0101' (one small class), '2013:component:01'
   * (a big class), '2026:event' (a whole kind), '2026' (an edition), or '*' (anything).
   */
  readonly categories: readonly string[]
  /** Administrative codes where the rule applies; omitted or empty means everywhere. */
  readonly regions?: readonly string[]
  readonly unitId: string
  /** Tie-breaker between equally specific rules; lower wins. Default 100. */
  readonly priority?: number
  readonly note?: string
}
