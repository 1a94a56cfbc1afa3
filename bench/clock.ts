/** Milliseconds since `start` (a `process.hrtime.bigint()` reading), as a float. */
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6
}

/** Runs `work` once and returns its result and how long it took in milliseconds. */
export async function timed<T>(
  work: () => T | Promise<T>,
): Promise<{ readonly value: T; readonly ms: number }> {
  const start = process.hrtime.bigint()
  const value = await work()
  return { value, ms: msSince(start) }
}

/** Items per second for `count` items done in `ms` milliseconds. */
export function perSecond(count: number, ms: number): number {
  return (count * 1000) / ms
}

/** A progress line, prefixed so it stands apart from other output. */
export function progress(message: string): void {
  console.log(`[bench] ${message}`)
}
