import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { createCityQueries } from '../map/city-queries.js'
import { openLocalStore, type LocalStore } from '../store/local-store.js'
import { silentLog } from '../log.js'
import { createSyncService, type SyncServiceOptions } from './sync-service.js'
import { startTestCentral, type TestCentral } from '../test-support/central.js'
import {
  deleteComponent,
  dropCatalogClass,
  readComponent,
  setGridAreaClass,
  updateComponent,
} from '../test-support/central-edits.js'
import { flushedBy, runChild } from '../test-support/child.js'
import { assertMirrors } from '../test-support/mirror.js'

// One central per file: each test works on its own store, and the tests that edit the central run last.
let central: TestCentral
const root = mkdtempSync(join(tmpdir(), 'cityloop-sync-'))
let n = 0
const freshFile = () => join(root, `w${n++}`, 'cityloop.sqlite')

before(async () => {
  central = await startTestCentral()
})
after(async () => {
  await central?.close()
  rmSync(root, { recursive: true, force: true })
})

function sync(store: LocalStore, more: Partial<SyncServiceOptions> = {}) {
  return createSyncService({ store, centralUrl: central.url, log: silentLog, ...more })
}

describe('sync from the change feed', () => {
  it('copies the whole demo city on a first run, reference data before components', async () => {
    const store = await openLocalStore({ file: freshFile(), log: silentLog })
    const order: string[] = []
    const status = await sync(store, {
      pageSize: 2_000,
      onPage: (p) => {
        if (order.at(-1) !== p.stream) order.push(p.stream)
      },
    }).run()
    assert.equal(status.state, 'idle')
    assert.equal(status.lastError, null)
    assert.equal(status.phase, 'incremental')
    assert.ok(status.dataAsOf)
    assert.deepEqual(order, ['reference', 'components'])
    assert.equal(status.counts.component, central.counts.components)
    assert.equal(status.counts.unit_grid, central.counts.grids)
    await assertMirrors(store, central.open.db)
    await store.close()
  })

  it('reports an unreachable central as offline and keeps what it had', async () => {
    const store = await openLocalStore({ file: freshFile(), log: silentLog })
    const status = await createSyncService({ store, centralUrl: 'http://127.0.0.1:9', log: silentLog }).run()
    assert.equal(status.state, 'offline')
    assert.equal(status.lastError?.code, 'UNAVAILABLE')
    assert.equal(status.phase, 'initial')
    assert.equal(store.cursor('reference'), '0')
    await store.close()
  })

  it('retries a page whose connection was reset, instead of stopping the run', async () => {
    const store = await openLocalStore({ file: freshFile(), log: silentLog })
    let calls = 0
    const flaky: typeof fetch = async (input, init) => {
      calls++
      if (calls === 2) throw new TypeError('fetch failed', { cause: new Error('read ECONNRESET') })
      return fetch(input, init)
    }
    const status = await sync(store, { pageSize: 3_000, fetch: flaky }).run()
    assert.equal(status.lastError, null)
    assert.equal(status.counts.component, central.counts.components)
    await store.close()
  })

  for (const killAfter of [3, 10]) {
    it(`resumes after the process is killed between pages (after page ${killAfter}) and skips nothing`, async () => {
      const file = freshFile()
      const pageSize = 700
      const child = await runChild('sync-child.ts', [
        file,
        central.url,
        'all',
        String(pageSize),
        String(killAfter),
      ])
      assert.equal(
        child.signal,
        'SIGKILL',
        `the child should have been killed: ${child.stdout} ${child.stderr}`,
      )
      const flushed = flushedBy(child.stdout)

      const store = await openLocalStore({ file, log: silentLog })
      // The page applied in memory after the snapshot is gone; the snapshot's data and cursors agree.
      assert.equal(store.cursor('reference'), flushed.cursors.reference)
      assert.equal(store.cursor('components'), flushed.cursors.components)
      const counts = store.counts()
      const held =
        counts.catalog_class +
        counts.region +
        counts.unit_grid +
        counts.responsible_unit +
        counts.routing_rule +
        counts.component
      const c = central.counts
      const reference = c.catalogClasses + c.regions + c.grids + c.units + c.rules
      const referencePages = Math.ceil(reference / pageSize)
      const expected =
        killAfter <= referencePages
          ? Math.min(killAfter * pageSize, reference)
          : reference + (killAfter - referencePages) * pageSize
      assert.equal(held, expected, 'exactly the pages up to the snapshot')

      let pages = 0
      const status = await sync(store, { pageSize, onPage: () => void pages++ }).run()
      assert.equal(status.lastError, null)
      assert.ok(pages >= 2 && pages < 15, `resumed, not restarted (${pages} pages)`)
      await assertMirrors(store, central.open.db)
      await store.close()
    })
  }

  it('applies later edits incrementally: updates, moves, tombstones, also ones made while it pages', async () => {
    const store = await openLocalStore({ file: freshFile(), log: silentLog })
    const queries = createCityQueries({ store, log: silentLog })
    const onPage: SyncServiceOptions['onPage'] = (p) => queries.apply(p.changes)
    await sync(store, { onPage }).run()
    queries.refresh()
    const db = central.open.db

    const ids = (await db.selectFrom('component').select('id').orderBy('id').execute()).map((r) => r.id)
    const [movedId, deletedId, damagedId, lateId] = [ids[0]!, ids[1]!, ids[2]!, ids[ids.length - 1]!]
    const original = await readComponent(db, movedId)
    const moved = await updateComponent(db, movedId, { lon: original.lon + 0.002, lat: original.lat + 0.001 })
    await deleteComponent(db, deletedId)
    await updateComponent(db, damagedId, { status: 'damaged' })
    const grid = await db
      .selectFrom('unit_grid')
      .select(['id', 'area_class'])
      .orderBy('id')
      .executeTakeFirstOrThrow()
    const newClass = grid.area_class === 'C' ? 'A' : 'C'
    await setGridAreaClass(db, grid.id, newClass)
    await dropCatalogClass(db, '0199')

    // While the second run pages through components, edit one it has passed and one it has not reached.
    let edited = false
    const status = await sync(store, {
      pageSize: 2,
      onPage: async (p) => {
        queries.apply(p.changes)
        if (!edited && p.stream === 'components') {
          edited = true
          await updateComponent(db, movedId, { name: 'moved twice' })
          await updateComponent(db, lateId, { status: 'missing' })
        }
      },
    }).run()
    assert.equal(status.lastError, null)
    assert.ok(edited)
    await assertMirrors(store, db)

    assert.equal(store.component(deletedId), undefined)
    assert.equal(store.component(damagedId)!.status, 'damaged')
    assert.equal(store.component(lateId)!.status, 'missing')
    assert.equal(store.component(movedId)!.name, 'moved twice')
    assert.equal(
      store.classes().some((c) => c.key === '2013:component:0199'),
      false,
      'the tombstone removed the class',
    )

    // The in-memory indexes followed the same pages.
    const near = (lon: number, lat: number) => [lon - 1e-6, lat - 1e-6, lon + 1e-6, lat + 1e-6] as const
    const at = (lon: number, lat: number) => queries.components({ bbox: near(lon, lat), zoom: 18 })
    const atNew = at(moved.lon, moved.lat)
    assert.ok(atNew.kind === 'points' && atNew.ids.includes(movedId), 'found at its new position')
    const atOld = at(original.lon, original.lat)
    assert.ok(atOld.kind === 'points' && !atOld.ids.includes(movedId), 'gone from its old position')
    assert.equal(queries.componentLayer.size, central.counts.components - 1)
    assert.equal(queries.byGridId(grid.id).areaClass, newClass)
    assert.throws(() => queries.catalogGet('2013:component:0199'), /unknown category/)
    await store.close()
  })
})
