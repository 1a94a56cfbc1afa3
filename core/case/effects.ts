/**
 * @module core/case/effects
 * 流转效果 — the guards, payload checks and field changes named by the rows of transitions.ts. Each returns
 * a patch (never mutates); `decide` adds status, version, stage clocks and timestamps around it.
 */
import type { PayloadIssue } from './commands.js'
import { dropStages, extendStage, shiftRunningStages } from './stage-clock.js'
import type { EffectContext, GuardContext } from './transitions.js'
import type { CaseCounters, CaseState, PendingRequest, Suspension } from './types.js'

type Patch = Partial<CaseState>

const count = (s: CaseState, key: keyof CaseCounters, by = 1): CaseCounters => ({
  ...s.counters,
  [key]: s.counters[key] + by,
})

/** 发核实 / 发核查 — the task goes to one inspector. */
export function assignInspector({ command }: EffectContext<'request-verify' | 'request-check'>): Patch {
  return { inspectorId: command.inspectorId }
}

/** 核实反馈 — stores the inspector's finding; the receiver then accepts or refuses the report. */
export function recordVerification({ command, actor, now }: EffectContext<'verify-result'>): Patch {
  const { result, note, photoIds = [] } = command
  return {
    inspectorId: undefined,
    verification: { by: actor.id, at: now.toISOString(), result, note, photoIds },
  }
}

/** 自处理 — only a problem the inspector collected (第7条 自行采集) can be fixed on the spot and self-handled. */
export function reportedByInspector({ state }: GuardContext): string | undefined {
  return state.source === 'inspector'
    ? undefined
    : 'only a case collected by an inspector can be self-handled'
}

/** 处置反馈 — the latest feedback with its after-photos (unit handling or inspector self-handling). */
export function recordFeedback({ command, actor, now }: EffectContext<'handle' | 'self-handle'>): Patch {
  return {
    handling: {
      by: actor.id,
      at: now.toISOString(),
      note: command.note,
      afterPhotoIds: command.afterPhotoIds,
    },
  }
}

const CLASSIFICATION = ['categoryKey', 'conditionId', 'areaClass', 'handleLimit'] as const

/** 立案改类 — reclassifying at 立案 must name the category, condition, area class and resolved limit together. */
export function checkReclassify({ command }: EffectContext<'register'>): PayloadIssue | undefined {
  const given = CLASSIFICATION.filter((f) => command[f] !== undefined)
  const missing = CLASSIFICATION.find((f) => command[f] === undefined)
  return given.length > 0 && missing
    ? { field: missing, message: 'required when reclassifying at registration' }
    : undefined
}

/** 立案 — applies a reclassification, if any. */
export function reclassify({ command }: EffectContext<'register'>): Patch {
  const { action: _a, ...fields } = command
  return fields
}

/** 派遣 — to a unit; going to a unit after another had it counts as a redispatch (改派). */
export function dispatchTo({ state, command }: EffectContext<'dispatch'>): Patch {
  const counters = state.previousUnitIds.length > 0 ? count(state, 'redispatchCount') : state.counters
  return { assignedUnitId: command.unitId, subUnitId: undefined, counters }
}

/** 二级派遣 — only the manager of the first-level unit passes the case on (a sub-unit cannot re-pass it). */
export function managerOfAssignedUnit({ state, actor }: GuardContext): string | undefined {
  return actor.unitId === state.assignedUnitId
    ? undefined
    : 'only the manager of the assigned unit can pass the case to a sub-unit'
}

/** 二级派遣 — the sub-unit differs from the unit itself. */
export function checkSubUnit({ state, command }: EffectContext<'sub-dispatch'>): PayloadIssue | undefined {
  return command.subUnitId === state.assignedUnitId
    ? { field: 'subUnitId', message: 'must differ from the assigned unit' }
    : undefined
}

/** 二级派遣 — records the sub-unit; its people may now act on the case. */
export function subDispatch({ command }: EffectContext<'sub-dispatch'>): Patch {
  return { subUnitId: command.subUnitId }
}

