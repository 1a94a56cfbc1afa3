import { sql, type Kysely, type Selectable, type Transaction } from 'kysely'
import type { Actor } from '../../../core/case/types.js'
import { canReadPhoto, caseScope } from '../policies/case-access.js'
import type { PhotoStore } from '../services/photo-store.js'
import type { Database, PhotoTable } from './schema.js'

type PhotoRow = Selectable<PhotoTable>
type Db = Kysely<Database> | Transaction<Database>

/** The API's form of a photo's metadata. */
export function presentPhoto(row: PhotoRow) {
  return { id: row.id, contentType: row.content_type, size: row.size, uploadedAt: new Date(row.uploaded_at).toISOString() }
}

/**
 * Records a stored photo; a second upload of the same bytes keeps the first record (and uploader) but
 * restarts its day, so the cleanup of unattached photos does not take what was just sent again. Returns the record.
 */
export async function recordPhoto(db: Db, photo: { readonly id: string; readonly contentType: string; readonly size: number; readonly uploadedBy: string; readonly now: Date }): Promise<PhotoRow> {
  return db
    .insertInto('photo')
    .values({ id: photo.id, content_type: photo.contentType, size: photo.size, uploaded_by: photo.uploadedBy, uploaded_at: photo.now })
    .onConflict((oc) => oc.column('id').doUpdateSet({ uploaded_at: sql`greatest(photo.uploaded_at, excluded.uploaded_at)` }))
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** Events citing the photo (case_event.photo_ids holds every photo an event carries, intake photos included). */
function citing(db: Db, id: string) {
  return db.selectFrom('case_event').select('case_event.case_id').where('case_event.photo_ids', '@>', sql<string[]>`array[${id}]::text[]`)
}

/**
 * 照片访问 — the photo when `actor` may see it (canReadPhoto in policies/case-access.ts: a case the actor may
 * read cites it, or the actor uploaded it and no case cites it yet). Undefined otherwise, which the route
 * answers like a photo that does not exist.
 */
export async function readablePhoto(db: Db, id: string, actor: Actor): Promise<PhotoRow | undefined> {
  const row = await db
    .selectFrom('photo')
    .selectAll()
    .select((eb) => [
      eb.exists(eb.selectFrom('case_file').select('case_file.id').where('case_file.id', 'in', citing(db, id)).where(caseScope(actor))).as('in_visible_case'),
      eb.exists(citing(db, id)).as('attached'),
    ])
    .where('photo.id', '=', id)
    .executeTakeFirst()
  if (!row) return undefined
  const { in_visible_case, attached, ...photo } = row
  return canReadPhoto(actor, { inVisibleCase: Boolean(in_visible_case), attached: Boolean(attached), uploadedBy: photo.uploaded_by }) ? photo : undefined
}

/**
 * Removes photos no case cites that were uploaded before `cutoff` (an upload abandoned with its form),
 * rows first, then the files no row names any more. `keep` are never removed (the demo photos, which
 * the demo jobs cite by id). Rows a case command is citing right now are locked by it (missingPhotos)
 * and skipped; a command that comes after finds the photo gone and says so. At most `limit` per call.
 */
export async function deleteUnattachedPhotos(
  db: Kysely<Database>,
  store: PhotoStore,
  options: { readonly cutoff: Date; readonly keep?: readonly string[]; readonly limit?: number },
): Promise<number> {
  const keep = options.keep ?? []
  const deleted = await db
    .deleteFrom('photo')
    .where('id', 'in', (eb) => {
      let q = eb
        .selectFrom('photo as p')
        .select('p.id')
        .where('p.uploaded_at', '<', options.cutoff)
        .where((w) => w.not(w.exists(w.selectFrom('case_event').select('case_event.case_id').where('case_event.photo_ids', '@>', sql<string[]>`array[p.id]::text[]`))))
      if (keep.length > 0) q = q.where('p.id', 'not in', [...keep])
      return q.orderBy('p.uploaded_at').limit(options.limit ?? 1000).forUpdate().skipLocked()
    })
    .returning('id')
    .execute()
  if (deleted.length === 0) return 0
  // The same bytes uploaded again since have a row again: their file stays.
  const back = new Set((await db.selectFrom('photo').select('id').where('id', 'in', deleted.map((d) => d.id)).execute()).map((r) => r.id))
  for (const { id } of deleted) if (!back.has(id)) await store.remove(id)
  return deleted.length
}

/** One photo's metadata. */
export function getPhoto(db: Db, id: string): Promise<PhotoRow | undefined> {
  return db.selectFrom('photo').selectAll().where('id', '=', id).executeTakeFirst()
}

/**
 * The ids among `ids` that are not stored photos. The found rows stay share-locked until the caller's
 * transaction ends, so the cleanup of unattached photos cannot remove one a case is about to cite.
 */
export async function missingPhotos(db: Db, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return []
  const found = new Set((await db.selectFrom('photo').select('id').where('id', 'in', [...ids]).forShare().execute()).map((r) => r.id))
  return ids.filter((id) => !found.has(id))
}
