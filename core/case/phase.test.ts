import assert from 'node:assert/strict'
import { test } from 'node:test'
import { CASE_PHASES, phaseOf } from './phase.js'
import { CLOSED_STATUSES } from './status.js'
import { CASE_STATUSES } from './types.js'

test('every status has a phase, and only end states fall in closed/ended', () => {
  for (const s of CASE_STATUSES) {
    const p = phaseOf(s)
    assert.ok(CASE_PHASES.includes(p), `${s} → ${p}`)
    const terminal = p === 'closed' || p === 'ended'
    assert.equal(terminal, CLOSED_STATUSES.includes(s), `${s}: phase ${p} vs end state`)
  }
})

test('side paths stay in the phase they interrupt', () => {
  assert.equal(phaseOf('extension-requested'), 'handling')
  assert.equal(phaseOf('parked'), 'handling')
  assert.equal(phaseOf('disputed'), 'dispatched')
  assert.equal(phaseOf('verifying'), 'intake')
  assert.equal(phaseOf('handled'), 'checking')
})
