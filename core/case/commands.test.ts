import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { addWorkingTime, prcCalendar } from '../time/index.js'
import { MAX_COST_YUAN, MAX_TEXT_LENGTH, MAX_TIME_LIMIT, parseCommand, timeLimitProblem } from './commands.js'
import type { RawCommand } from './commands.js'
import { TIME_UNITS } from '../catalog/types.js'

const issueOf = (raw: RawCommand) => {
  const r = parseCommand(raw)
  return r.ok ? undefined : r.issue.field
}

describe('payload bounds (指令校验)', () => {
  it('a time limit is more than 0 and at most a year on its clock', () => {
    for (const unit of TIME_UNITS) {
      assert.equal(timeLimitProblem({ amount: MAX_TIME_LIMIT[unit], unit }), undefined, unit)
      assert.equal(timeLimitProblem({ amount: 0.5, unit }), undefined, unit)
      for (const amount of [0, -1, MAX_TIME_LIMIT[unit] * 1.01, 1e12, Infinity, -Infinity, NaN]) {
        assert.ok(timeLimitProblem({ amount, unit }), `${amount} ${unit}`)
      }
    }
    for (const bad of [
      null,
      5,
      'x',
      { amount: 1 },
      { amount: 1, unit: 'weeks' },
      { amount: '1', unit: 'working-days' },
    ]) {
      assert.ok(timeLimitProblem(bad), JSON.stringify(bad))
    }
  })

  it('the longest limit on every clock still has a deadline on the working calendar', () => {
    const cal = prcCalendar()
    const start = new Date('2026-03-02T01:00:00Z')
    for (const unit of TIME_UNITS) {
      const deadline = addWorkingTime(start, { amount: MAX_TIME_LIMIT[unit], unit }, cal)
      assert.ok(+deadline > +start && +deadline - +start < 2 * 366 * 86_400_000, unit)
    }
  })

  it('an extension, a 处置时限 at 立案 and a rapid repair’s cost are bounded', () => {
    assert.equal(
      issueOf({ action: 'request-extension', reason: 'r', duration: { amount: 1e12, unit: 'working-days' } }),
      'duration',
    )
    assert.equal(
      issueOf({ action: 'request-extension', reason: 'r', duration: { amount: 250, unit: 'working-days' } }),
      undefined,
    )
    assert.equal(
      issueOf({ action: 'register', handleLimit: { amount: 9000, unit: 'natural-hours' } }),
      'handleLimit',
    )
    const rapid = { action: 'rapid-handle', team: 't', note: 'n', afterPhotoIds: ['p'] }
    assert.equal(issueOf({ ...rapid, costYuan: MAX_COST_YUAN }), undefined)
    for (const costYuan of [MAX_COST_YUAN + 1, -0.01, Infinity, NaN])
      assert.equal(issueOf({ ...rapid, costYuan }), 'costYuan', String(costYuan))
  })

  it('texts and photo lists are bounded', () => {
    assert.equal(issueOf({ action: 'dispute', reason: 'x'.repeat(MAX_TEXT_LENGTH) }), undefined)
    assert.equal(issueOf({ action: 'dispute', reason: 'x'.repeat(MAX_TEXT_LENGTH + 1) }), 'reason')
    const photos = (n: number) => Array.from({ length: n }, (_, i) => `p${i}`)
    assert.equal(issueOf({ action: 'handle', note: 'n', afterPhotoIds: photos(20) }), undefined)
    assert.equal(issueOf({ action: 'handle', note: 'n', afterPhotoIds: photos(21) }), 'afterPhotoIds')
    assert.equal(issueOf({ action: 'handle', note: 'n', afterPhotoIds: ['x'.repeat(201)] }), 'afterPhotoIds')
  })
})
