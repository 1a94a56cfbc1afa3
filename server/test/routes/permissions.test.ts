import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { CaseStatus, Role } from '../../../core/case/types.js'
import { ROLES } from '../../../core/case/types.js'
import { arrivalOverdue, rapidOnOverdueArrival } from '../../../core/case/effects.js'
import { TRANSITIONS } from '../../../core/case/transitions.js'
import { MATRIX_MARKERS, permissionMatrix, withCurrentMatrix, type MatrixRow } from '../../src/policies/permission-matrix.js'
import { DATABASES } from '../databases.js'
import { seededApi, testClock, type SeededApi } from '../seeded.js'
import { caller, signIn, signInAll, uploadPhoto, type Caller } from '../helpers.js'

// The permission matrix (docs/permissions.md) is generated from core's transitions table; this file checks
// the document is current and walks EVERY role × transition cell against the API: a ✓ must be accepted,
// an empty cell refused with 403 and a reason. Each cell acts on a case in the row's starting status, by
// the role's account that is in scope for that case (its unit, its grid), so a refusal can only be the role.

const HAILING = { lon: 119.92, lat: 32.49 }
const GARBAGE = '2026:event:06010'
const COVER = '2013:component:0101'

type Case = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

test('docs/permissions.md holds the current matrix (npm run cityloop-server -- docs permissions)', () => {
  const doc = readFileSync(new URL('../../../docs/permissions.md', import.meta.url), 'utf8')
  assert.ok(doc.includes(MATRIX_MARKERS.begin) && doc.includes(MATRIX_MARKERS.end))
  assert.equal(doc, withCurrentMatrix(doc), 'the role × action table is stale: run `npm run cityloop-server -- docs permissions`')
})

test('the matrix covers every action of core and every role', () => {
  const rows = permissionMatrix()
  assert.ok(rows.some((r) => r.action === 'create'))
  for (const r of rows) for (const role of r.roles) assert.ok(ROLES.includes(role))
  assert.equal(rows.filter((r) => r.action === 'check-result').length, 4, 'the four results of 第10条')
})

/** One step on the way to a status: who, what, with which payload. */
type Step = [string, string, Record<string, unknown>?]

/** Which prepared case a row acts on: the variant picks the unit the case is assigned to. */
type Variant = 'default' | 'government' | 'hazard' | 'overdue'

/** Rows that open only when a hazard's 2-hour arrival (第9条) was missed: walked on such a case. */
const OVERDUE_ROWS = new Set(TRANSITIONS.filter((r) => r.guard === arrivalOverdue || r.guard === rapidOnOverdueArrival))

/** A valid payload for each transition, so an allowed cell can only succeed. */
function payload(row: MatrixRow, photo: string): Record<string, unknown> {
  const note = { note: '测试' }
  switch (row.action) {
    case 'not-accept':
    case 'not-register':
    case 'void':
    case 'dispute':
    case 'request-return':
    case 'request-park':
      return { reason: '测试原因' }
    case 'request-verify':
    case 'request-check':
      return { inspectorId: 'demo-inspector' }
    case 'verify-result':
      return { result: 'confirmed', note: '属实' }
    case 'dispatch':
      return { unitId: 'hl-sanitation' }
    case 'sub-dispatch':
      return { subUnitId: 'hl-sanitation' }
    case 'arbitrate':
      return row.outcome === 'redispatch' ? { decision: 'redispatch', unitId: 'hl-law-enforcement' } : { decision: 'uphold' }
    case 'request-extension':
      return { duration: { amount: 1, unit: 'working-days' }, reason: '测试' }
    case 'report-arrival':
      return { ...HAILING, photoId: photo, measures: '设置围挡' }
    case 'handle':
    case 'self-handle':
      return { note: '已处理', afterPhotoIds: [photo] }
    case 'check-result':
      return row.outcome === 'redispatch' ? { outcome: 'redispatch', unitId: 'hl-law-enforcement' } : { outcome: row.outcome }
    case 'supervise':
      return note
    case 'rapid-handle':
      return { team: '快速处置一队', costYuan: 100, note: '已处理', afterPhotoIds: [photo] }
    default:
      return {}
  }
}

function variantOf(row: MatrixRow, index: number): Variant {
  if (row.action === 'sub-dispatch') return 'government'
  if (row.action === 'report-arrival') return 'hazard'
  // 督办 by the leader is walked on a missed-arrival case too: there the shift leader may supervise as well.
  if (OVERDUE_ROWS.has(TRANSITIONS[index - 1]!) || row.action === 'supervise') return 'overdue'
  return 'default'
}

