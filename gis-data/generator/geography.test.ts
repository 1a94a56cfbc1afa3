import { test } from 'node:test'
import assert from 'node:assert/strict'
import * as turf from '@turf/turf'
import Flatbush from 'flatbush'
import type { Polygon } from 'geojson'
import { parseUnitGridCode } from '../../core/codes/unit-grid-code.js'
import type { UnitGrid } from '../../core/region/types.js'
import { generateCity } from './index.js'
import { createRng } from './prng.js'
import { REFERENCE_POINTS, TAIZHOU_DISTRICTS } from './taizhou.js'

const city = generateCity()
const level = (l: string) => city.regions.filter((r) => r.level === l)

test('the four reference points lie in their districts and in no other', () => {
  for (const point of REFERENCE_POINTS) {
    const hits = level('district').filter((d) =>
      turf.booleanPointInPolygon([point.lon, point.lat], d.geometry),
    )
    assert.deepEqual(
      hits.map((d) => d.code),
      [point.districtCode],
      `${point.lon},${point.lat}`,
    )
  }
  assert.deepEqual(
    level('district').map((d) => d.code),
    TAIZHOU_DISTRICTS.map((d) => d.code),
  )
  assert.equal(level('district').find((d) => d.code === '321271')?.name, '泰州医药高新区')
})

test('districts → streets → communities nest by code, 3–6 streets each, areas adding up', () => {
  const byCode = new Map(city.regions.map((r) => [r.code, r]))
  for (const region of city.regions) {
    if (region.level === 'district') continue
    const parent = byCode.get(region.parentCode ?? '')
    assert.ok(parent && region.code.startsWith(parent.code), `${region.code} has parent ${region.parentCode}`)
    assert.equal(parent.level, region.level === 'street' ? 'district' : 'street')
  }
  for (const district of level('district')) {
    const streets = level('street').filter((s) => s.parentCode === district.code)
    assert.ok(streets.length >= 3 && streets.length <= 6, `${district.name}: ${streets.length} streets`)
    const sum = streets.reduce((a, s) => a + turf.area(s.geometry), 0)
    assert.ok(Math.abs(sum / turf.area(district.geometry) - 1) < 1e-6, `${district.name}: streets fill it`)
  }
  assert.equal(new Set(city.regions.map((r) => r.name)).size, city.regions.length, 'region names are unique')
  for (const region of city.regions) {
    // Each level is grown as one edge-connected piece, so its outline is a single polygon (holes allowed).
    assert.equal(region.geometry.type, 'Polygon', `${region.code} ${region.name} is contiguous`)
    const rings = (region.geometry as Polygon).coordinates
    rings.forEach((ring, k) => {
      assert.deepEqual(ring[0], ring[ring.length - 1], `${region.code}: ring ${k} is closed`)
      // RFC 7946: exterior counter-clockwise, holes clockwise.
      assert.equal(turf.booleanClockwise(ring), k > 0, `${region.code}: ring ${k} orientation`)
    })
  }
})

test('grids tile each community: areas add up within 0.1 % and sampled points hit exactly one grid', () => {
  const index = new Flatbush(city.grids.length)
  for (const grid of city.grids) index.add(...(turf.bbox(grid.geometry) as [number, number, number, number]))
  index.finish()
  const rng = createRng(99)
  for (const community of level('community')) {
    const grids = city.grids.filter((g) => g.communityCode === community.code)
    assert.ok(grids.length >= 1 && grids.length <= 999, `${community.code}: ${grids.length} grids`)
    const sum = grids.reduce((a, g) => a + turf.area(g.geometry), 0)
    const area = turf.area(community.geometry)
    assert.ok(Math.abs(sum / area - 1) < 0.001, `${community.code}: grids ${sum} m² vs community ${area} m²`)
    const [w, s, e, n] = turf.bbox(community.geometry)
    for (let k = 0; k < 40; k++) {
      const p: [number, number] = [w + (e - w) * rng.next(), s + (n - s) * rng.next()]
      if (!turf.booleanPointInPolygon(p, community.geometry)) continue
      const hits = index
        .search(p[0], p[1], p[0], p[1])
        .filter((i) => turf.booleanPointInPolygon(p, city.grids[i]!.geometry))
      assert.equal(hits.length, 1, `${community.code}: point ${p} lies in ${hits.length} grids`)
      assert.equal(city.grids[hits[0]!]!.communityCode, community.code)
    }
  }
})

test('grid ids parse, extend their community code, and run west→east, north→south', () => {
  assert.equal(new Set(city.grids.map((g) => g.id)).size, city.grids.length, 'grid ids are unique')
  const byCommunity = new Map<string, UnitGrid[]>()
  for (const grid of city.grids) {
    const parsed = parseUnitGridCode(grid.id)
    assert.ok(parsed.ok, grid.id)
    assert.equal(parsed.value.communityCode, grid.communityCode)
    const list = byCommunity.get(grid.communityCode) ?? []
    list.push(grid)
    byCommunity.set(grid.communityCode, list)
  }
  const corner = (g: UnitGrid) => {
    const [w, , , n] = turf.bbox(g.geometry as Polygon)
    return { w, n }
  }
  for (const [code, grids] of byCommunity) {
    grids.sort((a, b) => a.id.localeCompare(b.id))
    grids.forEach((g, k) =>
      assert.equal(Number(g.id.slice(12)), k + 1, `${code}: sequences run 1…n without gaps`),
    )
    for (let k = 1; k < grids.length; k++) {
      const a = corner(grids[k - 1]!)
      const b = corner(grids[k]!)
      assert.ok(b.n < a.n || (b.n === a.n && b.w > a.w), `${grids[k]!.id} comes after ${grids[k - 1]!.id}`)
    }
  }
})

test('area classes: A in the core, C at the fringe, all three present in every district', () => {
  for (const district of TAIZHOU_DISTRICTS) {
    const classes = new Set(city.grids.filter((g) => g.id.startsWith(district.code)).map((g) => g.areaClass))
    assert.deepEqual([...classes].sort(), ['A', 'B', 'C'], district.name)
  }
})

test('a larger city keeps exact grid counts and communities within the 3-digit sequence', () => {
  const larger = generateCity({ seed: 3, scale: { targetGrids: 8_000, components: 2_000 } })
  assert.equal(larger.grids.length, 8_000)
  assert.equal(larger.components.length, 2_000)
  const sizes = new Map<string, number>()
  for (const grid of larger.grids) sizes.set(grid.communityCode, (sizes.get(grid.communityCode) ?? 0) + 1)
  assert.equal(sizes.size, larger.meta.counts.communities)
  for (const [code, size] of sizes) assert.ok(size <= 999, `${code}: ${size} grids`)
})
