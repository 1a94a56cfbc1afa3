import { unescape } from 'node:querystring'
import fc from 'fast-check'
import type { FastifyInstance } from 'fastify'

// A seeded HTTP fuzzer for the central API. The routes come from the app's own OpenAPI document, so a
// route added later is fuzzed without touching this file. Each request is built from the route's declared
// parameters and body schema, then spoiled: wrong types, huge and odd strings (NUL, lone surrogates, RTL),
// non-finite and out-of-range numbers, bad ids and path traversal, bad JSON, wrong content types, uploads
// that are not images or too large; sent as nobody, as signed-in people of a few roles and with an API key.
// Every answer must be below 500 and carry no stack trace or internal path.

/** One way of calling the API: the headers a caller sends. */
export interface FuzzCaller {
  readonly name: string
  readonly headers: Readonly<Record<string, string>>
  /** True for a caller whose session the fuzzer must not end (POST /auth/logout is skipped for it). */
  readonly keepSession?: boolean
  /** True for the desk roles that may sync cases; the feed must not carry cases to anyone else. */
  readonly seesCases?: boolean
}

/** Real values that let a request get past "not found" into the route's logic, by parameter or field name. */
export type KnownValues = Readonly<Record<string, readonly unknown[]>>

/** An endpoint as the OpenAPI document describes it. */
export interface FuzzRoute {
  readonly method: string
  /** The path template, e.g. /api/v1/cases/{id}. */
  readonly path: string
  readonly params: ReadonlyArray<{ readonly in: 'path' | 'query' | 'header'; readonly name: string; readonly schema: JsonSchema }>
  readonly body?: JsonSchema
}

/** The parts of JSON Schema the generator reads. */
export interface JsonSchema {
  readonly type?: string | readonly string[]
  readonly enum?: readonly unknown[]
  readonly anyOf?: readonly JsonSchema[]
  readonly oneOf?: readonly JsonSchema[]
  readonly properties?: Readonly<Record<string, JsonSchema>>
  readonly required?: readonly string[]
  readonly additionalProperties?: boolean | JsonSchema
  readonly items?: JsonSchema
  readonly minimum?: number
  readonly maximum?: number
  readonly minLength?: number
  readonly maxLength?: number
  readonly maxItems?: number
}

/** A request ready for app.inject. */
export interface FuzzRequest {
  readonly route: string
  readonly caller: string
  readonly method: string
  readonly url: string
  readonly headers: Record<string, string>
  readonly payload?: string | Buffer
}

export interface FuzzFailure {
  readonly index: number
  readonly request: { route: string; caller: string; method: string; url: string; headers: Record<string, string>; payload?: string }
  readonly status: number
  readonly problem: string
  readonly body: string
}

export interface FuzzReport {
  readonly seed: number
  readonly count: number
  readonly byStatus: Record<string, number>
  readonly byRoute: Record<string, Record<string, number>>
  readonly failures: readonly FuzzFailure[]
  readonly ms: number
}

