/**
 * @module core/case/commands
 * 操作指令 — the payload of every action, as TypeScript types and as one field spec per action that
 * {@link parseCommand} checks untrusted input (HTTP bodies, sync replay) against.
 */
import type { AreaClass, SafetyHazard, TimeLimit, Urgency } from '../catalog/types.js'
import { AREA_CLASSES, SAFETY_HAZARDS, TIME_UNITS, URGENCIES } from '../catalog/types.js'
import type { ArbitrateDecision, CaseAction, CheckOutcome, VerifyResult } from './types.js'
import { ARBITRATE_DECISIONS, CASE_ACTIONS, CHECK_OUTCOMES, VERIFY_RESULTS } from './types.js'

/** 处置反馈 fields shared by handle, self-handle and rapid-handle. */
interface Feedback {
  readonly note: string
  readonly afterPhotoIds: readonly string[]
}

/** 指令载荷 — the fields each action carries besides `action`. */
export interface CommandPayloads {
  readonly accept: { readonly note?: string }
  readonly 'not-accept': { readonly reason: string }
  readonly 'request-verify': { readonly inspectorId: string }
  readonly 'verify-result': {
    readonly result: VerifyResult
    readonly note: string
    readonly photoIds?: readonly string[]
  }
  /** Reclassification at 立案 is all-or-nothing: categoryKey, conditionId, areaClass and handleLimit together. */
  readonly register: {
    readonly categoryKey?: string
    readonly conditionId?: string
    readonly areaClass?: AreaClass
    readonly handleLimit?: TimeLimit
    readonly urgency?: Urgency
    readonly safetyHazard?: SafetyHazard
  }
  readonly 'not-register': { readonly reason: string }
  readonly void: { readonly reason: string }
  readonly dispatch: { readonly unitId: string; readonly note?: string }
  readonly 'sub-dispatch': { readonly subUnitId: string; readonly note?: string }
  readonly sign: { readonly note?: string }
  readonly dispute: { readonly reason: string }
  readonly arbitrate: {
    readonly decision: ArbitrateDecision
    readonly unitId?: string
    readonly note?: string
  }
  readonly 'request-extension': { readonly duration: TimeLimit; readonly reason: string }
  readonly 'approve-extension': { readonly note?: string }
  readonly 'refuse-extension': { readonly note?: string }
  readonly 'request-return': { readonly reason: string }
  readonly 'approve-return': { readonly note?: string }
  readonly 'refuse-return': { readonly note?: string }
  readonly 'request-park': { readonly reason: string }
  readonly 'approve-park': { readonly note?: string }
  readonly 'refuse-park': { readonly note?: string }
  readonly resume: { readonly note?: string }
  readonly 'report-arrival': {
    readonly lon: number
    readonly lat: number
    readonly photoId: string
    readonly measures: string
  }
  readonly handle: Feedback
  readonly 'request-check': { readonly inspectorId: string }
  readonly 'check-result': {
    readonly outcome: CheckOutcome
    readonly note?: string
    readonly photoIds?: readonly string[]
    /** Required for `redispatch`. */
    readonly unitId?: string
  }
  readonly 'self-handle': Feedback
  readonly 'approve-self-handle': { readonly note?: string }
  readonly 'refuse-self-handle': { readonly note?: string }
  readonly supervise: { readonly note: string }
  readonly 'rapid-handle': Feedback & { readonly team: string; readonly costYuan: number }
}

/** 指令 — one action with its payload, e.g. `{ action: 'dispatch', unitId: 'hl-sanitation' }`. */
export type CaseCommand = { [A in CaseAction]: { readonly action: A } & CommandPayloads[A] }[CaseAction]

/** 指令 — the command for one action. */
export type CommandOf<A extends CaseAction> = Extract<CaseCommand, { readonly action: A }>

/** 原始指令 — untrusted input: an action name plus any fields. */
export type RawCommand = { readonly action: string } & { readonly [field: string]: unknown }

/** 载荷问题 — the field that is wrong and why. */
export interface PayloadIssue {
  readonly field: string
  readonly message: string
}

type FieldKind =
  | 'text' // non-empty string
  | 'photos' // non-empty array of non-empty strings
  | 'ids' // array of non-empty strings (may be empty)
  | 'limit' // TimeLimit with amount > 0
  | 'money' // finite number ≥ 0
  | 'lon'
  | 'lat'
  | { readonly oneOf: readonly string[] }

