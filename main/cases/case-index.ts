/**
 * 案卷索引 — every locally stored case as columns in memory (typed arrays for what filters, sorts and the map
 * read on every call, one small brief per case for what a list row shows), updated with every applied sync
 * page or command answer. A filter is one pass over the columns: at 100,000 cases a few milliseconds, with
 * no SQL and no JSON on the way.
 */
import type { CaseStage, CaseStatus } from '../../core/case/types.js'
import { CASE_SOURCES } from '../../core/case/types.js'
import type { CaseFilter, CaseRecord, LightColor } from '../../contracts/bridge/index.js'
import { LIGHT_ORDER } from '../../contracts/bridge/index.js'
import {
  caseColumns,
  caseTiming,
  type CaseTiming,
  LIGHT_INDEX,
  PHASE_INDEX,
  STATUS_INDEX,
} from './case-record.js'
import type { LocalChange } from '../sync/feed-records.js'

/** What a list row shows of a case besides its columns. */
export interface CaseBrief {
  readonly id: string
  readonly number: string
  readonly version: number
  readonly status: CaseStatus
  readonly kind: CaseRecord['kind']
  readonly categoryKey: string
  readonly source: CaseRecord['source']
  readonly urgency: CaseRecord['urgency']
  readonly safetyHazard: CaseRecord['safetyHazard']
  readonly lon: number
  readonly lat: number
  readonly address: string
  readonly gridId: string | null
  readonly districtCode: string
  readonly unitId: string | null
  readonly recordLight: LightColor
  readonly lightStage: string | null
  readonly deadlineStage: CaseStage | null
  /** Epoch ms; NaN when no clock runs. */
  readonly deadlineMs: number
  /** Epoch ms of a pending 到场 deadline; 0 when none. */
  readonly onSiteDeadlineMs: number
  readonly createdAt: string
  readonly updatedAt: string
  readonly closedAt: string | null
}

/** Which filter a count leaves out (a filter bar counts what choosing another value would give). */
export type IgnoredFilter = 'phases' | 'lights' | undefined

/** The in-memory case columns. */
export interface CaseIndex {
  /** Cases held. */
  readonly size: number
  /** Takes an applied page (or command answers as upserts); returns the ids of the cases it changed. */
  apply(changes: readonly LocalChange[]): string[]
  remove(ids: readonly string[]): void
  clear(): void
  has(id: string): boolean
  /** Slots of the cases matching `filter` at `now` (epoch ms), optionally ignoring one filter. */
  match(filter: CaseFilter, now: number, ignore?: IgnoredFilter): number[]
  brief(slot: number): CaseBrief
  /** The light of the case in `slot` at `now`, as an index of LIGHT_ORDER. */
  lightAt(slot: number, now: number): number
  readonly columns: Readonly<{
    phase: Uint8Array
    hazard: Uint8Array
    lon: Float64Array
    lat: Float64Array
    createdMs: Float64Array
    updatedMs: Float64Array
    deadlineMs: Float64Array
    onSiteDeadlineMs: Float64Array
  }>
}

const INITIAL_CAPACITY = 1_024

