/**
 * @module core/case/transitions
 * 案卷流转表 — the closed loop of 泰州办法 第6–10条 as ONE table (style.md §9.3). Each row says from which
 * status an action leads where, who may give it, which stage clocks it ends and starts, and what else it
 * records. `decide`, `allowedActions`, the server's commands and abilities, the workstation's buttons and
 * the tests all derive from {@link TRANSITIONS}; keep no second list.
 *
 * The table lives here with `decide` because the two are read together; the per-row effects are in
 * effects.ts so each row stays one line of intent.
 */
import type { CaseCommand, CommandOf, PayloadIssue, RawCommand } from './commands.js'
import { isCaseAction, parseCommand } from './commands.js'
import * as fx from './effects.js'
import type { CaseRules } from './profile.js'
import { caseRules } from './profile.js'
import { endStages, startStages } from './stage-clock.js'
import { statusGroup } from './status.js'
import type {
  Actor,
  CaseAction,
  CaseEvent,
  CaseStage,
  CaseState,
  CaseStatus,
  Decision,
  Rejection,
  Role,
} from './types.js'
import { CASE_ACTIONS, CASE_STAGES } from './types.js'

/**
 * 守卫上下文 — what a guard may look at: the case, the actor, the city's rules (never the payload) and, when
 * the caller knows it, the time (a guard about a deadline that is not given the time blocks).
 */
export interface GuardContext {
  readonly state: CaseState
  readonly actor: Actor
  readonly rules: CaseRules
  readonly now?: Date
}

/** 效果上下文 — what an effect and a payload check see: the guard context plus the typed command and `now`. */
export interface EffectContext<A extends CaseAction = CaseAction> extends GuardContext {
  readonly command: CommandOf<A>
  readonly now: Date
}

/** 流转行 — one row of the table. */
export interface TransitionRow<A extends CaseAction = CaseAction> {
  /** A status, several, or every open status ('*open*'). */
  readonly from: CaseStatus | readonly CaseStatus[] | '*open*'
  readonly action: A
  /** For `check-result` and `arbitrate`: the outcome/decision this row handles (the payload picks the row). */
  readonly outcome?: string
  readonly to: CaseStatus | 'same'
  readonly roles: readonly Role[]
  /** Stage clocks this transition ends (on-time decided now) and (re)starts. */
  readonly ends?: readonly CaseStage[]
  readonly starts?: readonly CaseStage[]
  /** A state-dependent rule beyond status and role; returns the reason when it fails. Shown as disabled buttons. */
  guard?(ctx: GuardContext): string | undefined
  /** A payload rule beyond field shapes (e.g. redispatch must name another unit). */
  check?(ctx: EffectContext<A>): PayloadIssue | undefined
  /** The fields this transition changes besides status, version, stage clocks and timestamps. */
  effects?(ctx: EffectContext<A>): Partial<CaseState>
}

const row = <A extends CaseAction>(r: TransitionRow<A>): TransitionRow => r as unknown as TransitionRow

const UNIT: readonly Role[] = ['unit-handler', 'unit-manager']
/** 受理员 and 值班长: intake, verify and check tasks (standards.md §5 steps 2 and 6). */
const DESK: readonly Role[] = ['receiver', 'shift-leader']
/** 派遣员 and 值班长: dispatch and the approvals of 延期 / 回退 / 挂账 (UMP 派遣员-…审批, P-DELAY 值班长). */
const DISPATCH: readonly Role[] = ['dispatcher', 'shift-leader']
const REQUESTING: readonly CaseStatus[] = ['extension-requested', 'return-requested', 'park-requested']
/** With a unit, before its feedback: where a 第9条 hazard's 2-hour arrival can be missed. */
const AT_UNIT: readonly CaseStatus[] = ['dispatched', 'handling']
/** A new unit takes the case: its sign / handle / on-site clocks start afresh. */
const UNIT_STAGES: readonly CaseStage[] = ['sign', 'handle', 'on-site']

