import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { getComponent, listComponents, presentComponent } from '../db/components.js'
import { notFound } from '../errors.js'
import { BboxParam, ComponentProps, errorResponses, Feature, FeatureCollection, LimitParam } from './schemas.js'
import { parseBbox } from './params.js'

const components: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/components',
    {
      schema: {
        tags: ['reference'],
        summary: 'Components (管理部件) as GeoJSON points, filtered by bbox, category, status or grid; paged by id',
        querystring: Type.Object({
          bbox: Type.Optional(BboxParam),
          category: Type.Optional(
            Type.String({ description: "Category key or prefix: '2013:component:0101', '2026:component:01', '2013'" }),
          ),
          status: Type.Optional(
            Type.Union(['intact', 'damaged', 'missing', 'discarded', 'removed'].map((s) => Type.Literal(s))),
          ),
          grid: Type.Optional(Type.String({ pattern: '^[0-9]{15}$' })),
          after: Type.Optional(Type.String({ pattern: '^[0-9]{16,17}$', description: 'Last id of the previous page' })),
          limit: LimitParam(10_000, 1_000),
        }),
        response: { 200: FeatureCollection(ComponentProps), ...errorResponses },
      },
    },
    async (request) => {
      const { limit, after, category, status, grid } = request.query
      const bbox = parseBbox(request.query.bbox)
      const rows = await listComponents(app.db, {
        limit,
        ...(bbox ? { bbox } : {}),
        ...(after ? { after } : {}),
        ...(category ? { category } : {}),
        ...(status ? { status } : {}),
        ...(grid ? { gridId: grid } : {}),
      })
      return {
        type: 'FeatureCollection' as const,
        features: rows.map(presentComponent),
        next: rows.length === limit ? rows[rows.length - 1]!.id : null,
      }
    },
  )

  app.get(
    '/components/:id',
    {
      schema: {
        tags: ['reference'],
        summary: 'One component',
        params: Type.Object({ id: Type.String({ pattern: '^[0-9]{16,17}$' }) }),
        response: { 200: Feature(ComponentProps), ...errorResponses },
      },
    },
    async (request) => {
      const row = await getComponent(app.db, request.params.id)
      if (!row) throw notFound(`component ${request.params.id}`)
      return presentComponent(row)
    },
  )
}

export default components
