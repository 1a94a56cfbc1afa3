import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createCase } from '../case/create.js'
import type { NewCase } from '../case/create.js'
import type { Step } from '../case/test-fixtures.js'
import { ACTORS, TEST_RULES, newCaseInput, run, toChecking, toDispatched } from '../case/test-fixtures.js'
import type { Actor } from '../case/types.js'
import type { Evaluation, Figure } from './evaluate.js'
import { evaluate } from './evaluate.js'
import type { IndicatorKey, ObjectKind } from './indicators.js'
import type { DispatchOrder, EvaluationRecord } from './input.js'
import { parsePeriod } from './period.js'
import { evaluationProfile } from './profile.js'

// Every history below is built with core/case's own decide(), so its events and stage clocks are real ones.
// Times are local (+08:00); run() spaces steps 10 minutes apart unless a step names its time.

const local = (s: string): Date => new Date(`${s.replace(' ', 'T')}:00+08:00`)
const PLACE = { gridId: 'g1', communityCode: '321202001001', streetCode: '321202001', districtCode: '321202' }

/** A case reported at `at` by `by`, then `steps`; events numbered as the server stores them (create = 1). */
function history(
  id: string,
  at: string,
  steps: readonly Step[],
  overrides: Partial<NewCase> = {},
  by: Actor = ACTORS.inspector,
): EvaluationRecord {
  const created = createCase(newCaseInput({ id, ...PLACE, ...overrides }), by, local(at), TEST_RULES)
  if (!created.ok) throw new Error(created.reason.message)
  const { state, events } = run(created.next, steps)
  return { case: state, events: [...created.events, ...events].map((e, i) => ({ ...e, seq: i + 1 })) }
}

const period = (label: string) => {
  const p = parsePeriod(label)
  if (!p.ok) throw new Error(p.error)
  return p.value
}

function evaluateAll(
  labels: readonly string[],
  records: readonly EvaluationRecord[],
  asOf: string,
  extra: { orders?: readonly DispatchOrder[]; patrols?: ReadonlyMap<string, readonly string[]> } = {},
): readonly Evaluation[] {
  const evs = evaluate({
    periods: labels.map(period),
    asOf: local(asOf),
    rules: TEST_RULES,
    profile: evaluationProfile(),
    records,
    trace: true,
    ...extra,
  })
  evs.forEach(assertTraced)
  return evs
}

/** No figure without its cases: every tally's count equals the events (or cases, or orders) recorded behind it. */
function assertTraced(ev: Evaluation): void {
  for (const list of Object.values(ev.objects))
    for (const o of list)
      for (const f of Object.values(o.figures) as Figure[]) {
        const sides = [
          [f.indicator.startsWith('mean') ? f.denominator : f.numerator, f.basis?.numerator],
          ...(f.denominator !== undefined ? [[f.denominator, f.basis?.denominator] as const] : []),
        ] as const
        for (const [n, basis] of sides) {
          assert.ok(basis, `${o.kind} ${o.id} ${f.indicator}: no basis`)
          const behind = basis.eventIds.length || basis.caseIds.length + basis.orderIds.length
          assert.equal(behind, n, `${o.kind} ${o.id} ${f.indicator}: ${n} but ${behind} behind it`)
        }
      }
}

/** The figure of one object; fails when the object is absent. */
function fig(ev: Evaluation, kind: ObjectKind, id: string, key: IndicatorKey): Figure {
  const o = ev.objects[kind].find((x) => x.id === id)
  assert.ok(o, `${kind} ${id} not evaluated in ${ev.period.label}`)
  const f = o.figures[key]
  assert.ok(f, `${kind} ${id} has no ${key}`)
  return f
}
/** value, numerator and (rates) denominator at once. */
const val = (ev: Evaluation, kind: ObjectKind, id: string, key: IndicatorKey) => {
  const f = fig(ev, kind, id, key)
  return f.denominator === undefined ? [f.value] : [f.value, f.numerator, f.denominator]
}

