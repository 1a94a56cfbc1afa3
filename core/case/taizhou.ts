/**
 * @module core/case/taizhou
 * 泰州 — the case-loop rules of 泰州市区 under the 泰州市数字化城市管理办法 (2024, in force 2025-01-01 to
 * 2029-12-31). Only what differs from profile.ts's defaults is set here, each with the article it follows.
 * Unchanged on purpose: the 2-hour arrival for the four safety hazards (第9条第二款) is already the default.
 */
import type { CaseRules } from './profile.js'
import { caseRules } from './profile.js'

/** 泰州规则 — Taizhou's overrides on the defaults; `overrides` (tests, a staging setup) win over both. */
export function taizhouRules(overrides: Partial<CaseRules> = {}): CaseRules {
  return caseRules({
    // 第9条第三款: the center runs a 快速处置 mechanism for hazards with no responsible unit, funded by the
    // city budget — so rapid handling (with its cost record) is on.
    rapidHandling: true,
    ...overrides,
  })
}
