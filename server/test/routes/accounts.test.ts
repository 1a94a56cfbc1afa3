import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { DATABASES, openTestDatabase } from '../databases.js'
import { seededApi, testClock, type SeededApi } from '../seeded.js'
import type { Answer } from '../helpers.js'
import { buildApp } from '../../src/app.js'
import { seedDemoCity } from '../../src/demo/demo.js'
import { loadDemoCity } from '../../../gis-data/demo-city.js'
import { THROTTLE } from '../../src/commands/sign-in.js'
import { passwordProblem, commonPasswords } from '../../src/auth/password-policy.js'
import { findKnownCredentials, isLoopbackHost } from '../../src/auth/known-credentials.js'
import { refusalToListen } from '../../src/cli.js'
import { DEFAULT_DEMO_API_KEY, DEFAULT_DEMO_PASSWORD } from '../../src/config.js'
import { createVerifyLimiter } from '../../src/auth/verify-limiter.js'

// Accounts and the security audit (issue 9): sign-in throttling per address and username, the same answers
// for unknown names, rate limits, the password policy, password change and reset, disabling, ending
// sessions, the idle timeout, the audit log and its retention, and the checks before listening publicly.

const MONDAY_0900 = '2026-03-02T01:00:00Z'
const A = '10.0.0.1'
const B = '10.0.0.2'

type Body = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