/** 流转表 — every legal transition of the loop. */
// One row per line keeps the table readable as a table.
// prettier-ignore
export const TRANSITIONS: readonly TransitionRow[] = [
  // 受理 / 核实 — standards.md §5 step 2; public reports may first get a 核实 task.
  row({ from: 'reported', action: 'accept', to: 'accepted', roles: DESK, ends: ['accept'], starts: ['register'] }),
  row({ from: 'reported', action: 'not-accept', to: 'not-accepted', roles: DESK, ends: ['accept'] }),
  row({ from: 'reported', action: 'request-verify', to: 'verifying', roles: DESK, ends: ['accept'], starts: ['verify'], effects: fx.assignInspector }),
  row({ from: 'verifying', action: 'verify-result', to: 'reported', roles: ['inspector'], ends: ['verify'], starts: ['accept'], effects: fx.recordVerification }),
  // 监督员自处理 → 自处理审核.
  row({ from: 'reported', action: 'self-handle', to: 'self-handled', roles: ['inspector'], ends: ['accept'], guard: fx.reportedByInspector, effects: fx.recordFeedback }),
  row({ from: 'self-handled', action: 'approve-self-handle', to: 'closed', roles: DESK, effects: () => ({ closeKind: 'self-handled' }) }),
  row({ from: 'self-handled', action: 'refuse-self-handle', to: 'reported', roles: DESK, starts: ['accept'] }),
  // 立案 / 不予立案 / 作废 — 值班长 (第8条).
  row({ from: 'accepted', action: 'register', to: 'registered', roles: ['shift-leader'], ends: ['register'], starts: ['dispatch'], check: fx.checkReclassify, effects: fx.reclassify }),
  row({ from: 'accepted', action: 'not-register', to: 'not-registered', roles: ['shift-leader'], ends: ['register'] }),
  row({ from: ['accepted', 'registered'], action: 'void', to: 'voided', roles: ['shift-leader'], ends: ['register', 'dispatch'] }),
  // 派遣 / 二级派遣 / 签收 / 异议 (第8条: the center arbitrates a dispute).
  row({ from: 'registered', action: 'dispatch', to: 'dispatched', roles: DISPATCH, ends: ['dispatch'], starts: UNIT_STAGES, effects: fx.dispatchTo }),
  row({ from: ['dispatched', 'handling'], action: 'sub-dispatch', to: 'same', roles: ['unit-manager'], guard: fx.managerOfAssignedUnit, check: fx.checkSubUnit, effects: fx.subDispatch }),
  row({ from: 'dispatched', action: 'sign', to: 'handling', roles: UNIT, ends: ['sign'] }),
  row({ from: 'dispatched', action: 'dispute', to: 'disputed', roles: UNIT, ends: ['sign'], effects: fx.recordDispute }),
  row({ from: 'disputed', action: 'arbitrate', outcome: 'uphold', to: 'handling', roles: DISPATCH, effects: fx.clearPending }),
  row({ from: 'disputed', action: 'arbitrate', outcome: 'redispatch', to: 'dispatched', roles: DISPATCH, starts: UNIT_STAGES, check: fx.checkOtherUnit, effects: fx.redispatch }),
  // 快速处置 (第9条第三款): no unit is responsible, the center's own team makes it safe and fixes it.
  row({ from: ['registered', 'disputed'], action: 'rapid-handle', to: 'handled', roles: DISPATCH, ends: ['dispatch'], starts: ['close'], guard: fx.rapidEnabled, effects: fx.rapidHandle }),
  // 延期 / 回退 / 挂账 (standards.md §5.2); only 挂账 suspends the clock.
  row({ from: 'handling', action: 'request-extension', to: 'extension-requested', roles: UNIT, guard: fx.extensionsLeft, effects: fx.recordRequest('extension') }),
  row({ from: 'extension-requested', action: 'approve-extension', to: 'handling', roles: DISPATCH, effects: fx.approveExtension }),
  row({ from: 'extension-requested', action: 'refuse-extension', to: 'handling', roles: DISPATCH, effects: fx.clearPending }),
  row({ from: 'handling', action: 'request-return', to: 'return-requested', roles: UNIT, effects: fx.recordRequest('return') }),
  row({ from: 'return-requested', action: 'approve-return', to: 'registered', roles: DISPATCH, starts: ['dispatch'], effects: fx.approveReturn }),
  row({ from: 'return-requested', action: 'refuse-return', to: 'handling', roles: DISPATCH, effects: fx.clearPending }),
  row({ from: 'handling', action: 'request-park', to: 'park-requested', roles: UNIT, effects: fx.recordRequest('park') }),
  row({ from: 'park-requested', action: 'approve-park', to: 'parked', roles: DISPATCH, effects: fx.park }),
  row({ from: 'park-requested', action: 'refuse-park', to: 'handling', roles: DISPATCH, effects: fx.clearPending }),
  row({ from: 'parked', action: 'resume', to: 'handling', roles: DISPATCH, effects: fx.resume }),
  // 到场 (第9条第二款) and 处置反馈 (第9条第一款).
  row({ from: ['dispatched', 'handling', ...REQUESTING], action: 'report-arrival', to: 'same', roles: UNIT, ends: ['on-site'], guard: fx.arrivalDue, effects: fx.recordArrival }),
  row({ from: 'handling', action: 'handle', to: 'handled', roles: UNIT, ends: ['handle'], starts: ['close'], guard: fx.arrivedIfHazard, effects: fx.recordFeedback }),
  // 核查 and its four results (第10条).
  row({ from: 'handled', action: 'request-check', to: 'checking', roles: DESK, starts: ['check'], effects: fx.assignInspector }),
  row({ from: 'checking', action: 'check-result', outcome: 'close', to: 'closed', roles: ['inspector', 'shift-leader'], ends: ['check', 'close'], effects: fx.closeChecked }),
  row({ from: 'checking', action: 'check-result', outcome: 'rehandle', to: 'handling', roles: ['inspector', 'shift-leader'], ends: ['check'], starts: ['handle'], guard: fx.hasUnit, effects: fx.rework }),
  row({ from: 'checking', action: 'check-result', outcome: 'close-unqualified', to: 'closed', roles: ['shift-leader'], ends: ['check', 'close'], effects: fx.closeUnqualified }),
  row({ from: 'checking', action: 'check-result', outcome: 'redispatch', to: 'dispatched', roles: DISPATCH, ends: ['check'], starts: UNIT_STAGES, check: fx.checkOtherUnit, effects: fx.redispatch }),
  // 到场超时 (第9条第二款): a hazard whose unit missed the 2-hour arrival is escalated to the shift leader, who
  // presses the unit (督办), sends it to another unit (改派: a new 2-hour clock) or has the center's team act (快速处置).
  row({ from: [...AT_UNIT, ...REQUESTING], action: 'supervise', to: 'same', roles: ['shift-leader'], guard: fx.arrivalOverdue, effects: fx.supervise }),
  row({ from: AT_UNIT, action: 'dispatch', to: 'dispatched', roles: DISPATCH, starts: UNIT_STAGES, guard: fx.arrivalOverdue, check: fx.checkOtherUnit, effects: fx.redispatch }),
  row({ from: AT_UNIT, action: 'rapid-handle', to: 'handled', roles: DISPATCH, starts: ['close'], guard: fx.rapidOnOverdueArrival, effects: fx.rapidHandle }),
  // 督办 — a leader's order on any open case; no state change, counted for evaluation.
  row({ from: '*open*', action: 'supervise', to: 'same', roles: ['leader'], effects: fx.supervise }),
]

