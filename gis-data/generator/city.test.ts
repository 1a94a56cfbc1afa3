import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEMO_DIR, loadDemoCity } from '../demo-city.js'
import { generateCity } from './index.js'
import { CITY_FILES, writeCity } from './write.js'

const city = generateCity()

test('the same seed gives the same city; another seed gives another', () => {
  assert.deepEqual(generateCity(), city)
  const other = generateCity({ seed: 7 })
  assert.notDeepEqual(
    other.grids.map((g) => g.id),
    city.grids.map((g) => g.id),
  )
})

test('the committed demo files are exactly what the generator writes (regenerate: npx tsx gis-data/generate.ts)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cityloop-demo-'))
  try {
    writeCity(city, dir)
    const names = Object.values(CITY_FILES).sort()
    assert.deepEqual(readdirSync(dir).sort(), names)
    for (const name of names) {
      const fresh = readFileSync(join(dir, name))
      const committed = readFileSync(join(DEMO_DIR, name))
      assert.ok(fresh.equals(committed), `${name} differs from gis-data/demo/${name}`)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('loadDemoCity reads the committed files back into the generated city', () => {
  assert.deepEqual(loadDemoCity(), city)
})

test('meta counts match the content, and the demo is the size promised', () => {
  const { counts } = city.meta
  assert.equal(counts.grids, city.grids.length)
  assert.equal(counts.components, city.components.length)
  assert.equal(counts.communities, city.regions.filter((r) => r.level === 'community').length)
  assert.equal(counts.units, city.units.length)
  assert.equal(counts.routingRules, city.routingRules.length)
  assert.ok(counts.grids >= 4_000 && counts.grids <= 6_000, `demo grids ${counts.grids}`)
  assert.ok(counts.components >= 3_000 && counts.components <= 5_000, `demo components ${counts.components}`)
  const [w, s, e, n] = city.meta.bbox
  assert.ok(w > 119.7 && e < 120.3 && s > 32.2 && n < 32.7, 'the city lies around 泰州')
})
