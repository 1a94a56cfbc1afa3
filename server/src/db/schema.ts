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

export interface Database {
  region: RegionTable
  unit_grid: UnitGridTable
  catalog_class: CatalogClassTable
  catalog_edition: CatalogEditionTable
  responsible_unit: UnitTable
  routing_rule: RoutingRuleTable
  component: ComponentTable
  change_log: ChangeLogTable
}
