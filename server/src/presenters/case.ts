import type { CaseRules } from '../../../core/case/profile.js'
import { allowedActions, statusGroup } from '../../../core/case/transitions.js'
import type { AreaClass, CategoryKind, SafetyHazard, Urgency } from '../../../core/catalog/types.js'
import type { Actor, CaseAction, CaseSource, CaseStage, CaseState, CaseStatus } from '../../../core/case/types.js'
import { CASE_ACTIONS, CASE_STAGES } from '../../../core/case/types.js'
import type { CaseEventRow, CaseRow } from '../db/cases.js'
import { maskContact, seesContact } from '../policies/case-access.js'

/** 可用操作 — every action, true where the actor may give it now (computed from core's transitions table). */
export type Abilities = Record<CaseAction, boolean>

/**
 * The abilities of `actor` on the case at `now` (time matters for the 第9条 arrival escalation): the
 * workstation greys out buttons from this, never from its own rules.
 */
export function presentAbilities(state: CaseState, actor: Actor | undefined, rules: CaseRules, now: Date): Abilities {
  const allowed = actor ? allowedActions(state, actor, rules, now) : []
  return Object.fromEntries(CASE_ACTIONS.map((a) => [a, allowed.includes(a)])) as Abilities
}

/** 考核记录 — what evaluation needs from one case (standards.md §7.1), read from stored facts. */
export function presentEvaluation(state: CaseState) {
  const onTime = Object.fromEntries(CASE_STAGES.map((s) => [s, state.stages[s]?.onTime ?? null])) as Record<CaseStage, boolean | null>
  const c = state.counters
  return {
    onTime,
    arrivedOnTime: state.onSite ? state.onSite.onTime : null,
    reworkCount: c.reworkCount,
    redispatchCount: c.redispatchCount,
    extensionCount: c.extensionCount,
    extensions: [...state.extensions],
    parkCount: c.parkCount,
    parkedMs: c.parkedMs,
    superviseCount: c.superviseCount,
    disputeCount: c.disputeCount,
    closeKind: state.closeKind ?? null,
  }
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString())

/**
 * 案卷 — the API's and the change feed's form of a case, field by field. The reporter's contact is shown
 * only to the center's desk (`contact: true`); everyone else, and the feed, get it masked.
 */
export function presentCase(row: CaseRow, view: { readonly contact: boolean }) {
  const state = row.state as CaseState
  return {
    id: row.id,
    number: row.number,
    version: row.version,
    status: row.status as CaseStatus,
    statusGroup: statusGroup(row.status as CaseStatus),
    kind: row.kind as CategoryKind,
    categoryKey: row.category_key,
    conditionId: row.condition_id,
    source: row.source as CaseSource,
    urgency: row.urgency as Urgency,
    safetyHazard: row.safety_hazard as SafetyHazard | null,
    areaClass: row.area_class as AreaClass,
    location: {
      lon: row.lon,
      lat: row.lat,
      address: row.address,
      gridId: row.grid_id,
      communityCode: row.community_code,
      streetCode: row.street_code,
      districtCode: row.district_code,
    },
    componentId: row.component_id,
    description: row.description,
    reporter: {
      id: row.reporter_id,
      name: row.reporter_name,
      contact: row.reporter_contact === null ? null : view.contact ? row.reporter_contact : maskContact(row.reporter_contact),
    },
    beforePhotoIds: row.before_photo_ids,
    afterPhotoIds: [...(state.handling?.afterPhotoIds ?? [])],
    duplicateIds: row.duplicate_ids,
    proposedUnitId: row.proposed_unit_id,
    assignedUnitId: row.assigned_unit_id,
    subUnitId: row.sub_unit_id,
    previousUnitIds: [...state.previousUnitIds],
    inspectorId: row.inspector_id,
    handleLimit: state.handleLimit,
    stages: state.stages,
    light: { color: row.light, stage: row.light_stage },
    escalation: row.escalation === null ? null : { kind: row.escalation, at: iso(row.escalated_at) },
    parkedSince: state.parkedSince ?? null,
    pending: state.pending ?? null,
    verification: state.verification ? { ...state.verification, photoIds: [...state.verification.photoIds] } : null,
    onSite: state.onSite ?? null,
    handling: state.handling ? { ...state.handling, afterPhotoIds: [...state.handling.afterPhotoIds] } : null,
    rapid: state.rapid ?? null,
    evaluation: presentEvaluation(state),
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    closedAt: iso(row.closed_at),
  }
}

/** A case as `actor` sees it, with its abilities at `now`. */
export function presentCaseFor(row: CaseRow, actor: Actor | undefined, rules: CaseRules, now: Date) {
  return { ...presentCase(row, { contact: seesContact(actor) }), abilities: presentAbilities(row.state as CaseState, actor, rules, now) }
}

/** 操作记录 — one audit event as the API shows it. */
export function presentEvent(row: CaseEventRow) {
  return {
    seq: row.seq,
    version: row.version,
    type: row.type,
    at: new Date(row.at).toISOString(),
    actorId: row.actor_id,
    role: row.role,
    from: row.from_status,
    to: row.to_status,
    payload: row.payload,
    photoIds: row.photo_ids,
  }
}
