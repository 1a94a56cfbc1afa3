import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { DATABASES, openTestDatabase } from '../../test/databases.js'
import type { OpenDatabase } from './connect.js'
import { readChanges, recordChanges, type FeedChange } from './changes.js'

for (const backend of DATABASES) {
  describe(`change feed on ${backend.name}`, () => {
    let open: OpenDatabase
    before(async () => {
      open = await openTestDatabase(backend)
    })
    after(() => open.close())

    test('pages in commit order, one row per entity in its latest state, with tombstones', async () => {
      await open.db.transaction().execute((trx) =>
        recordChanges(trx, [
          { entity: 'unit_grid', id: 'g1', op: 'upsert', data: { v: 1 } },
          { entity: 'unit_grid', id: 'g2', op: 'upsert', data: { v: 1 } },
          { entity: 'component', id: 'c1', op: 'upsert', data: { v: 1 } },
        ]),
      )
      const first = await readChanges(open.db, { since: '0', limit: 2 })
      assert.deepEqual(first.changes.map((c) => c.id), ['g1', 'g2'])
      assert.equal(first.hasMore, true)
      await open.db.transaction().execute((trx) =>
        recordChanges(trx, [
          { entity: 'unit_grid', id: 'g1', op: 'upsert', data: { v: 2 } },
          { entity: 'unit_grid', id: 'g2', op: 'delete' },
        ]),
      )
      const rest = await readChanges(open.db, { since: first.cursor, limit: 10 })
      assert.deepEqual(
        rest.changes.map((c) => [c.id, c.op, c.data]),
        [
          ['c1', 'upsert', { v: 1 }],
          ['g1', 'upsert', { v: 2 }],
          ['g2', 'delete', null],
        ],
      )
      assert.equal(rest.hasMore, false)
      const again = await readChanges(open.db, { since: rest.cursor, limit: 10 })
      assert.deepEqual([again.changes.length, again.cursor], [0, rest.cursor])
      const gridsOnly = await readChanges(open.db, { since: '0', limit: 10, entities: ['component'] })
      assert.deepEqual(gridsOnly.changes.map((c) => c.id), ['c1'])
    })

    test('pages follow numeric seq order across digit-count boundaries (9 → 10, 99 → 100)', async () => {
      await open.db.transaction().execute((trx) =>
        recordChanges(
          trx,
          Array.from({ length: 120 }, (_, i) => ({ entity: 'region' as const, id: `r${i}`, op: 'upsert' as const, data: i })),
        ),
      )
      const seqs: bigint[] = []
      let since = '0'
      for (let more = true; more; ) {
        const page = await readChanges(open.db, { since, limit: 7 })
        seqs.push(...page.changes.map((c) => BigInt(c.seq)))
        since = page.cursor
        more = page.hasMore
      }
      assert.ok(seqs.length >= 120)
      for (let i = 1; i < seqs.length; i++) assert.ok(seqs[i]! > seqs[i - 1]!, `seq ${seqs[i]} after ${seqs[i - 1]}`)
    })

    test('a rolled-back transaction leaves nothing in the feed', async () => {
      const before = await readChanges(open.db, { since: '0', limit: 10_000 })
      await assert.rejects(
        open.db.transaction().execute(async (trx) => {
          await recordChanges(trx, [{ entity: 'component', id: 'ghost', op: 'upsert', data: {} }])
          throw new Error('abort')
        }),
        /abort/,
      )
      const afterAbort = await readChanges(open.db, { since: '0', limit: 10_000 })
      assert.equal(afterAbort.changes.length, before.changes.length)
      assert.ok(!afterAbort.changes.some((c) => c.id === 'ghost'))
    })

    test('a reader following the cursor never skips a change, even with concurrent writers', async () => {
      // Writers commit in random order with random delays while a reader follows the cursor. Every id the
      // writers committed must reach the reader. Without the change-feed lock, a writer that drew a lower
      // seq but committed later would be stepped over (on PostgreSQL; PGlite runs one transaction at a time).
      const writers = 6
      const perWriter = 8
      const seen = new Set<string>()
      let cursor = (await readChanges(open.db, { since: '0', limit: 10_000 })).cursor
      let done = false
      const reader = (async () => {
        while (!done) {
          const page = await readChanges(open.db, { since: cursor, limit: 50 })
          page.changes.forEach((c: FeedChange) => seen.add(c.id))
          cursor = page.cursor
          await new Promise((r) => setTimeout(r, 1))
        }
      })()
      await Promise.all(
        Array.from({ length: writers }, (_, w) =>
          (async () => {
            for (let i = 0; i < perWriter; i++) {
              await open.db.transaction().execute(async (trx) => {
                await recordChanges(trx, [{ entity: 'component', id: `w${w}-${i}`, op: 'upsert', data: { w, i } }])
                await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 8)))
              })
            }
          })(),
        ),
      )
      done = true
      await reader
      const last = await readChanges(open.db, { since: cursor, limit: 10_000 })
      last.changes.forEach((c) => seen.add(c.id))
      for (let w = 0; w < writers; w++) for (let i = 0; i < perWriter; i++) assert.ok(seen.has(`w${w}-${i}`), `w${w}-${i} was skipped`)
    })
  })
}
