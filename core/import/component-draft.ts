import { parseComponentCode } from '../codes/component-code.js'
import { parseUnitGridCode } from '../codes/unit-grid-code.js'
import {
  COMPONENT_DATA_SOURCES,
  COMPONENT_STATUS_NAMES,
  COMPONENT_STATUSES,
  type ComponentDataSource,
  type ComponentStatus,
} from '../component/types.js'
import { tooLong } from './import-error.js'
import {
  COMPONENT_FIELD_MAX_LENGTH,
  parseImportDate,
  type CategoryNamer,
  type ComponentDraft,
  type ComponentImportField,
} from './component-fields.js'

/** What {@link buildComponentDraft} needs from one CSV line or GeoJSON feature. */
export interface DraftSource {
  /** Trimmed text of a field; undefined when absent or empty; null when unusable and already reported. */
  read(field: ComponentImportField): string | null | undefined
  /** Whether the file has the field at all (a column, or a property of this feature). */
  has(field: ComponentImportField): boolean
  /** CGCS2000 lon/lat, or undefined when the caller has already reported why there is none. */
  readonly position: readonly [number, number] | undefined
  report(field: ComponentImportField, message: string): void
  readonly categoryName?: CategoryNamer
}

const STATUS_BY_NAME: ReadonlyMap<string, ComponentStatus> = new Map([
  ...COMPONENT_STATUSES.map((s) => [s, s] as const),
  ...COMPONENT_STATUSES.map((s) => [COMPONENT_STATUS_NAMES[s], s] as const),
])
const ALLOWED_STATUSES = COMPONENT_STATUSES.map((s) => `${s} (${COMPONENT_STATUS_NAMES[s]})`).join(', ')

const WHAT: Partial<Record<ComponentImportField, string>> = {
  id: 'the component id (管理部件标识码), 16 or 17 digits',
  status: `the status (管理部件状态), one of ${ALLOWED_STATUSES}`,
  gridId: 'the unit grid id (所在单元网格标识码), 15 digits',
  initialDate: 'the survey date (初始日期), YYYY-MM-DD or YYYYMMDD',
}

/**
 * 部件记录校验 — checks one record's fields and builds a {@link ComponentDraft}, or reports every problem
 * and returns undefined. Shared by the CSV and GeoJSON importers, which differ only in how fields are read
 * and where errors point.
 *
 * Derived, not read: `edition` comes from the id's length, and `category` is `${edition}:component:${small
 * class}`. A category column, when present, must agree (as the full key or the bare small-class code).
 * `dataSource` defaults to 其他 when absent: the standard makes it optional while the record needs a value,
 * and 其他 claims nothing about the survey.
 */
export function buildComponentDraft(source: DraftSource): ComponentDraft | undefined {
  let problems = 0
  const report = (field: ComponentImportField, message: string) => {
    problems += 1
    source.report(field, message)
  }
  // Every field passes its length cap first (COMPONENT_FIELD_MAX_LENGTH); a text over it is reported once
  // and then treated as unusable (null), so no later check quotes it.
  const read = (field: ComponentImportField): string | null | undefined => {
    const text = source.read(field)
    if (typeof text !== 'string') return text
    const long = tooLong(text, COMPONENT_FIELD_MAX_LENGTH[field])
    if (long === undefined) return text
    report(field, `too long: ${long}`)
    return null
  }
  const required = (field: ComponentImportField): string | undefined => {
    const text = read(field)
    if (text === undefined) report(field, `required: ${WHAT[field] ?? field}`)
    return text ?? undefined
  }

  const idText = required('id')
  const code = idText === undefined ? undefined : parseComponentCode(idText)
  if (code && !code.ok) report('id', code.error)
  const parsedId = code?.ok ? code.value : undefined

  const statusText = required('status')
  const status = statusText === undefined ? undefined : STATUS_BY_NAME.get(statusText.toLowerCase())
  if (statusText !== undefined && status === undefined) {
    report('status', `${JSON.stringify(statusText)}: expected one of ${ALLOWED_STATUSES}`)
  }

  const gridText = required('gridId')
  const grid = gridText === undefined ? undefined : parseUnitGridCode(gridText)
  if (grid && !grid.ok) report('gridId', grid.error)

  const initialDate = readDate(read('initialDate'), 'initialDate', report, true)
  const changeDate = readDate(read('changeDate'), 'changeDate', report, false)
  if (initialDate && changeDate && changeDate < initialDate) {
    report('changeDate', `${changeDate} is before the survey date (初始日期) ${initialDate}`)
  }

  const sourceText = read('dataSource')
  const dataSource = sourceText ?? '其他'
  if (!(COMPONENT_DATA_SOURCES as readonly string[]).includes(dataSource)) {
    report(
      'dataSource',
      `${JSON.stringify(dataSource)}: expected one of ${COMPONENT_DATA_SOURCES.join(', ')}`,
    )
  }

  let category: string | undefined
  let catalogName: string | undefined
  if (parsedId) {
    category = `${parsedId.edition}:component:${parsedId.smallClassCode}`
    // The generator and exports write the edition out; it is redundant with the id's length, so it must agree.
    const edition = read('edition')
    if (edition && edition !== parsedId.edition) {
      report(
        'edition',
        `${JSON.stringify(edition)} does not match the id, whose ${parsedId.code.length} digits make it the ${parsedId.edition} edition`,
      )
    }
    const given = read('category')
    if (given && given !== category && given !== parsedId.smallClassCode) {
      report(
        'category',
        `${JSON.stringify(given)} does not match the id, whose small class is ${parsedId.smallClassCode} (${category})`,
      )
    }
    if (source.categoryName) {
      catalogName = source.categoryName(category)
      if (catalogName === undefined) {
        const field = source.has('category') ? 'category' : 'id'
        report(
          field,
          `small class ${parsedId.smallClassCode} is not in the ${parsedId.edition} catalog (${category})`,
        )
      }
    }
  }

  const name = read('name') ?? catalogName
  const optionalText = {
    ownerUnitId: read('ownerUnitId'),
    maintainerUnitId: read('maintainerUnitId'),
    note: read('note'),
  }
  if (problems > 0 || !parsedId || !category || !status || !grid?.ok || !initialDate || !source.position) {
    return undefined
  }
  const optional = (field: keyof typeof optionalText) => {
    const text = optionalText[field]
    return text ? { [field]: text } : {}
  }
  return {
    id: parsedId.code,
    edition: parsedId.edition,
    category,
    ...(name !== undefined ? { name } : {}),
    status,
    lon: source.position[0],
    lat: source.position[1],
    gridId: grid.value.canonical,
    ...optional('ownerUnitId'),
    ...optional('maintainerUnitId'),
    initialDate,
    ...(changeDate ? { changeDate } : {}),
    dataSource: dataSource as ComponentDataSource,
    ...optional('note'),
  }
}

function readDate(
  text: string | null | undefined,
  field: 'initialDate' | 'changeDate',
  report: (field: ComponentImportField, message: string) => void,
  isRequired: boolean,
): string | undefined {
  if (text === null) return undefined
  if (text === undefined) {
    if (isRequired) report(field, `required: ${WHAT[field] ?? field}`)
    return undefined
  }
  const parsed = parseImportDate(text)
  if ('problem' in parsed) {
    report(field, parsed.problem)
    return undefined
  }
  return parsed.date
}
