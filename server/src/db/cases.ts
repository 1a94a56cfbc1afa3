import type { Expression, ExpressionBuilder, Kysely, Selectable, SqlBool, Transaction } from 'kysely'
import type { CaseEvent, CaseState } from '../../../core/case/types.js'
import type { CaseClockView } from '../services/case-clock.js'
import { chainEvents, type ChainHead } from './case-chain.js'
import type { CaseEventTable, CaseFileTable, Database } from './schema.js'

/** A case row as stored. */
export type CaseRow = Selectable<CaseFileTable>
/** An audit event row as stored. */
export type CaseEventRow = Selectable<CaseEventTable>
type Db = Kysely<Database> | Transaction<Database>

/** 系统事件 — what the server itself records on a case (lights, missing or late arrival), besides core's events. */
export type SystemEventType = 'light' | 'arrival-missing' | 'arrival-late'

/** An event to append: core's, or the server's own (by the actor 'system'). */
export type AppendEvent =
  | CaseEvent
  | { readonly type: SystemEventType; readonly at: string; readonly actorId: string; readonly role: 'system'; readonly from: string; readonly to: string; readonly version: number; readonly payload: Readonly<Record<string, unknown>> }

/** 案卷受理信息 — intake details the state machine never reads. */
export interface CaseDetails {
  readonly lon: number
  readonly lat: number
  readonly address: string
  readonly componentId: string | null
  readonly description: string
  readonly reporterName: string | null
  readonly reporterContact: string | null
  readonly beforePhotoIds: readonly string[]
  readonly duplicateIds: readonly string[]
  readonly proposedUnitId: string | null
}

/** The columns that mirror core's CaseState (kept in step on every write). */
function stateColumns(state: CaseState, clock: CaseClockView) {
  return {
    version: state.version,
    status: state.status,
    state: JSON.stringify(state),
    kind: state.kind,
    category_key: state.categoryKey,
    condition_id: state.conditionId,
    urgency: state.urgency,
    safety_hazard: state.safetyHazard ?? null,
    area_class: state.areaClass,
    assigned_unit_id: state.assignedUnitId ?? null,
    sub_unit_id: state.subUnitId ?? null,
    inspector_id: state.inspectorId ?? null,
    light: clock.light,
    light_stage: clock.stage,
    next_check_at: clock.nextCheckAt,
    updated_at: new Date(state.updatedAt),
    closed_at: state.closedAt ? new Date(state.closedAt) : null,
  }
}

