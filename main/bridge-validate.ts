/**
 * Checks the arguments of every bridge call before main/ acts on them. Both transports (Electron IPC and
 * browser-mode HTTP) pass what arrived here, so a renderer — or any page that reached the host — cannot
 * hand the services anything the contract does not allow.
 */
import { URGENCIES } from '../core/catalog/types.js'
import { parseCommand } from '../core/case/commands.js'
import { CASE_PHASES } from '../core/case/phase.js'
import { CASE_ACTIONS, CASE_SOURCES, CASE_STATUSES } from '../core/case/types.js'
import { COMPONENT_STATUSES } from '../core/component/types.js'
import {
  BRIDGE_METHODS,
  LIGHT_ORDER,
  type BridgeArgs,
  type BridgeMethod,
  type CaseCommandInput,
  type CaseFilter,
  type CaseListQuery,
  type NewCaseInput,
  type Result,
  type SettingsPatch,
} from '../electron/contract.js'

/** An argument that breaks the contract. */
export class BadArgument extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BadArgument'
  }
}

/** Validates a call's arguments (a JSON array) for `method`. */
export function validateArgs<M extends BridgeMethod>(method: M, args: unknown): Result<BridgeArgs<M>> {
  if (!(BRIDGE_METHODS as readonly string[]).includes(method))
    return fail(`unknown method "${String(method)}"`)
  if (!Array.isArray(args)) return fail(`${method}: arguments must be an array`)
  try {
    return { ok: true, value: (VALIDATORS[method] as (a: unknown[]) => BridgeArgs<M>)(args) }
  } catch (error) {
    if (error instanceof BadArgument) return fail(`${method}: ${error.message}`)
    throw error
  }
}

function fail(message: string): { ok: false; error: { code: 'BAD_REQUEST'; message: string } } {
  return { ok: false, error: { code: 'BAD_REQUEST', message } }
}

