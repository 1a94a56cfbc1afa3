/**
 * @module core/case/create
 * 上报 — creating a case (泰州办法 第7条): the only command on a case that does not exist yet, so it is not a
 * row of the transitions table. The caller has already located the point and resolved the filing condition's
 * limit for the area class from the catalog; this checks the input and starts the 受理 clock.
 */
import type { AreaClass, CategoryKind, SafetyHazard, TimeLimit, Urgency } from '../catalog/types.js'
import { AREA_CLASSES, CATEGORY_KINDS, SAFETY_HAZARDS, TIME_UNITS, URGENCIES } from '../catalog/types.js'
import type { CaseRules } from './profile.js'
import { caseRules } from './profile.js'
import { startStages } from './stage-clock.js'
import type { Actor, CaseEvent, CaseSource, CaseState, Role } from './types.js'
import { CASE_SOURCES } from './types.js'

/** 上报角色 — who may create a case: collectors, the desk, leaders (领导交办) and api clients (sensors, 二级平台). */
export const CREATE_ROLES: readonly Role[] = ['inspector', 'receiver', 'shift-leader', 'leader', 'api-client']

/** 上报内容 — a new case as the intake service resolved it. */
export interface NewCase {
  readonly id: string
  /** 案卷编号 from {@link caseNumber} (case-number.ts). */
  readonly number: string
  readonly kind: CategoryKind
  readonly categoryKey: string
  readonly conditionId: string
  readonly areaClass: AreaClass
  readonly urgency: Urgency
  readonly source: CaseSource
  /** 处置时限 — `condition.limits[areaClass]`. */
  readonly handleLimit: TimeLimit
  readonly safetyHazard?: SafetyHazard
  readonly gridId?: string
  readonly communityCode?: string
  readonly streetCode?: string
  readonly districtCode?: string
}

/** 上报结果 — the new case and its 'create' event, or why it was refused. */
export type CreateDecision =
  | { readonly ok: true; readonly next: CaseState; readonly events: readonly CaseEvent[] }
  | {
      readonly ok: false
      readonly reason: {
        readonly code: 'FORBIDDEN' | 'INVALID_PAYLOAD'
        readonly message: string
        readonly field?: string
      }
    }

const text = (v: unknown): boolean => typeof v === 'string' && v.trim() !== ''
const oneOf = (list: readonly string[]) => (v: unknown) => list.includes(v as string)
const optional = (test: (v: unknown) => boolean) => (v: unknown) => v === undefined || test(v)
const limit = (v: unknown): boolean => {
  const l = v as { amount?: unknown; unit?: unknown } | null
  return (
    typeof l?.amount === 'number' &&
    Number.isFinite(l.amount) &&
    l.amount > 0 &&
    TIME_UNITS.includes(l.unit as never)
  )
}

/** Field checks of {@link NewCase}, in reporting order. */
const FIELDS: ReadonlyArray<[keyof NewCase, (v: unknown) => boolean, string]> = [
  ['id', text, 'expected a non-empty id'],
  ['number', text, 'expected a case number'],
  ['kind', oneOf(CATEGORY_KINDS), `expected one of ${CATEGORY_KINDS.join(', ')}`],
  ['categoryKey', text, 'expected a category key'],
  ['conditionId', text, 'expected a filing condition id'],
  ['areaClass', oneOf(AREA_CLASSES), `expected one of ${AREA_CLASSES.join(', ')}`],
  ['urgency', oneOf(URGENCIES), `expected one of ${URGENCIES.join(', ')}`],
  ['source', oneOf(CASE_SOURCES), `expected one of ${CASE_SOURCES.join(', ')}`],
  ['handleLimit', limit, 'expected { amount > 0, unit }'],
  ['safetyHazard', optional(oneOf(SAFETY_HAZARDS)), `expected one of ${SAFETY_HAZARDS.join(', ')}`],
  ['gridId', optional(text), 'expected a grid id'],
  ['communityCode', optional(text), 'expected a community code'],
  ['streetCode', optional(text), 'expected a street code'],
  ['districtCode', optional(text), 'expected a district code'],
]

/**
 * 上报 — creates a case in `reported` (version 1) with its 受理 clock running. An inspector's report is always
 * source 'inspector' (自行采集), so only such cases can later be self-handled.
 */
export function createCase(
  input: NewCase,
  actor: Actor,
  now: Date,
  rules: CaseRules = caseRules(),
): CreateDecision {
  if (!CREATE_ROLES.includes(actor.role)) {
    return { ok: false, reason: { code: 'FORBIDDEN', message: `a ${actor.role} may not report cases` } }
  }
  for (const [field, test, message] of FIELDS) {
    if (!test(input[field]))
      return { ok: false, reason: { code: 'INVALID_PAYLOAD', message: `${field}: ${message}`, field } }
  }
  if (actor.role === 'inspector' && input.source !== 'inspector') {
    return {
      ok: false,
      reason: {
        code: 'INVALID_PAYLOAD',
        message: "source: an inspector's report has source 'inspector'",
        field: 'source',
      },
    }
  }
  const at = now.toISOString()
  // Copy known fields only: untrusted input may carry extras that must not reach the record or the audit log.
  const fields = Object.fromEntries(
    FIELDS.filter(([f]) => input[f] !== undefined).map(([f]) => [f, input[f]]),
  ) as unknown as NewCase
  const base: CaseState = {
    ...fields,
    version: 1,
    status: 'reported',
    reporterId: actor.id,
    previousUnitIds: [],
    stages: {},
    suspensions: [],
    extensions: [],
    counters: {
      reworkCount: 0,
      redispatchCount: 0,
      extensionCount: 0,
      parkCount: 0,
      parkedMs: 0,
      superviseCount: 0,
      disputeCount: 0,
    },
    createdAt: at,
    updatedAt: at,
  }
  const next: CaseState = { ...base, stages: startStages(base.stages, ['accept'], base, now, rules) }
  const event: CaseEvent = {
    caseId: next.id,
    version: 1,
    type: 'create',
    at,
    actorId: actor.id,
    role: actor.role,
    from: null,
    to: 'reported',
    payload: { ...fields },
  }
  return { ok: true, next, events: [event] }
}
