import { accessSync, constants, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { readConfig, type ServerConfig } from './config.js'
import { openDatabase, type OpenDatabase } from './db/connect.js'
import { migrateToLatest } from './db/migrate.js'
import { buildApp } from './app.js'
import { isEmpty, seedDemoCity, type SeedCounts } from './seed/demo.js'
import { seedDemoCases, type DemoCaseSummary } from './seed/demo-cases.js'
import { createPhotoStore } from './services/photo-store.js'
import { importGridsFile } from './commands/import-grids.js'
import { importComponentsFile } from './commands/import-components.js'
import { ImportFailed } from './commands/import-failed.js'
import { withCurrentMatrix } from './services/permission-matrix.js'
import { verifyCaseChains } from './db/case-chain.js'

const USAGE = `cityloop-server — the CityLoop central API (数字城管 system of record)

Usage:
  cityloop-server serve                       start the API (migrates; loads the demo city into an empty database)
  cityloop-server migrate                     bring the database schema up to date
  cityloop-server seed demo [--no-cases]      load the demo city, both standard catalogs and the demo accounts,
                                              then a month of demo cases (skipped when the database holds cases)
  cityloop-server seed demo-cases [--count N] [--days D] [--seed S]
                                              only the demo cases (default 600 over 30 days up to now)
  cityloop-server import grids FILE.geojson   import unit grids (one transaction; nothing is stored on any error)
  cityloop-server import components FILE.csv|FILE.geojson [--crs CGCS2000|WGS84|GCJ02|BD09]
  cityloop-server verify-audit                walk every case's event chain (操作记录防篡改); lists each broken
                                              link, exit 1 when any, 0 when all are whole
  cityloop-server docs permissions            rewrite the role × action table in docs/permissions.md from core

Environment:
  PORT (default 8080), HOST (default 127.0.0.1), CITYLOOP_DATA_DIR (default ./data),
  DATABASE_URL (PostgreSQL; when unset the embedded PGlite in CITYLOOP_DATA_DIR is used),
  CITYLOOP_DEMO_PASSWORD (demo accounts, default cityloop-demo), CITYLOOP_DEMO_API_KEY,
  CITYLOOP_SESSION_HOURS (default 12), CITYLOOP_JOB_INTERVAL_MS (deadline sweep, default 30000; 0 = off),
  CITYLOOP_DEMO_CASES (demo cases the demo seed files, default 600; 0 = none),
  CITYLOOP_DEMO_ACTIVITY (1 = file and advance demo cases every 20-60 s, for a live wall screen),
  CITYLOOP_PHOTO_UPLOADS, CITYLOOP_PHOTO_UPLOAD_MB, CITYLOOP_PHOTO_WINDOW_MINUTES (photo uploads per caller:
  default 60 photos and 200 MB per 10 minutes)`

/** Runs one command; returns the process exit code. */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { positionals, values } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      crs: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      'no-cases': { type: 'boolean' },
      count: { type: 'string' },
      days: { type: 'string' },
      seed: { type: 'string' },
    },
  })
  const [command, sub, file] = positionals
  if (values.help || !command) {
    console.log(USAGE)
    return command || values.help ? 0 : 2
  }
  let config: ServerConfig
  try {
    config = readConfig(env)
  } catch (e) {
    console.error(`cityloop-server: ${(e as Error).message}`)
    return 2
  }
  const usage = (message: string) => {
    console.error(`cityloop-server: ${message}\n\n${USAGE}`)
    return 2
  }
  switch (command) {
    case 'serve':
      return serve(config)
    case 'migrate':
      return withDatabase(config, async () => 0)
    case 'verify-audit':
      return withDatabase(config, async ({ db }) => {
        const result = await verifyCaseChains(db)
        for (const b of result.breaks) console.log(`case ${b.caseNumber} event ${b.seq}: ${b.problem} — ${b.detail}`)
        const summary = `${result.cases} cases, ${result.events} events; seal ${result.seal}`
        if (result.breaks.length > 0) {
          const cases = new Set(result.breaks.map((b) => b.caseId)).size
          console.error(`cityloop-server: the audit record is broken: ${result.breaks.length} problem(s) in ${cases} case(s) of ${summary}`)
          return 1
        }
        console.log(`audit record whole: ${summary}`)
        return 0
      })
    case 'docs': {
      if (sub !== 'permissions') return usage(`unknown docs "${sub ?? ''}"; the one is "permissions"`)
      const path = fileURLToPath(new URL('../../docs/permissions.md', import.meta.url))
      writeFileSync(path, withCurrentMatrix(readFileSync(path, 'utf8')))
      console.log(`wrote the permission matrix into ${path}`)
      return 0
    }
    case 'seed': {
      if (sub !== 'demo' && sub !== 'demo-cases') return usage(`unknown seed "${sub ?? ''}"; the seeds are "demo" and "demo-cases"`)
      const photos = createPhotoStore(join(config.dataDir, 'photos'))
      if (sub === 'demo') {
        return withDatabase(config, async ({ db }) => {
          const counts = await seedDemoCity(db, undefined, { password: config.demoPassword, apiKey: config.demoApiKey }, { cases: values['no-cases'] ? false : { photos } })
          console.log(`seeded the demo city: ${formatCounts(counts)}`)
          return 0
        })
      }
      const numbers: Record<'count' | 'days' | 'seed', number | undefined> = { count: undefined, days: undefined, seed: undefined }
      for (const name of ['count', 'days', 'seed'] as const) {
        const text = values[name]
        if (text === undefined) continue
        const n = Number(text)
        if (!Number.isFinite(n) || n < 0 || (name !== 'days' && !Number.isInteger(n)) || (name === 'days' && n === 0)) return usage(`--${name} must be a ${name === 'days' ? 'number above 0' : 'whole number'}, got "${text}"`)
        numbers[name] = n
      }
      return withDatabase(config, async ({ db }) => {
        const summary = await seedDemoCases(db, {
          photos,
          ...(numbers.count !== undefined ? { count: numbers.count } : config.demoCases !== undefined ? { count: config.demoCases } : {}),
          ...(numbers.days !== undefined ? { days: numbers.days } : {}),
          ...(numbers.seed !== undefined ? { seed: numbers.seed } : {}),
        })
        console.log(formatCases(summary))
        return 0
      })
    }
    case 'import': {
      if (!file) return usage('import needs a kind (grids | components) and a file')
      const crs = values.crs
      if (crs !== undefined && !['CGCS2000', 'WGS84', 'GCJ02', 'BD09'].includes(crs)) return usage(`--crs must be CGCS2000, WGS84, GCJ02 or BD09, got "${crs}"`)
      const options = crs ? { crs: crs as 'CGCS2000' | 'WGS84' | 'GCJ02' | 'BD09' } : {}
      if (sub !== 'grids' && sub !== 'components') return usage(`unknown import kind "${sub}"; use grids or components`)
      // Checked before the database opens: a mistyped path is one line, not a stack.
      const unreadable = fileProblem(file)
      if (unreadable) {
        console.error(`cityloop-server: ${file}: ${unreadable}`)
        return 2
      }
      return withDatabase(config, async ({ db }) => {
        try {
          const result = sub === 'grids' ? await importGridsFile(db, file, options) : await importComponentsFile(db, file, options)
          console.log(`imported ${result.count} ${sub} from ${file}`)
          return 0
        } catch (e) {
          if (e instanceof ImportFailed) {
            console.error(`cityloop-server: ${file}: nothing was imported:\n${e.message}`)
            return 1
          }
          // The file went away or changed kind between the check and the read.
          const code = (e as NodeJS.ErrnoException).code
          if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
            console.error(`cityloop-server: ${file}: ${fileProblem(file) ?? (e as Error).message}`)
            return 2
          }
          throw e
        }
      })
    }
    default:
      return usage(`unknown command "${command}"`)
  }
}

