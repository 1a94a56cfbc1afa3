import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { compareEvaluations } from './compare.js'
import type { EvaluatedObject, Evaluation, Figure } from './evaluate.js'
import type { IndicatorKey, ObjectKind } from './indicators.js'
import { OBJECT_KINDS } from './indicators.js'
import { parsePeriod } from './period.js'
import { bandScore, gradeOf, scoreObjects } from './score.js'
import { DEFAULT_GRADES, OVERDUE_BANDS, WORKLOAD_BANDS, evaluationProfile } from './profile.js'
import { taizhouEvaluationProfile } from './taizhou.js'

const profile = evaluationProfile()

/** An object with the given figure values (only values matter to scoring). */
function obj(kind: ObjectKind, id: string, values: Partial<Record<IndicatorKey, number | null>>) {
  const figures: Partial<Record<IndicatorKey, Figure>> = {}
  for (const [k, v] of Object.entries(values))
    figures[k as IndicatorKey] = { indicator: k as IndicatorKey, value: v ?? null, numerator: 0 }
  return { kind, id, figures }
}
const byId = (list: readonly EvaluatedObject[]) => Object.fromEntries(list.map((o) => [o.id, o]))

describe('综合指标值, grades and ranks (worked by hand)', () => {
  it('inspectors: 有效上报率×40 + (100 − 漏报率)×20 + 按时核实率×20 + 按时核查率×20; ties share a rank', () => {
    const ranked = scoreObjects(
      'inspector',
      [
        // 0.75 → 75; 漏报 0 → 100; no 核实 task (left out, re-weighted over 80); 0.5 → 50: (3000 + 2000 + 1000) ÷ 80 = 75
        obj('inspector', 'y', {
          validReportRate: 0.75,
          missedRate: 0,
          verifyOnTimeRate: null,
          checkOnTimeRate: 0.5,
        }),
        // 90×0.4 + 90×0.2 + 80×0.2 + 100×0.2 = 36 + 18 + 16 + 20 = 90
        obj('inspector', 'x', {
          validReportRate: 0.9,
          missedRate: 0.1,
          verifyOnTimeRate: 0.8,
          checkOnTimeRate: 1,
        }),
        obj('inspector', 'z', {
          validReportRate: 0.9,
          missedRate: 0.1,
          verifyOnTimeRate: 0.8,
          checkOnTimeRate: 1,
        }),
        // Nothing to score on.
        obj('inspector', 'w', {
          validReportRate: null,
          missedRate: null,
          verifyOnTimeRate: null,
          checkOnTimeRate: null,
        }),
      ],
      profile,
    )
    assert.deepEqual(
      ranked.map((o) => [o.id, o.score, o.grade, o.rank]),
      [
        ['x', 90, 'A', 1],
        ['z', 90, 'A', 1],
        ['y', 75, 'B', 3],
        ['w', null, null, null],
      ],
    )
    assert.deepEqual(
      byId(ranked).y?.parts.map((p) => [p.indicator, p.points, p.weight]),
      [
        ['validReportRate', 75, 40],
        ['missedRate', 100, 20],
        ['checkOnTimeRate', 50, 20],
      ],
    )
  })

  it('units: 超期数 banded (60 → 90) ×10 + 结案率×30 + 按期处置率×30 + (100 − 返工率)×30 = 87, B', () => {
    const [u] = scoreObjects(
      'unit',
      [obj('unit', 'u1', { handleOverdue: 60, closeRate: 0.9, handleOnTimeRate: 0.8, reworkRate: 0.1 })],
      profile,
    )
    // (90×10 + 90×30 + 80×30 + 90×30) ÷ 100 = (900 + 2700 + 2400 + 2700) ÷ 100
    assert.equal(u?.score, 87)
    assert.equal(u?.grade, 'B')
  })

  it('Taizhou units add 调度响应: 按时到场率×10 and 指令按时签收率×5', () => {
    const tz = taizhouEvaluationProfile()
    const values = {
      handleOverdue: 60,
      closeRate: 0.9,
      handleOnTimeRate: 0.8,
      reworkRate: 0.1,
      arrivalOnTimeRate: 0.5,
      orderAckOnTimeRate: 1,
    }
    const [u] = scoreObjects('unit', [obj('unit', 'u1', values)], tz)
    // (90×10 + 90×25 + 80×25 + 90×25 + 50×10 + 100×5) ÷ 100 = (900 + 2250 + 2000 + 2250 + 500 + 500) ÷ 100 = 84
    assert.equal(u?.score, 84)
  })

  it('regions: 立案数 scored inversely between the fewest and the most filings of the same level', () => {
    const base = { missedRate: 0, closeRate: 1, closeOnTimeRate: 1 }
    const ranked = scoreObjects(
      'district',
      [
        obj('district', 'd1', { ...base, registered: 10 }),
        obj('district', 'd2', { ...base, registered: 20 }),
        obj('district', 'd3', { ...base, registered: 30 }),
      ],
      profile,
    )
    // 立案数 分值 100 / 50 / 0 at weight 20; the other terms give 10 + 30 + 40 = 80 each.
    assert.deepEqual(
      ranked.map((o) => [o.id, o.score, o.grade, o.rank]),
      [
        ['d1', 100, 'A', 1],
        ['d2', 90, 'A', 2],
        ['d3', 80, 'B', 3],
      ],
    )
  })

  it('bands and grade edges', () => {
    assert.deepEqual(
      [100, 101, 300, 301, 2000, 2001].map((n) => bandScore(n, WORKLOAD_BANDS)),
      [0, 40, 40, 60, 90, 100],
    )
    assert.deepEqual(
      [0, 50, 51, 1000, 1001].map((n) => bandScore(n, OVERDUE_BANDS)),
      [100, 100, 90, 40, 0],
    )
    assert.deepEqual(
      [90, 89.99, 75, 60, 40, 39.99].map((s) => gradeOf(s, DEFAULT_GRADES)),
      ['A', 'B', 'B', 'C', 'D', 'E'],
    )
  })
})