const VALIDATORS: { readonly [M in BridgeMethod]: (args: unknown[]) => BridgeArgs<M> } = {
  'app.info': (a) => (arity(a, 0, 0), []),
  'settings.get': (a) => (arity(a, 0, 0), []),
  'settings.set': (a) => (arity(a, 1, 1), [settingsPatch(a[0])]),
  'sync.status': (a) => (arity(a, 0, 0), []),
  'sync.start': (a) => {
    arity(a, 0, 1)
    if (a[0] === undefined || a[0] === null) return []
    const o = options(a[0], 'options', ['wait'])
    return [o.wait === undefined ? {} : { wait: bool(o.wait, 'options.wait') }]
  },
  'layers.regions': (a) => (
    arity(a, 1, 1),
    [oneOf(a[0], ['district', 'street', 'community'] as const, 'level')]
  ),
  'layers.grids': (a) => {
    arity(a, 1, 1)
    const q = options(a[0], 'query', ['bbox', 'zoom', 'format', 'limit'])
    return [
      {
        bbox: bbox(q.bbox, 'query.bbox'),
        zoom: number(q.zoom, 'query.zoom', 0, 30),
        ...(q.format !== undefined
          ? { format: oneOf(q.format, ['compact', 'geojson'] as const, 'query.format') }
          : {}),
        ...(q.limit !== undefined ? { limit: integer(q.limit, 'query.limit', 1, 60_000) } : {}),
      },
    ]
  },
  'layers.components': (a) => {
    arity(a, 1, 1)
    const q = options(a[0], 'query', ['bbox', 'zoom', 'classes', 'statuses', 'limit'])
    return [
      {
        bbox: bbox(q.bbox, 'query.bbox'),
        zoom: number(q.zoom, 'query.zoom', 0, 30),
        ...(q.classes !== undefined ? { classes: stringArray(q.classes, 'query.classes', 500, 40) } : {}),
        ...(q.statuses !== undefined
          ? {
              statuses: array(q.statuses, 'query.statuses', COMPONENT_STATUSES.length).map((s, i) =>
                oneOf(s, COMPONENT_STATUSES, `query.statuses[${i}]`),
              ),
            }
          : {}),
        ...(q.limit !== undefined ? { limit: integer(q.limit, 'query.limit', 1, 250_000) } : {}),
      },
    ]
  },
  'lookup.locate': (a) => (arity(a, 2, 3), [lon(a[0], 'lon'), lat(a[1], 'lat'), ...pointOptions(a[2])]),
  'lookup.responsible': (a) => (
    arity(a, 3, 4),
    [lon(a[0], 'lon'), lat(a[1], 'lat'), string(a[2], 'categoryKey', 60), ...pointOptions(a[3])]
  ),
  'lookup.byGridId': (a) => (arity(a, 1, 1), [pattern(a[0], 'id', /^\d{15}$/, 'a 15-digit unit grid id')]),
  'lookup.byComponentId': (a) => (
    arity(a, 1, 1),
    [pattern(a[0], 'id', /^\d{16,17}$/, 'a 16- or 17-digit component id')]
  ),
  'catalog.search': (a) => {
    arity(a, 1, 2)
    const text = string(a[0], 'text', 200)
    if (a[1] === undefined || a[1] === null) return [text]
    const o = options(a[1], 'options', ['edition', 'kind', 'limit'])
    return [
      text,
      {
        ...(o.edition !== undefined
          ? { edition: oneOf(o.edition, ['2013', '2026'] as const, 'options.edition') }
          : {}),
        ...(o.kind !== undefined
          ? { kind: oneOf(o.kind, ['component', 'event'] as const, 'options.kind') }
          : {}),
        ...(o.limit !== undefined ? { limit: integer(o.limit, 'options.limit', 1, 500) } : {}),
      },
    ]
  },
  'catalog.get': (a) => (arity(a, 1, 1), [string(a[0], 'categoryKey', 60)]),
  'search.find': (a) => {
    arity(a, 1, 2)
    const text = string(a[0], 'text', 200)
    if (a[1] === undefined || a[1] === null) return [text]
    const o = options(a[1], 'options', ['crs', 'limit'])
    return [
      text,
      {
        ...(o.crs !== undefined ? { crs: oneOf(o.crs, ['cgcs2000', 'gcj02'] as const, 'options.crs') } : {}),
        ...(o.limit !== undefined ? { limit: integer(o.limit, 'options.limit', 1, 100) } : {}),
      },
    ]
  },
  'auth.session': (a) => (arity(a, 0, 0), []),
  'auth.signIn': (a) => (
    arity(a, 2, 2),
    [nonEmpty(string(a[0], 'username', 64), 'username'), nonEmpty(string(a[1], 'password', 256), 'password')]
  ),
  'auth.signOut': (a) => (arity(a, 0, 0), []),
  'cases.list': (a) => (arity(a, 1, 1), [caseListQuery(a[0])]),
  'cases.layer': (a) => (arity(a, 1, 1), [caseFilter(a[0], 'filter', FILTER_KEYS)]),
  'cases.gridCounts': (a) => (arity(a, 1, 1), [caseFilter(a[0], 'filter', FILTER_KEYS)]),
  'cases.get': (a) => (arity(a, 1, 1), [uuid(a[0], 'id')]),
  'cases.photo': (a) => (
    arity(a, 1, 1),
    [pattern(a[0], 'photoId', /^[0-9a-f]{64}$/, 'a photo id (64 hex digits)')]
  ),
  'cases.tasks': (a) => (arity(a, 0, 0), []),
  'commands.submit': (a) => (arity(a, 1, 1), [caseCommand(a[0])]),
  'commands.status': (a) => (arity(a, 0, 0), []),
  'commands.dismiss': (a) => (arity(a, 1, 1), [uuid(a[0], 'clientId')]),
  'commands.flush': (a) => (arity(a, 0, 0), []),
}

const FILTER_KEYS = [
  'phases',
  'statuses',
  'categories',
  'sources',
  'unitIds',
  'lights',
  'hazardOnly',
  'from',
  'to',
  'bbox',
  'text',
] as const

