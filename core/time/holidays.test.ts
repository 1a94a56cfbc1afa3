import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import {
  calendarFromHolidays,
  mergeCalendarYear,
  parseHolidayData,
  prcHolidayData,
  rangeDays,
} from './holidays.js'
import { isWorkingDay } from './calendar.js'

const year2027 = {
  year: 2027,
  notice: '国办发明电〔2026〕N号 (test data)',
  holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }],
  workdays: ['2027-01-09'],
}

describe('bundled PRC data', () => {
  const data = prcHolidayData()
  it('holds 2025 and 2026 with their notices', () => {
    assert.deepEqual(
      data.years.map((y) => y.year),
      [2025, 2026],
    )
    assert.match(data.years[0]?.notice ?? '', /国办发明电〔2024〕12号/)
    assert.match(data.years[1]?.notice ?? '', /国办发明电〔2025〕7号/)
  })
  it('has the 2026 Spring Festival 02-15..02-23 with 02-14 and 02-28 worked, National Day 10-01..10-07 with 09-20 and 10-10 worked', () => {
    const y = data.years[1]
    assert.deepEqual(
      y?.holidays.find((h) => h.name === '春节'),
      { name: '春节', from: '2026-02-15', to: '2026-02-23' },
    )
    assert.deepEqual(
      y?.holidays.find((h) => h.name === '国庆节'),
      { name: '国庆节', from: '2026-10-01', to: '2026-10-07' },
    )
    for (const d of ['2026-02-14', '2026-02-28', '2026-09-20', '2026-10-10'])
      assert.ok(y?.workdays.includes(d), d)
  })
  it('gives 2025 the eight-day Spring Festival and National Day', () => {
    const cal = calendarFromHolidays(data)
    for (const d of ['2025-01-28', '2025-02-04', '2025-10-08']) assert.equal(isWorkingDay(d, cal), false, d)
    for (const d of ['2025-01-26', '2025-02-08', '2025-09-28', '2025-10-11', '2025-04-27'])
      assert.equal(isWorkingDay(d, cal), true, d)
  })
})

describe('parseHolidayData', () => {
  const wrap = (y: unknown) => ({ years: [y] })
  it('accepts good data and sorts years', () => {
    const r = parseHolidayData({ years: [year2027, { ...year2027, year: 2026, holidays: [], workdays: [] }] })
    assert.ok(r.ok)
    assert.deepEqual(
      r.value.years.map((y) => y.year),
      [2026, 2027],
    )
  })
  it('refuses a day listed both as a holiday and as a working day', () => {
    const r = parseHolidayData(wrap({ ...year2027, workdays: ['2027-01-02'] }))
    assert.ok(!r.ok)
    assert.match(r.error.join('\n'), /2027-01-02 is listed both as a holiday and as a working day/)
  })
  it('refuses impossible dates, dates of another year, reversed ranges, weekday 调休 days and repeated years', () => {
    const bad = (y: unknown, pattern: RegExp) => {
      const r = parseHolidayData(wrap(y))
      assert.ok(!r.ok, String(pattern))
      assert.match(r.error.join('\n'), pattern)
    }
    bad(
      { ...year2027, holidays: [{ name: 'x', from: '2027-02-30', to: '2027-03-01' }] },
      /holidays\[0\]\.from: expected a date/,
    )
    bad({ ...year2027, workdays: ['2026-12-26'] }, /not in 2027/)
    bad(
      { ...year2027, holidays: [{ name: 'x', from: '2027-05-05', to: '2027-05-01' }] },
      /ends before it starts/,
    )
    bad({ ...year2027, workdays: ['2027-01-06'] }, /is a weekday/)
    bad({ ...year2027, notice: '' }, /notice/)
    const twice = parseHolidayData({ years: [year2027, year2027] })
    assert.ok(!twice.ok && twice.error.some((e) => e.includes('appears twice')))
    assert.ok(!parseHolidayData(null).ok)
  })
})

describe('mergeCalendarYear', () => {
  it('adds or replaces one year and leaves the base alone', () => {
    const base = prcHolidayData()
    const added = mergeCalendarYear(base, year2027)
    assert.ok(added.ok)
    assert.deepEqual(
      added.value.years.map((y) => y.year),
      [2025, 2026, 2027],
    )
    assert.equal(base.years.length, 2)
    const replaced = mergeCalendarYear(added.value, { ...year2027, holidays: [] })
    assert.ok(replaced.ok)
    assert.deepEqual(replaced.value.years.find((y) => y.year === 2027)?.holidays, [])
    assert.equal(isWorkingDay('2027-01-09', calendarFromHolidays(replaced.value)), true)
  })
  it('refuses invalid year data', () => {
    assert.ok(!mergeCalendarYear(prcHolidayData(), { ...year2027, workdays: ['2027-01-01'] }).ok)
  })
  it('rangeDays lists every day of a range', () => {
    assert.deepEqual(rangeDays({ name: '', from: '2026-02-27', to: '2026-03-02' }), [
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ])
  })
})
