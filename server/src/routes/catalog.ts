import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { presentCatalogClass } from '../db/catalog.js'
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
    async () => {
      const rows = await app.db
        .selectFrom('catalog_edition as e')
        .leftJoin('catalog_class as c', 'c.edition', 'e.edition')
        .select(['e.edition', 'e.standard', 'e.catalog_version', (eb) => eb.fn.count<string>('c.key').as('classes')])
        .groupBy(['e.edition', 'e.standard', 'e.catalog_version'])
        .orderBy('e.edition')
        .execute()
      return {
        editions: rows.map((r) => ({ edition: r.edition, standard: r.standard, version: r.catalog_version, classes: Number(r.classes) })),
      }
    },
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
      const head = await app.db.selectFrom('catalog_edition').selectAll().where('edition', '=', edition).executeTakeFirst()
      if (!head) throw notFound(`catalog edition ${edition}`)
      let q = app.db.selectFrom('catalog_class').selectAll().where('edition', '=', edition).orderBy('kind').orderBy('code')
      if (request.query.kind) q = q.where('kind', '=', request.query.kind)
      if (request.query.q) {
        const like = `%${request.query.q.replace(/[\\%_]/g, '\\$&')}%`
        q = q.where((eb) => eb.or([eb('code', 'like', like), eb('name', 'like', like), eb('name_en', 'ilike', like)]))
      }
      const rows = await q.execute()
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