const close: Step = { by: ACTORS.inspector, command: { action: 'check-result', outcome: 'close' } }
const rehandle: Step = {
  by: ACTORS.inspector,
  command: { action: 'check-result', outcome: 'rehandle', note: 'still broken' },
}
const handle: Step = {
  by: ACTORS.handler,
  command: { action: 'handle', note: 'fixed', afterPhotoIds: ['p'] },
}
const requestCheck: Step = { by: ACTORS.receiver, command: { action: 'request-check', inspectorId: 'i1' } }
const sign: Step = { by: ACTORS.handler, command: { action: 'sign' } }

describe('evaluation of a normal case (上报 → 结案 on time)', () => {
  // 09:00 report, 09:10 受理, 09:20 立案, 09:30 派遣 to u1, 09:40 签收, 09:50 处置反馈, 10:00 发核查, 10:10 结案.
  const a = history('A', '2026-03-02 09:00', [...toDispatched(), ...toChecking(), close])
  const [march] = evaluateAll(['2026-03'], [a], '2026-04-01 00:00')
  const m = march as Evaluation

  it('counts it once at every region level, on time throughout', () => {
    for (const [kind, id] of [
      ['city', 'all'],
      ['district', '321202'],
      ['street', '321202001'],
      ['community', '321202001001'],
      ['grid', 'g1'],
    ] as const) {
      assert.deepEqual(val(m, kind, id, 'reports'), [1])
      assert.deepEqual(val(m, kind, id, 'validReportRate'), [1, 1, 1])
      assert.deepEqual(val(m, kind, id, 'handleOnTimeRate'), [1, 1, 1])
      assert.deepEqual(val(m, kind, id, 'closeOnTimeRate'), [1, 1, 1])
      assert.deepEqual(val(m, kind, id, 'unclosed'), [0])
    }
  })

  it('averages: 受理 took 10 minutes, 处置 20 minutes', () => {
    assert.deepEqual(val(m, 'district', '321202', 'meanAcceptHours'), [10 / 60, 10 / 60, 1])
    assert.deepEqual(val(m, 'unit', 'u1', 'meanHandleHours'), [20 / 60, 20 / 60, 1])
  })

  it('attributes each step to the post whose actor did it', () => {
    assert.deepEqual(val(m, 'inspector', 'i1', 'reports'), [1])
    assert.deepEqual(val(m, 'inspector', 'i1', 'checkOnTimeRate'), [1, 1, 1])
    assert.deepEqual(val(m, 'receiver', 'receiver-1', 'accepted'), [1])
    assert.deepEqual(val(m, 'receiver', 'receiver-1', 'checkSentOnTimeRate'), [1, 1, 1])
    assert.deepEqual(val(m, 'shift-leader', 'shift-1', 'registerOnTimeRate'), [1, 1, 1])
    assert.deepEqual(val(m, 'shift-leader', 'shift-1', 'registerAccuracyRate'), [1, 1, 1])
    assert.deepEqual(val(m, 'dispatcher', 'dispatcher-1', 'dispatchOnTimeRate'), [1, 1, 1])
    assert.deepEqual(val(m, 'dispatcher', 'dispatcher-1', 'dispatchAccuracyRate'), [1, 1, 1])
    assert.deepEqual(val(m, 'unit', 'u1', 'signOnTimeRate'), [1, 1, 1])
  })

  it('names the case behind each figure, and the task events behind task figures', () => {
    const f = fig(m, 'unit', 'u1', 'handleOnTimeRate')
    assert.deepEqual(f.basis?.numerator.caseIds, ['A'])
    assert.deepEqual(f.basis?.denominator?.caseIds, ['A'])
    // 核查 task: started by 发核查, the 7th event.
    assert.deepEqual(fig(m, 'inspector', 'i1', 'checkDue').basis?.numerator.eventIds, ['A#7'])
  })
})

