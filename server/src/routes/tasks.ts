import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import type { CaseState } from '../../../core/case/types.js'
import { searchCases, type CaseRow } from '../db/cases.js'
import { forbidden } from '../errors.js'
import { principalOf } from '../auth/principal.js'
import { presentCaseFor } from '../presenters/case.js'
import { caseScope, caseViewRefusal } from '../policies/case-access.js'
import { queueFilters, todo } from '../services/tasks.js'
import { CaseView } from './cases/schema.js'
import { caseErrors } from './schemas.js'

/** 待办 — the caller's queue: cases it can act on now, oldest first. */
const tasks: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/tasks',
    {
      schema: {
        tags: ['cases'],
        summary: '待办 — the caller’s queue, by role, unit and duty grids; oldest first',
        description:
          'Each entry is a case the caller can act on now, with `todo`: the actions (and, for the shift leader, escalations such as ' +
          'escalation:arrival-missing; for a leader, red-light cases to supervise).',
        querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 500, default: 200 }) }),
        response: {
          200: Type.Object({ tasks: Type.Array(Type.Object({ todo: Type.Array(Type.String()), case: CaseView })), truncated: Type.Boolean() }),
          ...caseErrors,
        },
      },
    },
    async (request) => {
      const actor = principalOf(request).actor
      if (caseViewRefusal(actor)) throw forbidden(`a ${actor.role} has no case queue`)
      const { rules } = await app.caseRules.get()
      const limit = request.query.limit
      const now = app.clock()
      const byId = new Map<string, CaseRow>()
      let truncated = false
      for (const filter of queueFilters(actor.role)) {
        const rows = await searchCases(app.db, { filter, scope: caseScope(actor), order: 'oldest', limit: limit + 1 })
        if (rows.length > limit) truncated = true
        for (const r of rows.slice(0, limit)) byId.set(r.id, r)
      }
      const entries = [...byId.values()]
        .map((row) => ({ row, todo: todo(row.state as CaseState, actor, rules, row, now) }))
        .filter((e) => e.todo.length > 0)
        .sort((a, b) => +new Date(a.row.created_at) - +new Date(b.row.created_at) || a.row.id.localeCompare(b.row.id))
      if (entries.length > limit) truncated = true
      return { tasks: entries.slice(0, limit).map((e) => ({ todo: e.todo, case: presentCaseFor(e.row, actor, rules, now) })), truncated }
    },
  )
}

export default tasks
