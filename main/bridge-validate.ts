/**
 * Checks the arguments of every bridge call before main/ acts on them, against the contract's TypeBox
 * schemas (contracts/bridge/params.ts: BRIDGE_PARAMS), compiled once. Both transports (Electron IPC and
 * browser-mode HTTP) pass what arrived here, so a renderer — or any page that reached the host — cannot
 * hand the services anything the contract does not allow. A refusal names the method, the argument and
 * the field: "layers.grids: query.bbox[2] must be between -180 and 180, got 190".
 */
import type { TSchema } from 'typebox'
import { Compile } from 'typebox/compile'
import {
  BRIDGE_PARAMS,
  isBridgeMethod,
  SettingsPatch,
  type BridgeArgs,
  type BridgeMethod,
  type BridgeParam,
  type Result,
} from '../contracts/bridge/index.js'

/** An argument that breaks the contract. */
export class BadArgument extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BadArgument'
  }
}

/** What is wrong with `value` (named `path` in the message), or undefined when the schema accepts it. */
type Check = (value: unknown, path: string) => string | undefined

interface CompiledParam {
  readonly name: string
  readonly optional: boolean
  readonly check: Check
}

const COMPILED = new Map<BridgeMethod, readonly CompiledParam[]>()

function paramsOf(method: BridgeMethod): readonly CompiledParam[] {
  let params = COMPILED.get(method)
  if (!params) {
    params = (BRIDGE_PARAMS[method] as readonly BridgeParam[]).map((p) => ({
      name: p.name,
      optional: p.optional,
      check: compileCheck(p.schema),
    }))
    COMPILED.set(method, params)
  }
  return params
}

/** Validates a call's arguments (a JSON array) for `method`. */
export function validateArgs<M extends BridgeMethod>(method: M, args: unknown): Result<BridgeArgs<M>> {
  if (!isBridgeMethod(method)) return fail(`unknown method "${String(method).slice(0, 60)}"`)
  if (!Array.isArray(args)) return fail(`${method}: arguments must be an array`)
  // Electron's structured clone carries more than JSON (undefined fields, NaN, Dates, cycles): reduce it to
  // what browser mode's JSON carries, so both transports check — and hand on — the same plain data.
  let data: unknown[]
  try {
    data = JSON.parse(JSON.stringify(args)) as unknown[]
  } catch {
    return fail(`${method}: arguments must be JSON data`)
  }
  const params = paramsOf(method)
  const min = params.filter((p) => !p.optional).length
  if (data.length < min || data.length > params.length) {
    return fail(
      min === params.length
        ? `${method}: takes ${min} argument(s), got ${data.length}`
        : `${method}: takes ${min} to ${params.length} arguments, got ${data.length}`,
    )
  }
  const out: unknown[] = []
  for (const [i, p] of params.entries()) {
    const value = data[i]
    // A missing option and a null one are the same (JSON turns a middle `undefined` into null).
    if (p.optional && (value === undefined || value === null)) {
      out.push(undefined)
      continue
    }
    const problem = p.check(value, p.name)
    if (problem !== undefined) return fail(`${method}: ${problem}`)
    out.push(value)
  }
  while (out.length > 0 && out.at(-1) === undefined) out.pop()
  return { ok: true, value: out as BridgeArgs<M> }
}

const checkSettingsPatch = compileCheck(SettingsPatch)

/** Validates a settings patch (every key optional, none unknown); throws BadArgument naming the field. */
export function settingsPatch(value: unknown): SettingsPatch {
  const problem = checkSettingsPatch(value, 'patch')
  if (problem !== undefined) throw new BadArgument(problem)
  return value as SettingsPatch
}

function fail(message: string): { ok: false; error: { code: 'BAD_REQUEST'; message: string } } {
  return { ok: false, error: { code: 'BAD_REQUEST', message } }
}

/**
 * Compiles a schema into a Check. A union with a `discriminator` (the command union) is checked against the
 * branch its discriminating field names, so the message names that branch's field.
 */