function caseListQuery(value: unknown): CaseListQuery {
  const q = caseFilter(value, 'query', [...FILTER_KEYS, 'sort', 'limit', 'offset'])
  const o = value as Record<string, unknown>
  return {
    ...q,
    ...(o.sort !== undefined
      ? { sort: oneOf(o.sort, ['deadline', 'newest', 'updated'] as const, 'query.sort') }
      : {}),
    ...(o.limit !== undefined ? { limit: integer(o.limit, 'query.limit', 1, 2_000) } : {}),
    ...(o.offset !== undefined ? { offset: integer(o.offset, 'query.offset', 0, 10_000_000) } : {}),
  }
}

/** Validates a case filter (every field optional, none unknown). */
function caseFilter(value: unknown, what: string, allowed: readonly string[]): CaseFilter {
  const o = options(value, what, allowed)
  const list = <T extends string>(key: string, values: readonly T[]): T[] =>
    array(o[key], `${what}.${key}`, values.length).map((v, i) => oneOf(v, values, `${what}.${key}[${i}]`))
  return {
    ...(o.phases !== undefined ? { phases: list('phases', CASE_PHASES) } : {}),
    ...(o.statuses !== undefined ? { statuses: list('statuses', CASE_STATUSES) } : {}),
    ...(o.categories !== undefined
      ? { categories: stringArray(o.categories, `${what}.categories`, 500, 60) }
      : {}),
    ...(o.sources !== undefined ? { sources: list('sources', CASE_SOURCES) } : {}),
    ...(o.unitIds !== undefined ? { unitIds: stringArray(o.unitIds, `${what}.unitIds`, 500, 100) } : {}),
    ...(o.lights !== undefined ? { lights: list('lights', LIGHT_ORDER) } : {}),
    ...(o.hazardOnly !== undefined ? { hazardOnly: bool(o.hazardOnly, `${what}.hazardOnly`) } : {}),
    ...(o.from !== undefined ? { from: isoTime(o.from, `${what}.from`) } : {}),
    ...(o.to !== undefined ? { to: isoTime(o.to, `${what}.to`) } : {}),
    ...(o.bbox !== undefined ? { bbox: bbox(o.bbox, `${what}.bbox`) } : {}),
    ...(o.text !== undefined ? { text: string(o.text, `${what}.text`, 200) } : {}),
  }
}

const NEW_CASE_KEYS = [
  'lon',
  'lat',
  'categoryKey',
  'conditionId',
  'urgency',
  'source',
  'address',
  'description',
  'reporterName',
  'reporterContact',
  'componentId',
] as const

/**
 * Validates a command for the outbox: a new case's fields as the central API takes them, or an action
 * whose payload core's parseCommand accepts (the same check the central API makes), naming the field.
 */