describe('返工 (rework) counts every repeat', () => {
  // Sent back twice by the check, closed the third time.
  const b = history('B', '2026-03-02 09:00', [
    ...toDispatched(),
    ...toChecking(),
    rehandle,
    handle,
    requestCheck,
    rehandle,
    handle,
    requestCheck,
    close,
  ])
  const [m] = evaluateAll(['2026-03'], [b], '2026-04-01 00:00') as [Evaluation]

  it('two reworks on one handled case: 返工数 2, 返工率 2 ÷ 1, each rework event named', () => {
    assert.deepEqual(val(m, 'unit', 'u1', 'rework'), [2])
    assert.deepEqual(val(m, 'unit', 'u1', 'reworkRate'), [2, 2, 1])
    assert.deepEqual(val(m, 'district', '321202', 'rework'), [2])
    assert.deepEqual(fig(m, 'unit', 'u1', 'rework').basis?.numerator.eventIds, ['B#8', 'B#11'])
    assert.deepEqual(fig(m, 'unit', 'u1', 'rework').basis?.numerator.caseIds, ['B'])
  })

  it('three 核查 tasks for the inspector, three 核查派发 for the receiver; 处置 timed from the last rework', () => {
    assert.deepEqual(val(m, 'inspector', 'i1', 'checkOnTimeRate'), [1, 3, 3])
    assert.deepEqual(val(m, 'receiver', 'receiver-1', 'checkSentOnTimeRate'), [1, 3, 3])
    // Last rework at 10:40 (event 11), feedback at 10:50.
    assert.deepEqual(val(m, 'unit', 'u1', 'meanHandleHours'), [10 / 60, 10 / 60, 1])
  })
})

describe('处置 deadlines: unhandled, 挂账, 延期', () => {
  // All dispatched to u1 on Mon 03-02 09:30 with 3 working days to handle: due Thu 03-05 17:30.
  const upToSign = [...toDispatched(), sign]
  const park: Step[] = [
    { by: ACTORS.handler, command: { action: 'request-park', reason: 'waiting for funding' } },
    { by: ACTORS.dispatcher, command: { action: 'approve-park' } },
  ]
  // Signed, never handled.
  const unhandled = history('C', '2026-03-02 09:00', upToSign)
  // Parked at 10:00 on the first day and still parked: its clock stopped before the deadline.
  const parked = history('D', '2026-03-02 09:00', [...upToSign, ...park])
  // Parked Mon 03-02 10:00 → Mon 03-09 10:00 (5 working days): due Thu 03-12 17:30, handled Wed 03-11 10:00.
  const resumed = history('D2', '2026-03-02 09:00', [
    ...upToSign,
    ...park,
    { by: ACTORS.dispatcher, command: { action: 'resume' }, at: local('2026-03-09 10:00') },
    { ...handle, at: local('2026-03-11 10:00') },
  ])
  // 2 more working days approved: due Mon 03-09 17:30, handled Mon 03-09 10:00.
  const extended = history('E', '2026-03-02 09:00', [
    ...upToSign,
    {
      by: ACTORS.handler,
      command: {
        action: 'request-extension',
        duration: { amount: 2, unit: 'working-days' },
        reason: 'parts',
      },
    },
    { by: ACTORS.dispatcher, command: { action: 'approve-extension' } },
    { ...handle, at: local('2026-03-09 10:00') },
  ])
  const [m] = evaluateAll(['2026-03'], [unhandled, parked, resumed, extended], '2026-04-01 00:00') as [
    Evaluation,
  ]

  it('应处置 3: the unhandled case is due and overdue; the parked one is not due', () => {
    assert.deepEqual(val(m, 'unit', 'u1', 'handleDue'), [3])
    assert.deepEqual(fig(m, 'unit', 'u1', 'handleDue').basis?.numerator.caseIds, ['C', 'D2', 'E'])
    assert.deepEqual(val(m, 'unit', 'u1', 'handled'), [2])
    assert.deepEqual(val(m, 'unit', 'u1', 'handleOverdue'), [1])
    assert.deepEqual(fig(m, 'unit', 'u1', 'handleOverdue').basis?.numerator.caseIds, ['C'])
    assert.deepEqual(val(m, 'unit', 'u1', 'handleLate'), [0])
  })

  it('挂账 and 延期 keep the handled cases in time: 按期处置率 2 ÷ 3', () => {
    assert.deepEqual(val(m, 'unit', 'u1', 'handleOnTimeRate'), [2 / 3, 2, 3])
    assert.deepEqual(val(m, 'unit', 'u1', 'handleRate'), [2 / 3, 2, 3])
    assert.deepEqual(val(m, 'unit', 'u1', 'parks'), [2])
    assert.deepEqual(val(m, 'unit', 'u1', 'extensions'), [1])
  })

  it('处置时长 leaves out the parked week: (48.5 h + 168.5 h) ÷ 2', () => {
    // D2: 03-02 09:30 → 03-11 10:00 is 216.5 h, parked 168 h; E: 03-02 09:30 → 03-09 10:00 is 168.5 h.
    assert.deepEqual(val(m, 'unit', 'u1', 'meanHandleHours'), [108.5, 217, 2])
  })

  it('the unhandled case is due to close and not closed; 未结案 counts all four by report time', () => {
    assert.deepEqual(val(m, 'district', '321202', 'closeRate'), [0, 0, 3])
    assert.deepEqual(val(m, 'district', '321202', 'unclosedRate'), [1, 4, 4])
  })
})