function compileCheck(schema: TSchema): Check {
  const s = schema as { discriminator?: string; anyOf?: readonly TSchema[] }
  if (s.discriminator && s.anyOf) {
    const key = s.discriminator
    const branches = new Map<unknown, Check>()
    for (const branch of s.anyOf) {
      const tag = (branch as { properties?: Record<string, { const?: unknown }> }).properties?.[key]?.const
      branches.set(tag, compileCheck(branch))
    }
    return (value, path) => {
      if (value === null || typeof value !== 'object' || Array.isArray(value))
        return `${path} must be an object`
      const tag = (value as Record<string, unknown>)[key]
      const check = branches.get(tag)
      if (!check) return `${path}.${key} must be one of ${[...branches.keys()].join(', ')}, got ${show(tag)}`
      return check(value, path)
    }
  }
  const validator = Compile(schema)
  return (value, path) => {
    if (validator.Check(value)) return undefined
    const errors = validator.Errors(value)
    // 'boolean' (an extra field's `false` schema) and 'anyOf' only echo a more telling error beside them.
    const error = errors.find((e) => e.keyword !== 'boolean' && e.keyword !== 'anyOf') ?? errors[0]
    if (!error) return `${path} is not valid`
    return describe(error, schema, value, path)
  }
}

interface SchemaError {
  readonly keyword: string
  readonly schemaPath: string
  readonly instancePath: string
  readonly params: object
  readonly message: string
}

/** One validation error as a sentence naming the field: "query.statuses[0] must be one of …". */
function describe(error: SchemaError, root: TSchema, rootValue: unknown, rootPath: string): string {
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
  const path = rootPath + segments.map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s}`)).join('')
  const value = segments.reduce<unknown>((v, s) => (v as Record<string, unknown> | undefined)?.[s], rootValue)
  const schema = schemaAt(root, error.schemaPath)
  const p = error.params as Record<string, unknown>
  const named = typeof schema.errorMessage === 'string' ? schema.errorMessage : undefined
  switch (error.keyword) {
    case 'additionalProperties':
      return `${path}.${String((p.additionalProperties as string[])[0])} is not a known field`
    case 'required':
      return `${path}.${String((p.requiredProperties as string[])[0])} is required`
    case '~refine': {
      const message = String(p.message)
      return /^[:.]/.test(message) ? path + message : `${path} ${message}`
    }
    case 'type':
      return `${path} must be ${TYPE_NAMES[String(p.type)] ?? String(p.type)}`
    case 'enum':
      return `${path} must be one of ${(p.allowedValues as unknown[]).join(', ')}, got ${show(value)}`
    case 'const':
      return `${path} must be ${show(p.allowedValue)}, got ${show(value)}`
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      if (typeof schema.minimum === 'number' && typeof schema.maximum === 'number')
        return `${path} must be between ${schema.minimum} and ${schema.maximum}, got ${show(value)}`
      return `${path} must be ${String(p.comparison)} ${String(p.limit)}, got ${show(value)}`
    case 'maxLength':
      return `${path} is longer than ${String(p.limit)} characters`
    case 'maxItems':
      return named ? `${path} must be ${named}` : `${path} has more than ${String(p.limit)} items`
    case 'minItems':
      return named ? `${path} must be ${named}` : `${path} has fewer than ${String(p.limit)} items`
    case 'pattern':
      return `${path} must be ${named ?? `like /${String(p.pattern)}/`}, got ${show(value)}`
    default:
      return `${path} ${error.message}`
  }
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  number: 'a finite number',
  integer: 'a whole number',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  null: 'null',
}

/** The sub-schema a schemaPath ('#/properties/bbox/prefixItems/0') points at ({} when it leads nowhere). */
function schemaAt(root: TSchema, pointer: string): Record<string, unknown> {
  let at: unknown = root
  for (const raw of pointer.replace(/^#\/?/, '').split('/')) {
    if (raw === '') continue
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~')
    at = at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined
  }
  return at && typeof at === 'object' ? (at as Record<string, unknown>) : {}
}

/** A value as a message quotes it, cut short. */
function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 42 ? `${text.slice(0, 40)}…` : text
}
