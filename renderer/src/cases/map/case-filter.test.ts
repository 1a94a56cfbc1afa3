/* eslint-disable no-restricted-imports -- a Node test (node:test, node:assert, the contract's LIGHT_ORDER value), never part of the UI bundle */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { CASE_PHASES } from '../../../../core/case/phase.js'
import { LIGHT_ORDER, type CaseFilter } from '../../../../contracts/bridge/index.js'
import { caseData, LIGHTS, MINUTE, type CaseData } from './case-data.js'
import {
  withPlayback,
  caseMatches,
  lightsOf,
  minuteWindow,
  NO_LOCAL_FILTER,
  phasesOf,
  selectCases,
  serverKey,
  splitFilter,
  urgentHazards,
} from './case-filter.js'

const T0 = Date.UTC(2026, 2, 1, 3, 17, 42, 123)

function cases(rows: readonly { phase: number; light: number; hazard: number; createdAt: number }[]): CaseData {
  return caseData({
    ids: rows.map((_, i) => `c${i}`),
    lon: rows.map(() => 119.9),
    lat: rows.map(() => 32.4),
    phase: rows.map((r) => r.phase),
    light: rows.map((r) => r.light),
    hazard: rows.map((r) => r.hazard),
    createdAt: rows.map((r) => r.createdAt),
  })
}

test('the renderer keeps the contract light order', () => {
  assert.deepEqual([...LIGHTS], [...LIGHT_ORDER])
})

test('a filter splits into what the bridge answers and what the map applies', () => {
  const { server, local } = splitFilter({ phases: ['handling', 'closed'], lights: ['red'], hazardOnly: true, statuses: ['handling'], text: '井盖' })
  assert.deepEqual(server, { statuses: ['handling'], text: '井盖' })
  assert.deepEqual(phasesOf(local), ['handling', 'closed'])
  assert.deepEqual(lightsOf(local), ['red'])
  assert.equal(local.hazardOnly, true)
  const all = splitFilter({})
  assert.deepEqual(all.local, NO_LOCAL_FILTER)
  assert.deepEqual(phasesOf(all.local), [...CASE_PHASES])
  // An empty list admits nothing (the operator unticked every phase), unlike an absent one.
  assert.deepEqual(phasesOf(splitFilter({ phases: [] }).local), [])
})

test('the bridge key ignores order inside lists and absent fields, not the box', () => {
  assert.equal(serverKey({ statuses: ['handling', 'closed'], text: 'x' }), serverKey({ text: 'x', statuses: ['closed', 'handling'] }))
  assert.equal(serverKey({}), serverKey({ text: '' }))
  assert.notEqual(serverKey({ bbox: [1, 2, 3, 4] }), serverKey({ bbox: [3, 2, 1, 4] }))
  assert.notEqual(serverKey({ from: '2026-01-01' }), serverKey({}))
})

test('a whole-minute window admits exactly the cases created in [from, to)', () => {
  const from = T0 + 3 * 86_400_000 - (T0 % MINUTE)
  const to = from + 7 * 86_400_000
  const times = [from - 1, from, from + 1, from + MINUTE - 1, to - 1, to, to + 1, T0]
  const data = cases(times.map((createdAt) => ({ phase: 0, light: 0, hazard: 0, createdAt })))
  const window = minuteWindow({ from, to }, data.base)
  const admitted = times.map((_, i) => caseMatches(data, i, NO_LOCAL_FILTER, window))
  assert.deepEqual(
    admitted,
    times.map((t) => t >= from && t < to),
  )
})

test('selectCases counts the filter, the window and the hazards', () => {
  const data = cases([
    { phase: 3, light: 3, hazard: 1, createdAt: T0 },
    { phase: 3, light: 1, hazard: 0, createdAt: T0 + 86_400_000 },
    { phase: 5, light: 0, hazard: 1, createdAt: T0 },
    { phase: 3, light: 2, hazard: 1, createdAt: T0 + 5 * 86_400_000 },
  ])
  const { local } = splitFilter({ phases: ['handling'] })
  const window = minuteWindow({ from: T0 - MINUTE, to: T0 + 2 * 86_400_000 }, data.base)
  const s = selectCases(data, local, window)
  assert.deepEqual([...s.shown], [0, 1])
  assert.equal(s.matching, 3)
  assert.equal(s.hazards, 1)
  // A closed hazard is shown but not counted as one.
  assert.equal(selectCases(data, NO_LOCAL_FILTER, null).hazards, 2)
  assert.deepEqual([...selectCases(data, splitFilter({ hazardOnly: true, lights: ['yellow'] }).local, null).shown], [3])
})

