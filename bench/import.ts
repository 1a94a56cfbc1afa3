import { sql, type Kysely } from 'kysely'
import pg from 'pg'
import type { DemoCity } from '../gis-data/generator/index.js'
import { COMPONENT_CSV_COLUMNS, componentCsvRow } from '../gis-data/generator/write.js'
import { importComponents } from '../server/src/commands/import-components.js'
import { componentRow } from '../server/src/db/components.js'
import { openDatabase, type OpenDatabase } from '../server/src/db/connect.js'
import { migrateToLatest } from '../server/src/db/migrate.js'
import type { ComponentTable, Database } from '../server/src/db/schema.js'
import { seedDemoCity } from '../server/src/demo/demo.js'
import { timed, perSecond } from './clock.js'

/** A database engine to import into. */
export type Backend = { readonly name: 'pglite' } | { readonly name: 'postgres'; readonly url: string }

/** What {@link benchImport} measured. */
export interface ImportResult {
  readonly rows: number
  /** `importComponents` rows per second: parse, validate, cross-check, upsert and change feed. */
  readonly importRate: number
  /** Raw multi-row INSERT rows per second, the floor the driver and engine allow. */
  readonly rawRate: number
  readonly importMs: number
  readonly rawMs: number
}

// Same batch size as upsertComponents, so the baseline differs only in what the import adds.
const BATCH = 1000

/** A migrated, empty database: in-memory PGlite, or a fresh PostgreSQL schema `bench_<pid>` that close() drops. */
export async function openBenchDatabase(backend: Backend): Promise<OpenDatabase> {
  if (backend.name === 'pglite') {
    const open = await openDatabase({ dataDir: 'memory://' })
    await migrateToLatest(open.db as Kysely<unknown>)
    return open
  }
  const schema = `bench_${process.pid}`
  const open = await openDatabase({ databaseUrl: backend.url, schema })
  const dropSchema = async () => {
    const client = new pg.Client({ connectionString: backend.url })
    await client.connect()
    try {
      await client.query(`drop schema if exists ${schema} cascade`)
    } finally {
      await client.end()
    }
  }
  try {
    await migrateToLatest(open.db as Kysely<unknown>)
  } catch (error) {
    await open.close()
    await dropSchema()
    throw error
  }
  return { ...open, close: () => open.close().then(dropSchema) }
}

/** The components as the generator writes components.csv: the file a GIS team would import. */
export function componentsCsv(city: DemoCity): string {
  return [COMPONENT_CSV_COLUMNS.join(','), ...city.components.map(componentCsvRow)].join('\n') + '\n'
}

/**
 * Seeds the city's reference data, then times `importComponents` of its components as CSV against a raw
 * multi-row INSERT of the same rows into a copy of the component table, and checks both row counts.
 */
export async function benchImport(
  open: OpenDatabase,
  city: DemoCity,
  log: (message: string) => void,
): Promise<ImportResult> {
  const db = open.db
  const rows = city.components.length
  await seedDemoCity(db, { ...city, components: [] })
  // `including all` copies the checks, defaults and indexes, so the baseline maintains the same structures.
  await sql`create table bench_raw (like component including all)`.execute(db)
  const raw = db.withTables<{ bench_raw: ComponentTable }>()
  const values = city.components.map(componentRow)
  const insertRaw = (from: number, to: number) =>
    raw.transaction().execute(async (trx) => {
      for (let i = from; i < to; i += BATCH)
        await trx
          .insertInto('bench_raw')
          .values(values.slice(i, Math.min(i + BATCH, to)))
          .execute()
    })
  const csv = componentsCsv(city)
  const warmCsv = componentsCsv({ ...city, components: city.components.slice(0, BATCH) })

  // Warm-up of both paths (JIT, query compilation, driver buffers), then back to empty tables.
  await insertRaw(0, Math.min(BATCH, rows))
  await importComponents(db, { format: 'csv', text: warmCsv }, {})
  await sql`truncate bench_raw`.execute(db)
  await db.deleteFrom('component').execute()
  await db.deleteFrom('change_log').where('entity', '=', 'component').execute()

  log(`${open.engine}: raw insert of ${rows.toLocaleString('en-US')} rows`)
  const rawRun = await timed(() => insertRaw(0, rows))
  log(
    `${open.engine}: importComponents of ${rows.toLocaleString('en-US')} rows (${(csv.length / 1e6).toFixed(1)} MB of CSV)`,
  )
  const importRun = await timed(() => importComponents(db, { format: 'csv', text: csv }, {}))

  await expectCount(db, 'bench_raw', rows)
  await expectCount(db, 'component', rows)
  if (importRun.value.count !== rows)
    throw new Error(`importComponents reported ${importRun.value.count} rows, expected ${rows}`)
  return {
    rows,
    importRate: perSecond(rows, importRun.ms),
    rawRate: perSecond(rows, rawRun.ms),
    importMs: importRun.ms,
    rawMs: rawRun.ms,
  }
}

// A fast import that lost rows would be worthless, so the counts are checked, not assumed.
async function expectCount(
  db: Kysely<Database>,
  table: 'component' | 'bench_raw',
  expected: number,
): Promise<void> {
  const result = await sql<{ n: string }>`select count(*)::text as n from ${sql.table(table)}`.execute(db)
  const n = Number(result.rows[0]!.n)
  if (n !== expected) throw new Error(`${table} holds ${n} rows after the run, expected ${expected}`)
}
