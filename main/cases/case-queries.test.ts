/**
 * The case list, layers and one case offline, over hand-made records in a real local store: filters,
 * the filter bar's counts, sorting by deadline with red from the clock, the map's columns, abilities from
 * core's table by status, role and scope, and who may ask at all.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { CaseRecord, Session, SignedInUser } from '../../contracts/bridge/index.js'
import { CASE_PHASES } from '../../core/case/phase.js'
import { LIGHT_ORDER } from '../../contracts/bridge/index.js'
import type { BridgeFailure } from '../bridge-dispatch.js'
import { createCaseQueries, type CaseQueries } from './case-queries.js'
import { openLocalStore, type LocalStore } from '../store/local-store.js'
import { silentLog } from '../log.js'
import { createReferenceModel } from '../map/reference-model.js'
import { CentralUnavailable, seesAllCases, type SessionService } from './session.js'
import { sampleCase } from '../test-support/records.js'

const root = mkdtempSync(join(tmpdir(), 'cityloop-case-queries-'))
const NOW = Date.parse('2026-03-02T03:00:00.000Z')
const hour = 3_600_000
const iso = (ms: number) => new Date(ms).toISOString()
const clock = (startedAt: number, deadline: number) => ({
  startedAt: iso(startedAt),
  deadline: iso(deadline),
  limit: { amount: 1, unit: 'working-hours' as const },
})

// Ids end in the letter of the case, so failures read.
const id = (k: string) => `00000000-0000-4000-8000-00000000000${k}`
const RECORDS: CaseRecord[] = [
  // a: registered, its dispatch clock ran out an hour ago; the record still says green.
  sampleCase(id('a'), 119.91, 32.41, { stages: { dispatch: clock(NOW - 2 * hour, NOW - hour) } }),
  // b: registered, yellow by the server, deadline in 30 minutes.
  sampleCase(id('b'), 119.92, 32.42, {
    stages: { dispatch: clock(NOW - hour, NOW + hour / 2) },
    light: { color: 'yellow', stage: 'dispatch' },
    source: 'media',
  }),
  // c: a manhole-cover hazard being handled by hl-sanitation, arrival not yet reported.
  sampleCase(id('c'), 119.93, 32.43, {
    status: 'handling',
    version: 5,
    categoryKey: '2013:component:0101',
    safetyHazard: 'manhole-cover',
    assignedUnitId: 'hl-sanitation',
    stages: { handle: clock(NOW - hour, NOW + 3 * hour), 'on-site': clock(NOW - hour, NOW + hour) },
    location: {
      ...sampleCase('x', 0, 0).location,
      lon: 119.93,
      lat: 32.43,
      gridId: '321202001001002',
      address: '鼓楼路',
    },
  }),
  // d: closed yesterday.
  sampleCase(id('d'), 119.94, 32.44, {
    status: 'closed',
    statusGroup: 'closed',
    stages: {},
    light: { color: 'none', stage: null },
    closedAt: iso(NOW - 24 * hour),
    createdAt: iso(NOW - 48 * hour),
  }),
  // e: parked past its old deadline: clocks suspended, not red.
  sampleCase(id('e'), 119.95, 32.45, {
    status: 'parked',
    parkedSince: iso(NOW - 3 * hour),
    assignedUnitId: 'hl-law-enforcement',
    stages: { handle: clock(NOW - 5 * hour, NOW - 2 * hour) },
  }),
  // f: just reported, created last.
  sampleCase(id('f'), 119.96, 32.46, {
    status: 'reported',
    version: 1,
    stages: { accept: clock(NOW - hour / 4, NOW + 2 * hour) },
    createdAt: iso(NOW - hour / 4),
  }),
]

const user = (role: SignedInUser['role'], unitId: string | null = null): SignedInUser => ({
  id: `demo-${role}`,
  username: role,
  displayName: role,
  role,
  unitId,
  gridIds: [],
})

let signedIn: SignedInUser | null = user('receiver')
const session = {
  get: (): Session => ({
    user: signedIn,
    expiresAt: null,
    casesVisible: signedIn ? seesAllCases(signedIn.role) : false,
    tokenStorage: 'file',
  }),
  user: () => signedIn,
  token: () => (signedIn ? 'token' : undefined),
  call: async (method: string, path: string) => {
    if (central) return central(method, path)
    throw new CentralUnavailable('offline')
  },
} as unknown as SessionService
/** What the central API answers while set; unset: unreachable. */
let central: ((method: string, path: string) => { status: number; body: unknown }) | null = null

