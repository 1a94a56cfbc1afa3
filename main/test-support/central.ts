/**
 * A real central API for main/'s tests: PGlite from the initdb template (about a second instead of
 * fifteen), migrated, with the demo city, listening on a free loopback port.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildDemoApp as buildApp } from '../../server/src/demo/app-demo.js'
import type { OpenDatabase } from '../../server/src/db/connect.js'
import { seedDemoCity, type SeedCounts } from '../../server/src/demo/demo.js'
import { openTestDatabase } from '../../server/test/databases.js'

/** A running test central. */
export interface TestCentral {
  readonly url: string
  readonly open: OpenDatabase
  readonly app: FastifyInstance
  readonly counts: SeedCounts
  close(): Promise<void>
}

/**
 * Starts a seeded central API over HTTP: the demo city and its accounts, and `demoCases` cases of the demo
 * history (default none: tests that need cases file their own or ask for a short history).
 */
export async function startTestCentral(options: { readonly demoCases?: number } = {}): Promise<TestCentral> {
  const open = await openTestDatabase({ name: 'pglite' })
  const counts = await seedDemoCity(open.db, undefined, {}, { cases: options.demoCases ? { count: options.demoCases } : false })
  const photosDir = mkdtempSync(join(tmpdir(), 'cityloop-central-photos-'))
  const app = await buildApp({ db: open.db, databaseEngine: open.engine, photosDir })
  const url = await app.listen({ host: '127.0.0.1', port: 0 })
  return {
    url,
    open,
    app,
    counts,
    close: async () => {
      await app.close()
      await open.close()
      rmSync(photosDir, { recursive: true, force: true })
    },
  }
}
