import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { openLocalStore } from './local-store.js'
import { silentLog } from '../log.js'
import { runChild } from '../test-support/child.js'
import { sampleComponent, sampleRegion } from '../test-support/records.js'

const root = mkdtempSync(join(tmpdir(), 'cityloop-store-'))
after(() => rmSync(root, { recursive: true, force: true }))
let n = 0
const fresh = () => join(root, `s${n++}`, 'cityloop.sqlite')

describe('local store', () => {
  it('persists a page with its cursor and reopens with both', async () => {
    const file = fresh()
    const store = await openLocalStore({ file, log: silentLog })
    store.applyPage(
      'reference',
      [{ entity: 'region', op: 'upsert', id: '321202', value: sampleRegion('321202', '海陵区') }],
      '7',
    )
    store.applyPage(
      'components',
      [
        {
          entity: 'component',
          op: 'upsert',
          id: '3212020101000001',
          value: sampleComponent('3212020101000001', 119.95, 32.45),
        },
        {
          entity: 'component',
          op: 'upsert',
          id: '3212020101000002',
          value: sampleComponent('3212020101000002', 119.96, 32.46),
        },
      ],
      '9',
    )
    assert.equal(store.counts().component, 2)
    await store.close()

    const again = await openLocalStore({ file, log: silentLog })
    assert.equal(again.cursor('reference'), '7')
    assert.equal(again.cursor('components'), '9')
    assert.deepEqual(again.counts(), {
      catalog_class: 0,
      region: 1,
      unit_grid: 0,
      responsible_unit: 0,
      routing_rule: 0,
      component: 2,
      case: 0,
    })
    assert.equal(again.regions()[0]!.name, '海陵区')
    assert.deepEqual(again.component('3212020101000002'), sampleComponent('3212020101000002', 119.96, 32.46))
    assert.deepEqual(
      again.componentsWithPrefix('32120201010', 10).map((c) => c.id),
      ['3212020101000001', '3212020101000002'],
    )
    await again.close()
  })

  it('keeps counts exact through replacements and tombstones', async () => {
    const store = await openLocalStore({ file: fresh(), log: silentLog })
    const c = (id: string, status: 'intact' | 'damaged' = 'intact') =>
      ({ entity: 'component', op: 'upsert', id, value: sampleComponent(id, 120, 32.4, { status }) }) as const
    store.applyPage('components', [c('1000000000000001'), c('1000000000000002')], '2')
    store.applyPage(
      'components',
      [c('1000000000000001', 'damaged'), { entity: 'component', op: 'delete', id: '1000000000000002' }],
      '4',
    )
    store.applyPage('components', [{ entity: 'component', op: 'delete', id: '1000000000000009' }], '5')
    assert.equal(store.counts().component, 1)
    assert.equal(store.component('1000000000000001')!.status, 'damaged')
    assert.equal(store.component('1000000000000002'), undefined)
    assert.equal(store.cursor('components'), '5')
    await store.close()
  })

  it('rolls a failing page back whole, cursor included', async () => {
    const store = await openLocalStore({ file: fresh(), log: silentLog })
    store.applyPage(
      'reference',
      [{ entity: 'region', op: 'upsert', id: '321202', value: sampleRegion('321202', 'a') }],
      '1',
    )
    assert.throws(() =>
      store.applyPage(
        'reference',
        [
          { entity: 'region', op: 'upsert', id: '321203', value: sampleRegion('321203', 'b') },
          // A component in the reference stream is a bug: the whole page must be refused.
          {
            entity: 'component',
            op: 'upsert',
            id: '1000000000000001',
            value: sampleComponent('1000000000000001', 120, 32),
          },
        ],
        '3',
      ),
    )
    assert.equal(store.cursor('reference'), '1')
    assert.equal(store.counts().region, 1)
    assert.deepEqual(
      store.regions().map((r) => r.code),
      ['321202'],
    )
    await store.close()
  })

  it('leaves the old file whole when the process dies between fsync and rename', async () => {
    const file = fresh()
    const first = await runChild('store-child.ts', [file, 'v1', '0'])
    assert.equal(first.code, 0, first.stderr)
    const crashed = await runChild('store-child.ts', [file, 'v2', '1'])
    assert.equal(
      crashed.signal,
      'SIGKILL',
      `expected the writer to kill the process; got ${crashed.code} ${crashed.stderr}`,
    )
    assert.ok(!crashed.stdout.includes('flushed'))
    const folder = join(file, '..')
    assert.equal(
      readdirSync(folder).filter((f) => f.endsWith('.tmp')).length,
      1,
      'the unfinished snapshot is left behind',
    )

    const store = await openLocalStore({ file, log: silentLog })
    assert.equal(store.regions()[0]!.name, 'v1', 'the previous snapshot is intact')
    assert.equal(store.cursor('reference'), '1')
    assert.equal(
      readdirSync(folder).filter((f) => f.endsWith('.tmp')).length,
      0,
      'opening removes the leftover',
    )
    await store.close()
  })

  it('debounces snapshots and flushes on close', async () => {
    const file = fresh()
    const store = await openLocalStore({ file, log: silentLog, persistDelayMs: 50 })
    const writesAtOpen = store.persistStats.writes
    for (let i = 0; i < 5; i++) {
      store.applyPage(
        'reference',
        [{ entity: 'region', op: 'upsert', id: `32120${i}`, value: sampleRegion(`32120${i}`, `r${i}`) }],
        String(i + 1),
      )
      store.persistSoon()
    }
    // The snapshot lands after the 50 ms quiet time plus the write; on a loaded machine that can take a while.
    for (let waited = 0; store.persistStats.writes === writesAtOpen && waited < 10_000; waited += 20) {
      await new Promise((r) => setTimeout(r, 20))
    }
    await new Promise((r) => setTimeout(r, 200))
    assert.equal(store.persistStats.writes - writesAtOpen, 1, 'five quick pages, one snapshot')
    store.applyPage(
      'reference',
      [{ entity: 'region', op: 'upsert', id: '321209', value: sampleRegion('321209', 'last') }],
      '9',
    )
    await store.close()
    const again = await openLocalStore({ file, log: silentLog })
    assert.equal(again.cursor('reference'), '9')
    assert.equal(again.counts().region, 6)
    await again.close()
  })

  it('sets an unreadable file aside and starts empty', async () => {
    const file = fresh()
    const store = await openLocalStore({ file, log: silentLog })
    await store.close()
    writeFileSync(file, 'this is not a database')
    const again = await openLocalStore({ file, log: silentLog })
    assert.equal(again.cursor('reference'), '0')
    assert.ok(readdirSync(join(file, '..')).some((f) => f.includes('.corrupt-')))
    await again.close()
    assert.ok(existsSync(file))
  })
})
