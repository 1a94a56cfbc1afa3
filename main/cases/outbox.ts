/**
 * 待发指令 — the workstation's outbox of case commands (new cases and actions), so a desk keeps working
 * through a network outage: every command is written to disk before `submit` answers, kept across restarts,
 * and sent in submission order, under its own account, once the central API is reachable.
 *
 * Exactly once: each command carries a client-generated UUID as its Idempotency-Key, and its request body
 * is fixed (and stored) before the first attempt, so a retry — after a timeout, a lost answer or a restart —
 * is the same request, which the central API answers with what the first one did instead of applying it
 * again. The central API keeps keys for 7 days (server/src/services/jobs.ts, housekeeping
 * `deleteOldKeys`): a command first sent more than a week ago whose answer never arrived could be applied
 * twice, so such a retry is logged. A case action would then meet a moved-on case and be refused as
 * stale; only a new case could be filed twice.
 *
 * The decisions are plain functions (outbox-queue.ts: what a command refers to and is sent as;
 * command-answer.ts: what an answer means); this service keeps the file, the sending and the order.
 */
import { randomUUID } from 'node:crypto'
import { mkdir, readFile, rename } from 'node:fs/promises'
import { dirname } from 'node:path'
import type {
  CaseCommandInput,
  CaseRecord,
  CommandRejection,
  OutboxEntry,
  OutboxStatus,
} from '../../contracts/bridge/index.js'
import { BridgeFailure } from '../bridge-dispatch.js'
import type { Log } from '../log.js'
import { writeFileAtomic } from '../store/atomic-file.js'
import { classifyAnswer, withCaseView } from './command-answer.js'
import {
  commandLabel,
  commandsOfCase,
  commandsPerCase,
  findCommand,
  isUnsent,
  keyMayBeForgotten,
  outboxStatus,
  placeCommand,
  present,
  requestFor,
  restoreOutbox,
  retryDelay,
  trimApplied,
  type OutboxFile,
  type StoredCommand,
} from './outbox-queue.js'
import { CentralUnavailable, type CentralAnswer, type SessionService } from './session.js'

/** 待发指令 — submit, watch, dismiss and flush case commands. */
export interface Outbox {
  /** Queues a command for the signed-in account; resolves once it is on disk. */
  submit(command: CaseCommandInput): Promise<OutboxEntry>
  status(): OutboxStatus
  /** Removes a rejected command of the signed-in account. */
  dismiss(clientId: string): Promise<OutboxStatus>
  /** Sends what can be sent now; resolves when the pass ends. */
  flush(): Promise<OutboxStatus>
  /** Starts a pass soon (sign-in, a successful sync run); never throws. */
  kick(): void
  /** Per case: commands still to send, and whether its last settled command was rejected. */
  perCase(): ReadonlyMap<string, { readonly queued: number; readonly rejected: boolean }>
  /** The commands of one case (its id, or the client id of the command that created it). */
  forCase(caseId: string): OutboxEntry[]
  onChange(listener: (status: OutboxStatus) => void): () => void
  /** Stops retrying and waits for the current pass and the last write. */
  close(): Promise<void>
}

/** Options of {@link createOutbox}. */
export interface OutboxOptions {
  /** The outbox file, e.g. `<userData>/outbox.json`. */
  readonly file: string
  readonly session: SessionService
  readonly log: Log
  /** A command was applied: the case as the central API answered it (for the local store, at once). */
  readonly onApplied?: (record: CaseRecord, userId: string) => void
  /** Retry delays after a transport failure: first, and the ceiling of the doubling; default 1 s and 60 s. */
  readonly retryMs?: { readonly first: number; readonly max: number }
  readonly now?: () => Date
}

