import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from './schema.js'

/** Kinds of entity the change feed carries: the city's reference data, and cases (presented by presenters/case.ts). */
export const SYNC_ENTITIES = ['region', 'unit_grid', 'catalog_class', 'responsible_unit', 'routing_rule', 'component', 'case'] as const

/** The reference entities: public, unlike cases. */
export const REFERENCE_SYNC_ENTITIES = SYNC_ENTITIES.filter((e) => e !== 'case')
export type SyncEntity = (typeof SYNC_ENTITIES)[number]

/** One entity's new state (upsert, with its presented form) or its removal (tombstone). */
export interface EntityChange {
  readonly entity: SyncEntity
  readonly id: string
  readonly op: 'upsert' | 'delete'
  readonly data?: unknown
}

/** A change as the feed returns it. */
export interface FeedChange {
  readonly seq: string
  readonly entity: SyncEntity
  readonly id: string
  readonly op: 'upsert' | 'delete'
  readonly data: unknown
  readonly changedAt: string
}

// Every writer of the change log takes this transaction-scoped lock before drawing sequence numbers and
// keeps it until commit. So sequence order is commit order: once a reader sees seq N, every change below
// N is already visible and a cursor can never step over a change that commits late.
const CHANGE_FEED_LOCK = 0x636c6f6f70 // 'cloop'

const BATCH = 1000

/** Transactions that hold the change-feed lock (it is released only when they end). */
const locked = new WeakSet<Transaction<Database>>()

/**
 * Records changes in the feed, inside the caller's transaction (the lock needs one). Later changes to the
 * same entity replace its row with a higher seq, so a client that is behind reads each entity once.
 */
export async function recordChanges(trx: Transaction<Database>, changes: readonly EntityChange[]): Promise<void> {
  if (changes.length === 0) return
  // A transaction that already took the lock holds it to its end: asking again would only cost a round
  // trip (many commands in one transaction, e.g. the demo seed's batches). Nothing here uses savepoints,
  // whose rollback would release it.
  if (!locked.has(trx)) {
    await sql`select pg_advisory_xact_lock(${CHANGE_FEED_LOCK})`.execute(trx)
    locked.add(trx)
  }
  for (let i = 0; i < changes.length; i += BATCH) {
    const rows = changes.slice(i, i + BATCH).map((c) => ({
      seq: sql<string>`nextval('change_seq')`,
      entity: c.entity,
      entity_id: c.id,
      op: c.op,
      data: c.op === 'upsert' ? JSON.stringify(c.data ?? null) : null,
      changed_at: sql<Date>`now()`,
    }))
    await trx
      .insertInto('change_log')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['entity', 'entity_id']).doUpdateSet((eb) => ({
          seq: eb.ref('excluded.seq'),
          op: eb.ref('excluded.op'),
          data: eb.ref('excluded.data'),
          changed_at: eb.ref('excluded.changed_at'),
        })),
      )
      .execute()
  }
}

/** A page of the feed after a cursor. */
export interface FeedPage {
  readonly changes: readonly FeedChange[]
  /** Pass back as `since` to continue; unchanged when nothing new has committed. */
  readonly cursor: string
  readonly hasMore: boolean
}

/**
 * Reads the changes committed after `since` (a cursor from an earlier page, or '0' for everything), in
 * commit order, at most `limit`. Optionally only some entities, so a client can sync grids before the
 * million components; `entities: []` reads nothing.
 */
export async function readChanges(
  db: Kysely<Database>,
  options: { readonly since: string; readonly limit: number; readonly entities?: readonly SyncEntity[] },
): Promise<FeedPage> {
  let query = db
    .selectFrom('change_log')
    .select([
      sql<string>`seq::text`.as('seq'),
      'entity',
      'entity_id',
      'op',
      'data',
      'changed_at',
    ])
    .where('change_log.seq', '>', options.since)
    // By the bigint column, not the text alias of the same name: '10' sorts before '9'.
    .orderBy('change_log.seq')
    .limit(options.limit + 1)
  if (options.entities) {
    // An empty list asks for nothing; it must never read as "no filter".
    if (options.entities.length === 0) return { changes: [], cursor: options.since, hasMore: false }
    query = query.where('entity', 'in', [...options.entities])
  }
  const rows = await query.execute()
  const page = rows.slice(0, options.limit)
  return {
    changes: page.map((r) => ({
      seq: r.seq,
      entity: r.entity as SyncEntity,
      id: r.entity_id,
      op: r.op,
      data: r.data,
      changedAt: new Date(r.changed_at).toISOString(),
    })),
    cursor: page.length > 0 ? page[page.length - 1]!.seq : options.since,
    hasMore: rows.length > options.limit,
  }
}

/** The newest committed seq, as a cursor ('0' when the feed is empty). */
export async function latestCursor(db: Kysely<Database>): Promise<string> {
  const row = await db.selectFrom('change_log').select(sql<string>`coalesce(max(seq), 0)::text`.as('seq')).executeTakeFirst()
  return row?.seq ?? '0'
}
