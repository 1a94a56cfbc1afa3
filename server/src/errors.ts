/** An error the API reports to its caller as it is: a stable code, an HTTP status and a message. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    /** The request field at fault, e.g. 'querystring.bbox'. */
    readonly field?: string,
    /** More facts for the caller, e.g. a case's current status and the actions allowed in it. */
    readonly details?: Readonly<Record<string, unknown>>,
    /** Response headers to send along (Retry-After, WWW-Authenticate). */
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** 400: the request is malformed; `field` names the part at fault. */
export const badRequest = (message: string, field?: string) => new ApiError(400, 'BAD_REQUEST', message, field)

/**
 * 400 for a field of the JSON body: field `body.<field>` and a message that starts with it. `message` may
 * already start with `<field>: ` (core's payload checks say so); that prefix is not repeated.
 */
export const badBodyField = (field: string, message: string) => {
  const reason = message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message
  return badRequest(`body.${field}: ${reason}`, `body.${field}`)
}

/** 401: no valid credentials (missing, unknown, expired or revoked token; bad API key; wrong password). */
export const unauthorized = (message: string, code = 'UNAUTHORIZED') =>
  new ApiError(401, code, message, undefined, undefined, { 'www-authenticate': 'Bearer realm="cityloop"' })

/** 403: the caller is known but may not do this; `details` may say what it may do instead. */
export const forbidden = (message: string, details?: Readonly<Record<string, unknown>>) =>
  new ApiError(403, 'FORBIDDEN', message, undefined, details)

/** 404: no such thing. */
export const notFound = (what: string) => new ApiError(404, 'NOT_FOUND', `${what} not found`)

/** 409: the request conflicts with the current state (illegal action, stale version, key reused). */
export const conflict = (code: string, message: string, details?: Readonly<Record<string, unknown>>) =>
  new ApiError(409, code, message, undefined, details)

/** 413: the body is larger than allowed. */
export const tooLarge = (message: string) => new ApiError(413, 'TOO_LARGE', message)

/** 415: the body is not of a type this endpoint stores. */
export const unsupportedType = (message: string) => new ApiError(415, 'UNSUPPORTED_TYPE', message)

/** 429: too many attempts; `retryAfterSeconds` goes out as Retry-After. */
export const tooMany = (code: string, message: string, retryAfterSeconds: number) =>
  new ApiError(429, code, message, undefined, { retryAfterSeconds }, { 'retry-after': String(retryAfterSeconds) })

/** 503: the server lacks data it needs (e.g. no responsible units loaded yet). */
export const notReady = (message: string) => new ApiError(503, 'NOT_READY', message)
