/* eslint-disable no-restricted-imports -- a Node test (node:test, node:assert), never part of the UI bundle */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createApp, type InjectionKey } from 'vue'
import { injectStrict } from './inject-strict.js'

const KEY: InjectionKey<{ readonly n: number }> = Symbol('test state')

test('injectStrict returns what the app provides', () => {
  const app = createApp({}).provide(KEY, { n: 7 })
  assert.deepEqual(
    app.runWithContext(() => injectStrict(KEY)),
    { n: 7 },
  )
})

test('injectStrict throws naming what is missing instead of returning undefined', () => {
  const app = createApp({})
  assert.throws(() => app.runWithContext(() => injectStrict(KEY, 'the case store')), /the case store is not provided here/)
  assert.throws(() => app.runWithContext(() => injectStrict(KEY)), /test state is not provided here/)
})
