import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import type { TimeLimit } from '../catalog/types.js'
import {
  addWorkingTime,
  elapsedOnClock,
  isWorkingDay,
  localDateKey,
  shiftDeadline,
  workCalendar,
  workPeriod,
  workingMsBetween,
} from './calendar.js'
import { prcCalendar } from './holidays.js'

const cal = prcCalendar()
const H = 3_600_000
/** A China local time '2026-02-12 15:00' as a Date. */
const local = (s: string): Date => new Date(`${s.replace(' ', 'T')}:00+08:00`)
const due = (start: string, limit: TimeLimit): string => {
  const d = addWorkingTime(local(start), limit, cal)
  return new Date(+d + 8 * H).toISOString().slice(0, 16).replace('T', ' ')
}
const wd = (amount: number): TimeLimit => ({ amount, unit: 'working-days' })
const wh = (amount: number): TimeLimit => ({ amount, unit: 'working-hours' })

describe('isWorkingDay', () => {
  it('knows the 2026 Spring Festival, National Day and their 调休 days', () => {
    for (const d of ['2026-02-14', '2026-02-28', '2026-09-20', '2026-10-10', '2026-01-04', '2026-02-24'])
      assert.equal(isWorkingDay(d, cal), true, d)
    for (const d of [
      '2026-02-15',
      '2026-02-20',
      '2026-02-23',
      '2026-10-01',
      '2026-10-07',
      '2026-02-21',
      '2026-01-02',
    ])
      assert.equal(isWorkingDay(d, cal), false, d)
  })
  it('uses the local (+08:00) day of an instant', () => {
    // 2026-02-13 17:00Z is already Saturday 02-14 01:00 in China, a worked Saturday.
    assert.equal(localDateKey(new Date('2026-02-13T17:00:00Z'), cal), '2026-02-14')
    assert.equal(isWorkingDay(new Date('2026-02-13T17:00:00Z'), cal), true)
  })
})

describe('addWorkingTime — working days', () => {
  it('3 working days from 2026-02-12 15:00 count 02-13, 02-14 (Saturday, worked) and 02-24, after the festival', () => {
    assert.equal(due('2026-02-12 15:00', wd(3)), '2026-02-24 17:30')
  })
  it('National Day 2026: the festival is skipped and 10-10 (Saturday) is worked', () => {
    assert.equal(due('2026-09-30 16:00', wd(2)), '2026-10-09 17:30')
    assert.equal(due('2026-09-30 16:00', wd(3)), '2026-10-10 17:30')
    assert.equal(due('2026-09-30 16:00', wd(4)), '2026-10-12 17:30')
    // A start on Saturday 09-19 (off): the first working day is Sunday 09-20 (调休上班).
    assert.equal(due('2026-09-19 10:00', wd(1)), '2026-09-20 17:30')
  })
  it('counts the start day only when its first period has not begun', () => {
    assert.equal(due('2026-03-02 08:00', wd(1)), '2026-03-02 17:30')
    assert.equal(due('2026-03-02 08:30', wd(1)), '2026-03-02 17:30')
    assert.equal(due('2026-03-02 08:31', wd(1)), '2026-03-03 17:30')
    assert.equal(due('2026-03-06 18:00', wd(1)), '2026-03-09 17:30')
  })
  it('adds a fraction of a working day as working time after the whole days', () => {
    assert.equal(due('2026-03-02 08:00', wd(0.5)), '2026-03-02 13:45')
    assert.equal(due('2026-03-02 08:00', wd(1.5)), '2026-03-03 13:45')
  })
})

describe('addWorkingTime — working hours and natural hours', () => {
  it('skips lunch and lands on a period end exactly', () => {
    assert.equal(due('2026-03-02 11:00', wh(2)), '2026-03-02 14:30')
    assert.equal(due('2026-03-02 11:00', wh(1)), '2026-03-02 12:00')
    assert.equal(due('2026-03-02 12:15', wh(0.5)), '2026-03-02 14:00')
  })
  it('goes overnight and over weekends', () => {
    assert.equal(due('2026-03-02 17:00', wh(1)), '2026-03-03 09:00')
    assert.equal(due('2026-03-06 17:00', wh(1)), '2026-03-09 09:00')
    assert.equal(due('2026-03-02 20:00', wh(0.5)), '2026-03-03 09:00')
  })
  it('crosses the Spring Festival through the worked Saturday', () => {
    assert.equal(due('2026-02-13 16:00', wh(8)), '2026-02-14 16:30')
    assert.equal(due('2026-02-13 16:00', wh(10)), '2026-02-24 09:30')
  })
  it('natural hours ignore holidays and nights', () => {
    assert.equal(due('2026-02-16 10:00', { amount: 2, unit: 'natural-hours' }), '2026-02-16 12:00')
    assert.equal(due('2026-02-16 23:00', { amount: 2, unit: 'natural-hours' }), '2026-02-17 01:00')
  })
})

