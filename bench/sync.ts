/**
 * Workstation sync bench: the first sync of a city (default the 1,000,000-component 'large' one) from the
 * change feed into the sql.js local store, against a raw sql.js prepared INSERT of the same rows into the
 * same tables in the same run; then the cost of building the map indexes and of one snapshot; then the
 * workstation's memory at rest, measured in a fresh child process that opens the synced store like a
 * restarted workstation does (so the generator's and the feed's garbage cannot inflate it).
 *
 * The feed is served over HTTP from pages pre-serialised in the server's own presentation (the presenters
 * of server/src/db), so the subject is the workstation's side alone: fetch, parse, validate, one
 * transaction per page with its cursor, in-memory index updates, debounced snapshots.
 *
 * Standalone: `npx tsx bench/sync.ts [demo|large]`. From bench/run.ts: `benchSync()` + `syncMeasurements()`.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { builtInCatalogs } from '../core/catalog/built-in-catalogs.js'
import { categoryKey } from '../core/catalog/category-key.js'
import type { Component, ComponentStatus } from '../core/component/types.js'
import { generateCity, type CityScale, type DemoCity } from '../gis-data/generator/index.js'
import { createCityQueries, type CityQueries } from '../main/map/city-queries.js'
import { SYNC_ENTITIES, toLocalChange, type FeedChange } from '../main/sync/feed-records.js'
import {
  LOCAL_SCHEMA,
  loadSqlJs,
  openLocalStore,
  rowOf,
  STREAM_ENTITIES,
  tuneConnection,
  type SyncStream,
} from '../main/store/local-store.js'
import { silentLog } from '../main/log.js'
import { createSyncService } from '../main/sync/sync-service.js'
import { presentCatalogClass } from '../server/src/db/catalog.js'
import { componentRow, presentComponent } from '../server/src/db/components.js'
import { presentGrid } from '../server/src/db/grids.js'
import { presentRegion } from '../server/src/db/regions.js'
import { presentRule, presentUnit } from '../server/src/db/units.js'
import { msSince, perSecond } from './clock.js'
import { versus, type Measurement } from './report.js'

/** Options of {@link benchSync}. */
export interface SyncBenchOptions {
  /** Default 'large' (50,000 grids, 1,000,000 components). */
  readonly scale?: CityScale
  /** Feed page size; default 10,000 (the API's maximum). */
  readonly pageSize?: number
  /** Progress lines. */
  readonly log?: (message: string) => void
  /**
   * Called with the synced store file (closed, still on disk) and the city's components before the folder is
   * removed: the render bench opens a workstation on it rather than syncing a million components twice.
   */
  readonly afterSync?: (synced: SyncedCity) => Promise<void>
}

/** What {@link SyncBenchOptions.afterSync} gets. */
export interface SyncedCity {
  /** The workstation's sql.js file holding the whole city. */
  readonly file: string
  /** Position, category and status of every component, for a baseline page. */
  readonly components: readonly { lon: number; lat: number; category: string; status: ComponentStatus }[]
}

/** Process memory, MB. */
export interface MemorySnapshot {
  readonly rssMb: number
  readonly heapUsedMb: number
  readonly externalMb: number
  readonly arrayBuffersMb: number
}

/** What {@link benchSync} measured. */
export interface SyncBenchResult {
  readonly rows: number
  readonly components: number
  readonly grids: number
  readonly pages: number
  readonly pageSize: number
  /** The workstation's first sync: fetch + parse + validate + apply + cursor + index updates + snapshots. */
  readonly syncMs: number
  readonly syncRate: number
  /** Raw sql.js prepared INSERTs of the same rows into the same tables, one transaction per page. */
  readonly rawMs: number
  readonly rawRate: number
  /** Building the map indexes after the sync (component columns + R-tree, grid layer, locator). */
  readonly indexMs: number
  /** One snapshot of the synced store: export on the main thread, write on the worker. */
  readonly exportMs: number
  readonly writeMs: number
  readonly fileMb: number
  /** A restarted workstation: open the store file, load and index everything (child process). */
  readonly coldStartMs: number
  /** Memory of that process once idle, after GC. */
  readonly atRest: MemorySnapshot
  /** The same process before opening anything (Node + tsx + modules), after GC. */
  readonly bareProcess: MemorySnapshot
  readonly queries: QueryTimes
}

