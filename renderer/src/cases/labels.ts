/**
 * @module renderer/cases/labels
 * Display helpers of the case UI: the domain's own zh/en labels (core/case/labels.ts, core/case/phase.ts —
 * never duplicated in the catalogues), countdowns, a ticking clock and contact masking.
 */
import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'
import type { Language, LightColor, TimeLimitValue } from '../../../contracts/bridge/index.js'
import {
  ACTION_LABELS,
  ARBITRATE_LABELS,
  CHECK_OUTCOME_LABELS,
  ROLE_LABELS,
  SOURCE_LABELS,
  STAGE_LABELS,
  STATUS_LABELS,
  type Label,
} from '../../../core/case/labels.js'
import { PHASE_LABELS, type CasePhase } from '../../../core/case/phase.js'
import type { ArbitrateDecision, CaseAction, CaseSource, CaseStage, CaseStatus, CheckOutcome, Role } from '../../../core/case/types.js'

type Translate = (key: string, values?: Record<string, unknown>) => string

/** The label in the UI language. */
export function pick(label: Label | undefined, language: Language, fallback = ''): string {
  if (!label) return fallback
  return language === 'en' ? label.en : label.zh
}

export const statusLabel = (s: CaseStatus, l: Language) => pick(STATUS_LABELS[s], l, s)
export const phaseLabel = (p: CasePhase, l: Language) => pick(PHASE_LABELS[p], l, p)
export const actionLabel = (a: CaseAction | 'create', l: Language, t: Translate) =>
  a === 'create' ? t('cases.create') : pick(ACTION_LABELS[a], l, a)
/** 派遣 of a case a unit already holds is 改派 (第9条 missed arrival): the same action, named for what it does. */
export const actionOnCaseLabel = (a: CaseAction, record: { readonly assignedUnitId: string | null }, l: Language, t: Translate) =>
  a === 'dispatch' && record.assignedUnitId ? pick(ARBITRATE_LABELS.redispatch, l) : actionLabel(a, l, t)
export const roleLabel = (r: Role | string, l: Language) => pick(ROLE_LABELS[r as Role], l, r)
export const sourceLabel = (s: CaseSource, l: Language) => pick(SOURCE_LABELS[s], l, s)
export const stageLabel = (s: CaseStage | string, l: Language) => pick(STAGE_LABELS[s as CaseStage], l, s)
export const outcomeLabel = (o: CheckOutcome, l: Language) => pick(CHECK_OUTCOME_LABELS[o], l, o)
export const decisionLabel = (d: ArbitrateDecision, l: Language) => pick(ARBITRATE_LABELS[d], l, d)

/** A status (or event type) that may be any string from the wire. */
export function anyStatusLabel(s: string | null, l: Language): string {
  if (!s) return '—'
  return s in STATUS_LABELS ? statusLabel(s as CaseStatus, l) : s
}

/** Colour of each phase: the map's own (case-style.ts), so list tags and map points agree. */
export { PHASE_COLORS } from './map/case-style.js'

/** Colour of each light. */
export const LIGHT_COLORS: Readonly<Record<LightColor, string>> = {
  green: '#22c55e',
  yellow: '#facc15',
  red: '#ef4444',
  none: '#64748b',
}

/** '2 工作时' / '2 working h'. */
export function limitText(t: Translate, limit: TimeLimitValue | null | undefined): string {
  return limit ? t(`timeUnit.${limit.unit}`, { n: limit.amount }) : '—'
}

/** A span of time as days/hours/minutes ('1天3时', '2h 05m', '45m 10s'). */
export function durationText(t: Translate, ms: number): string {
  const s = Math.floor(Math.abs(ms) / 1000)
  const d = Math.floor(s / 86400)
  const h = Math.floor((s % 86400) / 3600)
  const m = Math.floor((s % 3600) / 60)
  if (d > 0) return t('cases.duration.dh', { a: d, b: h })
  if (h > 0) return t('cases.duration.hm', { a: h, b: String(m).padStart(2, '0') })
  return t('cases.duration.ms', { a: m, b: String(s % 60).padStart(2, '0') })
}

/** "剩 2时05分" / "超时 1天3时" for a deadline, or '' without one; `compact` (lists): "2时05分" / "超 1天3时". */
export function countdownText(t: Translate, deadline: string | null, now: number, compact = false): string {
  if (!deadline) return ''
  const left = Date.parse(deadline) - now
  if (Number.isNaN(left)) return ''
  const time = durationText(t, left)
  if (compact) return left >= 0 ? time : t('cases.countdown.overdueShort', { time })
  return left >= 0 ? t('cases.countdown.left', { time }) : t('cases.countdown.overdue', { time })
}

/** A clock that ticks every `ms` while the component is mounted. */
export function useNow(ms = 1000): Ref<number> {
  const now = ref(Date.now())
  let timer: ReturnType<typeof setInterval> | undefined
  onMounted(() => (timer = setInterval(() => (now.value = Date.now()), ms)))
  onBeforeUnmount(() => clearInterval(timer))
  return now
}

/** 138****5678 — a contact shown masked unless the operator reveals it; already-masked values pass through. */
export function maskContact(contact: string): string {
  if (contact.includes('*')) return contact
  const digits = contact.replace(/\s/g, '')
  if (digits.length <= 4) return '****'
  if (digits.length <= 7) return `${digits.slice(0, 1)}***${digits.slice(-2)}`
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`
}
