import { formatImportErrors, type ImportError } from '../../../core/import/import-error.js'

/** An import that stored nothing because its file had errors; the message lists them one a line. */
export class ImportFailed extends Error {
  constructor(readonly errors: readonly ImportError[]) {
    super(formatImportErrors(errors))
    this.name = 'ImportFailed'
  }
}

/** Parses a file's text as JSON, turning a syntax error into an {@link ImportFailed} naming the file. */
export function parseJsonFile(text: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  } catch (e) {
    throw new ImportFailed([{ where: 'file', message: `not valid JSON: ${(e as Error).message}` }])
  }
}
