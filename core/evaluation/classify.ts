/**
 * @module core/evaluation/classify
 * 案卷归类 — reads one case and its events once and tells a sink, per period, which tallies of which objects
 * it adds to, at which instant, and through which event. One code path feeds both the figures and their
 * traces, so a figure can never disagree with its cases.
 *
 * Sources of truth: the stage clocks stored on the case (deadlines already moved by 挂账 and 延期, on-time
 * decided when the stage ended) for the unit stages; the events for who did what, for rework and the other
 * per-event counts, and for desk tasks that ran more than once (a restarted stage keeps only its last clock, so
 * an earlier task's deadline is recomputed from its start on the same calendar — desk stages are never parked
 * or extended, so that is exact).
 */
import type { TimeLimit } from '../catalog/types.js'
import type { CaseRules } from '../case/profile.js'
import type { CaseStage, StageClock } from '../case/types.js'
import { addWorkingTime } from '../time/calendar.js'
import { isoMs } from './iso-time.js'
import type { ObjectKind, Tally } from './indicators.js'
import { TALLY_INDEX as T } from './indicators.js'
import type { DispatchOrder, EvaluationCase, EvaluationEvent, EvaluationRecord } from './input.js'
import type { EvaluationProfile } from './profile.js'

/** 计数接收 — receives one contribution; `seq` > 0 names the event behind it; `amount` feeds means. */
export interface TallySink {
  add(kind: ObjectKind, id: string, tally: number, at: number, seq: number, amount: number): void
}

/** 周期窗口 — [start, limit) in ms, where limit = min(period end, asOf + 1 ms). */
export interface Window {
  readonly start: number
  readonly limit: number
}

/** 归类上下文 — the case rules (calendar, stage limits), the profile and the inspectors' duty grids. */
export interface ClassifyContext {
  readonly rules: CaseRules
  readonly profile: EvaluationProfile
  /** 责任网格 — grid id → the inspectors patrolling it (for 漏报). */
  readonly patrols?: ReadonlyMap<string, readonly string[]>
}

/** 任务环节 — the stages evaluated per run; `checkSent` is 核查派发 (feedback → 发核查), which has no clock of its own. */
type TaskStage = 'accept' | 'verify' | 'register' | 'dispatch' | 'sign' | 'check' | 'checkSent'
const STAGE_INDEX: Readonly<Record<TaskStage, number>> = {
  accept: 0,
  verify: 1,
  register: 2,
  dispatch: 3,
  sign: 4,
  check: 5,
  checkSent: 6,
}
const TASK_STAGE_COUNT = 7
const NO_STAGES: readonly TaskStage[] = []

/** 环节任务 — one run of a desk or sign stage, from the event that started it to the one that ended it. */
interface Task {
  stage: TaskStage
  startAt: number
  startIso: string
  startSeq: number
  /** NaN while unended. */
  endAt: number
  endType: string
  endActor: string
  endRole: string
  /** 核实 / 核查: the inspector it was sent to. 签收: the unit it was sent to. */
  assignee: string
  deadline: number
  /** 派遣: the case later left the unit this dispatch chose (回退 / 改派). */
  undone: boolean
}

const HOUR = 3_600_000
const NONE = Number.NaN

/** Which task an event starts or ends. `void` ends whichever of 立案 / 派遣 is open. */
const STARTS: Readonly<Record<string, TaskStage>> = {
  create: 'accept',
  'verify-result': 'accept',
  'refuse-self-handle': 'accept',
  'request-verify': 'verify',
  accept: 'register',
  register: 'dispatch',
  'approve-return': 'dispatch',
  dispatch: 'sign',
  'request-check': 'check',
  handle: 'checkSent',
  'rapid-handle': 'checkSent',
}
const ENDS: Readonly<Record<string, readonly TaskStage[]>> = {
  accept: ['accept'],
  'not-accept': ['accept'],
  'request-verify': ['accept'],
  'self-handle': ['accept'],
  'verify-result': ['verify'],
  register: ['register'],
  'not-register': ['register'],
  void: ['register', 'dispatch'],
  dispatch: ['dispatch'],
  'rapid-handle': ['dispatch'],
  sign: ['sign'],
  dispute: ['sign'],
  'check-result': ['check'],
  'request-check': ['checkSent'],
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '')
/** The post an actor's role is evaluated as, if any. */
function postOf(role: string): ObjectKind | undefined {
  return role === 'inspector' || role === 'receiver' || role === 'shift-leader' || role === 'dispatcher'
    ? role
    : undefined
}

