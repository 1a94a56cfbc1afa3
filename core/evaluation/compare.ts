/**
 * @module core/evaluation/compare
 * 同比 / 环比 — an evaluation set beside another: per object and indicator the change in value, and the score
 * and rank change. 环比 compares with {@link previousPeriod}, 同比 with {@link samePeriodLastYear} (period.ts);
 * both sides are evaluated in one pass (createEvaluator takes several periods).
 */
import type { Evaluation, EvaluatedObject } from './evaluate.js'
import type { IndicatorKey, ObjectKind } from './indicators.js'
import { INDICATOR, OBJECT_KINDS } from './indicators.js'

/** 变化 — one indicator now and in the base period. */
export interface Change {
  readonly current: number | null
  readonly base: number | null
  /** current − base (points of a rate are the difference of the two rates); null when either is missing. */
  readonly delta: number | null
  /** delta ÷ base (增长率); null when the base is 0 or missing. */
  readonly ratio: number | null
  /** Whether the change is an improvement, by the indicator's direction; 'same' when equal or neutral. */
  readonly trend: 'better' | 'worse' | 'same' | null
}

/** 对象变化 — one object's changes; objects present in only one period compare against null. */
export interface ObjectComparison {
  readonly kind: ObjectKind
  readonly id: string
  readonly score: Change
  readonly rank: { readonly current: number | null; readonly base: number | null }
  readonly figures: Readonly<Partial<Record<IndicatorKey, Change>>>
}

function change(current: number | null, base: number | null, better: 'higher' | 'lower' | 'neutral'): Change {
  const delta = current !== null && base !== null ? current - base : null
  const ratio = delta !== null && base !== null && base !== 0 ? delta / base : null
  const trend =
    delta === null
      ? null
      : delta === 0 || better === 'neutral'
        ? 'same'
        : delta > 0 === (better === 'higher')
          ? 'better'
          : 'worse'
  return { current, base, delta, ratio, trend }
}

/** 对比 — `current` against `base` (环比: the previous period; 同比: last year's), object by object. */
export function compareEvaluations(current: Evaluation, base: Evaluation): ObjectComparison[] {
  const out: ObjectComparison[] = []
  for (const kind of OBJECT_KINDS) {
    const before = new Map(base.objects[kind].map((o) => [o.id, o]))
    const now = new Map(current.objects[kind].map((o) => [o.id, o]))
    const ids = [...now.keys(), ...[...before.keys()].filter((id) => !now.has(id))]
    for (const id of ids) {
      const a: EvaluatedObject | undefined = now.get(id)
      const b: EvaluatedObject | undefined = before.get(id)
      const figures: Partial<Record<IndicatorKey, Change>> = {}
      const keys = new Set([
        ...Object.keys(a?.figures ?? {}),
        ...Object.keys(b?.figures ?? {}),
      ]) as Set<IndicatorKey>
      for (const key of keys)
        figures[key] = change(
          a?.figures[key]?.value ?? null,
          b?.figures[key]?.value ?? null,
          INDICATOR[key].better,
        )
      out.push({
        kind,
        id,
        score: change(a?.score ?? null, b?.score ?? null, 'higher'),
        rank: { current: a?.rank ?? null, base: b?.rank ?? null },
        figures,
      })
    }
  }
  return out
}
