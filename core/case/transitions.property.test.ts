import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import type { RawCommand } from './commands.js'
import { ACTORS, TEST_RULES, reported } from './test-fixtures.js'
import { TRANSITIONS, allowedActions, decide, inScope, rowFrom, statusGroup } from './transitions.js'
import type { Actor, CaseAction, CaseState, CaseStatus } from './types.js'
import { CASE_ACTIONS, CASE_STATUSES, CHECK_OUTCOMES } from './types.js'

const POOL: readonly Actor[] = Object.values(ACTORS)
const UNITS = ['u1', 'u2', 'u3', 'u1-a']

/** A payload for `action`; variant 0 breaks it (drops or spoils a field) to exercise INVALID_PAYLOAD. */
function command(action: CaseAction, v: number): RawCommand {
  const unit = UNITS[v % UNITS.length] as string
  const photos = ['p1']
  const base: Record<CaseAction, Record<string, unknown>> = {
    accept: {},
    'not-accept': { reason: 'r' },
    'request-verify': { inspectorId: v % 2 ? 'i1' : 'i2' },
    'verify-result': { result: v % 3 ? 'confirmed' : 'unfounded', note: 'n' },
    register: {},
    'not-register': { reason: 'r' },
    void: { reason: 'r' },
    dispatch: { unitId: unit },
    'sub-dispatch': { subUnitId: 'u1-a' },
    sign: {},
    dispute: { reason: 'r' },
    arbitrate: v % 2 ? { decision: 'uphold' } : { decision: 'redispatch', unitId: unit },
    'request-extension': {
      duration: { amount: 1 + (v % 3), unit: v % 2 ? 'working-days' : 'working-hours' },
      reason: 'r',
    },
    'approve-extension': {},
    'refuse-extension': {},
    'request-return': { reason: 'r' },
    'approve-return': {},
    'refuse-return': {},
    'request-park': { reason: 'r' },
    'approve-park': {},
    'refuse-park': {},
    resume: {},
    'report-arrival': { lon: 119.9, lat: 32.4, photoId: 'p', measures: 'm' },
    handle: { note: 'n', afterPhotoIds: photos },
    'request-check': { inspectorId: v % 2 ? 'i1' : 'i2' },
    'check-result': { outcome: CHECK_OUTCOMES[v % 4], unitId: unit },
    'self-handle': { note: 'n', afterPhotoIds: photos },
    'approve-self-handle': {},
    'refuse-self-handle': {},
    supervise: { note: 'n' },
    'rapid-handle': { team: 't', costYuan: v * 10, note: 'n', afterPhotoIds: photos },
  }
  const fields = base[action]
  if (v === 0) {
    const first = Object.keys(fields)[0]
    return { action, ...fields, [first ?? 'note']: 42 }
  }
  return { action, ...fields }
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o)
    for (const v of Object.values(o)) deepFreeze(v)
  }
  return o
}

const step = fc.record({
  guided: fc.integer({ min: 0, max: 9 }).map((n) => n < 8),
  actor: fc.nat(POOL.length - 1),
  pick: fc.nat(1000),
  variant: fc.nat(12),
  minutes: fc.integer({ min: 1, max: 4 * 24 * 60 }),
})

type Step = typeof step extends fc.Arbitrary<infer T> ? T : never

const start = fc.record({
  source: fc.constantFrom('inspector' as const, 'public' as const, 'iot' as const),
  hazard: fc.boolean(),
})

