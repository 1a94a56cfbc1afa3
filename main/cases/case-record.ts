/**
 * 案卷记录 — a case as the central API presents it (change feed, GET /cases/:id, an action's answer), checked
 * and turned into what the workstation keeps: the record itself, the columns its filters need, and its
 * clock as the list and the map show it (deadline, 到场 countdown, light now).
 */
import { CASE_PHASES, phaseOf, type CasePhase } from '../../core/case/phase.js'
import type { CaseStage, CaseStatus } from '../../core/case/types.js'
import { CASE_SOURCES, CASE_STAGES, CASE_STATUSES } from '../../core/case/types.js'
import { LIGHT_ORDER, type CaseRecord, type LightColor } from '../../contracts/bridge/index.js'

/** The record is not the shape the central API presents. */
export class CaseFormatError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CaseFormatError'
  }
}

/**
 * Checks the fields the workstation reads (identity, status, place, clocks, times) and returns the record
 * without the caller-specific `abilities` of an API answer. Other fields are kept as sent: they are shown,
 * never computed on.
 */
export function parseCaseRecord(data: unknown): CaseRecord {
  const c = object(data, 'case')
  string(c.id, 'id')
  string(c.number, 'number')
  if (!Number.isInteger(c.version) || (c.version as number) < 1)
    throw new CaseFormatError('version is not a positive integer')
  oneOf(c.status, CASE_STATUSES, 'status')
  oneOf(c.source, CASE_SOURCES, 'source')
  string(c.categoryKey, 'categoryKey')
  const location = object(c.location, 'location')
  finite(location.lon, 'location.lon')
  finite(location.lat, 'location.lat')
  nullableString(location.gridId, 'location.gridId')
  string(location.districtCode, 'location.districtCode')
  nullableString(c.assignedUnitId, 'assignedUnitId')
  nullableString(c.proposedUnitId, 'proposedUnitId')
  nullableString(c.safetyHazard, 'safetyHazard')
  nullableString(c.parkedSince, 'parkedSince')
  const light = object(c.light, 'light')
  oneOf(light.color, LIGHT_ORDER, 'light.color')
  const stages = object(c.stages, 'stages')
  for (const [stage, clock] of Object.entries(stages)) {
    if (!CASE_STAGES.includes(stage as CaseStage)) throw new CaseFormatError(`stages.${stage}: unknown stage`)
    const k = object(clock, `stages.${stage}`)
    date(k.deadline, `stages.${stage}.deadline`)
  }
  date(c.createdAt, 'createdAt')
  date(c.updatedAt, 'updatedAt')
  if (c.closedAt !== null) date(c.closedAt, 'closedAt')
  const { abilities: _abilities, ...record } = c
  return record as unknown as CaseRecord
}

/** The columns of a case the local table and the in-memory index keep besides the record. */
export interface CaseColumnsOf {
  readonly phase: CasePhase
  /** The unit now responsible: assigned, else proposed at intake. */
  readonly unitId: string | null
  readonly hazard: boolean
  readonly createdMs: number
  readonly updatedMs: number
  /** NaN while open. */
  readonly closedMs: number
}

/** The filter columns of a record. */
export function caseColumns(r: CaseRecord): CaseColumnsOf {
  return {
    phase: phaseOf(r.status),
    unitId: r.assignedUnitId ?? r.proposedUnitId ?? null,
    hazard: r.safetyHazard !== null,
    createdMs: Date.parse(r.createdAt),
    updatedMs: Date.parse(r.updatedAt),
    closedMs: r.closedAt === null ? NaN : Date.parse(r.closedAt),
  }
}

/** Index of a phase in CASE_PHASES (the layer's `phase` column). */
export const PHASE_INDEX: Readonly<Record<CasePhase, number>> = Object.fromEntries(
  CASE_PHASES.map((p, i) => [p, i]),
) as Record<CasePhase, number>

/** Index of a light in LIGHT_ORDER. */
export const LIGHT_INDEX: Readonly<Record<LightColor, number>> = Object.fromEntries(
  LIGHT_ORDER.map((l, i) => [l, i]),
) as Record<LightColor, number>

