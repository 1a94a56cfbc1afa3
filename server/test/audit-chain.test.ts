import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { loadDemoCity } from '../../gis-data/demo-city.js'
import type { DemoCity } from '../../gis-data/generator/index.js'
import { actOnCaseOnce } from '../src/commands/act-on-case.js'
import { verifyCaseChains, eventHash, canonicalJson } from '../src/db/case-chain.js'
import type { OpenDatabase } from '../src/db/connect.js'
import * as evidence from '../src/db/migrations/0004-evidence.js'
import { actorOfUser } from '../src/db/users.js'
import { seedDemoCity } from '../src/demo/demo.js'
import { createCaseRulesCache } from '../src/services/case-rules.js'
import { createCityModelCache } from '../src/services/city-model.js'
import { buildApp } from '../src/app.js'
import { DATABASES, openTestDatabase } from './databases.js'
import { signIn } from './helpers.js'

// 操作记录防篡改: every case's events chain by hash; tampering a DBA does around the append-only trigger
// (an edit, a deletion, a forged event) shows in verify-audit, naming the case and the event.

function haiLing(): DemoCity {
  const city = loadDemoCity()
  return { ...city, grids: city.grids.filter((g) => g.id.startsWith('321202')), components: city.components.filter((c) => c.gridId.startsWith('321202')).slice(0, 50) }
}

const NOW = new Date('2026-11-26T10:30:00+08:00')

/** Runs `statement` as a DBA would: with the append-only trigger set aside for it. */
async function asDba(open: OpenDatabase, statement: ReturnType<typeof sql>) {
  await open.db.transaction().execute(async (trx) => {
    await sql`alter table case_event disable trigger case_event_no_change`.execute(trx)
    await statement.execute(trx)
    await sql`alter table case_event enable trigger case_event_no_change`.execute(trx)
  })
}

test('canonical JSON sorts keys at every depth and hashes the same content the same', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: 'x' }, u: undefined }), '{"a":{"c":"x","d":[2,{"y":null,"z":1}]},"b":1}')
  const e = { case_id: 'c', seq: 1, version: 1, type: 'create', at: '2026-01-01T00:00:00.000Z', actor_id: 'a', role: 'receiver', from_status: null, to_status: 'x', payload: { b: 1, a: 2 }, photo_ids: [], prev_hash: null }
  assert.equal(eventHash(e), eventHash({ ...e, payload: { a: 2, b: 1 }, at: new Date(e.at) }))
  assert.notEqual(eventHash(e), eventHash({ ...e, payload: { a: 2, b: 2 } }))
  assert.notEqual(eventHash(e), eventHash({ ...e, prev_hash: 'f'.repeat(64) }))
})

