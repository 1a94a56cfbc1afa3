import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from './schema.js'

type Db = Kysely<Database> | Transaction<Database>

/** The throttle state of one (username, address) pair. */
export interface ThrottleState {
  readonly failures: number
  readonly notBefore: Date | null
}

/** The pair's state, or undefined when it has no recent failure. */
export async function getThrottle(db: Db, username: string, address: string): Promise<ThrottleState | undefined> {
  const row = await db
    .selectFrom('login_throttle')
    .select(['failures', 'not_before', 'last_failure_at'])
    .where('username', '=', username)
    .where('address', '=', address)
    .executeTakeFirst()
  return row ? { failures: row.failures, notBefore: row.not_before } : undefined
}

/**
 * Counts one failure of the pair at `now` and stores when its next attempt may be checked, computed from
 * the new count by `notBefore`. A count whose last failure is older than `forgetAfterMs` starts afresh.
 * Returns the new state. One statement, so concurrent failures of a pair all count.
 */
export async function recordThrottleFailure(
  db: Db,
  username: string,
  address: string,
  now: Date,
  forgetAfterMs: number,
  notBefore: (failures: number) => number,
): Promise<ThrottleState> {
  const stale = new Date(+now - forgetAfterMs)
  const row = await db
    .insertInto('login_throttle')
    .values({ username, address, failures: 1, last_failure_at: now, not_before: null })
    .onConflict((oc) =>
      oc.columns(['username', 'address']).doUpdateSet({
        failures: sql<number>`case when login_throttle.last_failure_at < ${stale} then 1 else login_throttle.failures + 1 end`,
        last_failure_at: now,
      }),
    )
    .returning(['failures'])
    .executeTakeFirstOrThrow()
  const delayMs = notBefore(row.failures)
  const until = delayMs > 0 ? new Date(+now + delayMs) : null
  await db.updateTable('login_throttle').set({ not_before: until }).where('username', '=', username).where('address', '=', address).execute()
  return { failures: row.failures, notBefore: until }
}

/** Forgets the pair's failures (a successful sign-in from that address). */
export async function clearThrottle(db: Db, username: string, address: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('username', '=', username).where('address', '=', address).execute()
}

/** Removes pairs whose last failure is older than `before` (housekeeping); returns how many. */
export async function deleteOldThrottles(db: Db, before: Date): Promise<number> {
  const r = await db.deleteFrom('login_throttle').where('last_failure_at', '<', before).where((eb) => eb.or([eb('not_before', 'is', null), eb('not_before', '<', before)])).executeTakeFirst()
  return Number(r.numDeletedRows)
}
