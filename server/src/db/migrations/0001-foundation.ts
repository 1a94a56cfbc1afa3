import { sql, type Kysely } from 'kysely'

// Reference data of the city (regions, unit grids, catalog, units, routing, components) and the change
// feed. Written in PostgreSQL's one dialect; the embedded PGlite runs the same statements.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table region (
      code text primary key check (code ~ '^[0-9]{6}([0-9]{3}){0,2}$'),
      level text not null check (level in ('district', 'street', 'community')),
      name text not null,
      name_en text not null default '',
      parent_code text references region (code),
      geometry jsonb not null,
      min_lon double precision not null,
      min_lat double precision not null,
      max_lon double precision not null,
      max_lat double precision not null,
      version integer not null default 1,
      updated_at timestamptz not null default now()
    )`.execute(db)
  await sql`create index region_parent on region (parent_code)`.execute(db)

  await sql`
    create table unit_grid (
      id text primary key check (id ~ '^[0-9]{15}$'),
      community_code text not null references region (code),
      street_code text not null,
      district_code text not null,
      area_class char(1) not null check (area_class in ('A', 'B', 'C')),
      geometry jsonb not null,
      min_lon double precision not null,
      min_lat double precision not null,
      max_lon double precision not null,
      max_lat double precision not null,
      version integer not null default 1,
      updated_at timestamptz not null default now()
    )`.execute(db)
  // Bbox queries filter on min_lon first; grids are small, so the other three bounds prune the rest.
  await sql`create index unit_grid_bbox on unit_grid (min_lon, min_lat)`.execute(db)
  await sql`create index unit_grid_community on unit_grid (community_code)`.execute(db)

  await sql`
    create table catalog_edition (
      edition text primary key check (edition in ('2013', '2026')),
      standard text not null,
      catalog_version text not null,
      big_classes jsonb not null,
      updated_at timestamptz not null default now()
    )`.execute(db)
  await sql`
    create table catalog_class (
      key text primary key,
      edition text not null references catalog_edition (edition),
      kind text not null check (kind in ('component', 'event')),
      code text not null,
      big_class_code text not null,
      big_class_name text not null,
      big_class_name_en text not null,
      name text not null,
      name_en text not null,
      default_unit_type text not null,
      conditions jsonb not null,
      local boolean not null default false,
      component_code text,
      note text,
      catalog_version text not null,
      version integer not null default 1,
      updated_at timestamptz not null default now(),
      unique (edition, kind, code)
    )`.execute(db)

  await sql`
    create table responsible_unit (
      id text primary key,
      name text not null,
      name_en text not null default '',
      type text not null,
      jurisdiction text[] not null default '{}',
      parent_id text references responsible_unit (id),
      phone text,
      version integer not null default 1,
      updated_at timestamptz not null default now()
    )`.execute(db)
  await sql`
    create table routing_rule (
      id text primary key,
      categories text[] not null check (cardinality(categories) > 0),
      regions text[] not null default '{}',
      unit_id text not null references responsible_unit (id),
      priority integer not null default 100,
      note text,
      version integer not null default 1,
      updated_at timestamptz not null default now()
    )`.execute(db)

  // Dates are text in ISO form: pg would turn a DATE into a local-time JS Date, which shifts the day.
  await sql`
    create table component (
      id text primary key check (id ~ '^[0-9]{16,17}$'),
      edition text not null check (edition in ('2013', '2026')),
      category text not null,
      name text not null,
      status text not null check (status in ('intact', 'damaged', 'missing', 'discarded', 'removed')),
      lon double precision not null,
      lat double precision not null,
      grid_id text not null,
      district_code text not null,
      owner_unit_id text,
      maintainer_unit_id text,
      initial_date text not null check (initial_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      change_date text check (change_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      data_source text not null,
      note text,
      version integer not null default 1,
      updated_at timestamptz not null default now()
    )`.execute(db)
  await sql`create index component_lon_lat on component (lon, lat)`.execute(db)
  await sql`create index component_category on component (category)`.execute(db)
  await sql`create index component_grid on component (grid_id)`.execute(db)

  await sql`create sequence change_seq`.execute(db)
  await sql`
    create table change_log (
      seq bigint primary key,
      entity text not null,
      entity_id text not null,
      op text not null check (op in ('upsert', 'delete')),
      data jsonb,
      changed_at timestamptz not null default now(),
      unique (entity, entity_id)
    )`.execute(db)
  // Lets a reader ask "has anything of these kinds changed since seq N" without scanning components.
  await sql`create index change_log_entity_seq on change_log (entity, seq)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['change_log', 'component', 'routing_rule', 'responsible_unit', 'catalog_class', 'catalog_edition', 'unit_grid', 'region']) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db)
  }
  await sql`drop sequence if exists change_seq`.execute(db)
}
