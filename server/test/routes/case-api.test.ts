import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { DATABASES } from '../databases.js'
import { seededApi, testClock, type SeededApi } from '../seeded.js'
import { caller, JPEG, PNG, signIn, signInAll, uploadPhoto, type Caller } from '../helpers.js'

// The case API's answers around the loop: sign-in and lockout, refusals (illegal, stale, forbidden, bad
// payload), idempotent intake and actions, concurrent actions, photos, duplicates, search, task queues,
// the change feed and the append-only audit table.

const HAILING = { lon: 119.92, lat: 32.49 }
const GARBAGE = '2026:event:06010'
const MONDAY_0900 = '2026-03-02T01:00:00Z'

type Case = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

for (const backend of DATABASES) {
  describe(`case API on ${backend.name}`, () => {
    let s: SeededApi
    let u: Record<string, Caller>
    let anonymous: Caller
    const clock = testClock(MONDAY_0900)
    const by = (name: string) => u[name]!
    let spot = 0

    before(async () => {
      s = await seededApi(backend, { components: false, onlyDistrict: '321202', clock })
      u = await signInAll(s.app)
      anonymous = caller(s.app, 'anonymous', {})
    })
    after(() => s.close())

    /** A new case, each at its own spot ~300 m apart (no duplicate flags between tests), in the inspector's street. */
    async function report(who = 'inspector', body: Record<string, unknown> = {}): Promise<Case> {
      const at = { lon: 119.905 + (spot % 6) * 0.003, lat: 32.485 + Math.floor(spot / 6) * 0.003 }
      spot++
      const r = await by(who).post('/api/v1/cases', { ...HAILING, ...at, categoryKey: GARBAGE, description: '暴露垃圾', ...body })
      assert.equal(r.status, 201, JSON.stringify(r.body))
      return r.body.case
    }

    async function act(who: string, c: Case, action: string, payload: Record<string, unknown> = {}): Promise<Case> {
      clock.advance(60_000)
      const r = await by(who).post(`/api/v1/cases/${c.id}/actions`, { action, version: c.version, ...payload })
      assert.equal(r.status, 200, `${action} by ${who}: ${JSON.stringify(r.body)}`)
      return r.body.case
    }

    test('sign-in: token, me, logout; wrong password 401; sessions run out', async () => {
      clock.set(MONDAY_0900)
      const me = await by('dispatcher').get('/api/v1/auth/me')
      assert.deepEqual([me.status, me.body.user.role, me.body.user.username], [200, 'dispatcher', 'dispatcher'])
      assert.equal(me.body.expiresAt, '2026-03-02T13:00:00.000Z', '12-hour sessions')
      assert.equal((await anonymous.get('/api/v1/auth/me')).status, 401)
      const garbage = await caller(s.app, 'x', { authorization: 'Bearer not-a-real-token-at-all-xxxxx' }).get('/api/v1/tasks')
      assert.deepEqual([garbage.status, garbage.body.error.code], [401, 'TOKEN_INVALID'])

      // Throttling, lockout by address and the rest of the accounts: accounts.test.ts.
      const unknown = await anonymous.post('/api/v1/auth/login', { username: 'nobody', password: 'x' })
      assert.deepEqual([unknown.status, unknown.body.error.code], [401, 'BAD_CREDENTIALS'])
      assert.equal((await anonymous.post('/api/v1/auth/login', { username: 'gis', password: 'wrong' })).status, 401)

      const session = await signIn(s.app, 'leader')
      assert.equal((await session.post('/api/v1/auth/logout')).status, 204)
      assert.equal((await session.get('/api/v1/auth/me')).status, 401)
      // Sessions run out.
      const short = await signIn(s.app, 'leader')
      clock.advance(12 * 3_600_000 + 1)
      assert.equal((await short.get('/api/v1/auth/me')).status, 401)
      clock.set(MONDAY_0900)
    })

    test('refusals: 409 illegal (status + allowed), 409 stale version, 403 forbidden with reason, 400 naming the field', async () => {
      clock.set(MONDAY_0900)
      const c = await report()
      const illegal = await by('receiver').post(`/api/v1/cases/${c.id}/actions`, { action: 'dispatch', version: 1, unitId: 'hl-sanitation' })
      assert.equal(illegal.status, 409)
      assert.deepEqual([illegal.body.error.code, illegal.body.error.status], ['ILLEGAL_ACTION', 'reported'])
      assert.deepEqual(illegal.body.error.allowed, ['accept', 'not-accept', 'request-verify'])

      const forbidden = await by('dispatcher').post(`/api/v1/cases/${c.id}/actions`, { action: 'accept', version: 1 })
      assert.deepEqual([forbidden.status, forbidden.body.error.code], [403, 'FORBIDDEN'])
      assert.match(forbidden.body.error.message, /dispatcher may not accept/)

      const accepted = await act('receiver', c, 'accept')
      const stale = await by('shift-leader').post(`/api/v1/cases/${c.id}/actions`, { action: 'register', version: 1 })
      assert.deepEqual([stale.status, stale.body.error.code, stale.body.error.currentVersion], [409, 'STALE_VERSION', 2])
      assert.deepEqual(stale.body.error.allowed, ['register', 'not-register', 'void'])

      const missing = await by('shift-leader').post(`/api/v1/cases/${c.id}/actions`, { action: 'not-register', version: accepted.version })
      assert.deepEqual([missing.status, missing.body.error.field], [400, 'body.reason'])
      const registered = await act('shift-leader', accepted, 'register')
      const noUnit = await by('dispatcher').post(`/api/v1/cases/${c.id}/actions`, { action: 'dispatch', version: registered.version })
      assert.deepEqual([noUnit.status, noUnit.body.error.field], [400, 'body.unitId'])
      const unknownUnit = await by('dispatcher').post(`/api/v1/cases/${c.id}/actions`, { action: 'dispatch', version: registered.version, unitId: 'no-such-unit' })
      assert.deepEqual([unknownUnit.status, unknownUnit.body.error.field], [400, 'body.unitId'])
      const unknownAction = await by('dispatcher').post(`/api/v1/cases/${c.id}/actions`, { action: 'teleport', version: registered.version })
      assert.equal(unknownAction.status, 400)
      const noVersion = await by('dispatcher').post(`/api/v1/cases/${c.id}/actions`, { action: 'dispatch', unitId: 'hl-sanitation' })
      assert.equal(noVersion.status, 400)

      // Out of scope: another street's inspector, a unit the case is not assigned to, the GIS maintainer.
      const dispatched = await act('dispatcher', registered, 'dispatch', { unitId: 'hl-sanitation' })
      const otherUnit = await by('hl-law-enforcement').post(`/api/v1/cases/${c.id}/actions`, { action: 'sign', version: dispatched.version })
      assert.equal(otherUnit.status, 403)
      assert.equal((await by('hl-law-enforcement').get(`/api/v1/cases/${c.id}`)).status, 404)
      assert.equal((await by('gis').post(`/api/v1/cases/${c.id}/actions`, { action: 'sign', version: dispatched.version })).status, 403)
      assert.equal((await by('gis').get('/api/v1/cases')).status, 403)
      assert.equal((await anonymous.post(`/api/v1/cases/${c.id}/actions`, { action: 'sign', version: 4 })).status, 401)
      assert.equal((await by('receiver').get('/api/v1/cases/00000000-0000-4000-8000-000000000000')).status, 404)
      assert.equal((await by('receiver').get('/api/v1/cases/not-a-uuid')).status, 400)
      // Nothing was half-applied: the trail holds exactly the accepted steps.
      const trail = await by('receiver').get(`/api/v1/cases/${c.id}/events`)
      assert.deepEqual(trail.body.events.map((e: Case) => e.type), ['create', 'accept', 'register', 'dispatch'])
    })

    test('idempotent intake: a retried POST returns the same case, never two; a reused key with another body is refused', async () => {
      clock.set(MONDAY_0900)
      const body = { lon: 119.935, lat: 32.495, categoryKey: GARBAGE, description: '重传测试' }
      const key = { 'idempotency-key': 'upload-7f3a' }
      const first = await by('inspector').post('/api/v1/cases', body, key)
      const retry = await by('inspector').post('/api/v1/cases', body, key)
      assert.deepEqual([first.status, retry.status], [201, 201])
      assert.equal(retry.body.case.id, first.body.case.id)
      assert.equal(retry.headers['idempotent-replayed'], 'true')
      assert.equal(first.headers['idempotent-replayed'], undefined)
      const other = await by('inspector').post('/api/v1/cases', { ...body, description: '另一件' }, key)
      assert.deepEqual([other.status, other.body.error.code], [409, 'IDEMPOTENCY_KEY_REUSED'])
      // The same key from another caller is another request.
      const elsewhere = await by('receiver').post('/api/v1/cases', body, key)
      assert.notEqual(elsewhere.body.case.id, first.body.case.id)

      // Retries racing each other: exactly one case.
      const raceKey = { 'idempotency-key': 'upload-race-1' }
      const race = await Promise.all(Array.from({ length: 5 }, () => by('inspector').post('/api/v1/cases', { ...body, description: '并发重传' }, raceKey)))
      assert.ok(race.every((r) => r.status === 201), JSON.stringify(race.map((r) => r.body)))
      assert.equal(new Set(race.map((r) => r.body.case.id)).size, 1)
      const n = await s.open.db.selectFrom('case_file').select((eb) => eb.fn.countAll<string>().as('n')).where('description', '=', '并发重传').executeTakeFirstOrThrow()
      assert.equal(Number(n.n), 1)

      // Actions under a key are applied once too (the workstation's outbox retries).
      const c = first.body.case
      const accept = { action: 'accept', version: c.version }
      const a1 = await by('receiver').post(`/api/v1/cases/${c.id}/actions`, accept, { 'idempotency-key': 'cmd-1' })
      const a2 = await by('receiver').post(`/api/v1/cases/${c.id}/actions`, accept, { 'idempotency-key': 'cmd-1' })
      assert.deepEqual([a1.status, a2.status, a2.body.case.version, a2.headers['idempotent-replayed']], [200, 200, 2, 'true'])
    })

    test('concurrent actions on one case: one wins, the other gets 409; one event is written', async () => {
      clock.set(MONDAY_0900)
      const c = await report()
      const [a, b] = await Promise.all([
        by('receiver').post(`/api/v1/cases/${c.id}/actions`, { action: 'accept', version: 1 }),
        by('shift-leader').post(`/api/v1/cases/${c.id}/actions`, { action: 'not-accept', version: 1, reason: '重复' }),
      ])
      assert.deepEqual([a.status, b.status].sort(), [200, 409])
      const loser = a.status === 409 ? a : b
      assert.ok(['STALE_VERSION', 'ILLEGAL_ACTION'].includes(loser.body.error.code))
      const trail = await by('receiver').get(`/api/v1/cases/${c.id}/events`)
      assert.equal(trail.body.events.length, 2)

      // Many at once, same version: still exactly one.
      const d = await report()
      const many = await Promise.all(Array.from({ length: 6 }, () => by('receiver').post(`/api/v1/cases/${d.id}/actions`, { action: 'accept', version: 1 })))
      assert.equal(many.filter((r) => r.status === 200).length, 1)
      assert.equal(many.filter((r) => r.status === 409).length, 5)
    })

    test('photos: JPEG/PNG/WebP by their bytes, ≤ 10 MB, raw or multipart; stored once by sha256', async () => {
      const png = await uploadPhoto(by('inspector'), PNG)
      assert.match(png, /^[0-9a-f]{64}$/)
      assert.equal(await uploadPhoto(by('receiver'), PNG), png, 'the same bytes are the same photo')
      await uploadPhoto(by('inspector'), JPEG, 'image/jpeg')
      const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 '), Buffer.alloc(16)])
      await uploadPhoto(by('inspector'), webp, 'application/octet-stream')
      const lie = await by('inspector').post('/api/v1/photos', JPEG, { 'content-type': 'image/png' })
      assert.deepEqual([lie.status, lie.body.error.code], [415, 'UNSUPPORTED_TYPE'])
      const gif = await by('inspector').post('/api/v1/photos', Buffer.from('GIF89a.......'), { 'content-type': 'application/octet-stream' })
      assert.equal(gif.status, 415)
      const text = await by('inspector').post('/api/v1/photos', 'hello', { 'content-type': 'text/plain' })
      assert.equal(text.status, 415)
      const big = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)])
      const tooBig = await by('inspector').post('/api/v1/photos', big, { 'content-type': 'image/png' })
      assert.deepEqual([tooBig.status, tooBig.body.error.code], [413, 'TOO_LARGE'])

      const boundary = '----cityloop7MA4YWxk'
      const multipart = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n`),
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
        JPEG,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ])
      const form = await by('inspector').post('/api/v1/photos', multipart, { 'content-type': `multipart/form-data; boundary=${boundary}` })
      assert.deepEqual([form.status, form.body.contentType, form.body.size], [201, 'image/jpeg', JPEG.length])

      // Read by its uploader (until a case cites it, no one else: routes/photos.test.ts).
      const got = await s.app.inject({ method: 'GET', url: `/api/v1/photos/${png}`, headers: { authorization: (await tokenOf('inspector')) } })
      assert.deepEqual([got.statusCode, got.headers['content-type'], got.rawPayload.equals(PNG)], [200, 'image/png', true])
      assert.equal((await anonymous.get(`/api/v1/photos/${png}`)).status, 401)
      assert.equal((await by('receiver').get(`/api/v1/photos/${'0'.repeat(64)}`)).status, 404)
      const sensor = await s.app.inject({ method: 'POST', url: '/api/v1/photos', headers: { 'x-api-key': 'cityloop-demo-sensor-key', 'content-type': 'image/png' }, payload: PNG })
      assert.equal(sensor.statusCode, 201)
      const badRef = await by('inspector').post('/api/v1/cases', { ...HAILING, categoryKey: GARBAGE, photoIds: ['a'.repeat(64)] })
      assert.deepEqual([badRef.status, badRef.body.error.field], [400, 'body.photoIds'])
    })

    async function tokenOf(username: string): Promise<string> {
      const r = await anonymous.post('/api/v1/auth/login', { username, password: 'cityloop-demo' })
      return `Bearer ${r.body.token}`
    }

    test('duplicates: same category, open, within 50 m and 24 h are flagged — not farther, later or closed', async () => {
      clock.set(MONDAY_0900)
      const here = { lon: 119.9105, lat: 32.4755 }
      const cat = '2026:event:06011'
      const first = (await by('inspector').post('/api/v1/cases', { ...here, categoryKey: cat })).body.case
      clock.advance(3_600_000)
      const near = await by('inspector').post('/api/v1/cases', { lon: here.lon + 0.0003, lat: here.lat, categoryKey: cat })
      assert.deepEqual(near.body.duplicates.map((d: Case) => d.id), [first.id])
      assert.ok(near.body.duplicates[0].distanceM > 20 && near.body.duplicates[0].distanceM < 35)
      assert.deepEqual(near.body.case.duplicateIds, [first.id])
      const far = await by('inspector').post('/api/v1/cases', { lon: here.lon + 0.002, lat: here.lat, categoryKey: cat })
      assert.deepEqual(far.body.duplicates, [])
      const otherCategory = await by('inspector').post('/api/v1/cases', { ...here, categoryKey: GARBAGE })
      assert.ok(!otherCategory.body.duplicates.some((d: Case) => d.id === first.id))
      clock.advance(25 * 3_600_000)
      u.inspector = await signIn(s.app, 'inspector') // a day on, yesterday's sessions have run out
      u.receiver = await signIn(s.app, 'receiver')
      const later = await by('inspector').post('/api/v1/cases', { ...here, categoryKey: cat })
      assert.ok(!later.body.duplicates.some((d: Case) => d.id === first.id), 'older than 24 h')
      await act('receiver', near.body.case, 'not-accept', { reason: '重复' })
      clock.advance(60_000)
      const afterClose = await by('inspector').post('/api/v1/cases', { lon: here.lon + 0.0003, lat: here.lat, categoryKey: cat })
      assert.ok(!afterClose.body.duplicates.some((d: Case) => d.id === near.body.case.id), 'closed cases are not duplicates')
      clock.set(MONDAY_0900)
    })

    test('search: filters, keyset paging, and each role’s scope', async () => {
      clock.set('2026-03-02T05:00:00Z')
      const mine: Case[] = []
      for (let i = 0; i < 5; i++) {
        clock.advance(1000)
        mine.push(await report('receiver', { source: 'media' }))
      }
      const dispatched = await act('dispatcher', await act('shift-leader', await act('receiver', mine[0]!, 'accept'), 'register'), 'dispatch', { unitId: 'hl-sanitation' })
      const media = await by('receiver').get('/api/v1/cases?source=media&limit=2')
      assert.equal(media.status, 200)
      const pages = [media.body.cases.map((c: Case) => c.id)]
      let next = media.body.next
      while (next) {
        const page = await by('receiver').get(`/api/v1/cases?source=media&limit=2&after=${next}`)
        pages.push(page.body.cases.map((c: Case) => c.id))
        next = page.body.next
      }
      assert.deepEqual(pages.flat(), mine.map((c) => c.id).reverse(), 'newest first, every case once')
      const byStatus = await by('receiver').get('/api/v1/cases?status=dispatched&source=media')
      assert.deepEqual(byStatus.body.cases.map((c: Case) => c.id), [dispatched.id])
      const byUnit = await by('dispatcher').get('/api/v1/cases?unit=hl-sanitation&source=media')
      assert.deepEqual(byUnit.body.cases.map((c: Case) => c.id), [dispatched.id])
      const byCategory = await by('receiver').get(`/api/v1/cases?category=2026:event:060&source=media&from=2026-03-02T05:00:00Z&to=2026-03-02T06:00:00Z`)
      assert.equal(byCategory.body.cases.length, 5)
      const byGrid = await by('receiver').get(`/api/v1/cases?grid=${mine[1]!.location.gridId}&source=media`)
      assert.ok(byGrid.body.cases.some((c: Case) => c.id === mine[1]!.id))
      assert.equal((await by('receiver').get('/api/v1/cases?light=green&source=media')).body.cases.length, 5)
      assert.equal((await by('receiver').get('/api/v1/cases?status=bogus')).status, 400)
      assert.equal((await by('receiver').get('/api/v1/cases?after=garbage')).status, 400)

      // A unit sees only its cases; an inspector of another street sees none of these.
      const unit = await by('hl-sanitation').get('/api/v1/cases?source=media')
      assert.deepEqual(unit.body.cases.map((c: Case) => c.id), [dispatched.id])
      const east = await by('inspector-east').get('/api/v1/cases?source=media')
      assert.deepEqual(east.body.cases, [])
      const inspector = await by('inspector').get('/api/v1/cases?source=media')
      assert.ok(inspector.body.cases.length >= 1, 'the 城中街道 inspector sees cases in its grids')
      assert.ok(inspector.body.cases.every((c: Case) => c.location.streetCode === '321202001'))
      clock.set(MONDAY_0900)
    })

    test('task queues: each role’s work, with what it can do', async () => {
      clock.set('2026-03-02T06:00:00Z')
      const c = await report('inspector')
      const queue = async (who: string) => (await by(who).get('/api/v1/tasks?limit=500')).body.tasks as Case[]
      const find = (tasks: Case[], id: string) => tasks.find((t) => t.case.id === id)
      assert.deepEqual(find(await queue('receiver'), c.id)?.todo, ['accept', 'not-accept', 'request-verify'])
      assert.equal(find(await queue('shift-leader'), c.id)?.todo.includes('accept'), true)
      assert.equal(find(await queue('dispatcher'), c.id), undefined)
      const accepted = await act('receiver', c, 'accept')
      assert.deepEqual(find(await queue('shift-leader'), c.id)?.todo, ['register', 'not-register', 'void'])
      const registered = await act('shift-leader', accepted, 'register')
      assert.equal(find(await queue('dispatcher'), c.id)?.todo.includes('dispatch'), true)
      const dispatched = await act('dispatcher', registered, 'dispatch', { unitId: 'hl-sanitation' })
      assert.deepEqual(find(await queue('hl-sanitation'), c.id)?.todo, ['sign', 'dispute'])
      assert.equal(find(await queue('hl-law-enforcement'), c.id), undefined)
      const handling = await act('hl-sanitation', dispatched, 'sign')
      const handled = await act('hl-sanitation', handling, 'handle', { note: '完成', afterPhotoIds: [await uploadPhoto(by('hl-sanitation'))] })
      await act('receiver', handled, 'request-check', { inspectorId: 'demo-inspector' })
      assert.deepEqual(find(await queue('inspector'), c.id)?.todo, ['check-result'])
      assert.equal(find(await queue('inspector-east'), c.id), undefined)
      assert.equal((await by('gis').get('/api/v1/tasks')).status, 403)
      clock.set(MONDAY_0900)
    })

    test('change feed: cases reach the desk’s sync with contacts masked; anonymous and unit callers get reference data only', async () => {
      clock.set(MONDAY_0900)
      const head = (await anonymous.get('/healthz')).body.cursor
      const c = await report('receiver', { source: 'public', reporterContact: '13900001111' })
      const desk = await by('shift-leader').get(`/api/v1/sync/changes?since=${head}`)
      const change = desk.body.changes.find((x: Case) => x.entity === 'case' && x.id === c.id)
      assert.ok(change, 'the new case is in the feed')
      assert.equal(change.data.reporter.contact, '139****1111')
      assert.equal(change.data.status, 'reported')
      const open = await anonymous.get(`/api/v1/sync/changes?since=${head}`)
      assert.ok(!open.body.changes.some((x: Case) => x.entity === 'case'))
      assert.equal((await anonymous.get('/api/v1/sync/changes?entities=case')).status, 401)
      assert.equal((await by('hl-sanitation').get('/api/v1/sync/changes?entities=case')).status, 403)
      // Actions update the same feed row.
      const accepted = await act('receiver', c, 'accept')
      const again = await by('shift-leader').get(`/api/v1/sync/changes?since=${desk.body.cursor}&entities=case`)
      assert.deepEqual(again.body.changes.map((x: Case) => [x.id, x.data.status, x.data.version]), [[c.id, 'accepted', accepted.version]])
    })

    test('the audit table is append-only: updates and deletes are refused by the database', async () => {
      const c = await report()
      await assert.rejects(sql`update case_event set type = 'forged' where case_id = ${c.id}`.execute(s.open.db), /append-only/)
      await assert.rejects(sql`delete from case_event where case_id = ${c.id}`.execute(s.open.db), /append-only/)
      const trail = await by('receiver').get(`/api/v1/cases/${c.id}/events`)
      assert.deepEqual(trail.body.events.map((e: Case) => e.type), ['create'])
    })

    test('administrators: accounts and API clients; the desk lists inspectors; nobody else may', async () => {
      const created = await by('admin').post('/api/v1/admin/users', {
        username: 'gg-sanitation-handler',
        displayName: '高港区环卫处 处置人员',
        role: 'unit-handler',
        unitId: 'gg-sanitation',
        password: 'a-long-password',
      })
      assert.deepEqual([created.status, created.body.unitId], [201, 'gg-sanitation'])
      assert.equal((await signIn(s.app, 'gg-sanitation-handler', 'a-long-password')).id, created.body.id)
      const noUnit = await by('admin').post('/api/v1/admin/users', { username: 'x-handler', displayName: 'x', role: 'unit-handler', password: 'a-long-password' })
      assert.deepEqual([noUnit.status, noUnit.body.error.field], [400, 'body.unitId'])
      const taken = await by('admin').post('/api/v1/admin/users', { username: 'receiver', displayName: 'x', role: 'receiver', password: 'a-long-password' })
      assert.equal(taken.status, 409)
      assert.equal((await by('receiver').post('/api/v1/admin/users', { username: 'yy', displayName: 'y', role: 'receiver', password: 'a-long-password' })).status, 403)

      const client = await by('admin').post('/api/v1/admin/api-clients', { id: 'video-ai', name: '视频智能分析', source: 'video', scopes: ['cases:create'] })
      assert.equal(client.status, 201)
      const filed = await s.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { 'x-api-key': client.body.key }, payload: { ...HAILING, categoryKey: GARBAGE } })
      assert.deepEqual([filed.statusCode, filed.json().case.source], [201, 'video'])
      const noPhotoScope = await s.app.inject({ method: 'POST', url: '/api/v1/photos', headers: { 'x-api-key': client.body.key, 'content-type': 'image/png' }, payload: PNG })
      assert.equal(noPhotoScope.statusCode, 403)

      const inspectors = await by('receiver').get('/api/v1/users?role=inspector')
      assert.deepEqual(inspectors.body.users.map((x: Case) => x.username).sort(), ['inspector', 'inspector-east'])
      assert.ok(inspectors.body.users[0].gridIds.length > 100)
      assert.equal((await by('hl-sanitation').get('/api/v1/users')).status, 403)
      assert.equal((await by('admin').get('/api/v1/admin/jobs')).status, 200)
    })
  })
}
