/**
 * @module core/evaluation/taizhou
 * 泰州考核设置 — the evaluation settings of 泰州市区 under 泰州办法 第12条: the center evaluates the units'
 * 案件处置 **and 调度响应** regularly, by the standards. Only what differs from profile.ts's defaults is set.
 */
import type { EvaluationProfile, ScoreTerm } from './profile.js'
import { DEFAULT_COMPOSITES, evaluationProfile } from './profile.js'

/**
 * 泰州责任单位公式 — 第12条 names 调度响应 beside 案件处置, and the default (UMP) department formula has no
 * response term. Taizhou's takes 15 points from the three 30% terms for it: 按时到场率 of the 第9条 safety
 * hazards (10) and 指令按时签收率 of command-mode orders (5). A unit without hazards or orders in the period is
 * scored on the rest, re-weighted (score.ts). The split is our reading [?]; the city can change it here.
 */
const TAIZHOU_UNIT: readonly ScoreTerm[] = [
  { indicator: 'handleOverdue', weight: 10, scoring: (DEFAULT_COMPOSITES.unit[0] as ScoreTerm).scoring },
  { indicator: 'closeRate', weight: 25, scoring: { kind: 'rate' } },
  { indicator: 'handleOnTimeRate', weight: 25, scoring: { kind: 'rate' } },
  { indicator: 'reworkRate', weight: 25, scoring: { kind: 'inverse-rate' } },
  { indicator: 'arrivalOnTimeRate', weight: 10, scoring: { kind: 'rate' } },
  { indicator: 'orderAckOnTimeRate', weight: 5, scoring: { kind: 'rate' } },
]

/** 泰州考核设置 — Taizhou's overrides on the defaults; `overrides` (tests, staging) win over both. */
export function taizhouEvaluationProfile(
  overrides: Parameters<typeof evaluationProfile>[0] = {},
): EvaluationProfile {
  return evaluationProfile({
    ...overrides,
    composites: { unit: TAIZHOU_UNIT, 'sub-unit': TAIZHOU_UNIT, ...overrides.composites },
  })
}