/** Runs random steps and checks every invariant after each; returns the case and the statuses it passed. */
function simulate(init: { source: 'inspector' | 'public' | 'iot'; hazard: boolean }, steps: readonly Step[]) {
  const by = init.source === 'inspector' ? ACTORS.inspector : ACTORS.api
  let state: CaseState = deepFreeze(
    reported(
      new Date('2026-02-10T09:00:00+08:00'),
      { source: init.source, ...(init.hazard ? { safetyHazard: 'pole-tilt' as const } : {}) },
      by,
    ),
  )
  const path: CaseStatus[] = [state.status]
  const actions: CaseAction[] = []
  let t = Date.parse(state.createdAt)
  for (const s of steps) {
    t += s.minutes * 60_000
    let actor = POOL[s.actor] as Actor
    let action = CASE_ACTIONS[s.pick % CASE_ACTIONS.length] as CaseAction
    if (s.guided) {
      const options = POOL.flatMap((a) =>
        allowedActions(state, a, TEST_RULES, new Date(t)).map((x) => [a, x] as const),
      )
      if (options.length === 0) break
      ;[actor, action] = options[s.pick % options.length] as readonly [Actor, CaseAction]
    }
    const before = JSON.stringify(state)
    const cmd = command(action, s.variant)
    const d = decide(state, cmd, actor, new Date(t), TEST_RULES)
    assert.equal(JSON.stringify(state), before, 'decide mutated its input')
    const allowed = allowedActions(state, actor, TEST_RULES, new Date(t))
    if (!d.ok) {
      assert.ok(['ILLEGAL_ACTION', 'FORBIDDEN', 'GUARD', 'INVALID_PAYLOAD'].includes(d.reason.code))
      assert.deepEqual(d.reason.allowed, allowed)
      assert.equal(d.reason.status, state.status)
      if (d.reason.code === 'ILLEGAL_ACTION')
        assert.ok(!allowed.includes(action), `${action} is allowed yet illegal: ${d.reason.message}`)
      continue
    }
    const next = d.next
    assert.ok(CASE_STATUSES.includes(next.status), `unknown status ${next.status}`)
    assert.equal(next.version, state.version + 1)
    assert.ok(allowed.includes(action), `${action} succeeded but was not allowed for ${actor.role}`)
    const row = TRANSITIONS.find(
      (r) =>
        r.action === action &&
        rowFrom(r, state.status) &&
        r.roles.includes(actor.role) &&
        inScope(r, state, actor) &&
        (r.to === 'same' ? next.status === state.status : r.to === next.status),
    )
    assert.ok(row, `no row allows ${state.status} --${action}/${actor.role}--> ${next.status}`)
    assert.deepEqual(
      d.events.map((e) => [e.version, e.from, e.to, e.type]),
      [[next.version, state.status, next.status, action]],
    )
    assert.equal(next.parkedSince !== undefined, next.status === 'parked')
    for (const clock of Object.values(next.stages))
      assert.equal(clock.onTime !== undefined, clock.endedAt !== undefined)
    if (statusGroup(next.status) === 'closed')
      assert.ok(
        Object.values(next.stages).every((c) => c.endedAt),
        'a closed case has a running clock',
      )
    state = deepFreeze(next)
    if (next.status !== path[path.length - 1]) path.push(next.status)
    actions.push(action)
  }
  return { state, path, actions }
}

/** True when `wanted` occurs in `path` in this order (not necessarily adjacent). */
function inOrder(path: readonly string[], wanted: readonly string[]): boolean {
  let i = 0
  for (const p of path) if (p === wanted[i]) i++
  return i === wanted.length
}

describe('the transitions table under random commands', () => {
  it('never leaves the enum, never breaks the table, never mutates, counts versions', () => {
    fc.assert(
      fc.property(
        start,
        fc.array(step, { minLength: 5, maxLength: 40 }),
        (init, steps) => void simulate(init, steps),
      ),
      { numRuns: 300 },
    )
  })

  it('a closed case passed the required steps for its kind of closing', () => {
    fc.assert(
      fc.property(start, fc.array(step, { minLength: 10, maxLength: 60 }), (init, steps) => {
        const { state, path, actions } = simulate(
          init,
          steps.map((s) => ({ ...s, guided: true })),
        )
        if (state.status === 'closed') {
          switch (state.closeKind) {
            case 'normal':
            case 'unqualified':
              if (state.assignedUnitId)
                assert.ok(
                  inOrder(path, ['registered', 'dispatched', 'handling', 'handled', 'checking', 'closed']),
                  path.join(' > '),
                )
              else
                assert.ok(
                  inOrder(path, ['registered', 'handled', 'checking', 'closed']) &&
                    actions.includes('rapid-handle'),
                  path.join(' > '),
                )
              break
            case 'rapid':
              assert.ok(
                inOrder(path, ['registered', 'handled', 'checking', 'closed']) &&
                  actions.includes('rapid-handle'),
                path.join(' > '),
              )
              break
            case 'self-handled':
              assert.ok(
                inOrder(path, ['self-handled', 'closed']) && state.source === 'inspector',
                path.join(' > '),
              )
              break
            default:
              assert.fail(`closed without a close kind: ${path.join(' > ')}`)
          }
        }
        if (state.status === 'not-accepted') assert.equal(actions.at(-1), 'not-accept')
        if (state.status === 'not-registered') assert.ok(inOrder(path, ['accepted', 'not-registered']))
        if (state.status === 'voided') assert.equal(actions.at(-1), 'void')
        if (state.counters.reworkCount > 0)
          assert.ok(actions.filter((a) => a === 'check-result').length >= state.counters.reworkCount)
      }),
      { numRuns: 300 },
    )
  })

  it('every status is reachable and every row can fire', () => {
    const seen = new Set<string>()
    fc.assert(
      fc.property(start, fc.array(step, { minLength: 30, maxLength: 60 }), (init, steps) => {
        const { path, actions } = simulate(
          init,
          steps.map((s) => ({ ...s, guided: true })),
        )
        path.forEach((p) => seen.add(p))
        actions.forEach((a) => seen.add(a))
      }),
      { numRuns: 400, seed: 4 },
    )
    for (const s of CASE_STATUSES) assert.ok(seen.has(s), `status ${s} never reached`)
    for (const a of CASE_ACTIONS) assert.ok(seen.has(a), `action ${a} never fired`)
  })
})
