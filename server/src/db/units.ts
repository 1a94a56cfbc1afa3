import type { Kysely, Selectable, Transaction } from 'kysely'
import type { ResponsibleUnit, RoutingRule } from '../../../core/routing/types.js'
import { isUnitType } from '../../../core/routing/unit-type.js'
import type { Database, RoutingRuleTable, UnitTable } from './schema.js'
import { recordChanges } from './changes.js'

type UnitRow = Selectable<UnitTable>
type RuleRow = Selectable<RoutingRuleTable>

/** The API's and the feed's form of a responsible unit (责任单位). */
export function presentUnit(row: UnitRow) {
  return {
    id: row.id,
    name: row.name,
    nameEn: row.name_en,
    type: row.type,
    jurisdiction: row.jurisdiction,
    parentId: row.parent_id,
    phone: row.phone,
    version: row.version,
  }
}

/** The API's and the feed's form of a routing rule (派遣规则). */
export function presentRule(row: RuleRow) {
  return {
    id: row.id,
    categories: row.categories,
    regions: row.regions,
    unitId: row.unit_id,
    priority: row.priority,
    note: row.note,
    version: row.version,
  }
}

/** Converts a row back to core's ResponsibleUnit; an unknown type is a data error worth stopping for. */
export function unitFromRow(row: UnitRow): ResponsibleUnit {
  if (!isUnitType(row.type)) throw new Error(`responsible_unit ${row.id}: unknown unit type "${row.type}"`)
  return {
    id: row.id,
    name: row.name,
    nameEn: row.name_en,
    type: row.type,
    jurisdiction: row.jurisdiction,
    ...(row.parent_id ? { parentId: row.parent_id } : {}),
    ...(row.phone ? { phone: row.phone } : {}),
  }
}

/** Converts a row back to core's RoutingRule. */
export function ruleFromRow(row: RuleRow): RoutingRule {
  return {
    id: row.id,
    categories: row.categories,
    regions: row.regions,
    unitId: row.unit_id,
    priority: row.priority,
    ...(row.note ? { note: row.note } : {}),
  }
}

/** Inserts or replaces units (parents first) and records them in the change feed. */
export async function upsertUnits(trx: Transaction<Database>, units: readonly ResponsibleUnit[]): Promise<void> {
  if (units.length === 0) return
  // A parent must exist before its child references it.
  const ordered = [...units].sort((a, b) => Number(!!a.parentId) - Number(!!b.parentId))
  const saved = await trx
    .insertInto('responsible_unit')
    .values(
      ordered.map((u) => ({
        id: u.id,
        name: u.name,
        name_en: u.nameEn,
        type: u.type,
        jurisdiction: [...u.jurisdiction],
        parent_id: u.parentId ?? null,
        phone: u.phone ?? null,
      })),
    )
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        name_en: eb.ref('excluded.name_en'),
        type: eb.ref('excluded.type'),
        jurisdiction: eb.ref('excluded.jurisdiction'),
        parent_id: eb.ref('excluded.parent_id'),
        phone: eb.ref('excluded.phone'),
        version: eb('responsible_unit.version', '+', 1),
        updated_at: new Date(),
      })),
    )
    .returningAll()
    .execute()
  await recordChanges(
    trx,
    saved.map((row) => ({ entity: 'responsible_unit', id: row.id, op: 'upsert', data: presentUnit(row) })),
  )
}

/** Inserts or replaces routing rules and records them in the change feed. */
export async function upsertRules(trx: Transaction<Database>, rules: readonly RoutingRule[]): Promise<void> {
  if (rules.length === 0) return
  const saved = await trx
    .insertInto('routing_rule')
    .values(
      rules.map((r) => ({
        id: r.id,
        categories: [...r.categories],
        regions: [...(r.regions ?? [])],
        unit_id: r.unitId,
        priority: r.priority ?? 100,
        note: r.note ?? null,
      })),
    )
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        categories: eb.ref('excluded.categories'),
        regions: eb.ref('excluded.regions'),
        unit_id: eb.ref('excluded.unit_id'),
        priority: eb.ref('excluded.priority'),
        note: eb.ref('excluded.note'),
        version: eb('routing_rule.version', '+', 1),
        updated_at: new Date(),
      })),
    )
    .returningAll()
    .execute()
  await recordChanges(
    trx,
    saved.map((row) => ({ entity: 'routing_rule', id: row.id, op: 'upsert', data: presentRule(row) })),
  )
}

/** All units, by id. */
export function listUnits(db: Kysely<Database>, filter: { readonly type?: string } = {}): Promise<UnitRow[]> {
  let q = db.selectFrom('responsible_unit').selectAll().orderBy('id')
  if (filter.type) q = q.where('type', '=', filter.type)
  return q.execute()
}

/** All routing rules, by id. */
export function listRules(db: Kysely<Database>): Promise<RuleRow[]> {
  return db.selectFrom('routing_rule').selectAll().orderBy('id').execute()
}

/** One responsible unit by id, or undefined. */
export function getUnit(db: Kysely<Database> | Transaction<Database>, id: string) {
  return db.selectFrom('responsible_unit').selectAll().where('id', '=', id).executeTakeFirst()
}