describe('workingMsBetween and suspensions', () => {
  it('counts only working periods', () => {
    assert.equal(workingMsBetween(local('2026-03-02 09:00'), local('2026-03-02 15:00'), cal), 4.5 * H)
    assert.equal(workingMsBetween(local('2026-02-13 08:00'), local('2026-02-25 08:00'), cal), 3 * 7.5 * H)
    assert.equal(workingMsBetween(local('2026-03-02 15:00'), local('2026-03-02 09:00'), cal), 0)
  })
  it('excludes parked intervals', () => {
    const parked = [{ from: local('2026-03-02 10:00'), to: local('2026-03-02 14:00') }]
    assert.equal(workingMsBetween(local('2026-03-02 09:00'), local('2026-03-02 15:00'), cal, parked), 2 * H)
    assert.equal(
      elapsedOnClock(local('2026-03-02 09:00'), local('2026-03-02 15:00'), 'natural-hours', cal, parked),
      2 * H,
    )
  })
  it('shiftDeadline moves a deadline by the suspended time on its own clock', () => {
    const s = { from: local('2026-03-02 10:00'), to: local('2026-03-03 10:00') }
    assert.deepEqual(
      shiftDeadline(local('2026-03-02 16:00'), s, 'working-hours', cal),
      local('2026-03-03 16:00'),
    )
    assert.deepEqual(
      shiftDeadline(local('2026-03-02 16:00'), s, 'natural-hours', cal),
      local('2026-03-03 16:00'),
    )
    const overHoliday = { from: local('2026-02-13 17:30'), to: local('2026-02-24 08:30') }
    // The festival itself costs nothing, but the worked Saturday 02-14 inside the park is a full 7.5 h.
    assert.deepEqual(
      shiftDeadline(local('2026-02-24 09:00'), overHoliday, 'working-hours', cal),
      local('2026-02-25 09:00'),
    )
  })
})

describe('configurable periods', () => {
  it('uses the given working periods', () => {
    const summer = workCalendar(cal.holidays, cal.workdays, [
      workPeriod('08:00', '12:00'),
      workPeriod('14:30', '18:00'),
    ])
    assert.equal(
      new Date(+addWorkingTime(local('2026-07-01 11:00'), wh(2), summer) + 8 * H).toISOString().slice(11, 16),
      '15:30',
    )
    assert.throws(() => workPeriod('12:00', '08:00'), RangeError)
    assert.throws(
      () => workCalendar([], [], [workPeriod('08:00', '12:00'), workPeriod('11:00', '13:00')]),
      RangeError,
    )
  })
})

describe('properties', () => {
  const start = fc
    .integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2026-12-01T00:00:00Z') })
    .map((t) => new Date(t))
  it('a working-hours deadline is exactly that much working time after the start', () => {
    fc.assert(
      fc.property(start, fc.integer({ min: 1, max: 200 }), (s, quarters) => {
        const d = addWorkingTime(s, wh(quarters / 4), cal)
        assert.ok(+d >= +s)
        assert.equal(workingMsBetween(s, d, cal), (quarters / 4) * H)
      }),
    )
  })
  it('a working-days deadline is the end of a working day, later for more days', () => {
    fc.assert(
      fc.property(start, fc.integer({ min: 1, max: 15 }), (s, n) => {
        const d = addWorkingTime(s, wd(n), cal)
        assert.ok(isWorkingDay(d, cal))
        assert.equal(new Date(+d + 8 * H).toISOString().slice(11, 16), '17:30')
        assert.ok(+addWorkingTime(s, wd(n + 1), cal) > +d)
        // Between the start and the deadline there are at least n full working days of working time.
        assert.ok(workingMsBetween(s, d, cal) >= n * 7.5 * H)
      }),
    )
  })
})