/** Index of a status in CASE_STATUSES. */
export const STATUS_INDEX: Readonly<Record<CaseStatus, number>> = Object.fromEntries(
  CASE_STATUSES.map((s, i) => [s, i]),
) as Record<CaseStatus, number>

/** A case's clocks as the list and the map show them. */
export interface CaseTiming {
  /** Epoch ms of the earliest deadline among the running stages; NaN when none runs (closed, parked). */
  readonly deadlineMs: number
  /** The stage of that deadline. */
  readonly deadlineStage: CaseStage | null
  /** Epoch ms of the 到场 deadline of a 第9条 hazard not yet reported on site; 0 otherwise. */
  readonly onSiteDeadlineMs: number
}

/**
 * The running clocks of a record. Parked cases have none: 挂账 suspends every clock and moves its
 * deadline on by the parked time, so a deadline shown while parked would be wrong.
 */
export function caseTiming(r: CaseRecord): CaseTiming {
  let deadlineMs = NaN
  let deadlineStage: CaseStage | null = null
  let onSiteDeadlineMs = 0
  if (r.statusGroup === 'open' && r.parkedSince === null) {
    for (const stage of CASE_STAGES) {
      const clock = r.stages[stage]
      if (!clock || clock.endedAt) continue
      const at = Date.parse(clock.deadline)
      if (!(at >= deadlineMs)) {
        deadlineMs = at
        deadlineStage = stage
      }
    }
    const onSite = r.stages['on-site']
    if (r.safetyHazard !== null && onSite && !onSite.endedAt && r.onSite === null)
      onSiteDeadlineMs = Date.parse(onSite.deadline)
  }
  return { deadlineMs, deadlineStage, onSiteDeadlineMs }
}

/**
 * 亮灯 now, cheaply: red as soon as a running stage is past its deadline (the deadline is absolute, the
 * server computed it on the city's working calendar), else the server's last light. Yellow needs the
 * share of working time consumed on the central's own calendar, which the workstation does not hold; the
 * central's deadline sweep records it in the feed when it turns, so the record's yellow is at most a sync
 * interval late, while red — the one that matters for 超时 — is exact to the second.
 */
export function lightAt(recordLight: LightColor, timing: CaseTiming, now: number): LightColor {
  if (timing.deadlineMs < now) return 'red'
  return recordLight
}

/**
 * 号码脱敏 as the feed does it (server/src/services/access.ts maskContact, mirrored: main/ does not import
 * server code): an action's answer shows the desk the contact unmasked, but the local store keeps the
 * feed's masked form, whoever put the record there.
 */
export function maskContact(contact: string): string {
  const digits = contact.replace(/\D/g, '')
  if (digits.length >= 8) return `${digits.slice(0, 3)}****${digits.slice(-4)}`
  const chars = [...contact]
  if (chars.length <= 2) return '*'.repeat(chars.length)
  return `${chars[0]}${'*'.repeat(Math.min(4, chars.length - 2))}${chars[chars.length - 1]}`
}

/** The record with its reporter contact masked (for storing an API answer locally). */
export function masked(r: CaseRecord): CaseRecord {
  const contact = r.reporter.contact
  if (contact === null || contact.includes('*')) return r
  return { ...r, reporter: { ...r.reporter, contact: maskContact(contact) } }
}

function object(value: unknown, what: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new CaseFormatError(`${what} is not an object`)
  return value as Record<string, unknown>
}

function string(value: unknown, what: string): string {
  if (typeof value !== 'string' || value === '') throw new CaseFormatError(`${what} is not a string`)
  return value
}

function nullableString(value: unknown, what: string): void {
  if (value !== null && typeof value !== 'string')
    throw new CaseFormatError(`${what} is not a string or null`)
}

function finite(value: unknown, what: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new CaseFormatError(`${what} is not a finite number`)
}

function date(value: unknown, what: string): void {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value)))
    throw new CaseFormatError(`${what} is not an ISO time`)
}

function oneOf(value: unknown, allowed: readonly string[], what: string): void {
  if (typeof value !== 'string' || !allowed.includes(value))
    throw new CaseFormatError(`${what}: "${String(value)}" is not one of ${allowed.join(', ')}`)
}
