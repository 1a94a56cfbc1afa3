import { sql, type Kysely, type Selectable } from 'kysely'
import type { Database, JobLeaseTable } from './schema.js'

/**
 * Takes the job's lease for `leaseMs` if nobody holds an unexpired one (or `holder` already does). Times
 * come from the database's clock, the one clock every server instance shares. True when taken.
 */
export async function takeLease(db: Kysely<Database>, name: string, holder: string, leaseMs: number): Promise<boolean> {
  const until = sql<Date>`now() + ${leaseMs} * interval '1 millisecond'`
  const row = await db
    .insertInto('job_lease')
    .values({ name, holder, lease_until: until, runs: '1', last_started_at: sql<Date>`now()` })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet((eb) => ({
          holder: eb.ref('excluded.holder'),
          lease_until: eb.ref('excluded.lease_until'),
          runs: sql<string>`job_lease.runs + 1`,
          last_started_at: eb.ref('excluded.last_started_at'),
        }))
        .where((eb) => eb.or([eb('job_lease.lease_until', 'is', null), eb('job_lease.lease_until', '<=', sql<Date>`now()`), eb('job_lease.holder', '=', holder)])),
    )
    .returning('name')
    .executeTakeFirst()
  return row !== undefined
}

/** Ends `holder`'s lease and records the run's result; another instance may run the job at its next tick. */
export async function releaseLease(db: Kysely<Database>, name: string, holder: string, result: object): Promise<void> {
  await db
    .updateTable('job_lease')
    .set({ lease_until: sql<Date>`now()`, last_finished_at: sql<Date>`now()`, last_result: JSON.stringify(result) })
    .where('name', '=', name)
    .where('holder', '=', holder)
    .execute()
}

/** Every job's lease row (ops). */
export function listLeases(db: Kysely<Database>): Promise<Selectable<JobLeaseTable>[]> {
  return db.selectFrom('job_lease').selectAll().orderBy('name').execute()
}
