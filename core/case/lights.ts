/**
 * @module core/case/lights
 * 红黄绿灯 — how close a stage is to its deadline (standards.md §6: yellow when nearly due, red when overdue).
 * The share consumed is measured on the limit's own clock, so a working-hours limit does not turn yellow over a
 * weekend, and parked time (past and ongoing) never counts.
 */
import type { TimeLimit } from '../catalog/types.js'
import type { Interval, WorkCalendar } from '../time/calendar.js'
import { elapsedOnClock, shiftDeadline } from '../time/calendar.js'
import type { CaseRules } from './profile.js'
import { statusGroup } from './status.js'
import type { CaseStage, CaseState } from './types.js'
import { CASE_STAGES } from './types.js'

/** 灯 — green (in time), yellow (≥ the yellow share of the limit consumed), red (overdue). */
export type Light = 'green' | 'yellow' | 'red'

/** 计时输入 — a running stage: when it started, its deadline and the clock of its limit. */
export interface LightClock {
  readonly startedAt: string | Date
  readonly deadline: string | Date
  readonly limit: TimeLimit
}

/** 灯选项 — the yellow share (default 0.8), past suspensions and an ongoing park. */
export interface LightOptions {
  readonly yellowShare?: number
  /** Parked intervals already folded into the deadline (`CaseState.suspensions`). */
  readonly suspensions?: readonly Interval[]
  /** Set while parked: the time since then counts on no clock and moves the deadline with it. */
  readonly parkedSince?: string | Date
}

/** 亮灯 — the light of one running stage at `now`. Red means `now` is past the (park-adjusted) deadline. */
export function light(clock: LightClock, now: Date, cal: WorkCalendar, options: LightOptions = {}): Light {
  const { yellowShare = 0.8, suspensions = [], parkedSince } = options
  const unit = clock.limit.unit
  const start = new Date(clock.startedAt)
  let deadline = new Date(clock.deadline)
  const all: Interval[] = [...suspensions]
  if (parkedSince !== undefined && +new Date(parkedSince) < +now) {
    const ongoing = { from: parkedSince, to: now }
    deadline = shiftDeadline(deadline, ongoing, unit, cal)
    all.push(ongoing)
  }
  if (+now > +deadline) return 'red'
  const total = elapsedOnClock(start, deadline, unit, cal, all)
  if (total <= 0) return 'green'
  return elapsedOnClock(start, now, unit, cal, all) / total >= yellowShare ? 'yellow' : 'green'
}

const RANK: Readonly<Record<Light, number>> = { green: 0, yellow: 1, red: 2 }

/** 案卷亮灯 — the worst light over the case's running stages, and which stage it is; undefined when none runs. */
export function caseLight(
  state: CaseState,
  now: Date,
  rules: CaseRules,
): { readonly light: Light; readonly stage: CaseStage } | undefined {
  if (statusGroup(state.status) === 'closed') return undefined
  let worst: { light: Light; stage: CaseStage } | undefined
  for (const stage of CASE_STAGES) {
    const clock = state.stages[stage]
    if (!clock || clock.endedAt) continue
    const l = light(clock, now, rules.calendar, {
      yellowShare: rules.yellowShare,
      suspensions: state.suspensions,
      ...(state.parkedSince ? { parkedSince: state.parkedSince } : {}),
    })
    if (!worst || RANK[l] > RANK[worst.light]) worst = { light: l, stage }
  }
  return worst
}
