/**
 * The outbox against a real central API on PGlite, with a network the test can cut: commands queued while
 * the central is down are applied exactly once when it is back (also when an answer was lost on the way),
 * a rejection carries the server's reason and does not hold up the commands behind it, commands survive a
 * restart, an action queued behind the same account's earlier command acts on the version that one
 * produced, and actions on a case recorded offline follow its creation.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, afterEach, before, describe, it } from 'node:test'
import type {
  BridgeEvents,
  CaseCommandInput,
  OutboxEntry,
  OutboxStatus,
  Result,
} from '../../contracts/bridge/index.js'
import { silentLog } from '../log.js'
import { startTestCentral, type TestCentral } from '../test-support/central.js'
import {
  eventCounts,
  fileCaseAt,
  gridPoints,
  PLAIN_CATEGORY,
  signInAt,
  type ApiCase,
} from '../test-support/cases.js'
import { startWorkstation, type Workstation } from '../workstation.js'

let central: TestCentral
let points: [number, number][]
const root = mkdtempSync(join(tmpdir(), 'cityloop-outbox-'))
const dataDir = join(root, 'data')
let ws: Workstation
const changedIds: string[] = []

// The workstation's network: cut it, or let a request through and lose its answer.
let down = false
let loseNextAction = false
const net: typeof fetch = async (input, init) => {
  if (down) throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') })
  const response = await fetch(input, init)
  if (loseNextAction && String(input).includes('/actions')) {
    loseNextAction = false
    await response.arrayBuffer()
    throw new TypeError('fetch failed', { cause: new Error('socket hang up') })
  }
  return response
}

async function open(): Promise<Workstation> {
  const w = await startWorkstation({
    mode: 'browser',
    dataDir,
    centralUrl: central.url,
    fetch: net,
    syncIntervalMs: 0,
    outboxRetryMs: { first: 20, max: 100 },
    log: silentLog,
  })
  await w.firstSync
  w.on('cases-changed', (e: BridgeEvents['cases-changed']) => changedIds.push(...e.ids))
  return w
}

const value = <T>(r: Result<unknown>): T => {
  assert.ok(r.ok, JSON.stringify(r))
  return r.value as T
}
const submit = async (command: CaseCommandInput) =>
  value<OutboxEntry>(await ws.dispatch('commands.submit', [command]))
const flush = async () => value<OutboxStatus>(await ws.dispatch('commands.flush', []))
const entry = (clientId: string) =>
  value<OutboxStatus>({ ok: true, value: ws.outbox.status() }).entries.find((e) => e.clientId === clientId)!

/** Cases filed by the receiver for the workstation's shift leader to act on. */
const cases: ApiCase[] = []
const action = (c: ApiCase, name: string, payload: Record<string, unknown> = {}, version = c.version) =>
  ({ kind: 'action', caseId: c.id, version, action: name, payload }) as CaseCommandInput

before(async () => {
  central = await startTestCentral()
  points = await gridPoints(central.open.db, 12)
  const receiver = await signInAt(central.url, 'receiver')
  for (let i = 0; i < 12; i++) cases.push(await fileCaseAt(central.url, receiver, points[i]!))
  ws = await open()
  value(await ws.dispatch('auth.signIn', ['shift-leader', 'cityloop-demo']))
  await ws.sync.runSoon()
})
afterEach(() => {
  down = false
  loseNextAction = false
})
after(async () => {
  await ws?.close()
  await central?.close()
  rmSync(root, { recursive: true, force: true })
})

