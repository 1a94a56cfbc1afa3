/**
 * @module core/evaluation/input
 * 考核输入 — what evaluation reads: each case as stored (the `state` column is core's CaseState, so a stored row
 * is used as it is) with its audit events in order, the inspectors' duty grids, and command-mode orders.
 * Only the fields named here are read, so a server can select just these.
 */
import type { CaseEvent, CaseState } from '../case/types.js'

/** 考核案卷 — the part of a stored case evaluation reads (a full CaseState fits). */
export type EvaluationCase = Pick<
  CaseState,
  | 'id'
  | 'source'
  | 'reporterId'
  | 'createdAt'
  | 'stages'
  | 'suspensions'
  | 'assignedUnitId'
  | 'subUnitId'
  | 'closeKind'
  | 'safetyHazard'
  | 'onSite'
> & {
  readonly gridId?: string | null
  readonly communityCode?: string | null
  readonly streetCode?: string | null
  readonly districtCode?: string | null
  readonly parkedSince?: string | null
  readonly closedAt?: string | null
}

/**
 * 考核事件 — one audit event as stored: core's CaseEvent fields plus `seq`, its position in the case's log
 * (the stored `case_event.seq`; 1 for the create event). `caseId#seq` is the event's id in every trace.
 * Events of types evaluation does not know (the server's own 'light' events …) are skipped.
 */
export type EvaluationEvent = Pick<CaseEvent, 'at' | 'actorId' | 'payload' | 'from'> & {
  readonly seq: number
  readonly type: string
  readonly role: string
}

/** 考核案卷及其事件 — one case and its events, oldest first. */
export interface EvaluationRecord {
  readonly case: EvaluationCase
  readonly events: readonly EvaluationEvent[]
}

/**
 * 调度指令 — a command-mode order (指令: 下达 → 签收 → 到达 → 完成, or 拒收 / 撤销) to a team or a unit, for
 * 调度响应 (泰州办法 第12条). Deadlines are fixed when the order is issued, so evaluation reads them as facts.
 */
export interface DispatchOrder {
  readonly id: string
  /** 队伍 — the team that got it, if a team. */
  readonly teamId?: string
  /** 责任单位 — the unit that got it, or the team's unit. */
  readonly unitId?: string
  readonly issuedAt: string
  readonly acknowledgeBy?: string
  readonly arriveBy?: string
  readonly completeBy?: string
  readonly acknowledgedAt?: string
  readonly arrivedAt?: string
  readonly completedAt?: string
  /** 拒收 */
  readonly declinedAt?: string
  /** 撤销 — a cancelled order is not evaluated. */
  readonly cancelledAt?: string
}
