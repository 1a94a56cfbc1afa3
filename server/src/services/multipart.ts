/** One file taken from a multipart/form-data body. */
export interface UploadedFile {
  readonly field: string
  readonly filename?: string
  readonly contentType?: string
  readonly bytes: Buffer
}

/**
 * The first file part of a multipart/form-data body (RFC 7578), or undefined when it has none. Enough for
 * one photo per request from a browser's FormData; the whole body is already in memory under the route's
 * size limit, so no streaming parser is needed.
 */
export function firstFilePart(body: Buffer, contentType: string): UploadedFile | undefined {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType)
  const boundary = m?.[1] ?? m?.[2]
  if (!boundary) return undefined
  const delimiter = Buffer.from(`--${boundary.trim()}`)
  let at = body.indexOf(delimiter)
  while (at !== -1) {
    const start = at + delimiter.length
    // '--' after a delimiter ends the body.
    if (body[start] === 0x2d && body[start + 1] === 0x2d) return undefined
    const headersEnd = body.indexOf('\r\n\r\n', start)
    if (headersEnd === -1) return undefined
    const next = body.indexOf(delimiter, headersEnd + 4)
    if (next === -1) return undefined
    const headers = body.subarray(start, headersEnd).toString('utf8')
    const disposition = /content-disposition:\s*form-data([^\r\n]*)/i.exec(headers)?.[1] ?? ''
    const field = /\bname="([^"]*)"/i.exec(disposition)?.[1] ?? ''
    const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1]
    const type = /content-type:\s*([^\r\n;]+)/i.exec(headers)?.[1]?.trim()
    // The part's bytes end before the CRLF that precedes the next delimiter.
    const bytes = body.subarray(headersEnd + 4, next - 2)
    if (filename !== undefined || field === 'file') {
      return { field, ...(filename !== undefined ? { filename } : {}), ...(type ? { contentType: type } : {}), bytes }
    }
    at = next
  }
  return undefined
}
