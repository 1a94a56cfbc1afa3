import type { ColumnType, Generated, JSONColumnType } from 'kysely'
import type { MultiPolygon, Polygon } from 'geojson'

// The central API's tables. Geometry is kept as GeoJSON in jsonb plus a bounding box in plain columns:
// PostGIS is not available on the embedded database, and bbox prefilters + core/'s point-in-polygon
// answer every query the API has today.

/** Timestamps come back as Date from both pg and PGlite; we write them as Date or let defaults fill them. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>

export interface RegionTable {
  code: string
  level: 'district' | 'street' | 'community'
  name: string
  name_en: string
  parent_code: string | null
  geometry: JSONColumnType<Polygon | MultiPolygon>
  min_lon: number
  min_lat: number
  max_lon: number
  max_lat: number
  version: Generated<number>
  updated_at: Timestamp
}

export interface UnitGridTable {
  id: string
  community_code: string
  street_code: string
  district_code: string
  area_class: 'A' | 'B' | 'C'
  geometry: JSONColumnType<Polygon>
  min_lon: number
  min_lat: number
  max_lon: number
  max_lat: number
  version: Generated<number>
  updated_at: Timestamp
}

export interface CatalogClassTable {
  /** Category key, e.g. '2013:component:0101'. */
  key: string
  edition: '2013' | '2026'
  kind: 'component' | 'event'
  code: string
  big_class_code: string
  big_class_name: string
  big_class_name_en: string
  name: string
  name_en: string
  default_unit_type: string
  conditions: JSONColumnType<unknown[]>
  local: boolean
  component_code: string | null
  note: string | null
  catalog_version: string
  version: Generated<number>
  updated_at: Timestamp
}

export interface CatalogEditionTable {
  edition: '2013' | '2026'
  standard: string
  catalog_version: string
  big_classes: JSONColumnType<unknown[]>
  updated_at: Timestamp
}

export interface UnitTable {
  id: string
  name: string
  name_en: string
  type: string
  jurisdiction: string[]
  parent_id: string | null
  phone: string | null
  version: Generated<number>
  updated_at: Timestamp
}

export interface RoutingRuleTable {
  id: string
  categories: string[]
  regions: string[]
  unit_id: string
  priority: number
  note: string | null
  version: Generated<number>
  updated_at: Timestamp
}

export interface ComponentTable {
  id: string
  edition: '2013' | '2026'
  category: string
  name: string
  status: string
  lon: number
  lat: number
  grid_id: string
  district_code: string
  owner_unit_id: string | null
  maintainer_unit_id: string | null
  initial_date: string
  change_date: string | null
  data_source: string
  note: string | null
  version: Generated<number>
  updated_at: Timestamp
}

/**
 * 变更日志 — one row per entity holding its latest change, so a client's sync reads only what it lacks.
 * `seq` comes from change_seq while the writer holds the change-feed lock until commit (see changes.ts).
 */
export interface ChangeLogTable {
  seq: string
  entity: string
  entity_id: string
  op: 'upsert' | 'delete'
  data: JSONColumnType<object> | null
  changed_at: Timestamp
}

/** 用户 — a person who signs in; unit roles carry their unit, inspectors their duty grids. */
export interface AppUserTable {
  id: string
  username: string
  display_name: string
  role: string
  unit_id: string | null
  grid_ids: string[]
  phone: string | null
  password_hash: string
  failed_logins: Generated<number>
  locked_until: Date | null
  active: Generated<boolean>
  version: Generated<number>
  created_at: Timestamp
  updated_at: Timestamp
  password_changed_at: Date | null
}

/** A signed-in session: the sha256 of its bearer token and when it runs out. */
export interface UserSessionTable {
  token_hash: string
  user_id: string
  created_at: Timestamp
  expires_at: Date
  /** Last use, for the idle timeout (written at most about once a minute). */
  last_seen_at: Date
  /** The client address that signed in. */
  address: string | null
}

/** 登录限速 — failed sign-ins of one username from one client address. */
export interface LoginThrottleTable {
  username: string
  address: string
  failures: number
  last_failure_at: Date
  /** No attempt of this pair is checked before this moment (progressive delay, then a block). */
  not_before: Date | null
}

/** 安全审计 — one security-relevant event; append-only (a trigger refuses update and early delete). */
export interface SecurityAuditTable {
  id: Generated<string>
  at: Date
  actor_kind: 'user' | 'api-client' | 'anonymous' | 'system'
  actor_id: string | null
  actor_name: string | null
  address: string | null
  action: string
  outcome: 'success' | 'failure' | 'denied' | 'throttled'
  target: string | null
  details: Generated<Record<string, unknown>>
}

