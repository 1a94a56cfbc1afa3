/**
 * The local store's SQL: schema, statements per entity, the column values of a change, and the
 * connection settings. Kept apart from local-store.ts (the store's behaviour) and shared with the bench,
 * whose raw-insert baseline must build exactly the same tables.
 */
import type { BindParams, Database } from 'sql.js'
import type { CaseRecord, SyncEntity } from '../../contracts/bridge/index.js'
import { caseColumns } from '../cases/case-record.js'
import type { LocalChange } from '../sync/feed-records.js'

/** Bump when the local schema changes: the store then starts empty and syncs from scratch. */
export const SCHEMA_VERSION = '4'

/**
 * The local schema. Cases are a rowid table: their record JSON is a few kilobytes, and SQLite advises
 * against WITHOUT ROWID for rows that large; the filter columns beside it let the in-memory index and
 * pruning work without parsing JSON. Components are a WITHOUT ROWID table keyed by id: one b-tree, no separate index. A rowid
 * table with a unique index on the id was measured too (1,000,000 components of the large city): 5-15 %
 * faster to fill, but a 10 % larger file and a slower full scan, which every start pays; sorting each page
 * by key before applying it (local-store.ts) gained far more, 2-3x.
 */
export const LOCAL_SCHEMA = `
create table if not exists meta (key text primary key, value text not null) without rowid;
create table if not exists region (code text primary key, level text not null, name text not null, name_en text not null,
  parent_code text, geometry text not null);
create table if not exists unit_grid (id text primary key, community_code text not null, area_class text not null, geometry text not null);
create table if not exists catalog_class (key text primary key, data text not null);
create table if not exists responsible_unit (id text primary key, data text not null);
create table if not exists routing_rule (id text primary key, data text not null);
create table if not exists component (id text primary key, edition text not null, category text not null, name text not null,
  status text not null, lon real not null, lat real not null, grid_id text not null, owner_unit_id text, maintainer_unit_id text,
  initial_date text not null, change_date text, data_source text not null, note text) without rowid;
create table if not exists case_record (id text primary key, number text not null, version integer not null,
  status text not null, phase text not null, category text not null, source text not null, unit_id text,
  light text not null, hazard integer not null, lon real not null, lat real not null, grid_id text,
  created_ms real not null, updated_ms real not null, closed_ms real, data text not null);
create index if not exists case_record_closed on case_record (closed_ms) where closed_ms is not null;
`

/** Table and key column of each entity. */
export const TABLES: Readonly<Record<SyncEntity, { readonly table: string; readonly key: string }>> = {
  region: { table: 'region', key: 'code' },
  unit_grid: { table: 'unit_grid', key: 'id' },
  catalog_class: { table: 'catalog_class', key: 'key' },
  responsible_unit: { table: 'responsible_unit', key: 'id' },
  routing_rule: { table: 'routing_rule', key: 'id' },
  component: { table: 'component', key: 'id' },
  case: { table: 'case_record', key: 'id' },
}

const CASE_COLUMNS =
  'id, number, version, status, phase, category, source, unit_id, light, hazard, lon, lat, grid_id, created_ms, updated_ms, closed_ms, data'
const CASE_SETS = CASE_COLUMNS.split(', ')
  .slice(1)
  .map((c) => `${c} = excluded.${c}`)
  .join(', ')

/**
 * A case in one statement, never back to an older version: a case an applied command stored at once may meet
 * the feed's older copy in a page read just before the command (the deadline sweep's light changes keep the
 * version: equal wins). One upsert binds the record's JSON once; insert-or-ignore then update bound it twice
 * and measured 1.5-2x slower for pages that are mostly updates. Case counts come from count(*) instead, cheap
 * at case numbers.
 */
export const CASE_UPSERT =
  `insert into case_record (${CASE_COLUMNS}) values (${CASE_COLUMNS.split(',')
    .map(() => '?')
    .join(', ')}) ` +
  `on conflict (id) do update set ${CASE_SETS} where excluded.version >= case_record.version`

