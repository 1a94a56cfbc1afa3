/**
 * Signing in at a real central API through the bridge: the session, its file, its end (sign-out, expiry,
 * a 401), what happens to the local cases when the account changes, the case detail and photos read with
 * the token — and that the token appears in no bridge answer and no event.
 */
import assert from 'node:assert/strict'
import { readFileSync, statSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import {
  BRIDGE_EVENTS,
  BRIDGE_METHODS,
  type CaseDetail,
  type TaskQueue,
  type CaseList,
  type OutboxEntry,
  type Result,
  type Session,
} from '../../contracts/bridge/index.js'
import { silentLog } from '../log.js'
import { createSessionService } from './session.js'
import { startTestCentral, type TestCentral } from '../test-support/central.js'
import { DEMO_PASSWORD, gridPoints, PLAIN_CATEGORY } from '../test-support/cases.js'
import { startWorkstation } from '../workstation.js'

let central: TestCentral
const root = mkdtempSync(join(tmpdir(), 'cityloop-session-'))
let n = 0
const freshDir = () => join(root, `d${n++}`)

before(async () => {
  // A short demo history: the accounts below find cases to sync, read and lose.
  central = await startTestCentral({ demoCases: 40 })
})
after(async () => {
  await central?.close()
  rmSync(root, { recursive: true, force: true })
})

/** A workstation whose every answer and event is recorded as JSON. */
async function recorded(dataDir = freshDir()) {
  const ws = await startWorkstation({
    mode: 'browser',
    dataDir,
    centralUrl: central.url,
    syncIntervalMs: 0,
    log: silentLog,
  })
  await ws.firstSync
  const seen: string[] = []
  const events: { event: string; payload: unknown }[] = []
  for (const event of BRIDGE_EVENTS)
    ws.on(event, (payload) => {
      seen.push(JSON.stringify(payload))
      events.push({ event, payload })
    })
  const call = async <T>(method: string, ...args: unknown[]): Promise<Result<T>> => {
    const r = (await ws.dispatch(method, args)) as Result<T>
    seen.push(JSON.stringify(r))
    return r
  }
  const value = async <T>(method: string, ...args: unknown[]): Promise<T> => {
    const r = await call<T>(method, ...args)
    assert.ok(r.ok, `${method}: ${JSON.stringify(r)}`)
    return r.value
  }
  return { ws, seen, events, call, value, dataDir }
}

const settle = (ms = 1_300) => new Promise((r) => setTimeout(r, ms))
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

describe('session', () => {
  it('signs in and out through the bridge, and no answer or event ever carries the token', async () => {
    const { ws, seen, events, call, value, dataDir } = await recorded()
    const tokens: string[] = []

    const wrong = await call('auth.signIn', 'receiver', 'not-the-password')
    assert.ok(!wrong.ok && wrong.error.code === 'UNAUTHORIZED', JSON.stringify(wrong))
    assert.match(wrong.ok ? '' : wrong.error.message, /wrong username or password/)
    assert.equal((await value<Session>('auth.session')).user, null)

    const session = await value<Session>('auth.signIn', 'receiver', DEMO_PASSWORD)
    tokens.push(ws.session.token()!)
    assert.equal(session.user?.role, 'receiver')
    assert.equal(session.casesVisible, true)
    assert.ok(Date.parse(session.expiresAt!) > Date.now())
    assert.deepEqual(Object.keys(session).sort(), ['casesVisible', 'expiresAt', 'tokenStorage', 'user'])
    assert.equal(session.tokenStorage, 'file', 'browser mode: a 0600 file')
    const file = join(dataDir, 'session.json')
    assert.equal(statSync(file).mode & 0o777, 0o600, 'only this OS account reads the token')
    await ws.sync.runSoon()
    await settle()
    assert.ok(
      events.some((e) => e.event === 'session' && (e.payload as Session).user?.username === 'receiver'),
    )
    assert.ok(
      events.some((e) => e.event === 'cases-changed'),
      'the case feed came in after the sign-in',
    )

    // Every method, with the token live: a new case through the outbox, the list, layers, one case, a photo.
    const [point] = await gridPoints(central.open.db, 1)
    const created = await value<OutboxEntry>('commands.submit', {
      kind: 'create',
      input: { lon: point![0], lat: point![1], categoryKey: PLAIN_CATEGORY, reporterContact: '13812345678' },
    })
    await value('commands.flush')
    const caseId = ws.outbox.status().entries.find((e) => e.clientId === created.clientId)!.result!.caseId
    const list = await value<CaseList>('cases.list', { sort: 'newest', limit: 5 })
    assert.equal(list.cases[0]?.id, caseId)
    await value('cases.layer', {})
    await value('cases.gridCounts', {})
    // 待办: the new case waits for 受理 in the receiver's intake queue, from the central API's /tasks.
    const queue = await value<TaskQueue>('cases.tasks')
    assert.equal(queue.source, 'central')
    assert.deepEqual(
      queue.tasks.filter((x) => x.case.id === caseId).map((x) => [x.queue, x.todo.includes('accept')]),
      [['intake', true]],
    )
    const detail = await value<CaseDetail>('cases.get', caseId)
    assert.equal(detail.fresh, true)
    assert.equal(detail.abilitiesFrom, 'central')
    assert.equal(detail.abilities.accept, true)
    assert.deepEqual(
      detail.events?.map((e) => e.type),
      ['create'],
    )
    assert.equal(detail.record.reporter.contact, '13812345678', 'the desk sees the contact in the detail')
    assert.equal(ws.store.caseRecord(caseId)?.reporter.contact, '138****5678', 'the store keeps it masked')
    const upload = await fetch(`${central.url}/api/v1/photos`, {
      method: 'POST',
      headers: { 'content-type': 'image/png', authorization: `Bearer ${tokens[0]}` },
      body: PNG,
    })
    const photoId = ((await upload.json()) as { id: string }).id
    const photo = await value<{ contentType: string; dataUrl: string }>('cases.photo', photoId)
    assert.equal(photo.contentType, 'image/png')
    assert.equal(photo.dataUrl, `data:image/png;base64,${PNG.toString('base64')}`)
    const missing = await call('cases.photo', 'f'.repeat(64))
    assert.ok(!missing.ok && missing.error.code === 'NOT_FOUND')
    for (const method of ['app.info', 'settings.get', 'sync.status', 'commands.status', 'auth.session'])
      await value(method)
    await value('sync.start', { wait: true })

    // 结案保留期: closing the case keeps it for closedCaseDays; a window of 0 days prunes it, announced.
    const refused = await value<OutboxEntry>('commands.submit', {
      kind: 'action',
      caseId,
      version: detail.record.version,
      action: 'not-accept',
      payload: { reason: '重复投诉' },
    })
    await value('commands.flush')
    assert.equal(ws.outbox.status().entries.find((e) => e.clientId === refused.clientId)?.state, 'applied')
    assert.equal(ws.store.caseRecord(caseId)?.status, 'not-accepted', 'kept within 30 days')
    events.length = 0
    await value('settings.set', { closedCaseDays: 0 })
    assert.equal(ws.store.caseRecord(caseId), undefined, 'pruned')
    ws.store.eachCase((r) => assert.equal(r.closedAt, null, `closed case ${r.id} left`))
    const announced = events
      .filter((e) => e.event === 'cases-changed')
      .flatMap((e) => (e.payload as { ids: string[] }).ids)
    assert.ok(announced.includes(caseId))
    assert.equal((await call('cases.get', caseId)).ok, true, 'still there at the central')
    assert.equal(ws.store.caseRecord(caseId), undefined, 'and not stored again by reading it')

    // Signing in again (a new token), then out.
    await value('auth.signIn', 'receiver', DEMO_PASSWORD)
    tokens.push(ws.session.token()!)
    assert.notEqual(tokens[0], tokens[1])
    const out = await value<Session>('auth.signOut')
    assert.deepEqual(out, { user: null, expiresAt: null, casesVisible: false, tokenStorage: 'file' })
    assert.equal(existsSync(file), false, 'the session file is gone')
    const hidden = await call('cases.list', {})
    assert.ok(!hidden.ok && hidden.error.code === 'UNAUTHORIZED')
    assert.ok(ws.store.counts().case > 0, 'signed out, the cases stay stored (hidden)')
    await settle()

    const everything = seen.join('\n')
    for (const token of tokens) assert.equal(everything.includes(token), false, 'a token crossed the bridge')
    const covered = new Set([
      'auth.signIn',
      'auth.signOut',
      'auth.session',
      'commands.submit',
      'commands.flush',
      'cases.list',
      'cases.layer',
      'cases.gridCounts',
      'cases.get',
      'cases.photo',
      'cases.tasks',
      'commands.status',
    ])
    assert.deepEqual(
      BRIDGE_METHODS.filter(
        (m) => m.startsWith('auth.') || m.startsWith('cases.') || m.startsWith('commands.'),
      ).filter((m) => !covered.has(m)),
      ['commands.dismiss'],
      'every new method but dismiss (outbox.test.ts) ran with a live token',
    )
    // After sign-out the old token no longer works at the central either.
    const dead = await fetch(`${central.url}/api/v1/auth/me`, {
      headers: { authorization: `Bearer ${tokens[1]}` },
    })
    assert.equal(dead.status, 401)
    await ws.close()
  })

  it('keeps the session across a restart, resumes the same account’s cases, and drops them for another', async () => {
    const first = await recorded()
    await first.value('auth.signIn', 'dispatcher', DEMO_PASSWORD)
    await first.ws.sync.runSoon()
    const held = first.ws.store.counts().case
    assert.ok(held > 0)
    const cursor = first.ws.store.cursor('cases')
    await first.ws.close()

    const second = await recorded(first.dataDir)
    assert.equal(
      (await second.value<Session>('auth.session')).user?.username,
      'dispatcher',
      'restored from the file',
    )
    assert.equal(second.ws.store.counts().case, held)
    assert.equal((await second.value<CaseList>('cases.list', {})).total, held)
    // Out and in again as the same account: nothing is dropped, the feed goes on from its cursor.
    await second.value('auth.signOut')
    await second.value('auth.signIn', 'dispatcher', DEMO_PASSWORD)
    await second.ws.sync.runSoon()
    assert.equal(second.ws.store.counts().case, held)
    assert.ok(BigInt(second.ws.store.cursor('cases')) >= BigInt(cursor))

    // Another desk account: the cases synced under the dispatcher go, its own feed is read from the start.
    second.events.length = 0
    await second.value('auth.signIn', 'shift-leader', DEMO_PASSWORD)
    const dropped = second.events.find((e) => e.event === 'cases-changed')?.payload as
      { ids: string[] } | undefined
    assert.equal(dropped?.ids.length, held, 'the dropped cases were announced')
    await second.ws.sync.runSoon()
    assert.equal(second.ws.store.counts().case, held, 'read again under the new account')

    // An account without case access: nothing to see, and nothing of the others' left behind.
    await second.value('auth.signIn', 'hl-sanitation', DEMO_PASSWORD)
    const refused = await second.call('cases.list', {})
    assert.ok(!refused.ok && refused.error.code === 'FORBIDDEN')
    assert.equal(second.ws.store.counts().case, 0)
    assert.equal(second.ws.store.cursor('cases'), '0')
    await second.ws.close()
  })

  it('ends the session when the central API refuses the token (401), with a session event', async () => {
    const { ws, events, call, value } = await recorded()
    await value('auth.signIn', 'leader', DEMO_PASSWORD)
    await ws.sync.runSoon()
    const any = (await value<CaseList>('cases.list', { limit: 1 })).cases[0]!
    await fetch(`${central.url}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ws.session.token()}` },
    })
    events.length = 0
    const r = await call('cases.get', any.id)
    assert.ok(!r.ok && r.error.code === 'UNAUTHORIZED', JSON.stringify(r))
    assert.deepEqual(
      events.filter((e) => e.event === 'session').map((e) => (e.payload as Session).user),
      [null],
    )
    assert.equal((await value<Session>('auth.session')).user, null)
    await ws.close()
  })

  it('expires on time, and an expired session file is not restored', async () => {
    const file = join(freshDir(), 'session.json')
    let skew = 0
    const now = () => Date.now() + skew
    const service = await createSessionService({ file, centralUrl: central.url, log: silentLog, now })
    const ends: (string | null)[] = []
    service.onChange((s) => ends.push(s.user?.username ?? null))
    const s = await service.signIn('receiver', DEMO_PASSWORD)
    service.close()
    // A restart twelve hours later, less a blink: restored, then ended by its timer.
    skew = Date.parse(s.expiresAt!) - Date.now() - 80
    const again = await createSessionService({ file, centralUrl: central.url, log: silentLog, now })
    assert.equal(again.get().user?.username, 'receiver')
    again.onChange((x) => ends.push(x.user?.username ?? null))
    await settle(300)
    assert.equal(again.get().user, null)
    assert.deepEqual(ends, ['receiver', null])
    await settle(100)
    assert.equal(existsSync(file), false)
    const later = await createSessionService({ file, centralUrl: central.url, log: silentLog })
    assert.equal(later.get().user, null)
    later.close()
  })

  it('stores the token through the protect hook when Electron gives one', async () => {
    const file = join(freshDir(), 'session.json')
    const protect = {
      encrypt: (t: string) => Buffer.from([...t].reverse().join('')).toString('base64'),
      decrypt: (s: string) => [...Buffer.from(s, 'base64').toString()].reverse().join(''),
    }
    const service = await createSessionService({ file, centralUrl: central.url, log: silentLog, protect })
    await service.signIn('receiver', DEMO_PASSWORD)
    const token = service.token()!
    service.close()
    assert.equal(readFileSync(file, 'utf8').includes(token), false)
    const reopened = await createSessionService({ file, centralUrl: central.url, log: silentLog, protect })
    assert.equal(reopened.token(), token)
    reopened.close()
    const without = await createSessionService({ file, centralUrl: central.url, log: silentLog })
    assert.equal(without.get().user, null, 'no decryption: signed out, not a garbled token')
    without.close()
  })

  it('keeps the token in memory only where there is no keychain, and deletes a file stored before', async () => {
    const file = join(freshDir(), 'session.json')
    const earlier = await createSessionService({ file, centralUrl: central.url, log: silentLog })
    await earlier.signIn('receiver', DEMO_PASSWORD)
    earlier.close()
    assert.equal(existsSync(file), true)

    const memory = await createSessionService({
      file,
      centralUrl: central.url,
      log: silentLog,
      persist: false,
    })
    assert.equal(memory.get().user, null, 'the stored session is not used')
    assert.equal(memory.get().tokenStorage, 'none', 'and the UI can say why')
    assert.equal(existsSync(file), false, 'it is deleted')
    const session = await memory.signIn('receiver', DEMO_PASSWORD)
    assert.equal(session.user?.username, 'receiver')
    assert.equal(session.tokenStorage, 'none')
    assert.ok(memory.token())
    assert.equal(existsSync(file), false, 'nothing written')
    memory.close()
    const next = await createSessionService({ file, centralUrl: central.url, log: silentLog, persist: false })
    assert.equal(next.get().user, null, 'the next start signs in again')
    next.close()
  })
})
