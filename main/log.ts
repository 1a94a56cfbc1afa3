/** A service's log: one line per event, prefixed with the service name (`[LocalStore] …`). */
export interface Log {
  info(message: string): void
  warn(message: string): void
  error(message: string, error?: unknown): void
  /** A log for a sub-service, with its own prefix. */
  child(name: string): Log
}

/** Where log lines go; console by default. */
export interface LogSink {
  log(line: string): void
  error(line: string): void
}

/** Creates a log whose lines start with `[name]`. `quiet` drops info lines (tests). */
export function createLog(
  name: string,
  options: { readonly sink?: LogSink; readonly quiet?: boolean } = {},
): Log {
  const sink = options.sink ?? console
  const prefix = `[${name}]`
  return {
    info: (message) => {
      if (!options.quiet) sink.log(`${prefix} ${message}`)
    },
    warn: (message) => sink.error(`${prefix} ${message}`),
    error: (message, error) =>
      sink.error(
        `${prefix} ${message}${error === undefined ? '' : `: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`}`,
      ),
    child: (child) => createLog(child, options),
  }
}

/** A log that drops everything (tests that check behaviour, not lines). */
export const silentLog: Log = {
  info: () => {},
  warn: () => {},
  error: () => {},
  child: () => silentLog,
}
