import { accessSync, constants, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { readConfig, readTlsFiles, type ServerConfig } from './config.js'
import { openDatabase, type OpenDatabase } from './db/connect.js'
import { migrateToLatest } from './db/migrate.js'
import { buildApp } from './app.js'
import { isEmpty } from './db/regions.js'
// The demo (server/src/demo/) is loaded only on the demo's paths (seed, an empty or embedded database, the
// live demo): a DATABASE_URL deployment's `serve` runs without its code.
import type { SeedCounts } from './demo/demo.js'
import type { DemoCaseSummary } from './demo/demo-cases.js'
import { createPhotoStore } from './services/photo-store.js'
import { importGridsFile } from './commands/import-grids.js'
import { importComponentsFile } from './commands/import-components.js'
import { ImportFailed } from './commands/import-failed.js'
import { withCurrentMatrix } from './policies/permission-matrix.js'
import { verifyCaseChains } from './db/case-chain.js'
import { DEFAULT_DEMO_API_KEY, DEFAULT_DEMO_PASSWORD } from './config.js'
import type { Kysely } from 'kysely'
import type { Database } from './db/schema.js'
import { randomUUID } from 'node:crypto'
import { findKnownCredentials, isLoopbackHost } from './auth/known-credentials.js'
import { passwordProblem } from './auth/password-policy.js'
import { hashPassword } from './auth/passwords.js'
import { deleteUserSessions, findUserByUsername, setPasswordHash, setUserActive, upsertUsers } from './db/users.js'
import { insertAudit } from './db/audit.js'

const USAGE = `cityloop-server — the CityLoop central API (数字城管 system of record)

Usage:
  cityloop-server serve                       start the API (migrates; an empty embedded database gets the demo city
                                              and its demo accounts, an empty DATABASE_URL database the city's
                                              reference data only — no accounts)
  cityloop-server create-admin USERNAME [--display-name NAME] [--reset-password]
                                              create an administrator (password from CITYLOOP_ADMIN_PASSWORD, or
                                              asked for without echo); --reset-password: set an existing
                                              account's password, enable it and end its sessions
  cityloop-server disable-demo-accounts       disable every account that has the demo password, and the demo API key
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
  default 60 photos and 200 MB per 10 minutes),
  CITYLOOP_ADMIN_PASSWORD (create-admin), CITYLOOP_IDLE_MINUTES (default 30), CITYLOOP_RATE_LIMIT (requests a
  minute per address, default 1200; 0 = off), CITYLOOP_LOGIN_RATE_LIMIT (default 30), CITYLOOP_RATE_LIMIT_ALLOW,
  CITYLOOP_TRUST_PROXY (behind a reverse proxy), CITYLOOP_TLS_CERT and CITYLOOP_TLS_KEY (PEM files: serve HTTPS), CITYLOOP_AUDIT_RETENTION_DAYS (default 365, at least 180)

A non-loopback HOST is refused while an active account has the demo password or the demo API key is active.`

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
      'display-name': { type: 'string' },
      'reset-password': { type: 'boolean' },
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
    case 'create-admin': {
      if (!sub) return usage('create-admin needs a USERNAME')
      if (!/^[a-z0-9][a-z0-9._-]{1,62}$/.test(sub)) return usage(`USERNAME must be 2-63 of a-z 0-9 . _ - (starting with a letter or digit), got "${sub}"`)
      const password = env.CITYLOOP_ADMIN_PASSWORD ?? (process.stdin.isTTY ? await askPassword(sub) : undefined)
      if (password === undefined) return usage('set CITYLOOP_ADMIN_PASSWORD or run in a terminal to be asked for the password')
      const problem = passwordProblem(password, sub, [DEFAULT_DEMO_PASSWORD, config.demoPassword])
      if (problem) {
        console.error(`cityloop-server: the password ${problem}`)
        return 2
      }
      return withDatabase(config, async ({ db }) => createAdmin(db, { username: sub, password, displayName: values['display-name'] ?? sub, reset: values['reset-password'] === true }))
    }
    case 'disable-demo-accounts':
      return withDatabase(config, async ({ db }) => {
        const found = await findKnownCredentials(db, [DEFAULT_DEMO_PASSWORD, config.demoPassword], [DEFAULT_DEMO_API_KEY, config.demoApiKey])
        const now = new Date()
        for (const username of found.usernames) {
          const user = (await findUserByUsername(db, username))!
          await setUserActive(db, user.id, false, now)
          await deleteUserSessions(db, user.id)
          await insertAudit(db, { at: now, actorKind: 'system', actorName: 'cityloop-server disable-demo-accounts', action: 'user.disable', outcome: 'success', target: user.id, details: { username, reason: 'demo password' } })
        }
        for (const id of found.apiClients) {
          await db.updateTable('api_client').set({ active: false }).where('id', '=', id).execute()
          await insertAudit(db, { at: now, actorKind: 'system', actorName: 'cityloop-server disable-demo-accounts', action: 'api-client.disable', outcome: 'success', target: id, details: { reason: 'demo API key' } })
        }
        console.log(`disabled ${found.usernames.length} accounts with the demo password${found.usernames.length ? ` (${found.usernames.join(', ')})` : ''} and ${found.apiClients.length} API clients with the demo key`)
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
        const { seedDemoCity } = await import('./demo/demo.js')
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
      const { seedDemoCases } = await import('./demo/demo-cases.js')
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

/**
 * What `serve` does to an empty database: the embedded one (no DATABASE_URL: `npm run server`, the
 * workstation) gets the whole demo — city, accounts with the published password, cases; a DATABASE_URL
 * database, which may be a real deployment's, gets the demo city's reference data only (regions, grids,
 * units, catalogs, components) and never an account: its first administrator comes from create-admin.
 * Returns the log line, or undefined when the database was not empty.
 */
export async function prepareEmptyDatabase(db: Kysely<Database>, config: Pick<ServerConfig, 'databaseUrl' | 'demoPassword' | 'demoApiKey' | 'dataDir'>): Promise<string | undefined> {
  if (!(await isEmpty(db))) return undefined
  const started = Date.now()
  const { seedDemoCity } = await import('./demo/demo.js')
  if (config.databaseUrl) {
    const counts = await seedDemoCity(db, undefined, {}, { accounts: false })
    return (
      `empty database: loaded the demo city's reference data in ${Date.now() - started} ms (${formatCounts(counts)}); ` +
      'no accounts: create the first administrator with "cityloop-server create-admin USERNAME" (or load the whole demo with "cityloop-server seed demo")'
    )
  }
  const counts = await seedDemoCity(db, undefined, { password: config.demoPassword, apiKey: config.demoApiKey }, { cases: { photos: createPhotoStore(join(config.dataDir, 'photos')) } })
  return `empty database: loaded the demo city in ${Date.now() - started} ms (${formatCounts(counts)})`
}

/** Why `serve` may not listen on `config.host`, or undefined: a non-loopback address with a published credential live. */
export async function refusalToListen(db: Kysely<Database>, config: Pick<ServerConfig, 'host' | 'demoPassword' | 'demoApiKey'>): Promise<string | undefined> {
  if (isLoopbackHost(config.host)) return undefined
  const found = await findKnownCredentials(db, [DEFAULT_DEMO_PASSWORD, config.demoPassword], [DEFAULT_DEMO_API_KEY, config.demoApiKey])
  if (found.usernames.length === 0 && found.apiClients.length === 0) return undefined
  const what = [
    ...(found.usernames.length ? [`${found.usernames.length} accounts have the demo password (${found.usernames.slice(0, 5).join(', ')}${found.usernames.length > 5 ? ', …' : ''})`] : []),
    ...(found.apiClients.length ? [`the demo API key is active (${found.apiClients.join(', ')})`] : []),
  ].join(' and ')
  return `refusing to listen on HOST=${config.host}: ${what}; run "cityloop-server disable-demo-accounts" and "cityloop-server create-admin USERNAME", or listen on 127.0.0.1`
}

async function serve(config: ServerConfig): Promise<number> {
  // Certificate files are read before the database opens, so a wrong path costs no start-up.
  let https: { cert: Buffer; key: Buffer } | undefined
  try {
    https = config.tls ? readTlsFiles(config.tls, (path) => readFileSync(path)) : undefined
  } catch (error) {
    console.error(`cityloop-server: ${(error as Error).message}`)
    return 2
  }
  const open = await openDatabase({ ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}), dataDir: config.dataDir })
  await migrateToLatest(open.db as never)
  const seeded = await prepareEmptyDatabase(open.db, config)
  if (seeded) console.log(seeded)
  const refusal = await refusalToListen(open.db, config)
  if (refusal) {
    console.error(`cityloop-server: ${refusal}`)
    await open.close()
    return 1
  }
  const app = await buildApp({
    db: open.db,
    databaseEngine: open.engine,
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
    photosDir: join(config.dataDir, 'photos'),
    sessionHours: config.sessionHours,
    idleMinutes: config.idleMinutes,
    jobIntervalMs: config.jobIntervalMs,
    // The embedded database holds the whole demo; a DATABASE_URL one runs the demo only when asked for the live demo.
    ...(!config.databaseUrl || config.demoActivity ? { demo: (await import('./demo/app-demo.js')).appDemo({ activity: config.demoActivity }) } : {}),
    rateLimit: { perMinute: config.rateLimit, loginPerMinute: config.loginRateLimit, allowList: config.rateLimitAllow },
    ...(config.trustProxy !== undefined ? { trustProxy: config.trustProxy } : {}),
    auditRetentionDays: config.auditRetentionDays,
    demoPassword: config.demoPassword,
    ...(https ? { https } : {}),
  })
  if (!https && config.trustProxy === undefined && !isLoopbackHost(config.host)) {
    // Tokens and citizens' contacts would cross the network in clear text; say so, once, at start.
    app.log.warn(`serving plain HTTP on HOST=${config.host}: put a TLS reverse proxy in front (and set CITYLOOP_TRUST_PROXY) or set CITYLOOP_TLS_CERT and CITYLOOP_TLS_KEY`)
  }
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

/**
 * 创建管理员 — the first administrator of a real deployment (or, with `reset`, a new password for an
 * existing account, which is enabled and signed out everywhere). Audited as the command line's doing.
 */
async function createAdmin(db: Kysely<Database>, props: { readonly username: string; readonly password: string; readonly displayName: string; readonly reset: boolean }): Promise<number> {
  const now = new Date()
  const existing = await findUserByUsername(db, props.username)
  const actor = { at: now, actorKind: 'system' as const, actorName: 'cityloop-server create-admin', outcome: 'success' as const }
  if (existing && !props.reset) {
    console.error(`cityloop-server: an account "${props.username}" exists; add --reset-password to set its password`)
    return 1
  }
  const hash = await hashPassword(props.password)
  if (existing) {
    await db.transaction().execute(async (trx) => {
      await setPasswordHash(trx, existing.id, hash, now)
      await setUserActive(trx, existing.id, true, now)
      await deleteUserSessions(trx, existing.id)
      await insertAudit(trx, { ...actor, action: 'user.password-reset', target: existing.id, details: { username: props.username } })
    })
    console.log(`set the password of ${existing.role} "${props.username}", enabled it and ended its sessions`)
    return 0
  }
  const id = randomUUID()
  await db.transaction().execute(async (trx) => {
    await upsertUsers(trx, [{ id, username: props.username, displayName: props.displayName, role: 'admin', passwordHash: hash }])
    await insertAudit(trx, { ...actor, action: 'user.create', target: id, details: { username: props.username, role: 'admin' } })
  })
  console.log(`created administrator "${props.username}"`)
  return 0
}

/** Asks for a new password twice on the terminal, without echo. */
async function askPassword(username: string): Promise<string | undefined> {
  const first = await readHidden(`new password for ${username}: `)
  if (first === undefined) return undefined
  const second = await readHidden('again: ')
  if (second !== first) {
    console.error('cityloop-server: the two passwords differ')
    return undefined
  }
  return first
}

function readHidden(prompt: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const input = process.stdin
    process.stdout.write(prompt)
    input.setRawMode(true)
    input.resume()
    input.setEncoding('utf8')
    let text = ''
    const done = (value: string | undefined) => {
      input.setRawMode(false)
      input.pause()
      input.off('data', onData)
      process.stdout.write('\n')
      resolve(value)
    }
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done(text)
        if (ch === '\u0003' || ch === '\u0004') return done(undefined) // Ctrl-C, Ctrl-D
        if (ch === '\u007f' || ch === '\b') text = text.slice(0, -1)
        else text += ch
      }
    }
    input.on('data', onData)
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
