import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { databaseCursor } from '../db/health.js'

const health: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['ops'],
        summary: 'Liveness and database reachability',
        response: {
          200: Type.Object({ status: Type.Literal('ok'), database: Type.String(), cursor: Type.String() }),
        },
      },
    },
    async () => ({ status: 'ok' as const, database: app.databaseEngine, cursor: await databaseCursor(app.db) }),
  )
}

export default health
