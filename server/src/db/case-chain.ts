import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from './schema.js'

/**
 * 操作记录防篡改 — each case's events form a hash chain: an event stores its predecessor's hash (`prev_hash`,
 * null for the case's first event) and its own (`hash`), SHA-256 of the canonical JSON of its content and
 * that link. The case row keeps the head (`case_file.event_seq`, `event_hash`), so a writer holding the
 * case's row lock has the link without another read, and a deleted last event shows.
 *
 * The canonical form below is a stored format: existing chains were hashed with it. Change it only with a
 * migration that re-chains every case.
 */

/** An event's stored content, as hashed. */
export interface ChainedContent {
  readonly case_id: string
  readonly seq: number
  readonly version: number
  readonly type: string
  readonly at: Date | string
  readonly actor_id: string
  readonly role: string
  readonly from_status: string | null
  readonly to_status: string
  readonly payload: unknown
  readonly photo_ids: readonly string[]
  readonly prev_hash: string | null
}

/** JSON with object keys sorted (code-point order) at every depth; undefined members dropped as JSON does. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value)
    return text === undefined ? 'null' : text
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString())
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && typeof v !== 'function')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

/** SHA-256 (hex) of an event's canonical content, its predecessor's hash included. */
export function eventHash(e: ChainedContent): string {
  const content = {
    caseId: e.case_id,
    seq: e.seq,
    version: e.version,
    type: e.type,
    at: new Date(e.at).toISOString(),
    actorId: e.actor_id,
    role: e.role,
    from: e.from_status,
    to: e.to_status,
    // jsonb keeps what JSON keeps: hashing the JSON round trip makes the writer's hash the reader's.
    payload: JSON.parse(JSON.stringify(e.payload ?? null)) as unknown,
    photoIds: [...e.photo_ids],
    prevHash: e.prev_hash,
  }
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex')
}

/** The head of a case's chain: its last event's seq and hash (0 and null before the first). */
export interface ChainHead {
  readonly seq: number
  readonly hash: string | null
}

/** Links `events` (in order) after `head`: each gets its seq, predecessor's hash and own hash. */
export function chainEvents<E extends Omit<ChainedContent, 'seq' | 'prev_hash'>>(head: ChainHead, events: readonly E[]): { rows: (E & { seq: number; prev_hash: string | null; hash: string })[]; head: ChainHead } {
  let prev = head.hash
  const rows = events.map((e, i) => {
    const linked = { ...e, seq: head.seq + i + 1, prev_hash: prev }
    const hash = eventHash(linked)
    prev = hash
    return { ...linked, hash }
  })
  return { rows, head: { seq: head.seq + events.length, hash: prev } }
}

/** What is wrong at one place of a case's chain. */
export type ChainProblem =
  | 'content changed'
  | 'link broken'
  | 'event deleted'
  | 'event inserted'
  | 'head mismatch'

/** One broken place: the case (by number), the event's seq, the kind of break and a sentence for people. */
export interface ChainBreak {
  readonly caseId: string
  readonly caseNumber: string
  readonly seq: number
  readonly problem: ChainProblem
  readonly detail: string
}

/** The outcome of walking every case's chain. */
export interface AuditVerification {
  readonly cases: number
  readonly events: number
  readonly breaks: ChainBreak[]
  /**
   * SHA-256 over every case's head (case id and head hash, by case id): written down or sent elsewhere,
   * it shows later whether any chain was rewritten as a whole, which the chain alone cannot.
   */
  readonly seal: string
}

type StoredEvent = ChainedContent & { readonly hash: string | null }

