import type { Edition } from '../catalog/types.js'

/** 管理部件状态 — GB/T 47678.5-2026 table 2: 完好 / 破损 / 丢失 / 废弃 / 移除. */
export const COMPONENT_STATUSES = ['intact', 'damaged', 'missing', 'discarded', 'removed'] as const
export type ComponentStatus = (typeof COMPONENT_STATUSES)[number]

/** Chinese labels of {@link COMPONENT_STATUSES}, as field staff write them. */
export const COMPONENT_STATUS_NAMES: Readonly<Record<ComponentStatus, string>> = {
  intact: '完好',
  damaged: '破损',
  missing: '丢失',
  discarded: '废弃',
  removed: '移除',
}

/** 数据来源 — how a component's position was surveyed. */
export const COMPONENT_DATA_SOURCES = ['实测', '地形图', '基础地理数据', '其他'] as const
export type ComponentDataSource = (typeof COMPONENT_DATA_SOURCES)[number]

/** 管理部件 — one surveyed piece of city infrastructure (GB/T 30428.2 / GB/T 47678.5 attributes). */
export interface Component {
  /** 管理部件标识码: 16 digits (2013 edition) or 17 (2026 edition). */
  readonly id: string
  readonly edition: Edition
  /** Category key of its small class, e.g. '2013:component:0101'. */
  readonly category: string
  /** 管理部件名称. */
  readonly name: string
  readonly status: ComponentStatus
  /** CGCS2000 longitude / latitude. */
  readonly lon: number
  readonly lat: number
  /** 所在单元网格标识码 (15 digits). */
  readonly gridId: string
  readonly ownerUnitId?: string
  readonly maintainerUnitId?: string
  /** 初始日期, YYYY-MM-DD. */
  readonly initialDate: string
  /** 变更日期, YYYY-MM-DD; absent until the first change after the survey. */
  readonly changeDate?: string
  readonly dataSource: ComponentDataSource
  readonly note?: string
}