export { statusGroup, isSuspended, OPEN_STATUSES, CLOSED_STATUSES } from './status.js'

/** 行匹配 — true when `row` starts from `status`. */
export function rowFrom(row: TransitionRow, status: CaseStatus): boolean {
  if (row.from === '*open*') return statusGroup(status) === 'open'
  return typeof row.from === 'string' ? row.from === status : row.from.includes(status)
}

/**
 * 数据权限 — the actor's scope is part of the role check: a unit acts only on a case assigned to it (or
 * passed to it by 二级派遣); an inspector only on its own verify/check task or a case in its duty grids, and
 * self-handles only what it reported; an api client never acts on an existing case.
 */
export function inScope(row: TransitionRow, state: CaseState, actor: Actor): boolean {
  switch (actor.role) {
    case 'unit-handler':
    case 'unit-manager':
      return (
        actor.unitId !== undefined &&
        (actor.unitId === state.assignedUnitId || actor.unitId === state.subUnitId)
      )
    case 'inspector':
      if (row.action === 'self-handle') return actor.id === state.reporterId
      return (
        actor.id === state.inspectorId ||
        (state.gridId !== undefined && (actor.gridIds ?? []).includes(state.gridId))
      )
    case 'api-client':
      return false
    default:
      return true
  }
}

