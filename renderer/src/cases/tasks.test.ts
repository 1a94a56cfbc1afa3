/* eslint-disable no-restricted-imports -- a Node test (node:test, node:assert), never part of the UI bundle */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { CaseSummary, TaskEntry, TaskQueue } from '../../../contracts/bridge/index.js'
import { HAZARD_WARNING_MS, taskAlerts } from './tasks.js'

const NOW = Date.parse('2026-03-02T03:00:00Z')
const entry = (id: string, patch: Partial<TaskEntry> = {}, c: Partial<CaseSummary> = {}): TaskEntry => ({
  queue: 'intake',
  todo: ['accept'],
  dueAt: null,
  overdue: false,
  ...patch,
  case: { id, number: `N-${id}`, version: 1, onSiteDeadline: null, ...c } as CaseSummary,
})
const queue = (tasks: TaskEntry[]): TaskQueue => ({ source: 'central', tasks, counts: {} as TaskQueue['counts'], queues: [], truncated: false, asOf: '' })

test('the first answer raises no "new" alert; a case new to the queue does, once', () => {
  const first = queue([entry('a')])
  assert.deepEqual(taskAlerts(null, first, NOW, new Set()), [])
  const second = queue([entry('a'), entry('b')])
  const alerts = taskAlerts(first, second, NOW, new Set())
  assert.deepEqual(alerts.map((a) => [a.kind, a.entry.case.id]), [['new', 'b']])
  assert.deepEqual(taskAlerts(first, second, NOW, new Set(alerts.map((a) => a.key))), [], 'raised once')
})

test('an escalation is an alert of its own, also on a case already queued', () => {
  const before = queue([entry('h', { queue: 'dispatch', todo: ['dispatch'] })])
  const after = queue([entry('h', { queue: 'escalation', todo: ['dispatch', 'rapid-handle', 'escalation:arrival-missing'] })])
  assert.deepEqual(taskAlerts(before, after, NOW, new Set()).map((a) => [a.kind, a.entry.case.id]), [['escalation', 'h']])
})

test('a hazard whose 2-hour arrival has under 30 minutes left is called out, even on the first answer; not once overdue', () => {
  const soon = entry('s', {}, { onSiteDeadline: new Date(NOW + HAZARD_WARNING_MS - 60_000).toISOString() })
  const later = entry('l', {}, { onSiteDeadline: new Date(NOW + HAZARD_WARNING_MS + 60_000).toISOString() })
  const past = entry('p', {}, { onSiteDeadline: new Date(NOW - 60_000).toISOString() })
  assert.deepEqual(taskAlerts(null, queue([soon, later, past]), NOW, new Set()).map((a) => [a.kind, a.entry.case.id]), [['hazard', 's']])
})
