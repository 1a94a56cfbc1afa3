import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Kysely } from 'kysely'
import type { Database } from './db/schema.js'
import { createCityModelCache, type CityModelCache } from './services/city-model.js'
import { ApiError } from './errors.js'
import { ErrorBody } from './routes/schemas.js'
import healthRoutes from './routes/health.js'
import regionRoutes from './routes/regions.js'
import gridRoutes from './routes/grids.js'
import catalogRoutes from './routes/catalog.js'
import unitRoutes from './routes/units.js'
import componentRoutes from './routes/components.js'
import locateRoutes from './routes/locate.js'
import syncRoutes from './routes/sync.js'

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>
    cityModel: CityModelCache
    databaseEngine: 'postgres' | 'pglite'
  }
}

/** What the API needs from its host. */
export interface AppOptions {
  readonly db: Kysely<Database>
  readonly databaseEngine: 'postgres' | 'pglite'
  readonly logger?: FastifyServerOptions['logger']
  readonly cityModel?: CityModelCache
}

/** Builds the central API (数字城管 system of record): routes, OpenAPI document and docs UI. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    // Query arrays such as `entities=a,b` are split by the routes; keep the parser's defaults otherwise.
    ajv: { customOptions: { coerceTypes: true, removeAdditional: false, useDefaults: true, allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>()

  app.decorate('db', options.db)
  app.decorate('databaseEngine', options.databaseEngine)
  app.decorate('cityModel', options.cityModel ?? createCityModelCache(options.db))
  app.addSchema(ErrorBody)

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'CityLoop central API',
        description:
          '数字化城市管理 central system of record: regions, unit grids (单元网格), the standards catalog of both ' +
          'editions (GB/T 30428.2-2013, GB/T 47678.5-2026), responsible units (责任单位), components (管理部件), ' +
          'point lookup and the change feed that workstations sync from.',
        version: '0.1.0',
      },
      tags: [
        { name: 'reference', description: 'City reference data' },
        { name: 'lookup', description: 'Point → grid → region → responsible unit' },
        { name: 'sync', description: 'Change feed for clients that sync' },
        { name: 'ops', description: 'Health' },
      ],
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  })
  await app.register(swaggerUi, { routePrefix: '/api/docs' })
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger())

  app.setErrorHandler((error: Error & { statusCode?: number; validation?: unknown; validationContext?: string }, request, reply) => {
    if (error instanceof ApiError) {
      return reply.status(error.statusCode).send({ error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) } })
    }
    if (error.validation) {
      return reply.status(400).send({ error: { code: 'VALIDATION', message: error.message, field: error.validationContext } })
    }
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500
    if (status >= 500) {
      request.log.error({ err: error, method: request.method, url: request.url }, 'request failed')
      return reply.status(status).send({ error: { code: 'INTERNAL', message: 'Internal Server Error' } })
    }
    return reply.status(status).send({ error: { code: 'BAD_REQUEST', message: error.message } })
  })
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: { code: 'NOT_FOUND', message: `no route ${request.method} ${request.url.split('?')[0]}` } }),
  )

  await app.register(healthRoutes)
  await app.register(regionRoutes, { prefix: '/api/v1' })
  await app.register(gridRoutes, { prefix: '/api/v1' })
  await app.register(catalogRoutes, { prefix: '/api/v1' })
  await app.register(unitRoutes, { prefix: '/api/v1' })
  await app.register(componentRoutes, { prefix: '/api/v1' })
  await app.register(locateRoutes, { prefix: '/api/v1' })
  await app.register(syncRoutes, { prefix: '/api/v1' })
  return app
}