/**
 * 案卷读取器 — reads cases one after another into reused scratch space (no per-case allocation beyond a few
 * numbers), then emits each case's contributions for any number of periods.
 */
export class CaseClassifier {
  private readonly pool: Task[] = []
  private taskCount = 0
  /** The open run of each stage, by STAGE_INDEX. */
  private readonly open: Array<Task | undefined> = new Array(TASK_STAGE_COUNT).fill(undefined)
  private c!: EvaluationCase
  private events: readonly EvaluationEvent[] = []
  // Facts of the current case, filled by read().
  private registerTask: Task | undefined
  private reportedByInspector = false
  private valid = false
  private voided = false
  private rapidAt = NONE
  private selfHandleAt = NONE
  private arrivalUnit = ''
  private closer = { actor: '', role: '' }
  private readonly unitEvents: Array<{
    tally: number
    at: number
    seq: number
    unit: string
    sub: string
    regions: boolean
  }> = []
  private unitEventCount = 0

  private w: Window = { start: 0, limit: 0 }
  private sink!: TallySink

  constructor(private readonly ctx: ClassifyContext) {}

  /** Reads one case and its events (oldest first). */
  read(record: EvaluationRecord): void {
    this.c = record.case
    this.events = record.events
    this.taskCount = 0
    this.unitEventCount = 0
    this.open.fill(undefined)
    this.registerTask = undefined
    this.reportedByInspector = false
    this.valid = false
    this.voided = false
    this.rapidAt = NONE
    this.selfHandleAt = NONE
    this.arrivalUnit = ''
    this.closer.actor = ''
    this.closer.role = ''
    let unit = ''
    let sub = ''
    /** The dispatch task that put the case with the current unit, if a dispatch did. */
    let placedBy: Task | undefined
    for (const e of this.events) {
      const at = isoMs(e.at)
      const p = e.payload
      const outcome =
        e.type === 'check-result' ? str(p.outcome) : e.type === 'arbitrate' ? str(p.decision) : ''
      // Ends first: an event such as request-verify ends 受理 and starts 核实.
      for (const stage of ENDS[e.type] ?? NO_STAGES) {
        const t = this.open[STAGE_INDEX[stage]]
        if (!t) continue
        if (e.type === 'void' && stage === 'dispatch' && e.from !== 'registered') continue
        if (e.type === 'void' && stage === 'register' && e.from !== 'accepted') continue
        t.endAt = at
        t.endType = e.type
        t.endActor = e.actorId
        t.endRole = e.role
        this.open[STAGE_INDEX[stage]] = undefined
        if (stage === 'register' && e.type === 'register') this.registerTask = t
      }
      switch (e.type) {
        case 'create':
          this.reportedByInspector = e.role === 'inspector'
          break
        case 'register':
        case 'approve-self-handle':
          this.valid = true
          break
        case 'void':
          if (e.from === 'registered') this.voided = true
          break
        case 'refuse-self-handle':
          this.selfHandleAt = NONE
          break
        case 'self-handle':
          this.selfHandleAt = at
          break
        case 'dispatch':
          unit = str(p.unitId)
          sub = ''
          placedBy = this.lastTask('dispatch')
          break
        case 'sub-dispatch':
          sub = str(p.subUnitId)
          break
        case 'arbitrate':
        case 'check-result':
          if (outcome === 'rehandle') this.unitEvent(T.rework, at, e.seq, unit, sub, true)
          if (outcome === 'redispatch') {
            if (placedBy) placedBy.undone = true
            placedBy = undefined
            unit = str(p.unitId)
            sub = ''
          }
          if (e.type === 'check-result' && (outcome === 'close' || outcome === 'close-unqualified')) {
            this.closer.actor = e.actorId
            this.closer.role = e.role
          }
          break
        case 'dispute':
          this.unitEvent(T.dispute, at, e.seq, unit, sub, false)
          break
        case 'approve-extension':
          this.unitEvent(T.extension, at, e.seq, unit, sub, false)
          break
        case 'approve-park':
          this.unitEvent(T.park, at, e.seq, unit, sub, false)
          break
        case 'approve-return':
          this.unitEvent(T.return, at, e.seq, unit, sub, false)
          if (placedBy) placedBy.undone = true
          placedBy = undefined
          unit = ''
          sub = ''
          break
        case 'rapid-handle':
          this.rapidAt = at
          unit = ''
          sub = ''
          placedBy = undefined
          break
        case 'report-arrival':
          this.arrivalUnit = unit
          break
      }
      const starts = STARTS[e.type]
      // A redispatch (异议裁定 / 核查) restarts 签收 for the new unit, like a dispatch.
      const startStage = starts ?? (outcome === 'redispatch' ? 'sign' : undefined)
      if (startStage) this.startTask(startStage, e, at, startStage === 'sign' ? unit : str(p.inspectorId))
    }
  }

