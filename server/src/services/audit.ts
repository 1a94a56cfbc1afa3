import type { FastifyInstance, FastifyRequest } from 'fastify'
import { insertAudit, type AuditEntry } from '../db/audit.js'

/** What a route says about an event; the request supplies who, from where and when. */
export type AuditEvent = Pick<AuditEntry, 'action' | 'outcome' | 'target' | 'details'> & {
  /** For events before a principal exists (sign-in): the account, or the name typed. */
  readonly actorId?: string
  readonly actorName?: string
}

/**
 * 安全审计 — appends one event for `request` to the security audit log on the app's own connection, not
 * in any transaction of the request, so a refused or failed request still leaves its row. A failure to
 * write is logged at error level and thrown: an action that cannot be audited does not pass silently.
 */
export async function audit(app: FastifyInstance, request: FastifyRequest, event: AuditEvent): Promise<void> {
  const p = request.principal
  const entry: AuditEntry = {
    at: app.clock(),
    actorKind: p ? p.kind : event.actorId || event.actorName ? 'user' : 'anonymous',
    ...(p ? { actorId: p.actor.id, actorName: p.kind === 'user' ? p.username : p.name } : {}),
    ...(event.actorId ? { actorId: event.actorId } : {}),
    ...(event.actorName ? { actorName: event.actorName } : {}),
    address: request.ip,
    action: event.action,
    outcome: event.outcome,
    ...(event.target ? { target: event.target } : {}),
    ...(event.details ? { details: event.details } : {}),
  }
  try {
    await insertAudit(app.db, entry)
  } catch (error) {
    request.log.error({ err: error, audit: entry }, 'could not write the security audit log')
    throw error
  }
}
