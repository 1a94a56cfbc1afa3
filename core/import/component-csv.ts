import { parse } from 'csv-parse/sync'
import type { Info } from 'csv-parse/sync'
import { err, ok, type Result } from '../codes/result.js'
import { lonLatProblem, toCgcs2000 } from '../geo/china-crs.js'
import { buildComponentDraft } from './component-draft.js'
import {
  REQUIRED_COMPONENT_FIELDS,
  componentFieldOf,
  describeComponentField,
  parseDecimal,
  type ComponentDraft,
  type ComponentImportField,
  type ComponentImportOptions,
} from './component-fields.js'
import { createErrorCollector, shown, type ImportError, type ImportErrorCollector } from './import-error.js'

interface Row {
  readonly cells: readonly string[]
  /** 1-based line the record starts on (a quoted cell may run over several lines). */
  readonly line: number
}

/**
 * 部件CSV导入 — see `parseComponentCsv` in component-records.ts, which documents the format; this is its
 * implementation, returning drafts.
 */
export function parseComponentCsvDrafts(
  text: string,
  options: ComponentImportOptions,
): Result<ComponentDraft[], ImportError[]> {
  const errors = createErrorCollector(options.maxErrors)
  const rows = readRows(text, errors)
  const header = rows?.[0]
  if (!rows || !header) {
    if (rows)
      errors.add('file', undefined, 'the file is empty: expected a header line and one line per component')
    return err(errors.finish())
  }
  const columns = readHeader(header, options.ignoreUnknownFields ?? false, errors)
  if (!columns) return err(errors.finish())
  const columnOf = new Map<ComponentImportField, number>()
  columns.forEach((f, i) => f !== undefined && columnOf.set(f, i))
  const nameOf = (field: ComponentImportField) => header.cells[columnOf.get(field) ?? -1]?.trim() ?? field
  const crs = options.crs ?? 'CGCS2000'

  const drafts: ComponentDraft[] = []
  const firstLineOf = new Map<string, number>()
  for (const row of rows.slice(1)) {
    // Spreadsheets leave lines of bare commas below the data; they hold nothing to import.
    if (row.cells.every((c) => c.trim() === '')) continue
    const where = `line ${row.line}`
    if (row.cells.length !== header.cells.length) {
      errors.add(where, undefined, `has ${row.cells.length} fields but the header has ${header.cells.length}`)
      continue
    }
    const before = errors.count
    row.cells.forEach((cell, i) => {
      if (columns[i] === undefined && !options.ignoreUnknownFields && cell.trim() !== '') {
        errors.add(where, `column ${i + 1}`, `${shown(cell.trim())} is in a column with no header`)
      }
    })
    const read = (field: ComponentImportField) => {
      const text = row.cells[columnOf.get(field) ?? -1]?.trim()
      return text === '' ? undefined : text
    }
    const id = read('id')
    if (id !== undefined && /^\d{16,17}$/.test(id)) {
      const first = firstLineOf.get(id)
      if (first === undefined) firstLineOf.set(id, row.line)
      else errors.add(where, nameOf('id'), `duplicate id ${id}: line ${first} has the same id`)
    }
    const draft = buildComponentDraft({
      read,
      has: (field) => columnOf.has(field),
      position: readPosition(read('lon'), read('lat'), where, nameOf, errors, crs),
      report: (field, message) => errors.add(where, nameOf(field), message),
      ...(options.categoryName ? { categoryName: options.categoryName } : {}),
    })
    if (draft && errors.count === before) drafts.push(draft)
  }
  return errors.count > 0 ? err(errors.finish()) : ok(drafts)
}

function readRows(text: string, errors: ImportErrorCollector): Row[] | undefined {
  // U+FFFD means the caller decoded a GBK/GB18030 file (Excel's default CSV in China) as UTF-8: every
  // Chinese header and value is already lost, so say that instead of listing unknown columns.
  if (text.includes('\uFFFD')) {
    errors.add(
      'file',
      undefined,
      'the text contains U+FFFD replacement characters: the file is probably GBK-encoded; ' +
        'save it as "CSV UTF-8" and import again',
    )
    return undefined
  }
  let records: { record: string[]; info: Info }[]
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof records
  } catch (e) {
    // csv-parse stops at the first syntax error, so this is the one error it can report.
    const line =
      typeof (e as { lines?: unknown }).lines === 'number' ? `line ${(e as { lines: number }).lines}` : 'file'
    errors.add(line, undefined, e instanceof Error ? e.message : String(e))
    return undefined
  }
  // info.lines is the line a record ends on; it starts after the previous record and any blank lines skipped.
  let previousEnd = 0
  let previousEmpty = 0
  return records.map(({ record, info }) => {
    const line = previousEnd + 1 + (info.empty_lines - previousEmpty)
    previousEnd = info.lines
    previousEmpty = info.empty_lines
    return { cells: record, line }
  })
}

/** Maps each column to its field, or reports every header problem at once and returns undefined. */
function readHeader(
  header: Row,
  ignoreUnknown: boolean,
  errors: ImportErrorCollector,
): (ComponentImportField | undefined)[] | undefined {
  const where = `line ${header.line}`
  const before = errors.count
  const seen = new Map<ComponentImportField, string>()
  const columns = header.cells.map((cell) => {
    // A header is a name, not data: a runaway one is cut in the messages that name it.
    const full = cell.trim()
    const name = full.length > 60 ? `${full.slice(0, 57)}…` : full
    if (name === '') return undefined
    const field = componentFieldOf(full)
    if (field === undefined) {
      if (!ignoreUnknown) errors.add(where, name, 'unknown column (pass ignoreUnknownFields to skip it)')
      return undefined
    }
    const earlier = seen.get(field)
    if (earlier !== undefined)
      errors.add(where, name, `names the same field (${field}) as column "${earlier}"`)
    else seen.set(field, name)
    return field
  })
  const missing = REQUIRED_COMPONENT_FIELDS.filter((f) => !seen.has(f))
  if (missing.length > 0) {
    errors.add(
      where,
      undefined,
      `missing required columns: ${missing.map(describeComponentField).join('; ')}`,
    )
  }
  return errors.count === before ? columns : undefined
}

function readPosition(
  lonText: string | undefined,
  latText: string | undefined,
  where: string,
  nameOf: (field: ComponentImportField) => string,
  errors: ImportErrorCollector,
  crs: NonNullable<ComponentImportOptions['crs']>,
): [number, number] | undefined {
  const lon = readCoordinate(lonText, 'lon', where, nameOf, errors)
  const lat = readCoordinate(latText, 'lat', where, nameOf, errors)
  if (lon === undefined || lat === undefined) return undefined
  const problem = lonLatProblem(lon, lat)
  if (problem) {
    errors.add(where, `${nameOf('lon')}/${nameOf('lat')}`, problem)
    return undefined
  }
  return toCgcs2000(lon, lat, crs)
}

function readCoordinate(
  text: string | undefined,
  field: 'lon' | 'lat',
  where: string,
  nameOf: (field: ComponentImportField) => string,
  errors: ImportErrorCollector,
): number | undefined {
  const what = field === 'lon' ? 'longitude (经度) in decimal degrees' : 'latitude (纬度) in decimal degrees'
  if (text === undefined) {
    errors.add(where, nameOf(field), `required: the ${what}`)
    return undefined
  }
  const value = parseDecimal(text)
  if (value === undefined)
    errors.add(where, nameOf(field), `${shown(text)} is not a number: expected the ${what}`)
  return value
}
