import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely'
import * as m0001 from './migrations/0001-foundation.js'

// Migrations are listed here rather than read from a folder, so a bundled server carries them along.
const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
}

/** Brings the schema up to date. Throws with the failing migration's name and cause. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
  const result = await migrator.migrateToLatest()
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown'
    throw new Error(`migration ${failed} failed: ${result.error instanceof Error ? result.error.message : String(result.error)}`, {
      cause: result.error,
    })
  }
  return result
}
