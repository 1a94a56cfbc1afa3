import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCase, type NewCase } from '../../core/case/create.js'
import { parseCaseNumber } from '../../core/case/case-number.js'
import type { CaseRules } from '../../core/case/profile.js'
import { decide, permissionMatrix, statusGroup } from '../../core/case/transitions.js'
import type { Actor, CaseAction, CaseState, Role } from '../../core/case/types.js'
import { loadDemoCity } from '../../gis-data/demo-city.js'
import type { DemoCity } from '../../gis-data/generator/index.js'
import { buildApp } from '../src/app.js'
import type { OpenDatabase } from '../src/db/connect.js'
import type { CaseEventRow, CaseRow } from '../src/db/cases.js'
import { actorOfUser } from '../src/db/users.js'
import { seedDemoCity } from '../src/demo/demo.js'
import { seedDemoCases, type DemoCaseSummary } from '../src/demo/demo-cases.js'
import { demoPhotos } from '../src/demo/demo-photos.js'
import { caseClock } from '../src/services/case-clock.js'
import { createCaseRulesCache } from '../src/services/case-rules.js'
import { DEMO_ACTIVITY_JOB, type DemoActivityResult } from '../src/demo/demo-activity.js'
import { appDemo } from '../src/demo/app-demo.js'
import { DATABASES, openTestDatabase } from './databases.js'
import { signIn } from './helpers.js'
import { testClock } from './seeded.js'

// The demo case history (demo/demo-cases.ts) and the live demo job (demo/demo-activity.ts): the mix a
// duty leader sees, and that every case is what the API itself would have recorded — its events replay
// through core's createCase and decide to exactly the stored case.

/** 海陵区 only (where the demo accounts work): a quarter of the city, which keeps the seed quick. */
function haiLing(): DemoCity {
  const city = loadDemoCity()
  return { ...city, grids: city.grids.filter((g) => g.id.startsWith('321202')), components: city.components.filter((c) => c.gridId.startsWith('321202')) }
}

const COUNT = 150
const DAYS = 12
/** A Thursday morning in Taizhou. */
const NOW = new Date('2026-11-26T10:30:00+08:00')
const MIN = 60_000

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

