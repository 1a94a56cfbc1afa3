/**
 * Workstation case sync bench: 1,000,000 case changes (100,000 cases, each changed ten times along the loop,
 * with a few tombstones) in feed-shaped pages of 10,000, applied through the real page-apply path — check and
 * parse each record (toLocalChange), the closed-case window, `LocalStore.applyPage` (one transaction with the
 * cursor, version-guarded upserts, debounced snapshots) and the in-memory case index — against a raw sql.js
 * prepared `insert or replace` (and `delete`) of the same rows, already as column values, into the same
 * table in the same run.
 *
 * Pages are synthesized on the fly from a seed (the same pages for both sides), so a million records of a
 * few kilobytes each never sit in memory at once; only the applying is timed.
 *
 * Standalone: `npx tsx bench/case-sync.ts [changes]`. From bench/run.ts: `benchCaseSync()` +
 * `caseSyncMeasurements()`.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { CaseStage, CaseStatus } from '../core/case/types.js'
import type { CaseRecord } from '../contracts/bridge/index.js'
import { createCaseIndex } from '../main/cases/case-index.js'
import { toLocalChange, type FeedChange } from '../main/sync/feed-records.js'
import { caseRow, LOCAL_SCHEMA, tuneConnection } from '../main/store/local-schema.js'
import { loadSqlJs, openLocalStore } from '../main/store/local-store.js'
import { silentLog } from '../main/log.js'
import { withoutOldClosed } from '../main/sync/sync-service.js'
import { msSince, perSecond } from './clock.js'
import { versus, type Measurement } from './report.js'

/** Options of {@link benchCaseSync}. */
export interface CaseSyncBenchOptions {
  /** Case changes in all; default 1,000,000. */
  readonly changes?: number
  /** Distinct cases; default changes / 10. */
  readonly cases?: number
  /** Changes per page; default 10,000 (the feed's maximum). */
  readonly pageSize?: number
  readonly log?: (message: string) => void
}

/** What {@link benchCaseSync} measured. */
export interface CaseSyncBenchResult {
  readonly changes: number
  readonly cases: number
  readonly pages: number
  readonly pageSize: number
  /** Mean JSON size of a record, bytes. */
  readonly recordBytes: number
  /** The real path: parse + window + applyPage (with cursor and snapshots) + index. */
  readonly applyMs: number
  readonly applyRate: number
  /** Of which `LocalStore.applyPage` alone. */
  readonly storeMs: number
  readonly snapshots: number
  /** Raw prepared insert-or-replace / delete of the same rows, one transaction per page. */
  readonly rawMs: number
  readonly rawRate: number
  readonly storedCases: number
  readonly fileMb: number
}

const DAY = 86_400_000
// The loop a case walks, one status per version; the last versions are closed (within the window).
const WALK: readonly CaseStatus[] = [
  'reported',
  'accepted',
  'registered',
  'dispatched',
  'handling',
  'handled',
  'checking',
  'handling',
  'handled',
  'closed',
]
const STAGE_OF: Partial<Record<CaseStatus, CaseStage>> = {
  reported: 'accept',
  accepted: 'register',
  registered: 'dispatch',
  dispatched: 'sign',
  handling: 'handle',
  handled: 'close',
  checking: 'check',
}
const STREETS = [
  '鼓楼路',
  '海陵南路',
  '青年路',
  '江洲路',
  '凤凰路',
  '东风路',
  '迎春路',
  '坡子街',
  '税东街',
  '人民路',
]
const PROBLEMS = [
  '路边暴露垃圾，影响市容，请尽快清理',
  '人行道上有店外经营，占道严重，行人无法通行',
  '上水井盖破损，有安全隐患，需立即处置',
  '墙面乱贴小广告，面积较大',
  '绿化带内积存建筑垃圾渣土',
  '路灯不亮，夜间通行存在隐患',
]

