import type { CaseRules } from '../../../core/case/profile.js'
import { arrivalOverdue, rapidOnOverdueArrival } from '../../../core/case/effects.js'
import { allowedActions, TRANSITIONS, type TransitionRow } from '../../../core/case/transitions.js'
import type { Actor, CaseAction, CaseState, CaseStatus, Role } from '../../../core/case/types.js'
import type { CaseFilter } from '../db/cases.js'

// 待办 — a role's queue is derived from the transitions table: the statuses from which the role has an
// action, narrowed to the actor's scope, minus cases a guard blocks. Two additions the table cannot say:
// the shift leader also gets cases escalated by the deadline sweep (第9条 arrival), and a leader's 督办,
// possible on every open case, only queues cases whose light is red.

/** Actions that apply to any open case and so do not by themselves put a case in a queue. */
const EVERYWHERE: readonly CaseAction[] = ['supervise']
/** Guards of rows that open only on an escalated case (found by the escalation filter). */
const ESCALATION_GUARDS: readonly (TransitionRow['guard'] | undefined)[] = [arrivalOverdue, rapidOnOverdueArrival]

/** The statuses from which `role` has an action that queues work, from the transitions table. */
export function statusesWithWork(role: Role): CaseStatus[] {
  const out = new Set<CaseStatus>()
  for (const row of TRANSITIONS) {
    if (!row.roles.includes(role) || EVERYWHERE.includes(row.action) || row.from === '*open*') continue
    // The missed-arrival rows (督办 / 改派 / 快速处置 of 第9条) queue through the escalation, not every case with a unit.
    if (ESCALATION_GUARDS.includes(row.guard)) continue
    for (const s of typeof row.from === 'string' ? [row.from] : row.from) out.add(s)
  }
  return [...out]
}

/** The queries whose union is the actor's queue (each a filter within the actor's scope). */
export function queueFilters(role: Role): CaseFilter[] {
  const filters: CaseFilter[] = []
  const statuses = statusesWithWork(role)
  if (statuses.length > 0) filters.push({ statuses })
  if (role === 'shift-leader') filters.push({ escalated: true, closed: false })
  if (role === 'leader') filters.push({ light: 'red', closed: false })
  return filters
}

/** What the actor can do on a queued case at `now` (never supervise alone), or why it is queued. */
export function todo(state: CaseState, actor: Actor, rules: CaseRules, row: { readonly escalation: string | null; readonly light: string }, now: Date): string[] {
  const actions: string[] = allowedActions(state, actor, rules, now).filter((a) => !EVERYWHERE.includes(a))
  if (actor.role === 'shift-leader' && row.escalation) actions.push(`escalation:${row.escalation}`)
  if (actor.role === 'leader' && row.light === 'red') actions.push('supervise')
  return actions
}
