/**
 * 待发指令 — the outbox's decisions about its queue, as plain functions (no I/O, no timers, no clock): which
 * case a queued command refers to (its id, or the client id of the command that created it offline), which
 * earlier command of the same account it is chained behind and which version it is then sent against, what
 * request it becomes, and what the outbox shows. outbox.ts keeps the file, the sending and the order of
 * things, and calls these.
 */
import type {
  CaseCommandInput,
  CommandRejection,
  OutboxEntry,
  OutboxStatus,
} from '../../contracts/bridge/index.js'

/** A command as stored in outbox.json: the entry the bridge shows, plus what sending it needs. */
export interface StoredCommand {
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
  request: SentRequest | null
}

/** What a command is sent as: `POST <path>` with `body`, under its Idempotency-Key. */
export interface SentRequest {
  readonly path: string
  readonly body: Readonly<Record<string, unknown>>
}

/** outbox.json. */
export interface OutboxFile {
  readonly version: 1
  readonly nextSeq: number
  readonly entries: readonly StoredCommand[]
}

/** Applied commands kept (and shown) for the user to look back on; older ones are dropped. */
export const APPLIED_KEPT = 50
/** How long the central API keeps Idempotency-Keys (server/src/services/jobs.ts, `deleteOldKeys`). */
export const KEY_RETENTION_MS = 7 * 86_400_000

/** Still to send: queued, or being sent (a retry sends it again under its key). */
export const isUnsent = (e: StoredCommand): boolean => e.state === 'queued' || e.state === 'sending'

/** The stored command with this client id. */
export function findCommand(
  entries: readonly StoredCommand[],
  clientId: string | null | undefined,
): StoredCommand | undefined {
  return clientId ? entries.find((e) => e.clientId === clientId) : undefined
}

/**
 * Reads outbox.json's text. A command that was being sent when the process stopped may or may not have
 * arrived: it is queued again, to be sent under its key, and the central API answers with what it did.
 * Throws on anything that is not an outbox file.
 */
export function restoreOutbox(text: string): { entries: StoredCommand[]; nextSeq: number } {
  const f = JSON.parse(text) as Partial<OutboxFile> | null
  if (f?.version !== 1 || !Array.isArray(f.entries)) throw new Error('not an outbox file')
  const entries = f.entries.map((e) =>
    e.state === 'sending' ? { ...e, state: 'queued' as const } : { ...e },
  )
  const nextSeq = Math.max(Number.isInteger(f.nextSeq) ? f.nextSeq! : 1, ...entries.map((e) => e.seq + 1))
  return { entries, nextSeq }
}

/** The entries to write: all but the applied ones older than the latest {@link APPLIED_KEPT}. */
export function trimApplied(entries: readonly StoredCommand[]): StoredCommand[] {
  const applied = entries.filter((e) => e.state === 'applied')
  const drop = new Set(applied.slice(0, Math.max(0, applied.length - APPLIED_KEPT)))
  return entries.filter((e) => !drop.has(e))
}

/** The case id a stored command acts on (or created), when known. */
export function caseIdOf(entries: readonly StoredCommand[], e: StoredCommand): string | undefined {
  if (e.result) return e.result.caseId
  if (e.command.kind === 'create') return undefined
  return e.command.caseId ?? findCommand(entries, e.command.caseClientId)?.result?.caseId
}

/** Every name the case of a command goes by: its id, and the client id of the command that created it. */
export function caseKeys(entries: readonly StoredCommand[], e: StoredCommand): string[] {
  const keys: string[] = []
  const id = caseIdOf(entries, e)
  if (id) keys.push(id)
  if (e.command.kind === 'create') keys.push(e.clientId)
  else if (e.command.caseClientId) keys.push(e.command.caseClientId)
  return keys
}

/**
 * Where a new command of `userId` goes in the queue: behind (`after`) that account's last unsent command on
 * the same case, whose result it will then be sent against — or why it cannot be queued (`refused`, naming
 * the field): an action on an offline-created case must name a new case of this account in the outbox, and
 * an action on a known case the version it was decided on.
 */
export function placeCommand(
  entries: readonly StoredCommand[],
  command: CaseCommandInput,
  userId: string,
): { readonly after: string | null } | { readonly refused: string } {
  if (command.kind !== 'action') return { after: null }
  const create = findCommand(entries, command.caseClientId)
  if (command.caseClientId !== undefined) {
    if (!create || create.command.kind !== 'create' || create.userId !== userId)
      return {
        refused: `command.caseClientId: no new case ${command.caseClientId} of this account in the outbox`,
      }
  } else if (command.version === undefined) {
    return { refused: 'command.version: the version the action was decided on is required' }
  }
  const keys = new Set(command.caseId ? [command.caseId] : [command.caseClientId!])
  if (create?.result) keys.add(create.result.caseId)
  const earlier = entries.filter(
    (e) => e.userId === userId && isUnsent(e) && caseKeys(entries, e).some((k) => keys.has(k)),
  )
  return { after: earlier.at(-1)?.clientId ?? null }
}

