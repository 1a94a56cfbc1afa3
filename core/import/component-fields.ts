import type { Component } from '../component/types.js'
import type { SourceCrs } from '../geo/china-crs.js'
import type { ImportLimits } from './import-error.js'

/**
 * 部件导入记录 — a {@link Component} as an import file gives it: `name` may be absent, because survey files
 * usually carry only the id and the catalog names the category. Fill it from the catalog (or pass
 * `categoryName` to the importer, which then returns complete Components).
 */
export type ComponentDraft = Omit<Component, 'name'> & { readonly name?: string }

/** Catalog lookup: the 管理部件名称 of a category key (`'2013:component:0101'`), or undefined if unknown. */
export type CategoryNamer = (category: string) => string | undefined

/** Options of the component importers. */
export interface ComponentImportOptions extends ImportLimits {
  /** Datum of the file's lon/lat (default `'CGCS2000'`); anything else is converted to CGCS2000. */
  readonly crs?: SourceCrs
  /** When given, a category the catalog lacks is an error and a missing name is taken from the catalog. */
  readonly categoryName?: CategoryNamer
  /** Skip columns / properties the importer does not know, instead of reporting them (default false). */
  readonly ignoreUnknownFields?: boolean
}

/** The fields of a component import file, by their English names. */
export const COMPONENT_IMPORT_FIELDS = [
  'id',
  'edition',
  'category',
  'name',
  'status',
  'lon',
  'lat',
  'gridId',
  'ownerUnitId',
  'maintainerUnitId',
  'initialDate',
  'changeDate',
  'dataSource',
  'note',
] as const
export type ComponentImportField = (typeof COMPONENT_IMPORT_FIELDS)[number]

/**
 * 字段长度上限 — the most characters (code points) a field may hold. 管理部件名称 is char 30 in GB/T 47678.5
 * table 2; unit ids are our slugs or an 18-character 统一社会信用代码; 备注 has no length in the standard,
 * 500 is a paragraph. The coded fields (ids, dates, status …) have exact forms checked later: their cap
 * only keeps a runaway value (a 5 MB "name" once reached the database) out of the messages that quote it.
 */
export const COMPONENT_FIELD_MAX_LENGTH: Readonly<Record<ComponentImportField, number>> = {
  id: 64,
  edition: 16,
  category: 64,
  name: 30,
  status: 32,
  lon: 64,
  lat: 64,
  gridId: 64,
  ownerUnitId: 64,
  maintainerUnitId: 64,
  initialDate: 32,
  changeDate: 32,
  dataSource: 32,
  note: 500,
}

/** Fields every record must have. `initialDate` is required because the standard makes 初始日期 mandatory. */
export const REQUIRED_COMPONENT_FIELDS: readonly ComponentImportField[] = [
  'id',
  'lon',
  'lat',
  'gridId',
  'status',
  'initialDate',
]

/**
 * Chinese column names, as survey teams and the standard (GB/T 47678.5 table 2) write them. `X`/`Y` are
 * deliberately absent: in Chinese surveying X is northing, so guessing would swap the axes.
 */
export const COMPONENT_FIELD_ALIASES: Readonly<Record<string, ComponentImportField>> = {
  标识码: 'id',
  部件编码: 'id',
  管理部件标识码: 'id',
  版本: 'edition',
  标准版本: 'edition',
  类别: 'category',
  小类: 'category',
  名称: 'name',
  管理部件名称: 'name',
  状态: 'status',
  管理部件状态: 'status',
  经度: 'lon',
  longitude: 'lon',
  纬度: 'lat',
  latitude: 'lat',
  网格: 'gridId',
  所在单元网格标识码: 'gridId',
  权属单位: 'ownerUnitId',
  权属单位代码: 'ownerUnitId',
  养护单位: 'maintainerUnitId',
  养护单位代码: 'maintainerUnitId',
  初始日期: 'initialDate',
  变更日期: 'changeDate',
  数据来源: 'dataSource',
  备注: 'note',
}

const BY_NORMALISED_NAME: ReadonlyMap<string, ComponentImportField> = new Map([
  ...COMPONENT_IMPORT_FIELDS.map((f) => [normalise(f), f] as const),
  ...Object.entries(COMPONENT_FIELD_ALIASES).map(([alias, f]) => [normalise(alias), f] as const),
])

// Case, spaces, '_' and '-' are ignored so `GridId`, `grid_id` and `grid id` all name gridId.
function normalise(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '')
}

/** 字段名 — the field a CSV header or GeoJSON property name stands for, or undefined if none. */
export function componentFieldOf(name: string): ComponentImportField | undefined {
  return BY_NORMALISED_NAME.get(normalise(name))
}

/** The names a field is accepted under, for messages: `gridId (网格, 所在单元网格标识码)`. */
export function describeComponentField(field: ComponentImportField): string {
  const aliases = Object.entries(COMPONENT_FIELD_ALIASES)
    .filter(([alias, f]) => f === field && /[^\x20-\x7e]/.test(alias))
    .map(([alias]) => alias)
  return aliases.length > 0 ? `${field} (${aliases.join(', ')})` : field
}

/**
 * 日期 — a date as `YYYY-MM-DD` (accepting `YYYYMMDD`, the standard's own form), or a reason. The day must
 * exist in that month; years outside 1900–2100 are taken for typos.
 */
export function parseImportDate(text: string): { readonly date: string } | { readonly problem: string } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text)
  if (!m) return { problem: `${JSON.stringify(text)} is not a date: write YYYY-MM-DD or YYYYMMDD` }
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (year < 1900 || year > 2100)
    return { problem: `${JSON.stringify(text)}: year ${year} is outside 1900-2100` }
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
  if (days === undefined || day < 1 || day > days)
    return { problem: `${JSON.stringify(text)} is not a calendar date` }
  return { date: `${m[1]}-${m[2]}-${m[3]}` }
}

/** 数值坐标 — a decimal number as text (`119.92`, `-0.5`), or undefined; no hex, exponents or commas. */
export function parseDecimal(text: string): number | undefined {
  return /^[+-]?(?:\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : undefined
}
