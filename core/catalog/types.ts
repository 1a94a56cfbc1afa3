/**
 * @module core/catalog/types
 * The shapes of the 分类标准目录 (standards catalog): big classes, small classes and their 立案条件, for both
 * editions of the national standard (GB/T 30428.2-2013 and GB/T 47678.5-2026). See standards.md §3–§4, §6.
 */
import type { UnitType } from '../routing/unit-type.js'

/** 标准版本 — which edition a category belongs to: GB/T 30428.2-2013 or GB/T 47678.5-2026. */
export type Edition = '2013' | '2026'

/** 部件 / 事件 — component (a thing) or event (a problem; GB/T 47678.5-2026 calls these 管理事项, matters). */
export type CategoryKind = 'component' | 'event'

/** 区域类别 — area class that selects a disposal time limit: A 核心区, B 一般区, C 其他区域 (standards.md §6). */
export type AreaClass = 'A' | 'B' | 'C'

/** 计时单位 — working hours and working days run on the holiday-aware clock; natural hours run always. */
export type TimeUnit = 'working-hours' | 'working-days' | 'natural-hours'

/** 紧急程度 — 紧急 (urgent) or 一般 (normal). */
export type Urgency = 'urgent' | 'normal'

/**
 * 安全隐患 — the four public-safety hazards of 泰州办法 第9条 that require arrival on site within 2 hours:
 * 井盖丢失缺损, 路面脱空塌陷, 架空管线坠落, 立杆倾斜.
 */
export type SafetyHazard = 'manhole-cover' | 'road-collapse' | 'overhead-line-fall' | 'pole-tilt'

/** 时限 — an amount of time on a given clock. */
export interface TimeLimit {
  readonly amount: number
  readonly unit: TimeUnit
}

/** 立案条件 — one filing condition of a small class, with its 处置时限 per area class and its 结案条件. */
export interface FilingCondition {
  /** Unique within the edition; starts with the class's category key, e.g. '2013:component:0101:01'. */
  readonly id: string
  /** 立案条件 (zh). */
  readonly text: string
  /** The condition in English. */
  readonly textEn: string
  /** 处置时限 per area class; A ≤ B ≤ C where the units agree. */
  readonly limits: Readonly<Record<AreaClass, TimeLimit>>
  /** 结案条件 (zh): what the checker must see on site to close the case. */
  readonly closing: string
  readonly urgency: Urgency
  /** One of the four 第9条 hazards; such a condition is always urgent. */
  readonly safetyHazard?: SafetyHazard
  /** 到场时限 — present iff `safetyHazard`: always 2 natural hours. */
  readonly onSiteLimit?: TimeLimit
}

/** 小类 — a small class of components or events, the unit a case is classified by. */
export interface CategoryClass {
  readonly edition: Edition
  readonly kind: CategoryKind
  /** Small-class code verbatim: '0101' (2013, 4 digits) or '01001' (2026, 5 digits). */
  readonly code: string
  /** The big class (大类) code, a prefix of `code`: '01'. */
  readonly bigClassCode: string
  readonly name: string
  readonly nameEn: string
  /** 默认责任单位类型 — who handles it when no routing rule names a unit. */
  readonly defaultUnitType: UnitType
  /** At least one 立案条件. */
  readonly conditions: readonly FilingCondition[]
  /** True for a city's local extension (本地扩展). */
  readonly local: boolean
  /** 2026 '〈部件〉异常' matters: the code of the component they mirror. */
  readonly componentCode?: string
  /** Provenance remark, e.g. 'code position uncertain (standards.md §4.1)'. */
  readonly note?: string
}

/** 大类 — a big class of components or events. */
export interface BigClass {
  readonly edition: Edition
  readonly kind: CategoryKind
  /** Two digits: '01'. */
  readonly code: string
  readonly name: string
  readonly nameEn: string
  readonly local: boolean
}

/** 分类标准目录 — one edition's catalog, possibly with a city's local extensions. */
export interface Catalog {
  readonly edition: Edition
  /** The standard's designation: 'GB/T 30428.2-2013'. */
  readonly standard: string
  /** Data version: '2013.1', or '2013.1+taizhou.1' once extended. */
  readonly version: string
  /** Sorted by kind, then code. */
  readonly bigClasses: readonly BigClass[]
  /** Sorted by kind, then code. */
  readonly classes: readonly CategoryClass[]
}

/** 标准版本 — the editions, oldest first. */
export const EDITIONS: readonly Edition[] = ['2013', '2026']

/** 部件 / 事件 — the kinds, in catalog order. */
export const CATEGORY_KINDS: readonly CategoryKind[] = ['component', 'event']

/** 区域类别 — the area classes, from core (A) to outer (C). */
export const AREA_CLASSES: readonly AreaClass[] = ['A', 'B', 'C']

/** 计时单位 — the time units. */
export const TIME_UNITS: readonly TimeUnit[] = ['working-hours', 'working-days', 'natural-hours']

/** 紧急程度 — the urgencies. */
export const URGENCIES: readonly Urgency[] = ['urgent', 'normal']

/** 安全隐患 — the four 第9条 hazards. */
export const SAFETY_HAZARDS: readonly SafetyHazard[] = [
  'manhole-cover',
  'road-collapse',
  'overhead-line-fall',
  'pole-tilt',
]

/** 到场时限 of every safety-hazard condition (泰州办法 第9条): 2 natural hours. */
export const SAFETY_ON_SITE_LIMIT: TimeLimit = Object.freeze({ amount: 2, unit: 'natural-hours' })

/** 标准编号 — the standard each edition implements. */
export const EDITION_STANDARDS: Readonly<Record<Edition, string>> = {
  '2013': 'GB/T 30428.2-2013',
  '2026': 'GB/T 47678.5-2026',
}
