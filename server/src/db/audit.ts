import { sql, type Kysely, type Selectable, type Transaction } from 'kysely'
import type { Database, SecurityAuditTable } from './schema.js'

type Db = Kysely<Database> | Transaction<Database>
type AuditRow = Selectable<SecurityAuditTable>

/** One security event as written: who, from where, what, on what, and the outcome. */
export interface AuditEntry {
  readonly at: Date
  readonly actorKind: SecurityAuditTable['actor_kind']
  readonly actorId?: string
  /** The username (or API client name) — also the name typed at a failed sign-in. */
  readonly actorName?: string
  readonly address?: string
  /** e.g. auth.login, auth.logout, auth.password-change, user.disable, calendar.update, access.denied. */
  readonly action: string
  readonly outcome: SecurityAuditTable['outcome']
  /** What was acted on: a user id, an API client id, a calendar year, a route. */
  readonly target?: string
  readonly details?: Readonly<Record<string, unknown>>
}

/** Appends one audit row. */
export async function insertAudit(db: Db, e: AuditEntry): Promise<void> {
  await db
    .insertInto('security_audit')
    .values({
      at: e.at,
      actor_kind: e.actorKind,
      actor_id: e.actorId ?? null,
      actor_name: e.actorName ?? null,
      address: e.address ?? null,
      action: e.action,
      outcome: e.outcome,
      target: e.target ?? null,
      details: sql`${JSON.stringify(e.details ?? {})}::jsonb`,
    })
    .execute()
}

/** Filters of the audit query; every one optional. */
export interface AuditFilter {
  /** A user or API client id, or the username typed. */
  readonly actor?: string
  readonly action?: string
  readonly outcome?: string
  readonly address?: string
  readonly from?: Date
  readonly to?: Date
  /** Keyset: rows older than this id (the previous page's `next`). */
  readonly before?: string
  readonly limit: number
}

/** Audit rows, newest first, keyset-paged by id. */
export async function listAudit(db: Db, f: AuditFilter): Promise<AuditRow[]> {
  let q = db
    .selectFrom('security_audit')
    .select(['at', 'actor_kind', 'actor_id', 'actor_name', 'address', 'action', 'outcome', 'target', 'details'])
    .select(sql<string>`security_audit.id::text`.as('id'))
    .orderBy('security_audit.id', 'desc')
    .limit(f.limit)
  if (f.actor) q = q.where((eb) => eb.or([eb('actor_id', '=', f.actor!), eb('actor_name', '=', f.actor!)]))
  if (f.action) q = q.where('action', '=', f.action)
  if (f.outcome) q = q.where('outcome', '=', f.outcome as AuditRow['outcome'])
  if (f.address) q = q.where('address', '=', f.address)
  if (f.from) q = q.where('at', '>=', f.from)
  if (f.to) q = q.where('at', '<', f.to)
  if (f.before) q = q.where('security_audit.id', '<', f.before)
  return q.execute()
}

/** Removes audit rows older than `before` (the retention job; the database refuses younger ones); returns how many. */
export async function deleteAuditBefore(db: Db, before: Date): Promise<number> {
  const r = await db.deleteFrom('security_audit').where('at', '<', before).executeTakeFirst()
  return Number(r.numDeletedRows)
}
