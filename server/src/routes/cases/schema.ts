import Type from 'typebox'
import { MAX_VERSION } from '../schemas.js'
import { SAFETY_HAZARDS, URGENCIES, TIME_UNITS } from '../../../../core/catalog/types.js'
import { CASE_ACTIONS, CASE_SOURCES, CASE_STAGES, CASE_STATUSES } from '../../../../core/case/types.js'

// Schemas of the case routes. Every enum comes from core (statuses, actions, stages, sources), so the
// OpenAPI document and validation can never disagree with the transitions table.

const NullableString = Type.Union([Type.String(), Type.Null()])

export const CaseStatus = Type.Enum(CASE_STATUSES)
export const CaseAction = Type.Enum(CASE_ACTIONS)
export const CaseSource = Type.Enum(CASE_SOURCES)

const TimeLimit = Type.Object({ amount: Type.Number(), unit: Type.Enum(TIME_UNITS) })

const StageClock = Type.Object({
  startedAt: Type.String(),
  deadline: Type.String(),
  limit: TimeLimit,
  endedAt: Type.Optional(Type.String()),
  onTime: Type.Optional(Type.Boolean({ description: '按时 — decided when the stage ends' })),
})

const Stages = Type.Object(Object.fromEntries(CASE_STAGES.map((s) => [s, Type.Optional(StageClock)])), {
  description: '环节计时 — per stage: start, deadline (holiday-aware), limit, end and on-time flag',
})

const nullable = <T extends ReturnType<typeof Type.Object>>(t: T) => Type.Union([t, Type.Null()])

/** 可用操作 — every action, true where the caller may give it now. */
export const Abilities = Type.Object(Object.fromEntries(CASE_ACTIONS.map((a) => [a, Type.Boolean()])), {
  description: 'Computed from the transitions table for the caller: enable exactly these buttons',
})

/** 案卷 — a case as the API shows it. */
export const CaseBody = Type.Object({
  id: Type.String(),
  number: Type.String({ description: '案卷编号: year-district-sequence, e.g. 2026-321202-000123' }),
  version: Type.Integer({ description: 'Send it back with every action (optimistic locking)' }),
  status: CaseStatus,
  statusGroup: Type.Enum(['open', 'closed']),
  kind: Type.Enum(['component', 'event']),
  categoryKey: Type.String(),
  conditionId: Type.String({ description: '立案条件' }),
  source: CaseSource,
  urgency: Type.Enum(URGENCIES),
  safetyHazard: Type.Union([Type.Enum(SAFETY_HAZARDS), Type.Null()], { description: 'One of the four 第9条 hazards: 2-hour arrival on site' }),
  areaClass: Type.Enum(['A', 'B', 'C']),
  location: Type.Object({
    lon: Type.Number(),
    lat: Type.Number(),
    address: Type.String(),
    gridId: NullableString,
    communityCode: NullableString,
    streetCode: NullableString,
    districtCode: Type.String(),
  }),
  componentId: NullableString,
  description: Type.String(),
  reporter: Type.Object({
    id: Type.String(),
    name: NullableString,
    contact: Type.Union([Type.String(), Type.Null()], { description: 'Unmasked for the center desk only (receiver, shift leader, dispatcher): 138****5678 otherwise' }),
  }),
  beforePhotoIds: Type.Array(Type.String()),
  afterPhotoIds: Type.Array(Type.String()),
  duplicateIds: Type.Array(Type.String(), { description: 'Open cases of the same category nearby when this one was filed' }),
  proposedUnitId: Type.Union([Type.String(), Type.Null()], { description: 'The responsible unit routing proposed at intake' }),
  assignedUnitId: NullableString,
  subUnitId: NullableString,
  previousUnitIds: Type.Array(Type.String()),
  inspectorId: NullableString,
  handleLimit: TimeLimit,
  stages: Stages,
  light: Type.Object({ color: Type.Enum(['green', 'yellow', 'red', 'none']), stage: NullableString }),
  escalation: Type.Union([Type.Object({ kind: Type.String(), at: NullableString }), Type.Null()], {
    description: 'arrival-missing / arrival-late: in the shift leader’s queue until arrival is reported or the case closes',
  }),
  parkedSince: NullableString,
  pending: nullable(
    Type.Object({ kind: Type.String(), reason: Type.String(), by: Type.String(), at: Type.String(), duration: Type.Optional(TimeLimit) }),
  ),
  verification: nullable(
    Type.Object({ by: Type.String(), at: Type.String(), result: Type.String(), note: Type.String(), photoIds: Type.Array(Type.String()) }),
  ),
  onSite: nullable(
    Type.Object({
      arrivedAt: Type.String(),
      lon: Type.Number(),
      lat: Type.Number(),
      photoId: Type.String(),
      measures: Type.String(),
      onTime: Type.Boolean(),
    }),
  ),
  handling: nullable(Type.Object({ by: Type.String(), at: Type.String(), note: Type.String(), afterPhotoIds: Type.Array(Type.String()) })),
  rapid: nullable(Type.Object({ by: Type.String(), at: Type.String(), team: Type.String(), costYuan: Type.Number() })),
  evaluation: Type.Object(
    {
      onTime: Type.Object(Object.fromEntries(CASE_STAGES.map((s) => [s, Type.Union([Type.Boolean(), Type.Null()])]))),
      arrivedOnTime: Type.Union([Type.Boolean(), Type.Null()]),
      reworkCount: Type.Integer({ description: '返工数' }),
      redispatchCount: Type.Integer(),
      extensionCount: Type.Integer(),
      extensions: Type.Array(TimeLimit),
      parkCount: Type.Integer(),
      parkedMs: Type.Number(),
      superviseCount: Type.Integer(),
      disputeCount: Type.Integer(),
      closeKind: NullableString,
    },
    { description: '考核记录 — on-time flags per stage, rework, redispatch, extensions, parked time' },
  ),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  closedAt: NullableString,
})