/** Why `path` cannot be imported (missing, a directory, unreadable), or undefined when it is a readable file. */
function fileProblem(path: string): string | undefined {
  try {
    const st = statSync(path)
    if (st.isDirectory()) return 'is a directory; give the file to import'
    if (!st.isFile()) return 'is not a regular file'
    accessSync(path, constants.R_OK)
    return undefined
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such file'
    if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)'
    return (e as Error).message
  }
}

async function withDatabase(config: ServerConfig, run: (open: OpenDatabase) => Promise<number>): Promise<number> {
  const open = await openDatabase({ ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}), dataDir: config.dataDir })
  try {
    await migrateToLatest(open.db as never)
    return await run(open)
  } finally {
    await open.close()
  }
}

async function serve(config: ServerConfig): Promise<number> {
  const open = await openDatabase({ ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}), dataDir: config.dataDir })
  await migrateToLatest(open.db as never)
  if (await isEmpty(open.db)) {
    const started = Date.now()
    const counts = await seedDemoCity(open.db, undefined, { password: config.demoPassword, apiKey: config.demoApiKey }, { cases: { photos: createPhotoStore(join(config.dataDir, 'photos')) } })
    console.log(`empty database: loaded the demo city in ${Date.now() - started} ms (${formatCounts(counts)})`)
  }
  const app = await buildApp({
    db: open.db,
    databaseEngine: open.engine,
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
    photosDir: join(config.dataDir, 'photos'),
    sessionHours: config.sessionHours,
    jobIntervalMs: config.jobIntervalMs,
    demoActivity: config.demoActivity,
  })
  const stop = async (signal: string) => {
    app.log.info(`${signal}: shutting down`)
    await app.close()
    await open.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void stop('SIGINT'))
  process.once('SIGTERM', () => void stop('SIGTERM'))
  const address = await app.listen({ port: config.port, host: config.host })
  console.log(`CityLoop central API on ${address} — docs ${address}/api/docs — database: ${open.description}`)
  return new Promise<number>(() => {
    // Runs until a signal stops it.
  })
}

function formatCounts(c: SeedCounts): string {
  const city = `${c.catalogClasses} catalog classes, ${c.regions} regions, ${c.grids} grids, ${c.units} units, ${c.rules} routing rules, ${c.components} components, ${c.users} demo accounts`
  return c.cases ? `${city}; ${formatCases(c.cases)}` : city
}

function formatCases(s: DemoCaseSummary): string {
  if (!s.seeded) return `no demo cases added: ${s.reason}`
  const statuses = Object.entries(s.byStatus).map(([k, v]) => `${k} ${v}`).join(', ')
  return `${s.cases} demo cases (${statuses}; ${s.openHazards} open safety hazards) from ${s.commands} commands in ${(s.ms / 1000).toFixed(1)} s`
}
