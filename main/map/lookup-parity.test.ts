import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { fromCgcs2000 } from '../../core/geo/china-crs.js'
import { createRng } from '../../gis-data/generator/prng.js'
import { createCityQueries, type CityQueries } from './city-queries.js'
import { openLocalStore, type LocalStore } from '../store/local-store.js'
import { silentLog } from '../log.js'
import { createSyncService } from '../sync/sync-service.js'
import { startTestCentral, type TestCentral } from '../test-support/central.js'

// The workstation answers offline from its synced copy; it must answer exactly what the central API does.
let central: TestCentral
let store: LocalStore
let queries: CityQueries
const root = mkdtempSync(join(tmpdir(), 'cityloop-parity-'))

interface ServerLocate {
  grid: { id: string; areaClass: string } | null
  community: { code: string; name: string; nameEn: string } | null
  street: { code: string; name: string; nameEn: string } | null
  district: { code: string; name: string; nameEn: string } | null
  responsible: {
    unit: { id: string }
    basis: { kind: string; ruleId?: string; unitType?: string }
    conditions: { id: string; limit: unknown }[]
  }[]
}

before(async () => {
  central = await startTestCentral()
  store = await openLocalStore({ file: join(root, 'cityloop.sqlite'), log: silentLog })
  await createSyncService({ store, centralUrl: central.url, log: silentLog }).run()
  queries = createCityQueries({ store, log: silentLog })
})
after(async () => {
  await store?.close()
  await central?.close()
  rmSync(root, { recursive: true, force: true })
})

async function serverLocate(lon: number, lat: number, category?: string): Promise<ServerLocate> {
  const res = await fetch(
    `${central.url}/api/v1/locate?lon=${lon}&lat=${lat}${category ? `&category=${encodeURIComponent(category)}` : ''}`,
  )
  assert.equal(res.status, 200, await res.clone().text())
  return (await res.json()) as ServerLocate
}

function samplePoints(): [number, number][] {
  const extent = queries.extent()!
  const rng = createRng(0x9a11)
  const points: [number, number][] = []
  // Anywhere in the city's box: grids, gaps between them, outside every district.
  for (let i = 0; i < 120; i++)
    points.push([
      extent[0] + rng.next() * (extent[2] - extent[0]),
      extent[1] + rng.next() * (extent[3] - extent[1]),
    ])
  // Grid corners and edge midpoints: the shared-boundary tie-break must agree too.
  const grids = store.grids()
  for (let i = 0; i < 60; i++) {
    const ring = grids[Math.floor(rng.next() * grids.length)]!.geometry.coordinates[0]!
    const [a, b] = [ring[0]!, ring[1]!]
    points.push([a[0]!, a[1]!], [(a[0]! + b[0]!) / 2, (a[1]! + b[1]!) / 2])
  }
  return points
}

describe('offline lookup parity with the central API', () => {
  it('locates 240 sample points exactly as /api/v1/locate does', async () => {
    let inGrid = 0
    for (const [lon, lat] of samplePoints()) {
      const server = await serverLocate(lon, lat)
      const local = queries.locate(lon, lat)
      assert.deepEqual(
        { grid: local.grid, community: local.community, street: local.street, district: local.district },
        { grid: server.grid, community: server.community, street: server.street, district: server.district },
        `at ${lon},${lat}`,
      )
      if (local.grid) inGrid++
    }
    assert.ok(inGrid > 100, `the sample should mostly hit grids (${inGrid})`)
  })

  it('names the same responsible unit, basis and time limits for a spread of categories', async () => {
    const categories = [
      '2013:component:0101',
      '2013:component:0199',
      '2026:component:01001',
      '2026:event:06010',
      '2013:event:0101',
    ].filter((key) => store.classes().some((c) => c.key === key))
    assert.ok(categories.length >= 3, categories.join())
    const points = samplePoints().filter((_, i) => i % 6 === 0)
    for (const category of categories) {
      for (const [lon, lat] of points) {
        const server = (await serverLocate(lon, lat, category)).responsible[0]!
        const local = queries.responsible(lon, lat, category)
        assert.equal(local.unit.id, server.unit.id, `${category} at ${lon},${lat}`)
        assert.deepEqual(local.basis, server.basis)
        assert.deepEqual(
          local.conditions.map((c) => ({ id: c.id, limit: c.limit })),
          server.conditions.map((c) => ({ id: c.id, limit: c.limit })),
        )
      }
    }
  })

  it('converts GCJ-02 input before locating', () => {
    const grid = store.grids()[42]!
    const ring = grid.geometry.coordinates[0]!
    const center: [number, number] = [(ring[0]![0]! + ring[2]![0]!) / 2, (ring[0]![1]! + ring[2]![1]!) / 2]
    const [gLon, gLat] = fromCgcs2000(center[0], center[1], 'GCJ02')
    assert.equal(queries.locate(gLon, gLat, 'gcj02').grid?.id, grid.id)
    assert.notEqual(
      queries.locate(gLon, gLat).grid?.id,
      grid.id,
      'read as CGCS2000 the offset point lands elsewhere',
    )
  })

  it('finds regions by name, ids by their digits and places by coordinates', () => {
    const district = store.regions().find((r) => r.level === 'district')!
    const byName = queries.find(district.name.slice(0, 2))
    assert.equal(byName[0]?.kind === 'region' && byName[0].code, district.code)
    const byEnglish = queries.find(district.nameEn.toLowerCase())
    assert.ok(byEnglish.some((h) => h.kind === 'region' && h.code === district.code))

    const grid = store.grids()[7]!
    assert.deepEqual(
      queries.find(grid.id).map((h) => h.kind === 'grid' && h.id),
      [grid.id],
    )
    const street = grid.communityCode.slice(0, 9)
    const byStreet = queries.find(street, { limit: 5 })
    assert.equal(byStreet[0]?.kind, 'region', 'the street itself first')
    assert.ok(byStreet.slice(1).every((h) => h.kind === 'grid' && h.id.startsWith(street)))

    let componentId = ''
    store.eachComponent((c) => void (componentId ||= c.id))
    assert.deepEqual(
      queries.find(componentId).map((h) => h.kind === 'component' && h.id),
      [componentId],
    )

    const ring = grid.geometry.coordinates[0]!
    const [lon, lat] = [(ring[0]![0]! + ring[2]![0]!) / 2, (ring[0]![1]! + ring[2]![1]!) / 2]
    const [hit] = queries.find(`${lat}, ${lon}`)
    assert.ok(
      hit?.kind === 'coordinate' && hit.location.grid?.id === grid.id && hit.label.includes('lat, lon'),
    )
    const [gLon, gLat] = fromCgcs2000(lon, lat, 'GCJ02')
    const [gcj] = queries.find(`${gLon},${gLat}`, { crs: 'gcj02' })
    assert.ok(gcj?.kind === 'coordinate' && gcj.location.grid?.id === grid.id)
    assert.deepEqual(queries.find('  '), [])
  })
})
