/**
 * The central API's change feed (GET /api/v1/sync/changes) as the workstation reads it: pages, and each
 * change turned into the local record of its entity. A change that does not have the shape the server
 * presents is an error, not something to store half.
 */
import type { MultiPolygon, Polygon } from 'geojson'
import type { AreaClass, CategoryKind, Edition, FilingCondition } from '../../core/catalog/types.js'
import type { ComponentStatus } from '../../core/component/types.js'
import { COMPONENT_STATUSES } from '../../core/component/types.js'
import type { Region, UnitGrid } from '../../core/region/types.js'
import type { ResponsibleUnit, RoutingRule } from '../../core/routing/types.js'
import { isUnitType } from '../../core/routing/unit-type.js'
import type { CaseRecord, SyncEntity } from '../../contracts/bridge/index.js'
import { CaseFormatError, parseCaseRecord } from '../cases/case-record.js'

/** Every entity the feed carries, in the order a fresh store wants them. */
export const SYNC_ENTITIES: readonly SyncEntity[] = [
  'catalog_class',
  'region',
  'unit_grid',
  'responsible_unit',
  'routing_rule',
  'component',
  'case',
]

/** One change as the feed returns it. */
export interface FeedChange {
  readonly seq: string
  readonly entity: string
  readonly id: string
  readonly op: 'upsert' | 'delete'
  readonly data: unknown
  readonly changedAt: string
}

/** One page of the feed. */
export interface FeedPage {
  readonly changes: readonly FeedChange[]
  readonly cursor: string
  readonly hasMore: boolean
}

/** 管理部件 as the workstation stores it (every attribute of the feed's presentation). */
export interface StoredComponent {
  readonly id: string
  readonly edition: Edition
  readonly category: string
  readonly name: string
  readonly status: ComponentStatus
  readonly lon: number
  readonly lat: number
  readonly gridId: string
  readonly ownerUnitId: string | null
  readonly maintainerUnitId: string | null
  readonly initialDate: string
  readonly changeDate: string | null
  readonly dataSource: string
  readonly note: string | null
}

/** A catalog small class (小类) with the names of its big class, as the feed presents it. */
export interface StoredClass {
  readonly key: string
  readonly edition: Edition
  readonly kind: CategoryKind
  readonly code: string
  readonly bigClassCode: string
  readonly bigClassName: string
  readonly bigClassNameEn: string
  readonly name: string
  readonly nameEn: string
  readonly defaultUnitType: string
  readonly conditions: readonly FilingCondition[]
  readonly local: boolean
  readonly componentCode: string | null
  readonly note: string | null
  readonly catalogVersion: string
}

/** The local record of each entity. */
export interface EntityRecords {
  readonly region: Region
  readonly unit_grid: UnitGrid
  readonly catalog_class: StoredClass
  readonly responsible_unit: ResponsibleUnit
  readonly routing_rule: RoutingRule
  readonly component: StoredComponent
  /** 案卷 — only in the feed of a signed-in desk, leader or administrator account. */
  readonly case: CaseRecord
}

/** A change ready to apply: an upsert with its record, or a tombstone. */
export type LocalChange = {
  [E in SyncEntity]:
    | { readonly entity: E; readonly op: 'upsert'; readonly id: string; readonly value: EntityRecords[E] }
    | { readonly entity: E; readonly op: 'delete'; readonly id: string }
}[SyncEntity]

/** The feed sent something the workstation cannot store. */
export class FeedFormatError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'FeedFormatError'
  }
}

/** Checks a page's envelope. */
export function parseFeedPage(body: unknown): FeedPage {
  const o = object(body, 'page')
  if (!Array.isArray(o.changes)) throw new FeedFormatError('page.changes is not an array')
  const cursor = string(o.cursor, 'page.cursor')
  if (!/^\d{1,19}$/.test(cursor)) throw new FeedFormatError(`page.cursor "${cursor}" is not a feed cursor`)
  if (typeof o.hasMore !== 'boolean') throw new FeedFormatError('page.hasMore is not a boolean')
  return { changes: o.changes as FeedChange[], cursor, hasMore: o.hasMore }
}

/** Turns a feed change into its local record; throws {@link FeedFormatError} naming the change. */
export function toLocalChange(change: FeedChange): LocalChange {
  const where = `change ${String(change.seq)} (${String(change.entity)} ${String(change.id)})`
  const entity = change.entity as SyncEntity
  if (!SYNC_ENTITIES.includes(entity)) throw new FeedFormatError(`${where}: unknown entity`)
  if (typeof change.id !== 'string' || change.id === '') throw new FeedFormatError(`${where}: no id`)
  if (change.op === 'delete') return { entity, op: 'delete', id: change.id }
  if (change.op !== 'upsert') throw new FeedFormatError(`${where}: unknown op "${String(change.op)}"`)
  try {
    return { entity, op: 'upsert', id: change.id, value: RECORD_PARSERS[entity](change.data) } as LocalChange
  } catch (error) {
    if (error instanceof FeedFormatError || error instanceof CaseFormatError)
      throw new FeedFormatError(`${where}: ${error.message}`)
    throw error
  }
}

