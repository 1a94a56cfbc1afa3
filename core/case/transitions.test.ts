import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { caseRules } from './profile.js'
import { allowedActions, decide, permissionMatrix, targetStatuses } from './transitions.js'
import type { Step } from './test-fixtures.js'
import { ACTORS, reported, run, TEST_RULES, toChecking, toDispatched } from './test-fixtures.js'
import type { CaseState } from './types.js'

const START = new Date('2026-03-02T09:00:00+08:00') // Monday
const fresh = (overrides = {}) => reported(START, overrides)
const events = (steps: Step[], from = fresh()) => run(from, steps).events.map((e) => e.type)

describe('seed paths (泰州办法 第7–10条)', () => {
  it('normal close: report → accept → register → dispatch → sign → handle → check → close', () => {
    const { state, events: evs } = run(fresh(), [
      ...toDispatched(),
      ...toChecking(),
      { by: ACTORS.inspector, command: { action: 'check-result', outcome: 'close' } },
    ])
    assert.equal(state.status, 'closed')
    assert.equal(state.closeKind, 'normal')
    assert.equal(state.version, 8)
    assert.equal(state.closedAt, state.updatedAt)
    assert.deepEqual(
      evs.map((e) => e.version),
      [2, 3, 4, 5, 6, 7, 8],
    )
    assert.deepEqual(evs.map((e) => `${e.from}>${e.to}`).slice(0, 2), [
      'reported>accepted',
      'accepted>registered',
    ])
    for (const stage of ['accept', 'register', 'dispatch', 'sign', 'handle', 'check', 'close'] as const) {
      assert.equal(state.stages[stage]?.onTime, true, stage)
    }
    // The handle limit is the condition's 3 working days from dispatch (Mon 09:30): Thu 03-05 17:30.
    assert.equal(state.stages.handle?.deadline, new Date('2026-03-05T17:30:00+08:00').toISOString())
  })

  it('rework: 再次处置 goes back to the same unit, counts 返工, restarts the handle clock', () => {
    const { state } = run(fresh(), [
      ...toDispatched(),
      ...toChecking(),
      {
        by: ACTORS.inspector,
        command: { action: 'check-result', outcome: 'rehandle', note: 'still broken' },
      },
      {
        by: ACTORS.handler,
        command: { action: 'handle', note: 'fixed properly', afterPhotoIds: ['after-2'] },
      },
      { by: ACTORS.receiver, command: { action: 'request-check', inspectorId: 'i1' } },
      { by: ACTORS.inspector, command: { action: 'check-result', outcome: 'close' } },
    ])
    assert.equal(state.status, 'closed')
    assert.equal(state.counters.reworkCount, 1)
    assert.equal(state.assignedUnitId, 'u1')
    assert.equal(state.handling?.note, 'fixed properly')
  })

  it('redispatch: 重新派遣 to another unit; the first unit loses access', () => {
    const { state } = run(fresh(), [
      ...toDispatched(),
      ...toChecking(),
      { by: ACTORS.shiftLeader, command: { action: 'check-result', outcome: 'redispatch', unitId: 'u2' } },
    ])
    assert.equal(state.status, 'dispatched')
    assert.equal(state.assignedUnitId, 'u2')
    assert.deepEqual(state.previousUnitIds, ['u1'])
    assert.equal(state.counters.redispatchCount, 1)
    const d = decide(state, { action: 'sign' }, ACTORS.handler, START)
    assert.equal(!d.ok && d.reason.code, 'FORBIDDEN')
    const closed = run(state, [
      ...toChecking(ACTORS.otherHandler),
      { by: ACTORS.inspector, command: { action: 'check-result', outcome: 'close' } },
    ]).state
    assert.equal(closed.closeKind, 'normal')
  })

  it("unqualified close: 不合格办结 is the shift leader's call, not the inspector's", () => {
    const { state } = run(fresh(), [...toDispatched(), ...toChecking()])
    const byInspector = decide(
      state,
      { action: 'check-result', outcome: 'close-unqualified' },
      ACTORS.inspector,
      START,
    )
    assert.equal(!byInspector.ok && byInspector.reason.code, 'FORBIDDEN')
    const closed = run(state, [
      { by: ACTORS.shiftLeader, command: { action: 'check-result', outcome: 'close-unqualified' } },
    ]).state
    assert.equal(closed.status, 'closed')
    assert.equal(closed.closeKind, 'unqualified')
  })

  it('dispute (第8条): upheld → the unit handles; or redispatched to another unit', () => {
    const disputed = run(fresh(), [
      ...toDispatched(),
      { by: ACTORS.manager, command: { action: 'dispute', reason: 'not our road' } },
    ]).state
    assert.equal(disputed.status, 'disputed')
    assert.equal(disputed.pending?.kind, 'dispute')
    assert.equal(disputed.counters.disputeCount, 1)
    const upheld = run(disputed, [
      { by: ACTORS.dispatcher, command: { action: 'arbitrate', decision: 'uphold' } },
    ]).state
    assert.equal(upheld.status, 'handling')
    assert.equal(upheld.pending, undefined)
    const moved = run(disputed, [
      { by: ACTORS.shiftLeader, command: { action: 'arbitrate', decision: 'redispatch', unitId: 'u2' } },
    ]).state
    assert.equal(moved.status, 'dispatched')
    assert.equal(moved.assignedUnitId, 'u2')
    const same = decide(
      disputed,
      { action: 'arbitrate', decision: 'redispatch', unitId: 'u1' },
      ACTORS.dispatcher,
      START,
    )
    assert.deepEqual(!same.ok && [same.reason.code, same.reason.field], ['INVALID_PAYLOAD', 'unitId'])
  })

  it('extension approved moves the handle deadline; refused leaves it; the limit is enforced', () => {
    const handling = run(fresh(), [
      ...toDispatched(),
      { by: ACTORS.handler, command: { action: 'sign' } },
    ]).state
    const ask = {
      by: ACTORS.handler,
      command: {
        action: 'request-extension',
        duration: { amount: 2, unit: 'working-days' },
        reason: 'parts on order',
      },
    }
    const approved = run(handling, [
      ask,
      { by: ACTORS.dispatcher, command: { action: 'approve-extension' } },
    ]).state
    assert.equal(approved.status, 'handling')
    assert.equal(approved.stages.handle?.deadline, new Date('2026-03-09T17:30:00+08:00').toISOString())
    assert.equal(approved.counters.extensionCount, 1)
    assert.deepEqual(approved.extensions, [{ amount: 2, unit: 'working-days' }])
    const refused = run(handling, [
      ask,
      { by: ACTORS.shiftLeader, command: { action: 'refuse-extension', note: 'no' } },
    ]).state
    assert.equal(refused.stages.handle?.deadline, handling.stages.handle?.deadline)
    assert.equal(refused.counters.extensionCount, 0)
    const twice = run(approved, [
      ask,
      { by: ACTORS.dispatcher, command: { action: 'approve-extension' } },
    ]).state
    const third = decide(twice, ask.command, ACTORS.handler, START)
    assert.equal(!third.ok && third.reason.code, 'GUARD')
  })

  it('return approved → registered → redispatched; refused → handling', () => {
    const asked = run(fresh(), [
      ...toDispatched(),
      { by: ACTORS.handler, command: { action: 'sign' } },
      { by: ACTORS.handler, command: { action: 'request-return', reason: 'wrong unit' } },
    ]).state
    assert.equal(asked.status, 'return-requested')
    assert.equal(
      run(asked, [{ by: ACTORS.dispatcher, command: { action: 'refuse-return' } }]).state.status,
      'handling',
    )
    const back = run(asked, [{ by: ACTORS.dispatcher, command: { action: 'approve-return' } }]).state
    assert.equal(back.status, 'registered')
    assert.equal(back.assignedUnitId, undefined)
    assert.equal(back.stages.handle, undefined)
    const again = run(back, [{ by: ACTORS.dispatcher, command: { action: 'dispatch', unitId: 'u2' } }]).state
    assert.equal(again.assignedUnitId, 'u2')
    assert.equal(again.counters.redispatchCount, 1)
  })

  it('park and resume: the clock is suspended while parked', () => {
    const handling = run(fresh(), [
      ...toDispatched(),
      { by: ACTORS.handler, command: { action: 'sign' } },
    ]).state
    const parked = run(handling, [
      { by: ACTORS.handler, command: { action: 'request-park', reason: 'waiting for funding' } },
      { by: ACTORS.dispatcher, command: { action: 'approve-park' }, at: '2026-03-02T10:00:00+08:00' },
    ]).state
    assert.equal(parked.status, 'parked')
    assert.equal(parked.counters.parkCount, 1)
    // Parked Mon 10:00 → Wed 10:00: two working days of working time (15 h) do not count.
    const resumed = run(parked, [
      { by: ACTORS.dispatcher, command: { action: 'resume' }, at: '2026-03-04T10:00:00+08:00' },
    ]).state
    assert.equal(resumed.status, 'handling')
    assert.equal(resumed.counters.parkedMs, 48 * 3_600_000)
    assert.deepEqual(resumed.suspensions, [
      {
        from: new Date('2026-03-02T10:00:00+08:00').toISOString(),
        to: new Date('2026-03-04T10:00:00+08:00').toISOString(),
      },
    ])
    assert.equal(resumed.stages.handle?.deadline, new Date('2026-03-09T17:30:00+08:00').toISOString())
    assert.equal(parked.stages.handle?.deadline, new Date('2026-03-05T17:30:00+08:00').toISOString())
  })

  it('self-handle: an inspector fixes what it collected, the desk approves or refuses', () => {
    const selfHandle = {
      by: ACTORS.inspector,
      command: { action: 'self-handle', note: 'picked up', afterPhotoIds: ['p1'] },
    }
    const waiting = run(fresh(), [selfHandle]).state
    assert.equal(waiting.status, 'self-handled')
    const closed = run(waiting, [{ by: ACTORS.receiver, command: { action: 'approve-self-handle' } }]).state
    assert.equal(closed.closeKind, 'self-handled')
    assert.equal(
      run(waiting, [{ by: ACTORS.shiftLeader, command: { action: 'refuse-self-handle' } }]).state.status,
      'reported',
    )
    const other = decide(fresh(), selfHandle.command, ACTORS.otherInspector, START)
    assert.equal(!other.ok && other.reason.code, 'FORBIDDEN')
    const publicCase = reported(START, { source: 'public' }, ACTORS.receiver)
    const byReceiver = decide(publicCase, selfHandle.command, ACTORS.inspector, START)
    assert.equal(!byReceiver.ok && byReceiver.reason.code, 'FORBIDDEN')
  })

  it("rapid handling (第9条第三款) by the center's team, with its cost; off in the default profile", () => {
    const registered = run(fresh(), toDispatched().slice(0, 2)).state
    const rapid = {
      action: 'rapid-handle',
      team: '快速处置一队',
      costYuan: 380,
      note: 'made safe and repaired',
      afterPhotoIds: ['r1'],
    }
    const handled = run(registered, [{ by: ACTORS.dispatcher, command: rapid }]).state
    assert.equal(handled.status, 'handled')
    assert.deepEqual([handled.rapid?.team, handled.rapid?.costYuan], ['快速处置一队', 380])
    const closed = run(handled, [
      { by: ACTORS.receiver, command: { action: 'request-check', inspectorId: 'i1' } },
      { by: ACTORS.inspector, command: { action: 'check-result', outcome: 'close' } },
    ]).state
    assert.equal(closed.closeKind, 'rapid')
    const off = decide(registered, rapid, ACTORS.dispatcher, START, caseRules())
    assert.equal(!off.ok && off.reason.code, 'GUARD')
  })

  it('supervise (督办): a leader on any open case; no state change; counted', () => {
    const s = run(fresh(), toDispatched()).state
    const d = decide(s, { action: 'supervise', note: '尽快处理' }, ACTORS.leader, START)
    assert.ok(d.ok)
    assert.equal(d.next.status, 'dispatched')
    assert.equal(d.next.version, s.version + 1)
    assert.equal(d.next.counters.superviseCount, 1)
    assert.equal(d.events[0]?.type, 'supervise')
    const notLeader = decide(s, { action: 'supervise', note: 'x' }, ACTORS.receiver, START)
    assert.equal(!notLeader.ok && notLeader.reason.code, 'FORBIDDEN')
    // The shift leader supervises only a missed 第9条 arrival (below).
    const shift = decide(s, { action: 'supervise', note: 'x' }, ACTORS.shiftLeader, START)
    assert.equal(!shift.ok && shift.reason.code, 'GUARD')
    const closed = run(fresh(), [
      { by: ACTORS.receiver, command: { action: 'not-accept', reason: 'duplicate' } },
    ]).state
    const late = decide(closed, { action: 'supervise', note: 'x' }, ACTORS.leader, START)
    assert.equal(!late.ok && late.reason.code, 'ILLEGAL_ACTION')
  })

  it('public report: 核实 by the grid inspector, then accepted', () => {
    const pub = reported(START, { source: 'public' }, ACTORS.api)
    const verifying = run(pub, [
      { by: ACTORS.receiver, command: { action: 'request-verify', inspectorId: 'i1' } },
    ]).state
    assert.equal(verifying.status, 'verifying')
    const stranger = decide(
      verifying,
      { action: 'verify-result', result: 'confirmed', note: 'seen' },
      ACTORS.otherInspector,
      START,
    )
    assert.equal(!stranger.ok && stranger.reason.code, 'FORBIDDEN')
    const { state, events: evs } = run(verifying, [
      {
        by: ACTORS.inspector,
        command: { action: 'verify-result', result: 'confirmed', note: 'seen', photoIds: ['v1'] },
      },
      { by: ACTORS.receiver, command: { action: 'accept' } },
    ])
    assert.equal(state.status, 'accepted')
    assert.equal(state.verification?.result, 'confirmed')
    assert.equal(state.stages.verify?.onTime, true)
    assert.deepEqual(
      evs.map((e) => e.type),
      ['verify-result', 'accept'],
    )
  })

  it('end states: not accepted, not registered, voided', () => {
    assert.deepEqual(events([{ by: ACTORS.receiver, command: { action: 'not-accept', reason: 'dup' } }]), [
      'not-accept',
    ])
    const acc: Step = { by: ACTORS.receiver, command: { action: 'accept' } }
    assert.equal(
      run(fresh(), [
        acc,
        { by: ACTORS.shiftLeader, command: { action: 'not-register', reason: 'no filing condition' } },
      ]).state.status,
      'not-registered',
    )
    assert.equal(
      run(fresh(), [
        ...toDispatched().slice(0, 2),
        { by: ACTORS.shiftLeader, command: { action: 'void', reason: 'entered twice' } },
      ]).state.status,
      'voided',
    )
  })
})

