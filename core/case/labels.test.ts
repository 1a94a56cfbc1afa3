import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { Label } from './labels.js'
import {
  ACTION_LABELS,
  ARBITRATE_LABELS,
  CHECK_OUTCOME_LABELS,
  CLOSE_KIND_LABELS,
  ROLE_LABELS,
  SOURCE_LABELS,
  STAGE_LABELS,
  STATUS_LABELS,
} from './labels.js'
import {
  ARBITRATE_DECISIONS,
  CASE_ACTIONS,
  CASE_SOURCES,
  CASE_STAGES,
  CASE_STATUSES,
  CHECK_OUTCOMES,
  ROLES,
} from './types.js'

const HAN = /\p{Script=Han}/u

function complete(name: string, members: readonly string[], labels: Readonly<Record<string, Label>>): void {
  assert.deepEqual(Object.keys(labels).sort(), [...members].sort(), `${name}: labels and members differ`)
  for (const m of members) {
    const l = labels[m]
    assert.ok(l && HAN.test(l.zh), `${name}.${m}: missing Chinese label`)
    assert.ok(l && /^[A-Z]/.test(l.en), `${name}.${m}: missing English label`)
  }
}

describe('labels', () => {
  it('every status, action, role and source has a zh and an en label', () => {
    complete('status', CASE_STATUSES, STATUS_LABELS)
    complete('action', CASE_ACTIONS, ACTION_LABELS)
    complete('role', ROLES, ROLE_LABELS)
    complete('source', CASE_SOURCES, SOURCE_LABELS)
  })
  it('so do stages, check outcomes, arbitration decisions and close kinds', () => {
    complete('stage', CASE_STAGES, STAGE_LABELS)
    complete('check outcome', CHECK_OUTCOMES, CHECK_OUTCOME_LABELS)
    complete('arbitrate', ARBITRATE_DECISIONS, ARBITRATE_LABELS)
    complete('close kind', ['normal', 'unqualified', 'self-handled', 'rapid'], CLOSE_KIND_LABELS)
  })
  it("uses the seed's own words for the four check outcomes (第10条)", () => {
    assert.deepEqual(
      CHECK_OUTCOMES.map((o) => CHECK_OUTCOME_LABELS[o].zh),
      ['准予结案', '再次处置', '不合格办结', '重新派遣'],
    )
  })
})