describe('periods: a case crossing the month end', () => {
  // Dispatched Mon 03-30 09:30 (due Thu 04-02 17:30), handled Wed 04-01 10:00, closed 04-01 10:20.
  const f = history('F', '2026-03-30 09:00', [
    ...toDispatched(),
    sign,
    { ...handle, at: local('2026-04-01 10:00') },
    requestCheck,
    close,
  ])
  const [march, april] = evaluateAll(['2026-03', '2026-04'], [f], '2026-05-01 00:00') as [
    Evaluation,
    Evaluation,
  ]

  it('March: reported, filed and still open at the month end; nothing due yet', () => {
    assert.deepEqual(val(march, 'district', '321202', 'reports'), [1])
    assert.deepEqual(val(march, 'district', '321202', 'registered'), [1])
    assert.deepEqual(val(march, 'district', '321202', 'unclosed'), [1])
    assert.deepEqual(val(march, 'district', '321202', 'handleDue'), [0])
    assert.deepEqual(val(march, 'district', '321202', 'closeDue'), [0])
  })

  it('April: handled and closed in time; not reported in April', () => {
    assert.deepEqual(val(april, 'district', '321202', 'reports'), [0])
    assert.deepEqual(val(april, 'district', '321202', 'handleOnTimeRate'), [1, 1, 1])
    assert.deepEqual(val(april, 'district', '321202', 'closeOnTimeRate'), [1, 1, 1])
    assert.deepEqual(val(april, 'district', '321202', 'unclosed'), [0])
  })

  it('an evaluation as of 03-31 has no April: the open case is not yet due', () => {
    const [cut] = evaluateAll(['2026-04'], [f], '2026-03-31 12:00') as [Evaluation]
    assert.equal(cut.objects.district.length, 0)
  })
})

