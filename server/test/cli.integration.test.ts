import { test, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer } from 'node:net'
import { sql } from 'kysely'
import { openDatabase } from '../src/db/connect.js'

// The README's start command, as a newcomer runs it: the server process on a fresh data folder, the
// embedded database, the demo city loaded on first start. Then the CLI's import on the same folder.

const bin = new URL('../bin/cityloop-server.js', import.meta.url).pathname
const dataDir = mkdtempSync(join(tmpdir(), 'cityloop-cli-'))
after(() => rmSync(dataDir, { recursive: true, force: true }))

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })
}

// A short demo case history keeps the first start quick (the default is 600 cases).
const DEMO_CASES = '30'

function cli(args: string[], extra: NodeJS.ProcessEnv = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, CITYLOOP_DATA_DIR: dataDir, CITYLOOP_DEMO_CASES: DEMO_CASES, ...extra }
  delete env.DATABASE_URL
  if (!('CITYLOOP_ADMIN_PASSWORD' in extra)) delete env.CITYLOOP_ADMIN_PASSWORD
  return spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', timeout: 120_000 })
}

test('serve: a fresh data folder gets the embedded database and the demo city', { timeout: 180_000 }, async () => {
  const port = await freePort()
  const env: NodeJS.ProcessEnv = { ...process.env, CITYLOOP_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', CITYLOOP_DEMO_CASES: DEMO_CASES }
  delete env.DATABASE_URL
  const server = spawn(process.execPath, [bin, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  server.stdout.on('data', (d) => (output += d))
  server.stderr.on('data', (d) => (output += d))
  try {
    const base = `http://127.0.0.1:${port}`
    const deadline = Date.now() + 150_000
    for (;;) {
      try {
        if ((await fetch(`${base}/healthz`)).ok) break
      } catch {
        // not listening yet
      }
      assert.ok(Date.now() < deadline, `server did not come up:\n${output}`)
      assert.equal(server.exitCode, null, `server exited:\n${output}`)
      await new Promise((r) => setTimeout(r, 250))
    }
    assert.match(output, /empty database: loaded the demo city/)
    assert.match(output, /30 demo cases \(.*\d+ open safety hazards\)/)
    const locate = (await (await fetch(`${base}/api/v1/locate?lon=119.920&lat=32.490&category=2013:component:0101`)).json()) as {
      grid: { id: string }
      responsible: { unit: { id: string } }[]
    }
    assert.match(locate.grid.id, /^321202\d{9}$/)
    assert.equal(locate.responsible[0]!.unit.id, 'city-water-supply')
  } finally {
    server.kill('SIGTERM')
    await new Promise((r) => server.once('exit', r))
  }
})

test('seed: the demo cases go into a database without cases only; usage errors exit 2', { timeout: 120_000 }, () => {
  const again = cli(['seed', 'demo-cases', '--count', '5'])
  assert.equal(again.status, 0, again.stderr)
  assert.match(again.stdout, /no demo cases added: the database already holds 30 cases/)
  const bad = cli(['seed', 'demo-cases', '--count', 'many'])
  assert.equal(bad.status, 2)
  assert.match(bad.stderr, /--count must be a whole number/)
  assert.equal(cli(['seed', 'parks']).status, 2)
})

test('import: a bad file is refused with line and field, nothing stored; usage errors exit 2', { timeout: 120_000 }, () => {
  const bad = join(dataDir, 'bad.csv')
  writeFileSync(bad, 'id,lon,lat,gridId,status,initialDate\n3212020101900001,119.92,32.49,321202001001001,完好,2024-13-01\n')
  const r = cli(['import', 'components', bad])
  assert.equal(r.status, 1, r.stderr)
  assert.match(r.stderr, /nothing was imported/)
  assert.match(r.stderr, /line 2.*initialDate|initialDate.*line 2/)
  // A missing file or a folder: one line naming it, exit 2, no stack.
  for (const [path, why] of [
    [join(dataDir, 'no-such.csv'), 'no such file'],
    [dataDir, 'is a directory; give the file to import'],
  ] as const) {
    for (const kind of ['components', 'grids']) {
      const r = cli(['import', kind, path])
      assert.equal(r.status, 2, r.stderr)
      assert.equal(r.stderr, `cityloop-server: ${path}: ${why}\n`)
    }
  }
  const usage = cli(['import', 'parks', bad])
  assert.equal(usage.status, 2)
  assert.match(usage.stderr, /unknown import kind "parks"/)
  assert.equal(cli(['frobnicate']).status, 2)
})

test('verify-audit: the demo history is whole (exit 0); an event edited through SQL is named (exit 1)', { timeout: 180_000 }, async () => {
  const whole = cli(['verify-audit'])
  assert.equal(whole.status, 0, whole.stderr)
  assert.match(whole.stdout, /audit record whole: 30 cases, \d+ events; seal [0-9a-f]{64}/)
  // A DBA's edit around the append-only trigger, on the folder the server ran on.
  const open = await openDatabase({ dataDir })
  let number: string
  try {
    const c = await open.db.selectFrom('case_file').select(['id', 'number']).where('event_seq', '>=', 2).orderBy('number').executeTakeFirstOrThrow()
    number = c.number
    await open.db.transaction().execute(async (trx) => {
      await sql`alter table case_event disable trigger case_event_no_change`.execute(trx)
      await sql`update case_event set actor_id = 'someone-else' where case_id = ${c.id} and seq = 2`.execute(trx)
      await sql`alter table case_event enable trigger case_event_no_change`.execute(trx)
    })
  } finally {
    await open.close()
  }
  const broken = cli(['verify-audit'])
  assert.equal(broken.status, 1, broken.stdout)
  assert.match(broken.stdout, new RegExp(`case ${number} event 2: content changed`))
  assert.match(broken.stderr, /the audit record is broken: 1 problem\(s\) in 1 case\(s\) of 30 cases/)
})

test('serve refuses a non-loopback HOST while demo credentials live; disable-demo-accounts; create-admin', { timeout: 180_000 }, () => {
  const refused = cli(['serve'], { HOST: '0.0.0.0', PORT: '0', LOG_LEVEL: 'warn' })
  assert.equal(refused.status, 1, refused.stdout + refused.stderr)
  const line = refused.stderr.trim()
  assert.match(line, /^cityloop-server: refusing to listen on HOST=0\.0\.0\.0: 13 accounts have the demo password \(admin, .*\) and the demo API key is active \(demo-sensor\); run "cityloop-server disable-demo-accounts"/)
  assert.doesNotMatch(line, /\n/, 'one line')

  const weak = cli(['create-admin', 'city-admin'], { CITYLOOP_ADMIN_PASSWORD: 'short' })
  assert.deepEqual([weak.status, weak.stderr.trim()], [2, 'cityloop-server: the password must be at least 10 characters'])
  assert.match(cli(['create-admin', 'city-admin'], { CITYLOOP_ADMIN_PASSWORD: 'city-admin-2026' }).stderr, /must not contain the username/)
  const noPassword = cli(['create-admin', 'city-admin'])
  assert.equal(noPassword.status, 2)
  assert.match(noPassword.stderr, /set CITYLOOP_ADMIN_PASSWORD or run in a terminal/)
  const created = cli(['create-admin', 'city-admin', '--display-name', '系统管理员 王'], { CITYLOOP_ADMIN_PASSWORD: 'harbour-lights-2026' })
  assert.equal(created.status, 0, created.stderr)
  assert.match(created.stdout, /created administrator "city-admin"/)
  assert.equal(cli(['create-admin', 'city-admin'], { CITYLOOP_ADMIN_PASSWORD: 'harbour-lights-2027' }).status, 1, 'exists')
  const reset = cli(['create-admin', 'city-admin', '--reset-password'], { CITYLOOP_ADMIN_PASSWORD: 'harbour-lights-2027' })
  assert.equal(reset.status, 0, reset.stderr)

  const disabled = cli(['disable-demo-accounts'])
  assert.equal(disabled.status, 0, disabled.stderr)
  assert.match(disabled.stdout, /disabled 13 accounts with the demo password \(admin, .*\) and 1 API clients with the demo key/)
  assert.match(cli(['disable-demo-accounts']).stdout, /disabled 0 accounts/)
})
