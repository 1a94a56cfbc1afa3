/** Every answer across the bridge is a Result: nothing throws across the boundary (style.md §9.7). */

/** Stable error codes across the boundary. */
export type BridgeErrorCode =
  /** An argument is missing, malformed or out of range; the message names it. */
  | 'BAD_REQUEST'
  /** No such grid, component, category or region. */
  | 'NOT_FOUND'
  /** The local store lacks data the answer needs (e.g. before the first sync finished). */
  | 'NOT_READY'
  /** The central API cannot be reached (sync only; lookups work offline from the local store). */
  | 'UNAVAILABLE'
  /** The caller is not allowed (a foreign frame/origin, an unknown channel, a role without case access). */
  | 'FORBIDDEN'
  /** Not signed in, the session expired, or the username/password was wrong. */
  | 'UNAUTHORIZED'
  /** A bug or an unexpected failure; the message is for the log, not for the user. */
  | 'INTERNAL'

/** An error as data. */
export interface BridgeError {
  readonly code: BridgeErrorCode
  readonly message: string
}

/** Every answer across the bridge. */
export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: BridgeError }
