/** The `auth`, `cases` and `commands` groups of the bridge: the signed-in desk's cases and its outbox. */
import Type, { type Static } from 'typebox'
import {
  URGENCIES,
  type AreaClass,
  type CategoryKind,
  type SafetyHazard,
  type Urgency,
} from '../../core/catalog/types.js'
import { parseCommand } from '../../core/case/commands.js'
import { CASE_PHASES, type CasePhase } from '../../core/case/phase.js'
import {
  CASE_ACTIONS,
  CASE_SOURCES,
  CASE_STATUSES,
  type CaseAction,
  type CaseSource,
  type CaseStage,
  type CaseStatus,
  type Role,
  type StageClock,
} from '../../core/case/types.js'
import type { ComponentDetail, TimeLimitValue } from './map.js'
import {
  closed,
  ComponentId,
  IsoTime,
  Lat,
  list,
  Lon,
  nonEmpty,
  oneOf,
  text,
  Uuid,
  whole,
} from './schema-kit.js'
import { Bbox } from './shapes.js'

/** The signed-in account as the workstation shows it. The bearer token never leaves main/. */
export interface SignedInUser {
  readonly id: string
  readonly username: string
  readonly displayName: string
  readonly role: Role
  readonly unitId: string | null
  readonly gridIds: readonly string[]
}

/** 登录状态. `casesVisible` is false for roles that may not sync every case (units, inspectors). */
export interface Session {
  readonly user: SignedInUser | null
  /** ISO end of the session; null when signed out. */
  readonly expiresAt: string | null
  readonly casesVisible: boolean
  /**
   * Where the token is kept between starts: 'keychain' (Electron, sealed by the OS keychain), 'file' (browser
   * mode: a file only this OS account can read), 'none' (Electron without a keychain, e.g. Linux without
   * gnome-keyring/KWallet: the sign-in is not remembered — the UI should say so, 每次启动需重新登录).
   */
  readonly tokenStorage: 'keychain' | 'file' | 'none'
}

// ---------------------------------------------------------------------------------------------------------
// cases

/** Colour of a time-limit light; 'none' where no clock runs (closed, parked, not yet timed). */
const LIGHT_COLORS = ['none', 'green', 'yellow', 'red'] as const
export type LightColor = (typeof LIGHT_COLORS)[number]

/** Index order of {@link CaseColumns.light}. */
export const LIGHT_ORDER: readonly LightColor[] = LIGHT_COLORS

/**
 * 案卷 — a case as the central API's change feed presents it (server/src/presenters/case.ts), stored locally.
 * The reporter's contact is masked in the feed.
 */
export interface CaseRecord {
  readonly id: string
  /** 案卷编号, e.g. 2026-321202-000123. */
  readonly number: string
  /** Optimistic-locking version: an action is decided on it. */
  readonly version: number
  readonly status: CaseStatus
  readonly statusGroup: 'open' | 'closed'
  readonly kind: CategoryKind
  readonly categoryKey: string
  readonly conditionId: string
  readonly source: CaseSource
  readonly urgency: Urgency
  readonly safetyHazard: SafetyHazard | null
  readonly areaClass: AreaClass
  readonly location: {
    readonly lon: number
    readonly lat: number
    readonly address: string
    readonly gridId: string | null
    readonly communityCode: string | null
    readonly streetCode: string | null
    readonly districtCode: string
  }
  readonly componentId: string | null
  readonly description: string
  readonly reporter: { readonly id: string; readonly name: string | null; readonly contact: string | null }
  readonly beforePhotoIds: readonly string[]
  readonly afterPhotoIds: readonly string[]
  readonly duplicateIds: readonly string[]
  readonly proposedUnitId: string | null
  readonly assignedUnitId: string | null
  readonly subUnitId: string | null
  readonly previousUnitIds: readonly string[]
  readonly inspectorId: string | null
  readonly handleLimit: TimeLimitValue
  /** 环节计时 per stage. */
  readonly stages: Readonly<Partial<Record<CaseStage, StageClock>>>
  readonly light: { readonly color: LightColor; readonly stage: string | null }
  readonly escalation: { readonly kind: string; readonly at: string | null } | null
  readonly parkedSince: string | null
  readonly pending: {
    readonly kind: string
    readonly reason: string
    readonly by: string
    readonly at: string
    readonly duration?: TimeLimitValue
  } | null
  readonly verification: unknown
  readonly onSite: {
    readonly arrivedAt: string
    readonly lon: number
    readonly lat: number
    readonly photoId: string
    readonly measures: string
    readonly onTime: boolean
  } | null
  readonly handling: {
    readonly by: string
    readonly at: string
    readonly note: string
    readonly afterPhotoIds: readonly string[]
  } | null
  readonly rapid: unknown
  readonly evaluation: unknown
  readonly createdAt: string
  readonly updatedAt: string
  readonly closedAt: string | null
}

