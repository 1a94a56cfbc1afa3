/**
 * @module renderer/cases/map/case-filter
 * 筛选拆分 — a {@link CaseFilter} in two parts. The bridge answers the part only it can (status, category,
 * source, unit, text, dates, box); the map applies the rest itself — 环节 (phase), 亮灯 (light), 仅安全隐患
 * and the playback window — in one pass over typed arrays, so toggling a phase or stepping playback never
 * goes back to the bridge (a million cases: a few milliseconds). The same predicate main/ applies
 * (main/cases/case-index.ts match): an absent list admits everything, an empty one nothing.
 */
import { CASE_PHASES, type CasePhase } from '../../../../core/case/phase.js'
import type { CaseFilter, LightColor } from '../../../../contracts/bridge/index.js'
import { LIGHTS, MINUTE, type CaseData } from './case-data.js'

/** What the map filters itself: bit k of `phases` admits CASE_PHASES[k], of `lights` admits LIGHTS[k]. */
export interface LocalFilter {
  readonly phases: number
  readonly lights: number
  readonly hazardOnly: boolean
}

/** A playback window, epoch ms: cases created in [from, to). */
export interface PlaybackWindow {
  readonly from: number
  readonly to: number
}

/**
 * The filter narrowed to a playback window: the created-between range becomes its intersection with the window
 * (both [from, to)), so the case list shows the frame the map shows. Without a window, the filter as it is.
 */
export function withPlayback(filter: CaseFilter, window: PlaybackWindow | null): CaseFilter {
  if (!window) return filter
  const from = Math.max(window.from, filter.from ? Date.parse(filter.from) : -Infinity)
  const to = Math.min(window.to, filter.to ? Date.parse(filter.to) : Infinity)
  // An empty intersection stays empty (from = to admits nothing).
  return { ...filter, from: new Date(from).toISOString(), to: new Date(Math.max(from, to)).toISOString() }
}

/** A playback window in whole minutes since {@link CaseData.base}: [from, to). */
export interface MinuteWindow {
  readonly from: number
  readonly to: number
}

const ALL_PHASES = (1 << CASE_PHASES.length) - 1
const CLOSED = CASE_PHASES.indexOf('closed')
const ENDED = CASE_PHASES.indexOf('ended')
const ALL_LIGHTS = (1 << LIGHTS.length) - 1

/** Admits every case. */
export const NO_LOCAL_FILTER: LocalFilter = { phases: ALL_PHASES, lights: ALL_LIGHTS, hazardOnly: false }

/** Splits a filter into what the bridge is asked (`server`) and what the map applies (`local`). */
export function splitFilter(filter: CaseFilter): { readonly server: CaseFilter; readonly local: LocalFilter } {
  const { phases, lights, hazardOnly, ...server } = filter
  return {
    server,
    local: {
      phases: phases ? mask(phases, CASE_PHASES) : ALL_PHASES,
      lights: lights ? mask(lights, LIGHTS) : ALL_LIGHTS,
      hazardOnly: hazardOnly === true,
    },
  }
}

function mask<T extends string>(values: readonly T[], order: readonly T[]): number {
  let bits = 0
  for (const v of values) {
    const k = order.indexOf(v)
    if (k >= 0) bits |= 1 << k
  }
  return bits
}

/** A stable key of the bridge's part: two filters with the same key get the same columns. */
export function serverKey(server: CaseFilter): string {
  const entries = Object.entries(server)
    .filter(([, v]) => v !== undefined && !(typeof v === 'string' && v === ''))
    .map(([k, v]) => [k, Array.isArray(v) && k !== 'bbox' ? [...(v as string[])].sort() : v] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return JSON.stringify(entries)
}

/** The phases a local filter admits (for the legend and tests). */
export function phasesOf(local: LocalFilter): CasePhase[] {
  return CASE_PHASES.filter((_, k) => local.phases & (1 << k))
}

/** The lights a local filter admits. */
export function lightsOf(local: LocalFilter): LightColor[] {
  return LIGHTS.filter((_, k) => local.lights & (1 << k))
}

/**
 * A playback window in whole minutes of `base`: a case is inside when its minute m satisfies from ≤ m < to.
 * Exact for windows on whole minutes (playback steps are days), otherwise to the minute.
 */
export function minuteWindow(window: PlaybackWindow | null, base: number): MinuteWindow | null {
  if (!window) return null
  return { from: Math.ceil((window.from - base) / MINUTE), to: Math.ceil((window.to - base) / MINUTE) }
}

/** Whether case i passes the local filter and the window. */
export function caseMatches(data: CaseData, i: number, local: LocalFilter, window: MinuteWindow | null): boolean {
  if (!(local.phases & (1 << data.phase[i]!))) return false
  if (!(local.lights & (1 << data.light[i]!))) return false
  if (local.hazardOnly && !data.hazard[i]) return false
  if (window) {
    const m = data.minute[i]!
    if (m < window.from || m >= window.to) return false
  }
  return true
}

/** What the filter leaves: the indices shown, those in the filter whatever the window, and the hazards shown. */
export interface Selection {
  /** Indices of the cases shown (filter and window), ascending. */
  readonly shown: Uint32Array
  /** Cases passing the filter, window aside. */
  readonly matching: number
  /** Open safety hazards among the shown (closed and ended ones are history). */
  readonly hazards: number
}

/** One pass over the columns (about 5 ms per million cases). */
export function selectCases(data: CaseData, local: LocalFilter, window: MinuteWindow | null): Selection {
  const out = new Uint32Array(data.size)
  let shown = 0
  let matching = 0
  let hazards = 0
  for (let i = 0; i < data.size; i++) {
    if (!caseMatches(data, i, local, null)) continue
    matching++
    if (window) {
      const m = data.minute[i]!
      if (m < window.from || m >= window.to) continue
    }
    out[shown++] = i
    if (data.hazard[i] && data.phase[i] !== CLOSED && data.phase[i] !== ENDED) hazards++
  }
  return { shown: out.slice(0, shown), matching, hazards }
}

/**
 * The hazards among `indices` that stay single on the map: 'open' = not closed or ended, 'awaiting' = also
 * still waiting for someone on site (a 到场 deadline). At most `limit`: past it the most urgent are kept —
 * overdue first, then the soonest deadline, then red before yellow. In index order.
 */
export function urgentHazards(data: CaseData, indices: ArrayLike<number>, which: 'open' | 'awaiting', limit: number): Uint32Array {
  const found: number[] = []
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k]!
    if (!data.hazard[i]) continue
    const phase = data.phase[i]!
    if (phase === CLOSED || phase === ENDED) continue
    if (which === 'awaiting' && !data.onSiteDeadline[i]) continue
    found.push(i)
  }
  if (found.length > limit) {
    const key = (i: number) => (data.onSiteDeadline[i] ? data.onSiteDeadline[i]! : Number.MAX_SAFE_INTEGER - data.light[i]!)
    found.sort((a, b) => key(a) - key(b))
    found.length = limit
    found.sort((a, b) => a - b)
  }
  return Uint32Array.from(found)
}