describe('派遣: 回退 and 异议 make a dispatch inaccurate; the 劳动节 holiday stops the 派遣 clock', () => {
  // 立案 Thu 04-30 17:00; the 1-working-hour 派遣 clock runs 17:00–17:30, stops for 劳动节 (05-01 – 05-05) and
  // ends Wed 05-06 09:00. Dispatched 08:55 → in time (on a calendar without the holiday it was due Fri 05-01).
  // u1 asks to return it; 派遣 runs again and goes to u2.
  const r = history('R', '2026-04-30 16:40', [
    { by: ACTORS.receiver, command: { action: 'accept' } },
    { by: ACTORS.shiftLeader, command: { action: 'register' } },
    { by: ACTORS.dispatcher, command: { action: 'dispatch', unitId: 'u1' }, at: local('2026-05-06 08:55') },
    sign,
    { by: ACTORS.handler, command: { action: 'request-return', reason: 'not our road' } },
    { by: ACTORS.dispatcher, command: { action: 'approve-return' } },
    { by: ACTORS.dispatcher, command: { action: 'dispatch', unitId: 'u2' } },
    { by: ACTORS.otherHandler, command: { action: 'sign' } },
  ])
  const [may] = evaluateAll(['2026-05'], [r], '2026-06-01 00:00') as [Evaluation]

  it('two dispatches, both in time, one accurate', () => {
    assert.deepEqual(val(may, 'dispatcher', 'dispatcher-1', 'dispatchOnTimeRate'), [1, 2, 2])
    assert.deepEqual(val(may, 'dispatcher', 'dispatcher-1', 'dispatchAccuracyRate'), [0.5, 1, 2])
    // The accurate one is the second 派遣 task, started by 批准回退 (event 7).
    assert.deepEqual(fig(may, 'dispatcher', 'dispatcher-1', 'dispatchAccurate').basis?.numerator.eventIds, [
      'R#7',
    ])
    assert.deepEqual(val(may, 'unit', 'u1', 'returns'), [1])
    assert.deepEqual(val(may, 'unit', 'u2', 'signDue'), [1])
  })

  it('异议 then 改派 by arbitration: u1 disputed (its 签收 ended in time), the dispatch was not accurate', () => {
    const h = history('H', '2026-03-02 09:00', [
      ...toDispatched(),
      { by: ACTORS.manager, command: { action: 'dispute', reason: 'not our road' } },
      { by: ACTORS.dispatcher, command: { action: 'arbitrate', decision: 'redispatch', unitId: 'u2' } },
    ])
    const [m] = evaluateAll(['2026-03'], [h], '2026-04-01 00:00') as [Evaluation]
    assert.deepEqual(val(m, 'unit', 'u1', 'disputes'), [1])
    assert.deepEqual(val(m, 'unit', 'u1', 'signOnTimeRate'), [1, 1, 1])
    assert.deepEqual(val(m, 'unit', 'u2', 'signDue'), [1])
    assert.deepEqual(val(m, 'dispatcher', 'dispatcher-1', 'dispatchAccuracyRate'), [0, 0, 1])
  })
})

