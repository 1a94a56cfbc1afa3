/**
 * @module renderer/cases/event-text
 * 操作记录 as sentences — every event of a case's timeline (上报, each action of core's transitions table, the
 * server's light and 第9条 arrival events) becomes a title, who did it, the status change (only when the status
 * changed) and one sentence per payload field; units, categories, conditions, stages, sources and results by
 * their names in the UI language, never by their keys (catalogue block `caseEvent`, i18n/case-events.ts).
 */
import type { CaseEventView, Language, TimeLimitValue } from '../../../contracts/bridge/index.js'
import { SAFETY_HAZARDS, URGENCIES } from '../../../core/catalog/types.js'
import { formatTime } from '../shared/format.js'
import { anyStatusLabel, limitText, roleLabel, sourceLabel, stageLabel } from './labels.js'

type Translate = (key: string, values?: Record<string, unknown>) => string

/** The events the server records on its own (no person, role 'system'). */
export const SYSTEM_EVENT_TYPES = ['light', 'arrival-missing', 'arrival-late'] as const

/** Names of what an event refers to by id; null while not known (yet). */
export interface EventLookups {
  unitName(id: string): string | null
  categoryName(key: string): string | null
  conditionText(categoryKey: string, conditionId: string): string | null
}

/** One timeline entry in words. */
export interface EventText {
  readonly title: string
  /** Who: role and account, or "system". */
  readonly by: string
  /** "状态由「已派遣」转为「处置中」", or null when the status stayed (督办, 到场, lights…). */
  readonly change: string | null
  readonly details: readonly string[]
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null)
const isLimit = (v: unknown): v is TimeLimitValue =>
  typeof v === 'object' && v !== null && typeof (v as TimeLimitValue).amount === 'number' && typeof (v as TimeLimitValue).unit === 'string'

/** The sentences of one event in `language`. */
export function eventText(e: CaseEventView, t: Translate, language: Language, look: EventLookups): EventText {
  const p = e.payload
  const unit = (id: unknown) => (typeof id === 'string' ? (look.unitName(id) ?? t('caseEvent.someUnit')) : t('caseEvent.someUnit'))
  const category = (key: unknown) => (typeof key === 'string' ? (look.categoryName(key) ?? t('caseEvent.someCategory')) : t('caseEvent.someCategory'))
  const time = (iso: unknown) => (typeof iso === 'string' ? formatTime(iso, language) : '—')
  const title = (key: string, values: Record<string, unknown> = {}) => t(`caseEvent.title.${key}`, values)
  const details: string[] = []
  const field = (key: string, value: string | null) => {
    if (value !== null) details.push(t(`caseEvent.field.${key}`, { value }))
  }
  let head: string
  switch (e.type) {
    case 'create':
      head = title('create', { source: sourceLabel(p.source as never, language) })
      field('category', category(p.categoryKey))
      field('hazard', SAFETY_HAZARDS.includes(p.safetyHazard as never) ? t(`hazard.${String(p.safetyHazard)}`) : null)
      field('urgency', p.urgency !== 'normal' && URGENCIES.includes(p.urgency as never) ? t(`urgency.${String(p.urgency)}`) : null)
      field('handleLimit', isLimit(p.handleLimit) ? limitText(t, p.handleLimit) : null)
      break
    case 'request-verify':
    case 'request-check':
      head = title(e.type, { inspector: text(p.inspectorId) ?? '—' })
      break
    case 'verify-result':
      head = title('verify-result', { result: t(`caseEvent.verify.${p.result === 'unfounded' ? 'unfounded' : 'confirmed'}`) })
      break
    case 'register':
      head = typeof p.categoryKey === 'string' ? title('registerReclassified', { category: category(p.categoryKey) }) : title('register')
      if (typeof p.categoryKey === 'string' && typeof p.conditionId === 'string') field('condition', look.conditionText(p.categoryKey, p.conditionId))
      field('hazard', SAFETY_HAZARDS.includes(p.safetyHazard as never) ? t(`hazard.${String(p.safetyHazard)}`) : null)
      field('urgency', URGENCIES.includes(p.urgency as never) ? t(`urgency.${String(p.urgency)}`) : null)
      field('handleLimit', isLimit(p.handleLimit) ? limitText(t, p.handleLimit) : null)
      break
    case 'dispatch':
      // From a unit's hands (第9条 missed arrival): 改派.
      head = title(e.from === 'dispatched' || e.from === 'handling' ? 'redispatch' : 'dispatch', { unit: unit(p.unitId) })
      break
    case 'sub-dispatch':
      head = title('sub-dispatch', { unit: unit(p.subUnitId) })
      break
    case 'arbitrate':
      head = p.decision === 'redispatch' ? title('arbitrateRedispatch', { unit: unit(p.unitId) }) : title('arbitrateUphold')
      break
    case 'request-extension':
      head = title('request-extension', { duration: isLimit(p.duration) ? limitText(t, p.duration) : '—' })
      break
    case 'check-result':
      head =
        p.outcome === 'redispatch'
          ? title('checkRedispatch', { unit: unit(p.unitId) })
          : title({ close: 'checkClose', rehandle: 'checkRehandle', 'close-unqualified': 'checkUnqualified' }[String(p.outcome)] ?? 'checkClose')
      break
    case 'rapid-handle':
      head = title('rapid-handle', { team: text(p.team) ?? '—' })
      field('cost', typeof p.costYuan === 'number' ? String(p.costYuan) : null)
      break
    case 'light': {
      const stage = stageLabel(String(p.stage ?? 'handle'), language)
      const share = typeof p.yellowShare === 'number' ? `${Math.round(p.yellowShare * 100)}%` : null
      head = p.light === 'red' ? title('lightRed', { stage }) : share ? title('lightYellow', { stage, share }) : title('lightYellowNear', { stage })
      field('deadline', typeof p.deadline === 'string' ? time(p.deadline) : null)
      break
    }
    case 'arrival-missing':
      head = title('arrivalMissing', { unit: unit(p.unitId) })
      field('deadline', typeof p.deadline === 'string' ? time(p.deadline) : null)
      break
    case 'arrival-late':
      head = title('arrivalLate', { unit: unit(p.unitId) })
      field('deadline', typeof p.deadline === 'string' ? time(p.deadline) : null)
      field('arrivedAt', typeof p.arrivedAt === 'string' ? time(p.arrivedAt) : null)
      break
    default:
      head = KNOWN_TITLES.has(e.type) ? title(e.type) : title('other')
  }
  field('reason', text(p.reason))
  field('measures', text(p.measures))
  field('note', text(p.note))
  const photos = [p.photoIds, p.afterPhotoIds, p.photoId].flatMap((v) => (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []))
  if (photos.length) details.push(t('caseEvent.field.photos', { n: photos.length }))
  const system = e.role === 'system'
  return {
    title: head,
    by: system ? t('caseEvent.system') : t('caseEvent.by', { role: roleLabel(e.role, language), actor: e.actorId }),
    change: e.from && e.from !== e.to ? t('caseEvent.change', { from: anyStatusLabel(e.from, language), to: anyStatusLabel(e.to, language) }) : null,
    details,
  }
}

/** Actions whose title needs nothing from the payload. */
const KNOWN_TITLES = new Set([
  'accept',
  'not-accept',
  'not-register',
  'void',
  'sign',
  'dispute',
  'approve-extension',
  'refuse-extension',
  'request-return',
  'approve-return',
  'refuse-return',
  'request-park',
  'approve-park',
  'refuse-park',
  'resume',
  'report-arrival',
  'handle',
  'self-handle',
  'approve-self-handle',
  'refuse-self-handle',
  'supervise',
])
