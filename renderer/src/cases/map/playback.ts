/**
 * @module renderer/cases/map/playback
 * 时间回放 — the frames of a playback over the cases' createdAt span: a day or a week per step, shown either
 * cumulatively (everything created since the start) or as a sliding window (the step's own days). Frames end
 * on local midnights, so a frame is a whole calendar day or week. Pure.
 */
import type { PlaybackWindow } from './case-filter.js'

/** Step of a playback. */
export type PlaybackStep = 'day' | 'week'

/** Milliseconds per day. */
export const DAY = 86_400_000

/** Days per step. */
export const STEP_DAYS: Readonly<Record<PlaybackStep, number>> = { day: 1, week: 7 }

/** Local midnight at or before `t` (epoch ms). */
export function startOfDay(t: number): number {
  const d = new Date(t)
  d.setHours(0, 0, 0, 0)
  return d.getTime()
}

/** Local midnight `days` calendar days after the midnight `t` (DST-safe: by calendar, not by 24 h). */
export function addDays(t: number, days: number): number {
  const d = new Date(t)
  d.setDate(d.getDate() + days)
  d.setHours(0, 0, 0, 0)
  return d.getTime()
}

/** A playback's frames: the first frame starts at the span's first midnight; the last one holds the span's end. */
export interface PlaybackFrames {
  /** Local midnight the playback starts on. */
  readonly start: number
  /** End (exclusive) of each frame, ascending: `ends[k]` is the end of frame k. */
  readonly ends: readonly number[]
}

/** The frames of a span (epoch ms, inclusive) at a step; none for an empty span. */
export function playbackFrames(span: { readonly from: number; readonly to: number } | null, step: PlaybackStep): PlaybackFrames {
  if (!span || !(span.to >= span.from)) return { start: 0, ends: [] }
  const start = startOfDay(span.from)
  const ends: number[] = []
  let end = start
  // The last frame ends after the span's last case; a year of days is 365 frames, so no limit is needed.
  do {
    end = addDays(end, STEP_DAYS[step])
    ends.push(end)
  } while (end <= span.to)
  return { start, ends }
}

/** The window of frame `index`: from the start (cumulative) or the frame's own step (sliding), to its end. */
export function frameWindow(frames: PlaybackFrames, index: number, step: PlaybackStep, cumulative: boolean): PlaybackWindow | null {
  if (!frames.ends.length) return null
  const k = Math.max(0, Math.min(frames.ends.length - 1, Math.floor(index)))
  const to = frames.ends[k]!
  return { from: cumulative ? frames.start : Math.max(frames.start, addDays(to, -STEP_DAYS[step])), to }
}

/** The frame holding the instant `t` (the first or last one outside the span). */
export function frameAt(frames: PlaybackFrames, t: number): number {
  const k = frames.ends.findIndex((end) => t < end)
  return k < 0 ? Math.max(0, frames.ends.length - 1) : k
}
