import { existsSync } from 'node:fs'
import { mkdir, readFile, rename } from 'node:fs/promises'
import { dirname } from 'node:path'
import initSqlJs, { type BindParams, type Database, type SqlJsStatic } from 'sql.js'
import {
  byEntityAndId,
  CASE_UPSERT,
  caseRow,
  LOCAL_SCHEMA,
  rowOf,
  SCHEMA_VERSION,
  TABLES,
  tuneConnection,
  WRITES,
} from './local-schema.js'
import type { Region, UnitGrid } from '../../core/region/types.js'
import type { ResponsibleUnit, RoutingRule } from '../../core/routing/types.js'
import type { ComponentStatus } from '../../core/component/types.js'
import type { CaseRecord, SyncEntity } from '../../contracts/bridge/index.js'
import { removeStaleTemps } from './atomic-file.js'
import { createDbFileWriter, type DbFileWriter } from './db-file-writer.js'
import {
  SYNC_ENTITIES,
  type LocalChange,
  type StoredClass,
  type StoredComponent,
} from '../sync/feed-records.js'
import type { Log } from '../log.js'

/**
 * A sync stream: a slice of the feed with its own cursor. Reference data (grids, regions, units, rules,
 * catalog) is pulled before the million components, so lookups work early in a first sync. Cases are a
 * stream of their own because only a signed-in desk, leader or administrator may read them: its cursor
 * belongs to the account that read it (meta `cases:userId`), and is reset with the cases when another
 * account signs in.
 */
export type SyncStream = 'reference' | 'components' | 'cases'

/** The entities of each stream. */
export const STREAM_ENTITIES: Readonly<Record<SyncStream, readonly SyncEntity[]>> = {
  reference: ['catalog_class', 'region', 'unit_grid', 'responsible_unit', 'routing_rule'],
  components: ['component'],
  cases: ['case'],
}

/** The columns of a component that the map layer holds in memory. */
export interface ComponentPoint {
  readonly id: string
  readonly category: string
  readonly status: ComponentStatus
  readonly lon: number
  readonly lat: number
  readonly gridId: string
}

/** Timing of snapshots, for the bench and the log. */
export interface PersistStats {
  readonly writes: number
  readonly lastExportMs: number
  readonly lastWriteMs: number
  readonly lastBytes: number
}

/**
 * 本地库 — the workstation's copy of the city's reference data: a SQLite database in memory (sql.js),
 * snapshotted atomically to one file. Every method is synchronous except persistence, and each call is
 * short (a page of changes at most), so callers never hold the thread for long.
 */
export interface LocalStore {
  readonly path: string
  /** The stream's cursor, stored in the same transaction as the data it covers ('0' when never synced). */
  cursor(stream: SyncStream): string
  getMeta(key: string): string | undefined
  setMeta(entries: Readonly<Record<string, string>>): void
  /** Applies one page of changes and advances the stream's cursor, all in one transaction. */
  applyPage(stream: SyncStream, changes: readonly LocalChange[], cursor: string): void
  /** Rows per entity. */
  counts(): Readonly<Record<SyncEntity, number>>
  regions(): Region[]
  grids(): UnitGrid[]
  units(): ResponsibleUnit[]
  rules(): RoutingRule[]
  classes(): StoredClass[]
  /** Visits every component's map columns (in storage order). */
  eachComponent(visit: (c: ComponentPoint) => void): void
  component(id: string): StoredComponent | undefined
  /** Components whose id starts with `prefix`, in id order. */
  componentsWithPrefix(prefix: string, limit: number): StoredComponent[]
  /** One case's record. */
  caseRecord(id: string): CaseRecord | undefined
  /** Visits every stored case (in storage order). */
  eachCase(visit: (r: CaseRecord) => void): void
  /**
   * Stores cases the central API just answered with (an applied command, a fresh read) without moving the
   * cases cursor: the feed brings the same version later. An older version than the stored one is
   * ignored; returns the ids written.
   */
  upsertCases(records: readonly CaseRecord[]): string[]
  /** Deletes closed cases closed before `beforeMs` (epoch ms); returns their ids. */
  pruneClosedCases(beforeMs: number): string[]
  /** Drops every case and the cases cursor (another account signed in); returns the ids dropped. */
  resetCases(): string[]
  /** Drops every record and cursor (a new schema, or a central server that lost its feed). */
  reset(): void
  /** Schedules a snapshot (debounced). */
  persistSoon(): void
  /** Writes a snapshot now if anything changed since the last one; resolves when it is durable. */
  flush(): Promise<void>
  readonly persistStats: PersistStats
  /** Flushes and frees the database. */
  close(): Promise<void>
}

