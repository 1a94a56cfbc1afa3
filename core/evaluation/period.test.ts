import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { parsePeriod, periodContaining, previousPeriod, samePeriodLastYear } from './period.js'
import type { EvaluationPeriod } from './period.js'

const p = (label: string): EvaluationPeriod => {
  const r = parsePeriod(label)
  if (!r.ok) throw new Error(r.error)
  return r.value
}
const span = (x: EvaluationPeriod) => [x.kind, x.start, x.end]

describe('evaluation periods (Asia/Shanghai, +08:00)', () => {
  it('each kind starts at local midnight', () => {
    assert.deepEqual(span(p('2026-03-02')), ['day', '2026-03-01T16:00:00.000Z', '2026-03-02T16:00:00.000Z'])
    // ISO week 10 of 2026 is Monday 03-02 to Sunday 03-08.
    assert.deepEqual(span(p('2026-W10')), ['week', '2026-03-01T16:00:00.000Z', '2026-03-08T16:00:00.000Z'])
    assert.deepEqual(span(p('2026-03')), ['month', '2026-02-28T16:00:00.000Z', '2026-03-31T16:00:00.000Z'])
    assert.deepEqual(span(p('2026-Q1')), ['quarter', '2025-12-31T16:00:00.000Z', '2026-03-31T16:00:00.000Z'])
    assert.deepEqual(span(p('2026')), ['year', '2025-12-31T16:00:00.000Z', '2026-12-31T16:00:00.000Z'])
    assert.deepEqual(span(p('2026-03-01..2026-03-15')), [
      'range',
      '2026-02-28T16:00:00.000Z',
      '2026-03-15T16:00:00.000Z',
    ])
  })

  it('the period holding an instant uses the local date: 2026-03-31 23:30 local is still March', () => {
    const at = new Date('2026-03-31T15:30:00Z')
    assert.equal(periodContaining('month', at).label, '2026-03')
    assert.equal(periodContaining('quarter', at).label, '2026-Q1')
    assert.equal(periodContaining('day', at).label, '2026-03-31')
    // 2027-01-01 (a Friday) belongs to ISO week 53 of 2026.
    assert.equal(periodContaining('week', new Date('2027-01-01T04:00:00Z')).label, '2026-W53')
  })

  it('环比: the period before', () => {
    assert.equal(previousPeriod(p('2026-01')).label, '2025-12')
    assert.equal(previousPeriod(p('2026-Q1')).label, '2025-Q4')
    assert.equal(previousPeriod(p('2026-W01')).label, '2025-W52')
    assert.equal(previousPeriod(p('2026-03-01')).label, '2026-02-28')
    assert.equal(previousPeriod(p('2026-03-01..2026-03-15')).label, '2026-02-14..2026-02-28')
  })

  it('同比: the same period a year earlier', () => {
    assert.equal(samePeriodLastYear(p('2026-03')).label, '2025-03')
    assert.equal(samePeriodLastYear(p('2026-Q2')).label, '2025-Q2')
    assert.equal(samePeriodLastYear(p('2026-W53')).label, '2025-W52')
    assert.equal(samePeriodLastYear(p('2024-02-29')).label, '2023-02-28')
    assert.equal(samePeriodLastYear(p('2026')).label, '2025')
  })

  it('bad labels are refused with the reason', () => {
    for (const bad of ['2026-13', '2025-W53', '2026-02-30', '2026-Q5', '2026-03-15..2026-03-01', 'March']) {
      const r = parsePeriod(bad)
      assert.equal(r.ok, false, bad)
      assert.match(!r.ok ? r.error : '', /^period "/)
    }
  })
})
