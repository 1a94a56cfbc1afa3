/**
 * 导入错误 — one problem found in an import file, precise enough to fix it without guessing.
 */
export interface ImportError {
  /** Where in the file: `'line 7'` (CSV, 1-based, the header is line 1), `'feature 12 (id 321202001002017)'`
   * (GeoJSON, 0-based index into `features`), or `'file'` for the file as a whole. */
  readonly where: string
  /** The field at fault: a CSV column as its header spells it (`'状态'`), or a GeoJSON path
   * (`'properties.areaClass'`, `'geometry.coordinates[0][3]'`). Absent when no single field is to blame. */
  readonly field?: string
  readonly message: string
}

/** How many errors an import reports before it only counts the rest. */
export const DEFAULT_MAX_IMPORT_ERRORS = 100

/** Options every importer takes. */
export interface ImportLimits {
  /** Errors listed in full before the rest are only counted (default {@link DEFAULT_MAX_IMPORT_ERRORS}). */
  readonly maxErrors?: number
}

/**
 * 错误收集 — gathers an import's errors. Validation carries on after the cap, so the closing
 * "… and N more" entry gives the true count; the list itself stays small even for a file that is wrong
 * on every one of 100,000 lines.
 */
export interface ImportErrorCollector {
  add(where: string, field: string | undefined, message: string): void
  /** Number of errors found so far, listed or not. */
  readonly count: number
  /** The listed errors, plus one `where: 'file'` entry counting those left out. */
  finish(): ImportError[]
}

/** Creates an {@link ImportErrorCollector} that lists at most `maxErrors` errors. */
export function createErrorCollector(maxErrors: number = DEFAULT_MAX_IMPORT_ERRORS): ImportErrorCollector {
  const listed: ImportError[] = []
  let count = 0
  return {
    add(where, field, message) {
      count += 1
      if (listed.length < maxErrors)
        listed.push(field === undefined ? { where, message } : { where, field, message })
    },
    get count() {
      return count
    },
    finish() {
      const more = count - listed.length
      if (more === 0) return [...listed]
      return [
        ...listed,
        { where: 'file', message: `… and ${more} more error${more === 1 ? '' : 's'} not listed` },
      ]
    },
  }
}

/**
 * 错误报告 — one readable line per error, `where, field: message`, for the CLI and for logs.
 */
export function formatImportErrors(errors: readonly ImportError[]): string {
  return errors
    .map((e) => (e.field === undefined ? `${e.where}: ${e.message}` : `${e.where}, ${e.field}: ${e.message}`))
    .join('\n')
}

/** Shows an untrusted value in a message: strings quoted, long values cut short. */
export function shown(value: unknown): string {
  let text: string
  if (typeof value === 'string') text = JSON.stringify(value)
  else if (value === undefined) text = 'nothing'
  else if (typeof value === 'number' || typeof value === 'boolean' || value === null) text = String(value)
  else text = Array.isArray(value) ? `an array` : `an object`
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}

/** Characters (code points, so 一 counts one) of a text; stops counting past `max` + 1. */
function codePoints(text: string, max: number): number {
  if (text.length <= max) return text.length // UTF-16 units ≥ code points
  let n = 0
  for (const _ of text) if (++n > max) break
  return n
}

/** 长度上限 — a message when `text` has more than `max` characters, else undefined. The text itself is not quoted. */
export function tooLong(text: string, max: number): string | undefined {
  if (codePoints(text, max) <= max) return undefined
  return `${text.length > 1e6 ? `${(text.length / 1e6).toFixed(1)} million` : text.length.toLocaleString('en-US')} characters; at most ${max}`
}
