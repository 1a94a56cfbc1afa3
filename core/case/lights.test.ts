import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { caseLight, light } from './lights.js'
import { ACTORS, TEST_RULES, reported, run, toDispatched } from './test-fixtures.js'

const cal = TEST_RULES.calendar
const local = (s: string): Date => new Date(`${s.replace(' ', 'T')}:00+08:00`)
const clock = (
  startedAt: string,
  deadline: string,
  unit: 'working-hours' | 'natural-hours' = 'working-hours',
) => ({
  startedAt: local(startedAt),
  deadline: local(deadline),
  limit: { amount: 4, unit },
})

describe('lights', () => {
  it('green, then yellow at 80 % of the working time, red once overdue', () => {
    const c = clock('2026-03-02 09:00', '2026-03-02 14:30') // 4 working hours over lunch
    assert.equal(light(c, local('2026-03-02 11:00'), cal), 'green')
    assert.equal(light(c, local('2026-03-02 13:00'), cal), 'green') // lunch: still 3 h of 4 consumed
    assert.equal(light(c, local('2026-03-02 13:45'), cal), 'yellow') // 3.25 h = 81 %
    assert.equal(light(c, local('2026-03-02 14:31'), cal), 'red')
    assert.equal(light(c, local('2026-03-02 13:00'), cal, { yellowShare: 0.7 }), 'yellow')
  })
  it('a working-time clock does not turn yellow over a holiday', () => {
    const c = clock('2026-02-13 16:00', '2026-02-14 11:30') // 1.5 h Friday, 2.5 h on the worked Saturday
    assert.equal(light(c, local('2026-02-13 20:00'), cal), 'green')
  })
  it('parked time counts on no clock and moves the deadline', () => {
    const c = clock('2026-03-02 09:00', '2026-03-02 13:00', 'natural-hours')
    assert.equal(light(c, local('2026-03-02 14:00'), cal), 'red')
    assert.equal(
      light(c, local('2026-03-02 14:00'), cal, { parkedSince: local('2026-03-02 10:00') }),
      'green',
    )
    assert.equal(
      light(c, local('2026-03-02 14:00'), cal, {
        suspensions: [{ from: local('2026-03-02 09:30'), to: local('2026-03-02 09:45') }],
      }),
      'red',
    )
  })
  it('caseLight reports the worst running stage, and nothing for a closed case', () => {
    const s = run(reported(local('2026-03-02 09:00')), toDispatched()).state
    assert.deepEqual(caseLight(s, local('2026-03-02 09:40'), TEST_RULES), { light: 'green', stage: 'sign' })
    assert.deepEqual(caseLight(s, local('2026-03-02 10:40'), TEST_RULES), { light: 'red', stage: 'sign' })
    const closed = run(reported(local('2026-03-02 09:00')), [
      { by: ACTORS.receiver, command: { action: 'not-accept', reason: 'dup' } },
    ]).state
    assert.equal(caseLight(closed, local('2026-03-09 09:00'), TEST_RULES), undefined)
  })
})
