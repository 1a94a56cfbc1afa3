/**
 * What the central API's answer to a sent case command means for the outbox, as plain functions (no I/O):
 * applied (with the case as answered), applied but unreadable, the session ended, retry later, or rejected
 * with the API's code, message and field — and the case's status, allowed actions and version, looked up by
 * outbox.ts when the refusal did not carry them.
 */
import type { CaseAction, CaseStatus } from '../../core/case/types.js'
import { CASE_ACTIONS, CASE_STATUSES } from '../../core/case/types.js'
import type { CaseRecord, CommandRejection, OutboxEntry } from '../../contracts/bridge/index.js'
import { CaseFormatError, parseCaseRecord } from './case-record.js'

/** An answer of the central API: its status and parsed JSON body. */
export interface CommandAnswer {
  readonly status: number
  readonly body: unknown
}

/** What to do with a sent command after its answer. */
export type AnswerVerdict =
  /** Applied: the case as the central API answered it. */
  | {
      readonly kind: 'applied'
      readonly record: CaseRecord
      readonly result: NonNullable<OutboxEntry['result']>
    }
  /** Applied (a 2xx), but the answer is not a case: the feed will bring the case. */
  | { readonly kind: 'applied-unreadable'; readonly problem: string }
  /** 401: the session ended; the command waits for its account to sign in again. */
  | { readonly kind: 'session-ended' }
  /** 5xx, 408, 429: the same request is sent again later. */
  | { readonly kind: 'retry'; readonly lastError: string }
  /** Refused for good; `lookUpCase`: the case whose state the refusal did not give, to fetch. */
  | { readonly kind: 'rejected'; readonly rejection: CommandRejection; readonly lookUpCase?: string }

/** Classifies the answer to `POST <path>`. Throws what parsing a 2xx case throws other than a format error. */
export function classifyAnswer(answer: CommandAnswer, path: string): AnswerVerdict {
  const s = answer.status
  if (s === 200 || s === 201) {
    let record: CaseRecord
    try {
      record = parseCaseRecord((answer.body as { case?: unknown } | undefined)?.case)
    } catch (error) {
      if (!(error instanceof CaseFormatError)) throw error
      return { kind: 'applied-unreadable', problem: error.message }
    }
    return {
      kind: 'applied',
      record,
      result: { caseId: record.id, number: record.number, status: record.status, version: record.version },
    }
  }
  if (s === 401) return { kind: 'session-ended' }
  if (s >= 500 || s === 408 || s === 429) {
    const said = errorBody(answer.body).message
    return {
      kind: 'retry',
      lastError: `the central API answered ${s}: ${typeof said === 'string' ? said : ''}`.trim(),
    }
  }
  const rejection = rejectionFrom(answer)
  const lookUpCase = caseToLookUp(rejection, path)
  return { kind: 'rejected', rejection, ...(lookUpCase ? { lookUpCase } : {}) }
}

/** The API's refusal as the bridge shows it: what its error body says, and nothing it does not. */
export function rejectionFrom(answer: CommandAnswer): CommandRejection {
  const err = errorBody(answer.body)
  const allowed = Array.isArray(err.allowed)
    ? (err.allowed as unknown[]).filter((a): a is CaseAction => CASE_ACTIONS.includes(a as CaseAction))
    : undefined
  return {
    httpStatus: answer.status,
    code: typeof err.code === 'string' ? err.code : `HTTP_${answer.status}`,
    message: typeof err.message === 'string' ? err.message : `the central API answered ${answer.status}`,
    ...(typeof err.field === 'string' ? { field: err.field } : {}),
    ...(CASE_STATUSES.includes(err.status as CaseStatus) ? { caseStatus: err.status as CaseStatus } : {}),
    ...(allowed ? { allowed } : {}),
    ...(Number.isInteger(err.currentVersion) ? { currentVersion: err.currentVersion as number } : {}),
  }
}

/**
 * The case to fetch to complete a rejection of `POST <path>`: an action's case, when the refusal lacks its
 * status, allowed actions or version — not after a 404 (there is no such case) nor for a new case.
 */
export function caseToLookUp(rejection: CommandRejection, path: string): string | undefined {
  const caseId = /^\/cases\/([^/]+)\/actions$/.exec(path)?.[1]
  if (!caseId || rejection.httpStatus === 404) return undefined
  const complete =
    rejection.caseStatus !== undefined &&
    rejection.allowed !== undefined &&
    rejection.currentVersion !== undefined
  return complete ? undefined : caseId
}

/**
 * The rejection completed from the case's view (`GET /cases/:id`'s `case`): what the refusal said stands,
 * the view fills in only what is missing (status, version, allowed actions from its abilities).
 */
export function withCaseView(rejection: CommandRejection, view: unknown): CommandRejection {
  if (typeof view !== 'object' || view === null) return rejection
  const v = view as Record<string, unknown>
  const abilities = (typeof v.abilities === 'object' && v.abilities !== null ? v.abilities : {}) as Record<
    string,
    unknown
  >
  const caseStatus =
    rejection.caseStatus ??
    (CASE_STATUSES.includes(v.status as CaseStatus) ? (v.status as CaseStatus) : undefined)
  const currentVersion =
    rejection.currentVersion ?? (Number.isInteger(v.version) ? (v.version as number) : undefined)
  const allowed = rejection.allowed ?? CASE_ACTIONS.filter((a) => abilities[a] === true)
  return {
    httpStatus: rejection.httpStatus,
    code: rejection.code,
    message: rejection.message,
    ...(rejection.field !== undefined ? { field: rejection.field } : {}),
    ...(caseStatus ? { caseStatus } : {}),
    allowed,
    ...(currentVersion !== undefined ? { currentVersion } : {}),
  }
}

function errorBody(body: unknown): Record<string, unknown> {
  const err = (body as { error?: unknown } | undefined)?.error
  return typeof err === 'object' && err !== null ? (err as Record<string, unknown>) : {}
}
