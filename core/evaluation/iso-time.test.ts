import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { isoMs } from './iso-time.js'

describe('isoMs', () => {
  it('agrees with Date.parse on toISOString output across centuries, leap days and the epoch', () => {
    const samples = [0, 951_782_400_000, 1_709_164_800_123, 1_772_416_800_000, -86_400_001, 4_102_444_799_999]
    for (let t = -2_000_000_000_000; t < 4_000_000_000_000; t += 97_531_864_209) samples.push(t)
    for (const t of samples) assert.equal(isoMs(new Date(t).toISOString()), t, new Date(t).toISOString())
  })
  it('falls back to Date.parse for other forms, and gives NaN for nothing', () => {
    assert.equal(isoMs('2026-03-02T09:00:00+08:00'), Date.parse('2026-03-02T01:00:00Z'))
    assert.ok(Number.isNaN(isoMs(undefined)))
    assert.ok(Number.isNaN(isoMs(null)))
  })
})