  private lastTask(stage: TaskStage): Task | undefined {
    for (let i = this.taskCount - 1; i >= 0; i--) {
      const t = this.pool[i] as Task
      if (t.stage === stage) return t
    }
    return undefined
  }

  private unitEvent(
    tally: number,
    at: number,
    seq: number,
    unit: string,
    sub: string,
    regions: boolean,
  ): void {
    const slot = this.unitEvents[this.unitEventCount] ?? { tally, at, seq, unit, sub, regions }
    slot.tally = tally
    slot.at = at
    slot.seq = seq
    slot.unit = unit
    slot.sub = sub
    slot.regions = regions
    this.unitEvents[this.unitEventCount++] = slot
  }

  private startTask(stage: TaskStage, e: EvaluationEvent, at: number, assignee: string): void {
    const t =
      this.pool[this.taskCount] ??
      ({
        stage,
        startAt: 0,
        startIso: '',
        startSeq: 0,
        endAt: NONE,
        endType: '',
        endActor: '',
        endRole: '',
        assignee: '',
        deadline: 0,
        undone: false,
      } satisfies Task)
    this.pool[this.taskCount++] = t
    t.stage = stage
    t.startAt = at
    t.startIso = e.at
    t.startSeq = e.seq
    t.endAt = NONE
    t.endType = ''
    t.endActor = ''
    t.endRole = ''
    t.assignee = assignee
    t.undone = false
    t.deadline = this.deadlineOf(stage, e.at, at)
    // A stage restarted while open abandons the earlier run (not evaluated: nobody ended it).
    const prev = this.open[STAGE_INDEX[stage]]
    if (prev) prev.endType = 'abandoned'
    this.open[STAGE_INDEX[stage]] = t
  }

  /** The stored clock's deadline when this run is the stored one; otherwise recomputed on the calendar. */
  private deadlineOf(stage: TaskStage, iso: string, at: number): number {
    const stored: StageClock | undefined =
      stage === 'checkSent' ? undefined : this.c.stages[stage as CaseStage]
    if (stored && stored.startedAt === iso) return isoMs(stored.deadline)
    const limit: TimeLimit =
      stage === 'checkSent' ? this.ctx.profile.checkDispatchLimit : this.ctx.rules.stageLimits[stage]
    return +addWorkingTime(new Date(at), limit, this.ctx.rules.calendar)
  }

