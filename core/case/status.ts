/**
 * @module core/case/status
 * 状态分组 — open or closed, FixMyStreet-style: consumers that only need "is it open" ask here, so a city or a
 * standard edition can add sub-states without touching them.
 */
import type { CaseStatus, StatusGroup } from './types.js'
import { CASE_STATUSES } from './types.js'

/** 已终结状态 — the end states: 不予受理, 不予立案, 作废, 结案. */
export const CLOSED_STATUSES: readonly CaseStatus[] = ['not-accepted', 'not-registered', 'voided', 'closed']

/** 未终结状态 — every other status. */
export const OPEN_STATUSES: readonly CaseStatus[] = CASE_STATUSES.filter((s) => !CLOSED_STATUSES.includes(s))

/** 状态分组 — 'closed' for an end state, 'open' otherwise. */
export function statusGroup(status: CaseStatus): StatusGroup {
  return CLOSED_STATUSES.includes(status) ? 'closed' : 'open'
}

/** 挂账中 — true while the case is parked: its clocks are suspended and disposal metrics skip it (§5.2). */
export function isSuspended(status: CaseStatus): boolean {
  return status === 'parked'
}
