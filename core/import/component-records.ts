import type { Result } from '../codes/result.js'
import type { Component } from '../component/types.js'
import { parseComponentCsvDrafts } from './component-csv.js'
import type { CategoryNamer, ComponentDraft, ComponentImportOptions } from './component-fields.js'
import { parseComponentFeaturesDrafts } from './component-geojson.js'
import type { ImportError } from './import-error.js'

export type { CategoryNamer, ComponentDraft, ComponentImportOptions } from './component-fields.js'

/** Options with a catalog lookup: the importer can then return complete {@link Component}s. */
export type ComponentImportOptionsWithCatalog = ComponentImportOptions & {
  readonly categoryName: CategoryNamer
}

/**
 * 部件CSV导入 — turns an untrusted CSV text into component records, or into every error found (up to
 * `maxErrors`, then a count), each naming the line (1-based; the header is line 1) and the column as its
 * header spells it.
 *
 * Format:
 * - UTF-8 (a BOM is stripped; a GBK file decoded as UTF-8 is recognised and refused), LF or CRLF, comma-separated,
 *   RFC 4180 quoting. Blank lines and lines of bare commas are skipped.
 * - The header names columns in any order, case-, space- and `_`-insensitively, in English or Chinese
 *   (see `COMPONENT_FIELD_ALIASES`): 标识码/部件编码 → id, 类别/小类 → category, 名称 → name, 状态 → status,
 *   经度 → lon, 纬度 → lat, 网格 → gridId, 权属单位 → ownerUnitId, 养护单位 → maintainerUnitId,
 *   初始日期 → initialDate, 变更日期 → changeDate, 数据来源 → dataSource, 备注 → note.
 * - Required columns: id, lon, lat, gridId, status, initialDate. Missing ones are reported in one error and
 *   no line is checked, since every line would fail the same way. Unknown columns are errors (a misspelt
 *   header would otherwise drop its data silently) unless `ignoreUnknownFields` is set.
 *
 * Values: `id` a 16- or 17-digit component id (its length gives the edition); `category` optional, derived
 * from the id and checked against it when given; `status` English (`intact`) or Chinese (完好);
 * `gridId` a unit grid id, stored in 15-digit form; dates YYYY-MM-DD or YYYYMMDD, stored as YYYY-MM-DD, and a
 * change date may not precede the survey date; `dataSource` 实测/地形图/基础地理数据/其他, default 其他;
 * `lon`/`lat` decimal degrees in `crs`, stored as CGCS2000. A duplicate id names the line that had it first.
 * Whether the grid exists, and whether the point lies in it, is the caller's check: it holds the grids.
 *
 * Without `categoryName` the result is drafts whose `name` is present only when the file gave one.
 */
export function parseComponentCsv(
  text: string,
  options: ComponentImportOptionsWithCatalog,
): Result<Component[], ImportError[]>
export function parseComponentCsv(
  text: string,
  options?: ComponentImportOptions,
): Result<ComponentDraft[], ImportError[]>
export function parseComponentCsv(
  text: string,
  options: ComponentImportOptions = {},
): Result<ComponentDraft[], ImportError[]> {
  return parseComponentCsvDrafts(text, options)
}

/**
 * 部件GeoJSON导入 — the same records from a GeoJSON FeatureCollection of Points: each feature's
 * `properties` carry the CSV's fields under the same (English or Chinese) names, and the position comes
 * from the Point geometry (`lon`/`lat` properties are ignored). Errors name the feature (0-based index
 * and id) and the property path (`'properties.status'`). Ids and grid ids may be JSON numbers only while
 * they are exact (below 2^53); a 17-digit id must be a string. Unknown properties are reported once per
 * file, naming the first feature that has them.
 */
export function parseComponentFeatureCollection(
  json: unknown,
  options: ComponentImportOptionsWithCatalog,
): Result<Component[], ImportError[]>
export function parseComponentFeatureCollection(
  json: unknown,
  options?: ComponentImportOptions,
): Result<ComponentDraft[], ImportError[]>
export function parseComponentFeatureCollection(
  json: unknown,
  options: ComponentImportOptions = {},
): Result<ComponentDraft[], ImportError[]> {
  return parseComponentFeaturesDrafts(json, options)
}