/**
 * What an action is sent against, or why it cannot be: the case is the one named, or the one its create
 * command produced (refused when that creation was refused or is gone); the version is the one the command
 * it was chained behind produced, when that was applied — the user decided on top of their own earlier
 * command — else the one it was decided on, else (an offline-created case) the created case's.
 */
export function actionTarget(
  entries: readonly StoredCommand[],
  e: StoredCommand & { readonly command: { readonly kind: 'action' } },
): { readonly caseId: string; readonly version: number } | CommandRejection {
  const c = e.command
  const create = findCommand(entries, c.caseClientId)
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
  const before = findCommand(entries, e.after)
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

/** The request a command is sent as (fixed once, before its first attempt), or the rejection of an action
 * whose case cannot be resolved. */
export function requestFor(
  entries: readonly StoredCommand[],
  e: StoredCommand,
): { readonly request: SentRequest } | { readonly rejection: CommandRejection } {
  if (e.command.kind === 'create') return { request: { path: '/cases', body: { ...e.command.input } } }
  const t = actionTarget(entries, e as StoredCommand & { command: { kind: 'action' } })
  if ('code' in t) return { rejection: t }
  return {
    request: {
      path: `/cases/${t.caseId}/actions`,
      body: { ...e.command.payload, action: e.command.action, version: t.version },
    },
  }
}

/**
 * The outbox as the bridge shows it to `userId` (null: signed out): that account's commands, the unsent
 * ones of every account counted while signed out; `sending` while a pass runs, `waiting` while the central
 * is unreachable, `signed-out` while commands wait for an account.
 */
export function outboxStatus(
  entries: readonly StoredCommand[],
  userId: string | null,
  activity: { readonly passing: boolean; readonly waiting: boolean },
): OutboxStatus {
  const mine = userId === null ? [] : entries.filter((e) => e.userId === userId)
  const queued = (userId !== null ? mine : entries).filter(isUnsent).length
  const applied = mine.filter((e) => e.state === 'applied').slice(-APPLIED_KEPT)
  const shown = mine.filter((e) => e.state !== 'applied' || applied.includes(e))
  const state: OutboxStatus['state'] = activity.passing
    ? 'sending'
    : activity.waiting && queued > 0
      ? 'waiting'
      : userId === null && queued > 0
        ? 'signed-out'
        : 'idle'
  return {
    state,
    queued,
    rejected: mine.filter((e) => e.state === 'rejected').length,
    entries: shown.map(present),
  }
}

/** Per case (its id, or the client id of its create command): commands still to send, and whether its last
 * settled command was rejected. */
export function commandsPerCase(
  entries: readonly StoredCommand[],
): Map<string, { queued: number; rejected: boolean }> {
  const out = new Map<string, { queued: number; rejected: boolean }>()
  for (const e of [...entries].sort((a, b) => a.seq - b.seq)) {
    const id = caseIdOf(entries, e) ?? (e.command.kind === 'action' ? e.command.caseClientId : e.clientId)
    if (!id) continue
    const c = out.get(id) ?? { queued: 0, rejected: false }
    if (isUnsent(e)) c.queued++
    else c.rejected = e.state === 'rejected'
    out.set(id, c)
  }
  return out
}

/** The commands of one case, named by its id or by the client id of the command that created it. */
export function commandsOfCase(entries: readonly StoredCommand[], caseId: string): OutboxEntry[] {
  return entries.filter((e) => caseKeys(entries, e).includes(caseId)).map(present)
}

/** The wait before the next pass after `failures` transport failures in a row: doubling up to the ceiling. */
export function retryDelay(
  failures: number,
  retry: { readonly first: number; readonly max: number },
): number {
  return Math.min(retry.max, retry.first * 2 ** Math.min(20, Math.max(0, failures - 1)))
}

/** Whether a retry may come after the central API forgot the key (first sent over 7 days before `now`). */
export function keyMayBeForgotten(e: StoredCommand, now: Date): boolean {
  return e.sentAt !== null && +now - Date.parse(e.sentAt) > KEY_RETENTION_MS
}

/** The entry as the bridge shows it: without the chaining and the fixed request. */
export function present(e: StoredCommand): OutboxEntry {
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

/** A command named for the log. */
export function commandLabel(c: CaseCommandInput): string {
  return c.kind === 'create' ? 'new case' : `${c.action} on ${c.caseId ?? `new case ${c.caseClientId}`}`
}