function caseCommand(value: unknown): CaseCommandInput {
  const c = options(value, 'command', [
    'kind',
    'input',
    'caseId',
    'caseClientId',
    'version',
    'action',
    'payload',
  ])
  const kind = oneOf(c.kind, ['create', 'action'] as const, 'command.kind')
  if (kind === 'create') {
    options(value, 'command', ['kind', 'input'])
    const i = options(c.input, 'command.input', NEW_CASE_KEYS)
    const opt = <K extends keyof NewCaseInput>(
      key: K,
      check: (v: unknown, what: string) => NewCaseInput[K],
    ) => (i[key] !== undefined ? { [key]: check(i[key], `command.input.${key}`) } : {})
    const input: NewCaseInput = {
      lon: lon(i.lon, 'command.input.lon'),
      lat: lat(i.lat, 'command.input.lat'),
      categoryKey: nonEmpty(
        string(i.categoryKey, 'command.input.categoryKey', 60),
        'command.input.categoryKey',
      ),
      ...opt('conditionId', (v, w) => nonEmpty(string(v, w, 60), w)),
      ...opt('urgency', (v, w) => oneOf(v, URGENCIES, w)),
      ...opt('source', (v, w) => oneOf(v, CASE_SOURCES, w)),
      ...opt('address', (v, w) => string(v, w, 500)),
      ...opt('description', (v, w) => string(v, w, 4_000)),
      ...opt('reporterName', (v, w) => string(v, w, 100)),
      ...opt('reporterContact', (v, w) => string(v, w, 100)),
      ...opt('componentId', (v, w) => pattern(v, w, /^\d{16,17}$/, 'a 16- or 17-digit component id')),
    }
    return { kind, input }
  }
  options(value, 'command', ['kind', 'caseId', 'caseClientId', 'version', 'action', 'payload'])
  if ((c.caseId === undefined) === (c.caseClientId === undefined))
    throw new BadArgument('command: name the case by exactly one of caseId and caseClientId')
  const action = oneOf(c.action, CASE_ACTIONS, 'command.action')
  const payload = options(c.payload, 'command.payload', Object.keys(c.payload ?? {}))
  for (const key of ['action', 'version'])
    if (key in payload) throw new BadArgument(`command.payload.${key} is not a payload field`)
  const parsed = parseCommand({ ...payload, action })
  if (!parsed.ok) throw new BadArgument(`command.payload.${parsed.issue.field}: ${parsed.issue.message}`)
  const known = new Set(Object.keys(parsed.command))
  for (const key of Object.keys(payload))
    if (!known.has(key)) throw new BadArgument(`command.payload.${key} is not a field of ${action}`)
  const version = c.version === undefined ? undefined : integer(c.version, 'command.version', 1, 2 ** 31 - 1)
  if (c.caseId !== undefined && version === undefined)
    throw new BadArgument('command.version: the version the action was decided on is required')
  return {
    kind,
    ...(c.caseId !== undefined ? { caseId: uuid(c.caseId, 'command.caseId') } : {}),
    ...(c.caseClientId !== undefined ? { caseClientId: uuid(c.caseClientId, 'command.caseClientId') } : {}),
    ...(version !== undefined ? { version } : {}),
    action,
    payload: JSON.parse(JSON.stringify(payload)) as Record<string, unknown>,
  }
}

const SETTINGS_KEYS = [
  'language',
  'basemap',
  'tiandituToken',
  'tiandituMatrixSet',
  'customBasemapUrl',
  'customBasemapProjection',
  'closedCaseDays',
] as const

/** Validates a settings patch (every key optional, none unknown). */
export function settingsPatch(value: unknown): SettingsPatch {
  const o = options(value, 'patch', SETTINGS_KEYS)
  const out: { -readonly [K in keyof SettingsPatch]: SettingsPatch[K] } = {}
  if (o.language !== undefined) out.language = oneOf(o.language, ['zh-CN', 'en'] as const, 'patch.language')
  if (o.basemap !== undefined)
    out.basemap = oneOf(
      o.basemap,
      ['tianditu-vec', 'tianditu-img', 'custom', 'none'] as const,
      'patch.basemap',
    )
  if (o.tiandituToken !== undefined)
    out.tiandituToken = pattern(
      o.tiandituToken,
      'patch.tiandituToken',
      /^[0-9A-Za-z]{0,64}$/,
      'a 天地图 key (letters and digits)',
    )
  if (o.tiandituMatrixSet !== undefined)
    out.tiandituMatrixSet = oneOf(o.tiandituMatrixSet, ['c', 'w'] as const, 'patch.tiandituMatrixSet')
  if (o.customBasemapUrl !== undefined)
    out.customBasemapUrl = tileUrl(o.customBasemapUrl, 'patch.customBasemapUrl')
  if (o.customBasemapProjection !== undefined) {
    out.customBasemapProjection = oneOf(
      o.customBasemapProjection,
      ['EPSG:3857', 'EPSG:4490'] as const,
      'patch.customBasemapProjection',
    )
  }
  if (o.closedCaseDays !== undefined)
    out.closedCaseDays = integer(o.closedCaseDays, 'patch.closedCaseDays', 0, 3650)
  return out
}

