import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { verifyCaseChains } from '../../db/case-chain.js'
import { caseErrors } from '../schemas.js'
import { ADMINS } from '../../policies/roles.js'

const Break = Type.Object({
  caseId: Type.String(),
  caseNumber: Type.String(),
  seq: Type.Integer({ description: 'The event at fault (for a deletion: the first missing one, or the event after the gap)' }),
  problem: Type.Union(['content changed', 'link broken', 'event deleted', 'event inserted', 'head mismatch'].map((p) => Type.Literal(p))),
  detail: Type.String(),
})

/**
 * 操作记录校验 — the same walk as `cityloop-server verify-audit`, for an administrator at the desk: every
 * case's event chain, each break named. Reads only; on a large center it takes a while (a page of 500 cases
 * per read).
 */
const caseChain: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/admin/case-events/verify',
    {
      config: { roles: ADMINS },
      schema: {
        tags: ['admin'],
        summary: 'Check every case’s audit trail (its events’ SHA-256 hash chain) and list each break',
        response: {
          200: Type.Object({
            whole: Type.Boolean(),
            cases: Type.Integer(),
            events: Type.Integer(),
            breaks: Type.Array(Break),
            seal: Type.String({ description: 'SHA-256 over every case’s last event hash: record it elsewhere to detect a chain rewritten as a whole later' }),
          }),
          ...caseErrors,
        },
      },
    },
    async () => {
      const r = await verifyCaseChains(app.db)
      return { whole: r.breaks.length === 0, ...r }
    },
  )
}

export default caseChain