/** Runs the bench. */
export async function benchSync(options: SyncBenchOptions = {}): Promise<SyncBenchResult> {
  const log = options.log ?? ((m: string) => console.log(`[bench] ${m}`))
  const pageSize = options.pageSize ?? 10_000
  const label = typeof options.scale === 'string' ? options.scale : options.scale ? 'custom' : 'large'
  log(`sync ${label}: generating the city`)
  let city: DemoCity | undefined = generateCity({ scale: options.scale ?? 'large' })
  const components = city.components.length
  const grids = city.grids.length
  log(
    `sync ${label}: ${grids.toLocaleString('en-US')} grids, ${components.toLocaleString('en-US')} components; presenting the feed`,
  )
  let feed: Feed | undefined = buildFeed(city, pageSize)
  const forRender = options.afterSync
    ? city.components.map(({ lon, lat, category, status }) => ({ lon, lat, category, status }))
    : []
  city = undefined
  const rows = feed.rows
  const pages = feed.pages

  log(`sync ${label}: raw sql.js prepared INSERT of the same ${rows.toLocaleString('en-US')} rows`)
  const rawMs = await rawInsert(feed, pageSize)

  const dir = mkdtempSync(join(tmpdir(), 'cityloop-bench-sync-'))
  const file = join(dir, 'cityloop.sqlite')
  try {
    const server = await serve(feed)
    const address = server.address()
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    log(`sync ${label}: first sync from ${url} (${pages} pages of ${pageSize.toLocaleString('en-US')})`)
    const store = await openLocalStore({ file, log: silentLog })
    const queries = createCityQueries({ store, log: silentLog })
    const sync = createSyncService({
      store,
      centralUrl: url,
      log: silentLog,
      pageSize,
      onPage: (p) => queries.apply(p.changes),
    })
    const started = process.hrtime.bigint()
    const status = await sync.run()
    const syncMs = msSince(started)
    if (status.lastError) throw new Error(`sync failed: ${status.lastError.message}`)
    const held = Object.values(status.counts).reduce((a, b) => a + b, 0)
    if (held !== rows) throw new Error(`sync stored ${held} rows, the feed had ${rows}`)
    await new Promise<void>((resolve) => server.close(() => resolve()))
    feed = undefined

    const indexStart = process.hrtime.bigint()
    queries.refresh()
    const indexMs = msSince(indexStart)
    if (queries.componentLayer.size !== components)
      throw new Error(`component layer holds ${queries.componentLayer.size}, expected ${components}`)
    await store.flush() // the debounced snapshots during the sync are part of syncMs; this one is timed alone
    store.applyPage('reference', [], store.cursor('reference'))
    await store.flush()
    const { lastExportMs: exportMs, lastWriteMs: writeMs } = store.persistStats
    await store.close()
    const fileMb = statSync(file).size / 2 ** 20

    log(`sync ${label}: reopening the store in a fresh process for memory at rest`)
    const rest = atRestInChild(file)
    await options.afterSync?.({ file, components: forRender })
    return {
      rows,
      components,
      grids,
      pages,
      pageSize,
      syncMs,
      syncRate: perSecond(rows, syncMs),
      rawMs,
      rawRate: perSecond(rows, rawMs),
      indexMs,
      exportMs,
      writeMs,
      fileMb,
      coldStartMs: rest.coldStartMs,
      atRest: rest.atRest,
      bareProcess: rest.bareProcess,
      queries: rest.queries,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The bench's rows for the report table. */
export function syncMeasurements(r: SyncBenchResult, label = 'large'): Measurement[] {
  const mb = (m: MemorySnapshot) =>
    `RSS ${m.rssMb.toFixed(0)} MB, heap ${m.heapUsedMb.toFixed(0)} MB, external ${m.externalMb.toFixed(0)} MB`
  return [
    versus(
      `workstation sync ${label} (${r.components.toLocaleString('en-US')} components)`,
      { value: r.syncRate, unit: 'rows/s' },
      { value: r.rawRate, unit: 'rows/s' },
      `${r.rows.toLocaleString('en-US')} rows in ${r.pages} pages: sync ${(r.syncMs / 1000).toFixed(1)} s (fetch, parse, validate, apply + cursor, snapshots), raw sql.js INSERT ${(r.rawMs / 1000).toFixed(1)} s`,
    ),
    {
      name: `workstation indexes ${label}`,
      subject: { value: r.indexMs, unit: 'ms' },
      note: 'component columns + R-tree, grid layer, locator, after the sync',
    },
    {
      name: `workstation snapshot ${label}`,
      subject: { value: r.exportMs + r.writeMs, unit: 'ms' },
      note: `export ${r.exportMs.toFixed(0)} ms on the main thread + write ${r.writeMs.toFixed(0)} ms on the worker; file ${r.fileMb.toFixed(0)} MB`,
    },
    {
      name: `workstation cold start ${label}`,
      subject: { value: r.coldStartMs, unit: 'ms' },
      note: 'open the store file, load and index everything',
    },
    {
      name: `workstation components, whole city ${label}`,
      subject: { value: r.queries.componentsCity, unit: 'ms' },
      note: 'layers.components → counts per cell; median of 7',
    },
    {
      name: `workstation components, 1 km² ${label}`,
      subject: { value: r.queries.componentsStreet, unit: 'ms' },
      note: `layers.components → ${r.queries.componentsStreetCount.toLocaleString('en-US')} points as columns; median of 7`,
    },
    {
      name: `workstation grids, 2 km × 2 km ${label}`,
      subject: { value: r.queries.gridsDistrict, unit: 'ms' },
      note: 'layers.grids compact; median of 7',
    },
    {
      name: `workstation responsible-unit lookup ${label}`,
      subject: { value: r.queries.responsibleEach * 1000, unit: 'µs/call' },
      note: 'lookup.responsible over 10,000 points',
    },
    {
      name: `workstation memory at rest ${label}`,
      subject: { value: r.atRest.rssMb, unit: 'MB RSS' },
      baseline: { value: r.bareProcess.rssMb, unit: 'MB RSS' },
      note: `at rest: ${mb(r.atRest)}; bare process: ${mb(r.bareProcess)}`,
    },
  ]
}

// ---------------------------------------------------------------------------------------------------------

interface Feed {
  readonly rows: number
  readonly pages: number
  /** Serialised pages by `${stream}:${since}`. */
  readonly bodies: Map<string, Buffer>
  /** The changes in feed order (for the raw baseline), dropped with the feed. */
  readonly changes: FeedChange[]
}

function buildFeed(city: DemoCity, pageSize: number): Feed {
  const now = new Date().toISOString()
  const changes: FeedChange[] = []
  let seq = 0
  const add = (entity: FeedChange['entity'], id: string, data: unknown) =>
    changes.push({ seq: String(++seq), entity, id, op: 'upsert', data, changedAt: now })
  for (const catalog of builtInCatalogs()) {
    for (const c of catalog.classes) {
      const big = catalog.bigClasses.find((b) => b.kind === c.kind && b.code === c.bigClassCode)!
      const key = categoryKey(c.edition, c.kind, c.code)
      add(
        'catalog_class',
        key,
        presentCatalogClass({
          key,
          edition: c.edition,
          kind: c.kind,
          code: c.code,
          big_class_code: c.bigClassCode,
          big_class_name: big.name,
          big_class_name_en: big.nameEn,
          name: c.name,
          name_en: c.nameEn,
          default_unit_type: c.defaultUnitType,
          conditions: c.conditions,
          local: c.local,
          component_code: c.componentCode ?? null,
          note: c.note ?? null,
          catalog_version: catalog.version,
          version: 1,
        } as never),
      )
    }
  }
  for (const r of city.regions) {
    add(
      'region',
      r.code,
      presentRegion({
        code: r.code,
        level: r.level,
        name: r.name,
        name_en: r.nameEn,
        parent_code: r.parentCode ?? null,
        geometry: r.geometry,
        version: 1,
      } as never),
    )
  }
  for (const g of city.grids) {
    add(
      'unit_grid',
      g.id,
      presentGrid({
        id: g.id,
        community_code: g.communityCode,
        street_code: g.communityCode.slice(0, 9),
        district_code: g.communityCode.slice(0, 6),
        area_class: g.areaClass,
        geometry: g.geometry,
        version: 1,
      } as never),
    )
  }
  for (const u of city.units) {
    add(
      'responsible_unit',
      u.id,
      presentUnit({
        id: u.id,
        name: u.name,
        name_en: u.nameEn,
        type: u.type,
        jurisdiction: u.jurisdiction,
        parent_id: u.parentId ?? null,
        phone: u.phone ?? null,
        version: 1,
      } as never),
    )
  }
  for (const r of city.routingRules) {
    add(
      'routing_rule',
      r.id,
      presentRule({
        id: r.id,
        categories: r.categories,
        regions: r.regions ?? [],
        unit_id: r.unitId,
        priority: r.priority ?? 100,
        note: r.note ?? null,
        version: 1,
      } as never),
    )
  }
  for (const c of city.components)
    add('component', c.id, presentComponent({ ...componentRow(c as Component), version: 1 } as never))

  const bodies = new Map<string, Buffer>()
  let pages = 0
  for (const stream of ['reference', 'components'] as SyncStream[]) {
    const own = changes.filter((c) => (STREAM_ENTITIES[stream] as readonly string[]).includes(c.entity))
    let since = '0'
    for (let i = 0; i < own.length; i += pageSize) {
      const page = own.slice(i, i + pageSize)
      const cursor = page[page.length - 1]!.seq
      bodies.set(
        `${stream}:${since}`,
        Buffer.from(JSON.stringify({ changes: page, cursor, hasMore: i + pageSize < own.length })),
      )
      since = cursor
      pages++
    }
  }
  return { rows: changes.length, pages, bodies, changes }
}

function serve(feed: Feed): Promise<Server> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://bench')
    const entities = url.searchParams.get('entities') ?? ''
    const stream: SyncStream = entities.includes('component') ? 'components' : 'reference'
    const since = url.searchParams.get('since') ?? '0'
    const body =
      feed.bodies.get(`${stream}:${since}`) ??
      Buffer.from(JSON.stringify({ changes: [], cursor: since, hasMore: false }))
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length })
    response.end(body)
  })
  // Like Fastify's 72 s: the client may be busy for seconds between pages (apply, snapshot).
  server.keepAliveTimeout = 72_000
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

