import { sql, type Kysely, type Selectable, type Transaction } from 'kysely'
import type { Actor, Role } from '../../../core/case/types.js'
import type { AppUserTable, Database } from './schema.js'

type UserRow = Selectable<AppUserTable>
type Db = Kysely<Database> | Transaction<Database>

/** A person's account without its secrets, as the API shows it. */
export function presentUser(row: UserRow) {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    unitId: row.unit_id,
    gridIds: row.grid_ids,
    active: row.active,
    version: row.version,
  }
}

/** The user as core's Actor: unit roles carry their unit, inspectors their duty grids. */
export function actorOfUser(row: Pick<UserRow, 'id' | 'role' | 'unit_id' | 'grid_ids'>): Actor {
  return {
    id: row.id,
    role: row.role as Role,
    ...(row.unit_id ? { unitId: row.unit_id } : {}),
    ...(row.grid_ids.length > 0 ? { gridIds: row.grid_ids } : {}),
  }
}

/** What a new or replaced account holds; the password is already hashed. */
export interface UserInput {
  readonly id: string
  readonly username: string
  readonly displayName: string
  readonly role: Exclude<Role, 'api-client'>
  readonly unitId?: string
  readonly gridIds?: readonly string[]
  readonly phone?: string
  readonly passwordHash: string
}

/** Inserts or replaces accounts by id; a replaced account is unlocked and keeps its sessions. */
export async function upsertUsers(db: Db, users: readonly UserInput[]): Promise<void> {
  if (users.length === 0) return
  await db
    .insertInto('app_user')
    .values(
      users.map((u) => ({
        id: u.id,
        username: u.username,
        display_name: u.displayName,
        role: u.role,
        unit_id: u.unitId ?? null,
        grid_ids: [...(u.gridIds ?? [])],
        phone: u.phone ?? null,
        password_hash: u.passwordHash,
      })),
    )
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        username: eb.ref('excluded.username'),
        display_name: eb.ref('excluded.display_name'),
        role: eb.ref('excluded.role'),
        unit_id: eb.ref('excluded.unit_id'),
        grid_ids: eb.ref('excluded.grid_ids'),
        phone: eb.ref('excluded.phone'),
        password_hash: eb.ref('excluded.password_hash'),
        failed_logins: 0,
        locked_until: null,
        version: eb('app_user.version', '+', 1),
        updated_at: new Date(),
      })),
    )
    .execute()
}

/** One account by username. */
export function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst()
}

/** One account by id. */
export function getUser(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Accounts, by username; optionally of one role or unit. */
export function listUsers(db: Db, filter: { readonly role?: string; readonly unitId?: string } = {}): Promise<UserRow[]> {
  let q = db.selectFrom('app_user').selectAll().orderBy('username')
  if (filter.role) q = q.where('role', '=', filter.role)
  if (filter.unitId) q = q.where('unit_id', '=', filter.unitId)
  return q.execute()
}

/**
 * Counts a failed sign-in at `now`; the `maxFailures`-th in a row locks the account until `now + lockMs`.
 * A lock that has run out starts the count afresh. Returns the lock's end when the account is now locked.
 */
export async function recordLoginFailure(
  db: Db,
  userId: string,
  now: Date,
  policy: { readonly maxFailures: number; readonly lockMs: number },
): Promise<Date | undefined> {
  const expired = sql<boolean>`locked_until is not null and locked_until <= ${now}`
  const failures = sql<number>`case when ${expired} then 1 else failed_logins + 1 end`
  const row = await db
    .updateTable('app_user')
    .set({
      failed_logins: failures,
      locked_until: sql<Date | null>`case when ${failures} >= ${policy.maxFailures} then ${new Date(+now + policy.lockMs)}::timestamptz else null end`,
    })
    .where('id', '=', userId)
    .returning(['locked_until'])
    .executeTakeFirst()
  return row?.locked_until ?? undefined
}

/** Clears the failure count after a successful sign-in. */
export async function recordLoginSuccess(db: Db, userId: string): Promise<void> {
  await db.updateTable('app_user').set({ failed_logins: 0, locked_until: null }).where('id', '=', userId).execute()
}

/** Stores a session under the hash of its token. */
export async function createSession(db: Db, session: { readonly tokenHash: string; readonly userId: string; readonly now: Date; readonly expiresAt: Date }): Promise<void> {
  await db
    .insertInto('user_session')
    .values({ token_hash: session.tokenHash, user_id: session.userId, created_at: session.now, expires_at: session.expiresAt })
    .execute()
}

/** The active user whose unexpired session has this token hash, with the session's expiry. */
export function findSessionUser(db: Db, tokenHash: string, now: Date): Promise<(UserRow & { expires_at: Date }) | undefined> {
  return db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .selectAll('u')
    .select('s.expires_at')
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', now)
    .where('u.active', '=', true)
    .executeTakeFirst()
}

/** Ends a session (logout). */
export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('user_session').where('token_hash', '=', tokenHash).execute()
}

/** Removes sessions that ran out before `now`; returns how many. */
export async function deleteExpiredSessions(db: Db, now: Date): Promise<number> {
  const r = await db.deleteFrom('user_session').where('expires_at', '<=', now).executeTakeFirst()
  return Number(r.numDeletedRows)
}
