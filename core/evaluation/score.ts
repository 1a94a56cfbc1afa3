/**
 * @module core/evaluation/score
 * 综合指标值 / 等级 / 排名 — turns an object's figures into 分值 (0–100) per term of its kind's formula, the
 * weighted composite, a grade A–E and a rank among the objects of the same kind (standards.md §7.2).
 */
import type { EvaluatedObject, Figure } from './evaluate.js'
import type { IndicatorKey, ObjectKind } from './indicators.js'
import type { EvaluationProfile, Grade, GradeEdge, ScoreBand, ScoreTerm, ScoredKind } from './profile.js'

/** 分值项 — one term as scored: the indicator's value, its 分值 and the weight it counted with. */
export interface ScorePart {
  readonly indicator: IndicatorKey
  readonly value: number
  readonly points: number
  /** The term's weight (percent of the formula); terms without a value are left out and the rest re-weighted. */
  readonly weight: number
}

type Unscored = Pick<EvaluatedObject, 'kind' | 'id' | 'figures'>

const clamp = (x: number): number => Math.min(100, Math.max(0, x))
/** Scores are compared and graded at 0.01, so float noise never splits a tie or moves a grade edge. */
const round2 = (x: number): number => Math.round(x * 100) / 100

/** 档位分值 — the score of `value` in ascending bands. */
export function bandScore(value: number, bands: readonly ScoreBand[]): number {
  for (const b of bands) if (b.upTo === null || value <= b.upTo) return b.score
  return 0
}

/** 等级 — the first grade whose edge the score reaches. */
export function gradeOf(score: number, edges: readonly GradeEdge[]): Grade {
  for (const e of edges) if (score >= e.min) return e.grade
  return edges[edges.length - 1]?.grade ?? 'E'
}

/**
 * 综合评分 — scores, grades and ranks the objects of one kind. A term whose figure has no value (a rate with
 * nothing to divide by) is left out and the others are re-weighted to their total, so an inspector who got no
 * 核实 task is judged on the rest; with no term left the object gets no score and no rank.
 */
export function scoreObjects(
  kind: ObjectKind,
  objects: readonly Unscored[],
  profile: EvaluationProfile,
): EvaluatedObject[] {
  const terms: readonly ScoreTerm[] = kind === 'city' ? [] : profile.composites[kind as ScoredKind]
  // Relative scorings need the spread of the indicator over the objects of this kind.
  const spread = new Map<IndicatorKey, { min: number; max: number }>()
  for (const t of terms) {
    if (t.scoring.kind !== 'relative' && t.scoring.kind !== 'inverse-relative') continue
    const values = objects
      .map((o) => o.figures[t.indicator]?.value)
      .filter((v): v is number => typeof v === 'number')
    if (values.length) spread.set(t.indicator, { min: Math.min(...values), max: Math.max(...values) })
  }
  const scored = objects.map((o) => {
    const parts: ScorePart[] = []
    for (const t of terms) {
      const value = (o.figures[t.indicator] as Figure | undefined)?.value
      if (typeof value !== 'number') continue
      parts.push({
        indicator: t.indicator,
        value,
        points: round2(points(t, value, spread)),
        weight: t.weight,
      })
    }
    const total = parts.reduce((s, p) => s + p.weight, 0)
    const score = total > 0 ? round2(parts.reduce((s, p) => s + p.points * p.weight, 0) / total) : null
    return { ...o, score, grade: score === null ? null : gradeOf(score, profile.grades), parts }
  })
  scored.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  // Competition ranking: equal scores share a rank, the next rank skips (1, 1, 3).
  let rank = 0
  return scored.map((o, i) => {
    if (o.score === null) return { ...o, rank: null }
    if (i === 0 || o.score !== scored[i - 1]?.score) rank = i + 1
    return { ...o, rank }
  })
}

function points(
  t: ScoreTerm,
  value: number,
  spread: ReadonlyMap<IndicatorKey, { min: number; max: number }>,
): number {
  const s = t.scoring
  switch (s.kind) {
    case 'rate':
      return clamp(value * 100)
    case 'inverse-rate':
      return clamp(100 - value * 100)
    case 'bands':
      return bandScore(value, s.bands)
    case 'relative':
    case 'inverse-relative': {
      const { min, max } = spread.get(t.indicator) ?? { min: value, max: value }
      if (max === min) return 100
      const share = (value - min) / (max - min)
      return clamp(100 * (s.kind === 'relative' ? share : 1 - share))
    }
  }
}