// The floor: the same rows, already as column values (no HTTP, no JSON, no validation), inserted with one
// prepared statement per table and one transaction per page into the same schema.
async function rawInsert(feed: Feed, pageSize: number): Promise<number> {
  const SQL = await loadSqlJs()
  const db = new SQL.Database()
  tuneConnection(db) // the same connection settings as the store, so only the work differs
  db.exec(LOCAL_SCHEMA)
  // The city bench has no cases (bench/case-sync.ts measures those).
  const prepared = new Map<string, ReturnType<typeof db.prepare>>(
    SYNC_ENTITIES.filter((e) => e !== 'case').map((entity) => {
      const columns = entity === 'region' ? 6 : entity === 'unit_grid' ? 4 : entity === 'component' ? 14 : 2
      const table = entity
      const names =
        entity === 'region'
          ? 'code, level, name, name_en, parent_code, geometry'
          : entity === 'unit_grid'
            ? 'id, community_code, area_class, geometry'
            : entity === 'component'
              ? 'id, edition, category, name, status, lon, lat, grid_id, owner_unit_id, maintainer_unit_id, initial_date, change_date, data_source, note'
              : entity === 'catalog_class'
                ? 'key, data'
                : 'id, data'
      return [
        entity,
        db.prepare(`insert into ${table} (${names}) values (${Array(columns).fill('?').join(', ')})`),
      ] as const
    }),
  )
  const values = feed.changes.map((c) => {
    const local = toLocalChange(c)
    if (local.op !== 'upsert') throw new Error('the bench feed has only upserts')
    return [local.entity, rowOf(local)] as const
  })
  const started = process.hrtime.bigint()
  for (let i = 0; i < values.length; i += pageSize) {
    db.run('begin')
    for (let k = i; k < Math.min(values.length, i + pageSize); k++)
      prepared.get(values[k]![0])!.run(values[k]![1])
    db.run('commit')
  }
  const ms = msSince(started)
  const count = Number(
    db.exec('select (select count(*) from component) + (select count(*) from unit_grid)')[0]!.values[0]![0],
  )
  for (const s of prepared.values()) s.free()
  db.close()
  if (count === 0) throw new Error('the raw insert stored nothing')
  return ms
}

