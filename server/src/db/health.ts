import { sql, type Kysely } from 'kysely'
import { latestCursor } from './changes.js'
import type { Database } from './schema.js'

/** A round trip to the database (throws when it is unreachable), then the change feed's latest cursor. */
export async function databaseCursor(db: Kysely<Database>): Promise<string> {
  await sql`select 1`.execute(db)
  return latestCursor(db)
}
