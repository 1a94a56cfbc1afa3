/**
 * The case loop's write path through HTTP on PostgreSQL: case intake (POST /api/v1/cases) and actions
 * (POST /api/v1/cases/{id}/actions, 受理) as requests per second, against the ceiling of the same engine —
 * raw single-row INSERTs of the same case rows into a copy of case_file (same columns, checks and
 * indexes), one statement per row — measured in the same run at the same concurrency. Goal: ratio ≥ 0.5.
 *
 * The requests go through Fastify's full stack (`app.inject`: routing, bearer-token auth, validation,
 * serialization) without a socket, so the client does not compete with the server for the CPU.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { FastifyInstance } from 'fastify'
import { loadDemoCity } from '../gis-data/demo-city.js'
import { buildApp } from '../server/src/app.js'
import type { CaseFileTable, Database } from '../server/src/db/schema.js'
import { seedDemoCity } from '../server/src/demo/demo.js'
import { DEFAULT_DEMO_PASSWORD } from '../server/src/config.js'
import { perSecond, timed } from './clock.js'
import { openBenchDatabase } from './import.js'
import { versus, type Measurement } from './report.js'

/** What {@link benchCases} is asked to do. */
export interface CaseBenchOptions {
  /** PostgreSQL connection string (a schema bench_<pid> is created and dropped). */
  readonly url: string
  /** Cases filed (and then accepted). Default 2,000. */
  readonly cases?: number
  /** Requests in flight at once (and concurrent INSERTs for the baseline). Default 8. */
  readonly concurrency?: number
  readonly log?: (message: string) => void
}

/** What {@link benchCases} measured. */
export interface CaseBenchResult {
  readonly cases: number
  readonly concurrency: number
  /** POST /cases per second. */
  readonly intakeRate: number
  /** POST /cases/{id}/actions (accept) per second. */
  readonly actionRate: number
  /** Raw single-row INSERTs of case rows per second. */
  readonly rawRate: number
  readonly intakeRatio: number
  readonly actionRatio: number
}

// 暴露垃圾: routed to each district's sanitation office, 2 working hours; the commonest case there is.
const CATEGORY = '2026:event:06010'

