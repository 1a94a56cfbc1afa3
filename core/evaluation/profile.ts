/**
 * @module core/evaluation/profile
 * 考核设置 — a city's evaluation settings (style.md §9.12): the composite formula of each kind of object
 * (weights and how each indicator becomes a 0–100 分值), the grade edges, which sources count as 漏报 and the
 * limit for sending a check. Every default is documented here (standards.md §7.2, docs/evaluation.md); a city
 * overrides only what differs (taizhou.ts).
 */
import type { TimeLimit } from '../catalog/types.js'
import type { CaseSource } from '../case/types.js'
import type { IndicatorKey, ObjectKind } from './indicators.js'

/** 分值档 — a count at most `upTo` (inclusive; null = any larger count) scores `score`. */
export interface ScoreBand {
  readonly upTo: number | null
  readonly score: number
}

/**
 * 分值换算 — how an indicator's value becomes a 0–100 分值:
 * - `rate`: rate × 100; `inverse-rate`: (1 − rate) × 100 (lower is better), both clamped to 0–100;
 * - `bands`: a count looked up in ascending bands;
 * - `relative` / `inverse-relative`: a count placed between the smallest and largest among the objects of the
 *   same kind (largest = 100, or smallest = 100 for inverse); all equal → 100.
 */
export type Scoring =
  | { readonly kind: 'rate' }
  | { readonly kind: 'inverse-rate' }
  | { readonly kind: 'bands'; readonly bands: readonly ScoreBand[] }
  | { readonly kind: 'relative' }
  | { readonly kind: 'inverse-relative' }

/** 综合指标项 — one term of a composite: indicator, weight (percent) and scoring. */
export interface ScoreTerm {
  readonly indicator: IndicatorKey
  readonly weight: number
  readonly scoring: Scoring
}

/** 等级 — A to E. */
export type Grade = 'A' | 'B' | 'C' | 'D' | 'E'

/** 等级线 — a score at least `min` gets `grade`; checked from the first entry down. */
export interface GradeEdge {
  readonly grade: Grade
  readonly min: number
}

/** The object kinds that get a composite score: all but the city as a whole. */
export type ScoredKind = Exclude<ObjectKind, 'city'>

/** 考核设置 — everything evaluation needs to know about a city beyond the case rules. */
export interface EvaluationProfile {
  /** 综合指标值 — the formula per object kind; a kind without terms gets no score. */
  readonly composites: Readonly<Record<ScoredKind, readonly ScoreTerm[]>>
  /** Grade edges, highest first. Default A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, E below. */
  readonly grades: readonly GradeEdge[]
  /**
   * 漏报来源 — sources whose filed cases count as problems the grid's inspector missed. Default: public
   * complaints, media, department referrals and leaders' orders (people saw it before the inspector did).
   */
  readonly missedSources: readonly CaseSource[]
  /** 核查派发时限 — from a unit's feedback to 发核查. Default 1 working hour (as 受理). */
  readonly checkDispatchLimit: TimeLimit
}

const rate = { kind: 'rate' } as const
const inverseRate = { kind: 'inverse-rate' } as const

/** 数量分值档 (more is better) — UMP's 受理数 bands: ≤100 → 0, ≤300 → 40, ≤500 → 60, ≤1200 → 75, ≤2000 → 90, more → 100. */
export const WORKLOAD_BANDS: readonly ScoreBand[] = [
  { upTo: 100, score: 0 },
  { upTo: 300, score: 40 },
  { upTo: 500, score: 60 },
  { upTo: 1200, score: 75 },
  { upTo: 2000, score: 90 },
  { upTo: null, score: 100 },
]

/** 超期数分值档 (fewer is better) — UMP's department bands: ≤50 → 100, ≤100 → 90, ≤200 → 75, ≤500 → 60, ≤1000 → 40, more → 0. */
export const OVERDUE_BANDS: readonly ScoreBand[] = [
  { upTo: 50, score: 100 },
  { upTo: 100, score: 90 },
  { upTo: 200, score: 75 },
  { upTo: 500, score: 60 },
  { upTo: 1000, score: 40 },
  { upTo: null, score: 0 },
]

