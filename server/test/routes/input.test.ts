import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { DATABASES } from '../databases.js'
import { seededApi, testClock, type SeededApi } from '../seeded.js'
import { caller, signInAll, type Answer, type Caller } from '../helpers.js'

// Hostile input at the HTTP boundary: the change feed's `entities` in every spelling, numbers that are not
// numbers (Infinity, NaN, 1e999) and numbers too large to mean anything (limits, versions, time limits,
// costs), and every 400 naming the field itself.

const GARBAGE = '2026:event:06010'
const MONDAY_0900 = '2026-03-02T01:00:00Z'
const NOT_NUMBERS = ['Infinity', '-Infinity', 'NaN', '1e999', '-1e999']

type Case = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

/** A 400 naming `field`, whose message starts with that field. */
function assertBadField(r: Answer, field: string, what: string): void {
  assert.equal(r.status, 400, `${what}: ${r.status} ${JSON.stringify(r.body)}`)
  assert.equal(r.body.error.field, field, `${what}: ${JSON.stringify(r.body)}`)
  assert.ok(r.body.error.message.startsWith(field), `${what}: the message names the field: ${r.body.error.message}`)
}

for (const backend of DATABASES) {
  describe(`hostile input on ${backend.name}`, () => {
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

    async function report(body: Record<string, unknown> = {}): Promise<Case> {
      const at = { lon: 119.905 + (spot % 6) * 0.003, lat: 32.485 + Math.floor(spot / 6) * 0.003 }
      spot++
      const r = await by('inspector').post('/api/v1/cases', { ...at, categoryKey: GARBAGE, description: '暴露垃圾', ...body })
      assert.equal(r.status, 201, JSON.stringify(r.body))
      return r.body.case
    }

    async function act(who: string, c: Case, action: string, payload: Record<string, unknown> = {}): Promise<Case> {
      clock.advance(60_000)
      const r = await by(who).post(`/api/v1/cases/${c.id}/actions`, { action, version: c.version, ...payload })
      assert.equal(r.status, 200, `${action} by ${who}: ${JSON.stringify(r.body)}`)
      return r.body.case
    }

    const actRaw = (who: string, c: Case, body: Record<string, unknown>) => by(who).post(`/api/v1/cases/${c.id}/actions`, { version: c.version, ...body })

    test('the change feed: no spelling of `entities` gives cases to a caller who may not sync them', async () => {
      clock.set(MONDAY_0900)
      await report()
      const desk = await by('dispatcher').get('/api/v1/sync/changes?entities=case')
      assert.equal(desk.status, 200)
      assert.ok(desk.body.changes.length > 0, 'there is a case in the feed to leak')

      const spellings = [
        'entities=',
        'entities=,',
        'entities=,,',
        'entities=%20',
        'entities=case,',
        'entities=,case',
        'entities=region,,case',
        'entities=CASE',
        'entities=Case',
        'entities=case%20',
        'entities=%20case',
        'entities=case%00',
        'entities=region&entities=case',
        'entities=region&entities=',
        'entities=&entities=',
        'entities[]=case',
        'entities=case&entities=case',
      ]
      for (const who of [anonymous, by('inspector'), by('hl-sanitation'), by('gis')]) {
        for (const q of spellings) {
          const r = await who.get(`/api/v1/sync/changes?since=0&limit=10000&${q}`)
          if (r.status === 200) {
            const kinds = new Set(r.body.changes.map((c: { entity: string }) => c.entity))
            assert.ok(!kinds.has('case'), `${who.id} ${q}: cases leaked`)
          } else {
            assert.ok([400, 401, 403].includes(r.status), `${who.id} ${q}: ${r.status}`)
          }
        }
        // The bad spellings are a 400 naming the parameter, never "everything".
        for (const q of ['entities=', 'entities=,', 'entities=%20', 'entities=region,', 'entities=CASE', 'entities=region&entities=component']) {
          assertBadField(await who.get(`/api/v1/sync/changes?${q}`), 'querystring.entities', `${who.id} ${q}`)
        }
        // Without the parameter: the reference entities, and the right ones when asked.
        const all = await who.get('/api/v1/sync/changes?limit=10000')
        assert.equal(all.status, 200)
        assert.ok(all.body.changes.length > 0 && all.body.changes.every((c: { entity: string }) => c.entity !== 'case'), who.id)
        const regions = await who.get('/api/v1/sync/changes?entities=region,region')
        assert.equal(regions.status, 200)
        assert.ok(regions.body.changes.length > 0 && regions.body.changes.every((c: { entity: string }) => c.entity === 'region'))
      }
      assert.equal((await anonymous.get('/api/v1/sync/changes?entities=case')).status, 401)
      assert.equal((await by('inspector').get('/api/v1/sync/changes?entities=region,case')).status, 403)
    })

    test('Infinity, NaN and 1e999 in a query or path are a 400 naming the field, on every route that takes a number', async () => {
      const numberParams: Array<[string, (v: string) => string, string]> = [
        ['limit of the feed', (v) => `/api/v1/sync/changes?limit=${v}`, 'querystring.limit'],
        ['limit of grids', (v) => `/api/v1/grids?limit=${v}`, 'querystring.limit'],
        ['limit of components', (v) => `/api/v1/components?limit=${v}`, 'querystring.limit'],
        ['limit of cases', (v) => `/api/v1/cases?limit=${v}`, 'querystring.limit'],
        ['limit of tasks', (v) => `/api/v1/tasks?limit=${v}`, 'querystring.limit'],
        ['lon', (v) => `/api/v1/locate?lon=${v}&lat=32.49`, 'querystring.lon'],
        ['lat', (v) => `/api/v1/locate?lon=119.92&lat=${v}`, 'querystring.lat'],
        ['calendar year', (v) => `/api/v1/admin/calendar/${v}`, 'params.year'],
        ['bbox', (v) => `/api/v1/grids?bbox=119.9,32.4,${v},32.5`, 'querystring.bbox'],
        ['since', (v) => `/api/v1/sync/changes?since=${v}`, 'querystring.since'],
      ]
      for (const [what, url, field] of numberParams) {
        for (const v of NOT_NUMBERS) assertBadField(await by('admin').get(url(v)), field, `${what}=${v}`)
      }
      // Out of range, fractional where whole, and a cursor past PostgreSQL's bigint.
      assertBadField(await by('admin').get('/api/v1/grids?limit=10001'), 'querystring.limit', 'limit too large')
      assertBadField(await by('admin').get('/api/v1/cases?limit=2.5'), 'querystring.limit', 'fractional limit')
      assertBadField(await by('admin').get('/api/v1/locate?lon=181&lat=32'), 'querystring.lon', 'lon past 180')
      assertBadField(await by('admin').get('/api/v1/sync/changes?since=9999999999999999999'), 'querystring.since', 'cursor past bigint')
      assertBadField(await by('admin').get('/api/v1/admin/calendar/1999'), 'params.year', 'year before 2000')
      assertBadField(await by('admin').put('/api/v1/admin/calendar/Infinity', { notice: 'x', holidays: [], workdays: [] }), 'params.year', 'PUT year')
      // The server still answers a real request.
      assert.equal((await anonymous.get('/api/v1/locate?lon=119.92&lat=32.49')).status, 200)
    })

    test('time limits: a huge extension, 处置时限 or stage limit is a 400, so no case becomes unapprovable or undispatchable', async () => {
      clock.set(MONDAY_0900)
      const c = await report()
      const registered = await act('shift-leader', await act('receiver', c, 'accept'), 'register')
      const dispatched = await act('dispatcher', registered, 'dispatch', { unitId: 'hl-sanitation' })
      const signed = await act('hl-sanitation', dispatched, 'sign')
      for (const amount of [1e12, 251, 0, -1]) {
        const r = await actRaw('hl-sanitation', signed, { action: 'request-extension', reason: '材料未到', duration: { amount, unit: 'working-days' } })
        assertBadField(r, 'body.duration', `extension of ${amount} working days`)
      }
      assertBadField(
        await actRaw('hl-sanitation', signed, { action: 'request-extension', reason: '材料未到', duration: { amount: 8785, unit: 'natural-hours' } }),
        'body.duration',
        'extension over a year of hours',
      )
      // The longest extension there is gets approved, and the case goes on.
      const requested = await act('hl-sanitation', signed, 'request-extension', { reason: '材料未到', duration: { amount: 250, unit: 'working-days' } })
      const approved = await act('dispatcher', requested, 'approve-extension')
      assert.equal(approved.status, 'handling')

      // 立案 with a 处置时限 of a billion working days: refused at 立案, not a 500 at 派遣.
      const d = await act('receiver', await report(), 'accept')
      assertBadField(
        await actRaw('shift-leader', d, { action: 'register', categoryKey: GARBAGE, handleLimit: { amount: 1e9, unit: 'working-days' } }),
        'body.handleLimit',
        'huge handleLimit',
      )
      assertBadField(await actRaw('shift-leader', d, { action: 'register', handleLimit: { amount: 2, unit: 'fortnights' } }), 'body.handleLimit', 'unknown unit')
      assert.equal((await act('dispatcher', await act('shift-leader', d, 'register'), 'dispatch', { unitId: 'hl-sanitation' })).status, 'dispatched')

      // The case rules: a stage limit past a year, or working days too short for the longest limit to end.
      const rules = (settings: Record<string, unknown>) => by('admin').put('/api/v1/admin/case-rules', { settings })
      assertBadField(await rules({ stageLimits: { dispatch: { amount: 1e9, unit: 'working-hours' } } }), 'body.settings.stageLimits.dispatch', 'stage limit')
      assertBadField(await rules({ workingPeriods: [{ from: '09:00', to: '09:01' }] }), 'body.settings.workingPeriods', 'one-minute day')
      assertBadField(await rules({ workingPeriods: [null] }), 'body.settings.workingPeriods[0]', 'null period')
      assertBadField(await rules({ maxExtensions: 1e9 }), 'body.settings.maxExtensions', 'maxExtensions')
      const e = await act('receiver', await report(), 'accept')
      assert.equal((await act('dispatcher', await act('shift-leader', e, 'register'), 'dispatch', { unitId: 'hl-sanitation' })).status, 'dispatched')
    })

    test('versions, costs and coordinates in a body are bounded', async () => {
      clock.set(MONDAY_0900)
      const c = await act('receiver', await report(), 'accept')
      assertBadField(await by('shift-leader').post(`/api/v1/cases/${c.id}/actions`, { action: 'register', version: 1e300 }), 'body.version', 'version 1e300')
      assertBadField(await by('shift-leader').post(`/api/v1/cases/${c.id}/actions`, { action: 'register', version: 2.5 }), 'body.version', 'version 2.5')
      assertBadField(await by('admin').put('/api/v1/admin/case-rules', { settings: {}, version: 1e300 }), 'body.version', 'rules version')
      assertBadField(await by('inspector').post('/api/v1/cases', { lon: 1e300, lat: 32.49, categoryKey: GARBAGE }), 'body.lon', 'lon 1e300')
      const registered = await act('shift-leader', c, 'register')
      // 快速处置's cost: at most ten million yuan.
      const rapid = { action: 'rapid-handle', team: '快速处置队', note: '已清理', afterPhotoIds: ['x'] }
      assertBadField(await actRaw('dispatcher', registered, { ...rapid, costYuan: 1e12 }), 'body.costYuan', 'cost 1e12')
      assertBadField(await actRaw('dispatcher', registered, { ...rapid, costYuan: -5 }), 'body.costYuan', 'negative cost')
    })

    test('every 400 names the field itself: body.x, querystring.x, params.x, headers.x', async () => {
      const file = (body: Record<string, unknown>, headers: Record<string, string> = {}) => by('inspector').post('/api/v1/cases', body, headers)
      const ok = { lon: 119.92, lat: 32.49, categoryKey: GARBAGE }
      assertBadField(await file({ ...ok, description: 'x'.repeat(4001) }), 'body.description', 'long description')
      assertBadField(await file({ lat: 32.49, categoryKey: GARBAGE }), 'body.lon', 'missing lon')
      assertBadField(await file({ ...ok, sneaky: 1 }), 'body.sneaky', 'unknown field')
      assertBadField(await file({ ...ok, photoIds: ['a'.repeat(64), 'nope'] }), 'body.photoIds[1]', 'bad photo id')
      assertBadField(await file({ ...ok, lon: { x: 1 } }), 'body.lon', 'lon as an object')
      assertBadField(await file({ ...ok, categoryKey: 'no:such:thing' }), 'body.categoryKey', 'unknown category')
      assertBadField(await file(ok, { 'idempotency-key': 'has space' }), 'headers.idempotency-key', 'idempotency key')
      assertBadField(await by('receiver').get('/api/v1/cases/not-a-uuid'), 'params.id', 'case id')
      assertBadField(await by('receiver').get('/api/v1/cases?status=reported,'), 'querystring.status', 'empty status')
      assertBadField(await by('receiver').get('/api/v1/cases?group=half'), 'querystring.group', 'group')
      assertBadField(await anonymous.get('/api/v1/grids/123'), 'params.id', 'grid id')
      // Text PostgreSQL cannot store or that is not Unicode, and absurd nesting.
      assertBadField(await file({ ...ok, description: 'a\u0000b' }), 'body.description', 'NUL')
      assertBadField(await file({ ...ok, description: 'a\ud800b' }), 'body.description', 'lone surrogate')
      assertBadField(await anonymous.get('/api/v1/catalog/2013?q=%00'), 'querystring.q', 'NUL in a query')
      let deep: unknown = 'x'
      for (let i = 0; i < 40; i++) deep = [deep]
      const nested = await by('receiver').post('/api/v1/cases/00000000-0000-4000-8000-000000000000/actions', { action: 'accept', version: 1, note: deep })
      assert.equal(nested.status, 400)
      assert.match(nested.body.error.field, /^body\.note(\[0\])+$/)
      // Bad JSON faults the body.
      const res = await s.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' })
      assert.deepEqual([res.statusCode, res.json().error.field], [400, 'body'])
      assert.match(res.json().error.message, /^body: /)
    })
  })
}
