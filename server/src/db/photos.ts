import type { Kysely, Selectable, Transaction } from 'kysely'
import type { Database, PhotoTable } from './schema.js'

type PhotoRow = Selectable<PhotoTable>
type Db = Kysely<Database> | Transaction<Database>

/** The API's form of a photo's metadata. */
export function presentPhoto(row: PhotoRow) {
  return { id: row.id, contentType: row.content_type, size: row.size, uploadedAt: new Date(row.uploaded_at).toISOString() }
}

/** Records a stored photo; a second upload of the same bytes keeps the first record. Returns the record. */
export async function recordPhoto(db: Db, photo: { readonly id: string; readonly contentType: string; readonly size: number; readonly uploadedBy: string; readonly now: Date }): Promise<PhotoRow> {
  await db
    .insertInto('photo')
    .values({ id: photo.id, content_type: photo.contentType, size: photo.size, uploaded_by: photo.uploadedBy, uploaded_at: photo.now })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute()
  return db.selectFrom('photo').selectAll().where('id', '=', photo.id).executeTakeFirstOrThrow()
}

/** One photo's metadata. */
export function getPhoto(db: Db, id: string): Promise<PhotoRow | undefined> {
  return db.selectFrom('photo').selectAll().where('id', '=', id).executeTakeFirst()
}

/** The ids among `ids` that are not stored photos. */
export async function missingPhotos(db: Db, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return []
  const found = new Set((await db.selectFrom('photo').select('id').where('id', 'in', [...ids]).execute()).map((r) => r.id))
  return ids.filter((id) => !found.has(id))
}
