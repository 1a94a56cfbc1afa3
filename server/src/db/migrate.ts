import { Migrator, sql, type Kysely, type Migration, type MigrationResultSet } from 'kysely'
import * as m0001 from './migrations/0001-foundation.js'
import * as m0002 from './migrations/0002-case-loop.js'
import * as m0003 from './migrations/0003-accounts-audit.js'
import * as m0004 from './migrations/0004-evidence.js'

// Migrations are listed here rather than read from a folder, so a bundled server carries them along.
const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-case-loop': m0002,
  '0003-accounts-audit': m0003,
  '0004-evidence': m0004,
}

/** Brings the schema up to date. Throws with the failing migration's name and cause. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<MigrationResultSet> {
  // Kysely looks for its bookkeeping tables in every schema unless told which one: a database holding
  // another schema's kysely_migration (a second instance, a parallel test file) would make it skip
  // creating ours and then fail. The schema the connection works in is the one.
  const current = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db)
  const schema = current.rows[0]?.schema ?? undefined
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, ...(schema ? { migrationTableSchema: schema } : {}) })
  const result = await migrator.migrateToLatest()
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown'
    throw new Error(`migration ${failed} failed: ${result.error instanceof Error ? result.error.message : String(result.error)}`, {
      cause: result.error,
    })
  }
  return result
}
