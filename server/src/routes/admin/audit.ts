import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { listAudit } from '../../db/audit.js'
import { badRequest } from '../../errors.js'
import { caseErrors } from '../schemas.js'
import { ADMINS } from '../../policies/roles.js'

const Entry = Type.Object({
  id: Type.String(),
  at: Type.String(),
  actorKind: Type.String({ description: 'user, api-client, anonymous or system' }),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()], { description: 'username or API client name; at a failed sign-in, the name typed' }),
  address: Type.Union([Type.String(), Type.Null()], { description: 'client address (X-Forwarded-For behind a trusted proxy)' }),
  action: Type.String(),
  outcome: Type.String(),
  target: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
})

/** 安全审计查询 — administrators read the security audit log, newest first. */
const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/admin/audit',
    {
      config: { roles: ADMINS },
      schema: {
        tags: ['admin'],
        summary: 'The security audit log (administrators): sign-ins, sign-outs, password and account changes, API clients, calendar and case rules, refusals (403)',
        description: 'Newest first. Filters combine; page on with `after` = the previous page’s `next`.',
        querystring: Type.Object(
          {
            actor: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'user or API client id, or username' })),
            action: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'e.g. auth.login, user.disable, access.denied' })),
            outcome: Type.Optional(Type.Enum(['success', 'failure', 'denied', 'throttled'])),
            address: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
            from: Type.Optional(Type.String({ description: 'ISO 8601 instant, inclusive' })),
            to: Type.Optional(Type.String({ description: 'ISO 8601 instant, exclusive' })),
            after: Type.Optional(Type.String({ pattern: '^[0-9]{1,19}$', description: 'keyset cursor: `next` of the previous page' })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ entries: Type.Array(Entry), next: Type.Union([Type.String(), Type.Null()]) }), ...caseErrors },
      },
    },
    async (request) => {
      const q = request.query
      const instant = (name: 'from' | 'to'): Date | undefined => {
        const text = q[name]
        if (text === undefined) return undefined
        const d = new Date(text)
        if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(+d)) throw badRequest(`querystring.${name}: not an ISO 8601 instant: "${text}"`, `querystring.${name}`)
        return d
      }
      const limit = q.limit ?? 100
      const from = instant('from')
      const to = instant('to')
      const rows = await listAudit(app.db, {
        limit,
        ...(q.actor ? { actor: q.actor } : {}),
        ...(q.action ? { action: q.action } : {}),
        ...(q.outcome ? { outcome: q.outcome } : {}),
        ...(q.address ? { address: q.address } : {}),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
        ...(q.after ? { before: q.after } : {}),
      })
      return {
        entries: rows.map((r) => ({
          id: String(r.id),
          at: new Date(r.at).toISOString(),
          actorKind: r.actor_kind,
          actorId: r.actor_id,
          actorName: r.actor_name,
          address: r.address,
          action: r.action,
          outcome: r.outcome,
          target: r.target,
          details: r.details,
        })),
        next: rows.length === limit ? String(rows[rows.length - 1]!.id) : null,
      }
    },
  )
}

export default auditRoutes
