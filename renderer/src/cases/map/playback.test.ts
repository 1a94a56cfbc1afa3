/* eslint-disable no-restricted-imports -- a Node test (node:test, node:assert), never part of the UI bundle */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { PlaybackWindow } from './case-filter.js'
import { addDays, DAY, frameAt, frameWindow, playbackFrames, startOfDay } from './playback.js'

// Local midnights, whatever the machine's zone (the playback steps on the operator's calendar days).
const midnight = (y: number, m: number, d: number) => new Date(y, m - 1, d).getTime()

test('frames step a day at a time from the first midnight past the span end', () => {
  const from = midnight(2026, 3, 1) + 9.5 * 3_600_000
  const to = midnight(2026, 3, 4) + 0.2 * 3_600_000
  const frames = playbackFrames({ from, to }, 'day')
  assert.equal(frames.start, midnight(2026, 3, 1))
  assert.deepEqual(frames.ends, [midnight(2026, 3, 2), midnight(2026, 3, 3), midnight(2026, 3, 4), midnight(2026, 3, 5)])
  // Every case of the span lies in exactly one sliding day.
  for (const t of [from, to, midnight(2026, 3, 2), midnight(2026, 3, 3) - 1]) {
    const windows: PlaybackWindow[] = frames.ends.map((_, k) => frameWindow(frames, k, 'day', false)!)
    const inside = windows.filter((w) => t >= w.from && t < w.to)
    assert.equal(inside.length, 1, new Date(t).toString())
  }
})

test('a span ending exactly on a midnight still gets the frame holding that instant', () => {
  const frames = playbackFrames({ from: midnight(2026, 3, 1), to: midnight(2026, 3, 3) }, 'day')
  assert.equal(frames.ends.at(-1), midnight(2026, 3, 4))
})

test('weekly frames, cumulative and sliding windows', () => {
  const frames = playbackFrames({ from: midnight(2026, 1, 1), to: midnight(2026, 3, 31) + 3_600_000 }, 'week')
  assert.equal(frames.ends.length, 13)
  const sliding = frameWindow(frames, 4, 'week', false)!
  assert.equal(sliding.to, midnight(2026, 2, 5))
  assert.equal(sliding.from, midnight(2026, 1, 29))
  const cumulative = frameWindow(frames, 4, 'week', true)!
  assert.equal(cumulative.from, midnight(2026, 1, 1))
  assert.equal(cumulative.to, sliding.to)
  // Out-of-range indices clamp; no span, no frames, no window.
  assert.deepEqual(frameWindow(frames, 99, 'week', false), frameWindow(frames, 12, 'week', false))
  assert.deepEqual(frameWindow(frames, -3, 'week', false), frameWindow(frames, 0, 'week', false))
  assert.deepEqual(playbackFrames(null, 'day').ends, [])
  assert.equal(frameWindow(playbackFrames(null, 'day'), 0, 'day', true), null)
})

test('frameAt finds the frame of an instant', () => {
  const frames = playbackFrames({ from: midnight(2026, 3, 1), to: midnight(2026, 3, 20) }, 'week')
  assert.equal(frameAt(frames, midnight(2026, 3, 1)), 0)
  assert.equal(frameAt(frames, midnight(2026, 3, 8) - 1), 0)
  assert.equal(frameAt(frames, midnight(2026, 3, 8)), 1)
  assert.equal(frameAt(frames, midnight(2030, 1, 1)), frames.ends.length - 1)
})

test('days are calendar days', () => {
  assert.equal(startOfDay(midnight(2026, 3, 1) + 5 * 3_600_000), midnight(2026, 3, 1))
  assert.equal(addDays(midnight(2026, 3, 1), 31), midnight(2026, 4, 1))
  assert.ok(Math.abs(addDays(midnight(2026, 3, 1), 1) - midnight(2026, 3, 1) - DAY) <= 3_600_000)
})