describe('上报 quality: self-handled, not accepted, and a public report the inspector missed', () => {
  // i1 patrols g1. I: i1 fixes it on the spot (自处理), the receiver approves.
  const self = history('I', '2026-03-02 09:00', [
    { by: ACTORS.inspector, command: { action: 'self-handle', note: 'picked up', afterPhotoIds: ['p'] } },
    { by: ACTORS.receiver, command: { action: 'approve-self-handle' } },
  ])
  // J: a public complaint the receiver does not accept.
  const refused = history(
    'J',
    '2026-03-02 09:00',
    [{ by: ACTORS.receiver, command: { action: 'not-accept', reason: 'duplicate' } }],
    { source: 'public' },
    ACTORS.receiver,
  )
  // K: a public complaint, verified by i1, accepted and filed — a problem i1 should have reported (漏报).
  const missed = history(
    'K',
    '2026-03-02 09:00',
    [
      { by: ACTORS.receiver, command: { action: 'request-verify', inspectorId: 'i1' } },
      { by: ACTORS.inspector, command: { action: 'verify-result', result: 'confirmed', note: 'seen' } },
      { by: ACTORS.receiver, command: { action: 'accept' } },
      { by: ACTORS.shiftLeader, command: { action: 'register' } },
    ],
    { source: 'public' },
    ACTORS.receiver,
  )
  const [m] = evaluateAll(['2026-03'], [self, refused, missed], '2026-04-01 00:00', {
    patrols: new Map([['g1', ['i1']]]),
  }) as [Evaluation]

  it('grid g1: 3 reports, 2 valid, 1 filed, 1 missed; the self-handled case is closed on time', () => {
    assert.deepEqual(val(m, 'grid', 'g1', 'validReportRate'), [2 / 3, 2, 3])
    assert.deepEqual(fig(m, 'grid', 'g1', 'validReports').basis?.numerator.caseIds, ['I', 'K'])
    assert.deepEqual(val(m, 'grid', 'g1', 'missedRate'), [1, 1, 1])
    assert.deepEqual(val(m, 'grid', 'g1', 'closeOnTimeRate'), [1, 1, 1])
    assert.deepEqual(fig(m, 'grid', 'g1', 'closed').basis?.numerator.caseIds, ['I'])
    // J ended (不予受理), I closed: only K is open.
    assert.deepEqual(val(m, 'grid', 'g1', 'unclosedRate'), [1 / 3, 1, 3])
  })

  it('i1: one report of its own (valid), one filed case in its grid which it missed, one 核实 in time', () => {
    assert.deepEqual(val(m, 'inspector', 'i1', 'validReportRate'), [1, 1, 1])
    assert.deepEqual(val(m, 'inspector', 'i1', 'missedRate'), [1, 1, 1])
    assert.deepEqual(fig(m, 'inspector', 'i1', 'missedReports').basis?.numerator.caseIds, ['K'])
    assert.deepEqual(val(m, 'inspector', 'i1', 'verifyOnTimeRate'), [1, 1, 1])
  })

  it('the receiver: three 受理 decisions (J refused; K sent to 核实, then accepted), one 核实 sent in time', () => {
    assert.deepEqual(val(m, 'receiver', 'receiver-1', 'accepted'), [3])
    assert.deepEqual(val(m, 'receiver', 'receiver-1', 'verifySentOnTimeRate'), [1, 1, 1])
  })
})

describe('调度响应: orders to teams and units', () => {
  const orders: DispatchOrder[] = [
    {
      id: 'o1',
      teamId: 't1',
      unitId: 'u1',
      issuedAt: '2026-03-02T01:00:00Z',
      acknowledgeBy: '2026-03-02T01:10:00Z',
      acknowledgedAt: '2026-03-02T01:05:00Z',
      arriveBy: '2026-03-02T02:00:00Z',
      arrivedAt: '2026-03-02T02:30:00Z',
      completedAt: '2026-03-02T03:00:00Z',
    },
    { id: 'o2', teamId: 't1', issuedAt: '2026-03-03T01:00:00Z', declinedAt: '2026-03-03T01:02:00Z' },
    { id: 'o3', teamId: 't1', issuedAt: '2026-03-04T01:00:00Z', cancelledAt: '2026-03-04T01:01:00Z' },
  ]
  const [m] = evaluateAll(['2026-03'], [], '2026-04-01 00:00', { orders }) as [Evaluation]

  it('counts issued orders (not cancelled ones) and their on-time steps, naming the orders', () => {
    assert.deepEqual(val(m, 'team', 't1', 'orders'), [2])
    assert.deepEqual(val(m, 'team', 't1', 'orderAckOnTimeRate'), [0.5, 1, 2])
    assert.deepEqual(val(m, 'team', 't1', 'orderArriveOnTimeRate'), [0, 0, 2])
    assert.deepEqual(val(m, 'team', 't1', 'orderCompleteOnTimeRate'), [0.5, 1, 2])
    assert.deepEqual(val(m, 'team', 't1', 'orderDeclineRate'), [0.5, 1, 2])
    assert.deepEqual(fig(m, 'team', 't1', 'orders').basis?.numerator.orderIds, ['o1', 'o2'])
    assert.deepEqual(val(m, 'unit', 'u1', 'orders'), [1])
  })
})
