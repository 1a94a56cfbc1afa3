import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { getCatalogEdition, listCatalogClasses, listCatalogEditions, presentCatalogClass } from '../db/catalog.js'
import { notFound } from '../errors.js'
import { CatalogClass, errorResponses } from './schemas.js'

const Edition = Type.Union([Type.Literal('2013'), Type.Literal('2026')], {
  description: '2013: GB/T 30428.2-2013; 2026: GB/T 47678.5-2026',
})
const BigClass = Type.Object({ edition: Type.String(), kind: Type.String(), code: Type.String(), name: Type.String(), nameEn: Type.String(), local: Type.Boolean() })

const catalog: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/catalog',
    {
      schema: {
        tags: ['reference'],
        summary: 'The standards catalog editions served (分类标准目录)',
        response: {
          200: Type.Object({
            editions: Type.Array(
              Type.Object({ edition: Type.String(), standard: Type.String(), version: Type.String(), classes: Type.Integer() }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async () => ({
      editions: (await listCatalogEditions(app.db)).map((e) => ({ edition: e.edition, standard: e.standard, version: e.catalogVersion, classes: e.classes })),
    }),
  )

  app.get(
    '/catalog/:edition',
    {
      schema: {
        tags: ['reference'],
        summary: 'One edition: big classes and small classes with 立案条件, 处置时限 per area class and 结案条件',
        params: Type.Object({ edition: Edition }),
        querystring: Type.Object({
          kind: Type.Optional(Type.Union([Type.Literal('component'), Type.Literal('event')])),
          q: Type.Optional(Type.String({ minLength: 1, description: 'Search code, Chinese or English name' })),
        }),
        response: {
          200: Type.Object({
            edition: Type.String(),
            standard: Type.String(),
            version: Type.String(),
            bigClasses: Type.Array(BigClass),
            classes: Type.Array(CatalogClass),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { edition } = request.params
      const head = await getCatalogEdition(app.db, edition)
      if (!head) throw notFound(`catalog edition ${edition}`)
      const rows = await listCatalogClasses(app.db, edition, request.query)
      return {
        edition,
        standard: head.standard,
        version: head.catalog_version,
        bigClasses: (head.big_classes as Array<{ kind: string }>).filter((b) => !request.query.kind || b.kind === request.query.kind) as never,
        classes: rows.map(presentCatalogClass),
      }
    },
  )
}

export default catalog
