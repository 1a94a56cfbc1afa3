/**
 * The cases stream against a real central API on PGlite: initial and incremental sync with the desk's
 * token, tombstones, a run killed between pages that resumes without skipping, the closed-case window, and
 * what happens without a token or with a revoked one.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { createCaseIndex } from '../cases/case-index.js'
import { openLocalStore, type LocalStore } from '../store/local-store.js'
import { silentLog } from '../log.js'
import { createSyncService, type CaseFeedAccess, type SyncServiceOptions } from './sync-service.js'
import { startTestCentral, type TestCentral } from '../test-support/central.js'
import {
  actAt,
  fileCaseAt,
  gridPoints,
  signInAt,
  tombstoneCase,
  type ApiCase,
} from '../test-support/cases.js'
import { flushedBy, runChild } from '../test-support/child.js'

let central: TestCentral
let token: string
let points: [number, number][]
const root = mkdtempSync(join(tmpdir(), 'cityloop-case-sync-'))
let n = 0
const freshFile = () => join(root, `w${n++}`, 'cityloop.sqlite')
const filed: ApiCase[] = []
/** Cases whose feed entry is a tombstone (they stay in the central's table). */
const tombstoned = new Set<string>()

before(async () => {
  central = await startTestCentral()
  token = await signInAt(central.url, 'receiver')
  points = await gridPoints(central.open.db, 24)
  for (let i = 0; i < 24; i++)
    filed.push(await fileCaseAt(central.url, token, points[i]!, { address: `测试路${i}号` }))
})
after(async () => {
  await central?.close()
  rmSync(root, { recursive: true, force: true })
})

const access = (more: Partial<CaseFeedAccess> = {}): CaseFeedAccess => ({
  token: () => token,
  unauthorized: () => {},
  closedBefore: () => 0,
  ...more,
})

function sync(store: LocalStore, more: Partial<SyncServiceOptions> = {}) {
  return createSyncService({ store, centralUrl: central.url, log: silentLog, cases: access(), ...more })
}

/** Every case the central's feed holds as `id@version`, sorted. */
async function centralCases(): Promise<string[]> {
  const rows = await central.open.db.selectFrom('case_file').select(['id', 'version']).execute()
  return rows
    .filter((r) => !tombstoned.has(r.id))
    .map((r) => `${r.id}@${r.version}`)
    .sort()
}

function localCases(store: LocalStore): string[] {
  const out: string[] = []
  store.eachCase((r) => out.push(`${r.id}@${r.version}`))
  return out.sort()
}

