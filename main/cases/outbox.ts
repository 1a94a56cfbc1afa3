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
 */
import { randomUUID } from 'node:crypto'
import { mkdir, readFile, rename } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { CaseAction, CaseStatus } from '../../core/case/types.js'
import { CASE_ACTIONS, CASE_STATUSES } from '../../core/case/types.js'
import type {
  CaseCommandInput,
  CaseRecord,
  CommandRejection,
  OutboxEntry,
  OutboxStatus,
} from '../../electron/contract.js'
import { writeFileAtomic } from '../store/atomic-file.js'
import { BridgeFailure } from '../bridge-dispatch.js'
import { CaseFormatError, parseCaseRecord } from './case-record.js'
import type { Log } from '../log.js'
import { CentralUnavailable, errorMessage, type CentralAnswer, type SessionService } from './session.js'

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

// A command as stored: the entry the bridge shows, plus what sending it needs.
interface Stored {
  clientId: string
  seq: number
  command: CaseCommandInput
  userId: string
  state: OutboxEntry['state']
  queuedAt: string
  sentAt: string | null
  attempts: number
  result: OutboxEntry['result']
  rejection: CommandRejection | null
  lastError: string | null
  /** The earlier command of the same account on the same case still unsent when this one was queued. */
  after: string | null
  /** The request, fixed before the first attempt: a retry under the same key must be the same request. */
  request: { readonly path: string; readonly body: Readonly<Record<string, unknown>> } | null
}

interface OutboxFile {
  readonly version: 1
  readonly nextSeq: number
  readonly entries: readonly Stored[]
}

const APPLIED_KEPT = 50
const KEY_RETENTION_MS = 7 * 86_400_000