/** True when `actor` may use `row` on `state`, guard included. */
function permits(row: TransitionRow, ctx: GuardContext): boolean {
  return row.roles.includes(ctx.actor.role) && inScope(row, ctx.state, ctx.actor) && !row.guard?.(ctx)
}

/**
 * 可用操作 — the actions `actor` may give on `state` at `now` (enabled buttons, `abilities`), in table order.
 * Without `now`, rows whose guard reads the time (the 第9条 arrival escalation) are left out.
 */
export function allowedActions(
  state: CaseState,
  actor: Actor,
  rules: CaseRules = defaultRules(),
  now?: Date,
): CaseAction[] {
  const out: CaseAction[] = []
  const ctx: GuardContext = { state, actor, rules, ...(now ? { now } : {}) }
  for (const r of TRANSITIONS) {
    if (rowFrom(r, state.status) && !out.includes(r.action) && permits(r, ctx)) out.push(r.action)
  }
  return out
}

/** 可达状态 — the statuses any row can lead to (for response schemas and tests). */
export function targetStatuses(): CaseStatus[] {
  return [...new Set(TRANSITIONS.flatMap((r) => (r.to === 'same' ? [] : [r.to])))]
}

/**
 * 权限矩阵 — for each action, the roles any row grants it to (role × action, before scope and guards): the
 * table the permission docs and the server's matrix tests are generated from.
 */
export function permissionMatrix(): Readonly<Record<CaseAction, readonly Role[]>> {
  const out = Object.fromEntries(CASE_ACTIONS.map((a) => [a, [] as Role[]])) as Record<CaseAction, Role[]>
  for (const r of TRANSITIONS)
    for (const role of r.roles) if (!out[r.action].includes(role)) out[r.action].push(role)
  return out
}

/** 拒绝状态码 — the HTTP status a route answers each rejection with (style.md §9.7: core gives values, routes map). */
export const REJECTION_HTTP_STATUS: Readonly<Record<Rejection['code'], number>> = {
  ILLEGAL_ACTION: 409,
  GUARD: 409,
  FORBIDDEN: 403,
  INVALID_PAYLOAD: 422,
}

/**
 * 裁决 — applies `command` by `actor` to `state` at `now`. Returns the NEW case (version + 1) with its audit
 * event, or a rejection: ILLEGAL_ACTION (no row from this status), FORBIDDEN (role or scope), INVALID_PAYLOAD
 * (naming the field) or GUARD (a rule of the case). Never mutates `state`; nothing is half-applied.
 */
