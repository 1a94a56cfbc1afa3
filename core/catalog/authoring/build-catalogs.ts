/**
 * @module core/catalog/authoring/build-catalogs
 * 目录生成 — expands the authored rows and condition families into the two catalogs and renders them as the
 * committed JSON files (sorted by kind and code, 2-space indent). Pure: `build-data.mts` writes the files.
 */
import { categoryKey } from '../category-key.js'
import type { BigClass, Catalog, CategoryClass, CategoryKind, Edition, FilingCondition } from '../types.js'
import { EDITION_STANDARDS, SAFETY_ON_SITE_LIMIT } from '../types.js'
import type { BigClassRow, ClassRow, ConditionDraft } from './drafts.js'
import {
  COMPONENT_BIG_CLASSES_2013,
  COMPONENTS_2013,
  EVENT_BIG_CLASSES_2013,
  EVENTS_2013,
} from './rows-2013.js'
import { COMPONENT_BIG_CLASSES_2026, COMPONENTS_2026 } from './rows-2026-components.js'
import { MATTER_BIG_CLASSES_2026, MATTERS_2026 } from './rows-2026-matters.js'

/** Data version of the generated files; bump when the data changes. */
export const DATA_VERSIONS: Readonly<Record<Edition, string>> = { '2013': '2013.1', '2026': '2026.1' }

/** File name of each edition's data file under core/catalog/data/. */
export const DATA_FILES: Readonly<Record<Edition, string>> = {
  '2013': 'gbt-30428.2-2013.json',
  '2026': 'gbt-47678.5-2026.json',
}

function condition(id: string, d: ConditionDraft): FilingCondition {
  const base = { id, text: d.text, textEn: d.textEn, urgency: d.urgency }
  const tail = { limits: d.limits, closing: d.closing }
  if (d.safetyHazard === undefined) return { ...base, ...tail }
  return { ...base, safetyHazard: d.safetyHazard, onSiteLimit: SAFETY_ON_SITE_LIMIT, ...tail }
}

interface Extra {
  readonly componentCode?: string
}

function smallClass(edition: Edition, kind: CategoryKind, r: ClassRow, extra: Extra = {}): CategoryClass {
  const key = categoryKey(edition, kind, r.code)
  const drafts = r.family({ name: r.name, nameEn: r.nameEn })
  return {
    edition,
    kind,
    code: r.code,
    bigClassCode: r.code.slice(0, 2),
    name: r.name,
    nameEn: r.nameEn,
    defaultUnitType: r.unit,
    local: false,
    ...(r.note === undefined ? {} : { note: r.note }),
    ...(extra.componentCode === undefined ? {} : { componentCode: extra.componentCode }),
    conditions: drafts.map((d, i) => condition(`${key}:${String(i + 1).padStart(2, '0')}`, d)),
  }
}

function bigClasses(edition: Edition, kind: CategoryKind, rows: readonly BigClassRow[]): BigClass[] {
  return rows.map((r) => ({ edition, kind, code: r.code, name: r.name, nameEn: r.nameEn, local: false }))
}

function byKindAndCode<T extends { readonly kind: CategoryKind; readonly code: string }>(a: T, b: T): number {
  if (a.kind !== b.kind) return a.kind === 'component' ? -1 : 1
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0
}

function catalog(edition: Edition, big: BigClass[], classes: CategoryClass[]): Catalog {
  return {
    edition,
    standard: EDITION_STANDARDS[edition],
    version: DATA_VERSIONS[edition],
    bigClasses: big.sort(byKindAndCode),
    classes: classes.sort(byKindAndCode),
  }
}

/** 〈部件〉异常 — the 2026 matter that mirrors a component (standards.md §4.2: same code, kind event). */
export function mirrorMatter(component: ClassRow): CategoryClass {
  const matter: ClassRow = {
    ...component,
    name: `${component.name}异常`,
    nameEn: `${component.nameEn} anomaly`,
    // The conditions speak of the component itself: '供水井盖丢失、破损/移位', not '供水井盖异常丢失…'.
    family: () => component.family({ name: component.name, nameEn: component.nameEn }),
  }
  return smallClass('2026', 'event', matter, { componentCode: component.code })
}

/** Builds the GB/T 30428.2-2013 catalog from the authored rows. */
export function buildCatalog2013(): Catalog {
  return catalog(
    '2013',
    [
      ...bigClasses('2013', 'component', COMPONENT_BIG_CLASSES_2013),
      ...bigClasses('2013', 'event', EVENT_BIG_CLASSES_2013),
    ],
    [
      ...COMPONENTS_2013.map((r) => smallClass('2013', 'component', r)),
      ...EVENTS_2013.map((r) => smallClass('2013', 'event', r)),
    ],
  )
}

/** Builds the GB/T 47678.5-2026 catalog: 153 components, their 153 异常 matters and 97 other matters. */
export function buildCatalog2026(): Catalog {
  return catalog(
    '2026',
    [
      ...bigClasses('2026', 'component', COMPONENT_BIG_CLASSES_2026),
      ...bigClasses('2026', 'event', MATTER_BIG_CLASSES_2026),
    ],
    [
      ...COMPONENTS_2026.map((r) => smallClass('2026', 'component', r)),
      ...COMPONENTS_2026.map(mirrorMatter),
      ...MATTERS_2026.map((r) => smallClass('2026', 'event', r)),
    ],
  )
}

/** Renders a catalog as its data file: pretty-printed with 2 spaces, ending in a newline. */
export function renderCatalog(c: Catalog): string {
  return `${JSON.stringify(c, null, 2)}\n`
}

/** Every data file by name, rendered. */
export function renderCatalogFiles(): Readonly<Record<string, string>> {
  return {
    [DATA_FILES['2013']]: renderCatalog(buildCatalog2013()),
    [DATA_FILES['2026']]: renderCatalog(buildCatalog2026()),
  }
}
