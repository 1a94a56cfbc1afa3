/**
 * 待办 — the signed-in account's queue as the workstation shows it: each task put in one of the role's queues
 * (a badge each), overdue first, then by deadline. Online the central API's `/tasks` says what is queued;
 * offline a desk's queue is computed from its local cases by the same rules (core's transitions table: a row
 * from the case's status for the role, within its scope; the shift leader's 第9条 escalations; a leader's red
 * lights), without the guards that need the full case state — the central API still checks them on send.
 */
import { arrivalOverdue, rapidOnOverdueArrival } from '../../core/case/effects.js'
import { inScope, rowFrom, statusGroup, TRANSITIONS } from '../../core/case/transitions.js'
import type { Actor, CaseAction, CaseState, Role } from '../../core/case/types.js'
import {
  TASK_QUEUES,
  type CaseRecord,
  type CaseSummary,
  type TaskEntry,
  type TaskQueue,
  type TaskQueueKind,
} from '../../contracts/bridge/index.js'

/** The queues of each role, in badge order. */
export const ROLE_QUEUES: Readonly<Record<Role, readonly TaskQueueKind[]>> = {
  receiver: ['intake', 'check'],
  'shift-leader': ['escalation', 'register', 'intake', 'dispatch', 'approval', 'check'],
  dispatcher: ['dispatch', 'approval', 'check'],
  inspector: ['inspection'],
  'unit-handler': ['unit'],
  'unit-manager': ['unit'],
  leader: ['supervise'],
  'gis-maintainer': [],
  admin: [],
  'api-client': [],
}

/** Which queue an action puts a case in, for the center's desk roles. */
const DESK_QUEUE: Readonly<Partial<Record<CaseAction, TaskQueueKind>>> = {
  accept: 'intake',
  'not-accept': 'intake',
  'request-verify': 'intake',
  'approve-self-handle': 'intake',
  'refuse-self-handle': 'intake',
  register: 'register',
  'not-register': 'register',
  void: 'register',
  dispatch: 'dispatch',
  arbitrate: 'dispatch',
  'rapid-handle': 'dispatch',
  'approve-extension': 'approval',
  'refuse-extension': 'approval',
  'approve-return': 'approval',
  'refuse-return': 'approval',
  'approve-park': 'approval',
  'refuse-park': 'approval',
  resume: 'approval',
  'request-check': 'check',
  'check-result': 'check',
}

/** Actions that end or refuse a case rather than move it on. */
const SIDE_ACTIONS: readonly string[] = ['void', 'not-accept', 'not-register']

/** The queue of a task: an escalation first; else by role; else by the first action that queues it. */
export function queueOf(role: Role, todo: readonly string[]): TaskQueueKind {
  if (todo.some((x) => x.startsWith('escalation:'))) return 'escalation'
  if (role === 'leader') return 'supervise'
  if (role === 'unit-handler' || role === 'unit-manager') return 'unit'
  if (role === 'inspector') return 'inspection'
  // The step forward names the queue (a registered case waits for 派遣, though it may also be voided).
  const forward = todo.filter((x) => !SIDE_ACTIONS.includes(x))
  for (const x of forward.length ? forward : todo) {
    const q = DESK_QUEUE[x as CaseAction]
    if (q && ROLE_QUEUES[role].includes(q)) return q
  }
  return ROLE_QUEUES[role][0] ?? 'intake'
}

/** The deadline that comes first (a hazard's 到场 before its stage deadline) and whether it has passed. */
export function dueOf(c: CaseSummary, now: number): { dueAt: string | null; overdue: boolean } {
  const times = [c.onSiteDeadline, c.deadline]
    .filter((d): d is string => d !== null)
    .map((d) => Date.parse(d))
  if (times.length === 0) return { dueAt: null, overdue: false }
  const first = Math.min(...times)
  return { dueAt: new Date(first).toISOString(), overdue: first < now }
}

/** Overdue first, then the soonest deadline, undated last; then the older case. */
export function compareTasks(a: TaskEntry, b: TaskEntry): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1
  const da = a.dueAt ? Date.parse(a.dueAt) : Infinity
  const db = b.dueAt ? Date.parse(b.dueAt) : Infinity
  if (da !== db) return da < db ? -1 : 1
  return a.case.createdAt.localeCompare(b.case.createdAt) || a.case.id.localeCompare(b.case.id)
}

/** Builds the answer: entries classified and sorted, counts per queue. */
export function taskQueue(
  source: TaskQueue['source'],
  role: Role,
  items: readonly { readonly todo: readonly string[]; readonly case: CaseSummary }[],
  options: { readonly now: number; readonly truncated?: boolean },
): TaskQueue {
  const tasks = items
    .map((i): TaskEntry => ({
      queue: queueOf(role, i.todo),
      todo: [...i.todo],
      case: i.case,
      ...dueOf(i.case, options.now),
    }))
    .sort(compareTasks)
  const counts = Object.fromEntries(TASK_QUEUES.map((q) => [q, 0])) as Record<TaskQueueKind, number>
  for (const t of tasks) counts[t.queue]++
  return {
    source,
    tasks,
    counts,
    queues: ROLE_QUEUES[role],
    truncated: options.truncated ?? false,
    asOf: new Date(options.now).toISOString(),
  }
}

/** Guards of rows that open only on a 第9条 missed arrival: offline, the record's escalation stands in for them. */
const ESCALATION_GUARDS: readonly unknown[] = [arrivalOverdue, rapidOnOverdueArrival]

/**
 * Whether `row` can apply to the local record as far as the record tells: a missed-arrival row (督办 / 改派 /
 * 快速处置 of 第9条) only on a case the central API escalated; other guards need the full state and are left
 * to the central API.
 */
export function rowOpensOffline(row: (typeof TRANSITIONS)[number], r: CaseRecord): boolean {
  return !ESCALATION_GUARDS.includes(row.guard) || r.escalation?.kind === 'arrival-missing'
}

/**
 * What `actor` has to do on a local case, by the central API's rules for `/tasks`: the actions of the rows
 * from its status for the role within the actor's scope (督办 alone queues nothing), plus the shift leader's
 * escalation and a leader's red light. `light` is the case's light now.
 */
export function localTodo(r: CaseRecord, actor: Actor, light: CaseSummary['light']): string[] {
  if (statusGroup(r.status) !== 'open') return []
  // inScope reads only these fields of the state.
  const scoped = {
    ...(r.assignedUnitId ? { assignedUnitId: r.assignedUnitId } : {}),
    ...(r.subUnitId ? { subUnitId: r.subUnitId } : {}),
    ...(r.inspectorId ? { inspectorId: r.inspectorId } : {}),
    ...(r.location.gridId ? { gridId: r.location.gridId } : {}),
    reporterId: r.reporter.id,
  } as CaseState
  const todo: string[] = []
  for (const row of TRANSITIONS) {
    if (row.action === 'supervise' || todo.includes(row.action)) continue
    if (!rowFrom(row, r.status) || !row.roles.includes(actor.role) || !inScope(row, scoped, actor)) continue
    if (!rowOpensOffline(row, r)) continue
    todo.push(row.action)
  }
  if (actor.role === 'shift-leader' && r.escalation) todo.push(`escalation:${r.escalation.kind}`)
  if (actor.role === 'leader' && light === 'red') todo.push('supervise')
  return todo
}