/** A case as lists show it: the fields filters and sorting need, names resolved, deadlines computed. */
export interface CaseSummary {
  readonly id: string
  readonly number: string
  readonly version: number
  readonly status: CaseStatus
  readonly phase: CasePhase
  readonly kind: CategoryKind
  readonly categoryKey: string
  /** Category name in both languages (the key when the catalog lacks it). */
  readonly categoryName: string
  readonly categoryNameEn: string
  readonly source: CaseSource
  readonly urgency: Urgency
  readonly safetyHazard: SafetyHazard | null
  readonly lon: number
  readonly lat: number
  readonly address: string
  readonly gridId: string | null
  readonly districtCode: string
  /** The unit now responsible (assigned, else proposed), with its names; null before routing found one. */
  readonly unit: { readonly id: string; readonly name: string; readonly nameEn: string } | null
  readonly light: LightColor
  /** The stage whose clock the light shows. */
  readonly lightStage: string | null
  /** ISO deadline of the running stage; null when none runs. */
  readonly deadline: string | null
  /** ISO 到场 deadline of a 第9条 hazard not yet reported on site; null otherwise (live countdown on the map). */
  readonly onSiteDeadline: string | null
  readonly createdAt: string
  readonly updatedAt: string
  readonly closedAt: string | null
  /** Commands for this case still in the outbox (queued or being sent). */
  readonly queued: number
  /** The last command for this case was rejected and not yet dismissed. */
  readonly rejected: boolean
}

/** Filters of the case list and the case layers; absent = no restriction. */
const caseFilterFields = {
  phases: Type.Optional(list(oneOf(CASE_PHASES), CASE_PHASES.length)),
  statuses: Type.Optional(list(oneOf(CASE_STATUSES), CASE_STATUSES.length)),
  /** Category keys or prefixes ('2026:component:01'). */
  categories: Type.Optional(list(text(60), 500)),
  sources: Type.Optional(list(oneOf(CASE_SOURCES), CASE_SOURCES.length)),
  /** Assigned (or proposed) unit ids. */
  unitIds: Type.Optional(list(text(100), 500)),
  lights: Type.Optional(list(oneOf(LIGHT_COLORS), LIGHT_COLORS.length)),
  /** Only the four 第9条 safety hazards. */
  hazardOnly: Type.Optional(Type.Boolean()),
  /** Created at or after / before (ISO). */
  from: Type.Optional(IsoTime),
  to: Type.Optional(IsoTime),
  /** Inside this box (e.g. drawn on the map). */
  bbox: Type.Optional(Bbox),
  /** Case number, address, description or grid id containing this text. */
  text: Type.Optional(text(200)),
}
export const CaseFilter = closed(caseFilterFields)
export type CaseFilter = Readonly<Static<typeof CaseFilter>>

/** Query of {@link CityLoopBridge.cases.list}. */
export const CaseListQuery = closed({
  ...caseFilterFields,
  /** 'deadline' (soonest first, red before yellow; default), 'newest', 'updated'. */
  sort: Type.Optional(oneOf(['deadline', 'newest', 'updated'] as const)),
  /** Default 200, at most 2,000. */
  limit: Type.Optional(whole(1, 2_000)),
  offset: Type.Optional(whole(0, 10_000_000)),
})
export type CaseListQuery = Readonly<Static<typeof CaseListQuery>>

/** A page of the case list. */
export interface CaseList {
  /** Matching cases in all (not only this page). */
  readonly total: number
  readonly cases: readonly CaseSummary[]
  /**
   * Matching cases per phase and per light (the filter bar's counts). Each ignores its own filter: `byPhase`
   * counts as if no `phases` were given, `byLight` as if no `lights`, so the bar shows what another choice gives.
   */
  readonly byPhase: Readonly<Record<CasePhase, number>>
  readonly byLight: Readonly<Record<LightColor, number>>
}

/**
 * Matching cases as columns for the map's WebGL layers (points, clusters, heatmap, playback): case i is at
 * (`lon[i]`, `lat[i]`), its id `ids[i]`, its phase `CASE_PHASES[phase[i]]` (core/case/phase.ts), light
 * `LIGHT_ORDER[light[i]]`, `hazard[i]` 1 for a 第9条 hazard, created at `createdAt[i]` (epoch ms) and, for a
 * hazard not yet on site, its 到场 deadline `onSiteDeadline[i]` (epoch ms, else 0).
 */
