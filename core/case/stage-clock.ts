/**
 * @module core/case/stage-clock
 * 环节计时 — starting, ending and shifting the per-stage clocks of a case. A stage's on-time flag is decided
 * once, when it ends, so evaluation (按时立案 / 按期处置 / 按时核查 …) reads stored facts, not recomputations.
 */
import type { TimeLimit } from '../catalog/types.js'
import { addWorkingTime, shiftDeadline } from '../time/calendar.js'
import type { CaseRules } from './profile.js'
import type { CaseStage, CaseState, StageClock, Suspension } from './types.js'

type Stages = CaseState['stages']

/** 环节时限 — the limit a stage runs on for this case, or undefined when the stage does not apply. */
export function stageLimit(stage: CaseStage, state: CaseState, rules: CaseRules): TimeLimit | undefined {
  if (stage === 'handle') return state.handleLimit
  // 第9条: only the four safety hazards have an arrival deadline, and only until arrival is reported.
  if (stage === 'on-site') return state.safetyHazard && !state.onSite ? rules.onSiteLimit : undefined
  return rules.stageLimits[stage]
}

/** 开始环节 — (re)starts each stage at `now` with a fresh deadline; stages that do not apply are skipped. */
export function startStages(
  stages: Stages,
  which: readonly CaseStage[],
  state: CaseState,
  now: Date,
  rules: CaseRules,
): Stages {
  if (which.length === 0) return stages
  const next: Partial<Record<CaseStage, StageClock>> = { ...stages }
  for (const stage of which) {
    const limit = stageLimit(stage, state, rules)
    if (!limit) continue
    next[stage] = {
      startedAt: now.toISOString(),
      deadline: addWorkingTime(now, limit, rules.calendar).toISOString(),
      limit,
    }
  }
  return next
}

/** 结束环节 — ends each running stage at `now` and records whether it was on time; ended stages stay as they were. */
export function endStages(stages: Stages, which: readonly CaseStage[], now: Date): Stages {
  if (which.length === 0) return stages
  const next: Partial<Record<CaseStage, StageClock>> = { ...stages }
  for (const stage of which) {
    const clock = next[stage]
    if (!clock || clock.endedAt) continue
    next[stage] = { ...clock, endedAt: now.toISOString(), onTime: +now <= Date.parse(clock.deadline) }
  }
  return next
}

/** 删除环节 — drops stage clocks that no longer apply (a returned case's sign / handle / on-site clocks). */
export function dropStages(stages: Stages, which: readonly CaseStage[]): Stages {
  const next: Partial<Record<CaseStage, StageClock>> = { ...stages }
  for (const stage of which) delete next[stage]
  return next
}

/** 挂账顺延 — moves the deadline of every running stage by the parked interval (the clock was suspended). */
export function shiftRunningStages(stages: Stages, suspension: Suspension, rules: CaseRules): Stages {
  const next: Partial<Record<CaseStage, StageClock>> = { ...stages }
  for (const [stage, clock] of Object.entries(stages) as Array<[CaseStage, StageClock]>) {
    if (clock.endedAt) continue
    const deadline = shiftDeadline(new Date(clock.deadline), suspension, clock.limit.unit, rules.calendar)
    next[stage] = { ...clock, deadline: deadline.toISOString() }
  }
  return next
}

/** 延期 — adds an approved extension to the running handle stage, on the extension's own clock. */
export function extendStage(stages: Stages, stage: CaseStage, extra: TimeLimit, rules: CaseRules): Stages {
  const clock = stages[stage]
  if (!clock || clock.endedAt) return stages
  const deadline = addWorkingTime(new Date(clock.deadline), extra, rules.calendar)
  return { ...stages, [stage]: { ...clock, deadline: deadline.toISOString() } }
}