interface RestReport {
  readonly coldStartMs: number
  readonly atRest: MemorySnapshot
  readonly bareProcess: MemorySnapshot
  readonly queries: QueryTimes
}

/** Bridge-query latencies of the workstation at rest, ms (median of 7). */
export interface QueryTimes {
  /** layers.components over the whole city: counts per cell. */
  readonly componentsCity: number
  /** layers.components over ~1 km²: points. */
  readonly componentsStreet: number
  readonly componentsStreetCount: number
  /** layers.grids over ~2 km × 2 km, compact. */
  readonly gridsDistrict: number
  /** lookup.responsible, per call (10,000 points). */
  readonly responsibleEach: number
}

function atRestInChild(file: string): RestReport {
  const self = fileURLToPath(import.meta.url)
  const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', self, '--at-rest', file], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  })
  if (result.status !== 0) throw new Error(`the at-rest child failed:\n${result.stdout}\n${result.stderr}`)
  const line = result.stdout.trim().split('\n').at(-1)!
  return JSON.parse(line) as RestReport
}

function memory(): MemorySnapshot {
  const gc = (globalThis as { gc?: () => void }).gc
  gc?.()
  gc?.()
  const m = process.memoryUsage()
  const mb = (n: number) => n / 2 ** 20
  return {
    rssMb: mb(m.rss),
    heapUsedMb: mb(m.heapUsed),
    externalMb: mb(m.external),
    arrayBuffersMb: mb(m.arrayBuffers),
  }
}