export function decide(
  state: CaseState,
  command: CaseCommand | RawCommand,
  actor: Actor,
  now: Date,
  rules: CaseRules = defaultRules(),
): Decision {
  const reject = (code: Rejection['code'], message: string, field?: string): Decision => ({
    ok: false,
    reason: {
      code,
      message,
      status: state.status,
      allowed: allowedActions(state, actor, rules, now),
      ...(field ? { field } : {}),
    },
  })
  const action = command.action
  if (!isCaseAction(action)) return reject('ILLEGAL_ACTION', `unknown action "${String(action)}"`)
  const rows = TRANSITIONS.filter((r) => r.action === action && rowFrom(r, state.status))
  if (rows.length === 0)
    return reject('ILLEGAL_ACTION', `"${action}" is not possible on a ${state.status} case`)
  if (!rows.some((r) => r.roles.includes(actor.role) && inScope(r, state, actor))) {
    return reject('FORBIDDEN', `a ${actor.role} may not ${action} this ${state.status} case`)
  }
  const parsed = parseCommand(command as RawCommand)
  if (!parsed.ok)
    return reject('INVALID_PAYLOAD', `${parsed.issue.field}: ${parsed.issue.message}`, parsed.issue.field)
  const cmd = parsed.command
  const outcome = outcomeOf(cmd)
  const matching = rows.filter((r) => r.outcome === outcome)
  if (matching.length === 0)
    return reject(
      'ILLEGAL_ACTION',
      `"${action}" with ${String(outcome)} is not possible on a ${state.status} case`,
    )
  const forRole = matching.filter((r) => r.roles.includes(actor.role))
  if (forRole.length === 0)
    return reject('FORBIDDEN', `a ${actor.role} may not ${action} (${String(outcome)})`)
  const inScopeRows = forRole.filter((r) => inScope(r, state, actor))
  if (inScopeRows.length === 0)
    return reject('FORBIDDEN', `this ${state.status} case is not within the ${actor.role}'s scope`)
  const ctx = { state, actor, rules, command: cmd, now }
  // Several rows may grant one action from one status (督办 by a leader on any case, by the shift leader on
  // a missed arrival): the first whose guard passes is taken, else the first, whose guard is then reported.
  const chosen = inScopeRows.find((r) => !r.guard?.(ctx)) ?? inScopeRows[0]!
  const issue = chosen.check?.(ctx)
  if (issue) return reject('INVALID_PAYLOAD', `${issue.field}: ${issue.message}`, issue.field)
  const blocked = chosen.guard?.(ctx)
  if (blocked) return reject('GUARD', blocked)

  const to = chosen.to === 'same' ? state.status : chosen.to
  const at = now.toISOString()
  const patched: CaseState = { ...state, ...chosen.effects?.(ctx) }
  const closing = statusGroup(to) === 'closed' && statusGroup(state.status) === 'open'
  // Closing ends every clock still running (e.g. a never-reported arrival), so its on-time flag is decided too.
  const ended = endStages(patched.stages, closing ? CASE_STAGES : (chosen.ends ?? []), now)
  const stages = startStages(ended, chosen.starts ?? [], patched, now, rules)
  const next: CaseState = {
    ...patched,
    stages,
    status: to,
    version: state.version + 1,
    updatedAt: at,
    ...(closing ? { closedAt: at } : {}),
  }
  const { action: _action, ...payload } = cmd
  const event: CaseEvent = {
    caseId: state.id,
    version: next.version,
    type: action,
    at,
    actorId: actor.id,
    role: actor.role,
    from: state.status,
    to,
    payload,
  }
  return { ok: true, next, events: [event] }
}

/** The payload field that picks between rows of one action (check-result's outcome, arbitrate's decision). */
function outcomeOf(cmd: CaseCommand): string | undefined {
  if (cmd.action === 'check-result') return cmd.outcome
  if (cmd.action === 'arbitrate') return cmd.decision
  return undefined
}

let cachedRules: CaseRules | undefined
/** The documented defaults, built once: parsing the holiday data per call would be waste. */
function defaultRules(): CaseRules {
  cachedRules ??= caseRules()
  return cachedRules
}