describe('safety hazards (第9条第二款)', () => {
  const hazard = (): CaseState =>
    run(reported(START, { safetyHazard: 'manhole-cover', urgency: 'urgent' }), toDispatched()).state
  it('dispatch starts a 2-natural-hour arrival clock; handling waits for arrival', () => {
    const s = hazard()
    assert.equal(s.stages['on-site']?.deadline, new Date('2026-03-02T11:30:00+08:00').toISOString())
    const early = decide(s, { action: 'sign' }, ACTORS.handler, START)
    assert.ok(early.ok)
    const blocked = decide(
      early.next,
      { action: 'handle', note: 'x', afterPhotoIds: ['a'] },
      ACTORS.handler,
      START,
    )
    assert.equal(!blocked.ok && blocked.reason.code, 'GUARD')
  })
  it('records arrival with location, photo and measures, and whether it was on time', () => {
    const arrive = {
      action: 'report-arrival',
      lon: 119.92,
      lat: 32.46,
      photoId: 'site-1',
      measures: '设置围挡和警示标志',
    }
    const late = run(hazard(), [
      { by: ACTORS.handler, command: arrive, at: '2026-03-02T12:00:00+08:00' },
    ]).state
    assert.equal(late.onSite?.onTime, false)
    assert.equal(late.stages['on-site']?.onTime, false)
    const ok = run(hazard(), [{ by: ACTORS.handler, command: arrive, at: '2026-03-02T10:30:00+08:00' }]).state
    assert.equal(ok.onSite?.onTime, true)
    const twice = decide(ok, arrive, ACTORS.handler, START)
    assert.equal(!twice.ok && twice.reason.code, 'GUARD')
    const bad = decide(hazard(), { ...arrive, lat: 132 }, ACTORS.handler, START)
    assert.deepEqual(!bad.ok && [bad.reason.code, bad.reason.field], ['INVALID_PAYLOAD', 'lat'])
    const ordinary = decide(run(fresh(), toDispatched()).state, arrive, ACTORS.handler, START)
    assert.equal(!ordinary.ok && ordinary.reason.code, 'GUARD')
  })
})

