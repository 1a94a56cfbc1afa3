/**
 * The local store's SQL: schema, statements per entity, the column values of a change, and the
 * connection settings. Kept apart from local-store.ts (the store's behaviour) and shared with the bench,
 * whose raw-insert baseline must build exactly the same tables.
 */
import type { BindParams, Database } from 'sql.js'
import type { SyncEntity } from '../electron/contract.js'
import type { LocalChange } from './feed-records.js'

/** Bump when the local schema changes: the store then starts empty and syncs from scratch. */
export const SCHEMA_VERSION = '3'

/**
 * The local schema. Components are a WITHOUT ROWID table keyed by id: one b-tree, no separate index. A rowid
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
`

/** Table and key column of each entity. */
export const TABLES: Readonly<Record<SyncEntity, { readonly table: string; readonly key: string }>> = {
  region: { table: 'region', key: 'code' },
  unit_grid: { table: 'unit_grid', key: 'id' },
  catalog_class: { table: 'catalog_class', key: 'key' },
  responsible_unit: { table: 'responsible_unit', key: 'id' },
  routing_rule: { table: 'routing_rule', key: 'id' },
  component: { table: 'component', key: 'id' },
}

// Insert-or-ignore then update (instead of one upsert) tells new rows from replaced ones, which keeps the
// row counts exact without a count(*) over a million rows after every page.
export const WRITES: Readonly<Record<SyncEntity, { readonly insert: string; readonly update: string }>> = {
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
    default:
      return [change.id, JSON.stringify(change.value)]
  }
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