for (const backend of DATABASES) {
  describe(`accounts and audit on ${backend.name}`, () => {
    let s: SeededApi
    const clock = testClock(MONDAY_0900)
    const adminIp = '10.9.9.9'

    before(async () => {
      s = await seededApi(backend, { components: false, onlyDistrict: '321202', clock, idleMinutes: 30, rateLimit: { allowList: ['127.0.0.1', adminIp], loginPerMinute: 1000 } })
    })
    after(() => s.close())

    async function call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, o: { token?: string; body?: unknown; ip?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
      const res = await s.app.inject({
        method,
        url,
        remoteAddress: o.ip ?? '127.0.0.1',
        headers: { ...(o.token ? { authorization: `Bearer ${o.token}` } : {}), ...o.headers },
        ...(o.body !== undefined ? { payload: o.body as object } : {}),
      })
      return { status: res.statusCode, body: res.body ? (res.json() as Body) : null, headers: res.headers }
    }
    const login = (username: string, password: string, ip = '127.0.0.1') => call('POST', '/api/v1/auth/login', { body: { username, password }, ip })
    async function tokenOf(username: string, password = DEFAULT_DEMO_PASSWORD, ip = '127.0.0.1'): Promise<string> {
      const r = await login(username, password, ip)
      assert.equal(r.status, 200, `sign-in of ${username}: ${JSON.stringify(r.body)}`)
      return r.body.token as string
    }
    const answer = (r: Answer) => [r.status, r.body?.error?.code, r.headers['retry-after']]

    test('throttle: per address and username, progressive, then a block; unknown names alike; another address signs in', async () => {
      clock.set(MONDAY_0900)
      const known: unknown[][] = []
      const unknown: unknown[][] = []
      // Both names walk the same path to the block: 401 for the free failures, then 429 until each wait ends.
      for (const [name, into] of [['gis', known], ['no-such-person', unknown]] as const) {
        clock.set(MONDAY_0900)
        for (let failure = 1; failure <= THROTTLE.blockAfter; failure++) {
          into.push(answer(await login(name, 'wrong-password', A)))
          if (failure >= THROTTLE.freeFailures && failure < THROTTLE.blockAfter) {
            into.push(answer(await login(name, 'wrong-password', A))) // too soon
            clock.advance(1000 * 2 ** (failure - THROTTLE.freeFailures))
          }
        }
        into.push(answer(await login(name, DEFAULT_DEMO_PASSWORD, A))) // blocked, even the right password
      }
      assert.deepEqual(known, unknown, 'unknown and known usernames get the same answers')
      assert.deepEqual(known[0], [401, 'BAD_CREDENTIALS', undefined])
      assert.deepEqual(known[3], [429, 'SIGN_IN_THROTTLED', '1'], 'the 4th attempt right after the 3rd failure waits 1 s')
      assert.deepEqual(known.at(-1), [429, 'SIGN_IN_THROTTLED', String(THROTTLE.blockMs / 1000)], 'blocked for 15 minutes')

      // The owner signs in from another address all the while.
      assert.equal((await login('gis', DEFAULT_DEMO_PASSWORD, B)).status, 200)
      clock.advance(THROTTLE.blockMs + 1000)
      assert.equal((await login('gis', DEFAULT_DEMO_PASSWORD, A)).status, 200, 'the block ends')
      // A success forgets the failures of that address.
      assert.deepEqual(answer(await login('gis', 'wrong-password', A)), [401, 'BAD_CREDENTIALS', undefined])
      assert.equal((await login('gis', DEFAULT_DEMO_PASSWORD, A)).status, 200)

      const admin = await tokenOf('admin', DEFAULT_DEMO_PASSWORD, adminIp)
      const blocks = await call('GET', `/api/v1/admin/audit?action=auth.block&address=${A}`, { token: admin, ip: adminIp })
      assert.deepEqual(blocks.body.entries.map((e: Body) => e.actorName).sort(), ['gis', 'no-such-person'])
      const failures = await call('GET', `/api/v1/admin/audit?action=auth.login&outcome=failure&actor=no-such-person`, { token: admin, ip: adminIp })
      assert.equal(failures.body.entries.length, THROTTLE.blockAfter)
      assert.equal(failures.body.entries[0].details.reason, 'unknown-username')
    })

    test('unknown names are verified against a dummy hash like known ones (same cost), through the bounded verifier', async () => {
      clock.set(MONDAY_0900)
      const verified: string[] = []
      const verify = s.app.verifier.verify
      s.app.verifier.verify = (hash, password) => {
        verified.push(hash)
        return verify.call(s.app.verifier, hash, password)
      }
      try {
        await login('leader', 'wrong-password', '10.1.1.1')
        await login('nobody-at-all', 'wrong-password', '10.1.1.1')
      } finally {
        s.app.verifier.verify = verify
      }
      const params = verified.map((h) => /^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/.exec(h)?.[0])
      assert.equal(params.length, 2, 'one argon2 verification each')
      assert.ok(params[0] && params[0] === params[1], `the same argon2 parameters: ${params.join(' vs ')}`)
      assert.notEqual(verified[0], verified[1])
      const limiter = createVerifyLimiter({ max: 1, maxWaiting: 1 })
      let release!: () => void
      const first = limiter.run(() => new Promise<void>((r) => (release = r)))
      const second = limiter.run(async () => 'second')
      await assert.rejects(limiter.run(async () => 'third'), /too many sign-ins at once/)
      assert.deepEqual(limiter.load, { running: 1, waiting: 1 })
      release()
      await first
      assert.equal(await second, 'second')
    })

    test('password policy: length, username, repetition, the common list, the demo password', () => {
      assert.ok(commonPasswords().size > 1000)
      assert.match(passwordProblem('short-one', 'someone')!, /at least 10/)
      assert.match(passwordProblem('xx-receiver-xx', 'receiver')!, /username/)
      assert.match(passwordProblem('aaaaaaaaaaaa', 'someone')!, /repeated/)
      assert.match(passwordProblem('QwertyUiop', 'someone')!, /common/)
      assert.match(passwordProblem('1qaz2wsx3edc', 'someone')!, /common/)
      assert.match(passwordProblem('site-demo-pass', 'someone', ['site-demo-pass'])!, /demo/)
      assert.equal(passwordProblem('河边的柳树-spring-2026', 'someone'), undefined)
    })

    test('change my password: current one needed, policy, other sessions end, this one stays', async () => {
      clock.set(MONDAY_0900)
      const here = await tokenOf('inspector-east')
      const other = await tokenOf('inspector-east')
      const change = (body: unknown, token = here) => call('POST', '/api/v1/auth/password', { token, body })
      assert.equal((await call('POST', '/api/v1/auth/password', { body: { currentPassword: 'x', newPassword: 'y' } })).status, 401, 'anonymous')
      const missing = await change({ currentPassword: DEFAULT_DEMO_PASSWORD })
      assert.equal(missing.status, 400)
      assert.match(JSON.stringify(missing.body), /newPassword/)
      assert.deepEqual(answer(await change({ currentPassword: 'not-it', newPassword: 'a-fresh-passphrase' })).slice(0, 2), [401, 'BAD_CREDENTIALS'])
      const weak = await change({ currentPassword: DEFAULT_DEMO_PASSWORD, newPassword: 'password123' })
      assert.deepEqual([weak.status, weak.body.error.field], [400, 'body.newPassword'])
      assert.equal((await change({ currentPassword: DEFAULT_DEMO_PASSWORD, newPassword: DEFAULT_DEMO_PASSWORD })).status, 400, 'not the demo password')
      const api = await s.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { 'x-api-key': DEFAULT_DEMO_API_KEY }, payload: { currentPassword: 'a', newPassword: 'b' } })
      assert.equal(api.statusCode, 403, 'API clients have no password')

      assert.equal((await change({ currentPassword: DEFAULT_DEMO_PASSWORD, newPassword: 'east-street-2026!' })).status, 204)
      assert.equal((await call('GET', '/api/v1/auth/me', { token: here })).status, 200, 'this session stays')
      assert.equal((await call('GET', '/api/v1/auth/me', { token: other })).status, 401, 'the other session ended')
      assert.equal((await login('inspector-east', DEFAULT_DEMO_PASSWORD)).status, 401)
      assert.equal((await login('inspector-east', 'east-street-2026!')).status, 200)
    })

    test('administrators: reset a password, disable (sessions end at once), enable, end sessions; others 403, anonymous 401', async () => {
      clock.set(MONDAY_0900)
      const admin = await tokenOf('admin')
      const receiver = await tokenOf('receiver')
      const leaderId = (await login('leader', DEFAULT_DEMO_PASSWORD)).body.user.id as string
      const adminId = (await call('GET', '/api/v1/auth/me', { token: admin })).body.user.id as string
      const routes = [
        ['PUT', `/api/v1/admin/users/${leaderId}/password`, { newPassword: 'harbour-lights-2026' }],
        ['POST', `/api/v1/admin/users/${leaderId}/disable`, undefined],
        ['POST', `/api/v1/admin/users/${leaderId}/enable`, undefined],
        ['DELETE', `/api/v1/admin/users/${leaderId}/sessions`, undefined],
        ['GET', '/api/v1/admin/audit', undefined],
      ] as const
      for (const [method, url, body] of routes) {
        assert.equal((await call(method, url, { ...(body ? { body } : {}) })).status, 401, `anonymous ${method} ${url}`)
        assert.equal((await call(method, url, { token: receiver, ...(body ? { body } : {}) })).status, 403, `receiver ${method} ${url}`)
      }
      const badId = await call('POST', '/api/v1/admin/users/no%20such/disable', { token: admin })
      assert.equal(badId.status, 400)
      assert.match(JSON.stringify(badId.body), /params|id/)
      assert.equal((await call('POST', '/api/v1/admin/users/demo-nobody/disable', { token: admin })).status, 404)
      const weak = await call('PUT', `/api/v1/admin/users/${leaderId}/password`, { token: admin, body: { newPassword: 'leader' } })
      assert.deepEqual([weak.status, weak.body.error.field], [400, 'body.newPassword'])
      const extra = await call('PUT', `/api/v1/admin/users/${leaderId}/password`, { token: admin, body: { newPassword: 'harbour-lights-2026', role: 'admin' } })
      assert.equal(extra.status, 400)

      const leader = await tokenOf('leader')
      const reset = await call('PUT', `/api/v1/admin/users/${leaderId}/password`, { token: admin, body: { newPassword: 'harbour-lights-2026' } })
      assert.deepEqual([reset.status, reset.body.sessionsEnded >= 1], [200, true])
      assert.equal((await call('GET', '/api/v1/auth/me', { token: leader })).status, 401, 'a reset ends the sessions')
      const live = await tokenOf('leader', 'harbour-lights-2026')
      assert.equal((await call('GET', '/api/v1/tasks', { token: live })).status, 200)
      const disabled = await call('POST', `/api/v1/admin/users/${leaderId}/disable`, { token: admin })
      assert.deepEqual([disabled.status, disabled.body.user.active], [200, false])
      assert.equal((await call('GET', '/api/v1/tasks', { token: live })).status, 401, 'the disabled account’s live session ended at once')
      assert.deepEqual(answer(await login('leader', 'harbour-lights-2026')).slice(0, 2), [401, 'BAD_CREDENTIALS'], 'a disabled account answers as a wrong password')
      assert.equal((await call('POST', `/api/v1/admin/users/${leaderId}/enable`, { token: admin })).body.user.active, true)
      const again = await tokenOf('leader', 'harbour-lights-2026')
      const ended = await call('DELETE', `/api/v1/admin/users/${leaderId}/sessions`, { token: admin })
      assert.deepEqual([ended.status, ended.body.sessionsEnded], [200, 1])
      assert.equal((await call('GET', '/api/v1/auth/me', { token: again })).status, 401)

      assert.deepEqual([(await call('POST', `/api/v1/admin/users/${adminId}/disable`, { token: admin })).body.error.code], ['OWN_ACCOUNT'])
      const created = await call('POST', '/api/v1/admin/users', { token: admin, body: { username: 'second-admin', displayName: '管理员二', role: 'admin', password: 'second-admin-pw' } })
      assert.deepEqual([created.status, created.body.error?.field], [400, 'body.password'], 'the policy holds at creation too')
      const ok = await call('POST', '/api/v1/admin/users', { token: admin, body: { username: 'second-admin', displayName: '管理员二', role: 'admin', password: 'winter-harbour-77' } })
      assert.equal(ok.status, 201)
      const second = await tokenOf('second-admin', 'winter-harbour-77')
      assert.equal((await call('POST', `/api/v1/admin/users/${adminId}/disable`, { token: second })).status, 200)
      assert.equal((await call('POST', `/api/v1/admin/users/${ok.body.id}/disable`, { token: admin })).status, 401, 'the disabled admin is signed out')
      await call('POST', `/api/v1/admin/users/${adminId}/enable`, { token: second })

      const trail = await call('GET', `/api/v1/admin/audit?target=x&actor=${ok.body.id}`, { token: second })
      assert.equal(trail.status, 400, 'unknown filters are refused')
      const mine = await call('GET', `/api/v1/admin/audit?actor=${adminId}&limit=50`, { token: second })
      const actions = mine.body.entries.map((e: Body) => `${e.action}:${e.outcome}`)
      for (const a of ['user.password-reset:success', 'user.disable:success', 'user.enable:success', 'user.sessions-end:success', 'user.create:success', 'auth.login:success']) {
        assert.ok(actions.includes(a), `${a} in ${actions.join(' ')}`)
      }
      const denied = await call('GET', '/api/v1/admin/audit?action=access.denied&outcome=denied', { token: second })
      assert.ok(denied.body.entries.some((e: Body) => e.actorName === 'receiver' && e.target === 'GET /api/v1/admin/audit'), 'every 403 is audited')
    })

    test('audit: filters, keyset paging, bad input named; calendar and case-rule changes; append-only; retention', async () => {
      clock.set(MONDAY_0900)
      const admin = await tokenOf('admin')
      const rules = await call('PUT', '/api/v1/admin/case-rules', { token: admin, body: { settings: { yellowShare: 0.75 } } })
      assert.equal(rules.status, 200)
      const year = (await call('GET', '/api/v1/admin/calendar/2026', { token: admin })).body
      const cal = await call('PUT', '/api/v1/admin/calendar/2026', { token: admin, body: { notice: year.notice, holidays: year.holidays, workdays: year.workdays } })
      assert.equal(cal.status, 200)
      const changes = await call('GET', '/api/v1/admin/audit?limit=2', { token: admin })
      assert.equal(changes.status, 200, JSON.stringify(changes.body))
      assert.deepEqual(changes.body.entries.map((e: Body) => [e.action, e.target]), [['calendar.update', 'calendar/2026'], ['case-rules.update', 'case-rules']])
      assert.ok(changes.body.next)
      const page2 = await call('GET', `/api/v1/admin/audit?limit=2&after=${changes.body.next}`, { token: admin })
      assert.ok(page2.body.entries.every((e: Body) => BigInt(e.id) < BigInt(changes.body.next)))
      const window = await call('GET', `/api/v1/admin/audit?from=${MONDAY_0900}&to=2026-03-02T01:00:00.001Z&action=calendar.update`, { token: admin })
      assert.ok(window.body.entries.length >= 1)
      const empty = await call('GET', `/api/v1/admin/audit?to=${MONDAY_0900}&action=calendar.update`, { token: admin })
      assert.equal(empty.body.entries.length, 0)
      const badFrom = await call('GET', '/api/v1/admin/audit?from=yesterday', { token: admin })
      assert.deepEqual([badFrom.status, badFrom.body.error.field], [400, 'querystring.from'])
      const badOutcome = await call('GET', '/api/v1/admin/audit?outcome=maybe', { token: admin })
      assert.equal(badOutcome.status, 400)
      assert.match(JSON.stringify(badOutcome.body), /outcome|querystring/)

      // Append-only: the database refuses edits and early deletes whoever asks; the retention job removes old rows only.
      await sql`insert into security_audit (at, actor_kind, action, outcome) values (now(), 'system', 'young.event', 'success')`.execute(s.open.db)
      await assert.rejects(sql`update security_audit set outcome = 'success'`.execute(s.open.db), /append-only/)
      await assert.rejects(sql`delete from security_audit`.execute(s.open.db), /append-only/)
      await sql`insert into security_audit (at, actor_kind, action, outcome) values (now() - interval '400 days', 'system', 'old.event', 'success'), (now() - interval '200 days', 'system', 'kept.event', 'success')`.execute(s.open.db)
      clock.set(new Date()) // the job measures from today, as the database's trigger does
      const run = await call('POST', '/api/v1/admin/jobs/audit-retention/run', { token: await tokenOf('admin') })
      assert.deepEqual([run.status, run.body.ran, run.body.result?.removed >= 1, run.body.result?.retentionDays], [200, true, true, 365], JSON.stringify(run.body))
      clock.set(MONDAY_0900)
      const left = await sql<{ action: string }>`select action from security_audit where action in ('old.event', 'kept.event')`.execute(s.open.db)
      assert.deepEqual(left.rows.map((r) => r.action), ['kept.event'])
    })

    test('idle timeout: 30 minutes without a request ends a session; use keeps it; last use written at most once a minute', async () => {
      clock.set(MONDAY_0900)
      const token = await tokenOf('dispatcher')
      const lastSeen = async () => (await sql<{ at: Date }>`select max(last_seen_at) as at from user_session s join app_user u on u.id = s.user_id where u.username = 'dispatcher'`.execute(s.open.db)).rows[0]!.at
      const signedInAt = +(await lastSeen())
      clock.advance(20_000)
      assert.equal((await call('GET', '/api/v1/auth/me', { token })).status, 200)
      assert.equal(+(await lastSeen()), signedInAt, 'no write within the minute')
      clock.advance(29 * 60_000)
      assert.equal((await call('GET', '/api/v1/auth/me', { token })).status, 200, 'used within 30 minutes')
      assert.equal(+(await lastSeen()), +clock.now(), 'written after a minute')
      clock.advance(29 * 60_000)
      assert.equal((await call('GET', '/api/v1/auth/me', { token })).status, 200)
      clock.advance(30 * 60_000 + 1000)
      const idle = await call('GET', '/api/v1/auth/me', { token })
      assert.deepEqual([idle.status, idle.body.error.code], [401, 'TOKEN_INVALID'])
    })

    test('known credentials: demo passwords are found by their hash; a non-loopback HOST is refused while they live', async () => {
      const before = await findKnownCredentials(s.open.db, [DEFAULT_DEMO_PASSWORD], [DEFAULT_DEMO_API_KEY])
      assert.ok(before.usernames.includes('receiver'))
      assert.ok(!before.usernames.includes('leader'), 'leader’s password was reset above')
      assert.deepEqual(before.apiClients, ['demo-sensor'])
      assert.ok(isLoopbackHost('127.0.0.1') && isLoopbackHost('::1') && isLoopbackHost('localhost') && !isLoopbackHost('0.0.0.0') && !isLoopbackHost('192.168.1.5'))
      assert.equal(await refusalToListen(s.open.db, { host: '127.0.0.1', demoPassword: DEFAULT_DEMO_PASSWORD, demoApiKey: DEFAULT_DEMO_API_KEY }), undefined)
      const refusal = await refusalToListen(s.open.db, { host: '0.0.0.0', demoPassword: 'site-demo-pw', demoApiKey: 'site-key' })
      assert.match(refusal!, /refusing to listen on HOST=0\.0\.0\.0: \d+ accounts have the demo password .* demo API key is active .*disable-demo-accounts.*create-admin/)
      assert.doesNotMatch(refusal!, /\n/, 'one line')
      // An account whose hash was set by hand (no flag anywhere) is found the same way.
      const hash = (await sql<{ h: string }>`select password_hash as h from app_user where username = 'receiver'`.execute(s.open.db)).rows[0]!.h
      await sql`update app_user set active = false where password_hash = ${hash}`.execute(s.open.db)
      await sql`update api_client set active = false`.execute(s.open.db)
      await sql`update app_user set active = true, password_hash = ${hash} where username = 'leader'`.execute(s.open.db)
      assert.deepEqual((await findKnownCredentials(s.open.db, [DEFAULT_DEMO_PASSWORD], [DEFAULT_DEMO_API_KEY])).usernames, ['leader'])
      await sql`update app_user set active = false where username = 'leader'`.execute(s.open.db)
      assert.equal(await refusalToListen(s.open.db, { host: '0.0.0.0', demoPassword: DEFAULT_DEMO_PASSWORD, demoApiKey: DEFAULT_DEMO_API_KEY }), undefined)
    })
  })
}

