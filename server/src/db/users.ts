import type { Kysely, Selectable, Transaction } from 'kysely'
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

/** Stores a session under the hash of its token; its last use is its start. */
export async function createSession(
  db: Db,
  session: { readonly tokenHash: string; readonly userId: string; readonly now: Date; readonly expiresAt: Date; readonly address?: string },
): Promise<void> {
  await db
    .insertInto('user_session')
    .values({
      token_hash: session.tokenHash,
      user_id: session.userId,
      created_at: session.now,
      expires_at: session.expiresAt,
      last_seen_at: session.now,
      address: session.address ?? null,
    })
    .execute()
}

/**
 * The active user whose session has this token hash, with the session's expiry and last use: unexpired at
 * `now`, and used after `idleSince` (the idle timeout).
 */
export function findSessionUser(db: Db, tokenHash: string, now: Date, idleSince: Date): Promise<(UserRow & { expires_at: Date; last_seen_at: Date }) | undefined> {
  return db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .selectAll('u')
    .select(['s.expires_at', 's.last_seen_at'])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', now)
    .where('s.last_seen_at', '>', idleSince)
    .where('u.active', '=', true)
    .executeTakeFirst()
}

/** Notes a session's use at `now` (the caller throttles this to about once a minute per session). */
export async function touchSession(db: Db, tokenHash: string, now: Date): Promise<void> {
  await db.updateTable('user_session').set({ last_seen_at: now }).where('token_hash', '=', tokenHash).where('last_seen_at', '<', now).execute()
}

/** Ends every session of an account, but `keep` (the caller's own, on a password change); returns the ended ones' hashes. */
export async function deleteUserSessions(db: Db, userId: string, keep?: string): Promise<string[]> {
  let q = db.deleteFrom('user_session').where('user_id', '=', userId)
  if (keep) q = q.where('token_hash', '<>', keep)
  const rows = await q.returning('token_hash').execute()
  return rows.map((r) => r.token_hash)
}

/** Replaces an account's password hash (the caller ended its sessions as the case needs). */
export async function setPasswordHash(db: Db, userId: string, passwordHash: string, now: Date): Promise<void> {
  await db
    .updateTable('app_user')
    .set((eb) => ({ password_hash: passwordHash, password_changed_at: now, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', userId)
    .execute()
}

/** Disables or enables an account; returns the row after, or undefined when there is no such account. */
export async function setUserActive(db: Db, userId: string, active: boolean, now: Date): Promise<UserRow | undefined> {
  return db
    .updateTable('app_user')
    .set((eb) => ({ active, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', userId)
    .returningAll()
    .executeTakeFirst()
}

/** How many active administrators there are (the last one may not be disabled). */
export async function countActiveAdmins(db: Db): Promise<number> {
  const r = await db.selectFrom('app_user').select((eb) => eb.fn.countAll<string>().as('n')).where('role', '=', 'admin').where('active', '=', true).executeTakeFirstOrThrow()
  return Number(r.n)
}

/** Ends a session (logout). */
export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('user_session').where('token_hash', '=', tokenHash).execute()
}

/** Removes sessions that ran out before `now`, or were idle since `idleSince`; returns how many. */
export async function deleteExpiredSessions(db: Db, now: Date, idleSince?: Date): Promise<number> {
  const r = await db
    .deleteFrom('user_session')
    .where((eb) => eb.or([eb('expires_at', '<=', now), ...(idleSince ? [eb('last_seen_at', '<=', idleSince)] : [])]))
    .executeTakeFirst()
  return Number(r.numDeletedRows)
}