/** Options of {@link openLocalStore}. */
export interface LocalStoreOptions {
  /** The database file, e.g. `<userData>/cityloop.sqlite`. */
  readonly file: string
  readonly log: Log
  /** Quiet time after the last change before a snapshot; default 1,000 ms. */
  readonly persistDelayMs?: number
  /** Longest a change waits for a snapshot while changes keep coming; default 15,000 ms. */
  readonly maxPersistDelayMs?: number
  /** Test hook passed to the writer thread: die between fsync and rename. */
  readonly crashBeforeRename?: boolean
}

export { LOCAL_SCHEMA, rowOf, tuneConnection } from './local-schema.js'

let sqlJs: Promise<SqlJsStatic> | undefined

/** Loads sql.js's WebAssembly once per process. */
export function loadSqlJs(): Promise<SqlJsStatic> {
  sqlJs ??= initSqlJs()
  return sqlJs
}

/**
 * Opens (or creates) the local store. A file that is not a readable store of this schema version is kept
 * aside as `<file>.corrupt-<time>` or replaced, and the store starts empty: the central API has it all.
 */
export async function openLocalStore(options: LocalStoreOptions): Promise<LocalStore> {
  const { file, log } = options
  const SQL = await loadSqlJs()
  await mkdir(dirname(file), { recursive: true })
  const stale = await removeStaleTemps(file)
  if (stale > 0) log.warn(`removed ${stale} unfinished snapshot(s) of ${file} left by a crash`)

  let db: Database | undefined
  if (existsSync(file)) {
    try {
      db = new SQL.Database(await readFile(file))
      const version = db.exec("select value from meta where key = 'schemaVersion'")[0]?.values[0]?.[0]
      if (version !== SCHEMA_VERSION) {
        log.warn(
          `${file} has schema ${String(version)}, this version uses ${SCHEMA_VERSION}: starting empty, a full sync follows`,
        )
        db.close()
        db = undefined
      }
    } catch (error) {
      const aside = `${file}.corrupt-${Date.now()}`
      log.error(`${file} is not a readable store; kept as ${aside}, starting empty`, error)
      db?.close()
      db = undefined
      await rename(file, aside).catch(() => {})
    }
  }
  const fresh = db === undefined
  const database: Database = db ?? new SQL.Database()
  tuneConnection(database)
  database.exec(LOCAL_SCHEMA)
  if (fresh)
    database.run("insert or replace into meta (key, value) values ('schemaVersion', ?)", [SCHEMA_VERSION])

  const writer: DbFileWriter = createDbFileWriter({
    path: file,
    log,
    crashBeforeRename: options.crashBeforeRename === true,
  })
  return createStore(database, file, writer, options, fresh)
}

