import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import { createSession, findUserByUsername, presentUser } from '../db/users.js'
import { clearThrottle, getThrottle, recordThrottleFailure } from '../db/login-throttle.js'
import { dummyHash } from '../auth/passwords.js'
import type { VerifyLimiter } from '../auth/verify-limiter.js'
import { hashSecret, newToken } from '../auth/tokens.js'
import { tooMany, unauthorized, type ApiError } from '../errors.js'

/**
 * 登录限速 — per client address and username together (issue 9): the first `freeFailures` failures cost
 * nothing, each further one doubles the wait before the next attempt of that pair is even checked (1 s,
 * 2 s, 4 s …), and the `blockAfter`-th blocks the pair for `blockMs`. Failures are forgotten `forgetMs` after
 * the last one, or at a successful sign-in from that address. Another address is not affected, so nobody
 * can lock an account's owner out, and unknown usernames are throttled exactly as known ones.
 */
export const THROTTLE = Object.freeze({ freeFailures: 3, blockAfter: 10, blockMs: 15 * 60_000, forgetMs: 60 * 60_000 })

/** Milliseconds the pair must wait after its `failures`-th failure. */
export function throttleDelayMs(failures: number): number {
  if (failures >= THROTTLE.blockAfter) return THROTTLE.blockMs
  if (failures < THROTTLE.freeFailures) return 0
  return 1000 * 2 ** (failures - THROTTLE.freeFailures)
}

/** What a sign-in returns: the bearer token (shown once, stored only as a hash), its expiry and the account. */
export interface SignedIn {
  readonly token: string
  readonly expiresAt: Date
  readonly user: ReturnType<typeof presentUser>
}

/** How a sign-in attempt ended, with what the audit log records of it. */
export type SignInOutcome =
  | { readonly ok: true; readonly signedIn: SignedIn; readonly userId: string }
  | {
      readonly ok: false
      readonly error: ApiError
      readonly outcome: 'failure' | 'throttled'
      readonly userId?: string
      /** For the audit log only (never for the caller): why it failed, the pair's failure count. */
      readonly details: Readonly<Record<string, unknown>>
      /** True when this failure started a block of the pair. */
      readonly blocked: boolean
    }

const WRONG = 'wrong username or password'

/**
 * 登录 — checks the password (argon2id, at most a few verifications at once) and opens a session. Unknown,
 * disabled and known usernames get the same answers (401 BAD_CREDENTIALS, then 429 SIGN_IN_THROTTLED with
 * Retry-After) at the same cost: an unknown name is verified against a dummy hash and counted alike.
 */
export async function signIn(props: {
  readonly db: Kysely<Database>
  readonly input: { readonly username: string; readonly password: string }
  readonly address: string
  readonly now: Date
  readonly sessionMs: number
  readonly verifier: VerifyLimiter
}): Promise<SignInOutcome> {
  const { db, input, now, address } = props
  const name = input.username.trim().toLowerCase()
  const [user, throttle] = await Promise.all([findUserByUsername(db, name), getThrottle(db, name, address)])
  if (throttle?.notBefore && +throttle.notBefore > +now) {
    const seconds = Math.max(1, Math.ceil((+throttle.notBefore - +now) / 1000))
    return {
      ok: false,
      outcome: 'throttled',
      ...(user ? { userId: user.id } : {}),
      error: tooMany('SIGN_IN_THROTTLED', `too many failed sign-ins from this address for this username; try again in ${seconds} s`, seconds),
      details: { failures: throttle.failures, retryAfterSeconds: seconds },
      blocked: false,
    }
  }
  const known = user !== undefined && user.active
  // An unknown or disabled name is verified against a dummy hash of the same parameters: the same cost.
  const matches = (await props.verifier.verify(known ? user.password_hash : await dummyHash(), input.password)) && known
  if (!known || !matches) {
    const state = await recordThrottleFailure(db, name, address, now, THROTTLE.forgetMs, throttleDelayMs)
    return {
      ok: false,
      outcome: 'failure',
      ...(user ? { userId: user.id } : {}),
      error: unauthorized(WRONG, 'BAD_CREDENTIALS'),
      details: { reason: !user ? 'unknown-username' : !user.active ? 'account-disabled' : 'wrong-password', failures: state.failures },
      blocked: state.failures === THROTTLE.blockAfter,
    }
  }
  const token = newToken()
  const expiresAt = new Date(+now + props.sessionMs)
  await db.transaction().execute(async (trx) => {
    await clearThrottle(trx, name, address)
    await createSession(trx, { tokenHash: hashSecret(token), userId: user.id, now, expiresAt, address })
  })
  return { ok: true, userId: user.id, signedIn: { token, expiresAt, user: presentUser(user) } }
}
