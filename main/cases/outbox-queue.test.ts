/**
 * The outbox's queue decisions without a central or a file: which case a command refers to, what it is
 * chained behind and sent against, what the outbox shows, how long it waits.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { CaseCommandInput } from '../../contracts/bridge/index.js'
import {
  actionTarget,
  APPLIED_KEPT,
  caseIdOf,
  caseKeys,
  commandsOfCase,
  commandsPerCase,
  keyMayBeForgotten,
  outboxStatus,
  placeCommand,
  requestFor,
  restoreOutbox,
  retryDelay,
  trimApplied,
  type StoredCommand,
} from './outbox-queue.js'

const ALICE = 'u-alice'
const BOB = 'u-bob'
let seq = 0

function stored(command: CaseCommandInput, over: Partial<StoredCommand> = {}): StoredCommand {
  seq++
  return {
    clientId: `c${seq}`,
    seq,
    command,
    userId: ALICE,
    state: 'queued',
    queuedAt: '2026-06-01T08:00:00.000Z',
    sentAt: null,
    attempts: 0,
    result: null,
    rejection: null,
    lastError: null,
    after: null,
    request: null,
    ...over,
  }
}
const act = (
  caseId: string,
  action: 'accept' | 'register' | 'dispatch',
  version?: number,
): CaseCommandInput => ({
  kind: 'action',
  caseId,
  action,
  payload: action === 'dispatch' ? { unitId: 'hl-sanitation' } : {},
  ...(version !== undefined ? { version } : {}),
})
const onNew = (caseClientId: string, action: 'accept' | 'register'): CaseCommandInput => ({
  kind: 'action',
  caseClientId,
  action,
  payload: {},
})
const CREATE: CaseCommandInput = {
  kind: 'create',
  input: { lon: 119.93, lat: 32.47, categoryKey: '2013:event:0102', description: '电话投诉' },
}
const result = (caseId: string, version: number) =>
  ({ caseId, number: `2026-321202-${caseId}`, status: 'accepted', version }) as const
type Action = StoredCommand & { command: { kind: 'action' } }

describe('outbox queue: which case a command refers to', () => {
  it('names a case by its id, and a case recorded offline also by its create command’s client id', () => {
    const create = stored(CREATE)
    const accept = stored(onNew(create.clientId, 'accept'))
    const onKnown = stored(act('case-1', 'accept', 3))
    const entries = [create, accept, onKnown]
    assert.equal(caseIdOf(entries, create), undefined)
    assert.deepEqual(caseKeys(entries, create), [create.clientId])
    assert.deepEqual(caseKeys(entries, accept), [create.clientId])
    assert.deepEqual(caseKeys(entries, onKnown), ['case-1'])

    create.state = 'applied'
    create.result = result('case-new', 1)
    assert.equal(caseIdOf(entries, accept), 'case-new', 'through the applied create')
    assert.deepEqual(caseKeys(entries, create), ['case-new', create.clientId])
    assert.deepEqual(caseKeys(entries, accept), ['case-new', create.clientId])
  })
})

describe('outbox queue: placing a new command', () => {
  it('refuses an action without the version it was decided on, or on a new case not of this account', () => {
    const mine = stored(CREATE)
    const theirs = stored(CREATE, { userId: BOB })
    const onKnown = stored(act('case-1', 'accept', 3))
    const entries = [mine, theirs, onKnown]
    assert.match(refusal(placeCommand(entries, act('case-1', 'accept'), ALICE)), /^command\.version:/)
    assert.match(refusal(placeCommand(entries, onNew('nowhere', 'accept'), ALICE)), /^command\.caseClientId:/)
    assert.match(refusal(placeCommand(entries, onNew(theirs.clientId, 'accept'), ALICE)), /caseClientId/)
    assert.match(refusal(placeCommand(entries, onNew(onKnown.clientId, 'accept'), ALICE)), /caseClientId/)
    assert.deepEqual(placeCommand(entries, onNew(mine.clientId, 'accept'), ALICE), { after: mine.clientId })
    assert.deepEqual(placeCommand(entries, CREATE, ALICE), { after: null })
  })

  it('chains an action behind the same account’s last unsent command on the same case only', () => {
    const first = stored(act('case-1', 'accept', 3))
    const second = stored(act('case-1', 'register', 3))
    const bobs = stored(act('case-1', 'accept', 3), { userId: BOB })
    const elsewhere = stored(act('case-2', 'accept', 1))
    const entries = [first, second, bobs, elsewhere]
    assert.deepEqual(placeCommand(entries, act('case-1', 'dispatch', 3), ALICE), { after: second.clientId })
    assert.deepEqual(placeCommand(entries, act('case-1', 'dispatch', 3), BOB), { after: bobs.clientId })
    assert.deepEqual(placeCommand(entries, act('case-3', 'accept', 1), ALICE), { after: null })

    second.state = 'rejected'
    assert.deepEqual(placeCommand(entries, act('case-1', 'dispatch', 3), ALICE), { after: first.clientId })
    first.state = 'applied'
    assert.deepEqual(
      placeCommand(entries, act('case-1', 'dispatch', 3), ALICE),
      { after: null },
      'all settled',
    )
  })

  it('chains actions on a case recorded offline by either of its names', () => {
    const create = stored(CREATE)
    const accept = stored(onNew(create.clientId, 'accept'))
    assert.deepEqual(placeCommand([create], onNew(create.clientId, 'accept'), ALICE), {
      after: create.clientId,
    })
    create.state = 'applied'
    create.result = result('case-new', 1)
    // The create was applied; the accept, still queued, is known by the client id and by the new case's id.
    assert.deepEqual(placeCommand([create, accept], act('case-new', 'register', 1), ALICE), {
      after: accept.clientId,
    })
    assert.deepEqual(placeCommand([create, accept], onNew(create.clientId, 'register'), ALICE), {
      after: accept.clientId,
    })
  })
})

describe('outbox queue: what an action is sent against', () => {
  it('acts on the version the command it is chained behind produced, once that one was applied', () => {
    const accept = stored(act('case-1', 'accept', 3))
    const register = stored(act('case-1', 'register', 3), { after: accept.clientId })
    const entries = [accept, register]
    assert.deepEqual(actionTarget(entries, accept as Action), { caseId: 'case-1', version: 3 })
    accept.state = 'applied'
    accept.result = result('case-1', 4)
    assert.deepEqual(actionTarget(entries, register as Action), { caseId: 'case-1', version: 4 })
    // Rejected, the earlier command changed nothing: the user's own version goes (and meets its refusal).
    accept.state = 'rejected'
    accept.result = null
    assert.deepEqual(actionTarget(entries, register as Action), { caseId: 'case-1', version: 3 })
  })

  it('acts on a case recorded offline once it was created, and refuses when its creation was refused', () => {
    const create = stored(CREATE)
    const accept = stored(onNew(create.clientId, 'accept'), { after: create.clientId })
    const entries = [create, accept]
    assert.deepEqual(actionTarget(entries, accept as Action), {
      httpStatus: 424,
      code: 'CASE_NOT_CREATED',
      message: 'the case of this command is not known yet',
    })
    create.state = 'applied'
    create.result = result('case-new', 1)
    assert.deepEqual(actionTarget(entries, accept as Action), { caseId: 'case-new', version: 1 })

    create.state = 'rejected'
    create.result = null
    create.rejection = { httpStatus: 400, code: 'VALIDATION', message: 'lon is outside the city' }
    const refused = actionTarget(entries, accept as Action)
    assert.ok('code' in refused && refused.code === 'CASE_NOT_CREATED')
    assert.match(refused.message, /accept was meant for was never created: lon is outside the city$/)
    const gone = actionTarget([accept], accept as Action)
    assert.ok('code' in gone && /no longer in the outbox/.test(gone.message), JSON.stringify(gone))
    // Applied, but its answer was unreadable: the case id is not known here.
    create.state = 'applied'
    create.rejection = null
    const unknown = actionTarget(entries, accept as Action)
    assert.ok('code' in unknown && unknown.code === 'CASE_NOT_CREATED')
  })

  it('turns a command into its request: a new case as filed, an action with its version', () => {
    const create = stored(CREATE)
    const dispatch = stored(act('case-1', 'dispatch', 5))
    assert.deepEqual(requestFor([create], create), { request: { path: '/cases', body: { ...CREATE.input } } })
    assert.deepEqual(requestFor([dispatch], dispatch), {
      request: {
        path: '/cases/case-1/actions',
        body: { unitId: 'hl-sanitation', action: 'dispatch', version: 5 },
      },
    })
    const orphan = stored(onNew('gone', 'accept'))
    const r = requestFor([orphan], orphan)
    assert.ok('rejection' in r && r.rejection.code === 'CASE_NOT_CREATED')
  })
})

describe('outbox queue: what the outbox shows', () => {
  it('shows an account its own commands, and counts everyone’s unsent ones while signed out', () => {
    const mine = stored(act('case-1', 'accept', 1))
    const rejected = stored(act('case-2', 'accept', 1), {
      state: 'rejected',
      rejection: { httpStatus: 409, code: 'STALE_VERSION', message: 'stale' },
    })
    const theirs = stored(act('case-3', 'accept', 1), { userId: BOB })
    const entries = [mine, rejected, theirs]
    const idle = { passing: false, waiting: false }
    const alice = outboxStatus(entries, ALICE, idle)
    assert.deepEqual(
      { state: alice.state, queued: alice.queued, rejected: alice.rejected },
      { state: 'idle', queued: 1, rejected: 1 },
    )
    assert.deepEqual(
      alice.entries.map((e) => e.clientId),
      [mine.clientId, rejected.clientId],
    )
    assert.equal('request' in alice.entries[0]!, false, 'the fixed request stays in main/')
    const out = outboxStatus(entries, null, idle)
    assert.deepEqual(
      { state: out.state, queued: out.queued, shown: out.entries.length },
      {
        state: 'signed-out',
        queued: 2,
        shown: 0,
      },
    )
    assert.equal(outboxStatus(entries, ALICE, { passing: true, waiting: true }).state, 'sending')
    assert.equal(outboxStatus(entries, ALICE, { passing: false, waiting: true }).state, 'waiting')
    mine.state = 'applied'
    assert.equal(
      outboxStatus(entries, ALICE, { passing: false, waiting: true }).state,
      'idle',
      'nothing waits',
    )
  })

  it('counts per case what is still to send, and whether its last settled command was rejected', () => {
    const create = stored(CREATE)
    const onCreated = stored(onNew(create.clientId, 'accept'))
    const a = stored(act('case-1', 'accept', 1), { state: 'rejected' })
    const b = stored(act('case-1', 'accept', 1), { state: 'applied', result: result('case-1', 2) })
    const c = stored(act('case-1', 'register', 2))
    const entries = [create, onCreated, a, b, c]
    assert.deepEqual(
      commandsPerCase(entries),
      new Map([
        [create.clientId, { queued: 2, rejected: false }],
        ['case-1', { queued: 1, rejected: false }],
      ]),
    )
    b.state = 'rejected'
    assert.deepEqual(commandsPerCase(entries).get('case-1'), { queued: 1, rejected: true })
    assert.deepEqual(
      commandsOfCase(entries, create.clientId).map((e) => e.clientId),
      [create.clientId, onCreated.clientId],
    )
    assert.equal(commandsOfCase(entries, 'case-1').length, 3)
  })
})

describe('outbox queue: the file and the clock', () => {
  it('restores a command cut off while sending as queued, and refuses what is not an outbox file', () => {
    const sending = stored(act('case-1', 'accept', 1), { state: 'sending', attempts: 1 })
    const applied = stored(act('case-2', 'accept', 1), { state: 'applied', seq: 40 })
    const text = JSON.stringify({ version: 1, nextSeq: 7, entries: [sending, applied] })
    const restored = restoreOutbox(text)
    assert.equal(restored.entries[0]!.state, 'queued')
    assert.equal(restored.entries[0]!.attempts, 1)
    assert.equal(restored.entries[1]!.state, 'applied')
    assert.equal(restored.nextSeq, 41, 'never reuses a sequence number')
    for (const bad of ['{"version":2,"entries":[]}', '{"version":1}', 'null', '[1', '"outbox"'])
      assert.throws(() => restoreOutbox(bad), Error, bad)
  })

  it('keeps only the latest applied commands, and every unsettled one', () => {
    const queued = stored(act('case-0', 'accept', 1))
    const applied = Array.from({ length: APPLIED_KEPT + 3 }, (_, i) =>
      stored(act(`case-${i + 1}`, 'accept', 1), { state: 'applied' }),
    )
    const kept = trimApplied([queued, ...applied])
    assert.equal(kept.length, APPLIED_KEPT + 1)
    assert.equal(kept[0], queued)
    assert.equal(kept[1], applied[3])
  })

  it('doubles the wait after each failure up to the ceiling, and warns of keys the central may have dropped', () => {
    const retry = { first: 1_000, max: 60_000 }
    assert.deepEqual(
      [1, 2, 3, 4, 6, 7, 100].map((n) => retryDelay(n, retry)),
      [1_000, 2_000, 4_000, 8_000, 32_000, 60_000, 60_000],
    )
    const e = stored(act('case-1', 'accept', 1))
    const now = new Date('2026-06-10T08:00:00.000Z')
    assert.equal(keyMayBeForgotten(e, now), false, 'never sent')
    e.sentAt = '2026-06-03T09:00:00.000Z'
    assert.equal(keyMayBeForgotten(e, now), false)
    e.sentAt = '2026-06-03T07:00:00.000Z'
    assert.equal(keyMayBeForgotten(e, now), true)
  })
})

function refusal(placed: { after: string | null } | { refused: string }): string {
  assert.ok('refused' in placed, JSON.stringify(placed))
  return placed.refused
}