/** Files `cases` cases and accepts each through the API, and times raw INSERTs of the same rows. */
export async function benchCases(options: CaseBenchOptions): Promise<CaseBenchResult> {
  const n = options.cases ?? 2_000
  const concurrency = options.concurrency ?? 8
  const log = options.log ?? (() => undefined)
  const open = await openBenchDatabase({ name: 'postgres', url: options.url })
  const photosDir = mkdtempSync(join(tmpdir(), 'cityloop-bench-photos-'))
  let app: FastifyInstance | undefined
  try {
    const city = loadDemoCity()
    log(`cases: seeding the demo city (${city.grids.length.toLocaleString('en-US')} grids) and its accounts`)
    await seedDemoCity(open.db, { ...city, components: [] })
    app = await buildApp({ db: open.db, databaseEngine: open.engine, photosDir })
    // The receiver records phoned-in complaints (source public) and accepts them.
    const receiver = await bearer(app, 'receiver')
    // Grid centres across the city: cases spread like real ones, so the duplicate check finds few neighbours.
    const points = city.grids.map((g) => {
      const ring = g.geometry.coordinates[0]!
      const xs = ring.map((p) => p[0]!)
      const ys = ring.map((p) => p[1]!)
      return { lon: (Math.min(...xs) + Math.max(...xs)) / 2, lat: (Math.min(...ys) + Math.max(...ys)) / 2 }
    })
    const intake = (i: number) => async () => {
      const res = await app!.inject({
        method: 'POST',
        url: '/api/v1/cases',
        headers: { authorization: receiver, 'idempotency-key': `bench-${i}` },
        payload: {
          ...points[i % points.length]!,
          categoryKey: CATEGORY,
          source: 'public',
          description: `bench ${i}`,
          reporterContact: '13800000000',
        },
      })
      if (res.statusCode !== 201) throw new Error(`POST /cases answered ${res.statusCode}: ${res.body}`)
      return (res.json() as { case: { id: string } }).case.id
    }
    const accept = (id: string) => async () => {
      const res = await app!.inject({
        method: 'POST',
        url: `/api/v1/cases/${id}/actions`,
        headers: { authorization: receiver },
        payload: { action: 'accept', version: 1 },
      })
      if (res.statusCode !== 200) throw new Error(`accept answered ${res.statusCode}: ${res.body}`)
    }

    // The baseline table: case_file's columns, checks, defaults and indexes, filled with real case rows.
    await sql`create table bench_case_raw (like case_file including all)`.execute(open.db)
    const warm = Math.min(200, n)
    log(`cases: warming up (${warm} intakes, actions and raw inserts)`)
    const warmIds = await inParallel(
      Array.from({ length: warm }, (_, i) => intake(n + i)),
      concurrency,
    )
    await inParallel(warmIds.map(accept), concurrency)
    const template = await open.db
      .selectFrom('case_file')
      .selectAll()
      .where('id', '=', warmIds[0]!)
      .executeTakeFirstOrThrow()
    const raw = open.db.withTables<{ bench_case_raw: CaseFileTable }>()
    const rawRow = (i: number) => ({
      ...template,
      id: `raw-${i}`,
      number: `raw-${i}`,
      state: JSON.stringify(template.state),
    })
    const insertRaw = (i: number) => async () => {
      await raw.insertInto('bench_case_raw').values(rawRow(i)).execute()
    }
    await inParallel(
      Array.from({ length: warm }, (_, i) => insertRaw(n + i)),
      concurrency,
    )

    log(`cases: raw single-row INSERT × ${n.toLocaleString('en-US')} at concurrency ${concurrency}`)
    const rawRun = await timed(() =>
      inParallel(
        Array.from({ length: n }, (_, i) => insertRaw(i)),
        concurrency,
      ),
    )
    log(`cases: POST /cases × ${n.toLocaleString('en-US')}`)
    const intakeRun = await timed(() =>
      inParallel(
        Array.from({ length: n }, (_, i) => intake(i)),
        concurrency,
      ),
    )
    log(`cases: POST /cases/{id}/actions (accept) × ${n.toLocaleString('en-US')}`)
    const actionRun = await timed(() => inParallel(intakeRun.value.map(accept), concurrency))

    await expectCount(
      open.db,
      sql<{ n: string }>`select count(*)::text as n from bench_case_raw where id like 'raw-%'`,
      n + warm,
    )
    await expectCount(
      open.db,
      sql<{ n: string }>`select count(*)::text as n from case_file where status = 'accepted'`,
      n + warm,
    )
    await expectCount(
      open.db,
      sql<{ n: string }>`select count(*)::text as n from case_event where type = 'accept'`,
      n + warm,
    )
    await expectCount(
      open.db,
      sql<{ n: string }>`select count(*)::text as n from change_log where entity = 'case'`,
      n + warm,
    )

    const rawRate = perSecond(n, rawRun.ms)
    const intakeRate = perSecond(n, intakeRun.ms)
    const actionRate = perSecond(n, actionRun.ms)
    return {
      cases: n,
      concurrency,
      intakeRate,
      actionRate,
      rawRate,
      intakeRatio: intakeRate / rawRate,
      actionRatio: actionRate / rawRate,
    }
  } finally {
    await app?.close()
    await open.close()
    rmSync(photosDir, { recursive: true, force: true })
  }
}

/** The two rows of the bench report: intake and actions, each against the raw INSERT ceiling. */
export function caseMeasurements(r: CaseBenchResult): Measurement[] {
  const note = `${r.cases.toLocaleString('en-US')} requests, ${r.concurrency} in flight; goal ≥ 0.5×`
  return [
    versus(
      'case intake postgres (HTTP)',
      { value: r.intakeRate, unit: 'cases/s' },
      { value: r.rawRate, unit: 'rows/s' },
      note,
    ),
    versus(
      'case actions postgres (HTTP)',
      { value: r.actionRate, unit: 'actions/s' },
      { value: r.rawRate, unit: 'rows/s' },
      note,
    ),
  ]
}

async function bearer(app: FastifyInstance, username: string): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: DEFAULT_DEMO_PASSWORD },
  })
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username}: ${res.body}`)
  return `Bearer ${(res.json() as { token: string }).token}`
}

/** Runs the tasks with at most `limit` in flight; results in task order. */
async function inParallel<T>(tasks: ReadonlyArray<() => Promise<T>>, limit: number): Promise<T[]> {
  const out: T[] = new Array(tasks.length)
  let next = 0
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++
      out[i] = await tasks[i]!()
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker))
  return out
}

// A fast path that lost writes would be worthless, so the counts are checked, not assumed.
async function expectCount(
  db: Kysely<Database>,
  query: RawBuilder<{ n: string }>,
  expected: number,
): Promise<void> {
  const n = Number((await query.execute(db)).rows[0]!.n)
  if (n !== expected) throw new Error(`${query.compile(db).sql} gave ${n}, expected ${expected}`)
}