// Insert-or-ignore then update (instead of one upsert) tells new rows from replaced ones, which keeps the
// row counts exact without a count(*) over a million rows after every page.
export const WRITES: Readonly<
  Record<Exclude<SyncEntity, 'case'>, { readonly insert: string; readonly update: string }>
> = {
  region: {
    insert:
      'insert or ignore into region (code, level, name, name_en, parent_code, geometry) values (?, ?, ?, ?, ?, ?)',
    update:
      'update region set level = ?2, name = ?3, name_en = ?4, parent_code = ?5, geometry = ?6 where code = ?1',
  },
  unit_grid: {
    insert: 'insert or ignore into unit_grid (id, community_code, area_class, geometry) values (?, ?, ?, ?)',
    update: 'update unit_grid set community_code = ?2, area_class = ?3, geometry = ?4 where id = ?1',
  },
  catalog_class: {
    insert: 'insert or ignore into catalog_class (key, data) values (?, ?)',
    update: 'update catalog_class set data = ?2 where key = ?1',
  },
  responsible_unit: {
    insert: 'insert or ignore into responsible_unit (id, data) values (?, ?)',
    update: 'update responsible_unit set data = ?2 where id = ?1',
  },
  routing_rule: {
    insert: 'insert or ignore into routing_rule (id, data) values (?, ?)',
    update: 'update routing_rule set data = ?2 where id = ?1',
  },
  component: {
    insert:
      'insert or ignore into component (id, edition, category, name, status, lon, lat, grid_id, owner_unit_id, maintainer_unit_id, ' +
      'initial_date, change_date, data_source, note) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    update:
      'update component set edition = ?2, category = ?3, name = ?4, status = ?5, lon = ?6, lat = ?7, grid_id = ?8, owner_unit_id = ?9, ' +
      'maintainer_unit_id = ?10, initial_date = ?11, change_date = ?12, data_source = ?13, note = ?14 where id = ?1',
  },
}

/** The column values of an upsert, in the order of {@link WRITES}. */
export function rowOf(change: Extract<LocalChange, { op: 'upsert' }>): BindParams {
  switch (change.entity) {
    case 'region': {
      const r = change.value
      return [r.code, r.level, r.name, r.nameEn, r.parentCode ?? null, JSON.stringify(r.geometry)]
    }
    case 'unit_grid': {
      const g = change.value
      return [g.id, g.communityCode, g.areaClass, JSON.stringify(g.geometry)]
    }
    case 'component': {
      const c = change.value
      return [
        c.id,
        c.edition,
        c.category,
        c.name,
        c.status,
        c.lon,
        c.lat,
        c.gridId,
        c.ownerUnitId,
        c.maintainerUnitId,
        c.initialDate,
        c.changeDate,
        c.dataSource,
        c.note,
      ]
    }
    case 'case':
      return caseRow(change.value)
    default:
      return [change.id, JSON.stringify(change.value)]
  }
}

/** The column values of a case, in the order of {@link CASE_UPSERT}. */
export function caseRow(r: CaseRecord): BindParams {
  const c = caseColumns(r)
  return [
    r.id,
    r.number,
    r.version,
    r.status,
    c.phase,
    r.categoryKey,
    r.source,
    c.unitId,
    r.light.color,
    c.hazard ? 1 : 0,
    r.location.lon,
    r.location.lat,
    r.location.gridId,
    c.createdMs,
    c.updatedMs,
    Number.isNaN(c.closedMs) ? null : c.closedMs,
    JSON.stringify(r),
  ]
}

/**
 * Connection settings of the in-memory database, measured 2-3x faster for sync-sized transactions: the
 * rollback journal in memory instead of a MEMFS file, no sync calls (MEMFS has nothing to sync; durability
 * comes from the atomic snapshots), and a 16 MB page cache. `export()` closes and reopens the connection,
 * which resets them (sql.js#233), so they are applied again after every snapshot.
 */
export function tuneConnection(db: Database): void {
  db.exec('pragma journal_mode = memory; pragma synchronous = off; pragma cache_size = -16384;')
}

/** Orders changes by entity, then id. */
export function byEntityAndId(a: LocalChange, b: LocalChange): number {
  if (a.entity !== b.entity) return a.entity < b.entity ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}
