import { createHash, randomBytes } from 'node:crypto'

/** A new bearer token: 32 random bytes, base64url (43 characters). Only its hash is stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/** A new API key for a client: 'clk_' + 32 random bytes, base64url. Only its hash is stored. */
export function newApiKey(): string {
  return `clk_${randomBytes(32).toString('base64url')}`
}

/**
 * sha256 of a token or API key, hex. A plain hash (no salt, no argon2) is right here: the secrets are 256
 * random bits, so there is nothing to guess, and lookups by hash stay one index probe.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex')
}
