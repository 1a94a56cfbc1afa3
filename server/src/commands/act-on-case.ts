import type { Kysely, Transaction } from 'kysely'
import type { RawCommand } from '../../../core/case/commands.js'
import type { CaseRules } from '../../../core/case/profile.js'
import { allowedActions, decide, statusGroup } from '../../../core/case/transitions.js'
import type { Actor, CaseState, Rejection } from '../../../core/case/types.js'
import { recordChanges } from '../db/changes.js'
import { appendEvents, chainHeadOf, getCase, lockCase, updateCaseState, type AppendEvent, type CaseRow } from '../db/cases.js'
import { findKey, KeyAlreadyUsed, recordKey, type IdempotencyClaim } from '../db/idempotency.js'
import { missingPhotos } from '../db/photos.js'
import type { Database } from '../db/schema.js'
import { badBodyField, badRequest, conflict, forbidden, notFound } from '../errors.js'
import { presentCase } from '../presenters/case.js'
import { caseClock } from '../services/case-clock.js'
import type { CityModel } from '../services/city-model.js'

/** 操作 — a command on one case, against the version the caller last saw. */
export interface CaseActionInput {
  readonly caseId: string
  /** The case version the caller acted on; a newer case answers 409 STALE_VERSION. */
  readonly version: number
  /** `{ action, ...payload }` as sent; core's parseCommand checks it. */
  readonly command: RawCommand
}

/** The case after the command, and whether this answers a retry. */
export interface ActedCase {
  readonly row: CaseRow
  readonly replayed: boolean
}

/** The actor 'system' records lights and arrival checks; it is no person and holds no role of core's. */
export const SYSTEM_ACTOR_ID = 'system'

/**
 * 案卷操作 — one generic command for every verb of the loop: locks the case, asks core's `decide` (role, scope,
 * status, payload, guards), checks what only the server knows (units, sub-units, inspectors, photos,
 * catalog), and writes the new state, its audit events and its change-feed entry in the caller's
 * transaction — all of it or nothing. Refusals: 403 FORBIDDEN, 409 ILLEGAL_ACTION / GUARD / STALE_VERSION
 * (naming the current status and the actions the actor may take), 400 naming the payload field.
 */
export async function actOnCase(props: {
  readonly db: Transaction<Database>
  readonly actor: Actor
  readonly input: CaseActionInput
  readonly now: Date
  readonly rules: CaseRules
  readonly model: CityModel
  readonly idempotency?: IdempotencyClaim
  /** Refuses (throws) when the actor may not touch this case at all, before anything else is said about it. */
  readonly authorize?: (row: CaseRow) => void
}): Promise<ActedCase> {
  const { db, actor, input, now, rules, model } = props
  const row = await lockCase(db, input.caseId)
  if (!row) throw notFound(`case ${input.caseId}`)
  props.authorize?.(row)
  const state = row.state as CaseState
  const command = completeRegistration(input.command, state, model)
  const decision = decide(state, command, actor, now, rules)
  // A retry of a command that went through finds the case moved on: it is answered as a replay, not refused.
  const retried = async () => props.idempotency && (await findKey(db, props.idempotency)) !== undefined
  if (!decision.ok) throw (await retried()) ? new KeyAlreadyUsed(props.idempotency!) : refusal(decision.reason)
  if (input.version !== state.version) {
    if (await retried()) throw new KeyAlreadyUsed(props.idempotency!)
    throw conflict('STALE_VERSION', `the case is at version ${state.version}, not ${input.version}: reload it and decide again`, {
      currentVersion: state.version,
      status: state.status,
      allowed: allowedActions(state, actor, rules),
    })
  }
  await checkReferences(db, command, state, model)

  const next = decision.next
  const events: AppendEvent[] = [...decision.events]
  let escalation: { kind: string; at: Date } | null | undefined
  if (command.action === 'report-arrival' && next.onSite) {
    // 第9条: arriving after the 2-hour limit is flagged for the shift leader; arriving ends a missing-arrival alarm.
    if (!next.onSite.onTime) {
      events.push(systemEvent('arrival-late', next, now, { deadline: state.stages['on-site']?.deadline, arrivedAt: next.onSite.arrivedAt, unitId: next.assignedUnitId }))
      escalation = { kind: 'arrival-late', at: now }
    } else {
      escalation = null
    }
  }
  // A closed case, or one that went to another unit (whose own 2-hour clock starts now), has no alarm left.
  if (statusGroup(next.status) === 'closed' || next.assignedUnitId !== state.assignedUnitId) escalation = null
  const head = await appendEvents(db, row.id, chainHeadOf(row), events)
  const updated = await updateCaseState(db, row.id, next, caseClock(next, now, rules), { head, ...(escalation !== undefined ? { escalation } : {}) })
  if (props.idempotency) await recordKey(db, props.idempotency, updated.id, now)
  // The change feed's lock is held from here to the commit: nothing may follow it (changes.ts).
  await recordChanges(db, [{ entity: 'case', id: updated.id, op: 'upsert', data: presentCase(updated, { contact: false }) }])
  return { row: updated, replayed: false }
}

