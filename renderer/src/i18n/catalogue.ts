/**
 * @module renderer/i18n/catalogue
 * The shape every UI catalogue has: the Chinese catalogue's keys, with string values. Also the key
 * listing the i18n test compares.
 */
import type { zhCN } from './zh-CN.js'

type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> }

/** A UI catalogue: the keys of zh-CN, each a message string. */
export type Catalogue = Strings<typeof zhCN>

/** Every message key of a catalogue as a dotted path ('lookup.grid'), sorted. */
export function catalogueKeys(catalogue: object, prefix = ''): string[] {
  const keys: string[] = []
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (value && typeof value === 'object') keys.push(...catalogueKeys(value as object, path))
    else keys.push(path)
  }
  return keys.sort()
}
