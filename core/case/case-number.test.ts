import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { caseNumber, caseNumberYear, parseCaseNumber } from './case-number.js'

describe('case numbers', () => {
  it('formats year, district and a zero-padded sequence', () => {
    assert.equal(caseNumber({ year: 2026, districtCode: '321202', sequence: 123 }), '2026-321202-000123')
  })
  it('refuses parts that do not fit', () => {
    assert.throws(() => caseNumber({ year: 2026, districtCode: '3212', sequence: 1 }), RangeError)
    assert.throws(() => caseNumber({ year: 2026, districtCode: '321202', sequence: 0 }), RangeError)
    assert.throws(() => caseNumber({ year: 2026, districtCode: '321202', sequence: 1_000_000 }), RangeError)
  })
  it('uses the China local year', () => {
    assert.equal(caseNumberYear(new Date('2026-12-31T16:30:00Z')), 2027)
    assert.equal(caseNumberYear(new Date('2026-12-31T15:30:00Z')), 2026)
  })
  it('parses back exactly what it formats', () => {
    const parts = fc.record({
      year: fc.integer({ min: 2000, max: 2100 }),
      districtCode: fc.stringMatching(/^\d{6}$/),
      sequence: fc.integer({ min: 1, max: 999_999 }),
    })
    fc.assert(
      fc.property(parts, (p) => {
        const r = parseCaseNumber(caseNumber(p))
        assert.ok(r.ok)
        assert.deepEqual(r.value, { ...p })
      }),
    )
    assert.ok(!parseCaseNumber('2026-321202-000000').ok)
    assert.ok(!parseCaseNumber('2026-3212-1').ok)
  })
})
