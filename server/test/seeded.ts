import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import type { OpenDatabase } from '../src/db/connect.js'
import type { Database } from '../src/db/schema.js'
import { buildApp, type RateLimitOptions } from '../src/app.js'
import { seedDemoCity, type SeedCounts } from '../src/demo/demo.js'
import { appDemo } from '../src/demo/app-demo.js'
import { loadDemoCity } from '../../gis-data/demo-city.js'
import type { PhotoQuota } from '../src/services/photo-quota.js'
import { openTestDatabase, type DATABASES } from './databases.js'

/** A migrated database of `backend` with the demo city loaded, and the API over it (requests via inject). */
export interface SeededApi {
  readonly open: OpenDatabase
  /** Where the app stores photos. */
  readonly photosDir: string
  readonly app: FastifyInstance
  readonly counts: SeedCounts
  /** The app's clock, when the test asked for a controllable one. */
  readonly clock: TestClock
  close(): Promise<void>
}

/** A clock a test moves by hand: the app reads it for every deadline, session and lock. */
export interface TestClock {
  now(): Date
  set(at: string | Date): void
  advance(ms: number): void
}

/** A clock standing at `start` until moved. */
export function testClock(start: string | Date = new Date()): TestClock {
  let t = +new Date(start)
  return {
    now: () => new Date(t),
    set: (at) => {
      t = +new Date(at)
    },
    advance: (ms) => {
      t += ms
    },
  }
}

/**
 * Opens a database, seeds the demo city (with its demo accounts) and builds the app; close() undoes all
 * of it. `components: false` seeds only a few components (faster; the case tests need no more).
 */
export async function seededApi(
  backend: (typeof DATABASES)[number],
  options: {
    readonly components?: boolean
    /** Seed only this district's grids: a quarter of the city, which saves PGlite a second (the case tests stay in 海陵区). */
    readonly onlyDistrict?: string
    readonly clock?: TestClock
    readonly sessionHours?: number
    readonly photoQuota?: PhotoQuota
    readonly idleMinutes?: number
    /** Rate limits; default: loopback (every inject) exempt, as the many requests of a test file would exceed them. */
    readonly rateLimit?: RateLimitOptions
    readonly trustProxy?: boolean
  } = {},
): Promise<SeededApi> {
  const seed = async (db: Kysely<Database>) => {
    const city = loadDemoCity()
    const district = options.onlyDistrict
    return seedDemoCity(db, {
      ...city,
      ...(options.components === false ? { components: city.components.slice(0, 20) } : {}),
      ...(district ? { grids: city.grids.filter((g) => g.id.startsWith(district)) } : {}),
    })
  }
  const open = await openTestDatabase(backend)
  const counts = await seed(open.db)
  const photosDir = mkdtempSync(join(tmpdir(), 'cityloop-photos-'))
  const clock = options.clock ?? testClock()
  const app = await buildApp({
    db: open.db,
    databaseEngine: open.engine,
    photosDir,
    // The demo city is seeded, so the demo's part of the API runs too (its photos kept); never the live demo.
    demo: appDemo({ activity: false }),
    ...(options.clock ? { now: clock.now } : {}),
    ...(options.sessionHours ? { sessionHours: options.sessionHours } : {}),
    ...(options.photoQuota ? { photoQuota: options.photoQuota } : {}),
    // Tests move their clock by hours between requests of the same signed-in callers: unless a test asks for
    // an idle timeout, sessions go idle no sooner than they expire (accounts.test.ts tests the timeout).
    idleMinutes: options.idleMinutes ?? (options.sessionHours ?? 12) * 60,
    rateLimit: options.rateLimit ?? { allowList: ['127.0.0.1'] },
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
  })
  return {
    open,
    photosDir,
    app,
    counts,
    clock,
    close: async () => {
      await app.close()
      await open.close()
      rmSync(photosDir, { recursive: true, force: true })
    },
  }
}

/** GET a path and return status and parsed JSON body. */
export async function getJson<T = Record<string, unknown>>(app: FastifyInstance, url: string): Promise<{ status: number; body: T }> {
  const res = await app.inject({ method: 'GET', url })
  return { status: res.statusCode, body: res.json() as T }
}
