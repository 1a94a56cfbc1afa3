/**
 * @module core/catalog/built-in-catalogs
 * 内置分类标准目录 — the two committed data files (core/catalog/data/*.json), parsed and validated once.
 * The JSON files are the source of truth; core/catalog/authoring/ only helps write them.
 */
import data2013 from './data/gbt-30428.2-2013.json' with { type: 'json' }
import data2026 from './data/gbt-47678.5-2026.json' with { type: 'json' }
import type { Catalog, Edition } from './types.js'
import { parseCatalog } from './validate-catalog.js'

let cache: readonly Catalog[] | undefined

/**
 * 内置目录 — GB/T 30428.2-2013 and GB/T 47678.5-2026, oldest first. Parsed on first use (a bad data file
 * throws a CatalogError naming the path) and shared afterwards; the catalogs are deeply frozen.
 */
export function builtInCatalogs(): readonly Catalog[] {
  cache ??= Object.freeze([parseCatalog(data2013), parseCatalog(data2026)])
  return cache
}

/** 内置目录 — the built-in catalog of one edition. */
export function builtInCatalog(edition: Edition): Catalog {
  const found = builtInCatalogs().find((c) => c.edition === edition)
  if (!found) throw new Error(`no built-in catalog for edition ${edition}`)
  return found
}
