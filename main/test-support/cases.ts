/**
 * Cases on the test central, made through its own HTTP API as a desk would make them (sign-in, intake,
 * actions), plus a feed tombstone and event counts read straight from its database.
 */
import type { Kysely } from 'kysely'
import { recordChanges } from '../../server/src/db/changes.js'
import type { Database } from '../../server/src/db/schema.js'

/** The demo accounts' password (server/src/config.ts DEFAULT_DEMO_PASSWORD). */
export const DEMO_PASSWORD = 'cityloop-demo'

/** A category without a safety hazard: 暴露垃圾 (2013 edition). */
export const PLAIN_CATEGORY = '2013:event:0102'

/** Signs a demo account in over HTTP; returns its bearer token. */
export async function signInAt(url: string, username: string): Promise<string> {
  const r = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  })
  if (r.status !== 200) throw new Error(`sign-in of ${username} answered ${r.status}: ${await r.text()}`)
  return ((await r.json()) as { token: string }).token
}

/** A case as the API answers it (the fields tests read). */
export interface ApiCase {
  readonly id: string
  readonly number: string
  readonly version: number
  readonly status: string
  readonly closedAt: string | null
}

/** POST /cases; throws on anything but 201. */
export async function fileCaseAt(
  url: string,
  token: string,
  at: readonly [number, number],
  more: Record<string, unknown> = {},
): Promise<ApiCase> {
  const r = await fetch(`${url}/api/v1/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      lon: at[0],
      lat: at[1],
      categoryKey: PLAIN_CATEGORY,
      description: 'test case',
      ...more,
    }),
  })
  if (r.status !== 201) throw new Error(`POST /cases answered ${r.status}: ${await r.text()}`)
  return ((await r.json()) as { case: ApiCase }).case
}

/** POST /cases/:id/actions; throws on anything but 200. */
export async function actAt(
  url: string,
  token: string,
  c: Pick<ApiCase, 'id' | 'version'>,
  action: string,
  payload: Record<string, unknown> = {},
): Promise<ApiCase> {
  const r = await fetch(`${url}/api/v1/cases/${c.id}/actions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ ...payload, action, version: c.version }),
  })
  if (r.status !== 200) throw new Error(`${action} answered ${r.status}: ${await r.text()}`)
  return ((await r.json()) as { case: ApiCase }).case
}

/** Points inside unit grids of the test city (the mean of each grid's ring: the generated grids are convex). */
export async function gridPoints(db: Kysely<Database>, n: number): Promise<[number, number][]> {
  const rows = await db.selectFrom('unit_grid').select(['geometry']).orderBy('id').limit(n).execute()
  return rows.map((r) => {
    const ring = (r.geometry as unknown as { coordinates: number[][][] }).coordinates[0]!.slice(0, -1)
    const x = ring.reduce((s, p) => s + p[0]!, 0) / ring.length
    const y = ring.reduce((s, p) => s + p[1]!, 0) / ring.length
    return [x, y]
  })
}

/** Writes a case tombstone into the feed (the API never deletes cases; the feed may still carry one). */
export async function tombstoneCase(db: Kysely<Database>, id: string): Promise<void> {
  await db.transaction().execute((trx) => recordChanges(trx, [{ entity: 'case', id, op: 'delete' }]))
}

/** Audit events of a case by type, from the central database. */
export async function eventCounts(db: Kysely<Database>, caseId: string): Promise<Record<string, number>> {
  const rows = await db.selectFrom('case_event').select(['type']).where('case_id', '=', caseId).execute()
  const out: Record<string, number> = {}
  for (const r of rows) out[r.type] = (out[r.type] ?? 0) + 1
  return out
}

/** Cases on the central (all of them). */
export async function caseCount(db: Kysely<Database>): Promise<number> {
  const r = await db
    .selectFrom('case_file')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(r.n)
}