/** Runs the bench. */
export async function benchCaseSync(options: CaseSyncBenchOptions = {}): Promise<CaseSyncBenchResult> {
  const log = options.log ?? ((m: string) => console.log(`[bench] ${m}`))
  const total = options.changes ?? 1_000_000
  const cases = options.cases ?? Math.max(1, Math.floor(total / 10))
  // The feed holds an entity once per page: a page never covers more cases than there are.
  const pageSize = Math.min(options.pageSize ?? 10_000, cases)
  const pages = Math.ceil(total / pageSize)
  const now = Date.now()
  const feed = synthesizer(cases, pageSize, total, now)
  let bytes = 0
  for (const c of feed.page(0).slice(0, 200)) bytes += JSON.stringify(c.data).length
  const recordBytes = bytes / 200
  log(
    `case sync: ${total.toLocaleString('en-US')} changes of ${cases.toLocaleString('en-US')} cases in ${pages} pages; records ≈ ${Math.round(recordBytes)} bytes of JSON`,
  )

  log('case sync: raw sql.js prepared insert-or-replace of the same rows')
  const raw = await rawApply(feed, pages)

  const dir = mkdtempSync(join(tmpdir(), 'cityloop-bench-case-sync-'))
  const file = join(dir, 'cityloop.sqlite')
  try {
    log('case sync: the page-apply path (parse, window, applyPage + cursor + snapshots, index)')
    const store = await openLocalStore({ file, log: silentLog })
    const index = createCaseIndex()
    const closedBefore = now - 30 * DAY
    let applyMs = 0
    let storeMs = 0
    for (let p = 0; p < pages; p++) {
      const page = feed.page(p)
      const started = process.hrtime.bigint()
      const changes = withoutOldClosed(page.map(toLocalChange), closedBefore)
      const s = process.hrtime.bigint()
      store.applyPage('cases', changes, page[page.length - 1]!.seq)
      storeMs += msSince(s)
      store.persistSoon()
      index.apply(changes)
      applyMs += msSince(started)
      // As between two fetched pages: timers (the debounced snapshot) get their turn, and are timed.
      const idle = process.hrtime.bigint()
      await new Promise((r) => setImmediate(r))
      applyMs += msSince(idle)
    }
    const finish = process.hrtime.bigint()
    await store.flush()
    applyMs += msSince(finish)
    const storedCases = store.counts().case
    if (storedCases !== raw.rows)
      throw new Error(`the store holds ${storedCases} cases, the raw table ${raw.rows}`)
    if (index.size !== storedCases)
      throw new Error(`the index holds ${index.size} cases, the store ${storedCases}`)
    const snapshots = store.persistStats.writes
    await store.close()
    return {
      changes: total,
      cases,
      pages,
      pageSize,
      recordBytes,
      applyMs,
      applyRate: perSecond(total, applyMs),
      storeMs,
      snapshots,
      rawMs: raw.ms,
      rawRate: perSecond(total, raw.ms),
      storedCases,
      fileMb: statSync(file).size / 2 ** 20,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The bench's row for the report table. */
export function caseSyncMeasurements(r: CaseSyncBenchResult): Measurement[] {
  const n = (x: number) => x.toLocaleString('en-US')
  return [
    versus(
      `workstation case sync (${n(r.changes)} changes)`,
      { value: r.applyRate, unit: 'changes/s' },
      { value: r.rawRate, unit: 'changes/s' },
      `${n(r.cases)} cases × ~${n(Math.round(r.changes / r.cases))} versions, ~${n(Math.round(r.recordBytes))} B JSON each, ${r.pages} pages: ` +
        `parse + window + applyPage + index ${(r.applyMs / 1000).toFixed(1)} s (applyPage ${(r.storeMs / 1000).toFixed(1)} s, ` +
        `${r.snapshots} snapshots), raw sql.js insert-or-replace ${(r.rawMs / 1000).toFixed(1)} s; file ${r.fileMb.toFixed(0)} MB`,
    ),
  ]
}

// ---------------------------------------------------------------------------------------------------------

interface Synthesizer {
  /** The changes of page `p`, feed-shaped (as parsed from the page's JSON). */
  page(p: number): FeedChange[]
}

// Page p carries `pageSize` changes of consecutive cases (wrapping round): the first pass files every case,
// each later pass moves each case one step along the loop, as a busy month's feed replayed in order.
function synthesizer(cases: number, pageSize: number, total: number, now: number): Synthesizer {
  return {
    page(p) {
      const out: FeedChange[] = []
      const first = p * pageSize
      for (let k = first; k < Math.min(total, first + pageSize); k++) {
        const i = k % cases
        const version = Math.floor(k / cases) + 1
        const seq = String(k + 1)
        const id = caseId(i)
        // One case in a thousand is withdrawn from the feed in its last pass (a tombstone).
        if (i % 1000 === 999 && (k + cases >= total || version === 10)) {
          out.push({
            seq,
            entity: 'case',
            id,
            op: 'delete',
            data: null,
            changedAt: new Date(now).toISOString(),
          })
          continue
        }
        out.push({
          seq,
          entity: 'case',
          id,
          op: 'upsert',
          data: record(i, version, now),
          changedAt: new Date(now).toISOString(),
        })
      }
      return out
    },
  }
}

function caseId(i: number): string {
  // Deterministic, spread like random UUIDs (the store sorts a page by id).
  const h = (x: number) => (Math.imul(x ^ 0x9e3779b9, 0x85ebca6b) >>> 0).toString(16).padStart(8, '0')
  const a = h(i)
  const b = h(i + 0x51ed)
  const c = h(i * 7 + 3)
  const d = h(i * 13 + 11)
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-8${c.slice(1, 4)}-${c.slice(4)}${d}`
}

function record(i: number, version: number, now: number): CaseRecord {
  const status = WALK[Math.min(version, WALK.length) - 1]!
  const created = now - 20 * DAY + (i % 1_000_000) * 1_000
  const updated = created + version * 3_600_000
  const iso = (ms: number) => new Date(ms).toISOString()
  const closed = status === 'closed'
  const stage = STAGE_OF[status]
  const stages: Partial<
    Record<
      CaseStage,
      {
        startedAt: string
        deadline: string
        limit: { amount: number; unit: 'working-hours' }
        endedAt?: string
        onTime?: boolean
      }
    >
  > = {
    accept: {
      startedAt: iso(created),
      deadline: iso(created + 3_600_000),
      limit: { amount: 1, unit: 'working-hours' },
      ...(version > 1 ? { endedAt: iso(created + 600_000), onTime: true } : {}),
    },
  }
  if (stage && stage !== 'accept')
    stages[stage] = {
      startedAt: iso(updated),
      deadline: iso(updated + 4 * 3_600_000),
      limit: { amount: 4, unit: 'working-hours' },
    }
  const grid = `32120200${String(1 + (i % 9)).padStart(1, '0')}${String(i % 1000).padStart(3, '0')}${String(i % 997).padStart(3, '0')}`
  return {
    id: caseId(i),
    number: `2026-321202-${String(i + 1).padStart(6, '0')}`,
    version,
    status,
    statusGroup: closed ? 'closed' : 'open',
    kind: 'event',
    categoryKey: `2013:event:01${String(1 + (i % 9)).padStart(2, '0')}`,
    conditionId: `2013:event:01${String(1 + (i % 9)).padStart(2, '0')}:01`,
    source: i % 3 === 0 ? 'public' : 'inspector',
    urgency: i % 10 === 0 ? 'urgent' : 'normal',
    safetyHazard: null,
    areaClass: (['A', 'B', 'C'] as const)[i % 3]!,
    location: {
      lon: 119.88 + ((i * 7919) % 10_000) / 100_000,
      lat: 32.42 + ((i * 104_729) % 10_000) / 100_000,
      address: `泰州市海陵区${STREETS[i % STREETS.length]}${1 + (i % 300)}号附近`,
      gridId: grid,
      communityCode: grid.slice(0, 12),
      streetCode: grid.slice(0, 9),
      districtCode: '321202',
    },
    componentId: null,
    description: `${PROBLEMS[i % PROBLEMS.length]}（第${i + 1}件，市民来电反映）`,
    reporter: {
      id: i % 3 === 0 ? 'demo-receiver' : 'demo-inspector',
      name: i % 3 === 0 ? '王先生' : null,
      contact: i % 3 === 0 ? '138****5678' : null,
    },
    beforePhotoIds: i % 2 === 0 ? ['9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'] : [],
    afterPhotoIds: [],
    duplicateIds: [],
    proposedUnitId: 'hl-sanitation',
    assignedUnitId: version >= 4 ? 'hl-sanitation' : null,
    subUnitId: null,
    previousUnitIds: [],
    inspectorId: status === 'checking' ? 'demo-inspector' : null,
    handleLimit: { amount: 4, unit: 'working-hours' },
    stages,
    light: {
      color: closed ? 'none' : i % 17 === 0 ? 'yellow' : 'green',
      stage: closed ? null : (stage ?? null),
    },
    escalation: null,
    parkedSince: null,
    pending: null,
    verification: null,
    onSite: null,
    handling:
      version >= 6
        ? {
            by: 'demo-hl-sanitation',
            at: iso(updated),
            note: '已清理完毕',
            afterPhotoIds: ['2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae'],
          }
        : null,
    rapid: null,
    evaluation: {
      onTime: {
        accept: version > 1,
        verify: null,
        register: version > 2 ? true : null,
        dispatch: version > 3 ? true : null,
        sign: version > 4 ? true : null,
        handle: null,
        'on-site': null,
        check: null,
        close: null,
      },
      arrivedOnTime: null,
      reworkCount: version >= 8 ? 1 : 0,
      redispatchCount: 0,
      extensionCount: 0,
      extensions: [],
      parkCount: 0,
      parkedMs: 0,
      superviseCount: 0,
      disputeCount: 0,
      closeKind: closed ? 'normal' : null,
    },
    createdAt: iso(created),
    updatedAt: iso(updated),
    closedAt: closed ? iso(updated) : null,
  }
}

// The floor: the same rows as column values (no JSON parse, no checks, no index), one prepared statement
// per operation and one transaction per page, into the same table with the same connection settings.
async function rawApply(feed: Synthesizer, pages: number): Promise<{ ms: number; rows: number }> {
  const SQL = await loadSqlJs()
  const db = new SQL.Database()
  tuneConnection(db)
  db.exec(LOCAL_SCHEMA)
  const upsert = db.prepare(
    'insert or replace into case_record (id, number, version, status, phase, category, source, unit_id, light, hazard, ' +
      'lon, lat, grid_id, created_ms, updated_ms, closed_ms, data) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  )
  const remove = db.prepare('delete from case_record where id = ?')
  let ms = 0
  for (let p = 0; p < pages; p++) {
    const rows = feed.page(p).map((c) => (c.op === 'delete' ? c.id : caseRow(c.data as CaseRecord)))
    const started = process.hrtime.bigint()
    db.run('begin')
    for (const row of rows) {
      if (typeof row === 'string') remove.run([row])
      else upsert.run(row)
    }
    db.run('commit')
    ms += msSince(started)
  }
  const rows = Number(db.exec('select count(*) from case_record')[0]!.values[0]![0])
  upsert.free()
  remove.free()
  db.close()
  return { ms, rows }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const changes = process.argv[2] ? Number(process.argv[2].replace(/_/g, '')) : undefined
  const result = await benchCaseSync(changes ? { changes } : {})
  console.log(JSON.stringify(result, null, 2))
  for (const m of caseSyncMeasurements(result)) console.log(`${m.name}: ${JSON.stringify(m)}`)
}