/**
 * 案卷操作 with an Idempotency-Key, in a transaction of its own: a retried command (its key already
 * taken, the retry's work rolled back) answers with the case as it is now, applied once.
 */
export async function actOnCaseOnce(db: Kysely<Database>, props: Omit<Parameters<typeof actOnCase>[0], 'db'>): Promise<ActedCase> {
  try {
    return await db.transaction().execute((trx) => actOnCase({ ...props, db: trx }))
  } catch (error) {
    if (!(error instanceof KeyAlreadyUsed)) throw error
    const earlier = await findKey(db, error.claim)
    if (!earlier) throw error
    if (earlier.requestHash !== error.claim.requestHash) {
      throw conflict('IDEMPOTENCY_KEY_REUSED', `Idempotency-Key "${error.claim.key}" was used for a different command`)
    }
    const row = await getCase(db, props.input.caseId)
    if (!row) throw notFound(`case ${props.input.caseId}`)
    props.authorize?.(row)
    return { row, replayed: true }
  }
}

/** A server-recorded event on the case at its current version and status. */
export function systemEvent(type: 'light' | 'arrival-missing' | 'arrival-late', state: CaseState, now: Date, payload: Record<string, unknown>): AppendEvent {
  const clean = Object.fromEntries(Object.entries(payload).filter(([, v]) => v !== undefined))
  return { type, at: now.toISOString(), actorId: SYSTEM_ACTOR_ID, role: 'system', from: state.status, to: state.status, version: state.version, payload: clean }
}

function refusal(reason: Rejection) {
  const details = { status: reason.status, allowed: reason.allowed }
  switch (reason.code) {
    case 'FORBIDDEN':
      return forbidden(reason.message, details)
    case 'INVALID_PAYLOAD':
      return reason.field ? badBodyField(reason.field, reason.message) : badRequest(reason.message)
    default:
      return conflict(reason.code, reason.message, details)
  }
}

/**
 * 立案改类 — a shift leader reclassifying at 立案 names the category (and maybe the condition); the catalog
 * supplies the rest core needs together: the condition (default the first), the area class of the case's
 * place and that condition's 处置时限 for it, and the condition's safety hazard.
 */
function completeRegistration(command: RawCommand, state: CaseState, model: CityModel): RawCommand {
  if (command.action !== 'register' || typeof command.categoryKey !== 'string') return command
  const category = model.category(command.categoryKey)
  if (!category) throw badBodyField('categoryKey', `unknown category "${command.categoryKey}"`)
  const conditionId = typeof command.conditionId === 'string' ? command.conditionId : category.conditions[0]!.id
  const condition = category.conditions.find((c) => c.id === conditionId)
  if (!condition) throw badBodyField('conditionId', `"${conditionId}" is not a filing condition of ${command.categoryKey}`)
  const areaClass = typeof command.areaClass === 'string' ? command.areaClass : state.areaClass
  const limit = condition.limits[areaClass as keyof typeof condition.limits]
  return {
    ...command,
    conditionId,
    areaClass,
    ...(command.handleLimit === undefined && limit ? { handleLimit: limit } : {}),
    ...(command.safetyHazard === undefined && condition.safetyHazard ? { safetyHazard: condition.safetyHazard } : {}),
  }
}

/** What core cannot know: that named units, sub-units, inspectors and photos exist. */
async function checkReferences(db: Transaction<Database>, command: RawCommand, state: CaseState, model: CityModel): Promise<void> {
  if (typeof command.unitId === 'string' && !model.router?.unit(command.unitId)) {
    throw badBodyField('unitId', `no responsible unit "${command.unitId}"`)
  }
  if (command.action === 'sub-dispatch' && typeof command.subUnitId === 'string') {
    const sub = model.router?.unit(command.subUnitId)
    if (!sub) throw badBodyField('subUnitId', `no responsible unit "${command.subUnitId}"`)
    if (sub.parentId !== state.assignedUnitId) {
      throw badBodyField('subUnitId', `${sub.id} is not a sub-unit of ${state.assignedUnitId ?? 'the assigned unit'}`)
    }
  }
  if ((command.action === 'request-verify' || command.action === 'request-check') && typeof command.inspectorId === 'string') {
    const inspector = await db
      .selectFrom('app_user')
      .select('id')
      .where('id', '=', command.inspectorId)
      .where('role', '=', 'inspector')
      .where('active', '=', true)
      .executeTakeFirst()
    if (!inspector) throw badBodyField('inspectorId', `no active inspector "${command.inspectorId}"`)
  }
  for (const field of ['afterPhotoIds', 'photoIds', 'photoId'] as const) {
    const value = command[field]
    const ids = Array.isArray(value) ? (value as string[]) : typeof value === 'string' ? [value] : []
    const missing = await missingPhotos(db, ids)
    if (missing.length > 0) throw badBodyField(field, `no photo ${missing[0]}; upload it with POST /api/v1/photos first`)
  }
}
