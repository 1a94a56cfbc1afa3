/* eslint-disable no-restricted-imports -- a Node test (node:test, node:assert), never part of the UI bundle */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { nextTick } from 'vue'
import type { CatalogClassBrief, CatalogSearchOptions, Result } from '../../../contracts/bridge/index.js'
import { useCatalogSearch } from './use-catalog-search.js'

const brief = (key: string): CatalogClassBrief => ({ key }) as unknown as CatalogClassBrief

/** A catalog whose answers the test releases one by one, in any order. */
function heldCatalog() {
  const calls: { text: string; options: CatalogSearchOptions | undefined; answer(r: Result<readonly CatalogClassBrief[]>): void }[] = []
  const bridge = {
    catalog: {
      search: (text: string, options?: CatalogSearchOptions) =>
        new Promise<Result<readonly CatalogClassBrief[]>>((resolve) => calls.push({ text, options, answer: resolve })),
      get: () => Promise.reject(new Error('not used')),
    },
  }
  return { bridge, calls }
}

test('an answer a newer search overtook is dropped', async () => {
  const { bridge, calls } = heldCatalog()
  const s = useCatalogSearch({ bridge })
  const first = s.search('井盖')
  const second = s.search('垃圾')
  calls[1]!.answer({ ok: true, value: [brief('2026:event:06010')] })
  await second
  calls[0]!.answer({ ok: true, value: [brief('2013:component:0101')] })
  await first
  assert.deepEqual(s.results.value.map((c) => c.key), ['2026:event:06010'])
  assert.equal(s.loading.value, false)
})

test('blank text clears the results, asks nothing and ends a search on its way', async () => {
  const { bridge, calls } = heldCatalog()
  const s = useCatalogSearch({ bridge })
  const pending = s.search('井盖')
  assert.equal(s.loading.value, true)
  await s.search('  ')
  calls[0]!.answer({ ok: true, value: [brief('2013:component:0101')] })
  await pending
  assert.equal(calls.length, 1)
  assert.deepEqual(s.results.value, [])
  assert.equal(s.loading.value, false)
})

test('changing a narrowing repeats the last search with it; a failure is reported', async () => {
  const { bridge, calls } = heldCatalog()
  const errors: string[] = []
  const s = useCatalogSearch({ bridge, onError: (m) => errors.push(m) })
  void s.search('垃圾')
  assert.deepEqual(calls[0]!.options, { limit: 60 })
  s.edition.value = '2026'
  s.kind.value = 'event'
  await nextTick()
  assert.equal(calls.length, 2)
  assert.equal(calls[1]!.text, '垃圾')
  assert.deepEqual(calls[1]!.options, { limit: 60, edition: '2026', kind: 'event' })
  calls[1]!.answer({ ok: false, error: { code: 'INTERNAL', message: 'catalog unavailable' } } as Result<readonly CatalogClassBrief[]>)
  await new Promise((r) => setTimeout(r, 0))
  assert.deepEqual(errors, ['catalog unavailable'])
  assert.deepEqual(s.results.value, [])
})
