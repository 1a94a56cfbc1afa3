import { performance } from 'node:perf_hooks'
import type { Principal } from './principal.js'

type UserPrincipal = Extract<Principal, { kind: 'user' }>

/** Signed-in sessions remembered for a few seconds, so a burst of requests costs one session lookup. */
export interface SessionCache {
  get(tokenHash: string): UserPrincipal | undefined
  set(principal: UserPrincipal): void
  /** Forgets a session at once (logout on this instance). */
  forget(tokenHash: string): void
  /** Forgets every session of an account (password change, reset, disable, sessions ended). */
  forgetUser(userId: string): void
}

/**
 * A cache of session lookups for `ttlMs` of real time (default 10 s). The trade: a session ended on
 * another server instance, or an account disabled there, keeps working here for at most that long. The
 * session's own expiry is still checked on every request by the caller, on the app's clock.
 */
export function createSessionCache(options: { readonly ttlMs?: number; readonly max?: number } = {}): SessionCache {
  const ttlMs = options.ttlMs ?? 10_000
  const max = options.max ?? 10_000
  const entries = new Map<string, { principal: UserPrincipal; until: number }>()
  return {
    get(tokenHash) {
      const e = entries.get(tokenHash)
      if (!e) return undefined
      if (performance.now() > e.until) {
        entries.delete(tokenHash)
        return undefined
      }
      return e.principal
    },
    set(principal) {
      if (ttlMs <= 0) return
      // Oldest first out: Map keeps insertion order.
      if (entries.size >= max) entries.delete(entries.keys().next().value!)
      entries.set(principal.tokenHash, { principal, until: performance.now() + ttlMs })
    },
    forget(tokenHash) {
      entries.delete(tokenHash)
    },
    forgetUser(userId) {
      for (const [hash, e] of entries) if (e.principal.actor.id === userId) entries.delete(hash)
    },
  }
}
