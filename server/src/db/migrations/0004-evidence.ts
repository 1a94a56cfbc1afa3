import { sql, type Kysely } from 'kysely'
import { eventHash, type ChainedContent } from '../case-chain.js'

// 操作记录防篡改 and 照片访问: case events become a hash chain per case (case-chain.ts), existing events are
// chained in their order; photos get the indexes their access check and the cleanup of unattached uploads read.

const BATCH = 2000

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table case_event add column prev_hash text, add column hash text`.execute(db)
  await sql`alter table case_file add column event_hash text`.execute(db)

  // Existing events (the demo history, a deployed center's record) are chained as they stand, a batch at a
  // time in (case, seq) order. The append-only trigger is set aside for this one transaction's update only.
  await sql`alter table case_event disable trigger case_event_no_change`.execute(db)
  let after: { caseId: string; seq: number } | undefined
  let prev: { caseId: string; hash: string } | undefined
  for (;;) {
    const page = await sql<Omit<ChainedContent, 'prev_hash'>>`
      select case_id, seq, version, type, at, actor_id, role, from_status, to_status, payload, photo_ids
      from case_event
      ${after ? sql`where (case_id, seq) > (${after.caseId}, ${after.seq})` : sql``}
      order by case_id, seq
      limit ${BATCH}`.execute(db)
    if (page.rows.length === 0) break
    const linked = page.rows.map((r) => {
      const prevHash = prev && prev.caseId === r.case_id ? prev.hash : null
      const hash = eventHash({ ...r, prev_hash: prevHash })
      prev = { caseId: r.case_id, hash }
      return { caseId: r.case_id, seq: r.seq, prevHash, hash }
    })
    await sql`
      update case_event as e set prev_hash = v.prev_hash, hash = v.hash
      from (values ${sql.join(linked.map((l) => sql`(${l.caseId}, ${l.seq}::integer, ${l.prevHash}::text, ${l.hash}::text)`))}) as v (case_id, seq, prev_hash, hash)
      where e.case_id = v.case_id and e.seq = v.seq`.execute(db)
    const last = page.rows[page.rows.length - 1]!
    after = { caseId: last.case_id, seq: last.seq }
  }
  await sql`alter table case_event enable trigger case_event_no_change`.execute(db)
  await sql`update case_file as c set event_hash = e.hash from case_event as e where e.case_id = c.id and e.seq = c.event_seq`.execute(db)

  await sql`alter table case_event alter column hash set not null`.execute(db)
  // A case's first event links to nothing, every later one to something.
  await sql`alter table case_event add constraint case_event_link check ((seq = 1) = (prev_hash is null))`.execute(db)

  // "Which cases cite this photo" (who may read it) and "is it cited at all" (the cleanup).
  await sql`create index case_event_photos on case_event using gin (photo_ids)`.execute(db)
  await sql`create index photo_uploaded on photo (uploaded_at)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists photo_uploaded`.execute(db)
  await sql`drop index if exists case_event_photos`.execute(db)
  await sql`alter table case_event drop constraint if exists case_event_link`.execute(db)
  await sql`alter table case_event drop column if exists hash, drop column if exists prev_hash`.execute(db)
  await sql`alter table case_file drop column if exists event_hash`.execute(db)
}