  /** Emits the current case's contributions for one period window. */
  emit(w: Window, sink: TallySink): void {
    const c = this.c
    this.w = w
    this.sink = sink

    // 上报 / 有效上报 / 未结案 — by report time.
    const reportedAt = isoMs(c.createdAt)
    const reporter = this.reportedByInspector ? c.reporterId : undefined
    this.regions(T.reported, reportedAt)
    this.to('inspector', reporter, T.reported, reportedAt)
    if (this.valid) {
      this.regions(T.valid, reportedAt)
      this.to('inspector', reporter, T.valid, reportedAt)
    }
    if (!this.done(isoMs(c.closedAt))) this.regions(T.unclosed, reportedAt)

    // 立案 and what hangs on it — by 立案 time.
    const reg = this.registerTask
    if (reg) {
      const at = reg.endAt
      const leader = postOf(reg.endRole)
      const onTime = reg.endAt <= reg.deadline
      const missed = this.ctx.profile.missedSources.includes(c.source)
      const patrol = c.gridId ? this.ctx.patrols?.get(c.gridId) : undefined
      this.regions(T.registered, at)
      this.to(leader, reg.endActor, T.registered, at)
      if (onTime) this.to(leader, reg.endActor, T.registerOnTime, at)
      if (this.voided) this.to(leader, reg.endActor, T.voided, at)
      else this.to(leader, reg.endActor, T.registerAccurate, at)
      if (missed) this.regions(T.missed, at)
      for (const inspector of patrol ?? []) {
        this.to('inspector', inspector, T.registered, at)
        if (missed) this.to('inspector', inspector, T.missed, at)
      }
    }

    // Desk and sign tasks — by the time each fell due.
    for (let i = 0; i < this.taskCount; i++) {
      const t = this.pool[i] as Task
      if (t.endType === 'abandoned') continue
      const due = Math.min(Number.isNaN(t.endAt) ? Infinity : t.endAt, t.deadline)
      if (!(due >= w.start && due < w.limit)) continue
      const onTime = t.endAt <= t.deadline
      const post = postOf(t.endRole)
      const seq = t.startSeq
      switch (t.stage) {
        case 'accept':
          this.regions(T.acceptDue, due, seq)
          this.to(post, t.endActor, T.acceptDue, due, seq)
          if (onTime) this.to(post, t.endActor, T.acceptOnTime, due, seq)
          if (this.done(t.endAt)) {
            const hours = (t.endAt - t.startAt) / HOUR
            this.regions(T.acceptHours, due, seq, hours)
            this.to(post, t.endActor, T.acceptHours, due, seq, hours)
          }
          if (t.endType === 'request-verify') {
            this.to(post, t.endActor, T.verifySent, due, seq)
            if (onTime) this.to(post, t.endActor, T.verifySentOnTime, due, seq)
          }
          break
        case 'verify':
        case 'check': {
          const inspector = t.endRole === 'inspector' ? t.endActor : t.assignee
          this.to('inspector', inspector, t.stage === 'verify' ? T.verifyDue : T.checkDue, due, seq)
          if (onTime)
            this.to('inspector', inspector, t.stage === 'verify' ? T.verifyOnTime : T.checkOnTime, due, seq)
          break
        }
        case 'checkSent':
          this.to(post, t.endActor, T.checkSent, due, seq)
          if (onTime) this.to(post, t.endActor, T.checkSentOnTime, due, seq)
          break
        case 'dispatch':
          this.to(post, t.endActor, T.dispatchDue, due, seq)
          if (t.endType === 'dispatch' || t.endType === 'rapid-handle') {
            if (this.done(t.endAt)) this.to(post, t.endActor, T.dispatched, due, seq)
            if (onTime) this.to(post, t.endActor, T.dispatchOnTime, due, seq)
            if (!t.undone) this.to(post, t.endActor, T.dispatchAccurate, due, seq)
          }
          break
        case 'sign':
          this.to('unit', t.assignee, T.signDue, due, seq)
          if (onTime) this.to('unit', t.assignee, T.signOnTime, due, seq)
          break
        case 'register':
          break
      }
    }

    // 处置 and 结案 — the unit's (last) handle clock, by the time it fell due.
    const handle = c.stages.handle
    let closeDueAt = NONE
    let handledOnTime = false
    if (handle) {
      const ended = isoMs(handle.endedAt)
      let deadline = isoMs(handle.deadline)
      // 挂账 stops the clock: a case parked before its deadline is not due until it resumes.
      const parked = isoMs(c.parkedSince)
      if (Number.isNaN(ended) && !Number.isNaN(parked) && parked < deadline) deadline = Infinity
      const due = Math.min(Number.isNaN(ended) ? Infinity : ended, deadline)
      handledOnTime = ended <= deadline
      closeDueAt = due
      this.regions(T.handleDue, due)
      this.units(T.handleDue, due, 0, 0, c.assignedUnitId, c.subUnitId)
      if (handledOnTime) {
        this.regions(T.handleOnTime, due)
        this.units(T.handleOnTime, due, 0, 0, c.assignedUnitId, c.subUnitId)
      } else {
        this.regions(T.handleOverdue, due)
        this.units(T.handleOverdue, due, 0, 0, c.assignedUnitId, c.subUnitId)
      }
      if (this.done(ended)) {
        const hours =
          (ended - isoMs(handle.startedAt) - this.parkedWithin(isoMs(handle.startedAt), ended)) / HOUR
        this.regions(T.handled, due)
        this.units(T.handled, due, 0, 0, c.assignedUnitId, c.subUnitId)
        this.regions(T.handleHours, due, 0, hours)
        this.units(T.handleHours, due, 0, hours, c.assignedUnitId, c.subUnitId)
        if (!handledOnTime) {
          this.regions(T.handleLate, due)
          this.units(T.handleLate, due, 0, 0, c.assignedUnitId, c.subUnitId)
        }
      }
    } else if (!Number.isNaN(this.rapidAt)) {
      closeDueAt = this.rapidAt
      handledOnTime = true
    } else if (!Number.isNaN(this.selfHandleAt)) {
      closeDueAt = this.selfHandleAt
      handledOnTime = true
    }
    if (!Number.isNaN(closeDueAt)) {
      const unitOf = handle ? c.assignedUnitId : undefined
      const subOf = handle ? c.subUnitId : undefined
      const closed = this.done(isoMs(c.closedAt)) && c.closeKind !== undefined
      this.regions(T.closeDue, closeDueAt)
      this.units(T.closeDue, closeDueAt, 0, 0, unitOf, subOf)
      if (closed) {
        this.regions(T.closed, closeDueAt)
        this.units(T.closed, closeDueAt, 0, 0, unitOf, subOf)
        if (handledOnTime && c.closeKind !== 'unqualified') {
          this.regions(T.closeOnTime, closeDueAt)
          this.units(T.closeOnTime, closeDueAt, 0, 0, unitOf, subOf)
        }
        if (!handledOnTime) {
          this.regions(T.closeLate, closeDueAt)
          this.units(T.closeLate, closeDueAt, 0, 0, unitOf, subOf)
        }
      }
    }

    // 结案环节 — whoever closed it, on the stored close clock.
    const close = c.stages.close
    if (close && this.closer.actor) {
      const ended = isoMs(close.endedAt)
      const due = Math.min(Number.isNaN(ended) ? Infinity : ended, isoMs(close.deadline))
      const post = postOf(this.closer.role)
      this.to(post, this.closer.actor, T.closeActDue, due)
      if (close.onTime) this.to(post, this.closer.actor, T.closeActOnTime, due)
    }

    // 到场 (第9条) — the arrival clock of a safety hazard.
    const onSite = c.stages['on-site']
    if (onSite) {
      const arrived = isoMs(c.onSite?.arrivedAt)
      const due = Math.min(Number.isNaN(arrived) ? Infinity : arrived, isoMs(onSite.deadline))
      const unit = this.arrivalUnit || c.assignedUnitId
      this.regions(T.arrivalDue, due)
      this.to('unit', unit, T.arrivalDue, due)
      if (c.onSite?.onTime) {
        this.regions(T.arrivalOnTime, due)
        this.to('unit', unit, T.arrivalOnTime, due)
      }
    }

    // Per-event counts: 返工, 异议, 延期, 挂账, 回退 — by event time, to the unit that had the case then.
    for (let i = 0; i < this.unitEventCount; i++) {
      const u = this.unitEvents[i] as (typeof this.unitEvents)[number]
      this.units(u.tally, u.at, u.seq, 0, u.unit, u.sub)
      if (u.regions) this.regions(u.tally, u.at, u.seq)
    }
  }

