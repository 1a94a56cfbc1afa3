import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { getUnit, listRules, listUnits, presentRule, presentUnit } from '../db/units.js'
import { notFound } from '../errors.js'
import { errorResponses, RoutingRule, Unit } from './schemas.js'

const units: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/units',
    {
      schema: {
        tags: ['reference'],
        summary: 'Responsible units (责任单位)',
        querystring: Type.Object({ type: Type.Optional(Type.String({ description: 'Unit type, e.g. sanitation' })) }),
        response: { 200: Type.Object({ units: Type.Array(Unit) }), ...errorResponses },
      },
    },
    async (request) => ({
      units: (await listUnits(app.db, request.query.type ? { type: request.query.type } : {})).map(presentUnit),
    }),
  )

  app.get(
    '/units/:id',
    {
      schema: {
        tags: ['reference'],
        summary: 'One responsible unit',
        params: Type.Object({ id: Type.String() }),
        response: { 200: Unit, ...errorResponses },
      },
    },
    async (request) => {
      const row = await getUnit(app.db, request.params.id)
      if (!row) throw notFound(`unit ${request.params.id}`)
      return presentUnit(row)
    },
  )

  app.get(
    '/routing-rules',
    {
      schema: {
        tags: ['reference'],
        summary: 'Routing rules (派遣规则): which unit handles which categories where',
        response: { 200: Type.Object({ rules: Type.Array(RoutingRule) }), ...errorResponses },
      },
    },
    async () => ({ rules: (await listRules(app.db)).map(presentRule) }),
  )
}

export default units