const REGION: readonly ScoreTerm[] = [
  { indicator: 'missedRate', weight: 10, scoring: inverseRate },
  { indicator: 'registered', weight: 20, scoring: { kind: 'inverse-relative' } },
  { indicator: 'closeRate', weight: 30, scoring: rate },
  { indicator: 'closeOnTimeRate', weight: 40, scoring: rate },
]

const UNIT: readonly ScoreTerm[] = [
  { indicator: 'handleOverdue', weight: 10, scoring: { kind: 'bands', bands: OVERDUE_BANDS } },
  { indicator: 'closeRate', weight: 30, scoring: rate },
  { indicator: 'handleOnTimeRate', weight: 30, scoring: rate },
  { indicator: 'reworkRate', weight: 30, scoring: inverseRate },
]

/** 默认综合指标公式 — standards.md §7.2 with the known bugs of the one implementation fixed (docs/evaluation.md). */
export const DEFAULT_COMPOSITES: Readonly<Record<ScoredKind, readonly ScoreTerm[]>> = {
  district: REGION,
  street: REGION,
  community: REGION,
  grid: REGION,
  unit: UNIT,
  'sub-unit': UNIT,
  team: [
    { indicator: 'orderAckOnTimeRate', weight: 30, scoring: rate },
    { indicator: 'orderArriveOnTimeRate', weight: 40, scoring: rate },
    { indicator: 'orderCompleteOnTimeRate', weight: 30, scoring: rate },
  ],
  inspector: [
    { indicator: 'validReportRate', weight: 40, scoring: rate },
    { indicator: 'missedRate', weight: 20, scoring: inverseRate },
    { indicator: 'verifyOnTimeRate', weight: 20, scoring: rate },
    { indicator: 'checkOnTimeRate', weight: 20, scoring: rate },
  ],
  receiver: [
    { indicator: 'accepted', weight: 25, scoring: { kind: 'bands', bands: WORKLOAD_BANDS } },
    { indicator: 'verifySentOnTimeRate', weight: 40, scoring: rate },
    { indicator: 'checkSentOnTimeRate', weight: 35, scoring: rate },
  ],
  'shift-leader': [
    { indicator: 'registerOnTimeRate', weight: 25, scoring: rate },
    { indicator: 'registerAccuracyRate', weight: 40, scoring: rate },
    { indicator: 'closeActOnTimeRate', weight: 35, scoring: rate },
  ],
  dispatcher: [
    { indicator: 'dispatched', weight: 20, scoring: { kind: 'bands', bands: WORKLOAD_BANDS } },
    { indicator: 'dispatchOnTimeRate', weight: 40, scoring: rate },
    { indicator: 'dispatchAccuracyRate', weight: 40, scoring: rate },
  ],
}

/** 默认等级线 — UMP `getRatingLevel`: A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, else E. */
export const DEFAULT_GRADES: readonly GradeEdge[] = [
  { grade: 'A', min: 90 },
  { grade: 'B', min: 75 },
  { grade: 'C', min: 60 },
  { grade: 'D', min: 40 },
  { grade: 'E', min: Number.NEGATIVE_INFINITY },
]

/** 默认考核设置 — the defaults above; `overrides` replace whole fields (composites per kind). */
export function evaluationProfile(
  overrides: Partial<Omit<EvaluationProfile, 'composites'>> & {
    readonly composites?: Partial<Record<ScoredKind, readonly ScoreTerm[]>>
  } = {},
): EvaluationProfile {
  const { composites, ...rest } = overrides
  return {
    grades: DEFAULT_GRADES,
    missedSources: ['public', 'media', 'department', 'leader'],
    checkDispatchLimit: { amount: 1, unit: 'working-hours' },
    ...rest,
    composites: { ...DEFAULT_COMPOSITES, ...composites },
  }
}
