import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { DATABASES } from './databases.js'
import { formatReport, routesOf, runFuzz } from './fuzz/fuzzer.js'
import { assertHealthy, fuzzTarget, type FuzzTarget } from './fuzz/setup.js'

// Malformed requests across every endpoint the OpenAPI document lists (see fuzz/fuzzer.ts): no answer is a
// 5xx or shows a stack trace or an internal path, and the server is healthy afterwards. A fixed seed keeps
// CI repeatable; `npm run fuzz -- --count 10000 [--seed N]` runs a long one.

const SEED = 20_260_302
// Requests per backend: PGlite answers a few hundred a second here; PostgreSQL through the network fewer.
const COUNT = { pglite: 1_000, postgres: 600 } as const

for (const backend of DATABASES) {
  describe(`fuzzing the API on ${backend.name}`, () => {
    let t: FuzzTarget
    before(async () => {
      t = await fuzzTarget(backend)
    })
    after(() => t.api.close())

    test('every endpoint is in the run, from the app itself', () => {
      const routes = routesOf(t.api.app).map((r) => `${r.method} ${r.path}`)
      for (const r of ['GET /api/v1/sync/changes', 'POST /api/v1/cases/{id}/actions', 'POST /api/v1/photos', 'PUT /api/v1/admin/calendar/{year}', 'POST /api/v1/auth/login']) {
        assert.ok(routes.includes(r), `${r} in ${routes.join(', ')}`)
      }
    })

    test(`${COUNT[backend.name]} malformed requests: no 5xx, no stack trace or internal path, healthy afterwards`, async () => {
      const report = await runFuzz(t.api.app, { seed: SEED, count: COUNT[backend.name], callers: t.callers, known: t.known })
      const text = formatReport(report)
      assert.equal(report.failures.length, 0, text)
      // The run reached deep: some requests were served, and every endpoint was called.
      assert.ok((report.byStatus['200'] ?? 0) + (report.byStatus['201'] ?? 0) > 0, text)
      assert.equal(Object.keys(report.byRoute).length, routesOf(t.api.app).length, text)
      await assertHealthy(t.api.app)
    })
  })
}
