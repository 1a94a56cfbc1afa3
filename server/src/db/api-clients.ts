import type { Kysely, Selectable, Transaction } from 'kysely'
import type { CaseSource } from '../../../core/case/types.js'
import type { ApiClientTable, Database } from './schema.js'

type ClientRow = Selectable<ApiClientTable>
type Db = Kysely<Database> | Transaction<Database>

/** What an API client may do. An API client never acts on an existing case (core's inScope). */
export const API_SCOPES = [
  'cases:create', // POST /cases
  'photos:create', // POST /photos, for the pictures a case submission carries
] as const
/** One of {@link API_SCOPES}. */
export type ApiScope = (typeof API_SCOPES)[number]

/** An API client without its key, as the API shows it. */
export function presentApiClient(row: ClientRow) {
  return { id: row.id, name: row.name, scopes: row.scopes, source: row.source, active: row.active }
}

/** What a new or replaced client holds; the key is already hashed. */
export interface ApiClientInput {
  readonly id: string
  readonly name: string
  readonly keyHash: string
  readonly scopes: readonly ApiScope[]
  /** The source its cases are filed under (物联传感 'iot', 视频监控 'video', 部门移送 'department' …). */
  readonly source: CaseSource
}

/** Inserts or replaces a client by id (a new key replaces the old one). */
export async function upsertApiClient(db: Db, client: ApiClientInput): Promise<void> {
  await db
    .insertInto('api_client')
    .values({ id: client.id, name: client.name, key_hash: client.keyHash, scopes: [...client.scopes], source: client.source })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        key_hash: eb.ref('excluded.key_hash'),
        scopes: eb.ref('excluded.scopes'),
        source: eb.ref('excluded.source'),
        active: true,
      })),
    )
    .execute()
}

/** The active client with this key hash. */
export function findApiClientByKeyHash(db: Db, keyHash: string): Promise<ClientRow | undefined> {
  return db.selectFrom('api_client').selectAll().where('key_hash', '=', keyHash).where('active', '=', true).executeTakeFirst()
}

/** Notes the client's last use (called at most every few minutes per client, not per request). */
export async function touchApiClient(db: Db, id: string, now: Date): Promise<void> {
  await db.updateTable('api_client').set({ last_used_at: now }).where('id', '=', id).execute()
}

/** One API client by id (revoked ones too), or undefined. */
export function getApiClient(db: Db, id: string): Promise<ClientRow | undefined> {
  return db.selectFrom('api_client').selectAll().where('id', '=', id).executeTakeFirst()
}
