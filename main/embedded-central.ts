import { join } from 'node:path'
import { buildDemoApp as buildApp } from '../server/src/demo/app-demo.js'
import { openDatabase } from '../server/src/db/connect.js'
import { migrateToLatest } from '../server/src/db/migrate.js'
import { demoCasesFromEnv } from '../server/src/config.js'
import { seedDemoCases } from '../server/src/demo/demo-cases.js'
import { seedDemoCity } from '../server/src/demo/demo.js'
import { isEmpty } from '../server/src/db/regions.js'
import { loadDemoCity } from '../gis-data/demo-city.js'
import type { Log } from './log.js'

/** The central API running inside the workstation process. */
export interface EmbeddedCentral {
  /** Base URL, e.g. http://127.0.0.1:41234 — the workstation reaches it over HTTP like a remote one. */
  readonly url: string
  /**
   * The demo case history being filed in the background on a first start (resolves with the cases filed,
   * 0 when there was nothing to do); the workstation syncs again when it ends.
   */
  readonly demoCases: Promise<number>
  close(): Promise<void>
}

/** Options of {@link startEmbeddedCentral}. */
export interface EmbeddedCentralOptions {
  /** Folder of the embedded PostgreSQL (PGlite) data, e.g. `<userData>/central`. */
  readonly dataDir: string
  readonly log: Log
  /** Port on 127.0.0.1; default 0 (a free one). */
  readonly port?: number
  /** Start from this PGlite data-dir dump instead of running initdb (tests). */
  readonly pgliteTemplate?: Blob
  /** Folder of the demo city to load into an empty database; default gis-data/demo beside the sources. */
  readonly demoCityDir?: string
}

/**
 * 内置中心 — starts the central API in-process on embedded PGlite (migrated; the demo city loaded into an
 * empty database), listening on loopback only. The workstation then syncs from it over HTTP, the same code
 * path as with a real central server.
 */
export async function startEmbeddedCentral(options: EmbeddedCentralOptions): Promise<EmbeddedCentral> {
  const { log } = options
  const started = performance.now()
  const open = await openDatabase({
    dataDir: options.dataDir,
    ...(options.pgliteTemplate ? { pgliteTemplate: options.pgliteTemplate } : {}),
  })
  try {
    await migrateToLatest(open.db as never)
    const fresh = await isEmpty(open.db)
    if (fresh) {
      // The city first, the month of demo cases after the API listens: filing them through the real commands
      // takes about a minute on PGlite, which a first start should not wait for.
      const city = options.demoCityDir ? loadDemoCity(options.demoCityDir) : undefined
      const seeded = await seedDemoCity(open.db, city, {}, { cases: false })
      log.info(
        `empty central database: loaded the demo city (${seeded.grids} grids, ${seeded.components} components)`,
      )
    }
    const app = await buildApp({
      db: open.db,
      databaseEngine: open.engine,
      photosDir: join(options.dataDir, 'photos'),
      // The embedded API is the system of record on a machine without a server: it runs the deadline
      // sweep (lights, 2-hour arrival checks) like a standalone one.
      jobIntervalMs: 30_000,
    })
    const address = await app.listen({ host: '127.0.0.1', port: options.port ?? 0 })
    log.info(
      `embedded central API on ${address} (${open.description}), ready in ${Math.round(performance.now() - started)} ms`,
    )
    const stop = new AbortController()
    const count = demoCasesFromEnv() ?? 600
    const demoCases: Promise<number> =
      fresh && count > 0
        ? // The photo restore of onReady ran before these cases existed: the seed writes their files itself.
          seedDemoCases(open.db, { count, signal: stop.signal, photos: app.photos }).then(
            (r) => {
              if (r.seeded) {
                log.info(
                  `demo case history: ${r.cases} cases (${r.openHazards} open safety hazards) in ${(r.ms / 1000).toFixed(0)} s`,
                )
              }
              return r.cases
            },
            (error: unknown) => {
              if (!stop.signal.aborted)
                log.warn(`demo case history not completed: ${(error as Error).message}`)
              return 0
            },
          )
        : Promise.resolve(0)
    return {
      url: address,
      demoCases,
      async close() {
        stop.abort()
        await app.close()
        await demoCases
        await open.close()
      },
    }
  } catch (error) {
    await open.close()
    throw error
  }
}

/** Where the embedded central keeps its database inside the workstation's data folder. */
export function embeddedCentralDir(dataDir: string): string {
  return join(dataDir, 'central')
}
