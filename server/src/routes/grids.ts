import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { getGrid, listGrids, presentGrid } from '../db/grids.js'
import { notFound } from '../errors.js'
import { BboxParam, errorResponses, Feature, FeatureCollection, GridProps, LimitParam } from './schemas.js'
import { parseBbox } from './params.js'

const grids: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/grids',
    {
      schema: {
        tags: ['reference'],
        summary: 'Unit grids (单元网格) as GeoJSON, filtered by bbox or community, paged by id',
        querystring: Type.Object({
          bbox: Type.Optional(BboxParam),
          community: Type.Optional(Type.String({ pattern: '^[0-9]{12}$' })),
          after: Type.Optional(Type.String({ pattern: '^[0-9]{15}$', description: 'Last id of the previous page' })),
          limit: LimitParam(10_000, 1_000),
        }),
        response: { 200: FeatureCollection(GridProps), ...errorResponses },
      },
    },
    async (request) => {
      const { limit, after, community } = request.query
      const bbox = parseBbox(request.query.bbox)
      const rows = await listGrids(app.db, {
        limit,
        ...(bbox ? { bbox } : {}),
        ...(after ? { after } : {}),
        ...(community ? { communityCode: community } : {}),
      })
      return {
        type: 'FeatureCollection' as const,
        features: rows.map(presentGrid),
        next: rows.length === limit ? rows[rows.length - 1]!.id : null,
      }
    },
  )

  app.get(
    '/grids/:id',
    {
      schema: {
        tags: ['reference'],
        summary: 'One unit grid',
        params: Type.Object({ id: Type.String({ pattern: '^[0-9]{15}$' }) }),
        response: { 200: Feature(GridProps), ...errorResponses },
      },
    },
    async (request) => {
      const row = await getGrid(app.db, request.params.id)
      if (!row) throw notFound(`unit grid ${request.params.id}`)
      return presentGrid(row)
    },
  )
}

export default grids