const RECORD_PARSERS: { readonly [E in SyncEntity]: (data: unknown) => EntityRecords[E] } = {
  case: parseCaseRecord,
  region(data) {
    const f = object(data, 'data')
    const p = object(f.properties, 'properties')
    const level = oneOf(p.level, ['district', 'street', 'community'] as const, 'properties.level')
    const parentCode = optionalString(p.parentCode, 'properties.parentCode')
    return {
      code: string(p.code, 'properties.code'),
      level,
      name: string(p.name, 'properties.name'),
      nameEn: string(p.nameEn, 'properties.nameEn'),
      ...(parentCode ? { parentCode } : {}),
      geometry: polygonal(f.geometry),
    }
  },
  unit_grid(data) {
    const f = object(data, 'data')
    const p = object(f.properties, 'properties')
    const geometry = polygonal(f.geometry)
    if (geometry.type !== 'Polygon') throw new FeedFormatError('geometry: a unit grid is a Polygon')
    return {
      id: string(p.id, 'properties.id'),
      communityCode: string(p.communityCode, 'properties.communityCode'),
      areaClass: oneOf(p.areaClass, ['A', 'B', 'C'] as const, 'properties.areaClass') as AreaClass,
      geometry,
    }
  },
  catalog_class(data) {
    const c = object(data, 'data')
    if (!Array.isArray(c.conditions) || c.conditions.length === 0)
      throw new FeedFormatError('conditions: not a non-empty array')
    return {
      key: string(c.key, 'key'),
      edition: oneOf(c.edition, ['2013', '2026'] as const, 'edition'),
      kind: oneOf(c.kind, ['component', 'event'] as const, 'kind'),
      code: string(c.code, 'code'),
      bigClassCode: string(c.bigClassCode, 'bigClassCode'),
      bigClassName: string(c.bigClassName, 'bigClassName'),
      bigClassNameEn: string(c.bigClassNameEn, 'bigClassNameEn'),
      name: string(c.name, 'name'),
      nameEn: string(c.nameEn, 'nameEn'),
      defaultUnitType: string(c.defaultUnitType, 'defaultUnitType'),
      conditions: c.conditions as FilingCondition[],
      local: c.local === true,
      componentCode: optionalString(c.componentCode, 'componentCode') ?? null,
      note: optionalString(c.note, 'note') ?? null,
      catalogVersion: optionalString(c.catalogVersion, 'catalogVersion') ?? '',
    }
  },
  responsible_unit(data) {
    const u = object(data, 'data')
    const type = string(u.type, 'type')
    if (!isUnitType(type)) throw new FeedFormatError(`type: unknown unit type "${type}"`)
    const parentId = optionalString(u.parentId, 'parentId')
    const phone = optionalString(u.phone, 'phone')
    return {
      id: string(u.id, 'id'),
      name: string(u.name, 'name'),
      nameEn: string(u.nameEn, 'nameEn'),
      type,
      jurisdiction: stringArray(u.jurisdiction, 'jurisdiction'),
      ...(parentId ? { parentId } : {}),
      ...(phone ? { phone } : {}),
    }
  },
  routing_rule(data) {
    const r = object(data, 'data')
    const note = optionalString(r.note, 'note')
    const regions =
      r.regions === null || r.regions === undefined ? undefined : stringArray(r.regions, 'regions')
    const priority =
      r.priority === null || r.priority === undefined ? undefined : finite(r.priority, 'priority')
    return {
      id: string(r.id, 'id'),
      categories: stringArray(r.categories, 'categories'),
      ...(regions ? { regions } : {}),
      unitId: string(r.unitId, 'unitId'),
      ...(priority !== undefined ? { priority } : {}),
      ...(note ? { note } : {}),
    }
  },
  component(data) {
    const f = object(data, 'data')
    const p = object(f.properties, 'properties')
    const g = object(f.geometry, 'geometry')
    if (g.type !== 'Point' || !Array.isArray(g.coordinates))
      throw new FeedFormatError('geometry: not a Point')
    return {
      id: string(p.id, 'properties.id'),
      edition: oneOf(p.edition, ['2013', '2026'] as const, 'properties.edition'),
      category: string(p.category, 'properties.category'),
      name: string(p.name, 'properties.name'),
      status: oneOf(p.status, COMPONENT_STATUSES, 'properties.status'),
      lon: finite(g.coordinates[0], 'geometry.coordinates[0]'),
      lat: finite(g.coordinates[1], 'geometry.coordinates[1]'),
      gridId: string(p.gridId, 'properties.gridId'),
      ownerUnitId: optionalString(p.ownerUnitId, 'properties.ownerUnitId') ?? null,
      maintainerUnitId: optionalString(p.maintainerUnitId, 'properties.maintainerUnitId') ?? null,
      initialDate: string(p.initialDate, 'properties.initialDate'),
      changeDate: optionalString(p.changeDate, 'properties.changeDate') ?? null,
      dataSource: string(p.dataSource, 'properties.dataSource'),
      note: optionalString(p.note, 'properties.note') ?? null,
    }
  },
}

function object(value: unknown, what: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new FeedFormatError(`${what} is not an object`)
  return value as Record<string, unknown>
}

function string(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new FeedFormatError(`${what} is not a string`)
  return value
}

function optionalString(value: unknown, what: string): string | undefined {
  if (value === null || value === undefined) return undefined
  return string(value, what)
}

function stringArray(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
    throw new FeedFormatError(`${what} is not an array of strings`)
  return value as string[]
}

function finite(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new FeedFormatError(`${what} is not a finite number`)
  return value
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], what: string): T {
  if (typeof value !== 'string' || !allowed.includes(value as T))
    throw new FeedFormatError(`${what}: "${String(value)}" is not one of ${allowed.join(', ')}`)
  return value as T
}

function polygonal(value: unknown): Polygon | MultiPolygon {
  const g = object(value, 'geometry')
  if ((g.type !== 'Polygon' && g.type !== 'MultiPolygon') || !Array.isArray(g.coordinates)) {
    throw new FeedFormatError('geometry is not a Polygon or MultiPolygon')
  }
  return g as unknown as Polygon | MultiPolygon
}
