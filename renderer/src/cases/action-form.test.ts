/* eslint-disable no-restricted-imports -- a Node test (node:test, node:assert), never part of the UI bundle */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { CatalogClassBrief, CatalogClassDetail } from '../../../contracts/bridge/index.js'
import { CASE_ACTIONS } from '../../../core/case/types.js'
import { actionPayload, emptyActionForm, INSPECTOR, NEEDS_PHOTOS, REASON, type ActionForm } from './action-form.js'

const record = { inspectorId: 'inspector-01', handleLimit: { amount: 2, unit: 'working-hours' }, areaClass: 'A' } as Parameters<typeof emptyActionForm>[0]
const form = (patch: Partial<ActionForm> = {}): ActionForm => ({ ...emptyActionForm(record), ...patch })

test('the action groups name real actions', () => {
  for (const a of [...NEEDS_PHOTOS, ...REASON, ...INSPECTOR]) assert.ok(CASE_ACTIONS.includes(a), a)
})

test('a missing required field is named, not sent', () => {
  assert.equal(actionPayload('void', form(), null), 'reason')
  assert.equal(actionPayload('void', form({ reason: '   ' }), null), 'reason')
  assert.equal(actionPayload('request-extension', form(), null), 'reason')
  assert.equal(actionPayload('dispatch', form(), null), 'unitId')
  assert.equal(actionPayload('supervise', form({ note: ' ' }), null), 'note')
  assert.equal(actionPayload('verify-result', form(), null), 'note')
  assert.equal(actionPayload('request-check', form({ inspectorId: ' ' }), null), 'inspectorId')
  assert.equal(actionPayload('check-result', form({ outcome: '' }), null), 'outcome')
  assert.equal(actionPayload('check-result', form({ outcome: 'redispatch' }), null), 'unitId')
  assert.equal(actionPayload('arbitrate', form({ decision: 'redispatch' }), null), 'unitId')
})

test('payloads carry trimmed text and only the fields of their action', () => {
  assert.deepEqual(actionPayload('void', form({ reason: ' 重复 ', note: 'ignored' }), null), { reason: '重复' })
  assert.deepEqual(actionPayload('request-extension', form({ reason: '雨天', durationAmount: 3, durationUnit: 'working-days' }), null), {
    reason: '雨天',
    duration: { amount: 3, unit: 'working-days' },
  })
  assert.deepEqual(actionPayload('request-check', form(), null), { inspectorId: 'inspector-01' })
  assert.deepEqual(actionPayload('dispatch', form({ unitId: 'hl-sanitation' }), null), { unitId: 'hl-sanitation' })
  assert.deepEqual(actionPayload('sub-dispatch', form({ unitId: 'team-1', note: ' 尽快 ' }), null), { subUnitId: 'team-1', note: '尽快' })
  assert.deepEqual(actionPayload('check-result', form({ outcome: 'close', unitId: 'x' }), null), { outcome: 'close' })
  assert.deepEqual(actionPayload('arbitrate', form({ decision: 'redispatch', unitId: 'u2' }), null), { decision: 'redispatch', unitId: 'u2' })
  assert.deepEqual(actionPayload('accept', form(), null), {})
})

test('立案 with 改类 needs the category and a condition of it, and sends the limit for the area class', () => {
  const category = { key: '2026:event:06010' } as CatalogClassBrief
  const limits = { A: { amount: 2, unit: 'working-hours' }, B: { amount: 4, unit: 'working-hours' } }
  const detail = { ...category, conditions: [{ id: 'c1', limits }] } as unknown as CatalogClassDetail
  assert.deepEqual(actionPayload('register', form({ urgency: 'urgent' }), null), { urgency: 'urgent' })
  assert.equal(actionPayload('register', form({ reclassify: true }), null), 'categoryKey')
  assert.equal(actionPayload('register', form({ reclassify: true, category, conditionId: 'other' }), detail), 'categoryKey')
  assert.deepEqual(actionPayload('register', form({ reclassify: true, category, conditionId: 'c1', areaClass: 'B' }), detail), {
    categoryKey: '2026:event:06010',
    conditionId: 'c1',
    areaClass: 'B',
    handleLimit: limits.B,
  })
})