function tileUrl(value: unknown, what: string): string {
  const text = string(value, what, 2_000)
  if (text === '') return ''
  let url: URL
  try {
    // Placeholders such as {z} are not valid in a host, but are in a path or query.
    url = new URL(text.replace(/\{[^}]*\}/g, '0'))
  } catch {
    throw new BadArgument(`${what} is not a URL`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new BadArgument(`${what} must be an http(s) URL`)
  if (url.username || url.password) throw new BadArgument(`${what} must not carry credentials`)
  return text
}

function pointOptions(value: unknown): [] | [{ crs?: 'cgcs2000' | 'gcj02' }] {
  if (value === undefined || value === null) return []
  const o = options(value, 'options', ['crs'])
  return [o.crs === undefined ? {} : { crs: oneOf(o.crs, ['cgcs2000', 'gcj02'] as const, 'options.crs') }]
}

function arity(args: readonly unknown[], min: number, max: number): void {
  if (args.length < min || args.length > max) {
    throw new BadArgument(
      min === max
        ? `takes ${min} argument(s), got ${args.length}`
        : `takes ${min} to ${max} arguments, got ${args.length}`,
    )
  }
}

function options(value: unknown, what: string, allowed: readonly string[]): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new BadArgument(`${what} must be an object`)
  for (const key of Object.keys(value))
    if (!allowed.includes(key)) throw new BadArgument(`${what}.${key} is not a known field`)
  return value as Record<string, unknown>
}

function string(value: unknown, what: string, max: number): string {
  if (typeof value !== 'string') throw new BadArgument(`${what} must be a string`)
  if (value.length > max) throw new BadArgument(`${what} is longer than ${max} characters`)
  return value
}

function pattern(value: unknown, what: string, re: RegExp, description: string): string {
  const text = string(value, what, 200)
  if (!re.test(text)) throw new BadArgument(`${what} must be ${description}, got "${text.slice(0, 40)}"`)
  return text
}

function nonEmpty(text: string, what: string): string {
  if (text.trim() === '') throw new BadArgument(`${what} must not be empty`)
  return text
}

function uuid(value: unknown, what: string): string {
  return pattern(value, what, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'a UUID')
}

function isoTime(value: unknown, what: string): string {
  const text = string(value, what, 40)
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || Number.isNaN(Date.parse(text)))
    throw new BadArgument(`${what} must be an ISO 8601 time, got "${text}"`)
  return text
}

function bool(value: unknown, what: string): boolean {
  if (typeof value !== 'boolean') throw new BadArgument(`${what} must be true or false`)
  return value
}

function number(value: unknown, what: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new BadArgument(`${what} must be a finite number`)
  if (value < min || value > max)
    throw new BadArgument(`${what} must be between ${min} and ${max}, got ${value}`)
  return value
}

function integer(value: unknown, what: string, min: number, max: number): number {
  const n = number(value, what, min, max)
  if (!Number.isInteger(n)) throw new BadArgument(`${what} must be a whole number`)
  return n
}

const lon = (v: unknown, what: string) => number(v, what, -180, 180)
const lat = (v: unknown, what: string) => number(v, what, -90, 90)

function array(value: unknown, what: string, max: number): unknown[] {
  if (!Array.isArray(value)) throw new BadArgument(`${what} must be an array`)
  if (value.length > max) throw new BadArgument(`${what} has more than ${max} items`)
  return value
}

function stringArray(value: unknown, what: string, max: number, maxLength: number): string[] {
  return array(value, what, max).map((v, i) => string(v, `${what}[${i}]`, maxLength))
}

function bbox(value: unknown, what: string): readonly [number, number, number, number] {
  const a = array(value, what, 4)
  if (a.length !== 4) throw new BadArgument(`${what} must be [minLon, minLat, maxLon, maxLat]`)
  const box = [
    lon(a[0], `${what}[0]`),
    lat(a[1], `${what}[1]`),
    lon(a[2], `${what}[2]`),
    lat(a[3], `${what}[3]`),
  ] as const
  if (box[0] > box[2] || box[1] > box[3]) throw new BadArgument(`${what}: min must not exceed max`)
  return box
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], what: string): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw new BadArgument(
      `${what} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)?.slice(0, 40)}`,
    )
  }
  return value as T
}
