import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { COMPONENT_STATUSES, type ComponentStatus } from '../../core/component/types.js'
import { createRng } from '../../gis-data/generator/prng.js'
import { cellSizeFor, createComponentLayer } from './component-layer.js'
import type { LocalChange } from '../sync/feed-records.js'
import type { ComponentPoint } from '../store/local-store.js'
import { silentLog } from '../log.js'
import { sampleComponent } from '../test-support/records.js'

function city(count: number): ComponentPoint[] {
  const rng = createRng(7)
  const out: ComponentPoint[] = []
  for (let i = 0; i < count; i++) {
    out.push({
      id: `3212020100${String(i).padStart(7, '0')}`,
      category: rng.next() < 0.5 ? '2013:component:0101' : '2026:component:01001',
      status: COMPONENT_STATUSES[Math.floor(rng.next() * 5)]!,
      lon: 119.9 + rng.next() * 0.2,
      lat: 32.3 + rng.next() * 0.2,
      gridId: `32120200100100${i % 10}`,
    })
  }
  return out
}

describe('component layer', () => {
  const points = city(20_000)
  const brute = (bbox: readonly number[], statuses?: ComponentStatus[], prefix?: string) =>
    points
      .filter((p) => p.lon >= bbox[0]! && p.lon <= bbox[2]! && p.lat >= bbox[1]! && p.lat <= bbox[3]!)
      .filter((p) => !statuses || statuses.includes(p.status))
      .filter((p) => !prefix || p.category.startsWith(prefix))
      .map((p) => p.id)
      .sort()

  it('answers bbox and filter queries exactly as a scan does', () => {
    const layer = createComponentLayer((visit) => points.forEach(visit), silentLog)
    const rng = createRng(11)
    for (let i = 0; i < 50; i++) {
      const x = 119.9 + rng.next() * 0.18
      const y = 32.3 + rng.next() * 0.18
      const bbox = [x, y, x + rng.next() * 0.05, y + rng.next() * 0.05] as const
      const statuses = i % 3 === 0 ? (['damaged', 'missing'] as ComponentStatus[]) : undefined
      const prefix = i % 4 === 0 ? '2026:component:01' : undefined
      const got = layer.query({
        bbox,
        limit: 1e6,
        ...(statuses ? { statuses } : {}),
        ...(prefix ? { classes: [prefix] } : {}),
      })
      assert.equal(got.kind, 'points')
      if (got.kind === 'points') {
        assert.deepEqual([...got.ids].sort(), brute(bbox, statuses, prefix))
        if (got.ids.length > 0) {
          const p = points.find((q) => q.id === got.ids[0])!
          assert.equal(got.categories[got.category[0]!], p.category)
          assert.equal(COMPONENT_STATUSES[got.status[0]!], p.status)
        }
      }
    }
  })

  it('aggregates into aligned cells when more than the limit match, counting every one', () => {
    const layer = createComponentLayer((visit) => points.forEach(visit), silentLog)
    const bbox = [119.85, 32.25, 120.15, 32.55] as const
    const got = layer.query({ bbox, limit: 1_000 })
    assert.equal(got.kind, 'aggregate')
    if (got.kind !== 'aggregate') return
    assert.equal(got.total, points.length)
    assert.equal(
      got.count.reduce((a, b) => a + b, 0),
      points.length,
    )
    assert.equal(got.cellSize, cellSizeFor(bbox))
    for (const x of got.lon)
      assert.ok(
        Math.abs(x / got.cellSize - 0.5 - Math.round(x / got.cellSize - 0.5)) < 1e-6,
        'cell centres on the aligned lattice',
      )
  })

  it('patches in place for small syncs: moves, new ones, deletions and revivals', () => {
    const layer = createComponentLayer((visit) => points.forEach(visit), silentLog)
    layer.refresh() // loaded before the changes arrive, as after a first sync
    const moved = points[5]!
    const gone = points[6]!
    const change = (c: LocalChange) => layer.apply([c])
    change({
      entity: 'component',
      op: 'upsert',
      id: moved.id,
      value: sampleComponent(moved.id, 121.5, 33.5, { gridId: moved.gridId }),
    })
    change({
      entity: 'component',
      op: 'upsert',
      id: '9999999999999999',
      value: sampleComponent('9999999999999999', 121.5001, 33.5001),
    })
    change({ entity: 'component', op: 'delete', id: gone.id })
    // Ids the compact key cannot hold, and one with leading zeros, come back exactly.
    change({
      entity: 'component',
      op: 'upsert',
      id: 'LEGACY-7',
      value: sampleComponent('LEGACY-7', 121.45, 33.45),
    })
    change({
      entity: 'component',
      op: 'upsert',
      id: '0012345678901234',
      value: sampleComponent('0012345678901234', 121.45, 33.45),
    })
    const odd = layer.query({ bbox: [121.449, 33.449, 121.451, 33.451], limit: 100 })
    assert.ok(odd.kind === 'points')
    assert.deepEqual([...odd.ids].sort(), ['0012345678901234', 'LEGACY-7'])
    change({ entity: 'component', op: 'delete', id: 'LEGACY-7' })
    change({ entity: 'component', op: 'delete', id: '0012345678901234' })
    const far = layer.query({ bbox: [121.4, 33.4, 121.6, 33.6], limit: 100 })
    assert.ok(far.kind === 'points')
    assert.deepEqual([...far.ids].sort(), [moved.id, '9999999999999999'].sort())
    const old = layer.query({
      bbox: [moved.lon - 1e-9, moved.lat - 1e-9, moved.lon + 1e-9, moved.lat + 1e-9],
      limit: 100,
    })
    assert.ok(old.kind === 'points' && !old.ids.includes(moved.id))
    assert.equal(layer.size, points.length)
    change({
      entity: 'component',
      op: 'upsert',
      id: gone.id,
      value: sampleComponent(gone.id, gone.lon, gone.lat, { gridId: gone.gridId }),
    })
    assert.equal(layer.size, points.length + 1)
    assert.equal(
      layer.countInGrid('321202001001000'),
      points.filter((p) => p.gridId === '321202001001000').length,
    )
  })

  it('reloads from the store after a large batch instead of patching', () => {
    let loads = 0
    const big = city(60_000)
    let source = big.slice(0, 100)
    const layer = createComponentLayer((visit) => {
      loads++
      source.forEach(visit)
    }, silentLog)
    assert.equal(layer.size, 100)
    layer.apply(
      big.slice(100, 200).map(
        (p) =>
          ({
            entity: 'component',
            op: 'upsert',
            id: p.id,
            value: sampleComponent(p.id, p.lon, p.lat),
          }) as LocalChange,
      ),
    )
    assert.equal(layer.size, 200, 'a small page is patched in')
    assert.equal(loads, 1)
    source = big
    layer.apply(
      big.slice(200).map(
        (p) =>
          ({
            entity: 'component',
            op: 'upsert',
            id: p.id,
            value: sampleComponent(p.id, p.lon, p.lat),
          }) as LocalChange,
      ),
    )
    assert.equal(layer.size, big.length)
    assert.equal(loads, 2, 'a page past the patch limit makes the layer reload')
  })
})
