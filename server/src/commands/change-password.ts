import type { Kysely } from 'kysely'
import { clearThrottle } from '../db/login-throttle.js'
import type { Database } from '../db/schema.js'
import { deleteUserSessions, setPasswordHash } from '../db/users.js'

/**
 * 修改密码 — stores a checked new password: the hash, this address's sign-in throttle cleared, every other
 * session of the user ended, in one transaction (a failure changes nothing). Returns the ended sessions'
 * token hashes, for the session cache to forget.
 */
export async function storeNewPassword(
  db: Kysely<Database>,
  change: { readonly userId: string; readonly username: string; readonly address: string; readonly passwordHash: string; readonly now: Date; readonly keepTokenHash: string },
): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    await setPasswordHash(trx, change.userId, change.passwordHash, change.now)
    await clearThrottle(trx, change.username, change.address)
    return deleteUserSessions(trx, change.userId, change.keepTokenHash)
  })
}