describe('missed arrival (第9条第二款): what the shift leader can do on the escalation', () => {
  // Dispatched Mon 09:30 (+08:00): the unit must be on site by 11:30.
  const hazard = (): CaseState =>
    run(reported(START, { safetyHazard: 'manhole-cover', urgency: 'urgent' }), toDispatched()).state
  const BEFORE = new Date('2026-03-02T11:00:00+08:00')
  const AFTER = new Date('2026-03-02T11:45:00+08:00')

  it('before the 2 hours pass, or without the time, the shift leader has nothing to do on it', () => {
    assert.deepEqual(allowedActions(hazard(), ACTORS.shiftLeader, TEST_RULES, BEFORE), [])
    assert.deepEqual(allowedActions(hazard(), ACTORS.shiftLeader), [])
    const early = decide(hazard(), { action: 'supervise', note: '尽快到场' }, ACTORS.shiftLeader, BEFORE)
    assert.equal(!early.ok && early.reason.code, 'GUARD')
  })

  it('once missed: 督办, 改派 and 快速处置 are offered to the shift leader (dispatch and rapid also to the dispatcher)', () => {
    assert.deepEqual(allowedActions(hazard(), ACTORS.shiftLeader, TEST_RULES, AFTER), [
      'supervise',
      'dispatch',
      'rapid-handle',
    ])
    assert.deepEqual(allowedActions(hazard(), ACTORS.dispatcher, TEST_RULES, AFTER), [
      'dispatch',
      'rapid-handle',
    ])
    const signed = run(hazard(), [{ by: ACTORS.handler, command: { action: 'sign' } }]).state
    assert.deepEqual(allowedActions(signed, ACTORS.shiftLeader, TEST_RULES, AFTER), [
      'supervise',
      'dispatch',
      'rapid-handle',
    ])
    // An ordinary case, or a hazard whose unit arrived (late), opens none of them.
    assert.deepEqual(
      allowedActions(run(fresh(), toDispatched()).state, ACTORS.shiftLeader, TEST_RULES, AFTER),
      [],
    )
    const arrived = run(hazard(), [
      {
        by: ACTORS.handler,
        command: { action: 'report-arrival', lon: 119.92, lat: 32.46, photoId: 'p', measures: '围挡' },
        at: AFTER,
      },
    ]).state
    assert.deepEqual(allowedActions(arrived, ACTORS.shiftLeader, TEST_RULES, new Date(+AFTER + 60_000)), [])
  })

  it('督办 by the shift leader is counted; the leader still supervises before the limit', () => {
    const d = decide(hazard(), { action: 'supervise', note: '立即到场' }, ACTORS.shiftLeader, AFTER)
    assert.ok(d.ok)
    assert.equal(d.next.status, 'dispatched')
    assert.equal(d.next.counters.superviseCount, 1)
    assert.ok(decide(hazard(), { action: 'supervise', note: '关注' }, ACTORS.leader, BEFORE).ok)
    const receiver = decide(hazard(), { action: 'supervise', note: 'x' }, ACTORS.receiver, AFTER)
    assert.equal(!receiver.ok && receiver.reason.code, 'FORBIDDEN')
  })

  it('改派 moves the case to another unit with a fresh 2-hour arrival clock, counted as a redispatch', () => {
    const d = decide(
      hazard(),
      { action: 'dispatch', unitId: 'u2', note: '原单位未到场' },
      ACTORS.shiftLeader,
      AFTER,
    )
    assert.ok(d.ok)
    assert.equal(d.next.status, 'dispatched')
    assert.equal(d.next.assignedUnitId, 'u2')
    assert.deepEqual(d.next.previousUnitIds, ['u1'])
    assert.equal(d.next.counters.redispatchCount, 1)
    assert.equal(d.next.stages['on-site']?.deadline, new Date('2026-03-02T13:45:00+08:00').toISOString())
    const same = decide(hazard(), { action: 'dispatch', unitId: 'u1' }, ACTORS.shiftLeader, AFTER)
    assert.deepEqual(!same.ok && [same.reason.code, same.reason.field], ['INVALID_PAYLOAD', 'unitId'])
    assert.ok(!decide(d.next, { action: 'sign' }, ACTORS.handler, AFTER).ok, 'the first unit lost the case')
  })

  it('快速处置 takes it from the unit to the center’s team', () => {
    const d = decide(
      hazard(),
      { action: 'rapid-handle', team: '快速处置一队', costYuan: 300, note: '已排险', afterPhotoIds: ['a'] },
      ACTORS.shiftLeader,
      AFTER,
      TEST_RULES,
    )
    assert.ok(d.ok)
    assert.equal(d.next.status, 'handled')
    assert.equal(d.next.assignedUnitId, undefined)
    assert.equal(d.next.stages['on-site'], undefined)
  })
})