describe('case sync', () => {
  it('copies every case on a first run with the desk token, and the index follows the pages', async () => {
    const store = await openLocalStore({ file: freshFile(), log: silentLog })
    const index = createCaseIndex()
    const streams: string[] = []
    const status = await sync(store, {
      pageSize: 5_000,
      onPage: (p) => {
        if (streams.at(-1) !== p.stream) streams.push(p.stream)
        index.apply(p.changes)
      },
    }).run()
    assert.equal(status.lastError, null)
    assert.deepEqual(streams, ['reference', 'cases', 'components'])
    const expected = await centralCases()
    assert.ok(expected.length >= 24)
    assert.deepEqual(localCases(store), expected)
    assert.equal(store.counts().case, expected.length)
    assert.equal(index.size, expected.length)
    const one = store.caseRecord(filed[3]!.id)!
    assert.equal(one.number, filed[3]!.number)
    assert.equal(one.location.address, '测试路3号')
    assert.match(status.cursor, /^\d+\/\d+\/\d+$/)
    await store.close()
  })

  it('applies later actions, new cases and tombstones incrementally', async () => {
    const store = await openLocalStore({ file: freshFile(), log: silentLog })
    const index = createCaseIndex()
    const onPage: SyncServiceOptions['onPage'] = (p) => void index.apply(p.changes)
    await sync(store, { onPage }).run()
    const before = store.counts().case

    const accepted = await actAt(central.url, token, filed[0]!, 'accept')
    filed[0] = accepted
    const added = await fileCaseAt(central.url, token, points[1]!, { description: 'filed later' })
    await tombstoneCase(central.open.db, filed[5]!.id)
    tombstoned.add(filed[5]!.id)

    const applied: string[] = []
    const status = await sync(store, {
      onPage: (p) => {
        if (p.stream === 'cases') applied.push(...p.changes.map((c) => `${c.op} ${c.id}`))
        index.apply(p.changes)
      },
    }).run()
    assert.equal(status.lastError, null)
    assert.deepEqual(
      applied.sort(),
      [`upsert ${accepted.id}`, `upsert ${added.id}`, `delete ${filed[5]!.id}`].sort(),
      'only what changed since the cursor',
    )
    assert.equal(store.caseRecord(accepted.id)!.status, 'accepted')
    assert.equal(store.caseRecord(accepted.id)!.version, accepted.version)
    assert.equal(store.caseRecord(added.id)!.description, 'filed later')
    assert.equal(store.caseRecord(filed[5]!.id), undefined, 'the tombstone deleted it')
    assert.equal(store.counts().case, before)
    assert.equal(index.size, before)
    assert.equal(index.has(filed[5]!.id), false)
    await store.close()
  })

  it('resumes after the process is killed between case pages, and skips nothing', async () => {
    const file = freshFile()
    // Reference data and components first, at full page size, without cases.
    const pre = await openLocalStore({ file, log: silentLog })
    await sync(pre, { cases: access({ token: () => undefined }) }).run()
    assert.equal(pre.counts().case, 0)
    await pre.close()

    const pageSize = 4
    const killAfter = 3
    const child = await runChild('sync-child.ts', [
      file,
      central.url,
      'cases',
      String(pageSize),
      String(killAfter),
      token,
    ])
    assert.equal(
      child.signal,
      'SIGKILL',
      `the child should have been killed: ${child.stdout} ${child.stderr}`,
    )
    const flushed = flushedBy(child.stdout)

    const store = await openLocalStore({ file, log: silentLog })
    assert.equal(
      store.cursor('cases'),
      flushed.cursors.cases,
      'the snapshot holds the cursor of its last page',
    )
    assert.equal(store.counts().case, killAfter * pageSize, 'exactly the case pages up to the snapshot')
    assert.equal(flushed.counts.case, killAfter * pageSize)

    let pages = 0
    const status = await sync(store, {
      pageSize,
      onPage: (p) => void (p.stream === 'cases' && pages++),
    }).run()
    assert.equal(status.lastError, null)
    const total = (await centralCases()).length
    assert.ok(pages < Math.ceil(total / pageSize) + 1, `resumed, not restarted (${pages} pages)`)
    assert.deepEqual(localCases(store), await centralCases())
    await store.close()
  })

  it('keeps closed cases for the retention window only: not stored, and pruned', async () => {
    const closing = await fileCaseAt(central.url, token, points[2]!, { description: 'to be closed' })
    const closed = await actAt(central.url, token, closing, 'not-accept', { reason: '不属于城管范围' })
    assert.ok(closed.closedAt)
    const closedAt = Date.parse(closed.closedAt)

    // A window that ends before the close: stored.
    const kept = await openLocalStore({ file: freshFile(), log: silentLog })
    await sync(kept, { cases: access({ closedBefore: () => closedAt - 30 * 86_400_000 }) }).run()
    assert.equal(kept.caseRecord(closed.id)?.status, 'not-accepted')
    // The window moves past it: pruned with every case closed before, open cases stay.
    const held = kept.counts().case
    const pruned = kept.pruneClosedCases(closedAt + 1)
    assert.ok(pruned.includes(closed.id))
    assert.equal(kept.caseRecord(closed.id), undefined)
    assert.equal(kept.counts().case, held - pruned.length)
    kept.eachCase((r) => assert.ok(r.closedAt === null || Date.parse(r.closedAt) > closedAt, r.id))
    assert.ok(kept.caseRecord(filed[1]!.id), 'open cases are never pruned')
    await kept.close()

    // A first sync with the window already past it never stores it.
    const fresh = await openLocalStore({ file: freshFile(), log: silentLog })
    const index = createCaseIndex()
    await sync(fresh, {
      cases: access({ closedBefore: () => closedAt + 1 }),
      onPage: (p) => void index.apply(p.changes),
    }).run()
    assert.equal(fresh.caseRecord(closed.id), undefined)
    assert.equal(index.has(closed.id), false)
    assert.ok(fresh.caseRecord(filed[1]!.id))
    await fresh.close()
  })

  it('skips the cases stream without a token, and ends the session on a 401 without stopping the run', async () => {
    const store = await openLocalStore({ file: freshFile(), log: silentLog })
    const status = await sync(store, { cases: access({ token: () => undefined }) }).run()
    assert.equal(status.lastError, null)
    assert.equal(store.counts().case, 0)
    assert.equal(store.cursor('cases'), '0')
    assert.ok(store.counts().component > 0)

    const refused: string[] = []
    const revoked = await signInAt(central.url, 'receiver')
    await fetch(`${central.url}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${revoked}` },
    })
    const other = await openLocalStore({ file: freshFile(), log: silentLog })
    const second = await sync(other, {
      cases: access({ token: () => revoked, unauthorized: (m) => refused.push(m) }),
    }).run()
    assert.equal(second.lastError, null, 'public data synced; the refusal is the session’s business')
    assert.equal(refused.length, 1)
    assert.equal(other.counts().case, 0)
    assert.ok(other.counts().component > 0)
    await store.close()
    await other.close()
  })

  it('never takes a case back to an older version', async () => {
    const store = await openLocalStore({ file: freshFile(), log: silentLog })
    await sync(store).run()
    const current = store.caseRecord(filed[0]!.id)!
    const older = { ...current, version: current.version - 1, status: 'reported' as const }
    assert.deepEqual(store.upsertCases([older]), [])
    store.applyPage(
      'cases',
      [{ entity: 'case', op: 'upsert', id: older.id, value: older }],
      store.cursor('cases'),
    )
    assert.equal(store.caseRecord(current.id)!.version, current.version)
    const index = createCaseIndex((visit) => store.eachCase(visit))
    index.apply([{ entity: 'case', op: 'upsert', id: older.id, value: older }])
    assert.equal(index.brief(index.match({ text: current.number }, Date.now())[0]!).version, current.version)
    await store.close()
  })
})