// The child: a restarted workstation at rest, holding the store and every index the map needs.
async function atRest(file: string): Promise<void> {
  await loadSqlJs()
  const bareProcess = memory()
  const started = process.hrtime.bigint()
  const store = await openLocalStore({ file, log: silentLog })
  const queries = createCityQueries({ store, log: silentLog })
  queries.refresh()
  const coldStartMs = msSince(started)
  await new Promise((r) => setTimeout(r, 500))
  const atRestMemory = memory()
  const times = timeQueries(queries)
  console.log(
    JSON.stringify({ coldStartMs, atRest: atRestMemory, bareProcess, queries: times } satisfies RestReport),
  )
  await store.close()
}

function median(work: () => void, runs = 7): number {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint()
    work()
    times.push(msSince(t))
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!
}

// The map's hot paths, as the bridge runs them (without the transport).
function timeQueries(queries: CityQueries): QueryTimes {
  const e = queries.extent()!
  // Centred on a grid in the middle of the id order: inside the built-up city, not in a river.
  const grids = [...queries.model.grids.values()]
  const [cx, cy] = grids[Math.floor(grids.length / 2)]!.geometry.coordinates[0]![0]! as [number, number]
  const street = [cx - 0.005, cy - 0.005, cx + 0.005, cy + 0.005] as const
  let streetCount = 0
  const componentsCity = median(() => void queries.components({ bbox: e, zoom: 10 }))
  const componentsStreet = median(() => {
    streetCount = queries.components({ bbox: street, zoom: 16 }).total
  })
  const gridsDistrict = median(
    () => void queries.grids({ bbox: [cx - 0.01, cy - 0.01, cx + 0.01, cy + 0.01], zoom: 15 }),
  )
  const points = 10_000
  const t = process.hrtime.bigint()
  for (let i = 0; i < points; i++) {
    const f = i / points
    queries.responsible(
      e[0] + f * (e[2] - e[0]),
      e[1] + (((i * 7919) % points) / points) * (e[3] - e[1]),
      '2013:component:0101',
    )
  }
  return {
    componentsCity,
    componentsStreet,
    componentsStreetCount: streetCount,
    gridsDistrict,
    responsibleEach: msSince(t) / points,
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2)
  if (args[0] === '--at-rest') {
    await atRest(args[1]!)
  } else {
    const scale = (args[0] as 'demo' | 'large' | undefined) ?? 'large'
    const result = await benchSync({ scale })
    console.log(JSON.stringify(result, null, 2))
    for (const m of syncMeasurements(result, scale)) console.log(`${m.name}: ${JSON.stringify(m)}`)
  }
}
