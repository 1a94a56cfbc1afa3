/* eslint-disable no-restricted-imports -- a Node test (node:test, node:assert), never part of the UI bundle */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { formatCountdown, formatDuration } from './countdown.js'

const zh = { due: '到场', overdue: '超时' }
const en = { due: 'On site in', overdue: 'Overdue' }

test('durations are HH:MM:SS, hours growing past two digits', () => {
  assert.equal(formatDuration(0), '00:00:00')
  assert.equal(formatDuration((1 * 3600 + 23 * 60 + 45) * 1000), '01:23:45')
  assert.equal(formatDuration(59_999), '00:00:59')
  assert.equal(formatDuration((123 * 3600 + 4 * 60 + 5) * 1000), '123:04:05')
  assert.equal(formatDuration(-61_000), '00:01:01')
})

test('time left counts down, rounded up to the second', () => {
  const deadline = 1_000_000_000
  assert.deepEqual(formatCountdown(deadline, deadline - (3600 + 23 * 60 + 45) * 1000, zh), { text: '到场 01:23:45', overdue: false })
  assert.deepEqual(formatCountdown(deadline, deadline - 400, zh), { text: '到场 00:00:01', overdue: false })
  assert.deepEqual(formatCountdown(deadline, deadline - 1000, en), { text: 'On site in 00:00:01', overdue: false })
})

test('at and past the deadline the label says overdue and by how long', () => {
  const deadline = 1_000_000_000
  assert.deepEqual(formatCountdown(deadline, deadline, zh), { text: '超时 00:00:00', overdue: true })
  assert.deepEqual(formatCountdown(deadline, deadline + (12 * 60 + 3) * 1000 + 999, zh), { text: '超时 00:12:03', overdue: true })
  assert.equal(formatCountdown(deadline, deadline + 1, en).text, 'Overdue 00:00:00')
})
