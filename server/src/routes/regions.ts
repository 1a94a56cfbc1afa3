import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { getRegion, listRegions, presentRegion } from '../db/regions.js'
import { notFound } from '../errors.js'
import { errorResponses, Feature, RegionProps } from './schemas.js'

const regions: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/regions',
    {
      schema: {
        tags: ['reference'],
        summary: 'Districts (区), streets (街道) and communities (社区) with their boundaries',
        querystring: Type.Object({
          level: Type.Optional(Type.Union([Type.Literal('district'), Type.Literal('street'), Type.Literal('community')])),
          parent: Type.Optional(Type.String({ pattern: '^[0-9]{6}([0-9]{3})?$', description: 'Code of the parent region' })),
        }),
        response: {
          200: Type.Object({ type: Type.Literal('FeatureCollection'), features: Type.Array(Feature(RegionProps)) }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const rows = await listRegions(app.db, {
        ...(request.query.level ? { level: request.query.level } : {}),
        ...(request.query.parent ? { parentCode: request.query.parent } : {}),
      })
      return { type: 'FeatureCollection' as const, features: rows.map(presentRegion) }
    },
  )

  app.get(
    '/regions/:code',
    {
      schema: {
        tags: ['reference'],
        summary: 'One region',
        params: Type.Object({ code: Type.String({ pattern: '^[0-9]{6}([0-9]{3}){0,2}$' }) }),
        response: { 200: Feature(RegionProps), ...errorResponses },
      },
    },
    async (request) => {
      const row = await getRegion(app.db, request.params.code)
      if (!row) throw notFound(`region ${request.params.code}`)
      return presentRegion(row)
    },
  )
}

export default regions
