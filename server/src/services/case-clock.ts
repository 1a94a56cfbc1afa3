import type { CaseRules } from '../../../core/case/profile.js'
import { caseLight, light } from '../../../core/case/lights.js'
import type { CaseStage, CaseState } from '../../../core/case/types.js'
import { CASE_STAGES } from '../../../core/case/types.js'
import { addWorkingMs, elapsedOnClock } from '../../../core/time/calendar.js'

/** What the case row stores about its clocks: the worst light now, its stage, and when to look again. */
export interface CaseClockView {
  readonly light: 'green' | 'yellow' | 'red' | 'none'
  readonly stage: CaseStage | null
  /** The next instant a light can change (a stage turns yellow or red); null when nothing runs or the case is parked. */
  readonly nextCheckAt: Date | null
}

// The sweep looks a second after the computed instant: at the exact instant rounding may leave the share a
// hair under the threshold, and the sweep would only reschedule.
const MARGIN_MS = 1_000

/**
 * 亮灯与下次检查 — the case's light at `now` (core's caseLight) and the next instant any running stage changes
 * colour, so the deadline sweep reads only cases that are due instead of every open case.
 */
export function caseClock(state: CaseState, now: Date, rules: CaseRules): CaseClockView {
  const current = caseLight(state, now, rules)
  if (!current) return { light: 'none', stage: null, nextCheckAt: null }
  // Parked: every clock is suspended until 挂账恢复, which recomputes this.
  if (state.parkedSince) return { light: current.light, stage: current.stage, nextCheckAt: null }
  let next = Infinity
  for (const stage of CASE_STAGES) {
    const clock = state.stages[stage]
    if (!clock || clock.endedAt) continue
    const options = { yellowShare: rules.yellowShare, suspensions: state.suspensions }
    const l = light(clock, now, rules.calendar, options)
    if (l === 'red') continue
    const deadline = Date.parse(clock.deadline)
    next = Math.min(next, deadline + MARGIN_MS)
    if (l === 'green') {
      const unit = clock.limit.unit
      const start = new Date(clock.startedAt)
      const total = elapsedOnClock(start, new Date(deadline), unit, rules.calendar, state.suspensions)
      const left = rules.yellowShare * total - elapsedOnClock(start, now, unit, rules.calendar, state.suspensions)
      const yellowAt = unit === 'natural-hours' ? +now + left : +addWorkingMs(now, left, rules.calendar)
      next = Math.min(next, Math.max(+now, yellowAt) + MARGIN_MS)
    }
  }
  return { light: current.light, stage: current.stage, nextCheckAt: Number.isFinite(next) ? new Date(next) : null }
}