describe('rejections', () => {
  it('ILLEGAL_ACTION names the status and the allowed actions', () => {
    const d = decide(fresh(), { action: 'dispatch', unitId: 'u1' }, ACTORS.receiver, START)
    assert.ok(!d.ok)
    assert.equal(d.reason.code, 'ILLEGAL_ACTION')
    assert.equal(d.reason.status, 'reported')
    assert.deepEqual(d.reason.allowed, ['accept', 'not-accept', 'request-verify'])
    const unknown = decide(fresh(), { action: 'explode' }, ACTORS.receiver, START)
    assert.equal(!unknown.ok && unknown.reason.code, 'ILLEGAL_ACTION')
  })
  it('INVALID_PAYLOAD names the field', () => {
    const registered = run(fresh(), toDispatched().slice(0, 2)).state
    const noUnit = decide(registered, { action: 'dispatch' }, ACTORS.dispatcher, START)
    assert.deepEqual(!noUnit.ok && [noUnit.reason.code, noUnit.reason.field], ['INVALID_PAYLOAD', 'unitId'])
    const handling = run(registered, [
      { by: ACTORS.dispatcher, command: { action: 'dispatch', unitId: 'u1' } },
      { by: ACTORS.handler, command: { action: 'sign' } },
    ]).state
    const noPhoto = decide(
      handling,
      { action: 'handle', note: 'done', afterPhotoIds: [] },
      ACTORS.handler,
      START,
    )
    assert.equal(!noPhoto.ok && noPhoto.reason.field, 'afterPhotoIds')
    const noDuration = decide(handling, { action: 'request-extension', reason: 'x' }, ACTORS.handler, START)
    assert.equal(!noDuration.ok && noDuration.reason.field, 'duration')
    const checking = run(handling, toChecking().slice(1)).state
    const noTarget = decide(
      checking,
      { action: 'check-result', outcome: 'redispatch' },
      ACTORS.dispatcher,
      START,
    )
    assert.equal(!noTarget.ok && noTarget.reason.field, 'unitId')
    const badOutcome = decide(checking, { action: 'check-result', outcome: 'maybe' }, ACTORS.inspector, START)
    assert.equal(!badOutcome.ok && badOutcome.reason.field, 'outcome')
    const partial = decide(
      run(fresh(), toDispatched().slice(0, 1)).state,
      { action: 'register', conditionId: 'c2' },
      ACTORS.shiftLeader,
      START,
    )
    assert.equal(!partial.ok && partial.reason.field, 'categoryKey')
  })
  it('FORBIDDEN for the wrong role, the wrong unit and api clients', () => {
    const s = run(fresh(), toDispatched()).state
    for (const actor of [ACTORS.otherHandler, ACTORS.api, ACTORS.admin, ACTORS.receiver, ACTORS.gis]) {
      const d = decide(s, { action: 'sign' }, actor, START)
      assert.equal(!d.ok && d.reason.code, 'FORBIDDEN', actor.role)
    }
  })
  it('sub-dispatch (二级派遣): the sub-unit may act; only the first-level manager passes it on', () => {
    const s = run(fresh(), [
      ...toDispatched(),
      { by: ACTORS.manager, command: { action: 'sub-dispatch', subUnitId: 'u1-a' } },
    ]).state
    assert.equal(s.subUnitId, 'u1-a')
    assert.ok(decide(s, { action: 'sign' }, ACTORS.subHandler, START).ok)
    const again = decide(s, { action: 'sub-dispatch', subUnitId: 'u1-b' }, ACTORS.subManager, START)
    assert.equal(!again.ok && again.reason.code, 'GUARD')
    const self = decide(s, { action: 'sub-dispatch', subUnitId: 'u1' }, ACTORS.manager, START)
    assert.equal(!self.ok && self.reason.field, 'subUnitId')
  })
  it('register may reclassify with a new limit', () => {
    const s = run(fresh(), [
      { by: ACTORS.receiver, command: { action: 'accept' } },
      {
        by: ACTORS.shiftLeader,
        command: {
          action: 'register',
          categoryKey: '2013:event:0102',
          conditionId: '2013:event:0102:01',
          areaClass: 'B',
          handleLimit: { amount: 4, unit: 'working-hours' },
        },
      },
      { by: ACTORS.dispatcher, command: { action: 'dispatch', unitId: 'u1' } },
    ]).state
    assert.deepEqual([s.categoryKey, s.areaClass, s.handleLimit.amount], ['2013:event:0102', 'B', 4])
    assert.equal(s.stages.handle?.deadline, new Date('2026-03-02T15:00:00+08:00').toISOString())
  })
})

describe('derived views of the table', () => {
  it('the permission matrix gives the center, units, inspectors and leaders their own actions', () => {
    const m = permissionMatrix()
    assert.deepEqual(m.register, ['shift-leader'])
    assert.deepEqual(m.supervise, ['shift-leader', 'leader'])
    assert.deepEqual(m.sign, ['unit-handler', 'unit-manager'])
    assert.deepEqual(m['check-result'], ['inspector', 'shift-leader', 'dispatcher'])
    for (const role of ['api-client', 'admin', 'gis-maintainer'] as const) {
      assert.ok(
        Object.values(m).every((roles) => !roles.includes(role)),
        role,
      )
    }
  })
  it('every status but the first is a target of some row', () => {
    assert.deepEqual(new Set([...targetStatuses(), 'reported']).size, 18)
  })
})