/** Field spec: name → kind; a trailing '?' on the name makes it optional. */
const SPEC: { readonly [A in CaseAction]: Readonly<Record<string, FieldKind>> } = {
  accept: { 'note?': 'text' },
  'not-accept': { reason: 'text' },
  'request-verify': { inspectorId: 'text' },
  'verify-result': { result: { oneOf: VERIFY_RESULTS }, note: 'text', 'photoIds?': 'ids' },
  register: {
    'categoryKey?': 'text',
    'conditionId?': 'text',
    'areaClass?': { oneOf: AREA_CLASSES },
    'handleLimit?': 'limit',
    'urgency?': { oneOf: URGENCIES },
    'safetyHazard?': { oneOf: SAFETY_HAZARDS },
  },
  'not-register': { reason: 'text' },
  void: { reason: 'text' },
  dispatch: { unitId: 'text', 'note?': 'text' },
  'sub-dispatch': { subUnitId: 'text', 'note?': 'text' },
  sign: { 'note?': 'text' },
  dispute: { reason: 'text' },
  arbitrate: { decision: { oneOf: ARBITRATE_DECISIONS }, 'unitId?': 'text', 'note?': 'text' },
  'request-extension': { duration: 'limit', reason: 'text' },
  'approve-extension': { 'note?': 'text' },
  'refuse-extension': { 'note?': 'text' },
  'request-return': { reason: 'text' },
  'approve-return': { 'note?': 'text' },
  'refuse-return': { 'note?': 'text' },
  'request-park': { reason: 'text' },
  'approve-park': { 'note?': 'text' },
  'refuse-park': { 'note?': 'text' },
  resume: { 'note?': 'text' },
  'report-arrival': { lon: 'lon', lat: 'lat', photoId: 'text', measures: 'text' },
  handle: { note: 'text', afterPhotoIds: 'photos' },
  'request-check': { inspectorId: 'text' },
  'check-result': {
    outcome: { oneOf: CHECK_OUTCOMES },
    'note?': 'text',
    'photoIds?': 'ids',
    'unitId?': 'text',
  },
  'self-handle': { note: 'text', afterPhotoIds: 'photos' },
  'approve-self-handle': { 'note?': 'text' },
  'refuse-self-handle': { 'note?': 'text' },
  supervise: { note: 'text' },
  'rapid-handle': { team: 'text', costYuan: 'money', note: 'text', afterPhotoIds: 'photos' },
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== ''
const isIds = (v: unknown): v is string[] => Array.isArray(v) && v.every(isText)

function fieldProblem(kind: FieldKind, v: unknown): string | undefined {
  if (typeof kind === 'object')
    return kind.oneOf.includes(v as string) ? undefined : `expected one of ${kind.oneOf.join(', ')}`
  switch (kind) {
    case 'text':
      return isText(v) ? undefined : 'expected a non-empty string'
    case 'ids':
      return isIds(v) ? undefined : 'expected an array of ids'
    case 'photos':
      return isIds(v) && v.length > 0 ? undefined : 'expected at least one photo id'
    case 'money':
      return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? undefined : 'expected an amount ≥ 0'
    case 'lon':
      return typeof v === 'number' && v >= -180 && v <= 180
        ? undefined
        : 'expected a longitude in [-180, 180]'
    case 'lat':
      return typeof v === 'number' && v >= -90 && v <= 90 ? undefined : 'expected a latitude in [-90, 90]'
    case 'limit': {
      const l = v as { amount?: unknown; unit?: unknown } | null
      const good =
        typeof l === 'object' &&
        l !== null &&
        typeof l.amount === 'number' &&
        Number.isFinite(l.amount) &&
        l.amount > 0
      return good && TIME_UNITS.includes(l.unit as never) ? undefined : 'expected { amount > 0, unit }'
    }
  }
}

/** 是否操作 — true when `name` is one of the actions. */
export function isCaseAction(name: unknown): name is CaseAction {
  return CASE_ACTIONS.includes(name as CaseAction)
}

/**
 * 指令校验 — checks an untrusted command against its action's field spec and returns the typed command
 * (unknown extra fields are dropped, so they never reach the audit log) or the first bad field.
 */
export function parseCommand(
  raw: RawCommand,
): { ok: true; command: CaseCommand } | { ok: false; issue: PayloadIssue } {
  if (!isCaseAction(raw.action))
    return { ok: false, issue: { field: 'action', message: `unknown action "${String(raw.action)}"` } }
  const out: Record<string, unknown> = { action: raw.action }
  for (const [key, kind] of Object.entries(SPEC[raw.action])) {
    const optional = key.endsWith('?')
    const field = optional ? key.slice(0, -1) : key
    const value = raw[field]
    if (value === undefined || value === null) {
      if (optional) continue
      return { ok: false, issue: { field, message: 'required' } }
    }
    const problem = fieldProblem(kind, value)
    if (problem) return { ok: false, issue: { field, message: problem } }
    out[field] = value
  }
  return { ok: true, command: out as CaseCommand }
}
