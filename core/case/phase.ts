/**
 * @module core/case/phase
 * 环节分组 — the seven-step loop (采集 → 立案 → 派遣 → 处置 → 核查 → 结案) as a map legend and a case list colour
 * it: eighteen statuses fold into seven phases. Side paths stay in the phase they interrupt (a 延期 or 挂账
 * request is still 处置; an 异议 is still 派遣), so a colour never jumps back and forth while a request waits.
 */
import type { CaseStatus } from './types.js'

/** 环节分组, in loop order; `ended` holds the end states other than 结案 (不予受理, 不予立案, 作废). */
export const CASE_PHASES = ['intake', 'registered', 'dispatched', 'handling', 'checking', 'closed', 'ended'] as const

/** 环节分组 — one of {@link CASE_PHASES}. */
export type CasePhase = (typeof CASE_PHASES)[number]

const PHASE_OF: Readonly<Record<CaseStatus, CasePhase>> = {
  reported: 'intake',
  verifying: 'intake',
  accepted: 'intake',
  'not-accepted': 'ended',
  registered: 'registered',
  'not-registered': 'ended',
  voided: 'ended',
  dispatched: 'dispatched',
  disputed: 'dispatched',
  handling: 'handling',
  'extension-requested': 'handling',
  'return-requested': 'handling',
  'park-requested': 'handling',
  parked: 'handling',
  'self-handled': 'handling',
  handled: 'checking',
  checking: 'checking',
  closed: 'closed',
}

/** The phase a status belongs to. */
export function phaseOf(status: CaseStatus): CasePhase {
  return PHASE_OF[status]
}

/** 环节分组名称 (zh-CN / en) for legends and lists. */
export const PHASE_LABELS: Readonly<Record<CasePhase, { readonly zh: string; readonly en: string }>> = {
  intake: { zh: '受理', en: 'Intake' },
  registered: { zh: '已立案', en: 'Registered' },
  dispatched: { zh: '已派遣', en: 'Dispatched' },
  handling: { zh: '处置中', en: 'Handling' },
  checking: { zh: '核查', en: 'Checking' },
  closed: { zh: '已结案', en: 'Closed' },
  ended: { zh: '已终止', en: 'Ended' },
}
