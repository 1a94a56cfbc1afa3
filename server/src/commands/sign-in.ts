import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import { createSession, findUserByUsername, presentUser, recordLoginFailure, recordLoginSuccess } from '../db/users.js'
import { spendVerifyTime, verifyPassword } from '../auth/passwords.js'
import { hashSecret, newToken } from '../auth/tokens.js'
import { tooMany, unauthorized } from '../errors.js'

/** 登录锁定 — 5 wrong passwords in a row lock the account for 15 minutes (issue 4). */
export const LOCKOUT = Object.freeze({ maxFailures: 5, lockMs: 15 * 60_000 })

/** What a sign-in returns: the bearer token (shown once, stored only as a hash), its expiry and the account. */
export interface SignedIn {
  readonly token: string
  readonly expiresAt: Date
  readonly user: ReturnType<typeof presentUser>
}

const WRONG = 'wrong username or password'

/**
 * 登录 — checks the password (argon2id) and opens a session of `sessionMs`. A locked account answers 429
 * with Retry-After even for the right password; the failure that reaches the limit answers 429 too. An
 * unknown or disabled username costs the same time as a wrong password and gets the same answer.
 */
export async function signIn(props: {
  readonly db: Kysely<Database>
  readonly input: { readonly username: string; readonly password: string }
  readonly now: Date
  readonly sessionMs: number
}): Promise<SignedIn> {
  const { db, input, now } = props
  const user = await findUserByUsername(db, input.username)
  if (!user || !user.active) {
    await spendVerifyTime(input.password)
    throw unauthorized(WRONG, 'BAD_CREDENTIALS')
  }
  const lockedFor = (until: Date) => Math.max(1, Math.ceil((+until - +now) / 1000))
  if (user.locked_until && +user.locked_until > +now) {
    throw tooMany('ACCOUNT_LOCKED', `too many failed sign-ins; try again after ${user.locked_until.toISOString()}`, lockedFor(user.locked_until))
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    const lockedUntil = await recordLoginFailure(db, user.id, now, LOCKOUT)
    if (lockedUntil) {
      throw tooMany('ACCOUNT_LOCKED', `${LOCKOUT.maxFailures} failed sign-ins: locked until ${lockedUntil.toISOString()}`, lockedFor(lockedUntil))
    }
    throw unauthorized(WRONG, 'BAD_CREDENTIALS')
  }
  const token = newToken()
  const expiresAt = new Date(+now + props.sessionMs)
  await db.transaction().execute(async (trx) => {
    await recordLoginSuccess(trx, user.id)
    await createSession(trx, { tokenHash: hashSecret(token), userId: user.id, now, expiresAt })
  })
  return { token, expiresAt, user: presentUser(user) }
}