/** Opens the outbox stored in `file` (missing: empty) and starts nothing until kicked. */
export async function createOutbox(options: OutboxOptions): Promise<Outbox> {
  const { file, session, log } = options
  const now = options.now ?? (() => new Date())
  const retry = options.retryMs ?? { first: 1_000, max: 60_000 }
  const listeners = new Set<(s: OutboxStatus) => void>()
  let entries: Stored[] = []
  let nextSeq = 1
  let writing: Promise<void> = Promise.resolve()
  let pass: Promise<void> | undefined
  let again = false
  let waiting = false
  let failures = 0
  let retryTimer: NodeJS.Timeout | undefined
  let closed = false

  try {
    const f = JSON.parse(await readFile(file, 'utf8')) as OutboxFile
    if (f.version !== 1 || !Array.isArray(f.entries)) throw new Error('not an outbox file')
    // A command being sent when the process stopped may or may not have arrived: it is sent again, under
    // its key, and the central API answers with what it did.
    entries = f.entries.map((e) => (e.state === 'sending' ? { ...e, state: 'queued' as const } : { ...e }))
    nextSeq = Math.max(f.nextSeq, ...entries.map((e) => e.seq + 1))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      // Kept aside, not overwritten: the commands in it may still be worth reading by hand.
      const aside = `${file}.corrupt-${Date.now()}`
      log.error(`${file} is unreadable; kept as ${aside}, starting with an empty outbox`, error)
      await rename(file, aside).catch(() => {})
    }
  }

  function persist(): Promise<void> {
    const applied = entries.filter((e) => e.state === 'applied')
    const drop = new Set(applied.slice(0, Math.max(0, applied.length - APPLIED_KEPT)))
    entries = entries.filter((e) => !drop.has(e))
    const body: OutboxFile = { version: 1, nextSeq, entries }
    const text = JSON.stringify(body, null, 1) + '\n'
    const write = writing.then(async () => {
      await mkdir(dirname(file), { recursive: true })
      await writeFileAtomic(file, text)
    })
    writing = write.catch((error: unknown) => log.error('could not write the outbox', error))
    return write
  }

  const visible = (e: Stored) => {
    const user = session.user()
    return user !== null && e.userId === user.id
  }
  const unsent = (e: Stored) => e.state === 'queued' || e.state === 'sending'

  function status(): OutboxStatus {
    const user = session.user()
    const mine = entries.filter(visible)
    const queued = (user ? mine : entries).filter(unsent).length
    const applied = mine.filter((e) => e.state === 'applied').slice(-APPLIED_KEPT)
    const shown = mine.filter((e) => e.state !== 'applied' || applied.includes(e))
    const state: OutboxStatus['state'] = pass
      ? 'sending'
      : waiting && queued > 0
        ? 'waiting'
        : !user && queued > 0
          ? 'signed-out'
          : 'idle'
    return {
      state,
      queued,
      rejected: mine.filter((e) => e.state === 'rejected').length,
      entries: shown.map(present),
    }
  }

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

  const byClientId = (id: string | undefined) => (id ? entries.find((e) => e.clientId === id) : undefined)

  /** The case id a stored command acts on (or created), when known. */
  function caseIdOf(e: Stored): string | undefined {
    if (e.result) return e.result.caseId
    if (e.command.kind === 'create') return undefined
    return e.command.caseId ?? byClientId(e.command.caseClientId)?.result?.caseId
  }

  /** Every name the case of a command goes by: its id, and the client id of the command that created it. */
  function caseKeys(e: Stored): string[] {
    const keys: string[] = []
    const id = caseIdOf(e)
    if (id) keys.push(id)
    if (e.command.kind === 'create') keys.push(e.clientId)
    else if (e.command.caseClientId) keys.push(e.command.caseClientId)
    return keys
  }

  async function submit(command: CaseCommandInput): Promise<OutboxEntry> {
    const user = session.user()
    if (!user) throw new BridgeFailure('UNAUTHORIZED', 'sign in to give commands')
    let after: string | null = null
    if (command.kind === 'action') {
      if (command.caseClientId !== undefined) {
        const create = byClientId(command.caseClientId)
        if (!create || create.command.kind !== 'create' || create.userId !== user.id)
          throw new BridgeFailure(
            'BAD_REQUEST',
            `command.caseClientId: no new case ${command.caseClientId} of this account in the outbox`,
          )
      } else if (command.version === undefined) {
        throw new BridgeFailure(
          'BAD_REQUEST',
          'command.version: the version the action was decided on is required',
        )
      }
      const keys = new Set(command.caseId ? [command.caseId] : [command.caseClientId!])
      const create = byClientId(command.caseClientId)
      if (create?.result) keys.add(create.result.caseId)
      const earlier = entries.filter(
        (e) => e.userId === user.id && unsent(e) && caseKeys(e).some((k) => keys.has(k)),
      )
      after = earlier.at(-1)?.clientId ?? null
    }
    const entry: Stored = {
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
      after,
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

  function reject(e: Stored, rejection: CommandRejection): void {
    e.state = 'rejected'
    e.rejection = rejection
    e.lastError = null
    log.warn(`command ${e.clientId} (${label(e.command)}) rejected: ${rejection.code} ${rejection.message}`)
  }

  /** Resolves what an action is sent against, or the reason it cannot be. */
  function target(
    e: Stored & { command: { kind: 'action' } },
  ): { caseId: string; version: number } | CommandRejection {
    const c = e.command
    const create = byClientId(c.caseClientId)
    let caseId = c.caseId
    if (c.caseClientId !== undefined) {
      if (!create || create.state === 'rejected' || (create.state === 'applied' && !create.result)) {
        const why = create?.rejection ? `: ${create.rejection.message}` : ' (it is no longer in the outbox)'
        return {
          httpStatus: 424,
          code: 'CASE_NOT_CREATED',
          message: `the new case this ${c.action} was meant for was never created${why}`,
        }
      }
      caseId = create.result?.caseId
    }
    const before = byClientId(e.after ?? undefined)
    // The user decided on top of their own earlier command: act on the version it produced.
    const version =
      before?.state === 'applied' && before.result
        ? before.result.version
        : (c.version ?? (create?.result ? create.result.version : undefined))
    if (!caseId || version === undefined)
      return {
        httpStatus: 424,
        code: 'CASE_NOT_CREATED',
        message: 'the case of this command is not known yet',
      }
    return { caseId, version }
  }

  async function send(e: Stored): Promise<Outcome> {
    if (!e.request) {
      if (e.command.kind === 'create') {
        e.request = { path: '/cases', body: { ...e.command.input } }
      } else {
        const t = target(e as Stored & { command: { kind: 'action' } })
        if ('code' in t) {
          reject(e, t)
          await persist()
          return 'next'
        }
        e.request = {
          path: `/cases/${t.caseId}/actions`,
          body: { ...e.command.payload, action: e.command.action, version: t.version },
        }
      }
    }
    if (e.sentAt && +now() - Date.parse(e.sentAt) > KEY_RETENTION_MS)
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
    const s = answer.status
    if (s === 200 || s === 201) {
      let record: CaseRecord
      try {
        record = parseCaseRecord((answer.body as { case?: unknown } | undefined)?.case)
      } catch (error) {
        if (!(error instanceof CaseFormatError)) throw error
        // Applied at the central API (a 2xx), but the answer is unreadable: the feed brings the case.
        log.error(`command ${e.clientId} was applied, but its answer is not a case: ${error.message}`)
        e.state = 'applied'
        await persist()
        return 'next'
      }
      e.state = 'applied'
      e.lastError = null
      e.result = { caseId: record.id, number: record.number, status: record.status, version: record.version }
      await persist()
      try {
        options.onApplied?.(record, e.userId)
      } catch (error) {
        log.error('storing an applied command’s case failed', error)
      }
      return 'next'
    }
    if (s === 401) {
      // session.call ended the session; the command waits for its account to sign in again.
      e.state = 'queued'
      await persist()
      return 'signed-out'
    }
    if (s >= 500 || s === 408 || s === 429) {
      e.state = 'queued'
      e.lastError = `the central API answered ${s}: ${errorMessage(answer.body) ?? ''}`.trim()
      await persist()
      return 'waiting'
    }
    reject(e, await rejectionOf(answer, e))
    await persist()
    return 'next'
  }

  /** The API's refusal, with the case's status, actions and version looked up when the body lacks them. */
  async function rejectionOf(answer: CentralAnswer, e: Stored): Promise<CommandRejection> {
    const err = ((answer.body as { error?: Record<string, unknown> } | undefined)?.error ?? {}) as Record<
      string,
      unknown
    >
    let caseStatus = CASE_STATUSES.includes(err.status as CaseStatus) ? (err.status as CaseStatus) : undefined
    let allowed = Array.isArray(err.allowed)
      ? (err.allowed as unknown[]).filter((a): a is CaseAction => CASE_ACTIONS.includes(a as CaseAction))
      : undefined
    let currentVersion = Number.isInteger(err.currentVersion) ? (err.currentVersion as number) : undefined
    const caseId = /^\/cases\/([^/]+)\/actions$/.exec(e.request?.path ?? '')?.[1]
    if (caseId && answer.status !== 404 && (!caseStatus || !allowed || currentVersion === undefined)) {
      try {
        const got = await session.call('GET', `/cases/${caseId}`, { asUser: e.userId })
        const view = (got.body as { case?: Record<string, unknown> } | undefined)?.case
        if (got.status === 200 && view) {
          caseStatus ??= view.status as CaseStatus
          currentVersion ??= view.version as number
          const abilities = view.abilities as Record<string, boolean> | undefined
          allowed ??= CASE_ACTIONS.filter((a) => abilities?.[a] === true)
        }
      } catch {
        // Offline again: the rejection stands with what the refusal said.
      }
    }
    return {
      httpStatus: answer.status,
      code: typeof err.code === 'string' ? err.code : `HTTP_${answer.status}`,
      message: typeof err.message === 'string' ? err.message : `the central API answered ${answer.status}`,
      ...(typeof err.field === 'string' ? { field: err.field } : {}),
      ...(caseStatus ? { caseStatus } : {}),
      ...(allowed ? { allowed } : {}),
      ...(currentVersion !== undefined ? { currentVersion } : {}),
    }
  }

  async function runPass(): Promise<void> {
    for (const e of [...entries].sort((a, b) => a.seq - b.seq)) {
      if (closed) return
      if (!unsent(e) || !entries.includes(e)) continue
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
    const wait = Math.min(retry.max, retry.first * 2 ** Math.min(20, failures - 1))
    retryTimer = setTimeout(() => {
      retryTimer = undefined
      outbox.kick()
    }, wait)
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
      const e = byClientId(clientId)
      if (!e || !visible(e)) throw new BridgeFailure('NOT_FOUND', `no command ${clientId} of this account`)
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
    perCase() {
      const out = new Map<string, { queued: number; rejected: boolean }>()
      for (const e of [...entries].sort((a, b) => a.seq - b.seq)) {
        const id = caseIdOf(e) ?? (e.command.kind === 'action' ? e.command.caseClientId : e.clientId)
        if (!id) continue
        const c = out.get(id) ?? { queued: 0, rejected: false }
        if (unsent(e)) c.queued++
        else c.rejected = e.state === 'rejected'
        out.set(id, c)
      }
      return out
    },
    forCase(caseId) {
      return entries.filter((e) => caseKeys(e).includes(caseId)).map(present)
    },
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

function present(e: Stored): OutboxEntry {
  return {
    clientId: e.clientId,
    seq: e.seq,
    command: e.command,
    userId: e.userId,
    state: e.state,
    queuedAt: e.queuedAt,
    sentAt: e.sentAt,
    attempts: e.attempts,
    result: e.result,
    rejection: e.rejection,
    lastError: e.lastError,
  }
}

function label(c: CaseCommandInput): string {
  return c.kind === 'create' ? 'new case' : `${c.action} on ${c.caseId ?? `new case ${c.caseClientId}`}`
}
