/**
 * @module core/catalog/read-json
 * Field readers for untrusted JSON that record a precise issue per bad field, named by its path:
 * `classes[12].conditions[0].limits.B.unit: expected one of working-hours, working-days, natural-hours, got "hours"`.
 */

/** 校验问题 — one problem found in catalog data, at a JSON path. */
export interface CatalogIssue {
  /** JSON path, e.g. 'classes[12].conditions[0].limits.B.unit'; '(root)' for the document itself. */
  readonly path: string
  readonly message: string
}

/** Formats an issue as one line: `path: message`. */
export function formatIssue(issue: CatalogIssue): string {
  return `${issue.path}: ${issue.message}`
}

/** 目录数据错误 — thrown when catalog data (or an extension) is invalid; lists every issue. */
export class CatalogError extends Error {
  readonly issues: readonly CatalogIssue[]

  constructor(issues: readonly CatalogIssue[], what = 'catalog') {
    const shown = issues.slice(0, 20).map(formatIssue)
    const more = issues.length > shown.length ? [`… and ${issues.length - shown.length} more`] : []
    super(
      [`invalid ${what} (${issues.length} issue${issues.length === 1 ? '' : 's'}):`, ...shown, ...more].join(
        '\n',
      ),
    )
    this.name = 'CatalogError'
    this.issues = issues
  }
}

/**
 * Collects issues while reading. The field readers below stay silent on `undefined`: {@link readObject}
 * has already reported a missing required field, and optional fields are read only when present.
 */
export class IssueList {
  readonly items: CatalogIssue[] = []

  /** Records `message` at `path`. */
  add(path: string, message: string): void {
    this.items.push({ path: path === '' ? '(root)' : path, message })
  }
}

/** Path of a field: `at('classes[1]', 'code')` → 'classes[1].code'. */
export function at(path: string, field: string): string {
  return path === '' ? field : `${path}.${field}`
}

/** Path of an array element: `item('classes', 3)` → 'classes[3]'. */
export function item(path: string, index: number): string {
  return `${path}[${index}]`
}

/** Describes a value for an error message: strings and numbers as JSON, others by type. */
export function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  if (value === undefined) return 'nothing'
  return JSON.stringify(value)
}

/** A plain JSON object. */
export type JsonObject = Readonly<Record<string, unknown>>

/**
 * Reads an object with exactly the given fields: reports a non-object, every missing required field and
 * every unknown field (a typo such as "safetyHazzard" would otherwise be silently dropped).
 */
export function readObject(
  value: unknown,
  path: string,
  issues: IssueList,
  required: readonly string[],
  optional: readonly string[] = [],
): JsonObject | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issues.add(path, `expected an object, got ${describe(value)}`)
    return undefined
  }
  const record = value as JsonObject
  for (const field of required) if (record[field] === undefined) issues.add(at(path, field), 'required')
  for (const field of Object.keys(record)) {
    if (!required.includes(field) && !optional.includes(field))
      issues.add(path, `unknown field ${JSON.stringify(field)}`)
  }
  return record
}

/** Reads a non-empty string. */
export function readString(value: unknown, path: string, issues: IssueList): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || value.trim() === '') {
    issues.add(path, `expected a non-empty string, got ${describe(value)}`)
    return undefined
  }
  return value
}

/** Reads a string matching `pattern`, described as `shape` in the error. */
export function readPattern(
  value: unknown,
  path: string,
  issues: IssueList,
  pattern: RegExp,
  shape: string,
): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || !pattern.test(value)) {
    issues.add(path, `expected ${shape}, got ${describe(value)}`)
    return undefined
  }
  return value
}

/** Reads one of a fixed set of strings. */
export function readOneOf<T extends string>(
  value: unknown,
  path: string,
  issues: IssueList,
  values: readonly T[],
): T | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
    issues.add(path, `expected one of ${values.join(', ')}, got ${describe(value)}`)
    return undefined
  }
  return value as T
}

/** Reads a boolean. */
export function readBoolean(value: unknown, path: string, issues: IssueList): boolean | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'boolean') {
    issues.add(path, `expected true or false, got ${describe(value)}`)
    return undefined
  }
  return value
}

/** Reads a finite number greater than zero. */
export function readPositive(value: unknown, path: string, issues: IssueList): number | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    issues.add(path, `expected a number greater than 0, got ${describe(value)}`)
    return undefined
  }
  return value
}

/** Reads an array (elements are read by the caller). */
export function readArray(value: unknown, path: string, issues: IssueList): readonly unknown[] | undefined {
  if (value === undefined) return undefined
  if (!Array.isArray(value)) {
    issues.add(path, `expected an array, got ${describe(value)}`)
    return undefined
  }
  return value
}

/** Freezes a value and everything reachable from it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}