for (const backend of DATABASES) {
  describe(`demo cases on ${backend.name}`, () => {
    let open: OpenDatabase
    let summary: DemoCaseSummary
    let rules: CaseRules
    let cases: CaseRow[]
    let events: Map<string, CaseEventRow[]>
    const city = haiLing()
    const photosDir = mkdtempSync(join(tmpdir(), 'cityloop-demo-photos-'))

    before(async () => {
      open = await openTestDatabase(backend)
      const counts = await seedDemoCity(open.db, city, {}, { cases: { count: COUNT, days: DAYS, now: NOW } })
      summary = counts.cases!
      rules = (await createCaseRulesCache(open.db).get()).rules
      cases = await open.db.selectFrom('case_file').selectAll().orderBy('created_at').orderBy('id').execute()
      events = new Map()
      for (const e of await open.db.selectFrom('case_event').selectAll().orderBy('case_id').orderBy('seq').execute()) {
        events.set(e.case_id, [...(events.get(e.case_id) ?? []), e])
      }
    })
    after(async () => {
      await open.close()
      rmSync(photosDir, { recursive: true, force: true })
    })

    const state = (row: CaseRow) => row.state as unknown as CaseState
    const open_ = () => cases.filter((c) => c.closed_at === null)

    test('the asked number of cases: most closed, the rest spread over the loop, some late', () => {
      assert.equal(summary.seeded, true)
      assert.equal(cases.length, COUNT)
      assert.equal(summary.cases, COUNT)
      const closed = cases.filter((c) => statusGroup(c.status as CaseState['status']) === 'closed').length
      assert.ok(closed / COUNT >= 0.65 && closed / COUNT <= 0.95, `closed share ${closed}/${COUNT}`)
      const openStatuses = new Set(open_().map((c) => c.status))
      assert.ok(openStatuses.size >= 4, `open statuses: ${[...openStatuses].join(', ')}`)
      for (const s of ['dispatched', 'handling']) assert.ok(openStatuses.has(s), `an open case is ${s}`)
      const closedKinds = new Set(cases.map((c) => c.status).filter((s) => statusGroup(s as CaseState['status']) === 'closed'))
      assert.ok(closedKinds.has('closed') && closedKinds.size >= 3, `closed statuses: ${[...closedKinds].join(', ')}`)
      const late = open_().filter((c) => c.light === 'red' || c.light === 'yellow')
      assert.ok(late.length >= 3, `late open cases: ${late.length}`)
      assert.deepEqual(summary.byStatus, count(cases.map((c) => c.status)))
    })

    test('sources (inspectors most), both catalog editions, common categories first, hot grids', () => {
      const sources = count(cases.map((c) => c.source))
      const [top] = Object.entries(sources).sort((a, b) => b[1] - a[1])
      assert.equal(top![0], 'inspector')
      for (const s of ['inspector', 'public', 'iot', 'video']) assert.ok(sources[s]! > 0, `source ${s}`)
      assert.ok(Object.keys(sources).length >= 6, JSON.stringify(sources))
      const editions = new Set(cases.map((c) => c.category_key.slice(0, 4)))
      assert.deepEqual([...editions].sort(), ['2013', '2026'])
      const garbageAndAds = cases.filter((c) => ['2026:event:06010', '2013:event:0102', '2026:event:06042', '2026:event:07001', '2013:event:0201'].includes(c.category_key))
      assert.ok(garbageAndAds.length / COUNT >= 0.2, `rubbish and small ads: ${garbageAndAds.length}`)
      // Clusters: the four busiest of 1,700 grids hold far more than their share.
      const perGrid = Object.values(count(cases.map((c) => c.grid_id ?? ''))).sort((a, b) => b - a)
      const top4 = perGrid.slice(0, 4).reduce((a, b) => a + b, 0)
      assert.ok(top4 / COUNT >= 0.12, `top 4 grids hold ${top4} cases`)
      assert.ok(cases.every((c) => c.district_code === '321202'))
    })

    test('第9条: 4–8 open safety hazards; two dispatched within 90 minutes with the 2-hour countdown running', () => {
      const hazards = open_().filter((c) => c.safety_hazard !== null)
      assert.ok(hazards.length >= 4 && hazards.length <= 8, `open hazards: ${hazards.length}`)
      assert.deepEqual(new Set(hazards.map((h) => h.safety_hazard)), new Set(['manhole-cover', 'road-collapse', 'overhead-line-fall', 'pole-tilt']))
      const running = hazards.filter((h) => {
        const clock = state(h).stages['on-site']
        return !state(h).onSite && clock && !clock.endedAt && Date.parse(clock.deadline) > +NOW
      })
      assert.ok(running.length >= 2, `countdowns: ${running.length}`)
      const fresh = running.filter((h) => +NOW - +new Date(h.created_at) <= 90 * MIN)
      assert.ok(fresh.length >= 2, 'two reported in the last 90 minutes')
      for (const h of fresh) assert.ok(Date.parse(state(h).stages['on-site']!.deadline) - +NOW <= 2 * 60 * MIN)
      assert.equal(summary.arrivalCountdowns, running.length)
      assert.ok(hazards.some((h) => h.escalation === 'arrival-missing' && h.light === 'red'), 'an overdue arrival is escalated')
      assert.ok(hazards.some((h) => state(h).onSite?.onTime === true), 'an arrival reported in time')
      assert.ok(cases.some((c) => events.get(c.id)!.some((e) => e.type === 'arrival-late')), 'a late arrival was flagged')
    })

    test('every light is the one the clock gives now (the sweep ran over the history)', () => {
      for (const c of cases) {
        const clock = caseClock(state(c), NOW, rules)
        assert.equal(c.light, clock.light, `${c.number} ${c.status}`)
      }
      const lightEvents = [...events.values()].flat().filter((e) => e.type === 'light')
      assert.ok(lightEvents.length > 0)
      // Lights were recorded when they turned, during the history, not all at the end.
      assert.ok(lightEvents.some((e) => +new Date(e.at) < +NOW - DAYS_MS(1)))
    })

    test('every case replays through core: createCase, then decide on each event, gives the stored case', async () => {
      const users = await open.db.selectFrom('app_user').selectAll().execute()
      const actors = new Map<string, Actor>(users.map((u) => [u.id, actorOfUser(u)]))
      actors.set('demo-sensor', { id: 'demo-sensor', role: 'api-client' })
      let commands = 0
      for (const c of cases) {
        const list = events.get(c.id)!
        assert.ok(list.length >= 1)
        const [first, ...rest] = list
        assert.deepEqual([first!.type, first!.version, first!.from_status, first!.to_status, first!.seq], ['create', 1, null, 'reported', 1])
        assert.equal(+new Date(first!.at), +new Date(c.created_at))
        const created = createCase(first!.payload as unknown as NewCase, actors.get(first!.actor_id)!, new Date(first!.at), rules)
        assert.ok(created.ok, `${c.number}: create`)
        let s: CaseState = created.next
        let at = +new Date(first!.at)
        list.forEach((e, i) => assert.equal(e.seq, i + 1, `${c.number}: seq`))
        for (const e of rest) {
          assert.ok(+new Date(e.at) >= at && +new Date(e.at) <= +NOW, `${c.number}: event times in order and not after now`)
          at = +new Date(e.at)
          if (e.role === 'system') {
            assert.equal(e.version, s.version, `${c.number}: a ${e.type} event keeps the version`)
            assert.deepEqual([e.from_status, e.to_status], [s.status, s.status])
            continue
          }
          const actor = actors.get(e.actor_id)!
          assert.ok(permissionMatrix()[e.type as CaseAction].includes(actor.role as Role), `${c.number}: ${e.type} by a ${actor.role}`)
          const d = decide(s, { action: e.type, ...e.payload }, actor, new Date(e.at), rules)
          assert.ok(d.ok, `${c.number}: ${e.type} at v${s.version} (${s.status}) is refused: ${d.ok ? '' : d.reason.message}`)
          assert.deepEqual([e.version, e.from_status, e.to_status], [s.version + 1, s.status, d.next.status], `${c.number}: ${e.type}`)
          s = d.next
          commands++
        }
        assert.deepEqual(JSON.parse(JSON.stringify(s)), c.state, `${c.number}: replayed state`)
        assert.equal(c.status, s.status)
        assert.equal(c.version, s.version)
        assert.equal(c.event_seq, list.length)
      }
      assert.equal(commands + cases.length, summary.commands)
    })

    test('case numbers run 1…N in report order; the change feed holds each case; each report kept its key', async () => {
      const sequences = cases.map((c) => {
        const parsed = parseCaseNumber(c.number)
        assert.ok(parsed.ok)
        return parsed.value.sequence
      })
      assert.deepEqual(sequences, cases.map((_, i) => i + 1))
      const feed = await open.db.selectFrom('change_log').select(['entity_id', 'data']).where('entity', '=', 'case').execute()
      assert.equal(feed.length, COUNT)
      const byId = new Map(cases.map((c) => [c.id, c]))
      for (const f of feed) assert.equal((f.data as Json).version, byId.get(f.entity_id)!.version)
      const keys = await open.db.selectFrom('idempotency_key').select(['case_id', 'key']).execute()
      assert.equal(keys.length, COUNT)
      assert.deepEqual(new Set(keys.map((k) => k.case_id)), new Set(byId.keys()))
    })

    test('seeding again adds nothing, through the city seed and on its own', async () => {
      const again = await seedDemoCity(open.db, city, {}, { cases: { count: COUNT, days: DAYS, now: NOW } })
      assert.equal(again.cases?.seeded, false)
      assert.match(again.cases?.reason ?? '', /already holds 150 cases/)
      const direct = await seedDemoCases(open.db, { count: 10, now: new Date(+NOW + 3_600_000) })
      assert.equal(direct.seeded, false)
      const n = await open.db.selectFrom('case_file').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
      assert.equal(Number(n.n), COUNT)
      // A city seed without cases asked for leaves them alone too.
      assert.equal((await seedDemoCity(open.db, city)).cases, undefined)
    })

    test('the same seed and `now` give the same cases (ids, numbers, steps)', async () => {
      const small = async () => {
        const db = await openTestDatabase(backend)
        try {
          await seedDemoCity(db.db, city, {}, { cases: { count: 25, days: 3, now: NOW } })
          const rows = await db.db.selectFrom('case_file').select(['id', 'number', 'status', 'version', 'lon', 'lat', 'category_key', 'created_at', 'updated_at']).orderBy('id').execute()
          return JSON.stringify(rows)
        } finally {
          await db.close()
        }
      }
      const [a, b] = [await small(), await small()]
      assert.equal(a, b)
      assert.equal(JSON.parse(a).length, 25)
    })

    test('demo-activity: off unless asked; files a case and moves open cases one step as their role, at the app’s clock', async () => {
      const off = await buildApp({ db: open.db, databaseEngine: open.engine, photosDir })
      assert.ok(!off.jobs.names.includes(DEMO_ACTIVITY_JOB))
      await off.close()

      const clock = testClock(new Date(+NOW + 5 * MIN))
      const app = await buildApp({ db: open.db, databaseEngine: open.engine, photosDir, now: clock.now, demo: appDemo({ activity: { seed: 11 } }) })
      try {
        assert.ok(app.jobs.names.includes(DEMO_ACTIVITY_JOB))
        const before = new Map((await open.db.selectFrom('case_file').select(['id', 'version', 'status']).execute()).map((r) => [r.id, r]))
        const first = await app.jobs.runNow(DEMO_ACTIVITY_JOB)
        assert.equal(first.ran, true)
        const r1 = first.result as DemoActivityResult
        assert.equal(r1.filed.length, 1, JSON.stringify(r1))
        assert.ok(r1.advanced.length >= 1, JSON.stringify(r1))
        const filed = await open.db.selectFrom('case_file').selectAll().where('number', '=', r1.filed[0]!).executeTakeFirstOrThrow()
        assert.deepEqual([filed.status, filed.version, +new Date(filed.created_at)], ['reported', 1, +clock.now()])
        assert.ok(!before.has(filed.id))
        const people = new Map((await open.db.selectFrom('app_user').select(['id', 'role']).execute()).map((u) => [u.id, u.role]))
        for (const step of r1.advanced) {
          const row = await open.db.selectFrom('case_file').selectAll().where('number', '=', step.number).executeTakeFirstOrThrow()
          assert.equal(row.version, before.get(row.id)!.version + 1, `${step.number} moved one step`)
          const last = (await open.db.selectFrom('case_event').selectAll().where('case_id', '=', row.id).orderBy('seq', 'desc').limit(1).execute())[0]!
          assert.deepEqual([last.type, last.actor_id, +new Date(last.at)], [step.action, step.by, +clock.now()])
          const role = people.get(step.by) as Role
          assert.ok(role && permissionMatrix()[step.action as CaseAction].includes(role), `${step.action} by ${step.by} (${role})`)
        }
        // Within the 20-60 s gap nothing happens; after it, the next case comes in.
        clock.advance(5_000)
        const quiet = (await app.jobs.runNow(DEMO_ACTIVITY_JOB)).result as DemoActivityResult
        assert.deepEqual([quiet.filed.length, quiet.advanced.length], [0, 0])
        clock.advance(61_000)
        const next = (await app.jobs.runNow(DEMO_ACTIVITY_JOB)).result as DemoActivityResult
        assert.equal(next.filed.length, 1)
        assert.ok(next.advanced.length >= 1)
      } finally {
        await app.close()
      }
    })

    test('the demo photos the cases cite are served, restored into an empty photo folder on start', async () => {
      const emptyDir = mkdtempSync(join(tmpdir(), 'cityloop-demo-photos-'))
      const app = await buildApp({ db: open.db, databaseEngine: open.engine, photosDir: emptyDir, now: () => new Date(+NOW + 10 * MIN), demo: appDemo({ activity: false }) })
      try {
        await app.ready()
        const handled = [...events.values()].flat().find((e) => e.type === 'handle')!
        const id = (handled.payload.afterPhotoIds as string[])[0]!
        assert.ok(demoPhotos().some((p) => p.id === id))
        assert.ok(existsSync(join(emptyDir, id.slice(0, 2), id)), 'restored on start')
        const receiver = await signIn(app, 'receiver')
        const res = await receiver.get(`/api/v1/photos/${id}`)
        assert.equal(res.status, 200)
        assert.equal(res.headers['content-type'], 'image/png')
      } finally {
        await app.close()
        rmSync(emptyDir, { recursive: true, force: true })
      }
    })
  })
}

function count(values: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const v of [...values].sort()) out[v] = (out[v] ?? 0) + 1
  return out
}

function DAYS_MS(days: number): number {
  return days * 86_400_000
}