/** Inserts a new case; `head` is the chain head its first events will have (see {@link chainCaseEvents}). */
export async function insertCase(trx: Transaction<Database>, state: CaseState, details: CaseDetails, clock: CaseClockView, head: ChainHead): Promise<CaseRow> {
  return trx
    .insertInto('case_file')
    .values({
      id: state.id,
      number: state.number,
      source: state.source,
      lon: details.lon,
      lat: details.lat,
      address: details.address,
      grid_id: state.gridId ?? null,
      community_code: state.communityCode ?? null,
      street_code: state.streetCode ?? null,
      district_code: state.districtCode ?? '',
      component_id: details.componentId,
      description: details.description,
      reporter_id: state.reporterId,
      reporter_name: details.reporterName,
      reporter_contact: details.reporterContact,
      before_photo_ids: [...details.beforePhotoIds],
      duplicate_ids: [...details.duplicateIds],
      proposed_unit_id: details.proposedUnitId,
      created_at: new Date(state.createdAt),
      event_seq: head.seq,
      event_hash: head.hash,
      ...stateColumns(state, clock),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** Writes a case's new state (the caller holds its row lock), with the escalation if given. */
export async function updateCaseState(
  trx: Transaction<Database>,
  id: string,
  state: CaseState,
  clock: CaseClockView,
  extra: { readonly escalation?: { readonly kind: string; readonly at: Date } | null; readonly head?: ChainHead } = {},
): Promise<CaseRow> {
  return trx
    .updateTable('case_file')
    .set({
      ...stateColumns(state, clock),
      ...(extra.escalation !== undefined ? { escalation: extra.escalation?.kind ?? null, escalated_at: extra.escalation?.at ?? null } : {}),
      ...(extra.head !== undefined ? { event_seq: extra.head.seq, event_hash: extra.head.hash } : {}),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** Writes only the clock columns and escalation (the sweep: lights change, the case does not). */
export async function updateCaseClock(
  trx: Transaction<Database>,
  id: string,
  clock: CaseClockView,
  extra: { readonly escalation?: { readonly kind: string; readonly at: Date } | null; readonly head?: ChainHead },
): Promise<CaseRow> {
  return trx
    .updateTable('case_file')
    .set({
      light: clock.light,
      light_stage: clock.stage,
      next_check_at: clock.nextCheckAt,
      ...(extra.escalation !== undefined ? { escalation: extra.escalation?.kind ?? null, escalated_at: extra.escalation?.at ?? null } : {}),
      ...(extra.head !== undefined ? { event_seq: extra.head.seq, event_hash: extra.head.hash } : {}),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** One case, read without a lock. */
export function getCase(db: Db, id: string): Promise<CaseRow | undefined> {
  return db.selectFrom('case_file').selectAll().where('id', '=', id).executeTakeFirst()
}

/** One case with its row locked until the transaction ends: commands on one case run one at a time. */
export function lockCase(trx: Transaction<Database>, id: string): Promise<CaseRow | undefined> {
  return trx.selectFrom('case_file').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

/** The photo ids an event carries in its payload (after-photos, verify/check photos, the arrival photo, intake photos). */
export function photoIdsOf(payload: Readonly<Record<string, unknown>>): string[] {
  const out: string[] = []
  for (const key of ['afterPhotoIds', 'photoIds', 'beforePhotoIds']) {
    const v = payload[key]
    if (Array.isArray(v)) out.push(...v.filter((x): x is string => typeof x === 'string'))
  }
  if (typeof payload.photoId === 'string') out.push(payload.photoId)
  return [...new Set(out)]
}

/** The head of a case row's event chain. */
export function chainHeadOf(row: Pick<CaseRow, 'event_seq' | 'event_hash'>): ChainHead {
  return { seq: row.event_seq, hash: row.event_hash }
}

/** A case's new events as rows, linked after `head` (case-chain.ts): pure, so an intake knows its head before inserting the case. */
export function chainCaseEvents(caseId: string, head: ChainHead, events: readonly AppendEvent[]) {
  return chainEvents(
    head,
    events.map((e) => ({
      case_id: caseId,
      version: e.version,
      type: e.type,
      at: new Date(e.at),
      actor_id: e.actorId,
      role: e.role,
      from_status: e.from,
      to_status: e.to,
      payload: e.payload,
      photo_ids: photoIdsOf(e.payload),
    })),
  )
}

/** Stores chained event rows (from {@link chainCaseEvents}). */
export async function insertEventRows(trx: Transaction<Database>, rows: ReturnType<typeof chainCaseEvents>['rows']): Promise<void> {
  if (rows.length === 0) return
  await trx
    .insertInto('case_event')
    .values(rows.map((r) => ({ ...r, payload: JSON.stringify(r.payload), photo_ids: [...r.photo_ids] })))
    .execute()
}

/**
 * Appends events after the case's chain `head` and returns the new head, which the caller writes to the
 * case row. The caller holds the case's row lock (it read `head` under it): two writers never link to
 * the same predecessor, and (case_id, seq) being the key refuses a fork even if one did.
 */
export async function appendEvents(trx: Transaction<Database>, caseId: string, head: ChainHead, events: readonly AppendEvent[]): Promise<ChainHead> {
  const chained = chainCaseEvents(caseId, head, events)
  await insertEventRows(trx, chained.rows)
  return chained.head
}

/** A case's events, oldest first. */
export function listEvents(db: Db, caseId: string): Promise<CaseEventRow[]> {
  return db.selectFrom('case_event').selectAll().where('case_id', '=', caseId).orderBy('seq').execute()
}

/**
 * 案卷编号 — the next sequence number of `year` in `district`. The counter row stays locked until the
 * caller's transaction ends, so concurrent intakes in one district get consecutive, never equal, numbers.
 */
export async function nextCaseSequence(trx: Transaction<Database>, year: number, districtCode: string): Promise<number> {
  const row = await trx
    .insertInto('case_number_counter')
    .values({ year, district_code: districtCode, last_value: 1 })
    .onConflict((oc) => oc.columns(['year', 'district_code']).doUpdateSet((eb) => ({ last_value: eb('case_number_counter.last_value', '+', 1) })))
    .returning('last_value')
    .executeTakeFirstOrThrow()
  return row.last_value
}

/** A possible duplicate: an open case of the same category nearby, reported recently. */
export interface DuplicateCandidate {
  readonly id: string
  readonly number: string
  readonly status: string
  readonly distanceM: number
  readonly createdAt: string
}

const EARTH_RADIUS_M = 6_371_008.8

/** Great-circle distance in metres (haversine; plenty for tens of metres). */
export function distanceM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const rad = Math.PI / 180
  const dLat = (lat2 - lat1) * rad
  const dLon = (lon2 - lon1) * rad
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)))
}

/**
 * 重复案卷 — open cases of `categoryKey` within `radiusM` of the point, created in [since, until]. A bounding
 * box on lon/lat narrows the index scan (category + time); the exact distance decides.
 */
export async function findDuplicates(
  db: Db,
  q: { readonly categoryKey: string; readonly lon: number; readonly lat: number; readonly radiusM: number; readonly since: Date; readonly until: Date },
): Promise<DuplicateCandidate[]> {
  const dLat = q.radiusM / 111_320
  const dLon = q.radiusM / (111_320 * Math.max(0.01, Math.cos((q.lat * Math.PI) / 180)))
  const rows = await db
    .selectFrom('case_file')
    .select(['id', 'number', 'status', 'lon', 'lat', 'created_at'])
    .where('category_key', '=', q.categoryKey)
    .where('closed_at', 'is', null)
    .where('created_at', '>=', q.since)
    .where('created_at', '<=', q.until)
    .where('lon', '>=', q.lon - dLon)
    .where('lon', '<=', q.lon + dLon)
    .where('lat', '>=', q.lat - dLat)
    .where('lat', '<=', q.lat + dLat)
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute()
  return rows
    .map((r) => ({ id: r.id, number: r.number, status: r.status, distanceM: Math.round(distanceM(q.lon, q.lat, r.lon, r.lat) * 10) / 10, createdAt: new Date(r.created_at).toISOString() }))
    .filter((c) => c.distanceM <= q.radiusM)
    .sort((a, b) => a.distanceM - b.distanceM)
}

/** Cases whose clock check is due at `now`, locked for this sweep; rows another sweep holds are skipped. */
export function lockDueCases(trx: Transaction<Database>, now: Date, limit: number): Promise<CaseRow[]> {
  return trx
    .selectFrom('case_file')
    .selectAll()
    .where('next_check_at', '<=', now)
    .orderBy('next_check_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute()
}

/** Duplicate candidates by id, with their distance from a point (a replayed intake shows what the first found). */
export async function duplicatesByIds(db: Db, ids: readonly string[], lon: number, lat: number): Promise<DuplicateCandidate[]> {
  if (ids.length === 0) return []
  const rows = await db.selectFrom('case_file').select(['id', 'number', 'status', 'lon', 'lat', 'created_at']).where('id', 'in', [...ids]).execute()
  return rows
    .map((r) => ({ id: r.id, number: r.number, status: r.status, distanceM: Math.round(distanceM(lon, lat, r.lon, r.lat) * 10) / 10, createdAt: new Date(r.created_at).toISOString() }))
    .sort((a, b) => a.distanceM - b.distanceM)
}

/** Filters of the case search (GET /api/v1/cases). */
export interface CaseFilter {
  readonly statuses?: readonly string[]
  readonly closed?: boolean
  readonly unitId?: string
  /** Category key or prefix ('2013:component:01'). */
  readonly category?: string
  readonly source?: string
  readonly gridId?: string
  readonly districtCode?: string
  readonly light?: string
  readonly createdFrom?: Date
  readonly createdBefore?: Date
  /** Only cases with an escalation (arrival missing or late). */
  readonly escalated?: boolean
}

/** A keyset position: the (created_at, id) of the last row of the previous page. */
export interface CasePosition {
  readonly createdAt: Date
  readonly id: string
}

/**
 * Cases matching `filter` within `scope`, in `order` of (created_at, id), after `position`, at most `limit`.
 * Newest first for search, oldest first for task queues.
 */
export function searchCases(
  db: Db,
  q: {
    readonly filter: CaseFilter
    readonly scope: (eb: ExpressionBuilder<Database, 'case_file'>) => Expression<SqlBool>
    readonly order: 'newest' | 'oldest'
    readonly after?: CasePosition
    readonly limit: number
  },
): Promise<CaseRow[]> {
  const f = q.filter
  let query = db.selectFrom('case_file').selectAll().where(q.scope)
  if (f.statuses && f.statuses.length > 0) query = query.where('status', 'in', [...f.statuses])
  if (f.closed !== undefined) query = query.where('closed_at', f.closed ? 'is not' : 'is', null)
  if (f.unitId) {
    const unitId = f.unitId
    query = query.where((eb) => eb.or([eb('assigned_unit_id', '=', unitId), eb('sub_unit_id', '=', unitId)]))
  }
  if (f.category) {
    const like = `${f.category.replace(/[\\%_]/g, '\\$&')}%`
    query = query.where('category_key', 'like', like)
  }
  if (f.source) query = query.where('source', '=', f.source)
  if (f.gridId) query = query.where('grid_id', '=', f.gridId)
  if (f.districtCode) query = query.where('district_code', '=', f.districtCode)
  if (f.light) query = query.where('light', '=', f.light as CaseRow['light'])
  if (f.createdFrom) query = query.where('created_at', '>=', f.createdFrom)
  if (f.createdBefore) query = query.where('created_at', '<', f.createdBefore)
  if (f.escalated) query = query.where('escalation', 'is not', null)
  const newest = q.order === 'newest'
  if (q.after) {
    const { createdAt, id } = q.after
    query = query.where((eb) =>
      eb(eb.refTuple('created_at', 'id'), newest ? '<' : '>', eb.tuple(createdAt, id)),
    )
  }
  const dir = newest ? 'desc' : 'asc'
  return query.orderBy('created_at', dir).orderBy('id', dir).limit(q.limit).execute()
}

/** The opaque `next` cursor of a page that ended with `row`. */
export function positionCursor(row: Pick<CaseRow, 'created_at' | 'id'>): string {
  return Buffer.from(JSON.stringify([new Date(row.created_at).toISOString(), row.id])).toString('base64url')
}

/** Reads a cursor made by {@link positionCursor}; undefined when it is not one. */
export function parsePositionCursor(cursor: string): CasePosition | undefined {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown]
    if (typeof at !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(at))) return undefined
    return { createdAt: new Date(at), id }
  } catch {
    return undefined
  }
}
