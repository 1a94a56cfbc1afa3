import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { CREATE_ROLES, createCase } from './create.js'
import { ACTORS, TEST_RULES, newCaseInput } from './test-fixtures.js'
import { ROLES } from './types.js'

const NOW = new Date('2026-03-02T09:00:00+08:00')

describe('createCase (上报, 第7条)', () => {
  it('creates a reported case, version 1, with the 受理 clock running and a create event', () => {
    const r = createCase(newCaseInput(), ACTORS.inspector, NOW, TEST_RULES)
    assert.ok(r.ok)
    assert.equal(r.next.status, 'reported')
    assert.equal(r.next.version, 1)
    assert.equal(r.next.reporterId, 'i1')
    assert.equal(r.next.stages.accept?.deadline, new Date('2026-03-02T10:00:00+08:00').toISOString())
    assert.deepEqual(
      r.events.map((e) => [e.type, e.from, e.to, e.version]),
      [['create', null, 'reported', 1]],
    )
  })
  it('lets only the intake roles create', () => {
    for (const role of ROLES) {
      const r = createCase(
        newCaseInput({ source: role === 'inspector' ? 'inspector' : 'public' }),
        { id: 'x', role },
        NOW,
        TEST_RULES,
      )
      assert.equal(r.ok, CREATE_ROLES.includes(role), role)
    }
  })
  it('names the bad field and drops unknown ones', () => {
    const bad = createCase({ ...newCaseInput(), areaClass: 'D' as never }, ACTORS.receiver, NOW, TEST_RULES)
    assert.deepEqual(!bad.ok && [bad.reason.code, bad.reason.field], ['INVALID_PAYLOAD', 'areaClass'])
    const limit = createCase(
      { ...newCaseInput(), handleLimit: { amount: 0, unit: 'working-days' } },
      ACTORS.receiver,
      NOW,
      TEST_RULES,
    )
    assert.equal(!limit.ok && limit.reason.field, 'handleLimit')
    const inspector = createCase(newCaseInput({ source: 'public' }), ACTORS.inspector, NOW, TEST_RULES)
    assert.equal(!inspector.ok && inspector.reason.field, 'source')
    const extra = createCase(
      { ...newCaseInput(), status: 'closed' } as never,
      ACTORS.receiver,
      NOW,
      TEST_RULES,
    )
    assert.ok(extra.ok && extra.next.status === 'reported' && !('status' in extra.events[0]!.payload))
  })
})
