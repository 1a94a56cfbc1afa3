import type { FastifyRequest } from 'fastify'
import { ApiError } from '../errors.js'

// How a 400 names the field at fault: `<part>.<path>` where part is the request part Fastify validates
// (querystring, params, headers, body) and path walks into it, e.g. `querystring.limit`, `params.id`,
// `body.description`, `body.holidays[0].from`. Hand-written 400s use the same spelling.

/** The part of an ajv error Fastify hands to the error handler. */
export interface SchemaIssue {
  readonly instancePath: string
  readonly keyword: string
  readonly params: Readonly<Record<string, unknown>>
  readonly message?: string
}

/** `body`, `body.photoIds[2]`, `querystring.limit` — from a request part and a JSON pointer (or a list of keys). */
export function fieldName(part: string, path: string | readonly (string | number)[]): string {
  const keys =
    typeof path === 'string'
      ? path
          .split('/')
          .slice(1)
          .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'))
      : path.map(String)
  return keys.reduce<string>((out, k) => (/^[0-9]+$/.test(k) ? `${out}[${k}]` : `${out}.${k}`), part)
}

/** The 400 of a schema violation: the field itself (not just `body`), and a message that starts with it. */
export function schemaError(part: string | undefined, issue: SchemaIssue | undefined): ApiError {
  const context = part ?? 'body'
  if (!issue) return new ApiError(400, 'VALIDATION', `${context} is invalid`, context)
  let field = fieldName(context, issue.instancePath)
  let message = `${field} ${issue.message ?? 'is invalid'}`
  if (issue.keyword === 'required' && typeof issue.params.missingProperty === 'string') {
    field = `${field}.${issue.params.missingProperty}`
    message = `${field} is required`
  } else if (issue.keyword === 'additionalProperties' && typeof issue.params.additionalProperty === 'string') {
    field = `${field}.${issue.params.additionalProperty}`
    message = `${field} is not a known field`
  }
  return new ApiError(400, 'VALIDATION', message, field)
}

/** Deeper JSON than any request of this API needs; deeper bodies are refused before anything walks them recursively. */
export const MAX_INPUT_DEPTH = 32

/**
 * What no field may hold, whatever its schema says. Checked once for every route (a preHandler hook, so
 * after ajv has parsed and coerced), because these are limits of the platform rather than of one route:
 * - a non-finite number: ajv coerces `Infinity`, `-Infinity` and `1e999` in a query or path to Infinity
 *   and then skips `minimum`/`maximum` for non-finite values, so the bounds of a schema alone let them in;
 * - NUL in a string or key: PostgreSQL text and jsonb cannot store it;
 * - a lone UTF-16 surrogate: not Unicode; stored, it would silently turn into U+FFFD;
 * - nesting deeper than {@link MAX_INPUT_DEPTH}.
 */
export function unstorableInput(value: unknown, part: string): ApiError | undefined {
  const stack: Array<{ value: unknown; path: (string | number)[] }> = [{ value, path: [] }]
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!
    const field = () => fieldName(part, path)
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return new ApiError(400, 'VALIDATION', `${field()} must be a finite number`, field())
    } else if (typeof v === 'string') {
      const problem = textProblem(v)
      if (problem) return new ApiError(400, 'VALIDATION', `${field()} ${problem}`, field())
    } else if (v !== null && typeof v === 'object' && (Array.isArray(v) || isPlainObject(v))) {
      if (path.length >= MAX_INPUT_DEPTH) return new ApiError(400, 'VALIDATION', `${field()} nests deeper than ${MAX_INPUT_DEPTH} levels`, field())
      if (Array.isArray(v)) v.forEach((item, i) => stack.push({ value: item, path: [...path, i] }))
      else {
        for (const [k, item] of Object.entries(v)) {
          const problem = textProblem(k)
          if (problem) return new ApiError(400, 'VALIDATION', `${field()}: a field name ${problem}`, field())
          stack.push({ value: item, path: [...path, k] })
        }
      }
    }
  }
  return undefined
}

// String.prototype.isWellFormed is Node 20's, but not in the ES2023 lib the server compiles against.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

function textProblem(s: string): string | undefined {
  if (s.includes('\u0000')) return 'must not contain NUL (\\u0000)'
  if (LONE_SURROGATE.test(s)) return 'is not well-formed Unicode (a lone surrogate)'
  return undefined
}

// Parsed JSON and query objects; not a photo's bytes. (The query parser's objects have a prototype of their own.)
function isPlainObject(v: object): boolean {
  return !ArrayBuffer.isView(v) && !(v instanceof ArrayBuffer)
}

/** preHandler hook: refuses unstorable input (see {@link unstorableInput}) in the query, path and body. */
export async function refuseUnstorableInput(request: FastifyRequest): Promise<void> {
  const error =
    unstorableInput(request.params, 'params') ?? unstorableInput(request.query, 'querystring') ?? unstorableInput(request.body, 'body')
  if (error) throw error
}