describe('同比 / 环比', () => {
  const p = (label: string) => {
    const r = parsePeriod(label)
    if (!r.ok) throw new Error(r.error)
    return r.value
  }
  const evaluation = (label: string, objects: EvaluatedObject[]): Evaluation => ({
    period: p(label),
    asOf: '2026-04-01T00:00:00.000Z',
    objects: Object.fromEntries(
      OBJECT_KINDS.map((k) => [k, objects.filter((o) => o.kind === k)]),
    ) as unknown as Evaluation['objects'],
  })
  const unit = (
    id: string,
    score: number,
    rank: number,
    values: Partial<Record<IndicatorKey, number | null>>,
  ): EvaluatedObject => ({
    ...obj('unit', id, values),
    score,
    grade: null,
    rank,
    parts: [],
  })

  it('changes per indicator, read by whether higher is better', () => {
    const march = evaluation('2026-03', [
      unit('u1', 80, 1, { handleOnTimeRate: 0.8, reworkRate: 0.2, handleDue: 50 }),
    ])
    const feb = evaluation('2026-02', [
      unit('u1', 70, 2, { handleOnTimeRate: 0.7, reworkRate: 0.1, handleDue: 40 }),
      unit('u9', 60, 1, {}),
    ])
    const out = compareEvaluations(march, feb)
    const u1 = out.find((c) => c.id === 'u1')
    assert.equal(u1?.score.delta, 10)
    assert.equal(u1?.figures.handleOnTimeRate?.trend, 'better')
    assert.ok(Math.abs((u1?.figures.handleOnTimeRate?.delta ?? 0) - 0.1) < 1e-12)
    assert.equal(u1?.figures.reworkRate?.trend, 'worse')
    assert.equal(u1?.figures.reworkRate?.ratio, 1)
    assert.equal(u1?.figures.handleDue?.trend, 'same') // a workload count is neither better nor worse
    assert.equal(u1?.figures.handleDue?.ratio, 0.25)
    assert.deepEqual(u1?.rank, { current: 1, base: 2 })
    // Present only in the base period.
    const u9 = out.find((c) => c.id === 'u9')
    assert.deepEqual([u9?.score.current, u9?.score.base, u9?.score.delta], [null, 60, null])
  })
})
