/**
 * @module renderer/e2e/central
 * The central API as its own process for the Chromium tests that need cases (cases.test.ts, screens.test.ts):
 * `node server/bin/cityloop-server.js serve` on a copy of a PGlite database seeded with `seed demo` (the demo
 * city and its month of cases), cached in the OS temp folder keyed by the seed's sources
 * (CITYLOOP_E2E_FRESH_CENTRAL=1 seeds again), or on the PostgreSQL at TEST_DATABASE_URL.
 */
/* eslint-disable no-restricted-imports -- Node only: it starts and stops the central API process */
import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { ROOT } from './harness.js'


export interface Central {
  readonly url: string
  start(): Promise<void>
  stop(): Promise<void>
}

/** Options of {@link startCentral}. */
export interface CentralOptions {
  /**
   * Seed this many demo cases (CITYLOOP_DEMO_CASES), whatever the environment says; a template of its own is
   * cached for it. Unset: the environment's choice (default 600), as before.
   */
  readonly demoCases?: number
}

/** Starts `cityloop-server serve` on a copy of the seeded database (or on TEST_DATABASE_URL). */
export async function startCentral(dataDir: string, options: CentralOptions = {}): Promise<Central> {
  // On PostgreSQL each central gets a database of its own: `seed demo` files demo cases only into a database
  // without cases, so centrals sharing one would see each other's cases and miss their demo history.
  const databaseUrl = process.env.TEST_DATABASE_URL ? await ownDatabase(process.env.TEST_DATABASE_URL) : undefined
  const seedEnv: Record<string, string> = options.demoCases !== undefined ? { CITYLOOP_DEMO_CASES: String(options.demoCases) } : {}
  if (databaseUrl) await runServer(['seed', 'demo'], { CITYLOOP_DATA_DIR: dataDir, DATABASE_URL: databaseUrl, ...seedEnv })
  else cpSync(await seededTemplate(seedEnv), dataDir, { recursive: true })
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  let child: ChildProcess | undefined
  const env = {
    PORT: String(port),
    HOST: '127.0.0.1',
    CITYLOOP_DATA_DIR: dataDir,
    CITYLOOP_JOB_INTERVAL_MS: '0',
    LOG_LEVEL: 'warn',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  }
  const central: Central = {
    url,
    async start() {
      const started = Date.now()
      child = spawn(process.execPath, [join(ROOT, 'server/bin/cityloop-server.js'), 'serve'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
      let output = ''
      child.stdout!.on('data', (c: Buffer) => (output += c.toString()))
      child.stderr!.on('data', (c: Buffer) => (output += c.toString()))
      for (;;) {
        if (child.exitCode !== null) throw new Error(`the central API exited (${child.exitCode}):\n${output}`)
        try {
          if ((await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(10_000) })).ok) {
            console.log(`[e2e central] central API answering after ${((Date.now() - started) / 1000).toFixed(1)} s`)
            return
          }
        } catch {
          // not listening yet
        }
        if (Date.now() - started > 600_000) {
          await central.stop()
          throw new Error(`the central API did not answer /healthz within 10 minutes:\n${output}`)
        }
        await new Promise((r) => setTimeout(r, 250))
      }
    },
    async stop() {
      const running = child
      child = undefined
      if (!running || running.exitCode !== null) return
      const exited = new Promise((r) => running.once('exit', r))
      running.kill('SIGTERM')
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))])
      if (running.exitCode === null) running.kill('SIGKILL')
    },
  }
  await central.start()
  return central
}

let databasesMade = 0

/** Creates `<test database>_e2e_<pid>_<n>` beside TEST_DATABASE_URL's database and returns its URL (.ci/run drops them). */
async function ownDatabase(url: string): Promise<string> {
  const target = new URL(url)
  const name = `${decodeURIComponent(target.pathname.slice(1))}_e2e_${process.pid}_${++databasesMade}`
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(`drop database if exists "${name}"`)
    await client.query(`create database "${name}"`)
  } finally {
    await client.end()
  }
  target.pathname = `/${encodeURIComponent(name)}`
  return target.toString()
}

/** A seeded central data folder in the OS temp folder, made once per version of the seed's sources. */
async function seededTemplate(seedEnv: Record<string, string>): Promise<string> {
  const hash = createHash('sha256')
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (!name.endsWith('.test.ts')) hash.update(path.slice(ROOT.length)).update(readFileSync(path))
    }
  }
  // What the seed writes (migrations run again on every start, so they need not be in the key).
  for (const dir of ['server/src/demo', 'gis-data/generator', 'gis-data/demo']) walk(join(ROOT, dir))
  hash.update(readFileSync(join(ROOT, 'node_modules/@electric-sql/pglite/package.json')))
  // A template seeded with a set number of cases is kept apart from one seeded under whatever the environment said.
  if (Object.keys(seedEnv).length) hash.update(JSON.stringify(seedEnv))
  const path = join(tmpdir(), `cityloop-e2e-central-${hash.digest('hex').slice(0, 16)}`)
  if (existsSync(path) && process.env.CITYLOOP_E2E_FRESH_CENTRAL !== '1') return path
  const partial = `${path}.${process.pid}.tmp`
  rmSync(partial, { recursive: true, force: true })
  const started = Date.now()
  await runServer(['seed', 'demo'], { CITYLOOP_DATA_DIR: partial, ...seedEnv })
  console.log(`[e2e central] seeded the central database in ${((Date.now() - started) / 1000).toFixed(0)} s (cached at ${path})`)
  rmSync(path, { recursive: true, force: true })
  renameSync(partial, path)
  return path
}

async function runServer(args: readonly string[], env: Record<string, string>): Promise<void> {
  const child = spawn(process.execPath, [join(ROOT, 'server/bin/cityloop-server.js'), ...args], { cwd: ROOT, env: { ...process.env, ...env } })
  let output = ''
  child.stdout.on('data', (c: Buffer) => (output += c.toString()))
  child.stderr.on('data', (c: Buffer) => (output += c.toString()))
  const code = await new Promise<number | null>((r) => child.on('close', r))
  if (code !== 0) throw new Error(`cityloop-server ${args.join(' ')} failed (${code}):\n${output}`)
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}