/** A cell is allowed when any row of the action (and outcome) from that status grants the role. */
function grants(row: MatrixRow, status: CaseStatus, role: Role): boolean {
  return permissionMatrix().some(
    (r) => r.action === row.action && r.outcome === row.outcome && (r.from === '*open*' || r.from.includes(status)) && r.roles.includes(role),
  )
}

function startStatus(row: MatrixRow): CaseStatus {
  return row.from === '*open*' ? 'handling' : row.from[0]!
}

for (const backend of DATABASES) {
  describe(`permission matrix against the API on ${backend.name}`, () => {
    let s: SeededApi
    let u: Record<string, Caller>
    let sensor: Caller
    let photo: string
    const clock = testClock('2026-03-02T01:00:00Z')
    const prepared = new Map<string, Case>()

    before(async () => {
      s = await seededApi(backend, { components: false, onlyDistrict: '321202', clock })
      u = await signInAll(s.app)
      sensor = caller(s.app, 'demo-sensor', { 'x-api-key': 'cityloop-demo-sensor-key' })
      photo = await uploadPhoto(u.inspector!)
      // The unit roles of the two extra units the walk needs (the demo has one account per role, not per unit).
      for (const [username, role, unitId] of [
        ['hl-government-handler', 'unit-handler', 'hl-government'],
        ['water-supply-manager', 'unit-manager', 'city-water-supply'],
      ] as const) {
        const r = await u.admin!.post('/api/v1/admin/users', { username, displayName: username, role, unitId, password: 'permission-walk' })
        assert.equal(r.status, 201)
        u[username] = await signIn(s.app, username, 'permission-walk')
      }
    })
    after(() => s.close())

    /** The account of `role` in scope for a case of `variant` (its unit's people; the grid's inspector). */
    function actorFor(role: Role, variant: Variant): Caller {
      switch (role) {
        case 'unit-handler':
          return u[{ default: 'hl-sanitation', government: 'hl-government-handler', hazard: 'water-supply', overdue: 'water-supply' }[variant]]!
        case 'unit-manager':
          return u[{ default: 'hl-sanitation-manager', government: 'hl-government-manager', hazard: 'water-supply-manager', overdue: 'water-supply-manager' }[variant]]!
        case 'gis-maintainer':
          return u.gis!
        case 'api-client':
          return sensor
        default:
          return u[role]!
      }
    }

    async function step(who: string, c: Case, action: string, body: Record<string, unknown> = {}): Promise<Case> {
      clock.advance(60_000)
      const r = await u[who]!.post(`/api/v1/cases/${c.id}/actions`, { action, version: c.version, ...body })
      assert.equal(r.status, 200, `${action}: ${JSON.stringify(r.body)}`)
      return r.body.case
    }

    /** A case in `status` (of `variant`), driven there through the API once and reused. */
    async function caseIn(status: CaseStatus, variant: Variant): Promise<Case> {
      const key = `${status}/${variant}`
      const ready = prepared.get(key)
      if (ready) return ready
      const unit = { default: 'hl-sanitation', government: 'hl-government', hazard: 'city-water-supply', overdue: 'city-water-supply' }[variant]
      const handler = { default: 'hl-sanitation', government: 'hl-government-handler', hazard: 'water-supply', overdue: 'water-supply' }[variant]
      const hazard = variant === 'hazard' || variant === 'overdue'
      const filed = await u.inspector!.post('/api/v1/cases', { ...HAILING, categoryKey: hazard ? COVER : GARBAGE })
      assert.equal(filed.status, 201)
      let c: Case = filed.body.case
      const toHandling: Step[] = [['receiver', 'accept'], ['shift-leader', 'register'], ['dispatcher', 'dispatch', { unitId: unit }], [handler, 'sign']]
      const paths: Record<string, Step[]> = {
        reported: [],
        verifying: [['receiver', 'request-verify', { inspectorId: 'demo-inspector' }]],
        'self-handled': [['inspector', 'self-handle', { note: 'x', afterPhotoIds: [photo] }]],
        accepted: [['receiver', 'accept']],
        registered: [['receiver', 'accept'], ['shift-leader', 'register']],
        dispatched: toHandling.slice(0, 3),
        disputed: [...toHandling.slice(0, 3), [handler, 'dispute', { reason: 'x' }]],
        handling: toHandling,
        'extension-requested': [...toHandling, [handler, 'request-extension', { duration: { amount: 1, unit: 'working-hours' }, reason: 'x' }]],
        'return-requested': [...toHandling, [handler, 'request-return', { reason: 'x' }]],
        'park-requested': [...toHandling, [handler, 'request-park', { reason: 'x' }]],
        parked: [...toHandling, [handler, 'request-park', { reason: 'x' }], ['dispatcher', 'approve-park']],
        handled: [...toHandling, [handler, 'handle', { note: 'x', afterPhotoIds: [photo] }]],
        checking: [...toHandling, [handler, 'handle', { note: 'x', afterPhotoIds: [photo] }], ['receiver', 'request-check', { inspectorId: 'demo-inspector' }]],
      }
      const path = paths[status]
      assert.ok(path, `no path to ${status}`)
      for (const [who, action, body] of path) c = await step(who, c, action, body)
      assert.equal(c.status, status)
      // 第9条: the unit lets its 2 hours to arrive pass (the clock only moves forward: earlier cases stay valid).
      if (variant === 'overdue') clock.advance(2 * 3_600_000 + 60_000)
      prepared.set(key, c)
      return c
    }

    /** A fresh copy of a prepared case (new id and number), so an accepted action leaves the original as it was. */
    async function copyOf(c: Case): Promise<Case> {
      const row = await s.open.db.selectFrom('case_file').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow()
      const id = randomUUID()
      const number = `${row.number}-copy-${id.slice(0, 8)}`
      await s.open.db
        .insertInto('case_file')
        .values({ ...row, id, number, event_seq: 0, event_hash: null, state: JSON.stringify({ ...(row.state as object), id, number }) })
        .execute()
      return { ...c, id, number }
    }

    test('every role × transition: a ✓ is accepted, an empty cell is 403 with the reason', async () => {
      const refusedWrongly: string[] = []
      const acceptedWrongly: string[] = []
      let cells = 0
      let accepted = 0
      let granted = 0
      for (const [index, row] of permissionMatrix().entries()) {
        if (row.action === 'create') continue
        const variant = variantOf(row, index)
        const base = await caseIn(startStatus(row), variant)
        for (const role of ROLES) {
          cells++
          const allowed = grants(row, base.status, role)
          if (allowed) granted++
          const target = allowed ? await copyOf(base) : base
          const who = actorFor(role, variant)
          const r = await who.post(`/api/v1/cases/${target.id}/actions`, { action: row.action, version: base.version, ...payload(row, photo) })
          const cell = `${role} × ${row.action}${row.outcome ? `(${row.outcome})` : ''} on ${base.status}`
          if (allowed && r.status === 200) accepted++
          if (allowed && r.status !== 200) refusedWrongly.push(`${cell}: ${r.status} ${JSON.stringify(r.body.error)}`)
          if (!allowed && (r.status !== 403 || !(r.body.error?.message?.length > 0))) acceptedWrongly.push(`${cell}: ${r.status} ${JSON.stringify(r.body)}`)
        }
      }
      assert.deepEqual(refusedWrongly, [], 'allowed cells that were refused')
      assert.deepEqual(acceptedWrongly, [], 'forbidden cells that were not a 403 with a reason')
      assert.equal(cells, (permissionMatrix().length - 1) * ROLES.length)
      assert.equal(accepted, granted)
      assert.ok(granted >= permissionMatrix().filter((r) => r.action !== 'create').reduce((n, r) => n + r.roles.length, 0))
    })

    test('every role × intake (上报): a ✓ files the case, an empty cell is 403', async () => {
      const row = permissionMatrix().find((r) => r.action === 'create')!
      for (const role of ROLES) {
        const who = actorFor(role, 'default')
        const r = await who.post('/api/v1/cases', { ...HAILING, categoryKey: GARBAGE, ...(role === 'receiver' || role === 'shift-leader' ? { source: 'public' } : {}) })
        if (row.roles.includes(role)) assert.equal(r.status, 201, `${role}: ${JSON.stringify(r.body)}`)
        else {
          assert.equal(r.status, 403, `${role}: ${JSON.stringify(r.body)}`)
          assert.ok(r.body.error.message.length > 0)
        }
      }
    })

    test('abilities in responses agree with the matrix for the case’s status', async () => {
      const c = await caseIn('checking', 'default')
      const expected = new Map<Role, string[]>()
      for (const row of permissionMatrix()) {
        if (row.action === 'create' || !(row.from === '*open*' || row.from.includes('checking'))) continue
        for (const role of row.roles) expected.set(role, [...new Set([...(expected.get(role) ?? []), row.action])])
      }
      for (const role of ROLES.filter((r) => !['gis-maintainer', 'api-client'].includes(r))) {
        const seen = await actorFor(role, 'default').get(`/api/v1/cases/${c.id}`)
        assert.equal(seen.status, 200, role)
        const on = Object.entries(seen.body.case.abilities).filter(([, v]) => v).map(([k]) => k).sort()
        assert.deepEqual(on, (expected.get(role) ?? []).sort(), role)
      }
    })
  })
}