/** 异议 — the reason goes to the center for arbitration (第8条). */
export function recordDispute({ state, command, actor, now }: EffectContext<'dispute'>): Patch {
  return {
    pending: { kind: 'dispute', reason: command.reason, by: actor.id, at: now.toISOString() },
    counters: count(state, 'disputeCount'),
  }
}

/** Clears the open request (refusals, upheld dispute). */
export function clearPending(): Patch {
  return { pending: undefined }
}

/** 重新派遣 — must name a unit other than the current one. */
export function checkOtherUnit({
  state,
  command,
}: EffectContext<'arbitrate' | 'check-result' | 'dispatch'>): PayloadIssue | undefined {
  if (!command.unitId) return { field: 'unitId', message: 'required to redispatch' }
  return command.unitId === state.assignedUnitId
    ? { field: 'unitId', message: 'must name another unit' }
    : undefined
}

/** The current unit (if any) gives the case up: it joins the history and its clocks stop applying. */
function leaveUnit(state: CaseState): Patch {
  const previousUnitIds = state.assignedUnitId
    ? [...state.previousUnitIds, state.assignedUnitId]
    : state.previousUnitIds
  return {
    previousUnitIds,
    assignedUnitId: undefined,
    subUnitId: undefined,
    pending: undefined,
    inspectorId: undefined,
  }
}

/** 重新派遣 (异议裁定, 核查, or 改派 on a missed arrival) — moves the case to another unit; counted as a redispatch. */
export function redispatch({
  state,
  command,
}: EffectContext<'arbitrate' | 'check-result' | 'dispatch'>): Patch {
  return {
    ...leaveUnit(state),
    assignedUnitId: command.unitId,
    counters: count(state, 'redispatchCount'),
    stages: dropStages(state.stages, ['close']),
  }
}

/** 快速处置 — enabled per city (profile `rapidHandling`). */
export function rapidEnabled({ rules }: GuardContext): string | undefined {
  return rules.rapidHandling ? undefined : 'this city has no rapid-handling team'
}

/**
 * 到场超时 — a 第9条 safety hazard whose unit has not reported arrival within its 2-hour limit (the case the
 * deadline sweep escalates to the shift leader). Needs the time: without it the rows it guards stay shut.
 */
export function arrivalOverdue({ state, now }: GuardContext): string | undefined {
  if (!state.safetyHazard) return 'only a safety-hazard case (第9条) has an arrival limit'
  if (state.onSite) return 'the unit has reported arrival on site'
  const clock = state.stages['on-site']
  if (!clock || clock.endedAt) return 'no arrival clock is running'
  if (!now) return 'the arrival limit is checked against the current time'
  return +now > Date.parse(clock.deadline) ? undefined : 'the 2-hour arrival limit (第9条) has not passed yet'
}

/** 快速处置 on a missed arrival — where the city funds a team (第9条第三款) and the unit missed its 2 hours. */
export function rapidOnOverdueArrival(ctx: GuardContext): string | undefined {
  return rapidEnabled(ctx) ?? arrivalOverdue(ctx)
}

/** 快速处置 — the center's team handled it; records the cost (paid by the city budget, 第9条第三款). */
export function rapidHandle({ state, command, actor, now }: EffectContext<'rapid-handle'>): Patch {
  const at = now.toISOString()
  return {
    ...leaveUnit(state),
    rapid: { by: actor.id, at, team: command.team, costYuan: command.costYuan },
    handling: { by: actor.id, at, note: command.note, afterPhotoIds: command.afterPhotoIds },
    stages: dropStages(state.stages, ['sign', 'handle', 'on-site']),
  }
}

/** 延期 — at most `maxExtensions` per case. */
export function extensionsLeft({ state, rules }: GuardContext): string | undefined {
  const used = state.counters.extensionCount
  return used < rules.maxExtensions
    ? undefined
    : `extension limit reached (${used} of ${rules.maxExtensions})`
}

/** 申请延期 / 回退 / 挂账 — the request waits for approval. */
export function recordRequest(kind: 'extension' | 'return' | 'park') {
  return ({
    command,
    actor,
    now,
  }: EffectContext<'request-extension' | 'request-return' | 'request-park'>): Patch => {
    const pending: PendingRequest = { kind, reason: command.reason, by: actor.id, at: now.toISOString() }
    return {
      pending: command.action === 'request-extension' ? { ...pending, duration: command.duration } : pending,
    }
  }
}

