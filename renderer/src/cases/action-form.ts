/**
 * @module renderer/cases/action-form
 * The form of a case action (可用操作) and the payload it becomes (core/case/commands.ts CommandPayloads): which
 * actions need a reason, a note, an inspector or photos, and which refuse or end a case. Pure, so the payloads
 * are tested without a browser.
 */
import type { CatalogClassBrief, CatalogClassDetail, CaseRecord } from '../../../contracts/bridge/index.js'
import type { AreaClass, SafetyHazard, TimeUnit, Urgency } from '../../../core/catalog/types.js'
import type { ArbitrateDecision, CaseAction, CheckOutcome, VerifyResult } from '../../../core/case/types.js'

/** Actions whose payload needs photos taken on site: the workstation cannot upload them (no bridge method). */
export const NEEDS_PHOTOS: readonly CaseAction[] = ['report-arrival', 'handle', 'self-handle', 'rapid-handle']
/** Actions that refuse or end a case: shown as danger buttons. */
export const DANGER: readonly CaseAction[] = ['not-accept', 'not-register', 'void', 'refuse-extension', 'refuse-return', 'refuse-park', 'refuse-self-handle', 'dispute']
/** Actions that need a reason. */
export const REASON: readonly CaseAction[] = ['not-accept', 'not-register', 'void', 'dispute', 'request-return', 'request-park', 'request-extension']
/** Actions whose note is required. */
export const NOTE_REQUIRED: readonly CaseAction[] = ['supervise']
/** Actions that name an inspector. */
export const INSPECTOR: readonly CaseAction[] = ['request-verify', 'request-check']

/** What the operator filled in; only the fields of the action at hand are read. */
export interface ActionForm {
  note: string
  reason: string
  unitId: string
  inspectorId: string
  outcome: CheckOutcome | ''
  decision: ArbitrateDecision
  result: VerifyResult
  durationAmount: number
  durationUnit: TimeUnit
  urgency: Urgency | ''
  safetyHazard: SafetyHazard | ''
  /** 改类 at 立案: the category, condition and area class below replace the record's. */
  reclassify: boolean
  category: CatalogClassBrief | null
  conditionId: string
  areaClass: AreaClass
}

/** A fresh form for an action on `record`. */
export function emptyActionForm(record: Pick<CaseRecord, 'inspectorId' | 'handleLimit' | 'areaClass'>): ActionForm {
  return {
    note: '',
    reason: '',
    unitId: '',
    inspectorId: record.inspectorId ?? '',
    outcome: '',
    decision: 'uphold',
    result: 'confirmed',
    durationAmount: 1,
    durationUnit: record.handleLimit.unit,
    urgency: '',
    safetyHazard: '',
    reclassify: false,
    category: null,
    conditionId: '',
    areaClass: record.areaClass,
  }
}

/**
 * The command payload of `action` from the form, or the name of the first missing field (a key of
 * `cases.field.*`). `category` is the detail of the chosen category when reclassifying.
 */
export function actionPayload(action: CaseAction, form: ActionForm, category: CatalogClassDetail | null): Record<string, unknown> | string {
  const note = form.note.trim()
  const reason = form.reason.trim()
  const withNote = (extra: Record<string, unknown> = {}) => ({ ...extra, ...(note ? { note } : {}) })
  switch (action) {
    case 'not-accept':
    case 'not-register':
    case 'void':
    case 'dispute':
    case 'request-return':
    case 'request-park':
      return reason ? { reason } : 'reason'
    case 'request-extension':
      if (!reason) return 'reason'
      return { reason, duration: { amount: form.durationAmount, unit: form.durationUnit } }
    case 'request-verify':
    case 'request-check':
      return form.inspectorId.trim() ? { inspectorId: form.inspectorId.trim() } : 'inspectorId'
    case 'verify-result':
      return note ? { result: form.result, note } : 'note'
    case 'dispatch':
      return form.unitId ? withNote({ unitId: form.unitId }) : 'unitId'
    case 'sub-dispatch':
      return form.unitId ? withNote({ subUnitId: form.unitId }) : 'unitId'
    case 'arbitrate':
      if (form.decision === 'redispatch' && !form.unitId) return 'unitId'
      return withNote({ decision: form.decision, ...(form.decision === 'redispatch' ? { unitId: form.unitId } : {}) })
    case 'check-result':
      if (!form.outcome) return 'outcome'
      if (form.outcome === 'redispatch' && !form.unitId) return 'unitId'
      return withNote({ outcome: form.outcome, ...(form.outcome === 'redispatch' ? { unitId: form.unitId } : {}) })
    case 'supervise':
      return note ? { note } : 'note'
    case 'register': {
      const out: Record<string, unknown> = {}
      if (form.urgency) out.urgency = form.urgency
      if (form.safetyHazard) out.safetyHazard = form.safetyHazard
      if (form.reclassify) {
        const condition = category?.conditions.find((c) => c.id === form.conditionId)
        if (!form.category || !condition) return 'categoryKey'
        Object.assign(out, { categoryKey: form.category.key, conditionId: condition.id, areaClass: form.areaClass, handleLimit: condition.limits[form.areaClass] })
      }
      return out
    }
    default:
      return withNote()
  }
}