/** The endpoints of the app, from its OpenAPI document (hidden routes such as the docs UI are not in it). */
export function routesOf(app: FastifyInstance): FuzzRoute[] {
  type Op = { parameters?: Array<{ in: string; name: string; schema?: JsonSchema }>; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }
  const doc = app.swagger() as { paths?: Record<string, Record<string, Op>> }
  const routes: FuzzRoute[] = []
  for (const [path, ops] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(ops)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue
      const params = (op.parameters ?? [])
        .filter((p): p is { in: 'path' | 'query' | 'header'; name: string; schema?: JsonSchema } => ['path', 'query', 'header'].includes(p.in))
        .map((p) => ({ in: p.in, name: p.name, schema: p.schema ?? {} }))
      const body = op.requestBody?.content?.['application/json']?.schema
      routes.push({ method: method.toUpperCase(), path, params, ...(body ? { body } : {}) })
    }
  }
  return routes.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`))
}

// ---- hostile values --------------------------------------------------------------------------------

const HUGE = 'x'.repeat(100_000)
const hostileStrings: readonly string[] = [
  '',
  ' ',
  HUGE,
  '字'.repeat(20_000),
  'a\u0000b',
  '\u0000',
  '\ud800',
  'x\udc00y',
  '\u202eevil\u202c',
  '\u200f\u061c مرحبا',
  '\ufeff\ufffe\uffff',
  '😀'.repeat(500),
  'e\u0301\u0301\u0301\u0301\u0301\u0301\u0301',
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '/etc/passwd',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  'file:///etc/passwd',
  "' or 1=1 --",
  '"; drop table change_log; --',
  '$1',
  '%',
  '%s%s%s%n',
  '<script>alert(1)</script>',
  '{{constructor.constructor("x")()}}',
  '__proto__',
  'constructor',
  'Infinity',
  '-Infinity',
  'NaN',
  '1e999',
  '-1e999',
  '0x10',
  '9'.repeat(40),
  '-1',
  '0',
  '1.5',
  'null',
  'true',
  '[]',
  '00000000-0000-0000-0000-000000000000',
  '2026-02-30T25:61:00Z',
  '\n\r\t',
]

const hostileNumbers: readonly number[] = [0, -0, -1, 1.5, 0.1, 2 ** 31, 2 ** 53 + 2, 1e15, 1e308, -1e308, 5e-324, 181, -91, 2101, 1e12]

// Built once: arbitraries are cheap to sample and dear to build.
const HOSTILE_STRING: fc.Arbitrary<string> = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...hostileStrings) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
)
const hostileString = () => HOSTILE_STRING

function deepArray(depth: number): unknown {
  let v: unknown = 1
  for (let i = 0; i < depth; i++) v = [v]
  return v
}

const HOSTILE_VALUE: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: HOSTILE_STRING },
  { weight: 3, arbitrary: fc.constantFrom(...hostileNumbers) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [null], { a: 1 }, deepArray(60), Array.from({ length: 5_000 }, (_, i) => i)) },
)
const hostileValue = () => HOSTILE_VALUE

// ---- values shaped by a schema ---------------------------------------------------------------------

/**
 * A value for a field of `schema` named `name`: a real value from `known`, one of the schema's shape, or
 * (unless `clean`) a hostile one. Clean values let a request reach the route's logic; a request built of
 * clean values with one field spoiled tests that field's check alone.
 */
function shaped(schema: JsonSchema, name: string, known: KnownValues, depth: number, clean = false): fc.Arbitrary<unknown> {
  const choices: Array<fc.WeightedArbitrary<unknown>> = []
  const pool = known[name]
  if (pool && pool.length > 0) choices.push({ weight: clean ? 9 : 6, arbitrary: fc.constantFrom(...pool) })
  choices.push({ weight: clean && pool ? 1 : 3, arbitrary: plain(schema, known, depth, clean) })
  if (!clean) choices.push({ weight: 1, arbitrary: hostileValue() })
  return fc.oneof(...choices)
}

function plain(schema: JsonSchema, known: KnownValues, depth: number, clean = false): fc.Arbitrary<unknown> {
  const alternatives = schema.anyOf ?? schema.oneOf
  if (alternatives && alternatives.length > 0) return fc.oneof(...alternatives.map((s) => plain(s, known, depth, clean)))
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum)
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type
  switch (type) {
    case 'string': {
      const text = fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.max(schema.minLength ?? 0, Math.min(schema.maxLength ?? 30, 30)) })
      return clean ? text : fc.oneof(text, hostileString())
    }
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? -1e6
      const max = schema.maximum ?? 1e6
      const inRange = type === 'integer' ? fc.integer({ min: Math.ceil(min), max: Math.floor(Math.min(max, 2 ** 31 - 1)) }) : fc.double({ min, max, noNaN: true })
      return clean ? inRange : fc.oneof({ weight: 3, arbitrary: inRange }, { weight: 1, arbitrary: fc.constantFrom(min - 1, max + 1, ...hostileNumbers) })
    }
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    case 'array':
      return depth > 3 ? fc.constant([]) : fc.array(shaped(schema.items ?? {}, '', known, depth + 1, clean), { maxLength: Math.min(schema.maxItems ?? 4, 4) })
    case 'object':
      return depth > 3 ? fc.constant({}) : objectOf(schema, known, depth + 1, clean)
    default:
      return clean ? fc.oneof(fc.string({ maxLength: 10 }), fc.integer({ min: 0, max: 100 })) : hostileValue()
  }
}

/** Payload fields of the case actions (ActionBody takes them besides action and version). */
const EXTRA_FIELDS = [
  'unitId', 'subUnitId', 'inspectorId', 'reason', 'note', 'measures', 'team', 'duration', 'handleLimit', 'costYuan', 'lon', 'lat',
  'photoId', 'photoIds', 'afterPhotoIds', 'categoryKey', 'conditionId', 'areaClass', 'urgency', 'safetyHazard', 'outcome', 'decision', 'result',
]

function objectOf(schema: JsonSchema, known: KnownValues, depth: number, clean = false): fc.Arbitrary<unknown> {
  const props = Object.entries(schema.properties ?? {})
  const required = new Set(schema.required ?? [])
  // A clean object leaves out the optional free-text fields it has no real value for (patterns, ids).
  const cleanable = ([k, s]: [string, JsonSchema]) => required.has(k) || known[k] !== undefined || s.enum !== undefined || s.anyOf !== undefined || s.type !== 'string'
  const fields = props.filter((p) => !clean || cleanable(p)).map(([k, s]) =>
    fc.tuple(fc.constant(k), shaped(s, k, known, depth, clean), fc.integer({ min: 0, max: 9 })).map(([key, v, roll]) =>
      // Required fields are (almost always) present, optional ones half the time.
      (required.has(key) ? clean || roll < 9 : roll < 5) ? ([key, v] as const) : undefined,
    ),
  )
  const open = schema.additionalProperties !== false
  const payloadField = fc.constantFrom(...EXTRA_FIELDS).chain((k) => shaped({}, k, known, depth, clean).map((v) => [k, v] as const))
  const extra = clean ? payloadField : fc.oneof({ weight: open ? 4 : 1, arbitrary: payloadField }, { weight: 1, arbitrary: fc.tuple(hostileString(), hostileValue()) })
  // An open object (a case action's payload) gets payload fields; a closed one now and then a field it refuses.
  const extras = open ? fc.array(extra, { maxLength: 4 }) : clean ? fc.constant([]) : fc.option(extra, { freq: 6 }).map((e) => (e ? [e] : []))
  return fc.tuple(fc.tuple(...fields), extras).map(([given, more]) => {
    const out: Record<string, unknown> = {}
    for (const entry of given) if (entry) out[entry[0]] = entry[1]
    for (const [k, v] of more) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true })
    return out
  })
}

/** `value` with one of its fields (if it has any) replaced by a hostile value. */
const spoilOne = (value: unknown): fc.Arbitrary<unknown> => {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || Object.keys(value).length === 0) return fc.constant(value)
  return fc.tuple(fc.constantFrom(...Object.keys(value)), hostileValue()).map(([k, v]) => ({ ...(value as Record<string, unknown>), [k]: v }))
}

// ---- requests --------------------------------------------------------------------------------------

/** Percent-encodes a value for a URL; lone surrogates (which encodeURIComponent refuses) become invalid UTF-8. */
function encode(value: unknown): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value) ?? ''
  try {
    return encodeURIComponent(s)
  } catch {
    return `%ED%A0%80${encodeURIComponent(s.replace(/[\ud800-\udfff]/g, ''))}`
  }
}

const rawUrlBits = ['%', '%zz', '%ff%fe', '%00', '%c0%ae%c0%ae%2f', '..%2f..%2f', '../..', '..%252f', '%2e%2e', '%u002e', ';', '#frag', '?']

/** What a query or path coerces into a number that is none (ajv turns these into ±Infinity). */
const NOT_A_NUMBER = fc.constantFrom('Infinity', '-Infinity', 'NaN', '1e999', '-1e999', '1e308', '0x1F', '1_000', ' 5', '5 ', '')
const isNumeric = (schema: JsonSchema) => schema.type === 'integer' || schema.type === 'number'

const pathValue = (name: string, schema: JsonSchema, known: KnownValues) =>
  fc.oneof(
    { weight: 8, arbitrary: shaped(schema, name, known, 0).map(encode) },
    { weight: 2, arbitrary: fc.constantFrom(...rawUrlBits) },
    { weight: isNumeric(schema) ? 4 : 1, arbitrary: NOT_A_NUMBER.map(encode) },
  )

const queryValue = (name: string, schema: JsonSchema, known: KnownValues) =>
  fc.oneof(
    { weight: 14, arbitrary: shaped(schema, name, known, 0).map(encode) },
    { weight: 1, arbitrary: fc.constantFrom(...rawUrlBits) },
    { weight: isNumeric(schema) ? 5 : 1, arbitrary: NOT_A_NUMBER.map(encode) },
  )

const printable = (s: string) => s.replace(/[^\x20-\x7e]/g, '?').slice(0, 8_000)

const JSON_TYPES = ['application/json', 'application/json; charset=utf-8']
const OTHER_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'image/png', 'image/jpeg', 'image/webp', 'application/octet-stream', 'multipart/form-data; boundary=XyZ', 'multipart/form-data', 'application/json; charset=utf-16', '*/*', 'application/jsonx']

/** A 1×1 PNG and the start of a JPEG, so some uploads are real images. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 1)])
let oversized: Buffer | undefined

type Body = { payload: string | Buffer; contentType?: string }

function bodyArb(route: FuzzRoute, known: KnownValues): fc.Arbitrary<Body | undefined> {
  const json = route.body ? plain(route.body, known, 0) : hostileValue()
  const clean = route.body ? plain(route.body, known, 0, true) : fc.constant({})
  const asJson = fc
    .oneof(json, clean, clean.chain(spoilOne))
    .map((v): Body => ({ payload: JSON.stringify(v) ?? 'null', contentType: 'application/json' }))
  const overflowing = json.map((v): Body => ({
    // JSON.parse turns 1e999 into Infinity: a number no JSON.stringify can produce.
    payload: (JSON.stringify(v) ?? 'null').replace(/(?<=[:[,])-?\d+(\.\d+)?(e[+-]?\d+)?/i, () => '1e999'),
    contentType: 'application/json',
  }))
  const badJson = fc
    .constantFrom('{', '{"a":', '[1,2', '', 'null', '"x"', '1e999', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}', '\u0000', '{"a":1,"a":2}', `${'['.repeat(5_000)}${']'.repeat(5_000)}`, '\ufeff{}', '{"action":"accept","version":1e999}')
    .chain((payload) => fc.constantFrom(...JSON_TYPES).map((contentType): Body => ({ payload, contentType })))
  const binary = fc
    .tuple(fc.constantFrom(PNG, JPEG, Buffer.from('GIF89a'), Buffer.from('%PDF-1.4'), Buffer.from('<svg/>'), Buffer.alloc(0)), fc.uint8Array({ maxLength: 256 }), fc.constantFrom(...OTHER_TYPES))
    .map(([head, tail, contentType]): Body => ({ payload: Buffer.concat([head, Buffer.from(tail)]), contentType }))
  const multipart = fc.tuple(fc.constantFrom('XyZ', ''), fc.constantFrom(PNG, Buffer.from('not an image')), fc.constantFrom('image/png', 'text/plain', '')).map(([b, bytes, type]): Body => ({
    payload: Buffer.concat([Buffer.from(`--XyZ\r\nContent-Disposition: form-data; name="file"; filename="../../x.png"\r\n${type ? `Content-Type: ${type}\r\n` : ''}\r\n`), bytes, Buffer.from(`\r\n--${b}--\r\n`)]),
    contentType: 'multipart/form-data; boundary=XyZ',
  }))
  const huge = fc.constantFrom('image/png', 'application/octet-stream', 'application/json').map((contentType): Body => {
    oversized ??= Buffer.concat([PNG, Buffer.alloc(11 * 1024 * 1024, 0x41)])
    return { payload: oversized, contentType }
  })
  const noType = json.map((v): Body => ({ payload: JSON.stringify(v) ?? '' }))
  const kinds: Array<fc.WeightedArbitrary<Body | undefined>> = [
    { weight: route.body ? 160 : 20, arbitrary: asJson },
    { weight: 20, arbitrary: overflowing },
    { weight: 40, arbitrary: badJson },
    { weight: route.body ? 20 : 80, arbitrary: binary },
    { weight: route.body ? 0 : 20, arbitrary: multipart },
    { weight: 20, arbitrary: noType },
    { weight: route.body ? 0 : 20, arbitrary: fc.constant(undefined) },
    // Oversized bodies are slow to send; a few are enough.
    { weight: 1, arbitrary: huge },
  ]
  return fc.oneof(...kinds.filter((k) => k.weight > 0))
}

const BAD_AUTH: ReadonlyArray<Record<string, string>> = [
  { authorization: 'Bearer not-a-real-token-at-all-xxxxx' },
  { authorization: `Bearer ${'a'.repeat(300)}` },
  { authorization: 'Basic YWRtaW46YWRtaW4=' },
  { authorization: 'Bearer ' },
  { 'x-api-key': 'nope' },
  { 'x-api-key': 'k'.repeat(5_000) },
]

function requestArb(routes: readonly FuzzRoute[], callers: readonly FuzzCaller[], known: KnownValues): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(...routes.map((route) => routeRequestArb(route, callers, known)))
}

function routeRequestArb(route: FuzzRoute, callers: readonly FuzzCaller[], known: KnownValues): fc.Arbitrary<FuzzRequest> {
  {
    const pathParams = route.params.filter((p) => p.in === 'path')
    const queryParams = route.params.filter((p) => p.in === 'query')
    const headerParams = route.params.filter((p) => p.in === 'header')
    const path = fc.tuple(...pathParams.map((p) => pathValue(p.name, p.schema, known))).map((values) =>
      pathParams.reduce((url, p, i) => url.replace(`{${p.name}}`, values[i]!), route.path),
    )
    const query = fc
      .tuple(
        // Each parameter absent a third of the time, and now and then given twice.
        fc.tuple(
          ...queryParams.map((p) => {
            const value = queryValue(p.name, p.schema, known)
            return fc.option(fc.oneof({ weight: 9, arbitrary: value.map((v) => [v]) }, { weight: 1, arbitrary: fc.tuple(value, value) }), { freq: 2 })
          }),
        ),
        fc.option(fc.tuple(hostileString().map(encode), hostileString().map(encode)), { freq: 3 }),
      )
      .map(([values, extra]) => {
        const parts: string[] = []
        values.forEach((v, i) => {
          for (const item of v ?? []) parts.push(`${queryParams[i]!.name}=${item}`)
        })
        if (extra) parts.push(`${extra[0]}=${extra[1]}`)
        return parts.length ? `?${parts.join('&')}` : ''
      })
    const headers = fc.tuple(...headerParams.map((p) => fc.option(shaped(p.schema, p.name, known, 0).map((v) => printable(String(v))), { freq: 2 })))
    const caller = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...callers).map((c) => ({ name: c.name, headers: c.headers, keep: c.keepSession === true })) }, { weight: 1, arbitrary: fc.constantFrom(...BAD_AUTH).map((h) => ({ name: 'bad-credentials', headers: h, keep: false })) })
    const body = ['POST', 'PUT', 'PATCH'].includes(route.method) ? bodyArb(route, known) : fc.constant(undefined)
    return fc.tuple(path, query, headers, caller, body).map(([p, q, hs, c, b]): FuzzRequest => {
      const h: Record<string, string> = { ...c.headers }
      headerParams.forEach((param, i) => {
        if (hs[i] !== null && hs[i] !== undefined) h[param.name] = hs[i]!
      })
      if (b?.contentType) h['content-type'] = b.contentType
      // Ending a session the fuzzer still needs would only turn the rest of the run into 401s: log out as nobody.
      const keep = route.path.endsWith('/auth/logout') && c.keep
      if (keep) delete h.authorization
      return {
        route: `${route.method} ${route.path}`,
        caller: keep ? 'anonymous' : c.name,
        method: route.method,
        url: `${p}${q}`,
        headers: h,
        ...(b ? { payload: b.payload } : {}),
      }
    })
  }
}

/** Generates `count` requests from `seed`, deterministically, in chunks (so huge values are not all held at once). */
export function* fuzzRequests(routes: readonly FuzzRoute[], callers: readonly FuzzCaller[], known: KnownValues, seed: number, count: number): Generator<FuzzRequest> {
  const arb = requestArb(routes, callers, known)
  const chunk = 250
  for (let done = 0, k = 0; done < count; done += chunk, k++) {
    yield* fc.sample(arb, { seed: (seed + k * 7_919) | 0, numRuns: Math.min(chunk, count - done) })
  }
}

// ---- checking answers -------------------------------------------------------------------------------

const LEAKS: ReadonlyArray<[RegExp, string]> = [
  [/\n\s+at [^\n]+[(:]/, 'a stack trace'],
  [/node_modules/, 'a node_modules path'],
  [/file:\/\//, 'a file URL'],
  [/\/(?:work|home|usr|tmp|opt|srv)\/[\w.-]+\//, 'an internal path'],
  [/\.(?:ts|js|mjs):\d+/, 'a source position'],
  [/\b(?:TypeError|RangeError|SyntaxError|ReferenceError): /, 'a JavaScript error'],
  [/\b(?:pg_strtoint|numutils\.c|SQLSTATE|syntax error at or near)\b/, 'a database error'],
]

// Lenient: invalid percent sequences (which the fuzzer sends on purpose) are kept, not fatal.
const safeDecode = (url: string): string => unescape(url.replace(/\+/g, ' '))

/** What is wrong with an answer, or undefined. */
export function problemWith(request: FuzzRequest, status: number, contentType: string, body: string, caller: FuzzCaller | undefined): string | undefined {
  if (status >= 500) return `status ${status}`
  if (/json|text|html/.test(contentType)) {
    // What the request itself sent may come back quoted in a 400/404 ("unit file:///etc/passwd not found").
    const sent = `${safeDecode(request.url)} ${request.payload?.toString() ?? ''} ${Object.values(request.headers).join(' ')}`
    for (const [pattern, what] of LEAKS) {
      const found = new RegExp(pattern.source, 'g')
      for (const m of body.matchAll(found)) {
        const unescaped = m[0].replace(/\\(.)/g, '$1')
        if (!sent.includes(m[0]) && !sent.includes(unescaped)) return `the answer shows ${what}: ${m[0]}`
      }
    }
  }
  // The change feed carries cases only to the desk, leaders and administrators.
  if (request.route === 'GET /api/v1/sync/changes' && status === 200 && !caller?.seesCases && /"entity":"case"/.test(body)) return 'the feed carried a case'
  return undefined
}

/** Sends the requests one after another and checks every answer. */
export async function runFuzz(
  app: FastifyInstance,
  options: { readonly seed: number; readonly count: number; readonly callers: readonly FuzzCaller[]; readonly known: KnownValues; readonly routes?: readonly FuzzRoute[] },
): Promise<FuzzReport> {
  const routes = options.routes ?? routesOf(app)
  const byCaller = new Map(options.callers.map((c) => [c.name, c]))
  const byStatus: Record<string, number> = {}
  const byRoute: Record<string, Record<string, number>> = {}
  const failures: FuzzFailure[] = []
  const started = Date.now()
  let index = 0
  for (const request of fuzzRequests(routes, options.callers, options.known, options.seed, options.count)) {
    let status: number
    let body: string
    let contentType = ''
    try {
      const res = await app.inject({ method: request.method as 'GET', url: request.url, headers: request.headers, ...(request.payload !== undefined ? { payload: request.payload } : {}) })
      status = res.statusCode
      body = res.body
      contentType = String(res.headers['content-type'] ?? '')
    } catch (error) {
      // light-my-request refuses some requests before the server sees them (e.g. an impossible header); the server is not at fault.
      status = 0
      body = String(error)
    }
    const key = String(status)
    byStatus[key] = (byStatus[key] ?? 0) + 1
    const r = (byRoute[request.route] ??= {})
    r[key] = (r[key] ?? 0) + 1
    const problem = problemWith(request, status, contentType, body, byCaller.get(request.caller))
    if (problem) {
      failures.push({
        index,
        request: {
          route: request.route,
          caller: request.caller,
          method: request.method,
          url: request.url.slice(0, 300),
          headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, v.slice(0, 100)])),
          ...(request.payload !== undefined ? { payload: request.payload.toString().slice(0, 300) } : {}),
        },
        status,
        problem,
        body: body.slice(0, 500),
      })
    }
    index++
  }
  return { seed: options.seed, count: index, byStatus, byRoute, failures, ms: Date.now() - started }
}

/** The report as text: counts by status, then by endpoint, then the failures. */
export function formatReport(report: FuzzReport): string {
  const statuses = (counts: Record<string, number>) =>
    Object.entries(counts)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([s, n]) => `${s}:${n}`)
      .join(' ')
  const lines = [
    `fuzz: ${report.count} requests, seed ${report.seed}, ${(report.ms / 1000).toFixed(1)} s (${Math.round(report.count / (report.ms / 1000))}/s)`,
    `by status: ${statuses(report.byStatus)}`,
    'by endpoint:',
    ...Object.entries(report.byRoute)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([route, counts]) => `  ${route.padEnd(44)} ${statuses(counts)}`),
    `failures: ${report.failures.length}`,
    ...report.failures.slice(0, 20).map((f) => `  #${f.index} ${f.problem}: ${JSON.stringify(f.request)} → ${f.status} ${f.body}`),
  ]
  return lines.join('\n')
}