/** 批准延期 — the handle deadline moves by the requested time on that time's own clock. */
export function approveExtension({ state, rules }: EffectContext<'approve-extension'>): Patch {
  const extra = state.pending?.duration
  if (!extra) return { pending: undefined }
  return {
    pending: undefined,
    extensions: [...state.extensions, extra],
    counters: count(state, 'extensionCount'),
    stages: extendStage(state.stages, 'handle', extra, rules),
  }
}

/** 批准回退 — back to the center for redispatch; the unit's clocks no longer apply. */
export function approveReturn({ state }: EffectContext<'approve-return'>): Patch {
  return { ...leaveUnit(state), stages: dropStages(state.stages, ['sign', 'handle', 'on-site', 'close']) }
}

/** 批准挂账 — the clock stops until 挂账恢复. */
export function park({ state, now }: EffectContext<'approve-park'>): Patch {
  return { pending: undefined, parkedSince: now.toISOString(), counters: count(state, 'parkCount') }
}

/** 挂账恢复 — the parked interval is recorded and every running deadline moves by it. */
export function resume({ state, now, rules }: EffectContext<'resume'>): Patch {
  const suspension: Suspension = { from: state.parkedSince ?? now.toISOString(), to: now.toISOString() }
  const ms = Math.max(0, +now - Date.parse(suspension.from))
  return {
    parkedSince: undefined,
    suspensions: [...state.suspensions, suspension],
    counters: count(state, 'parkedMs', ms),
    stages: shiftRunningStages(state.stages, suspension, rules),
  }
}

/** 到场 — only safety hazards report arrival, once. */
export function arrivalDue({ state }: GuardContext): string | undefined {
  if (!state.safetyHazard) return 'only a safety-hazard case (第9条) reports arrival on site'
  return state.onSite ? 'arrival on site was already reported' : undefined
}

/** 到场 — records location, photo and safety measures, and whether the 2-hour limit was kept. */
export function recordArrival({ state, command, now }: EffectContext<'report-arrival'>): Patch {
  const clock = state.stages['on-site']
  const onTime = clock ? +now <= Date.parse(clock.deadline) : true
  const { lon, lat, photoId, measures } = command
  return { onSite: { arrivedAt: now.toISOString(), lon, lat, photoId, measures, onTime } }
}

/** 处置反馈 — a safety hazard must have reported arrival first (第9条: on site, made safe, then repaired). */
export function arrivedIfHazard({ state, rules }: GuardContext): string | undefined {
  return rules.arrivalBeforeHandle && state.safetyHazard && !state.onSite
    ? 'report arrival on site first (第9条)'
    : undefined
}

/** 准予结案 — a normal close, or a rapid one when the center's team handled it. */
export function closeChecked({ state }: EffectContext<'check-result'>): Patch {
  // A rapid case redispatched after a failed check ends with a unit: then it closes as a normal case.
  return { closeKind: state.rapid && !state.assignedUnitId ? 'rapid' : 'normal', inspectorId: undefined }
}

/** 再次处置 — needs a unit to send it back to (a rapid case has none: redispatch it). */
export function hasUnit({ state }: GuardContext): string | undefined {
  return state.assignedUnitId ? undefined : 'no unit to re-handle the case; redispatch it instead'
}

/** 再次处置 — back to the same unit; counts as 返工 (rework). */
export function rework({ state }: EffectContext<'check-result'>): Patch {
  return {
    inspectorId: undefined,
    counters: count(state, 'reworkCount'),
    stages: dropStages(state.stages, ['close']),
  }
}

/** 不合格办结 — closed, but counted against the unit. */
export function closeUnqualified(): Patch {
  return { closeKind: 'unqualified', inspectorId: undefined }
}

/** 督办 — counted; the order itself is the audit event. */
export function supervise({ state }: EffectContext<'supervise'>): Patch {
  return { counters: count(state, 'superviseCount') }
}
