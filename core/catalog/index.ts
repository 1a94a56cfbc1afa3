/**
 * @module core/catalog
 * 分类标准目录 — public surface of the standards catalog: types, category keys, validation, the built-in
 * catalogs of both editions, lookups, local extensions and the 2013 → 2026 crosswalk.
 */
export * from './types.js'
export * from './category-key.js'
export { CatalogError, formatIssue, type CatalogIssue } from './read-json.js'
export { checkCatalog, parseCatalog, catalogKeys, type CatalogCheck } from './validate-catalog.js'
export { builtInCatalogs, builtInCatalog } from './built-in-catalogs.js'
export * from './catalog-index.js'
export * from './extend-catalog.js'
export * from './crosswalk-2013-2026.js'
