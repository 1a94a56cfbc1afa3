import { sql, type Kysely } from 'kysely'

// The case loop (issue 4): people and API clients, sessions, cases with their immutable audit events,
// photos, idempotency keys, case-number counters, the editable working calendar, settings and job leases.
// One dialect (PostgreSQL); PGlite runs the same statements, plpgsql included.

/** Roles a person can hold; `api-client` is not among them (API clients live in api_client). */
const PERSON_ROLES = ['receiver', 'shift-leader', 'dispatcher', 'inspector', 'unit-handler', 'unit-manager', 'leader', 'gis-maintainer', 'admin']

export async function up(db: Kysely<unknown>): Promise<void> {
  const roles = sql.join(PERSON_ROLES.map((r) => sql.lit(r)))
  await sql`
    create table app_user (
      id text primary key,
      username text not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
      display_name text not null,
      role text not null check (role in (${roles})),
      unit_id text references responsible_unit (id),
      grid_ids text[] not null default '{}',
      phone text,
      password_hash text not null,
      failed_logins integer not null default 0,
      locked_until timestamptz,
      active boolean not null default true,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      -- A unit role without a unit could see nothing; any other role with one would be misleading.
      check ((role in ('unit-handler', 'unit-manager')) = (unit_id is not null))
    )`.execute(db)

  // Only a hash of the bearer token is stored: a leaked table grants no sessions.
  await sql`
    create table user_session (
      token_hash text primary key,
      user_id text not null references app_user (id) on delete cascade,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    )`.execute(db)
  await sql`create index user_session_user on user_session (user_id)`.execute(db)
  await sql`create index user_session_expires on user_session (expires_at)`.execute(db)

  await sql`
    create table api_client (
      id text primary key check (id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
      name text not null,
      key_hash text not null unique,
      scopes text[] not null check (cardinality(scopes) > 0),
      source text not null,
      active boolean not null default true,
      created_at timestamptz not null default now(),
      last_used_at timestamptz
    )`.execute(db)

  // Metadata only; the bytes are files named by their sha256 (see services/photo-store.ts for why).
  await sql`
    create table photo (
      id text primary key check (id ~ '^[0-9a-f]{64}$'),
      content_type text not null check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
      size integer not null check (size > 0),
      uploaded_by text not null,
      uploaded_at timestamptz not null default now()
    )`.execute(db)

  // 案卷: `state` is core's CaseState verbatim; the other columns are what the API filters, sorts and
  // presents by, plus the intake details the state machine never reads (place, text, reporter, photos).
  await sql`
    create table case_file (
      id text primary key,
      number text not null unique,
      version integer not null,
      status text not null,
      state jsonb not null,
      -- seq of the case's latest event: the next event takes seq + 1 under the case's row lock.
      event_seq integer not null default 0,
      kind text not null check (kind in ('component', 'event')),
      category_key text not null,
      condition_id text not null,
      source text not null,
      urgency text not null,
      safety_hazard text,
      area_class char(1) not null check (area_class in ('A', 'B', 'C')),
      lon double precision not null,
      lat double precision not null,
      address text not null default '',
      grid_id text,
      community_code text,
      street_code text,
      district_code text not null,
      component_id text,
      description text not null default '',
      reporter_id text not null,
      reporter_name text,
      reporter_contact text,
      before_photo_ids text[] not null default '{}',
      duplicate_ids text[] not null default '{}',
      proposed_unit_id text,
      assigned_unit_id text,
      sub_unit_id text,
      inspector_id text,
      light text not null default 'green' check (light in ('green', 'yellow', 'red', 'none')),
      light_stage text,
      next_check_at timestamptz,
      escalation text,
      escalated_at timestamptz,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      closed_at timestamptz
    )`.execute(db)
  // Keyset paging of the case list (newest first), and each filter a desk uses all day.
  await sql`create index case_file_created on case_file (created_at desc, id desc)`.execute(db)
  await sql`create index case_file_status on case_file (status)`.execute(db)
  await sql`create index case_file_unit on case_file (assigned_unit_id) where assigned_unit_id is not null`.execute(db)
  await sql`create index case_file_sub_unit on case_file (sub_unit_id) where sub_unit_id is not null`.execute(db)
  await sql`create index case_file_grid on case_file (grid_id)`.execute(db)
  await sql`create index case_file_inspector on case_file (inspector_id) where inspector_id is not null`.execute(db)
  // Duplicate candidates: same category, open, in a latitude band of the radius (a few hundred metres of
  // a city's tens of kilometres); longitude, time window and the exact distance sort out the few left.
  await sql`create index case_file_duplicates on case_file (category_key, lat) where closed_at is null`.execute(db)
  // The deadline sweep reads only cases whose light or arrival check is due.
  await sql`create index case_file_next_check on case_file (next_check_at) where next_check_at is not null`.execute(db)

  // 操作记录: append-only. The trigger refuses updates, deletes and truncation, whoever asks.
  await sql`
    create table case_event (
      case_id text not null references case_file (id),
      seq integer not null,
      version integer not null,
      type text not null,
      at timestamptz not null,
      actor_id text not null,
      role text not null,
      from_status text,
      to_status text not null,
      payload jsonb not null,
      photo_ids text[] not null default '{}',
      primary key (case_id, seq)
    )`.execute(db)
  await sql`
    create function case_event_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'case_event is append-only: % refused', tg_op using errcode = '42501';
    end $$`.execute(db)
  await sql`create trigger case_event_no_change before update or delete on case_event for each row execute function case_event_append_only()`.execute(db)
  await sql`create trigger case_event_no_truncate before truncate on case_event for each statement execute function case_event_append_only()`.execute(db)

  // 案卷编号: one counter row per year and district; the row lock keeps numbers gapless under concurrency.
  await sql`
    create table case_number_counter (
      year integer not null,
      district_code text not null,
      last_value integer not null,
      primary key (year, district_code)
    )`.execute(db)

  // A retried POST (same key, same caller) answers with what the first one did.
  await sql`
    create table idempotency_key (
      scope text not null,
      key text not null,
      request_hash text not null,
      case_id text,
      response jsonb,
      created_at timestamptz not null default now(),
      primary key (scope, key)
    )`.execute(db)
  await sql`create index idempotency_key_created on idempotency_key (created_at)`.execute(db)

  // 工作日历: one row per year, seeded from core/time's data and edited by administrators.
  await sql`
    create table work_calendar_year (
      year integer primary key check (year between 2000 and 2100),
      notice text not null default '',
      holidays jsonb not null,
      workdays jsonb not null,
      source text not null check (source in ('built-in', 'admin')),
      version integer not null default 1,
      updated_by text,
      updated_at timestamptz not null default now()
    )`.execute(db)

  await sql`
    create table app_setting (
      key text primary key,
      value jsonb not null,
      version integer not null default 1,
      updated_by text,
      updated_at timestamptz not null default now()
    )`.execute(db)

  // Durable jobs: whoever holds an unexpired lease runs the job; a crashed holder's lease simply runs out.
  await sql`
    create table job_lease (
      name text primary key,
      holder text,
      lease_until timestamptz,
      runs bigint not null default 0,
      last_started_at timestamptz,
      last_finished_at timestamptz,
      last_result jsonb
    )`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'job_lease',
    'app_setting',
    'work_calendar_year',
    'idempotency_key',
    'case_number_counter',
    'case_event',
    'case_file',
    'photo',
    'api_client',
    'user_session',
    'app_user',
  ]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db)
  }
  await sql`drop function if exists case_event_append_only()`.execute(db)
}
