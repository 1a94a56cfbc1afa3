import { ApiError } from '../errors.js'
import { verifyPassword } from './passwords.js'

/** Runs argon2 verifications at most `max` at a time, so a sign-in flood cannot take every libuv thread. */
export interface VerifyLimiter {
  run<T>(work: () => Promise<T>): Promise<T>
  /** Verifies `password` against a stored argon2 hash, within the bound. */
  verify(hash: string, password: string): Promise<boolean>
  /** Verifications running and waiting now. */
  readonly load: { readonly running: number; readonly waiting: number }
}

/**
 * A counting semaphore with a bounded queue. @node-rs/argon2 hashes on libuv's thread pool (4 threads by
 * default), which file reads share; at most `max` (default 2) verifications run at once, at most
 * `maxWaiting` (default 64) wait, and beyond that a sign-in gets 503 at once rather than a growing queue.
 */
export function createVerifyLimiter(options: { readonly max?: number; readonly maxWaiting?: number } = {}): VerifyLimiter {
  const max = options.max ?? 2
  const maxWaiting = options.maxWaiting ?? 64
  let running = 0
  const waiting: (() => void)[] = []
  const release = () => {
    running--
    const next = waiting.shift()
    if (next) {
      running++
      next()
    }
  }
  return {
    verify(hash, password) {
      return this.run(() => verifyPassword(hash, password))
    },
    async run(work) {
      if (running >= max) {
        if (waiting.length >= maxWaiting) {
          throw new ApiError(503, 'BUSY', 'too many sign-ins at once; try again in a moment', undefined, undefined, { 'retry-after': '1' })
        }
        await new Promise<void>((resolve) => waiting.push(resolve))
      } else {
        running++
      }
      try {
        return await work()
      } finally {
        release()
      }
    },
    get load() {
      return { running, waiting: waiting.length }
    },
  }
}
