import { hash, verify } from '@node-rs/argon2'

// argon2id with the OWASP baseline (19 MiB, 2 passes, 1 lane): about 50 ms a hash on a CI core, slow
// enough to make guessing costly and fast enough for a desk that signs in once a shift.
// `algorithm: 2` is Argon2id; the package's enum is a `const enum`, which isolated modules cannot import.
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

/** Hashes a password with argon2id; the PHC string carries salt and parameters. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS)
}

/** True when `password` matches the stored hash; false for a malformed hash rather than throwing. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}

let dummy: Promise<string> | undefined
/** The throwaway hash unknown usernames are verified against; made once (the app makes it at start). */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(`cityloop-no-such-user-${Math.random()}`)
  return dummy
}