/** Opens the outbox stored in `file` (missing: empty) and starts nothing until kicked. */
export async function createOutbox(options: OutboxOptions): Promise<Outbox> {
  const { file, session, log } = options
  const now = options.now ?? (() => new Date())
  const retry = options.retryMs ?? { first: 1_000, max: 60_000 }
  const listeners = new Set<(s: OutboxStatus) => void>()
  let entries: StoredCommand[] = []
  let nextSeq = 1
  let writing: Promise<void> = Promise.resolve()
  let pass: Promise<void> | undefined
  let again = false
  let waiting = false
  let failures = 0
  let retryTimer: NodeJS.Timeout | undefined
  let closed = false

  try {
    ;({ entries, nextSeq } = restoreOutbox(await readFile(file, 'utf8')))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      // Kept aside, not overwritten: the commands in it may still be worth reading by hand.
      const aside = `${file}.corrupt-${Date.now()}`
      log.error(`${file} is unreadable; kept as ${aside}, starting with an empty outbox`, error)
      await rename(file, aside).catch(() => {})
    }
  }

  function persist(): Promise<void> {
    entries = trimApplied(entries)
    const body: OutboxFile = { version: 1, nextSeq, entries }
    const text = JSON.stringify(body, null, 1) + '\n'
    const write = writing.then(async () => {
      await mkdir(dirname(file), { recursive: true })
      await writeFileAtomic(file, text)
    })
    writing = write.catch((error: unknown) => log.error('could not write the outbox', error))
    return write
  }

  const status = (): OutboxStatus =>
    outboxStatus(entries, session.user()?.id ?? null, { passing: pass !== undefined, waiting })

  function emit(): void {
    const s = status()
    for (const l of listeners) {
      try {
        l(s)
      } catch (error) {
        log.error('an outbox listener failed', error)
      }
    }
  }

  async function submit(command: CaseCommandInput): Promise<OutboxEntry> {
    const user = session.user()
    if (!user) throw new BridgeFailure('UNAUTHORIZED', 'sign in to give commands')
    const place = placeCommand(entries, command, user.id)
    if ('refused' in place) throw new BridgeFailure('BAD_REQUEST', place.refused)
    const entry: StoredCommand = {
      clientId: randomUUID(),
      seq: nextSeq++,
      command,
      userId: user.id,
      state: 'queued',
      queuedAt: now().toISOString(),
      sentAt: null,
      attempts: 0,
      result: null,
      rejection: null,
      lastError: null,
      after: place.after,
      request: null,
    }
    entries.push(entry)
    try {
      await persist()
    } catch (error) {
      entries = entries.filter((e) => e !== entry)
      throw new BridgeFailure('INTERNAL', `the command could not be stored: ${(error as Error).message}`)
    }
    const queued = present(entry)
    emit()
    outbox.kick()
    return queued
  }

  type Outcome = 'next' | 'waiting' | 'signed-out'

  function reject(e: StoredCommand, rejection: CommandRejection): void {
    e.state = 'rejected'
    e.rejection = rejection
    e.lastError = null
    log.warn(
      `command ${e.clientId} (${commandLabel(e.command)}) rejected: ${rejection.code} ${rejection.message}`,
    )
  }

  async function send(e: StoredCommand): Promise<Outcome> {
    if (!e.request) {
      const r = requestFor(entries, e)
      if ('rejection' in r) {
        reject(e, r.rejection)
        await persist()
        return 'next'
      }
      e.request = r.request
    }
    if (keyMayBeForgotten(e, now()))
      log.warn(
        `command ${e.clientId} was first sent over 7 days ago: the central API may have forgotten its key`,
      )
    e.state = 'sending'
    e.attempts++
    e.sentAt ??= now().toISOString()
    await persist()
    emit()
    let answer: CentralAnswer
    try {
      answer = await session.call('POST', e.request.path, {
        body: e.request.body,
        headers: { 'idempotency-key': e.clientId },
        asUser: e.userId,
      })
    } catch (error) {
      e.state = 'queued'
      if (error instanceof CentralUnavailable) {
        e.lastError = error.message
        await persist()
        return 'waiting'
      }
      if (error instanceof BridgeFailure && error.code === 'UNAUTHORIZED') return 'signed-out'
      throw error
    }
    const verdict = classifyAnswer(answer, e.request.path)
    switch (verdict.kind) {
      case 'applied':
        e.state = 'applied'
        e.lastError = null
        e.result = verdict.result
        await persist()
        try {
          options.onApplied?.(verdict.record, e.userId)
        } catch (error) {
          log.error('storing an applied command’s case failed', error)
        }
        return 'next'
      case 'applied-unreadable':
        log.error(`command ${e.clientId} was applied, but its answer is not a case: ${verdict.problem}`)
        e.state = 'applied'
        await persist()
        return 'next'
      case 'session-ended':
        // session.call ended the session; the command waits for its account to sign in again.
        e.state = 'queued'
        await persist()
        return 'signed-out'
      case 'retry':
        e.state = 'queued'
        e.lastError = verdict.lastError
        await persist()
        return 'waiting'
      case 'rejected': {
        let rejection = verdict.rejection
        if (verdict.lookUpCase) rejection = await withCaseLookedUp(rejection, verdict.lookUpCase, e.userId)
        reject(e, rejection)
        await persist()
        return 'next'
      }
    }
  }

  /** The rejection with the case's status, actions and version from the central API, when it answers. */
  async function withCaseLookedUp(
    rejection: CommandRejection,
    caseId: string,
    userId: string,
  ): Promise<CommandRejection> {
    try {
      const got = await session.call('GET', `/cases/${caseId}`, { asUser: userId })
      const view = (got.body as { case?: unknown } | undefined)?.case
      return got.status === 200 ? withCaseView(rejection, view) : rejection
    } catch {
      // Offline again: the rejection stands with what the refusal said.
      return rejection
    }
  }

  async function runPass(): Promise<void> {
    for (const e of [...entries].sort((a, b) => a.seq - b.seq)) {
      if (closed) return
      if (!isUnsent(e) || !entries.includes(e)) continue
      const user = session.user()
      // Another account's commands wait for it; the signed-in account's own go on in order.
      if (!user || e.userId !== user.id) continue
      const outcome = await send(e)
      emit()
      if (outcome === 'waiting') {
        waiting = true
        failures++
        scheduleRetry()
        return
      }
      if (outcome === 'signed-out') return
    }
    waiting = false
    failures = 0
  }

  function scheduleRetry(): void {
    if (retryTimer || closed) return
    retryTimer = setTimeout(
      () => {
        retryTimer = undefined
        outbox.kick()
      },
      retryDelay(failures, retry),
    )
    retryTimer.unref()
  }

  function pump(): Promise<void> {
    if (pass) {
      again = true
      return pass
    }
    if (retryTimer) clearTimeout(retryTimer)
    retryTimer = undefined
    pass = (async () => {
      do {
        again = false
        await runPass()
      } while (again && !closed && !waiting)
    })()
      .catch((error: unknown) => log.error('the outbox pass failed', error))
      .finally(() => {
        pass = undefined
        emit()
      })
    emit()
    return pass
  }

  const outbox: Outbox = {
    submit,
    status,
    async dismiss(clientId) {
      const e = findCommand(entries, clientId)
      const user = session.user()
      if (!e || !user || e.userId !== user.id)
        throw new BridgeFailure('NOT_FOUND', `no command ${clientId} of this account`)
      if (e.state !== 'rejected')
        throw new BridgeFailure(
          'BAD_REQUEST',
          `clientId: command ${clientId} is ${e.state}; only a rejected one can be dismissed`,
        )
      entries = entries.filter((x) => x !== e)
      await persist()
      emit()
      return status()
    },
    async flush() {
      if (!closed) await pump()
      return status()
    },
    kick() {
      if (!closed) void pump()
    },
    perCase: () => commandsPerCase(entries),
    forCase: (caseId) => commandsOfCase(entries, caseId),
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    async close() {
      closed = true
      if (retryTimer) clearTimeout(retryTimer)
      await pass
      await writing
    },
  }
  return outbox
}