  private regions(tally: number, at: number, seq = 0, amount = 0): void {
    const { w, sink, c } = this
    if (!(at >= w.start && at < w.limit)) return
    sink.add('city', 'all', tally, at, seq, amount)
    if (c.districtCode) sink.add('district', c.districtCode, tally, at, seq, amount)
    if (c.streetCode) sink.add('street', c.streetCode, tally, at, seq, amount)
    if (c.communityCode) sink.add('community', c.communityCode, tally, at, seq, amount)
    if (c.gridId) sink.add('grid', c.gridId, tally, at, seq, amount)
  }

  private to(
    kind: ObjectKind | undefined,
    id: string | null | undefined,
    tally: number,
    at: number,
    seq = 0,
    amount = 0,
  ): void {
    if (kind && id && at >= this.w.start && at < this.w.limit) this.sink.add(kind, id, tally, at, seq, amount)
  }

  private units(
    tally: number,
    at: number,
    seq: number,
    amount: number,
    unit: string | undefined,
    sub: string | undefined,
  ): void {
    this.to('unit', unit, tally, at, seq, amount)
    this.to('sub-unit', sub, tally, at, seq, amount)
  }

  /** Done before the window's limit; NaN (not done) is false. */
  private done(t: number): boolean {
    return t < this.w.limit
  }

