import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { sql } from 'kysely'
import { latestCursor } from '../db/changes.js'

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
    async () => {
      await sql`select 1`.execute(app.db)
      return { status: 'ok' as const, database: app.databaseEngine, cursor: await latestCursor(app.db) }
    },
  )
}

export default health
