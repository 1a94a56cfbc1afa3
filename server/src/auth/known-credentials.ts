import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import { verifyPassword } from './passwords.js'
import { hashSecret } from './tokens.js'

/** Active accounts and API clients whose secret is a published one (the demo's), by name. */
export interface KnownCredentials {
  readonly usernames: readonly string[]
  readonly apiClients: readonly string[]
}

/**
 * 已知口令检查 — which active accounts still have one of `passwords` (verified against each stored argon2
 * hash, not read from a flag: an account seeded, reset or edited in SQL counts alike) and which active API
 * clients have one of `apiKeys`. Accounts that share a hash (the demo seed hashes once for all) are
 * verified once; at most two verifications run at a time.
 */
export async function findKnownCredentials(db: Kysely<Database>, passwords: readonly string[], apiKeys: readonly string[]): Promise<KnownCredentials> {
  const users = await db.selectFrom('app_user').select(['username', 'password_hash']).where('active', '=', true).orderBy('username').execute()
  const byHash = new Map<string, string[]>()
  for (const u of users) byHash.set(u.password_hash, [...(byHash.get(u.password_hash) ?? []), u.username])
  const hashes = [...byHash.keys()]
  const known = new Set<string>()
  let next = 0
  const worker = async () => {
    while (next < hashes.length) {
      const hash = hashes[next++]!
      for (const p of passwords) {
        if (await verifyPassword(hash, p)) {
          known.add(hash)
          break
        }
      }
    }
  }
  await Promise.all([worker(), worker()])
  const usernames = users.filter((u) => known.has(u.password_hash)).map((u) => u.username)
  const keyHashes = [...new Set(apiKeys)].map(hashSecret)
  const clients = keyHashes.length
    ? await db.selectFrom('api_client').select('id').where('active', '=', true).where('key_hash', 'in', keyHashes).orderBy('id').execute()
    : []
  return { usernames, apiClients: clients.map((c) => c.id) }
}

/** True when `host` binds only the loopback interface (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '')
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)
}