export interface CaseColumns {
  readonly total: number
  readonly ids: readonly string[]
  readonly lon: readonly number[]
  readonly lat: readonly number[]
  readonly phase: readonly number[]
  readonly light: readonly number[]
  readonly hazard: readonly number[]
  readonly createdAt: readonly number[]
  readonly onSiteDeadline: readonly number[]
  /** Index into `gridIds` (-1 outside every grid), for counts per grid. */
  readonly grid: readonly number[]
  readonly gridIds: readonly string[]
}

/** 高发网格 — matching cases counted per unit grid (choropleth). */
export interface GridCaseCounts {
  readonly total: number
  readonly gridIds: readonly string[]
  readonly counts: readonly number[]
  readonly max: number
}

/** 操作记录 — one audit event of a case (central API). */
export interface CaseEventView {
  readonly seq: number
  readonly version: number
  readonly type: string
  readonly at: string
  readonly actorId: string
  readonly role: string
  readonly from: string | null
  readonly to: string
  readonly payload: Readonly<Record<string, unknown>>
  readonly photoIds: readonly string[]
}

/** One case in full: the record, what the signed-in user may do, its timeline and queued commands. */
export interface CaseDetail {
  readonly record: CaseRecord
  readonly summary: CaseSummary
  /** 可用操作 of the signed-in user: from the central API when reachable, else from core's transitions table by status and role. */
  readonly abilities: Readonly<Record<CaseAction, boolean>>
  readonly abilitiesFrom: 'central' | 'local'
  /** Events oldest first; null while the central API is unreachable. */
  readonly events: readonly CaseEventView[] | null
  /** True when `record` was just read from the central API, false when it is the local copy. */
  readonly fresh: boolean
  readonly component: ComponentDetail | null
  readonly commands: readonly OutboxEntry[]
}

/**
 * 待办队列 — which of the account's queues a task sits in (a badge each in the header): 第9条 escalations to the
 * shift leader; 受理/核实 intake; 立案; 派遣 (and 异议裁定, 快速处置); approvals of 延期/回退/挂账; 核查; a unit's
 * cases to sign, handle and report; an inspector's 核实/核查 tasks; a leader's red-light cases to 督办.
 */
export const TASK_QUEUES = [
  'escalation',
  'intake',
  'register',
  'dispatch',
  'approval',
  'check',
  'unit',
  'inspection',
  'supervise',
] as const
/** One of {@link TASK_QUEUES}. */
export type TaskQueueKind = (typeof TASK_QUEUES)[number]

/** One case in the account's queue. */
export interface TaskEntry {
  readonly queue: TaskQueueKind
  /** What the account can do on it now (actions), and why it is queued ('escalation:arrival-missing', …). */
  readonly todo: readonly string[]
  readonly case: CaseSummary
  /** The deadline that comes first: a hazard's 到场 before its stage deadline (ISO); null when no clock runs. */
  readonly dueAt: string | null
  readonly overdue: boolean
}

/** 待办 — the signed-in account's queue: overdue first, then by deadline (soonest first), undated last. */
export interface TaskQueue {
  /**
   * 'central': the central API's /tasks; 'local': computed from the local cases by the same rules (the
   * central API unreachable; desk roles, whose workstation holds every case); 'offline': neither possible.
   */
  readonly source: 'central' | 'local' | 'offline'
  readonly tasks: readonly TaskEntry[]
  /** Tasks per queue (every queue listed, 0 when empty). */
  readonly counts: Readonly<Record<TaskQueueKind, number>>
  /** The queues this account's role has, in display order (its badges). */
  readonly queues: readonly TaskQueueKind[]
  /** The central API answered more than it lists. */
  readonly truncated: boolean
  /** When this answer was made (ISO). */
  readonly asOf: string
}

/** A photo fetched by main/ with the session's token. */
export interface CasePhoto {
  readonly id: string
  readonly contentType: string
  /** `data:` URL of the image. */
  readonly dataUrl: string
}

/** 新案卷 — a case recorded at the desk (phoned-in complaint, media report, department transfer, leader's order). */
export const NewCaseInput = closed({
  lon: Lon,
  lat: Lat,
  categoryKey: nonEmpty(60),
  conditionId: Type.Optional(nonEmpty(60)),
  urgency: Type.Optional(oneOf(URGENCIES)),
  source: Type.Optional(oneOf(CASE_SOURCES)),
  address: Type.Optional(text(500)),
  description: Type.Optional(text(4_000)),
  reporterName: Type.Optional(text(100)),
  reporterContact: Type.Optional(text(100)),
  componentId: Type.Optional(ComponentId),
})
export type NewCaseInput = Readonly<Static<typeof NewCaseInput>>