// The masks and whole minutes must say what the filter says: the filter as main/ reads it, written plainly.
test('the local filter and window admit exactly what the filter lists and the epoch window admit', () => {
  const caseArb = fc.record({
    phase: fc.integer({ min: 0, max: CASE_PHASES.length - 1 }),
    light: fc.integer({ min: 0, max: LIGHTS.length - 1 }),
    hazard: fc.integer({ min: 0, max: 1 }),
    createdAt: fc.integer({ min: T0, max: T0 + 90 * 86_400_000 }),
  })
  const filterArb = fc.record(
    {
      phases: fc.subarray([...CASE_PHASES]),
      lights: fc.subarray([...LIGHTS]),
      hazardOnly: fc.boolean(),
    },
    { requiredKeys: [] },
  )
  // Windows on whole minutes, as playback frames are (they end on midnights).
  const windowArb = fc.option(fc.tuple(fc.integer({ min: -1500, max: 92 * 1440 }), fc.integer({ min: 0, max: 30 * 1440 })))
  let admittedSome = false
  let rejectedSome = false
  fc.assert(
    fc.property(fc.array(caseArb, { minLength: 1, maxLength: 40 }), filterArb, windowArb, (rows, filter: CaseFilter, w) => {
      const data = cases(rows)
      const minuteZero = Math.floor(T0 / MINUTE) * MINUTE
      const epoch = w ? { from: minuteZero + w[0] * MINUTE, to: minuteZero + (w[0] + w[1]) * MINUTE } : null
      const { local } = splitFilter(filter)
      const shown = new Set(selectCases(data, local, minuteWindow(epoch, data.base)).shown)
      return rows.every((r, i) => {
        const expected =
          (!filter.phases || filter.phases.includes(CASE_PHASES[r.phase]!)) &&
          (!filter.lights || filter.lights.includes(LIGHTS[r.light]!)) &&
          (!filter.hazardOnly || r.hazard === 1) &&
          (!epoch || (r.createdAt >= epoch.from && r.createdAt < epoch.to))
        if (expected) admittedSome = true
        else rejectedSome = true
        return shown.has(i) === expected
      })
    }),
    { numRuns: 400 },
  )
  assert.ok(admittedSome && rejectedSome, 'the generated cases exercise both outcomes')
})

test('single hazards: open ones, or those awaiting someone on site, the most urgent kept past the limit', () => {
  const rows = [
    { phase: 3, light: 1, hazard: 1, createdAt: T0 }, // 0 open, no deadline
    { phase: 5, light: 0, hazard: 1, createdAt: T0 }, // 1 closed
    { phase: 2, light: 3, hazard: 1, createdAt: T0 }, // 2 open, deadline soon
    { phase: 2, light: 1, hazard: 0, createdAt: T0 }, // 3 not a hazard
    { phase: 1, light: 2, hazard: 1, createdAt: T0 }, // 4 open, deadline later
    { phase: 6, light: 0, hazard: 1, createdAt: T0 }, // 5 ended
  ]
  const data = caseData({
    ids: rows.map((_, i) => `c${i}`),
    lon: rows.map(() => 0),
    lat: rows.map(() => 0),
    phase: rows.map((r) => r.phase),
    light: rows.map((r) => r.light),
    hazard: rows.map((r) => r.hazard),
    createdAt: rows.map((r) => r.createdAt),
    onSiteDeadline: [0, T0 + 1, T0 + 100, 0, T0 + 200, 0],
  })
  const all = Uint32Array.from(rows.keys())
  assert.deepEqual([...urgentHazards(data, all, 'open', 10)], [0, 2, 4])
  assert.deepEqual([...urgentHazards(data, all, 'awaiting', 10)], [2, 4])
  assert.deepEqual([...urgentHazards(data, all, 'open', 2)], [2, 4])
  assert.deepEqual([...urgentHazards(data, all, 'open', 1)], [2])
})

test('a playback window narrows the created-between range for the list', () => {
  const day = 86_400_000
  const w = { from: Date.parse('2026-11-02T16:00:00Z'), to: Date.parse('2026-11-02T16:00:00Z') + day }
  assert.deepEqual(withPlayback({ text: 'x' }, null), { text: 'x' })
  assert.deepEqual(withPlayback({ text: 'x' }, w), { text: 'x', from: '2026-11-02T16:00:00.000Z', to: '2026-11-03T16:00:00.000Z' })
  // A range set in the filter bar is kept where it is narrower.
  assert.deepEqual(withPlayback({ from: '2026-11-03T04:00:00.000Z' }, w), { from: '2026-11-03T04:00:00.000Z', to: '2026-11-03T16:00:00.000Z' })
  // Disjoint: nothing (from = to).
  const none = withPlayback({ to: '2026-11-01T00:00:00.000Z' }, w)
  assert.equal(none.from, none.to)
})