function createStore(
  db: Database,
  file: string,
  writer: DbFileWriter,
  options: LocalStoreOptions,
  fresh: boolean,
): LocalStore {
  const { log } = options
  const delay = options.persistDelayMs ?? 1_000
  const maxDelay = options.maxPersistDelayMs ?? 15_000
  let dirty = fresh
  let firstDirtyAt = fresh ? Date.now() : 0
  let timer: NodeJS.Timeout | undefined
  let writing: Promise<void> = Promise.resolve()
  let closed = false
  let stats: PersistStats = { writes: 0, lastExportMs: 0, lastWriteMs: 0, lastBytes: 0 }

  const countOf = (table: string) => Number(db.exec(`select count(*) from ${table}`)[0]?.values[0]?.[0] ?? 0)
  const counts = {} as Record<SyncEntity, number>
  for (const entity of SYNC_ENTITIES) counts[entity] = countOf(TABLES[entity].table)

  function all<T>(sql: string, params: BindParams | undefined, map: (row: unknown[]) => T): T[] {
    const stmt = db.prepare(sql)
    try {
      if (params) stmt.bind(params)
      const out: T[] = []
      while (stmt.step()) out.push(map(stmt.get()))
      return out
    } finally {
      stmt.free()
    }
  }

  function getMeta(key: string): string | undefined {
    return all('select value from meta where key = ?', [key], (r) => r[0] as string)[0]
  }

  function markDirty(): void {
    if (!dirty) firstDirtyAt = Date.now()
    dirty = true
  }

  function transaction(work: () => void): void {
    db.run('begin')
    try {
      work()
      db.run('commit')
    } catch (error) {
      db.run('rollback')
      throw error
    }
    markDirty()
  }

  function snapshot(): Promise<void> {
    if (!dirty || closed) return writing
    dirty = false
    const started = performance.now()
    // export() serialises the whole database on this thread (it also frees prepared statements and resets
    // PRAGMAs, sql.js#233: this store prepares statements per call and tunes the connection again); the
    // disk work runs on the writer thread.
    const bytes = db.export()
    tuneConnection(db)
    const exportMs = performance.now() - started
    const size = bytes.byteLength
    const write = writing.then(async () => {
      const t = performance.now()
      await writer.write(bytes)
      stats = {
        writes: stats.writes + 1,
        lastExportMs: exportMs,
        lastWriteMs: performance.now() - t,
        lastBytes: size,
      }
    })
    writing = write.catch((error: unknown) => {
      log.error('snapshot failed; the previous file stays valid and the next change retries', error)
      markDirty()
    })
    return write
  }

  function componentFrom(r: unknown[]): StoredComponent {
    return {
      id: r[0] as string,
      edition: r[1] as StoredComponent['edition'],
      category: r[2] as string,
      name: r[3] as string,
      status: r[4] as ComponentStatus,
      lon: r[5] as number,
      lat: r[6] as number,
      gridId: r[7] as string,
      ownerUnitId: (r[8] as string | null) ?? null,
      maintainerUnitId: (r[9] as string | null) ?? null,
      initialDate: r[10] as string,
      changeDate: (r[11] as string | null) ?? null,
      dataSource: r[12] as string,
      note: (r[13] as string | null) ?? null,
    }
  }
  const COMPONENT_COLUMNS =
    'id, edition, category, name, status, lon, lat, grid_id, owner_unit_id, maintainer_unit_id, initial_date, change_date, data_source, note'

  const store: LocalStore = {
    path: file,
    cursor: (stream) => getMeta(`cursor:${stream}`) ?? '0',
    getMeta,
    setMeta(entries) {
      transaction(() => {
        for (const [key, value] of Object.entries(entries))
          db.run('insert or replace into meta (key, value) values (?, ?)', [key, value])
      })
    },
    applyPage(stream, changes, cursor) {
      const allowed = STREAM_ENTITIES[stream]
      const prepared = new Map<string, ReturnType<Database['prepare']>>()
      const stmt = (sql: string) => {
        let s = prepared.get(sql)
        if (!s) prepared.set(sql, (s = db.prepare(sql)))
        return s
      }
      const delta = {} as Record<SyncEntity, number>
      for (const entity of SYNC_ENTITIES) delta[entity] = 0
      // A stable sort by key puts neighbouring keys in neighbouring index pages (a page of a first sync is
      // ids from all over the city); for an entity twice in a page, stability keeps its last state last.
      const ordered = changes.length > 64 ? [...changes].sort(byEntityAndId) : changes
      try {
        transaction(() => {
          for (const change of ordered) {
            if (!allowed.includes(change.entity))
              throw new Error(`stream ${stream} got a ${change.entity} change`)
            const { table, key } = TABLES[change.entity]
            if (change.op === 'delete') {
              stmt(`delete from ${table} where ${key} = ?`).run([change.id])
              delta[change.entity] -= db.getRowsModified()
              continue
            }
            const row = rowOf(change)
            if (change.entity === 'case') {
              stmt(CASE_UPSERT).run(row)
              continue
            }
            stmt(WRITES[change.entity].insert).run(row)
            if (db.getRowsModified() === 1) delta[change.entity]++
            else stmt(WRITES[change.entity].update).run(row)
          }
          stmt('insert or replace into meta (key, value) values (?, ?)').run([`cursor:${stream}`, cursor])
        })
      } finally {
        for (const s of prepared.values()) s.free()
      }
      for (const entity of SYNC_ENTITIES) counts[entity] += delta[entity]
      if (allowed.includes('case')) counts.case = countOf('case_record')
    },
    counts: () => ({ ...counts }),
    regions: () =>
      all(
        'select code, level, name, name_en, parent_code, geometry from region order by code',
        undefined,
        (r) => ({
          code: r[0] as string,
          level: r[1] as Region['level'],
          name: r[2] as string,
          nameEn: r[3] as string,
          ...(r[4] ? { parentCode: r[4] as string } : {}),
          geometry: JSON.parse(r[5] as string) as Region['geometry'],
        }),
      ),
    grids: () =>
      all('select id, community_code, area_class, geometry from unit_grid order by id', undefined, (r) => ({
        id: r[0] as string,
        communityCode: r[1] as string,
        areaClass: r[2] as UnitGrid['areaClass'],
        geometry: JSON.parse(r[3] as string) as UnitGrid['geometry'],
      })),
    units: () =>
      all(
        'select data from responsible_unit order by id',
        undefined,
        (r) => JSON.parse(r[0] as string) as ResponsibleUnit,
      ),
    rules: () =>
      all(
        'select data from routing_rule order by id',
        undefined,
        (r) => JSON.parse(r[0] as string) as RoutingRule,
      ),
    classes: () =>
      all(
        'select data from catalog_class order by key',
        undefined,
        (r) => JSON.parse(r[0] as string) as StoredClass,
      ),
    eachComponent(visit) {
      const stmt = db.prepare('select id, category, status, lon, lat, grid_id from component')
      try {
        while (stmt.step()) {
          const r = stmt.get()
          visit({
            id: r[0] as string,
            category: r[1] as string,
            status: r[2] as ComponentStatus,
            lon: r[3] as number,
            lat: r[4] as number,
            gridId: r[5] as string,
          })
        }
      } finally {
        stmt.free()
      }
    },
    component: (id) => all(`select ${COMPONENT_COLUMNS} from component where id = ?`, [id], componentFrom)[0],
    componentsWithPrefix: (prefix, limit) =>
      // A range on the primary key, not LIKE: the b-tree answers it without a scan.
      all(
        `select ${COMPONENT_COLUMNS} from component where id >= ? and id < ? order by id limit ?`,
        [prefix, `${prefix}\uffff`, limit],
        componentFrom,
      ),
    caseRecord: (id) =>
      all(
        'select data from case_record where id = ?',
        [id],
        (r) => JSON.parse(r[0] as string) as CaseRecord,
      )[0],
    eachCase(visit) {
      const stmt = db.prepare('select data from case_record')
      try {
        while (stmt.step()) visit(JSON.parse(stmt.get()[0] as string) as CaseRecord)
      } finally {
        stmt.free()
      }
    },
    upsertCases(records) {
      const written: string[] = []
      if (records.length === 0) return written
      const upsert = db.prepare(CASE_UPSERT)
      try {
        transaction(() => {
          for (const r of records) {
            upsert.run(caseRow(r))
            if (db.getRowsModified() === 1) written.push(r.id)
          }
        })
      } finally {
        upsert.free()
      }
      counts.case = countOf('case_record')
      return written
    },
    pruneClosedCases(beforeMs) {
      const ids = all('select id from case_record where closed_ms < ?', [beforeMs], (r) => r[0] as string)
      if (ids.length === 0) return ids
      transaction(() => db.run('delete from case_record where closed_ms < ?', [beforeMs]))
      counts.case -= ids.length
      return ids
    },
    resetCases() {
      const ids = all('select id from case_record', undefined, (r) => r[0] as string)
      transaction(() => {
        db.run('delete from case_record')
        db.run("delete from meta where key = 'cursor:cases'")
      })
      counts.case = 0
      return ids
    },
    reset() {
      transaction(() => {
        for (const entity of SYNC_ENTITIES) db.run(`delete from ${TABLES[entity].table}`)
        db.run("delete from meta where key <> 'schemaVersion'")
      })
      for (const entity of SYNC_ENTITIES) counts[entity] = 0
    },
    persistSoon() {
      if (closed || !dirty) return
      if (timer) clearTimeout(timer)
      // setTimeout treats anything past 2^31-1 ms as 1 ms.
      const wait = Math.min(2 ** 31 - 1, Math.max(0, Math.min(delay, firstDirtyAt + maxDelay - Date.now())))
      timer = setTimeout(() => {
        timer = undefined
        void snapshot().catch(() => {})
      }, wait)
      timer.unref()
    },
    async flush() {
      if (timer) clearTimeout(timer)
      timer = undefined
      await snapshot()
    },
    get persistStats() {
      return stats
    },
    async close() {
      if (closed) return
      await store.flush().catch((error: unknown) => log.error('final snapshot failed', error))
      closed = true
      await writing
      await writer.close()
      db.close()
    },
  }
  return store
}