/** Builds the index over `load`'s records (the store's cases). */
export function createCaseIndex(load?: (visit: (r: CaseRecord) => void) => void): CaseIndex {
  let capacity = INITIAL_CAPACITY
  let top = 0
  const free: number[] = []
  const slots = new Map<string, number>()
  let briefs: (CaseBrief | undefined)[] = []
  let texts: string[] = []
  let categories: string[] = []
  let units: (string | null)[] = []
  let versions = new Int32Array(capacity)
  let status = new Uint8Array(capacity)
  let phase = new Uint8Array(capacity)
  let source = new Uint8Array(capacity)
  let hazard = new Uint8Array(capacity)
  let light = new Uint8Array(capacity)
  let lon = new Float64Array(capacity)
  let lat = new Float64Array(capacity)
  let createdMs = new Float64Array(capacity)
  let updatedMs = new Float64Array(capacity)
  let deadlineMs = new Float64Array(capacity)
  let onSiteDeadlineMs = new Float64Array(capacity)
  const columns = {} as {
    phase: Uint8Array
    hazard: Uint8Array
    lon: Float64Array
    lat: Float64Array
    createdMs: Float64Array
    updatedMs: Float64Array
    deadlineMs: Float64Array
    onSiteDeadlineMs: Float64Array
  }
  publish()

  function publish(): void {
    Object.assign(columns, { phase, hazard, lon, lat, createdMs, updatedMs, deadlineMs, onSiteDeadlineMs })
  }

  function grow(): void {
    capacity *= 2
    const g = <T extends Uint8Array | Int32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(capacity)
      b.set(a)
      return b
    }
    versions = g(versions)
    status = g(status)
    phase = g(phase)
    source = g(source)
    hazard = g(hazard)
    light = g(light)
    lon = g(lon)
    lat = g(lat)
    createdMs = g(createdMs)
    updatedMs = g(updatedMs)
    deadlineMs = g(deadlineMs)
    onSiteDeadlineMs = g(onSiteDeadlineMs)
    publish()
  }

  function upsert(r: CaseRecord): boolean {
    let slot = slots.get(r.id)
    // Never back to an older version (as the store): a command's answer may be newer than a page.
    if (slot !== undefined && versions[slot]! > r.version) return false
    if (slot === undefined) {
      slot = free.pop() ?? top++
      if (slot >= capacity) grow()
      slots.set(r.id, slot)
    }
    const c = caseColumns(r)
    const t = caseTiming(r)
    versions[slot] = r.version
    status[slot] = STATUS_INDEX[r.status]
    phase[slot] = PHASE_INDEX[c.phase]
    source[slot] = CASE_SOURCES.indexOf(r.source)
    hazard[slot] = c.hazard ? 1 : 0
    light[slot] = LIGHT_INDEX[r.light.color]
    lon[slot] = r.location.lon
    lat[slot] = r.location.lat
    createdMs[slot] = c.createdMs
    updatedMs[slot] = c.updatedMs
    deadlineMs[slot] = t.deadlineMs
    onSiteDeadlineMs[slot] = t.onSiteDeadlineMs
    categories[slot] = r.categoryKey
    units[slot] = c.unitId
    texts[slot] = [r.number, r.location.address, r.description, r.location.gridId ?? '']
      .join('\n')
      .toLowerCase()
    briefs[slot] = briefOf(r, t, c.unitId)
    return true
  }

  function removeOne(id: string): boolean {
    const slot = slots.get(id)
    if (slot === undefined) return false
    slots.delete(id)
    briefs[slot] = undefined
    texts[slot] = ''
    categories[slot] = ''
    units[slot] = null
    free.push(slot)
    return true
  }

  function lightOf(slot: number, now: number): number {
    if (deadlineMs[slot]! < now) return LIGHT_INDEX.red
    return light[slot]!
  }

  const index: CaseIndex = {
    get size() {
      return slots.size
    },
    columns,
    apply(changes) {
      const touched: string[] = []
      for (const change of changes) {
        if (change.entity !== 'case') continue
        if (change.op === 'delete' ? removeOne(change.id) : upsert(change.value)) touched.push(change.id)
      }
      return touched
    },
    remove(ids) {
      for (const id of ids) removeOne(id)
    },
    clear() {
      slots.clear()
      free.length = 0
      top = 0
      briefs = []
      texts = []
      categories = []
      units = []
    },
    has: (id) => slots.has(id),
    match(filter, now, ignore) {
      const phases = ignore === 'phases' ? undefined : indexSet(filter.phases, PHASE_INDEX)
      const lights = ignore === 'lights' ? undefined : indexSet(filter.lights, LIGHT_INDEX)
      const statuses = indexSet(filter.statuses, STATUS_INDEX)
      const sources = filter.sources ? new Set(filter.sources.map((s) => CASE_SOURCES.indexOf(s))) : undefined
      const unitIds = filter.unitIds ? new Set(filter.unitIds) : undefined
      const prefixes = filter.categories
      const from = filter.from ? Date.parse(filter.from) : -Infinity
      const to = filter.to ? Date.parse(filter.to) : Infinity
      const box = filter.bbox
      const text = filter.text?.trim().toLowerCase() || undefined
      const hazardOnly = filter.hazardOnly === true
      const out: number[] = []
      for (let s = 0; s < top; s++) {
        if (briefs[s] === undefined) continue
        if (phases && !phases.has(phase[s]!)) continue
        if (statuses && !statuses.has(status[s]!)) continue
        if (sources && !sources.has(source[s]!)) continue
        if (hazardOnly && hazard[s] === 0) continue
        const created = createdMs[s]!
        if (created < from || created >= to) continue
        if (box) {
          const x = lon[s]!
          const y = lat[s]!
          if (x < box[0] || x > box[2] || y < box[1] || y > box[3]) continue
        }
        if (lights && !lights.has(lightOf(s, now))) continue
        if (unitIds && !unitIds.has(units[s] ?? '')) continue
        if (prefixes && !prefixes.some((p) => categories[s]!.startsWith(p))) continue
        if (text && !texts[s]!.includes(text)) continue
        out.push(s)
      }
      return out
    },
    brief: (slot) => briefs[slot]!,
    lightAt: lightOf,
  }
  if (load) load((r) => void upsert(r))
  return index
}

function indexSet<K extends string>(
  values: readonly K[] | undefined,
  indexOf: Readonly<Record<K, number>>,
): Set<number> | undefined {
  return values ? new Set(values.map((v) => indexOf[v])) : undefined
}

/** The brief of a record (`timing` and `unitId` as caseTiming and caseColumns give them). */
export function briefOf(
  r: CaseRecord,
  timing: CaseTiming = caseTiming(r),
  unitId = caseColumns(r).unitId,
): CaseBrief {
  return {
    id: r.id,
    number: r.number,
    version: r.version,
    status: r.status,
    kind: r.kind,
    categoryKey: r.categoryKey,
    source: r.source,
    urgency: r.urgency,
    safetyHazard: r.safetyHazard,
    lon: r.location.lon,
    lat: r.location.lat,
    address: r.location.address,
    gridId: r.location.gridId,
    districtCode: r.location.districtCode,
    unitId,
    recordLight: r.light.color,
    lightStage: r.light.stage,
    deadlineStage: timing.deadlineStage,
    deadlineMs: timing.deadlineMs,
    onSiteDeadlineMs: timing.onSiteDeadlineMs,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    closedAt: r.closedAt,
  }
}

/** Light order for sorting by urgency of the clock: red first. */
export const LIGHT_RANK: readonly number[] = LIGHT_ORDER.map(
  (l) => ({ none: 0, green: 1, yellow: 2, red: 3 })[l],
)