let store: LocalStore
let queries: CaseQueries

before(async () => {
  store = await openLocalStore({ file: join(root, 'cityloop.sqlite'), log: silentLog })
  store.applyPage(
    'cases',
    RECORDS.map((r) => ({ entity: 'case', op: 'upsert', id: r.id, value: r })),
    '42',
  )
  const model = createReferenceModel(
    {
      regions: [],
      grids: [],
      rules: [],
      classes: [],
      units: [
        {
          id: 'hl-sanitation',
          name: '海陵区环卫处',
          nameEn: 'Hailing Sanitation',
          type: 'sanitation',
          jurisdiction: [],
        },
      ],
    },
    silentLog,
  )
  queries = createCaseQueries({
    store,
    model,
    session,
    outbox: {
      perCase: () => new Map([[id('b'), { queued: 2, rejected: false }]]),
      forCase: () => [],
    },
    component: () => null,
    ownsLocalCases: () => true,
    log: silentLog,
    now: () => NOW,
  })
})
after(async () => {
  await store.close()
  rmSync(root, { recursive: true, force: true })
})

const letters = (ids: readonly string[]) => ids.map((x) => x.slice(-1)).join('')

describe('case queries', () => {
  it('sorts by deadline with red from the clock first, and shows the light now', () => {
    const list = queries.list({})
    assert.equal(list.total, 6)
    assert.equal(letters(list.cases.map((c) => c.id)), 'abcfed')
    const a = list.cases[0]!
    assert.equal(a.light, 'red', 'past its deadline: red, whatever the record says')
    assert.equal(a.lightStage, 'dispatch')
    assert.equal(a.deadline, iso(NOW - hour))
    assert.equal(a.phase, 'registered')
    assert.equal(a.unit?.name, '海陵区环卫处')
    assert.equal(a.categoryName, '2013:event:0102', 'the key when the catalog lacks it')
    const e = list.cases.find((x) => x.id === id('e'))!
    assert.equal(e.light, 'green', 'parked: no clock runs')
    assert.equal(e.deadline, null)
    assert.equal(e.unit?.name, 'hl-law-enforcement', 'an unknown unit keeps its id')
    const c = list.cases.find((x) => x.id === id('c'))!
    assert.equal(c.onSiteDeadline, iso(NOW + hour))
    assert.equal(c.deadline, iso(NOW + hour))
    assert.equal(list.cases.find((x) => x.id === id('b'))!.queued, 2)
    assert.equal(queries.list({ sort: 'newest' }).cases[0]!.id, id('f'))
    assert.equal(queries.list({ sort: 'newest' }).cases.at(-1)!.id, id('d'))
    assert.equal(letters(queries.list({ limit: 2, offset: 1 }).cases.map((x) => x.id)), 'bc')
  })

  it('filters, and counts per phase and light ignoring their own filter', () => {
    const handling = queries.list({ phases: ['handling'] })
    assert.equal(letters(handling.cases.map((c) => c.id)), 'ce')
    assert.equal(handling.byPhase.registered, 2, 'the phase counts ignore the phase filter')
    assert.equal(handling.byPhase.handling, 2)
    assert.equal(handling.byLight.green, 2, 'the light counts keep it')
    assert.equal(handling.byLight.red, 0)
    const red = queries.list({ lights: ['red'] })
    assert.equal(letters(red.cases.map((c) => c.id)), 'a')
    assert.deepEqual(red.byLight, { none: 1, green: 3, yellow: 1, red: 1 })
    assert.equal(
      Object.values(queries.list({}).byPhase).reduce((s, v) => s + v, 0),
      6,
    )
    const one = (q: Parameters<CaseQueries['list']>[0]) => letters(queries.list(q).cases.map((c) => c.id))
    assert.equal(one({ text: RECORDS[1]!.number }), 'b')
    assert.equal(one({ text: '鼓楼' }), 'c')
    assert.equal(one({ hazardOnly: true }), 'c')
    assert.equal(one({ categories: ['2013:component:'] }), 'c')
    assert.equal(one({ sources: ['media'] }), 'b')
    assert.equal(one({ statuses: ['closed', 'reported'] }), 'fd')
    assert.equal(one({ unitIds: ['hl-law-enforcement'] }), 'e')
    assert.equal(one({ bbox: [119.915, 32.415, 119.935, 32.435] }), 'bc')
    assert.equal(one({ from: iso(NOW - hour), to: iso(NOW) }), 'f')
  })

  it('gives the map its columns and counts per grid', () => {
    const layer = queries.layer({ phases: ['registered', 'handling'] })
    assert.equal(layer.total, 4)
    assert.equal(layer.ids.length, 4)
    const at = layer.ids.indexOf(id('a'))
    assert.equal(LIGHT_ORDER[layer.light[at]!], 'red')
    assert.equal(CASE_PHASES[layer.phase[at]!], 'registered')
    const c = layer.ids.indexOf(id('c'))
    assert.equal(layer.hazard[c], 1)
    assert.equal(layer.onSiteDeadline[c], NOW + hour)
    assert.equal(layer.gridIds[layer.grid[c]!], '321202001001002')
    assert.equal(layer.lon[c], 119.93)
    const counts = queries.gridCounts({})
    assert.equal(counts.total, 6)
    assert.equal(counts.counts[counts.gridIds.indexOf('321202001001001')], 5)
    assert.equal(counts.max, 5)
  })

  it('answers one case offline from the store, with abilities from the table by status and role', async () => {
    const f = await queries.get(id('f'))
    assert.equal(f.fresh, false)
    assert.equal(f.abilitiesFrom, 'local')
    assert.equal(f.events, null)
    assert.equal(f.record.id, id('f'))
    assert.equal(f.abilities.accept, true)
    assert.equal(f.abilities['request-verify'], true)
    assert.equal(f.abilities.dispatch, false)
    const b = await queries.get(id('b'))
    assert.equal(b.abilities.dispatch, false, 'a receiver does not dispatch')

    signedIn = user('dispatcher')
    assert.equal((await queries.get(id('b'))).abilities.dispatch, true)
    signedIn = user('leader')
    const c = await queries.get(id('c'))
    assert.equal(c.abilities.supervise, true, '督办 on any open case')
    assert.equal(c.abilities.handle, false, 'a unit’s action')
    assert.equal((await queries.get(id('d'))).abilities.supervise, false, 'not on a closed one')
    signedIn = user('shift-leader')
    const e = await queries.get(id('e'))
    assert.deepEqual(
      Object.entries(e.abilities)
        .filter(([, may]) => may)
        .map(([a]) => a),
      ['resume'],
      'a parked case: only 挂账恢复',
    )
    signedIn = user('unit-handler', 'hl-sanitation')
    // A unit handler has no local case store: offline, not even its own case.
    await assert.rejects(queries.get(id('c')), (x: BridgeFailure) => x.code === 'FORBIDDEN')
    signedIn = user('receiver')
  })

  it('answers only a signed-in account that sees every case', async () => {
    signedIn = null
    assert.throws(
      () => queries.list({}),
      (e: BridgeFailure) => e.code === 'UNAUTHORIZED',
    )
    await assert.rejects(queries.get(id('a')), (e: BridgeFailure) => e.code === 'UNAUTHORIZED')
    signedIn = user('gis-maintainer')
    assert.throws(
      () => queries.layer({}),
      (e: BridgeFailure) => e.code === 'FORBIDDEN',
    )
    signedIn = user('leader')
    assert.equal(queries.gridCounts({}).total, 6)
    signedIn = user('receiver')
  })

  it('待办 offline: a desk’s queue from its local cases by the same rules, overdue first, one queue each', async () => {
    signedIn = user('shift-leader')
    const q = await queries.tasks()
    assert.equal(q.source, 'local')
    assert.deepEqual(q.queues, ['escalation', 'register', 'intake', 'dispatch', 'approval', 'check'])
    // a is overdue (dispatch ran out an hour ago): first; then b (30 min), f (2 h); e is parked, no deadline runs.
    assert.deepEqual(
      q.tasks.map((x) => [x.case.id.slice(-1), x.queue, x.overdue]),
      [
        ['a', 'dispatch', true],
        ['b', 'dispatch', false],
        ['f', 'intake', false],
        ['e', 'approval', false],
      ],
    )
    assert.deepEqual(q.tasks[3]!.todo, ['resume'])
    assert.deepEqual([q.counts.dispatch, q.counts.intake, q.counts.approval, q.counts.escalation], [2, 1, 1, 0])
    // c, a hazard whose unit is within its 2 hours, is nobody's task at the desk; not even 督办 / 改派 offline.
    assert.ok(!q.tasks.some((x) => x.case.id === id('c')))
    assert.equal((await queries.get(id('c'))).abilities.dispatch, false)
    signedIn = user('receiver')
    assert.deepEqual(
      (await queries.tasks()).tasks.map((x) => [x.case.id.slice(-1), x.queue, x.todo.join(',')]),
      [['f', 'intake', 'accept,not-accept,request-verify']],
    )
    signedIn = user('leader')
    assert.deepEqual((await queries.tasks()).tasks.map((x) => [x.case.id.slice(-1), x.queue]), [['a', 'supervise']], 'red lights to 督办')
    // A unit keeps no cases locally: offline it has no queue to show, and says so.
    signedIn = user('unit-handler', 'hl-sanitation')
    const unit = await queries.tasks()
    assert.deepEqual([unit.source, unit.tasks.length, unit.queues], ['offline', 0, ['unit']])
    signedIn = user('gis-maintainer')
    assert.deepEqual((await queries.tasks()).queues, [])
    signedIn = user('receiver')
  })

  it('待办 online: the central API’s /tasks, classified and sorted the same way', async () => {
    const hazard = RECORDS[2]!
    const asked: string[] = []
    central = (method, path) => {
      asked.push(`${method} ${path}`)
      return {
        status: 200,
        body: {
          tasks: [
            { todo: ['register', 'not-register'], case: RECORDS[5] },
            { todo: ['dispatch', 'rapid-handle', 'escalation:arrival-missing'], case: { ...hazard, escalation: { kind: 'arrival-missing', at: iso(NOW) } } },
          ],
          truncated: false,
        },
      }
    }
    try {
      signedIn = user('shift-leader')
      const q = await queries.tasks()
      assert.deepEqual(asked, ['GET /tasks?limit=500'])
      assert.equal(q.source, 'central')
      assert.deepEqual(
        q.tasks.map((x) => [x.case.id.slice(-1), x.queue]),
        [
          ['c', 'escalation'],
          ['f', 'register'],
        ],
        'the hazard’s 到场 (in an hour) comes before the intake deadline (in two)',
      )
      assert.equal(q.tasks[0]!.dueAt, hazard.stages['on-site']!.deadline)
      assert.equal(q.counts.escalation, 1)
      central = () => ({ status: 401, body: { error: { message: 'session expired' } } })
      await assert.rejects(queries.tasks(), (e: BridgeFailure) => e.code === 'UNAUTHORIZED')
    } finally {
      central = null
      signedIn = user('receiver')
    }
  })

  it('follows pages, answers and pruning', () => {
    const changed = { ...RECORDS[5]!, version: 2, status: 'accepted' as const }
    assert.deepEqual(queries.apply([{ entity: 'case', op: 'upsert', id: changed.id, value: changed }]), [
      changed.id,
    ])
    assert.equal(queries.list({ text: changed.number }).cases[0]!.status, 'accepted')
    const answered = {
      ...changed,
      version: 3,
      status: 'registered' as const,
      reporter: { id: 'x', name: '张三', contact: '13812345678' },
    }
    assert.deepEqual(queries.store([answered]), [answered.id])
    assert.equal(
      store.caseRecord(answered.id)!.reporter.contact,
      '138****5678',
      'stored masked, like the feed',
    )
    assert.equal(queries.list({ text: changed.number }).cases[0]!.phase, 'registered')
    const pruned = store.pruneClosedCases(NOW)
    assert.deepEqual(pruned, [id('d')])
    queries.removed(pruned)
    assert.equal(queries.list({}).total, 5)
    queries.apply([{ entity: 'case', op: 'delete', id: id('a') }])
    assert.equal(queries.list({}).total, 4)
  })
})
