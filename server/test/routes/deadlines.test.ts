import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { sweepDeadlines } from '../../src/commands/sweep-deadlines.js'
import { takeLease } from '../../src/db/jobs.js'
import { createJobRunner } from '../../src/services/job-runner.js'
import { serverJobs } from '../../src/services/jobs.js'
import { DATABASES } from '../databases.js'
import { seededApi, testClock, type SeededApi } from '../seeded.js'
import { signInAll, uploadPhoto, type Caller } from '../helpers.js'

// Time limits through the API: holiday-aware deadlines (2026 Spring Festival and National Day with their
// 调休 days), the administrators' calendar and rules, the deadline sweep with an injected clock (lights,
// 第9条 2-hour arrival escalation), parked clocks, and the sweep's safety with several instances.

const HAILING = { lon: 119.92, lat: 32.49 }
const GARBAGE = '2026:event:06010'
const COVER = '2013:component:0101'
/** Taizhou local time (+08:00) as an instant. */
const local = (isoLocal: string) => new Date(`${isoLocal}+08:00`)

type Case = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

for (const backend of DATABASES) {
  describe(`deadlines and the sweep on ${backend.name}`, () => {
    let s: SeededApi
    let u: Record<string, Caller>
    let photo: string
    const clock = testClock(local('2025-01-02T09:00:00'))
    const by = (name: string) => u[name]!

    before(async () => {
      // Sessions signed in on the earliest day of the tests stay valid on every later day they visit.
      s = await seededApi(backend, { components: false, onlyDistrict: '321202', clock, sessionHours: 24 * 365 * 3 })
      u = await signInAll(s.app)
      photo = await uploadPhoto(by('inspector'))
    })
    after(() => s.close())

    async function report(at: Date, body: Record<string, unknown> = {}): Promise<Case> {
      clock.set(at)
      const r = await by('inspector').post('/api/v1/cases', { ...HAILING, categoryKey: GARBAGE, ...body })
      assert.equal(r.status, 201, JSON.stringify(r.body))
      return r.body.case
    }

    async function act(who: string, c: Case, action: string, payload: Record<string, unknown> = {}, step = 5 * 60_000): Promise<Case> {
      clock.advance(step)
      const r = await by(who).post(`/api/v1/cases/${c.id}/actions`, { action, version: c.version, ...payload })
      assert.equal(r.status, 200, `${action} by ${who}: ${JSON.stringify(r.body)}`)
      return r.body.case
    }

    const sweep = async (at: Date) => sweepDeadlines({ db: s.open.db, now: at, rules: (await s.app.caseRules.get()).rules })
    const events = async (c: Case) => (await by('shift-leader').get(`/api/v1/cases/${c.id}/events`)).body.events as Case[]

    test('受理 deadlines across the 2026 Spring Festival and National Day, and onto their 调休 Saturdays', async () => {
      const cases: Array<[string, string]> = [
        // Friday before the festival: half an hour left, then the 调休 Saturday 2026-02-14.
        ['2026-02-13T17:00:00', '2026-02-14T09:00:00'],
        // The 调休 Saturday itself: the rest runs after nine days off (02-15 … 02-23).
        ['2026-02-14T17:00:00', '2026-02-24T09:00:00'],
        // The eve of National Day: 15 minutes left, the other 45 after 10-01 … 10-07.
        ['2026-09-30T17:15:00', '2026-10-08T09:15:00'],
        // Friday after it: the 调休 Saturday 2026-10-10 is a working day.
        ['2026-10-09T17:00:00', '2026-10-10T09:00:00'],
        // Lunch break and evening do not count.
        ['2026-03-02T11:30:00', '2026-03-02T14:00:00'],
      ]
      for (const [at, due] of cases) {
        const c = await report(local(at))
        assert.equal(c.stages.accept.deadline, local(due).toISOString(), `reported ${at}`)
      }
    })

    test('a working-days 处置时限 dispatched on the eve of National Day runs out on the first day back', async () => {
      // 私搭乱建: 1 working day in area A.
      let c = await report(local('2026-09-30T10:00:00'), { categoryKey: '2013:event:0101' })
      c = await act('receiver', c, 'accept')
      c = await act('shift-leader', c, 'register')
      c = await act('dispatcher', c, 'dispatch', { unitId: 'hl-law-enforcement' })
      assert.deepEqual(c.handleLimit, { amount: 1, unit: 'working-days' })
      assert.equal(c.stages.handle.deadline, local('2026-10-08T17:30:00').toISOString())
      // 签收 within 1 working hour: 10:15 + 1 h.
      assert.equal(c.stages.sign.deadline, local('2026-09-30T11:15:00').toISOString())
    })

    test('the sweep turns a light yellow at 80 % and red when overdue, once each, as system events', async () => {
      const c = await report(local('2026-03-09T09:00:00'))
      assert.equal(c.stages.accept.deadline, local('2026-03-09T10:00:00').toISOString())
      await sweep(local('2026-03-09T09:30:00'))
      assert.equal((await by('receiver').get(`/api/v1/cases/${c.id}`)).body.case.light.color, 'green')
      const yellow = await sweep(local('2026-03-09T09:49:00'))
      assert.ok(yellow.lightChanges >= 1)
      let seen = (await by('receiver').get(`/api/v1/cases/${c.id}`)).body.case
      assert.deepEqual(seen.light, { color: 'yellow', stage: 'accept' })
      await sweep(local('2026-03-09T10:00:02'))
      seen = (await by('receiver').get(`/api/v1/cases/${c.id}`)).body.case
      assert.deepEqual(seen.light, { color: 'red', stage: 'accept' })
      await sweep(local('2026-03-09T10:05:00'))
      await sweep(local('2026-03-09T11:00:00'))
      const lights = (await events(c)).filter((e) => e.type === 'light')
      assert.deepEqual(
        lights.map((e) => [e.payload.light, e.payload.previous, e.actorId, e.role, e.from, e.to, e.payload.yellowShare]),
        [
          // The share that turned it yellow, so the timeline can say "处置时限已过80%".
          ['yellow', 'green', 'system', 'system', 'reported', 'reported', 0.8],
          ['red', 'yellow', 'system', 'system', 'reported', 'reported', undefined],
        ],
      )
      assert.equal(seen.version, 1, 'a light is no command: the version stays')
      const red = await by('receiver').get('/api/v1/cases?light=red&limit=500')
      assert.ok(red.body.cases.some((x: Case) => x.id === c.id))
      const leader = await by('leader').get('/api/v1/tasks?limit=500')
      assert.deepEqual(leader.body.tasks.find((t: Case) => t.case.id === c.id)?.todo, ['supervise'])
      // Accepting late ends the stage as not on time and starts 立案 green.
      clock.set(local('2026-03-09T11:05:00'))
      const accepted = await by('receiver').post(`/api/v1/cases/${c.id}/actions`, { action: 'accept', version: 1 })
      assert.deepEqual([accepted.body.case.evaluation.onTime.accept, accepted.body.case.light], [false, { color: 'green', stage: 'register' }])
    })

    test('the job runs on demand through the admin API, on the app’s clock', async () => {
      const c = await report(local('2026-03-10T09:00:00'))
      clock.set(local('2026-03-10T10:30:00'))
      const run = await by('admin').post('/api/v1/admin/jobs/deadline-sweep/run')
      assert.equal(run.status, 200)
      assert.equal(run.body.ran, true)
      assert.ok(run.body.result.lightChanges >= 1)
      assert.equal((await by('receiver').get(`/api/v1/cases/${c.id}`)).body.case.light.color, 'red')
      assert.equal((await by('receiver').post('/api/v1/admin/jobs/deadline-sweep/run')).status, 403)
      const jobs = await by('admin').get('/api/v1/admin/jobs')
      assert.ok(jobs.body.jobs.some((j: Case) => j.name === 'deadline-sweep' && j.lastResult.checked >= 1))
    })

    test('第9条: no arrival within 2 natural hours is flagged and escalated to the shift leader; a late arrival too', async () => {
      let c = await report(local('2026-03-11T20:00:00'), { categoryKey: COVER, description: '上水井盖缺失' })
      c = await act('receiver', c, 'accept')
      c = await act('shift-leader', c, 'register')
      c = await act('dispatcher', c, 'dispatch', { unitId: 'city-water-supply' })
      const due = Date.parse(c.stages['on-site'].deadline)
      assert.equal(due, +local('2026-03-11T22:15:00'), 'two natural hours, at night too')
      await sweep(new Date(due - 60_000))
      assert.equal((await events(c)).filter((e) => e.type === 'arrival-missing').length, 0)
      const flagged = await sweep(new Date(due + 2_000))
      assert.equal(flagged.arrivalsMissing, 1)
      await sweep(new Date(due + 60_000))
      const missing = (await events(c)).filter((e) => e.type === 'arrival-missing')
      assert.equal(missing.length, 1, 'flagged once')
      assert.deepEqual([missing[0]!.payload.unitId, missing[0]!.payload.hazard], ['city-water-supply', 'manhole-cover'])
      clock.set(new Date(due + 60_000))
      const leaderQueue = (await by('shift-leader').get('/api/v1/tasks?limit=500')).body.tasks as Case[]
      // The escalation says what the shift leader can do: 改派 and 快速处置 (督办 is offered, never queued by itself).
      assert.deepEqual(leaderQueue.find((t) => t.case.id === c.id)?.todo, ['dispatch', 'rapid-handle', 'escalation:arrival-missing'])
      const abilities = (await by('shift-leader').get(`/api/v1/cases/${c.id}`)).body.case.abilities
      assert.deepEqual(Object.keys(abilities).filter((a) => abilities[a]).sort(), ['dispatch', 'rapid-handle', 'supervise'])
      const seen = (await by('receiver').get(`/api/v1/cases/${c.id}`)).body.case
      assert.equal(seen.escalation.kind, 'arrival-missing')
      // 督办 by the shift leader is recorded on the case; the escalation stays until the unit arrives.
      const pressed = await by('shift-leader').post(`/api/v1/cases/${c.id}/actions`, { action: 'supervise', version: c.version, note: '立即到场排险' })
      assert.equal(pressed.status, 200, JSON.stringify(pressed.body))
      c = pressed.body.case
      assert.deepEqual([c.evaluation.superviseCount, c.escalation.kind], [1, 'arrival-missing'])

      clock.set(new Date(due + 30 * 60_000))
      const arrived = await by('water-supply').post(`/api/v1/cases/${c.id}/actions`, { action: 'report-arrival', version: c.version, ...HAILING, photoId: photo, measures: '设置围挡' })
      assert.equal(arrived.status, 200)
      const late = arrived.body.case
      assert.deepEqual([late.onSite.onTime, late.evaluation.arrivedOnTime, late.escalation.kind, late.evaluation.onTime['on-site']], [false, false, 'arrival-late', false])
      const trail = await events(c)
      assert.deepEqual(trail.slice(-2).map((e) => e.type), ['report-arrival', 'arrival-late'])
      assert.ok((await by('shift-leader').get('/api/v1/tasks?limit=500')).body.tasks.some((t: Case) => t.case.id === c.id && t.todo.includes('escalation:arrival-late')))
    })

    test('第9条: on a missed arrival the shift leader redispatches (改派) to another unit, which gets its own 2 hours', async () => {
      let c = await report(local('2026-03-13T08:00:00'), { categoryKey: COVER, description: '井盖缺失' })
      c = await act('receiver', c, 'accept')
      c = await act('shift-leader', c, 'register')
      c = await act('dispatcher', c, 'dispatch', { unitId: 'city-water-supply' })
      const due = Date.parse(c.stages['on-site'].deadline)
      clock.set(new Date(due - 10 * 60_000))
      const early = await by('shift-leader').post(`/api/v1/cases/${c.id}/actions`, { action: 'dispatch', version: c.version, unitId: 'hl-sanitation' })
      assert.deepEqual([early.status, early.body.error.code], [409, 'GUARD'])
      await sweep(new Date(due + 2_000))
      clock.set(new Date(due + 5 * 60_000))
      const moved = await by('shift-leader').post(`/api/v1/cases/${c.id}/actions`, { action: 'dispatch', version: c.version, unitId: 'hl-sanitation', note: '原单位未到场' })
      assert.equal(moved.status, 200, JSON.stringify(moved.body))
      const r = moved.body.case
      assert.deepEqual([r.status, r.assignedUnitId, r.escalation, r.evaluation.redispatchCount], ['dispatched', 'hl-sanitation', null, 1])
      assert.equal(Date.parse(r.stages['on-site'].deadline), due + 5 * 60_000 + 2 * 3_600_000)
      const queue = (await by('shift-leader').get('/api/v1/tasks?limit=500')).body.tasks as Case[]
      assert.ok(!queue.some((t) => t.case.id === c.id), 'no longer escalated')
    })

    test('a parked case is never flagged while parked; resuming moves its deadlines', async () => {
      let c = await report(local('2026-03-12T09:00:00'))
      c = await act('receiver', c, 'accept')
      c = await act('shift-leader', c, 'register')
      c = await act('dispatcher', c, 'dispatch', { unitId: 'hl-sanitation' })
      c = await act('hl-sanitation', c, 'sign')
      c = await act('hl-sanitation', c, 'request-park', { reason: '待施工' })
      c = await act('dispatcher', c, 'approve-park')
      const deadline = c.stages.handle.deadline
      assert.ok(Date.parse(deadline) < +local('2026-03-12T12:00:00'))
      await sweep(local('2026-03-20T09:00:00'))
      assert.equal((await events(c)).filter((e) => e.type === 'light').length, 0)
      clock.set(local('2026-03-20T09:00:00'))
      c = await act('dispatcher', c, 'resume', {}, 0)
      assert.ok(Date.parse(c.stages.handle.deadline) > +local('2026-03-20T09:00:00'), 'the handle deadline moved past the park')
      assert.equal(c.light.color, 'green')
    })

    test('administrators keep the calendar: next year’s notice changes deadlines; bad data is refused whole', async () => {
      const years = await by('receiver').get('/api/v1/admin/calendar')
      assert.deepEqual(years.body.years.map((y: Case) => [y.year, y.source]), [[2025, 'built-in'], [2026, 'built-in']])
      const notice = {
        notice: '国务院办公厅关于2027年部分节假日安排的通知 (test)',
        holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-04' }],
        workdays: ['2027-01-09'],
      }
      assert.equal((await by('receiver').put('/api/v1/admin/calendar/2027', notice)).status, 403)
      const bad = await by('admin').put('/api/v1/admin/calendar/2027', { ...notice, workdays: ['2027-01-06'] })
      assert.equal(bad.status, 400)
      assert.match(bad.body.error.message, /weekday/)
      assert.ok(bad.body.error.issues.length >= 1)
      const put = await by('admin').put('/api/v1/admin/calendar/2027', notice)
      assert.deepEqual([put.status, put.body.source, put.body.version, put.body.updatedBy], [200, 'admin', 1, 'demo-admin'])
      const stale = await by('admin').put('/api/v1/admin/calendar/2027', { ...notice, version: 7 })
      assert.equal(stale.status, 409)
      // Sunday 2027-01-03 noon: Monday 01-04 is now a day off, so 受理 runs out Tuesday 09:30.
      const c = await report(local('2027-01-03T12:00:00'))
      assert.equal(c.stages.accept.deadline, local('2027-01-05T09:30:00').toISOString())
      // Saturday 2027-01-09 is worked (调休).
      const d = await report(local('2027-01-08T17:00:00'))
      assert.equal(d.stages.accept.deadline, local('2027-01-09T09:00:00').toISOString())
    })

    test('administrators tune working periods and stage limits; new stages use them', async () => {
      const put = await by('admin').put('/api/v1/admin/case-rules', {
        settings: { workingPeriods: [{ from: '09:00', to: '12:00' }, { from: '13:00', to: '18:00' }], stageLimits: { accept: { amount: 2, unit: 'working-hours' } }, yellowShare: 0.75 },
      })
      assert.equal(put.status, 200, JSON.stringify(put.body))
      assert.deepEqual(put.body.effective.workingPeriods, [{ from: '09:00', to: '12:00' }, { from: '13:00', to: '18:00' }])
      assert.deepEqual([put.body.effective.yellowShare, put.body.effective.stageLimits.accept], [0.75, { amount: 2, unit: 'working-hours' }])
      const c = await report(local('2026-03-16T08:00:00'))
      assert.equal(c.stages.accept.deadline, local('2026-03-16T11:00:00').toISOString())
      const bad = await by('admin').put('/api/v1/admin/case-rules', { settings: { yellowShare: 2 } })
      assert.deepEqual([bad.status, bad.body.error.field], [400, 'body.settings.yellowShare'])
      const overlap = await by('admin').put('/api/v1/admin/case-rules', { settings: { workingPeriods: [{ from: '09:00', to: '12:00' }, { from: '11:00', to: '18:00' }] } })
      assert.equal(overlap.status, 400)
      const reset = await by('admin').put('/api/v1/admin/case-rules', { settings: {}, version: put.body.version })
      assert.deepEqual([reset.status, reset.body.effective.yellowShare], [200, 0.8])
    })

    test('several instances: one lease holder runs the job; overlapping sweeps flag each case once', async () => {
      const deps = { db: s.open.db, caseRules: s.app.caseRules, sweepIntervalMs: 0 }
      const a = createJobRunner({ db: s.open.db, jobs: serverJobs(deps), clock: clock.now, holder: 'instance-a' })
      const b = createJobRunner({ db: s.open.db, jobs: serverJobs(deps), clock: clock.now, holder: 'instance-b' })
      assert.ok(await takeLease(s.open.db, 'deadline-sweep', 'crashed-instance', 60_000))
      assert.deepEqual(await a.runNow('deadline-sweep'), { ran: false }, 'a live lease elsewhere')
      assert.ok(await takeLease(s.open.db, 'deadline-sweep', 'crashed-instance', 1))
      await new Promise((r) => setTimeout(r, 20))
      assert.equal((await b.runNow('deadline-sweep')).ran, true, 'an expired lease is taken over')

      const many: Case[] = []
      for (let i = 0; i < 12; i++) many.push(await report(local(`2026-03-17T09:0${Math.floor(i / 6)}:00`), { lon: 119.918 + i * 0.0002 }))
      const at = local('2026-03-17T12:00:00')
      const results = await Promise.all([sweep(at), sweep(at), sweep(at)])
      assert.equal(results.reduce((n, r) => n + r.lightChanges, 0) >= 12, true)
      for (const c of many) {
        const lights = (await events(c)).filter((e) => e.type === 'light')
        assert.deepEqual(lights.map((e) => e.payload.light), ['red'], `case ${c.number}`)
      }
      await Promise.all([a.stop(), b.stop()])
    })
  })
}
