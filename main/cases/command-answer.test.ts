/**
 * What the central API's answer to a case command means, without a central: applied, unreadable, session
 * ended, retry later, rejected with the API's reason — and which rejections need the case looked up.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { CommandRejection } from '../../contracts/bridge/index.js'
import { sampleCase } from '../test-support/records.js'
import { caseToLookUp, classifyAnswer, rejectionFrom, withCaseView } from './command-answer.js'

const ACTIONS = '/cases/case-1/actions'

describe('command answers', () => {
  it('reads a 2xx with a case as applied, and one without a readable case as applied all the same', () => {
    const record = sampleCase('case-1', 119.93, 32.47, { status: 'accepted', version: 4 })
    for (const status of [200, 201]) {
      const v = classifyAnswer({ status, body: { case: record } }, ACTIONS)
      assert.equal(v.kind, 'applied')
      assert.ok(v.kind === 'applied')
      assert.deepEqual(v.result, { caseId: 'case-1', number: record.number, status: 'accepted', version: 4 })
      assert.equal(v.record.id, 'case-1')
    }
    const odd = classifyAnswer({ status: 201, body: { case: { ...record, version: 0 } } }, '/cases')
    assert.deepEqual(odd, { kind: 'applied-unreadable', problem: 'version is not a positive integer' })
    assert.equal(classifyAnswer({ status: 200, body: null }, ACTIONS).kind, 'applied-unreadable')
  })

  it('waits for the account after a 401, and retries server trouble, timeouts and rate limits', () => {
    assert.deepEqual(classifyAnswer({ status: 401, body: {} }, ACTIONS), { kind: 'session-ended' })
    assert.deepEqual(
      classifyAnswer(
        { status: 503, body: { error: { code: 'UNAVAILABLE', message: 'database down' } } },
        ACTIONS,
      ),
      { kind: 'retry', lastError: 'the central API answered 503: database down' },
    )
    for (const status of [500, 502, 408, 429])
      assert.deepEqual(classifyAnswer({ status, body: 'gateway' }, ACTIONS), {
        kind: 'retry',
        lastError: `the central API answered ${status}:`,
      })
  })

  it('rejects everything else with the API’s code, message and field, and asks for the case’s state', () => {
    const v = classifyAnswer(
      {
        status: 400,
        body: { error: { code: 'VALIDATION', message: 'unitId is required', field: 'unitId' } },
      },
      ACTIONS,
    )
    assert.deepEqual(v, {
      kind: 'rejected',
      rejection: { httpStatus: 400, code: 'VALIDATION', message: 'unitId is required', field: 'unitId' },
      lookUpCase: 'case-1',
    })
    const bare = classifyAnswer({ status: 403, body: undefined }, '/cases')
    assert.deepEqual(bare, {
      kind: 'rejected',
      rejection: { httpStatus: 403, code: 'HTTP_403', message: 'the central API answered 403' },
    })
  })

  it('keeps only the case state the refusal gives in the contract’s terms', () => {
    const full = rejectionFrom({
      status: 409,
      body: {
        error: {
          code: 'ILLEGAL_ACTION',
          message: 'register is not allowed in reported',
          status: 'reported',
          allowed: ['accept', 'fly', 'not-accept'],
          currentVersion: 2,
        },
      },
    })
    assert.deepEqual(full, {
      httpStatus: 409,
      code: 'ILLEGAL_ACTION',
      message: 'register is not allowed in reported',
      caseStatus: 'reported',
      allowed: ['accept', 'not-accept'],
      currentVersion: 2,
    })
    assert.equal(caseToLookUp(full, ACTIONS), undefined, 'nothing missing')
    const odd = rejectionFrom({
      status: 409,
      body: { error: { code: 7, status: 'on-fire', allowed: 'accept', currentVersion: 2.5, field: 3 } },
    })
    assert.deepEqual(odd, { httpStatus: 409, code: 'HTTP_409', message: 'the central API answered 409' })
  })

  it('looks a case up only for an action whose refusal lacks its state, and not after a 404', () => {
    const stale: CommandRejection = {
      httpStatus: 409,
      code: 'STALE_VERSION',
      message: 'stale',
      currentVersion: 6,
    }
    assert.equal(caseToLookUp(stale, ACTIONS), 'case-1')
    assert.equal(caseToLookUp({ ...stale, httpStatus: 404, code: 'NOT_FOUND' }, ACTIONS), undefined)
    assert.equal(caseToLookUp(stale, '/cases'), undefined, 'a new case has no state to look up')
  })

  it('fills in from the case’s view only what the refusal did not say', () => {
    const stale: CommandRejection = {
      httpStatus: 409,
      code: 'STALE_VERSION',
      message: 'stale',
      field: 'version',
      currentVersion: 6,
    }
    const view = {
      status: 'accepted',
      version: 5,
      abilities: { register: true, 'not-accept': false, accept: true, fly: true },
    }
    assert.deepEqual(withCaseView(stale, view), {
      httpStatus: 409,
      code: 'STALE_VERSION',
      message: 'stale',
      field: 'version',
      caseStatus: 'accepted',
      allowed: ['accept', 'register'],
      currentVersion: 6,
    })
    assert.deepEqual(withCaseView(stale, undefined), stale)
    const said: CommandRejection = { ...stale, caseStatus: 'reported', allowed: ['accept'] }
    assert.deepEqual(withCaseView(said, view), { ...said }, 'the refusal’s own state stands')
    const blank = withCaseView({ httpStatus: 409, code: 'X', message: 'm' }, { status: 'lost', version: 'v' })
    assert.deepEqual(blank, { httpStatus: 409, code: 'X', message: 'm', allowed: [] })
  })
})