/** A case with the caller's abilities. */
export const CaseView = Type.Object({ ...CaseBody.properties, abilities: Abilities })

export const Duplicate = Type.Object({
  id: Type.String(),
  number: Type.String(),
  status: Type.String(),
  distanceM: Type.Number(),
  createdAt: Type.String(),
})

export const CreateCaseBody = Type.Object(
  {
    lon: Type.Number({ minimum: -180, maximum: 180, description: 'CGCS2000 longitude' }),
    lat: Type.Number({ minimum: -90, maximum: 90, description: 'CGCS2000 latitude' }),
    categoryKey: Type.String({ minLength: 1, maxLength: 100, description: "e.g. '2013:component:0101' or '2026:event:06010'" }),
    conditionId: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: '立案条件; default the first of the category' })),
    urgency: Type.Optional(Type.Enum(URGENCIES)),
    source: Type.Optional(CaseSource),
    address: Type.Optional(Type.String({ maxLength: 500 })),
    description: Type.Optional(Type.String({ maxLength: 4000 })),
    reporterName: Type.Optional(Type.String({ maxLength: 100 })),
    reporterContact: Type.Optional(Type.String({ maxLength: 100 })),
    componentId: Type.Optional(Type.String({ pattern: '^[0-9]{16,17}$' })),
    photoIds: Type.Optional(Type.Array(Type.String({ pattern: '^[0-9a-f]{64}$' }), { maxItems: 20, description: '处置前照片 from POST /photos' })),
  },
  { additionalProperties: false },
)

export const ActionBody = Type.Object(
  {
    action: CaseAction,
    version: Type.Integer({ minimum: 1, maximum: MAX_VERSION, description: 'The version the action was decided on' }),
  },
  {
    additionalProperties: true,
    description: 'The action and its payload fields side by side, e.g. {"action":"dispatch","version":3,"unitId":"hl-sanitation"}',
  },
)

export const CaseEventBody = Type.Object({
  seq: Type.Integer(),
  version: Type.Integer(),
  type: Type.String({ description: 'An action, create, or a system event: light, arrival-missing, arrival-late' }),
  at: Type.String(),
  actorId: Type.String(),
  role: Type.String(),
  from: NullableString,
  to: Type.String(),
  payload: Type.Record(Type.String(), Type.Unknown()),
  photoIds: Type.Array(Type.String()),
})

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({ minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x7e]+$', description: 'A retried request with the same key is applied once' }),
  ),
})

export const ListQuery = Type.Object({
  status: Type.Optional(Type.String({ maxLength: 1000, description: `Comma-separated statuses: ${CASE_STATUSES.join(', ')}` })),
  group: Type.Optional(Type.Enum(['open', 'closed'])),
  unit: Type.Optional(Type.String({ maxLength: 200, description: 'Assigned unit (or sub-unit) id' })),
  category: Type.Optional(Type.String({ maxLength: 100, description: "Category key or prefix: '2013:component:01'" })),
  source: Type.Optional(CaseSource),
  grid: Type.Optional(Type.String({ pattern: '^[0-9]{15}$' })),
  district: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })),
  light: Type.Optional(Type.Enum(['green', 'yellow', 'red', 'none'])),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Created at or after (ISO 8601)' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Created before (ISO 8601)' })),
  after: Type.Optional(Type.String({ maxLength: 200, description: 'The `next` of the previous page' })),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
})
