/**
 * @module core/catalog/category-key
 * The category key used across the system to name one small class: '2013:component:0101', '2026:event:06010'.
 */
import type { CategoryKind, Edition } from './types.js'

/** 分类键组成 — a category key split into its parts. */
export interface CategoryKeyParts {
  readonly edition: Edition
  readonly kind: CategoryKind
  readonly code: string
}

const CODE_PATTERN: Readonly<Record<Edition, RegExp>> = { '2013': /^\d{4}$/, '2026': /^\d{5}$/ }
const CODE_DIGITS: Readonly<Record<Edition, number>> = { '2013': 4, '2026': 5 }

/** 小类编码 — true when `code` has the small-class shape of `edition`: 4 digits (2013) or 5 digits (2026). */
export function isSmallClassCode(edition: Edition, code: string): boolean {
  return CODE_PATTERN[edition].test(code)
}

/** 分类键 — the key of a small class: `categoryKey('2013', 'component', '0101')` → '2013:component:0101'. */
export function categoryKey(edition: Edition, kind: CategoryKind, code: string): string {
  return `${edition}:${kind}:${code}`
}

/**
 * 分类键解析 — splits a category key into edition, kind and code. Throws an Error naming the faulty part, e.g.
 * `category key "2013:component:01001": a 2013 code has 4 digits, got "01001"`.
 */
export function parseCategoryKey(key: string): CategoryKeyParts {
  const fail = (why: string): never => {
    throw new Error(`category key ${JSON.stringify(key)}: ${why}`)
  }
  if (typeof key !== 'string') return fail('expected a string')
  const parts = key.split(':')
  if (parts.length !== 3) return fail(`expected edition:kind:code, got ${parts.length} part(s)`)
  const [edition = '', kind = '', code = ''] = parts
  if (edition !== '2013' && edition !== '2026')
    return fail(`edition must be 2013 or 2026, got ${JSON.stringify(edition)}`)
  if (kind !== 'component' && kind !== 'event') {
    return fail(`kind must be component or event, got ${JSON.stringify(kind)}`)
  }
  if (!isSmallClassCode(edition, code)) {
    return fail(`a ${edition} code has ${CODE_DIGITS[edition]} digits, got ${JSON.stringify(code)}`)
  }
  return { edition, kind, code }
}

/** 分类键 — true when `key` parses as a category key. */
export function isCategoryKey(key: unknown): key is string {
  if (typeof key !== 'string') return false
  try {
    parseCategoryKey(key)
    return true
  } catch {
    return false
  }
}