  /** Parked milliseconds inside [a, b). */
  private parkedWithin(a: number, b: number): number {
    let sum = 0
    for (const s of this.c.suspensions)
      sum += Math.max(0, Math.min(b, isoMs(s.to)) - Math.max(a, isoMs(s.from)))
    return sum
  }
}

/** 指令归类 — one order's contributions to its team and unit, by issue time (cancelled orders count nowhere). */
export function emitOrder(o: DispatchOrder, w: Window, sink: TallySink): void {
  if (o.cancelledAt) return
  const at = isoMs(o.issuedAt)
  if (!(at >= w.start && at < w.limit)) return
  const inTime = (done: string | undefined, by: string | undefined): boolean =>
    done !== undefined && isoMs(done) < w.limit && (by === undefined || isoMs(done) <= isoMs(by))
  const add = (tally: Tally): void => {
    if (o.teamId) sink.add('team', o.teamId, T[tally], at, 0, 0)
    if (o.unitId) sink.add('unit', o.unitId, T[tally], at, 0, 0)
  }
  add('orders')
  if (inTime(o.acknowledgedAt, o.acknowledgeBy)) add('orderAckOnTime')
  if (inTime(o.arrivedAt, o.arriveBy)) add('orderArriveOnTime')
  if (inTime(o.completedAt, o.completeBy)) add('orderCompleteOnTime')
  if (o.declinedAt && isoMs(o.declinedAt) < w.limit) add('orderDeclined')
}