describe('outbox', () => {
  it('keeps commands while the central is down and applies each exactly once when it is back', async () => {
    down = true
    const a = await submit(action(cases[0]!, 'accept'))
    const b = await submit(action(cases[1]!, 'accept', { note: '已核' }))
    assert.equal(a.state, 'queued')
    await flush()
    const waiting = ws.outbox.status()
    assert.equal(waiting.state, 'waiting')
    assert.equal(waiting.queued, 2)
    assert.match(entry(a.clientId).lastError ?? '', /unreachable/)
    assert.deepEqual(await eventCounts(central.open.db, cases[0]!.id), { create: 1 })

    down = false
    changedIds.length = 0
    const done = await flush()
    assert.equal(done.queued, 0)
    assert.equal(done.state, 'idle')
    for (const [e, c] of [
      [a, cases[0]!],
      [b, cases[1]!],
    ] as const) {
      const applied = entry(e.clientId)
      assert.equal(applied.state, 'applied')
      assert.deepEqual(applied.result, {
        caseId: c.id,
        number: c.number,
        status: 'accepted',
        version: c.version + 1,
      })
      assert.deepEqual(await eventCounts(central.open.db, c.id), { create: 1, accept: 1 })
      // In the local store and the case list at once, before any sync run.
      assert.equal(ws.store.caseRecord(c.id)!.status, 'accepted')
      assert.ok(changedIds.includes(c.id))
    }
    await flush()
    await ws.sync.run()
    assert.deepEqual(await eventCounts(central.open.db, cases[0]!.id), { create: 1, accept: 1 }, 'still once')
  })

  it('replays, not repeats, a command whose answer was lost after the central applied it', async () => {
    loseNextAction = true
    const e = await submit(action(cases[2]!, 'accept'))
    await flush()
    // The central applied it; the workstation never saw the answer.
    assert.deepEqual(await eventCounts(central.open.db, cases[2]!.id), { create: 1, accept: 1 })
    const lost = entry(e.clientId)
    assert.equal(lost.state, 'queued')
    assert.match(lost.lastError ?? '', /hang up/)
    await flush()
    const replayed = entry(e.clientId)
    assert.equal(replayed.state, 'applied')
    assert.equal(replayed.attempts, 2)
    assert.equal(replayed.result?.version, cases[2]!.version + 1)
    assert.deepEqual(
      await eventCounts(central.open.db, cases[2]!.id),
      { create: 1, accept: 1 },
      'applied once',
    )
  })

  it('records a rejection with the server’s reason and the case’s state, and goes on with the next command', async () => {
    down = true
    const illegal = await submit(action(cases[3]!, 'register'))
    const stale = await submit(action(cases[4]!, 'accept', {}, cases[4]!.version + 5))
    const next = await submit(action(cases[5]!, 'accept'))
    down = false
    const s = await flush()
    assert.equal(s.rejected, 2)

    const r = entry(illegal.clientId)
    assert.equal(r.state, 'rejected')
    assert.equal(r.rejection?.httpStatus, 409)
    assert.equal(r.rejection?.code, 'ILLEGAL_ACTION')
    assert.match(r.rejection?.message ?? '', /register/)
    assert.equal(r.rejection?.caseStatus, 'reported')
    assert.ok(r.rejection?.allowed?.includes('accept'), JSON.stringify(r.rejection))
    assert.equal(r.rejection?.currentVersion, cases[3]!.version, 'looked up: the refusal did not say')

    const st = entry(stale.clientId)
    assert.equal(st.rejection?.code, 'STALE_VERSION')
    assert.equal(st.rejection?.currentVersion, cases[4]!.version)
    assert.equal(st.rejection?.caseStatus, 'reported')

    assert.equal(entry(next.clientId).state, 'applied', 'the rejections did not block it')
    assert.deepEqual(await eventCounts(central.open.db, cases[3]!.id), { create: 1 })

    const list = value<{ cases: { id: string; rejected: boolean }[] }>(
      await ws.dispatch('cases.list', [{ text: cases[3]!.number }]),
    )
    assert.equal(list.cases[0]?.rejected, true)
    const after = value<OutboxStatus>(await ws.dispatch('commands.dismiss', [illegal.clientId]))
    assert.equal(after.rejected, 1)
    assert.equal(
      after.entries.some((e) => e.clientId === illegal.clientId),
      false,
    )
    const again = await ws.dispatch('commands.dismiss', [next.clientId])
    assert.ok(!again.ok && again.error.code === 'BAD_REQUEST', 'only rejected commands are dismissed')
  })

  it('sends an action queued behind the same account’s command with the version that command produced', async () => {
    const c = cases[6]!
    const unitId = ws.store.caseRecord(c.id)!.proposedUnitId!
    down = true
    // The shift leader decides all three on what the case list shows: version c.version.
    const steps = [
      await submit(action(c, 'accept')),
      await submit(action(c, 'register')),
      await submit(action(c, 'dispatch', { unitId })),
    ]
    const list = value<{ cases: { queued: number }[] }>(await ws.dispatch('cases.list', [{ text: c.number }]))
    assert.equal(list.cases[0]?.queued, 3)
    down = false
    await flush()
    assert.deepEqual(
      steps.map((s) => entry(s.clientId).result?.version),
      [c.version + 1, c.version + 2, c.version + 3],
    )
    assert.equal(entry(steps[2]!.clientId).result?.status, 'dispatched')
    assert.deepEqual(await eventCounts(central.open.db, c.id), {
      create: 1,
      accept: 1,
      register: 1,
      dispatch: 1,
    })
  })

  it('files a case recorded offline, then the actions on it; a refused creation refuses them too', async () => {
    down = true
    const create = await submit({
      kind: 'create',
      input: {
        lon: points[7]![0],
        lat: points[7]![1],
        categoryKey: PLAIN_CATEGORY,
        description: '电话投诉: 路边垃圾',
      },
    })
    const accept = await submit({
      kind: 'action',
      caseClientId: create.clientId,
      action: 'accept',
      payload: {},
    })
    const register = await submit({
      kind: 'action',
      caseClientId: create.clientId,
      action: 'register',
      payload: {},
    })
    const nowhere = await submit({ kind: 'create', input: { lon: 10, lat: 10, categoryKey: PLAIN_CATEGORY } })
    const orphan = await submit({
      kind: 'action',
      caseClientId: nowhere.clientId,
      action: 'accept',
      payload: {},
    })
    down = false
    await flush()

    const made = entry(create.clientId)
    assert.equal(made.state, 'applied')
    const caseId = made.result!.caseId
    assert.equal(entry(accept.clientId).result?.caseId, caseId)
    assert.equal(entry(register.clientId).result?.status, 'registered')
    assert.deepEqual(await eventCounts(central.open.db, caseId), { create: 1, accept: 1, register: 1 })
    assert.equal(ws.store.caseRecord(caseId)?.status, 'registered')

    const refused = entry(nowhere.clientId)
    assert.equal(refused.state, 'rejected')
    assert.equal(refused.rejection?.httpStatus, 400)
    const dependant = entry(orphan.clientId)
    assert.equal(dependant.state, 'rejected')
    assert.equal(dependant.rejection?.code, 'CASE_NOT_CREATED')
    assert.ok(dependant.rejection?.message.includes(refused.rejection!.message), dependant.rejection?.message)
  })

  it('keeps queued commands across a restart and sends them from the new process', async () => {
    down = true
    const e = await submit(action(cases[8]!, 'accept'))
    await ws.close()
    down = false
    ws = await open()
    assert.equal(ws.session.user()?.username, 'shift-leader', 'the session was restored')
    const s = await flush()
    const sent = s.entries.find((x) => x.clientId === e.clientId)
    assert.equal(sent?.state, 'applied')
    assert.deepEqual(await eventCounts(central.open.db, cases[8]!.id), { create: 1, accept: 1 })
  })

  it('waits for its account after a 401 and is sent once that account signs in again', async () => {
    // The session ends at the central without the workstation knowing.
    await fetch(`${central.url}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ws.session.token()}` },
    })
    const e = await submit(action(cases[9]!, 'accept'))
    const s = await flush()
    assert.equal(ws.session.user(), null, 'the 401 ended the session')
    assert.equal(s.state, 'signed-out')
    assert.equal(s.queued, 1)
    value(await ws.dispatch('auth.signIn', ['shift-leader', 'cityloop-demo']))
    await flush()
    assert.equal(entry(e.clientId).state, 'applied')
    assert.deepEqual(await eventCounts(central.open.db, cases[9]!.id), { create: 1, accept: 1 })
  })

  it('refuses a bad command before queueing it, naming the field', async () => {
    const bad = async (command: unknown, pattern: RegExp) => {
      const r = await ws.dispatch('commands.submit', [command])
      assert.ok(!r.ok && r.error.code === 'BAD_REQUEST' && pattern.test(r.error.message), JSON.stringify(r))
    }
    const c = cases[10]!
    await bad(
      { kind: 'action', caseId: c.id, version: c.version, action: 'dispatch', payload: {} },
      /payload\.unitId/,
    )
    await bad({ kind: 'action', caseId: c.id, action: 'accept', payload: {} }, /command\.version/)
    await bad(
      { kind: 'action', caseId: c.id, version: 1, action: 'accept', payload: { colour: 'red' } },
      /colour/,
    )
    await bad({ kind: 'action', caseId: c.id, version: 1, action: 'fly', payload: {} }, /command\.action/)
    await bad({ kind: 'create', input: { lon: 200, lat: 32, categoryKey: PLAIN_CATEGORY } }, /input\.lon/)
    await bad({ kind: 'create', input: { lon: 120, lat: 32, categoryKey: '2013:event:9999' } }, /categoryKey/)
    await bad(
      { kind: 'action', caseClientId: '00000000-0000-4000-8000-000000000000', action: 'accept', payload: {} },
      /caseClientId/,
    )
    assert.equal(ws.outbox.status().queued, 0)
  })
})
