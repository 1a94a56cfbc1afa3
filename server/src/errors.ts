/** An error the API reports to its caller as it is: a stable code, an HTTP status and a message. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    /** The request field at fault, e.g. 'querystring.bbox'. */
    readonly field?: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** 400: the request is malformed; `field` names the part at fault. */
export const badRequest = (message: string, field?: string) => new ApiError(400, 'BAD_REQUEST', message, field)

/** 404: no such thing. */
export const notFound = (what: string) => new ApiError(404, 'NOT_FOUND', `${what} not found`)

/** 503: the server lacks data it needs (e.g. no responsible units loaded yet). */
export const notReady = (message: string) => new ApiError(503, 'NOT_READY', message)