for (const backend of DATABASES) {
  describe(`case event chain on ${backend.name}`, () => {
    let open: OpenDatabase
    let cases: { id: string; number: string; event_seq: number }[]

    before(async () => {
      open = await openTestDatabase(backend)
      await seedDemoCity(open.db, haiLing(), {}, { cases: { count: 20, days: 5, now: NOW } })
      cases = await open.db.selectFrom('case_file').select(['id', 'number', 'event_seq']).where('event_seq', '>=', 4).orderBy('number').execute()
      assert.ok(cases.length >= 4, 'the demo history has cases with a few events')
    })
    after(async () => open?.close())

    test('the demo history, filed through the commands, is one whole chain per case', async () => {
      const r = await verifyCaseChains(open.db, { pageSize: 7 })
      assert.deepEqual(r.breaks, [])
      assert.equal(r.cases, 20)
      const n = await sql<{ n: string }>`select count(*)::text as n from case_event`.execute(open.db)
      assert.equal(r.events, Number(n.rows[0]!.n))
      const first = await open.db.selectFrom('case_event').select(['prev_hash', 'hash']).where('case_id', '=', cases[0]!.id).orderBy('seq').execute()
      assert.equal(first[0]!.prev_hash, null)
      for (let i = 1; i < first.length; i++) assert.equal(first[i]!.prev_hash, first[i - 1]!.hash)
    })

    test('the migration chains existing events exactly as the write path does', async () => {
      const before = await open.db.selectFrom('case_event').select(['case_id', 'seq', 'prev_hash', 'hash']).orderBy('case_id').orderBy('seq').execute()
      // Back to events without hashes (what a deployed center holds before 0004), then migrate again.
      await evidence.down(open.db as never)
      await evidence.up(open.db as never)
      const again = await open.db.selectFrom('case_event').select(['case_id', 'seq', 'prev_hash', 'hash']).orderBy('case_id').orderBy('seq').execute()
      assert.deepEqual(again, before)
      assert.deepEqual((await verifyCaseChains(open.db)).breaks, [])
    })

    test('two actions racing on one case: one wins by version, the chain does not fork', async () => {
      const rules = (await createCaseRulesCache(open.db).get()).rules
      const model = await createCityModelCache(open.db).get()
      const target = await open.db.selectFrom('case_file').selectAll().where('closed_at', 'is', null).orderBy('number').executeTakeFirstOrThrow()
      const user = await open.db.selectFrom('app_user').selectAll().where('id', '=', 'demo-leader').executeTakeFirstOrThrow()
      const actor = actorOfUser(user)
      const urge = () =>
        actOnCaseOnce(open.db, { actor, input: { caseId: target.id, version: target.version, command: { action: 'supervise', note: '请尽快处置' } }, now: new Date(), rules, model }).then(
          () => 'ok',
          (e: { statusCode?: number }) => e.statusCode ?? e,
        )
      const outcomes = await Promise.all([urge(), urge(), urge()])
      assert.equal(outcomes.filter((o) => o === 'ok').length, 1, JSON.stringify(outcomes))
      assert.deepEqual(outcomes.filter((o) => o !== 'ok'), [409, 409])
      const r = await verifyCaseChains(open.db)
      assert.deepEqual(r.breaks, [])
    })

    test('an event edited through SQL is reported as content changed, with its case number and seq', async () => {
      const c = cases[0]!
      await asDba(open, sql`update case_event set payload = jsonb_set(payload, '{note}', '"改过的记录"') where case_id = ${c.id} and seq = 2`)
      const r = await verifyCaseChains(open.db)
      assert.deepEqual(r.breaks.map((b) => [b.caseNumber, b.seq, b.problem]), [[c.number, 2, 'content changed']])
    })

    test('an edit that re-hashes the event still breaks the link to the next one', async () => {
      const c = cases[1]!
      const row = await open.db.selectFrom('case_event').selectAll().where('case_id', '=', c.id).where('seq', '=', 2).executeTakeFirstOrThrow()
      const forged = { ...row, actor_id: 'someone-else' }
      await asDba(open, sql`update case_event set actor_id = 'someone-else', hash = ${eventHash(forged)} where case_id = ${c.id} and seq = 2`)
      const r = await verifyCaseChains(open.db)
      assert.deepEqual(r.breaks.filter((b) => b.caseId === c.id).map((b) => [b.seq, b.problem]), [[3, 'link broken']])
    })

    test('a deleted event is reported, in the middle and at the end of a case', async () => {
      const middle = cases[2]!
      const end = cases[3]!
      await asDba(open, sql`delete from case_event where case_id = ${middle.id} and seq = 2`)
      await asDba(open, sql`delete from case_event where case_id = ${end.id} and seq = ${end.event_seq}`)
      const r = await verifyCaseChains(open.db)
      assert.deepEqual(r.breaks.filter((b) => b.caseId === middle.id).map((b) => [b.caseNumber, b.seq, b.problem]), [[middle.number, 3, 'event deleted']])
      assert.match(r.breaks.find((b) => b.caseId === middle.id)!.detail, /event 2 is missing/)
      assert.deepEqual(r.breaks.filter((b) => b.caseId === end.id).map((b) => [b.seq, b.problem]), [[end.event_seq, 'event deleted']])
    })

    test('a forged event appended after the head is reported as inserted', async () => {
      const c = cases[4] ?? cases[0]!
      const last = await open.db.selectFrom('case_event').selectAll().where('case_id', '=', c.id).orderBy('seq', 'desc').executeTakeFirstOrThrow()
      const forged = { ...last, seq: last.seq + 1, type: 'urge', prev_hash: last.hash, payload: { note: '补记' } }
      await open.db
        .insertInto('case_event')
        .values({ ...forged, payload: JSON.stringify(forged.payload), hash: eventHash(forged) })
        .execute()
      const r = await verifyCaseChains(open.db)
      assert.deepEqual(r.breaks.filter((b) => b.caseId === c.id).map((b) => [b.seq, b.problem]), [[last.seq + 1, 'event inserted']])
    })

    test('GET /admin/case-events/verify: the same walk for an administrator; 403 for anyone else', async () => {
      const photosDir = mkdtempSync(join(tmpdir(), 'cityloop-audit-'))
      const app = await buildApp({ db: open.db, databaseEngine: open.engine, photosDir })
      try {
        const expected = await verifyCaseChains(open.db)
        assert.ok(expected.breaks.length >= 5, 'the tampering of the tests above')
        const admin = await signIn(app, 'admin')
        const r = await admin.get('/api/v1/admin/case-events/verify')
        assert.equal(r.status, 200)
        assert.deepEqual(r.body, { whole: false, ...expected })
        assert.equal((await (await signIn(app, 'receiver')).get('/api/v1/admin/case-events/verify')).status, 403)
      } finally {
        await app.close()
        rmSync(photosDir, { recursive: true, force: true })
      }
    })
  })
}
