/**
 * Reads what an operator typed into the map's search box: coordinates, an id (or the start of one), or a
 * name. Pure: the lookups happen in city-queries.ts.
 */
import { isInChina } from '../../core/geo/china-crs.js'

/** What the text looks like. */
export type SearchIntent =
  /** Two numbers; `swapped` when they were typed latitude first (told apart by China's ranges). */
  | { readonly kind: 'coordinate'; readonly lon: number; readonly lat: number; readonly swapped: boolean }
  /** Only digits: a grid id (15), component id (16/17), region code (6/9/12) or the start of one. */
  | { readonly kind: 'digits'; readonly digits: string }
  /** Anything else: a name. */
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'empty' }

const NUMBER = String.raw`[-+]?\d{1,3}(?:\.\d+)?`
// "120.1,32.4", "120.1 32.4", "120.1，32.4" (full-width comma), "120.1, 32.4", "(120.1, 32.4)".
const COORDINATE = new RegExp(String.raw`^\(?\s*(${NUMBER})\s*(?:[,，;；]\s*|\s+)(${NUMBER})\s*\)?$`)

/** Classifies the search text (trimmed, full-width digits and spaces folded by NFKC). */
export function readSearchText(input: string): SearchIntent {
  const text = input.normalize('NFKC').trim()
  if (text === '') return { kind: 'empty' }
  if (/^\d+$/.test(text)) return { kind: 'digits', digits: text }
  const m = COORDINATE.exec(text)
  if (m) {
    const a = Number(m[1])
    const b = Number(m[2])
    if (Math.abs(a) <= 180 && Math.abs(b) <= 90 && !(isInChina(b, a) && !isInChina(a, b))) {
      return { kind: 'coordinate', lon: a, lat: b, swapped: false }
    }
    if (Math.abs(b) <= 180 && Math.abs(a) <= 90) return { kind: 'coordinate', lon: b, lat: a, swapped: true }
  }
  return { kind: 'text', text }
}

/** Lower-cased NFKC form for name matching. */
export function normalizeName(text: string): string {
  return text.normalize('NFKC').toLowerCase().trim()
}

/** How well `name` matches `query` (both normalised): 3 equal, 2 prefix, 1 contains, 0 not at all. */
export function nameScore(name: string, query: string): number {
  if (name === query) return 3
  if (name.startsWith(query)) return 2
  return name.includes(query) ? 1 : 0
}
