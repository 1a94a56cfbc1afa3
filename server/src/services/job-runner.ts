import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import type { Kysely } from 'kysely'
import type { FastifyBaseLogger } from 'fastify'
import type { Database } from '../db/schema.js'
import { releaseLease, takeLease } from '../db/jobs.js'

/** A durable job: run every `intervalMs` by whichever server instance holds its lease. */
export interface JobDefinition {
  readonly name: string
  readonly intervalMs: number
  /** The work, at `now` from the app's clock; returns a summary stored with the lease. */
  run(now: Date): Promise<object>
}

/** Runs jobs on timers; safe when several server instances run the same jobs against one database. */
export interface JobRunner {
  /** Starts the timers (unref'd: they never keep the process alive). */
  start(): void
  /** Stops the timers and waits for a running job to finish. */
  stop(): Promise<void>
  /** Runs one job now if its lease can be taken; `ran: false` when another holder has it. */
  runNow(name: string): Promise<{ readonly ran: boolean; readonly result?: object }>
  /** This instance's lease holder name. */
  readonly holder: string
  /** The jobs' names. */
  readonly names: readonly string[]
}

/**
 * 定时任务 — the job runner. Each tick takes the job's lease row (job_lease) for `leaseMs`; only the holder
 * runs, then releases it. A crashed holder's lease runs out and another instance takes over. The jobs
 * themselves are also safe to overlap (the deadline sweep locks rows with SKIP LOCKED), so the lease saves
 * work rather than guarding correctness.
 */
export function createJobRunner(options: {
  readonly db: Kysely<Database>
  readonly jobs: readonly JobDefinition[]
  readonly clock: () => Date
  readonly log?: FastifyBaseLogger
  readonly leaseMs?: number
  readonly holder?: string
}): JobRunner {
  const { db, jobs, clock, log } = options
  const leaseMs = options.leaseMs ?? 5 * 60_000
  const holder = options.holder ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`
  const timers = new Map<string, NodeJS.Timeout>()
  const running = new Map<string, Promise<{ ran: boolean; result?: object }>>()
  let stopped = true

  async function runJob(job: JobDefinition): Promise<{ ran: boolean; result?: object }> {
    if (!(await takeLease(db, job.name, holder, leaseMs))) return { ran: false }
    let result: object
    try {
      result = await job.run(clock())
    } catch (error) {
      result = { error: error instanceof Error ? error.message : String(error) }
      log?.error({ err: error, job: job.name }, 'job failed')
    }
    await releaseLease(db, job.name, holder, result)
    return { ran: true, result }
  }

  function runNow(name: string) {
    const job = jobs.find((j) => j.name === name)
    if (!job) return Promise.reject(new Error(`no job "${name}"`))
    const current = running.get(name)
    if (current) return current
    const p = runJob(job).finally(() => running.delete(name))
    running.set(name, p)
    return p
  }

  function schedule(job: JobDefinition) {
    const timer = setTimeout(() => {
      void runNow(job.name)
        .catch((error: unknown) => log?.error({ err: error, job: job.name }, 'job tick failed'))
        .finally(() => {
          if (!stopped) schedule(job)
        })
    }, job.intervalMs)
    timer.unref()
    timers.set(job.name, timer)
  }

  return {
    holder,
    names: jobs.map((j) => j.name),
    runNow,
    start() {
      if (!stopped) return
      stopped = false
      for (const job of jobs) if (job.intervalMs > 0) schedule(job)
    },
    async stop() {
      stopped = true
      for (const t of timers.values()) clearTimeout(t)
      timers.clear()
      await Promise.allSettled([...running.values()])
    },
  }
}
