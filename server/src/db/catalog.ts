import type { Kysely, Selectable, Transaction } from 'kysely'
import type { BigClass, Catalog, CategoryClass, Edition, FilingCondition } from '../../../core/catalog/types.js'
import { categoryKey } from '../../../core/catalog/category-key.js'
import type { CatalogClassTable, Database } from './schema.js'
import { recordChanges } from './changes.js'

type ClassRow = Selectable<CatalogClassTable>
type Db = Kysely<Database> | Transaction<Database>

/** The API's and the feed's form of a catalog small class (小类), with its filing conditions. */
export function presentCatalogClass(row: ClassRow) {
  return {
    key: row.key,
    edition: row.edition,
    kind: row.kind,
    code: row.code,
    bigClassCode: row.big_class_code,
    bigClassName: row.big_class_name,
    bigClassNameEn: row.big_class_name_en,
    name: row.name,
    nameEn: row.name_en,
    defaultUnitType: row.default_unit_type,
    conditions: row.conditions as FilingCondition[],
    local: row.local,
    componentCode: row.component_code,
    note: row.note,
    catalogVersion: row.catalog_version,
    version: row.version,
  }
}

/**
 * Stores one edition's catalog (分类标准目录), replacing classes of the same key and recording them in the
 * change feed. Classes of the edition that the new catalog no longer has are removed, with tombstones.
 */
export async function upsertCatalog(trx: Transaction<Database>, catalog: Catalog): Promise<void> {
  await trx
    .insertInto('catalog_edition')
    .values({
      edition: catalog.edition,
      standard: catalog.standard,
      catalog_version: catalog.version,
      big_classes: JSON.stringify(catalog.bigClasses),
    })
    .onConflict((oc) =>
      oc.column('edition').doUpdateSet((eb) => ({
        standard: eb.ref('excluded.standard'),
        catalog_version: eb.ref('excluded.catalog_version'),
        big_classes: eb.ref('excluded.big_classes'),
        updated_at: new Date(),
      })),
    )
    .execute()
  const bigName = new Map(catalog.bigClasses.map((b) => [`${b.kind}:${b.code}`, b]))
  const keys = catalog.classes.map((c) => categoryKey(c.edition, c.kind, c.code))
  for (let i = 0; i < catalog.classes.length; i += 500) {
    const rows = catalog.classes.slice(i, i + 500).map((c) => {
      const big = bigName.get(`${c.kind}:${c.bigClassCode}`)
      if (!big) throw new Error(`catalog ${catalog.edition}: class ${c.code} has no big class ${c.bigClassCode}`)
      return {
        key: categoryKey(c.edition, c.kind, c.code),
        edition: c.edition,
        kind: c.kind,
        code: c.code,
        big_class_code: c.bigClassCode,
        big_class_name: big.name,
        big_class_name_en: big.nameEn,
        name: c.name,
        name_en: c.nameEn,
        default_unit_type: c.defaultUnitType,
        conditions: JSON.stringify(c.conditions),
        local: c.local,
        component_code: c.componentCode ?? null,
        note: c.note ?? null,
        catalog_version: catalog.version,
      }
    })
    const saved = await trx
      .insertInto('catalog_class')
      .values(rows)
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => ({
          big_class_name: eb.ref('excluded.big_class_name'),
          big_class_name_en: eb.ref('excluded.big_class_name_en'),
          name: eb.ref('excluded.name'),
          name_en: eb.ref('excluded.name_en'),
          default_unit_type: eb.ref('excluded.default_unit_type'),
          conditions: eb.ref('excluded.conditions'),
          local: eb.ref('excluded.local'),
          component_code: eb.ref('excluded.component_code'),
          note: eb.ref('excluded.note'),
          catalog_version: eb.ref('excluded.catalog_version'),
          version: eb('catalog_class.version', '+', 1),
          updated_at: new Date(),
        })),
      )
      .returningAll()
      .execute()
    await recordChanges(
      trx,
      saved.map((row) => ({ entity: 'catalog_class', id: row.key, op: 'upsert', data: presentCatalogClass(row) })),
    )
  }
  let stale = trx.deleteFrom('catalog_class').where('edition', '=', catalog.edition)
  if (keys.length > 0) stale = stale.where('key', 'not in', keys)
  const removed = await stale.returning('key').execute()
  await recordChanges(
    trx,
    removed.map((r) => ({ entity: 'catalog_class', id: r.key, op: 'delete' })),
  )
}

/** The stored catalog of one edition, or undefined when that edition was never loaded. */
export async function readCatalog(db: Kysely<Database>, edition: Edition): Promise<Catalog | undefined> {
  const head = await db.selectFrom('catalog_edition').selectAll().where('edition', '=', edition).executeTakeFirst()
  if (!head) return undefined
  const rows = await db.selectFrom('catalog_class').selectAll().where('edition', '=', edition).orderBy('kind').orderBy('code').execute()
  return {
    edition,
    standard: head.standard,
    version: head.catalog_version,
    bigClasses: head.big_classes as BigClass[],
    classes: rows.map(classFromRow),
  }
}

/** Converts a row back to core's CategoryClass. */
export function classFromRow(row: ClassRow): CategoryClass {
  return {
    edition: row.edition,
    kind: row.kind,
    code: row.code,
    bigClassCode: row.big_class_code,
    name: row.name,
    nameEn: row.name_en,
    defaultUnitType: row.default_unit_type as CategoryClass['defaultUnitType'],
    conditions: row.conditions as FilingCondition[],
    local: row.local,
    ...(row.component_code ? { componentCode: row.component_code } : {}),
    ...(row.note ? { note: row.note } : {}),
  }
}

/** The editions held, each with its number of classes (small and big), oldest first. */
export async function listCatalogEditions(db: Db) {
  const rows = await db
    .selectFrom('catalog_edition as e')
    .leftJoin('catalog_class as c', 'c.edition', 'e.edition')
    .select(['e.edition', 'e.standard', 'e.catalog_version', (eb) => eb.fn.count<string>('c.key').as('classes')])
    .groupBy(['e.edition', 'e.standard', 'e.catalog_version'])
    .orderBy('e.edition')
    .execute()
  return rows.map((r) => ({ edition: r.edition, standard: r.standard, catalogVersion: r.catalog_version, classes: Number(r.classes) }))
}

/** One edition's head row (standard, version, big classes), or undefined. */
export function getCatalogEdition(db: Db, edition: Edition) {
  return db.selectFrom('catalog_edition').selectAll().where('edition', '=', edition).executeTakeFirst()
}

/** An edition's classes by kind and code; `q` matches code, Chinese or English name (LIKE wildcards escaped). */
export function listCatalogClasses(db: Db, edition: Edition, filter: { readonly kind?: 'component' | 'event'; readonly q?: string } = {}) {
  let q = db.selectFrom('catalog_class').selectAll().where('edition', '=', edition).orderBy('kind').orderBy('code')
  if (filter.kind) q = q.where('kind', '=', filter.kind)
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, '\\$&')}%`
    q = q.where((eb) => eb.or([eb('code', 'like', like), eb('name', 'like', like), eb('name_en', 'ilike', like)]))
  }
  return q.execute()
}
