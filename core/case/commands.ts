/**
 * @module core/case/commands
 * 操作指令 — the payload of every action, as TypeScript types and as one field spec per action that
 * {@link parseCommand} checks untrusted input (HTTP bodies, sync replay) against.
 */
import type { AreaClass, SafetyHazard, TimeLimit, TimeUnit, Urgency } from '../catalog/types.js'
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

/**
 * 时限上限 — the longest time limit (处置时限 at 立案, an extension, a stage limit) on each clock: a year.
 * 250 working days is a year of China's working days; 2,000 working hours is 250 eight-hour days. A longer
 * limit has no meaning in the loop, and its deadline could lie past the end of any working calendar.
 */
export const MAX_TIME_LIMIT: Readonly<Record<TimeUnit, number>> = {
  'natural-hours': 366 * 24,
  'working-days': 250,
  'working-hours': 2_000,
}

/** 费用上限 — the largest cost (元) of one 快速处置; more is a typo, not a rapid repair. */
export const MAX_COST_YUAN = 10_000_000

/** The longest note, reason or measure (the same as a case's description). */
export const MAX_TEXT_LENGTH = 4_000

/** The longest id (unit, inspector, photo) and the most photos on one action. */
export const MAX_ID_LENGTH = 200
export const MAX_PHOTOS = 20

/** 时限校验 — why `v` is not a time limit the loop accepts: `{ amount > 0 and at most a year, unit }`. */
export function timeLimitProblem(v: unknown): string | undefined {
  const l = v as { amount?: unknown; unit?: unknown } | null
  if (typeof l !== 'object' || l === null || !TIME_UNITS.includes(l.unit as TimeUnit)) {
    return `expected { amount, unit: ${TIME_UNITS.join(' | ')} }`
  }
  const max = MAX_TIME_LIMIT[l.unit as TimeUnit]
  if (typeof l.amount !== 'number' || !Number.isFinite(l.amount) || l.amount <= 0 || l.amount > max) {
    return `amount: expected more than 0 and at most ${max} ${String(l.unit)} (a year)`
  }
  return undefined
}

type FieldKind =
  | 'text' // non-empty string, at most MAX_TEXT_LENGTH
  | 'photos' // non-empty array of non-empty strings
  | 'ids' // array of non-empty strings (may be empty)
  | 'limit' // TimeLimit with 0 < amount ≤ MAX_TIME_LIMIT
  | 'money' // finite number, 0 ≤ amount ≤ MAX_COST_YUAN
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
const isId = (v: unknown): v is string => isText(v) && v.length <= MAX_ID_LENGTH
const isIds = (v: unknown): v is string[] => Array.isArray(v) && v.length <= MAX_PHOTOS && v.every(isId)

function fieldProblem(kind: FieldKind, v: unknown): string | undefined {
  if (typeof kind === 'object')
    return kind.oneOf.includes(v as string) ? undefined : `expected one of ${kind.oneOf.join(', ')}`
  switch (kind) {
    case 'text':
      if (!isText(v)) return 'expected a non-empty string'
      return v.length <= MAX_TEXT_LENGTH ? undefined : `expected at most ${MAX_TEXT_LENGTH} characters`
    case 'ids':
      return isIds(v) ? undefined : `expected at most ${MAX_PHOTOS} ids`
    case 'photos':
      return isIds(v) && v.length > 0 ? undefined : `expected 1 to ${MAX_PHOTOS} photo ids`
    case 'money':
      return typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_COST_YUAN
        ? undefined
        : `expected an amount from 0 to ${MAX_COST_YUAN} yuan`
    case 'lon':
      return typeof v === 'number' && v >= -180 && v <= 180
        ? undefined
        : 'expected a longitude in [-180, 180]'
    case 'lat':
      return typeof v === 'number' && v >= -90 && v <= 90 ? undefined : 'expected a latitude in [-90, 90]'
    case 'limit':
      return timeLimitProblem(v)
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