const CreateCommand = closed({ kind: Type.Literal('create'), input: NewCaseInput })

/**
 * What is wrong with an action command beyond its fields' shapes, or undefined: the case named once, the
 * version given for a known case, and a payload core's parseCommand accepts (the same check the central
 * API makes) with no field the action does not take. Phrased to follow "command".
 */
function actionProblem(c: {
  caseId?: string
  caseClientId?: string
  version?: number
  action: CaseAction
  payload: Readonly<Record<string, unknown>>
}): string | undefined {
  if ((c.caseId === undefined) === (c.caseClientId === undefined))
    return ': name the case by exactly one of caseId and caseClientId'
  if (c.caseId !== undefined && c.version === undefined)
    return '.version: the version the action was decided on is required'
  for (const key of ['action', 'version'])
    if (Object.hasOwn(c.payload, key)) return `.payload.${key} is not a payload field`
  const parsed = parseCommand({ ...c.payload, action: c.action })
  if (!parsed.ok) return `.payload.${parsed.issue.field}: ${parsed.issue.message}`
  const known = new Set(Object.keys(parsed.command))
  for (const key of Object.keys(c.payload))
    if (!known.has(key)) return `.payload.${key} is not a field of ${c.action}`
  return undefined
}

const ActionCommand = Type.Refine(
  closed({
    kind: Type.Literal('action'),
    /** The case's id, or absent with `caseClientId`. */
    caseId: Type.Optional(Uuid),
    caseClientId: Type.Optional(Uuid),
    /** The version the user decided on (from the case's record); absent for a case recorded offline. */
    version: Type.Optional(whole(1, 2 ** 31 - 1)),
    action: oneOf(CASE_ACTIONS),
    /** The action's payload fields (core/case/commands.ts), e.g. {unitId} for dispatch. */
    payload: Type.Record(Type.String(), Type.Unknown()),
  }),
  (c) => actionProblem(c) === undefined,
  (c) => actionProblem(c) ?? '',
)

/**
 * A command for the outbox: a new case, or an action on a case. An action on a case recorded offline names
 * it by the create command's client id (`caseClientId`) until the central API has given it an id.
 * `discriminator` tells the argument check to validate against the branch `kind` names, so an error names
 * that branch's field rather than "matches no branch".
 */
export const CaseCommandInput = Type.Union([CreateCommand, ActionCommand], { discriminator: 'kind' })
export type CaseCommandInput = Readonly<Static<typeof CaseCommandInput>>

/** The central API's reason for refusing a command, with the case's current state where it has one. */
export interface CommandRejection {
  /** HTTP status: 400 bad payload, 403 no permission, 404 no such case, 409 illegal in state / stale version. */
  readonly httpStatus: number
  /** The API's error code, e.g. ILLEGAL_ACTION, STALE_VERSION, FORBIDDEN, VALIDATION. */
  readonly code: string
  readonly message: string
  /** The payload field at fault, when the API named one. */
  readonly field?: string
  /** The case's status and allowed actions now, when known. */
  readonly caseStatus?: CaseStatus
  readonly allowed?: readonly CaseAction[]
  readonly currentVersion?: number
}

/** 待发指令 — one command in the outbox, kept across restarts until applied or dismissed. */
export interface OutboxEntry {
  /** Client-generated id (UUID), sent as the Idempotency-Key: a retry is applied once. */
  readonly clientId: string
  /** Order of submission. */
  readonly seq: number
  readonly command: CaseCommandInput
  /** The account that gave it; it is sent only under that account. */
  readonly userId: string
  readonly state: 'queued' | 'sending' | 'applied' | 'rejected'
  readonly queuedAt: string
  readonly sentAt: string | null
  readonly attempts: number
  /** The case it created or changed, once applied. */
  readonly result: {
    readonly caseId: string
    readonly number: string
    readonly status: CaseStatus
    readonly version: number
  } | null
  readonly rejection: CommandRejection | null
  /** The last transport failure (network, 5xx), shown while it waits for a retry. */
  readonly lastError: string | null
}

/** Where the outbox stands. */
export interface OutboxStatus {
  /** sending: working through it; waiting: central unreachable, retrying; signed-out: commands wait for their account. */
  readonly state: 'idle' | 'sending' | 'waiting' | 'signed-out'
  readonly queued: number
  readonly rejected: number
  /** Queued and rejected entries, then the latest applied ones (at most 50), in submission order. */
  readonly entries: readonly OutboxEntry[]
}