/** Checks one case's events (ordered by seq) against each other and against the case's recorded head. */
export function checkCaseChain(c: { readonly id: string; readonly number: string; readonly event_seq: number; readonly event_hash: string | null }, events: readonly StoredEvent[]): ChainBreak[] {
  const breaks: ChainBreak[] = []
  const at = (seq: number, problem: ChainProblem, detail: string) => breaks.push({ caseId: c.id, caseNumber: c.number, seq, problem, detail })
  let expected = 1
  let prev: StoredEvent | undefined
  for (const e of events) {
    if (e.seq > c.event_seq) {
      at(e.seq, 'event inserted', `event ${e.seq} (${e.type}) lies beyond the case's last recorded event ${c.event_seq}`)
    } else if (e.seq > expected) {
      at(e.seq, 'event deleted', expected === e.seq - 1 ? `event ${expected} is missing before event ${e.seq}` : `events ${expected}–${e.seq - 1} are missing before event ${e.seq}`)
    } else if (e.prev_hash !== (prev?.hash ?? null)) {
      // After a gap the link is already reported as a deletion.
      at(e.seq, 'link broken', prev ? `event ${e.seq} points to ${short(e.prev_hash)}, event ${prev.seq} is ${short(prev.hash)}` : `the first event ${e.seq} points to ${short(e.prev_hash)}, not to nothing`)
    }
    if (e.hash !== eventHash(e)) at(e.seq, 'content changed', `event ${e.seq} (${e.type}) does not match its hash ${short(e.hash)}`)
    expected = e.seq + 1
    prev = e
  }
  const last = prev?.seq ?? 0
  if (last < c.event_seq) {
    at(last + 1, 'event deleted', last + 1 === c.event_seq ? `event ${c.event_seq}, the case's last, is missing` : `events ${last + 1}–${c.event_seq}, the case's last, are missing`)
  } else if (last === c.event_seq && (prev?.hash ?? null) !== c.event_hash) {
    at(last, 'head mismatch', `the case records ${short(c.event_hash)} as its last event's hash, event ${last} is ${short(prev?.hash ?? null)}`)
  }
  return breaks
}

function short(hash: string | null): string {
  return hash === null ? 'nothing' : hash.slice(0, 12)
}

/**
 * Walks every case's chain, a page of cases at a time (their events in one read), and reports each break.
 * Reads only; safe while the server runs (a case written meanwhile may show as a head mismatch: run again).
 */
export async function verifyCaseChains(db: Kysely<Database>, options: { readonly pageSize?: number } = {}): Promise<AuditVerification> {
  const pageSize = options.pageSize ?? 500
  const breaks: ChainBreak[] = []
  const seal = createHash('sha256')
  let cases = 0
  let events = 0
  let after = ''
  for (;;) {
    // One snapshot per page: the case heads and their events agree even while the server writes.
    const page = await db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
      const heads = await trx
        .selectFrom('case_file')
        .select(['id', 'number', 'event_seq', 'event_hash'])
        .where('id', '>', after)
        .orderBy('id')
        .limit(pageSize)
        .execute()
      if (heads.length === 0) return { heads, rows: [] }
      const rows = await trx
        .selectFrom('case_event')
        .select(['case_id', 'seq', 'version', 'type', 'at', 'actor_id', 'role', 'from_status', 'to_status', 'payload', 'photo_ids', 'prev_hash', 'hash'])
        .where('case_id', 'in', heads.map((h) => h.id))
        .orderBy('case_id')
        .orderBy('seq')
        .execute()
      return { heads, rows }
    })
    if (page.heads.length === 0) break
    const byCase = new Map<string, StoredEvent[]>()
    for (const r of page.rows) {
      const list = byCase.get(r.case_id) ?? []
      list.push(r)
      byCase.set(r.case_id, list)
    }
    for (const h of page.heads) {
      breaks.push(...checkCaseChain(h, byCase.get(h.id) ?? []))
      seal.update(`${h.id}:${h.event_hash ?? ''}\n`)
    }
    cases += page.heads.length
    events += page.rows.length
    after = page.heads[page.heads.length - 1]!.id
  }
  return { cases, events, breaks, seal: seal.digest('hex') }
}
