import type { FastifyInstance } from 'fastify'
import type { OpenDatabase } from '../src/db/connect.js'
import { buildApp } from '../src/app.js'
import { seedDemoCity, type SeedCounts } from '../src/seed/demo.js'
import { openTestDatabase, type DATABASES } from './databases.js'

/** A migrated database of `backend` with the demo city loaded, and the API over it (requests via inject). */
export interface SeededApi {
  readonly open: OpenDatabase
  readonly app: FastifyInstance
  readonly counts: SeedCounts
  close(): Promise<void>
}

/** Opens a database, seeds the demo city and builds the app; close() undoes all of it. */
export async function seededApi(backend: (typeof DATABASES)[number]): Promise<SeededApi> {
  const open = await openTestDatabase(backend)
  const counts = await seedDemoCity(open.db)
  const app = await buildApp({ db: open.db, databaseEngine: open.engine })
  return {
    open,
    app,
    counts,
    close: async () => {
      await app.close()
      await open.close()
    },
  }
}

/** GET a path and return status and parsed JSON body. */
export async function getJson<T = Record<string, unknown>>(app: FastifyInstance, url: string): Promise<{ status: number; body: T }> {
  const res = await app.inject({ method: 'GET', url })
  return { status: res.statusCode, body: res.json() as T }
}
