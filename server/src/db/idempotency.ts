import { createHash } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import type { Database } from './schema.js'

/** An Idempotency-Key as the caller sent it, scoped to the caller and the endpoint. */
export interface IdempotencyClaim {
  /** Who and where: 'demo-inspector POST /cases', so two callers' keys never meet. */
  readonly scope: string
  readonly key: string
  /** sha256 of the request body: the same key with another body is a client bug, not a retry. */
  readonly requestHash: string
}

/** What an earlier request under the same key did. */
export interface EarlierRequest {
  readonly requestHash: string
  readonly caseId: string | null
}

/** Thrown by a command whose key an earlier request holds: its transaction rolls back, the caller replays. */
export class KeyAlreadyUsed extends Error {
  constructor(readonly claim: IdempotencyClaim) {
    super(`Idempotency-Key "${claim.key}" was used before`)
    this.name = 'KeyAlreadyUsed'
  }
}

/**
 * Records the key with the case it produced, as the last write of the request's transaction, and throws
 * {@link KeyAlreadyUsed} when the key is taken. Taking it last keeps the common path (a first request) at
 * one statement; a concurrent first request holds the key's row until it commits, so a retry racing it
 * waits, finds the key taken and rolls its own work back; if the first one rolls back, the retry wins.
 */
export async function recordKey(trx: Transaction<Database>, claim: IdempotencyClaim, caseId: string, now: Date): Promise<void> {
  const inserted = await trx
    .insertInto('idempotency_key')
    .values({ scope: claim.scope, key: claim.key, request_hash: claim.requestHash, case_id: caseId, created_at: now })
    .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst()
  if (!inserted) throw new KeyAlreadyUsed(claim)
}

/** What the request that holds the key stored. */
export async function findKey(db: Kysely<Database> | Transaction<Database>, claim: IdempotencyClaim): Promise<EarlierRequest | undefined> {
  const row = await db
    .selectFrom('idempotency_key')
    .select(['request_hash', 'case_id'])
    .where('scope', '=', claim.scope)
    .where('key', '=', claim.key)
    .executeTakeFirst()
  return row ? { requestHash: row.request_hash, caseId: row.case_id } : undefined
}

/** Forgets keys older than `before` (a retry comes within minutes; a week is generous). */
export async function deleteOldKeys(db: Kysely<Database> | Transaction<Database>, before: Date): Promise<number> {
  const r = await db.deleteFrom('idempotency_key').where('created_at', '<', before).executeTakeFirst()
  return Number(r.numDeletedRows)
}

/** sha256 of a JSON value with object keys sorted, so key order does not make two equal bodies differ. */
export function hashRequest(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex')
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}
