/** The outcome of parsing or deciding something in core: a value, or a reason a person can read. */
export type Result<T, E = string> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E }

/** A successful {@link Result}. */
export function ok<T>(value: T): Result<T, never> {
  return { ok: true, value }
}

/** A failed {@link Result}. */
export function err<E>(error: E): Result<never, E> {
  return { ok: false, error }
}

/** Returns the value of `result`, or throws an Error with its message (for callers that treat bad data as fatal). */
export function unwrap<T>(result: Result<T, string>): T {
  if (!result.ok) throw new Error(result.error)
  return result.value
}