/** 接入方 — a second-level platform or sensor gateway with a scoped API key (stored as its sha256). */
export interface ApiClientTable {
  id: string
  name: string
  key_hash: string
  scopes: string[]
  source: string
  active: Generated<boolean>
  created_at: Timestamp
  last_used_at: Date | null
}

/** 照片 — metadata of a stored photo; `id` is the sha256 of its bytes. */
export interface PhotoTable {
  id: string
  content_type: string
  size: number
  uploaded_by: string
  uploaded_at: Timestamp
}

/** 案卷 — core's CaseState in `state`, the columns the API filters by, and the intake details. */
export interface CaseFileTable {
  id: string
  number: string
  version: number
  status: string
  state: JSONColumnType<object>
  event_seq: number
  /** Hash of the case's last event (case-chain.ts); null before the first. */
  event_hash: string | null
  kind: 'component' | 'event'
  category_key: string
  condition_id: string
  source: string
  urgency: string
  safety_hazard: string | null
  area_class: 'A' | 'B' | 'C'
  lon: number
  lat: number
  address: string
  grid_id: string | null
  community_code: string | null
  street_code: string | null
  district_code: string
  component_id: string | null
  description: string
  reporter_id: string
  reporter_name: string | null
  reporter_contact: string | null
  before_photo_ids: string[]
  duplicate_ids: string[]
  proposed_unit_id: string | null
  assigned_unit_id: string | null
  sub_unit_id: string | null
  inspector_id: string | null
  light: 'green' | 'yellow' | 'red' | 'none'
  light_stage: string | null
  next_check_at: Date | null
  escalation: string | null
  escalated_at: Date | null
  created_at: Timestamp
  updated_at: Timestamp
  closed_at: Date | null
}

/** 操作记录 — one immutable audit event; `seq` orders a case's events, `version` is the case's after it. */
export interface CaseEventTable {
  case_id: string
  seq: number
  version: number
  type: string
  at: Timestamp
  actor_id: string
  role: string
  from_status: string | null
  to_status: string
  payload: JSONColumnType<Record<string, unknown>>
  photo_ids: string[]
  /** The case's previous event's hash (null for the first): the link of the chain (case-chain.ts). */
  prev_hash: string | null
  /** SHA-256 of this event's canonical content and prev_hash. */
  hash: string
}

/** 案卷编号 counter per year and district. */
export interface CaseNumberCounterTable {
  year: number
  district_code: string
  last_value: number
}

/** What a request under an Idempotency-Key did, so a retry answers the same. */
export interface IdempotencyKeyTable {
  scope: string
  key: string
  request_hash: string
  case_id: string | null
  response: JSONColumnType<object> | null
  created_at: Timestamp
}

/** 工作日历 — one year's holidays and 调休 working days. */
export interface WorkCalendarYearTable {
  year: number
  notice: string
  holidays: JSONColumnType<Array<{ name: string; from: string; to: string }>>
  workdays: JSONColumnType<string[]>
  source: 'built-in' | 'admin'
  version: Generated<number>
  updated_by: string | null
  updated_at: Timestamp
}

/** A named server setting (e.g. the daily working periods). */
export interface AppSettingTable {
  key: string
  value: JSONColumnType<object>
  version: Generated<number>
  updated_by: string | null
  updated_at: Timestamp
}

/** A durable job's lease and last run. */
export interface JobLeaseTable {
  name: string
  holder: string | null
  lease_until: Date | null
  runs: Generated<string>
  last_started_at: Date | null
  last_finished_at: Date | null
  last_result: JSONColumnType<object> | null
}

export interface Database {
  app_user: AppUserTable
  user_session: UserSessionTable
  login_throttle: LoginThrottleTable
  security_audit: SecurityAuditTable
  api_client: ApiClientTable
  photo: PhotoTable
  case_file: CaseFileTable
  case_event: CaseEventTable
  case_number_counter: CaseNumberCounterTable
  idempotency_key: IdempotencyKeyTable
  work_calendar_year: WorkCalendarYearTable
  app_setting: AppSettingTable
  job_lease: JobLeaseTable
  region: RegionTable
  unit_grid: UnitGridTable
  catalog_class: CatalogClassTable
  catalog_edition: CatalogEditionTable
  responsible_unit: UnitTable
  routing_rule: RoutingRuleTable
  component: ComponentTable
  change_log: ChangeLogTable
}