describe('rate limits, trusted proxy and the request log', () => {
  test('per address: the whole API and sign-in are limited, /healthz is not, an allow-listed address is not; X-Forwarded-For only behind a trusted proxy', async () => {
    const open = await openTestDatabase(DATABASES[0]!)
    const city = loadDemoCity()
    await seedDemoCity(open.db, { ...city, components: city.components.slice(0, 5) })
    const photosDir = mkdtempSync(join(tmpdir(), 'cityloop-photos-'))
    const lines: Body[] = []
    const stream = new Writable({
      write(chunk, _enc, done) {
        for (const l of String(chunk).split('\n')) if (l) lines.push(JSON.parse(l) as Body)
        done()
      },
    })
    const app = await buildApp({
      db: open.db,
      databaseEngine: open.engine,
      photosDir,
      logger: { level: 'info', stream },
      rateLimit: { perMinute: 5, loginPerMinute: 2, allowList: ['10.7.7.7'] },
      trustProxy: '10.0.0.254',
    })
    try {
      const get = (url: string, ip: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, remoteAddress: ip, headers })
      for (let i = 0; i < 5; i++) assert.equal((await get('/api/v1/regions', '10.5.5.5')).statusCode, 200)
      const over = await get('/api/v1/regions', '10.5.5.5')
      assert.deepEqual([over.statusCode, over.json().error.code, Number(over.headers['retry-after']) > 0], [429, 'RATE_LIMITED', true])
      for (let i = 0; i < 10; i++) assert.equal((await get('/healthz', '10.5.5.5')).statusCode, 200, '/healthz is exempt')
      assert.equal((await get('/api/v1/regions', '10.5.5.6')).statusCode, 200, 'another address has its own budget')
      for (let i = 0; i < 8; i++) assert.equal((await get('/api/v1/regions', '10.7.7.7')).statusCode, 200, 'allow-listed')

      const signIn = (ip: string, headers: Record<string, string> = {}) =>
        app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: ip, headers, payload: { username: 'receiver', password: DEFAULT_DEMO_PASSWORD } })
      assert.equal((await signIn('10.6.6.6')).statusCode, 200)
      const ok = await signIn('10.6.6.6')
      assert.equal(ok.statusCode, 200)
      assert.equal((await signIn('10.6.6.6')).json().error.code, 'RATE_LIMITED', 'the third sign-in a minute from one address')

      // Behind the trusted proxy the client address is X-Forwarded-For's; from anyone else the header is ignored.
      const proxied = await signIn('10.0.0.254', { 'x-forwarded-for': '172.20.1.9' })
      assert.equal(proxied.statusCode, 200)
      const spoofed = await signIn('10.6.6.7', { 'x-forwarded-for': '172.20.1.10' })
      assert.equal(spoofed.statusCode, 200)
      const addresses = await sql<{ address: string }>`select address from security_audit where action = 'auth.login' order by id`.execute(open.db)
      assert.deepEqual(addresses.rows.map((r) => r.address), ['10.6.6.6', '10.6.6.6', '172.20.1.9', '10.6.6.7'])

      // The request log names the caller.
      const token = ok.json().token as string
      const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', remoteAddress: '10.6.6.8', headers: { authorization: `Bearer ${token}` } })
      assert.equal(me.statusCode, 200)
      const userId = me.json().user.id as string
      assert.ok(lines.some((l) => l.userId === userId && l.msg === 'request completed'), 'the access line carries the user id')
    } finally {
      await app.close()
      await open.close()
      rmSync(photosDir, { recursive: true, force: true })
    }
  })
})
