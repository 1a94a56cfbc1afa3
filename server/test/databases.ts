import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { sql } from 'kysely'
import pg from 'pg'
import { openDatabase, type OpenDatabase } from '../src/db/connect.js'
import { migrateToLatest } from '../src/db/migrate.js'

/** The backends every storage test runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const DATABASES: readonly { readonly name: 'pglite' | 'postgres'; readonly url?: string }[] = [
  { name: 'pglite' },
  ...(process.env.TEST_DATABASE_URL ? [{ name: 'postgres' as const, url: process.env.TEST_DATABASE_URL }] : []),
]

/** A migrated, empty database of the given backend; on PostgreSQL in a schema of its own, dropped on close. */
export async function openTestDatabase(backend: (typeof DATABASES)[number]): Promise<OpenDatabase> {
  if (backend.name === 'pglite') {
    const open = await openDatabase({ dataDir: 'memory://', pgliteTemplate: await pgliteTemplate() })
    await migrateToLatest(open.db as never)
    return open
  }
  const schema = `t_${process.pid}_${randomBytes(4).toString('hex')}`
  const open = await openDatabase({ databaseUrl: backend.url!, schema })
  await migrateToLatest(open.db as never)
  return {
    ...open,
    close: async () => {
      await open.close()
      const client = new pg.Client({ connectionString: backend.url })
      await client.connect()
      try {
        await client.query(`drop schema if exists ${schema} cascade`)
      } finally {
        await client.end()
      }
    },
  }
}

/** Rows in a table, for assertions. */
export async function countRows(open: OpenDatabase, table: 'region' | 'unit_grid' | 'component' | 'change_log' | 'catalog_class' | 'responsible_unit' | 'routing_rule'): Promise<number> {
  const r = await sql<{ n: string }>`select count(*)::text as n from ${sql.table(table)}`.execute(open.db)
  return Number(r.rows[0]!.n)
}

// initdb inside PGlite costs 10-15 s of WebAssembly; a fresh data directory dumped once per PGlite version
// and machine lets every test file start from a copy in about a second.
async function pgliteTemplate(): Promise<Blob> {
  const manifest = new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url)
  const version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version
  const path = join(tmpdir(), `cityloop-pglite-initdb-${version}.tar.gz`)
  if (!existsSync(path)) {
    const pg = await PGlite.create()
    const dump = await pg.dumpDataDir('gzip')
    await pg.close()
    const partial = `${path}.${process.pid}.tmp`
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()))
    renameSync(partial, path) // atomic: parallel test files never read a half-written template
  }
  return new Blob([readFileSync(path)])
}
