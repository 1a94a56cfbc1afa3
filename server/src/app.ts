import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import rateLimit from '@fastify/rate-limit'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Kysely } from 'kysely'
import type { Database } from './db/schema.js'
import { createCityModelCache, type CityModelCache } from './services/city-model.js'
import { ApiError } from './errors.js'
import { ErrorBody } from './routes/schemas.js'
import { refuseUnstorableInput, schemaError, type SchemaIssue } from './routes/validation.js'
import healthRoutes from './routes/health.js'
import regionRoutes from './routes/regions.js'
import gridRoutes from './routes/grids.js'
import catalogRoutes from './routes/catalog.js'
import unitRoutes from './routes/units.js'
import componentRoutes from './routes/components.js'
import locateRoutes from './routes/locate.js'
import syncRoutes from './routes/sync.js'
import caseRoutes from './routes/cases/index.js'
import taskRoutes from './routes/tasks.js'
import photoRoutes from './routes/photos.js'
import userRoutes from './routes/users.js'
import calendarRoutes from './routes/admin/calendar.js'
import caseChainRoutes from './routes/admin/case-chain.js'
import { publicAuth, sessionAuth } from './routes/auth.js'
import { identify, requireCaller } from './auth/hooks.js'
import { createSessionCache, type SessionCache } from './auth/session-cache.js'
import { createCaseRulesCache, type CaseRulesCache } from './services/case-rules.js'
import { createPhotoStore, type PhotoStore } from './services/photo-store.js'
import { createJobRunner, type JobRunner } from './services/job-runner.js'
import { serverJobs, type JobContext } from './services/jobs.js'
import type { JobDefinition } from './services/job-runner.js'
import { photoQuotaFromEnv, type PhotoQuota } from './services/photo-quota.js'
import { DEFAULT_DEMO_PASSWORD } from './config.js'
import { dummyHash } from './auth/passwords.js'
import { createVerifyLimiter, type VerifyLimiter } from './auth/verify-limiter.js'
import { audit } from './services/audit.js'
import { tooMany } from './errors.js'
import auditRoutes from './routes/admin/audit.js'
import accountRoutes from './routes/admin/accounts.js'

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>
    cityModel: CityModelCache
    databaseEngine: 'postgres' | 'pglite'
    /** The app's clock: every deadline, session and lock is computed from it (tests inject one). */
    clock: () => Date
    caseRules: CaseRulesCache
    photos: PhotoStore
    photoQuota: PhotoQuota
    jobs: JobRunner
    sessionMs: number
    /** A session unused this long ends (idle timeout). */
    idleMs: number
    sessions: SessionCache
    /** Bounds concurrent argon2 verifications (sign-in, password change). */
    verifier: VerifyLimiter
    /** Passwords published with the demo, refused as new passwords. */
    knownPasswords: readonly string[]
    /** Checks the sign-in rate of the request's address (429 when exceeded). */
    checkLoginRate(request: FastifyRequest): Promise<void>
  }
}

/** Per-address request limits (@fastify/rate-limit, in memory per instance). */
export interface RateLimitOptions {
  /** Requests a minute per client address on the whole API (CITYLOOP_RATE_LIMIT, default 1200; 0 = off). */
  readonly perMinute?: number
  /** Sign-in attempts a minute per client address (CITYLOOP_LOGIN_RATE_LIMIT, default 30). */
  readonly loginPerMinute?: number
  /** Client addresses never limited (CITYLOOP_RATE_LIMIT_ALLOW, e.g. 127.0.0.1 for tests); default none. */
  readonly allowList?: readonly string[]
}

/** What the API needs from its host. */
export interface AppOptions {
  readonly db: Kysely<Database>
  readonly databaseEngine: 'postgres' | 'pglite'
  readonly logger?: FastifyServerOptions['logger']
  readonly cityModel?: CityModelCache
  /** Where photos are stored (CITYLOOP_DATA_DIR/photos when served). */
  readonly photosDir: string
  /** The clock; default the system's. */
  readonly now?: () => Date
  /** Session length; default 12 hours. */
  readonly sessionHours?: number
  /** Idle timeout of a session in minutes; default 30. */
  readonly idleMinutes?: number
  /** Per-address rate limits; defaults as {@link RateLimitOptions} says. */
  readonly rateLimit?: RateLimitOptions
  /**
   * Fastify's trustProxy: behind a reverse proxy, the proxy's address (or hop count, or true) so the client
   * address of throttling, rate limits and the audit log is X-Forwarded-For's (CITYLOOP_TRUST_PROXY).
   */
  readonly trustProxy?: boolean | string | ((address: string, hop: number) => boolean)
  /** Serve HTTPS with this PEM certificate chain and key (CITYLOOP_TLS_CERT / CITYLOOP_TLS_KEY); absent: HTTP. */
  readonly https?: { readonly cert: Buffer | string; readonly key: Buffer | string }
  /** Days the security audit log keeps its rows (CITYLOOP_AUDIT_RETENTION_DAYS, default 365, at least 180). */
  readonly auditRetentionDays?: number
  /** The configured demo password (CITYLOOP_DEMO_PASSWORD), refused as a new password like the default. */
  readonly demoPassword?: string
  /** Deadline sweep interval; 0 or absent: the jobs exist (runnable on demand) but no timer starts. */
  readonly jobIntervalMs?: number
  /**
   * 演示 — the demo's part in the running API, from server/src/demo/ (`appDemo()`): given by the hosts that
   * run the demo (the embedded database of `serve`, the workstation's embedded central, tests); the API's
   * own code never imports the demo. Absent: no demo jobs, no demo photos kept or restored.
   */
  readonly demo?: AppDemo
  /** Photo uploads per caller and window; default from CITYLOOP_PHOTO_UPLOADS / _UPLOAD_MB / _WINDOW_MINUTES (photo-quota.ts). */
  readonly photoQuota?: PhotoQuota
}

/** What a demo adds to the API (server/src/demo/app-demo.ts builds it). */
export interface AppDemo {
  /** Jobs beside the server's own (the live 'demo-activity'), given the app's parts. */
  readonly jobs?: (context: JobContext) => readonly JobDefinition[]
  /** Photos the unattached-photo cleanup keeps: the demo cites them by id. */
  readonly keepPhotoIds?: () => readonly string[]
  /** Runs when the app is ready (writes the files of demo photos a seed without a photo folder recorded). */
  readonly onReady?: (context: JobContext) => Promise<void>
}

/** Builds the central API (数字城管 system of record): routes, OpenAPI document and docs UI. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // Fastify types an HTTPS server apart; the routes use nothing that differs, so it is typed as the HTTP one.
    ...((options.https ? { https: { cert: options.https.cert, key: options.https.key } } : {}) as object),
    logger: options.logger ?? false,
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
    // Query arrays such as `entities=a,b` are split by the routes; keep the parser's defaults otherwise.
    ajv: { customOptions: { coerceTypes: true, removeAdditional: false, useDefaults: true, allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>()

  app.decorate('db', options.db)
  app.decorate('databaseEngine', options.databaseEngine)
  app.decorate('cityModel', options.cityModel ?? createCityModelCache(options.db))
  app.decorate('clock', options.now ?? (() => new Date()))
  app.decorate('caseRules', createCaseRulesCache(options.db))
  app.decorate('photos', createPhotoStore(options.photosDir))
  app.decorate('photoQuota', options.photoQuota ?? photoQuotaFromEnv())
  app.decorate('sessionMs', (options.sessionHours ?? 12) * 3_600_000)
  app.decorate('idleMs', (options.idleMinutes ?? 30) * 60_000)
  app.decorate('sessions', createSessionCache())
  app.decorate('verifier', createVerifyLimiter())
  app.decorate('knownPasswords', [...new Set([DEFAULT_DEMO_PASSWORD, ...(options.demoPassword ? [options.demoPassword] : [])])])
  const jobIntervalMs = options.jobIntervalMs ?? 0
  const context: JobContext = { db: options.db, caseRules: app.caseRules, cityModel: app.cityModel, photos: app.photos }
  const demo = options.demo
  const jobs = serverJobs({
    db: options.db,
    caseRules: app.caseRules,
    sweepIntervalMs: jobIntervalMs,
    photos: app.photos,
    ...(demo?.keepPhotoIds ? { keepPhotoIds: demo.keepPhotoIds } : {}),
    ...(demo?.jobs ? { extra: demo.jobs(context) } : {}),
    idleMs: app.idleMs,
    ...(options.auditRetentionDays !== undefined ? { auditRetentionDays: options.auditRetentionDays } : {}),
  })
  app.decorate('jobs', createJobRunner({ db: options.db, clock: app.clock, log: app.log, jobs }))
  if (jobs.some((j) => j.intervalMs > 0)) app.addHook('onReady', async () => app.jobs.start())
  if (demo?.onReady) {
    const onReady = demo.onReady
    app.addHook('onReady', async () => {
      try {
        await onReady(context)
      } catch (error) {
        app.log.warn({ err: error }, 'the demo could not get ready')
      }
    })
  }
  app.addHook('onClose', async () => app.jobs.stop())
  // The dummy hash unknown usernames are verified against, made before the first sign-in needs it.
  app.addHook('onReady', async () => void (await dummyHash()))

  // Per-address limits, checked before credentials are looked up. /healthz is exempt: a flood must not
  // make a load balancer take the instance out.
  const limits = options.rateLimit ?? {}
  const allow = new Set(limits.allowList ?? [])
  await app.register(rateLimit, {
    global: false,
    timeWindow: 60_000,
    allowList: (request, key) => allow.has(key) || allow.has(request.ip) || request.url === '/healthz' || request.url.startsWith('/healthz?'),
    errorResponseBuilder: (_request, context) =>
      tooMany('RATE_LIMITED', `more than ${context.max} requests a minute from this address; retry in ${context.after}`, Math.max(1, Math.ceil(context.ttl / 1000))),
  })
  const perMinute = limits.perMinute ?? 1200
  if (perMinute > 0) app.addHook('onRequest', app.rateLimit({ max: perMinute, timeWindow: 60_000 }))
  const loginLimit = app.createRateLimit({ max: limits.loginPerMinute ?? 30, timeWindow: 60_000, keyGenerator: (request) => `login:${request.ip}` })
  app.decorate('checkLoginRate', async (request: FastifyRequest) => {
    const r = await loginLimit(request)
    if (!r.isAllowed && r.isExceeded) {
      throw tooMany('RATE_LIMITED', `more than ${r.max} sign-in attempts a minute from this address`, Math.max(1, r.ttlInSeconds))
    }
  })

  app.decorateRequest('principal', undefined)
  app.addHook('onRequest', identify(app))
  // Every refusal of a known or anonymous caller (403) goes to the security audit log.
  app.addHook('onError', async (request, _reply, error: Error & { statusCode?: number }) => {
    if (error.statusCode !== 403) return
    try {
      await audit(app, request, {
        action: 'access.denied',
        outcome: 'denied',
        target: `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`,
        details: { message: error.message },
      })
    } catch {
      // audit() logged it; the 403 goes out all the same.
    }
  })
  app.addHook('preHandler', refuseUnstorableInput)
  app.addSchema(ErrorBody)

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'CityLoop central API',
        description:
          '数字化城市管理 central system of record: regions, unit grids (单元网格), the standards catalog of both ' +
          'editions (GB/T 30428.2-2013, GB/T 47678.5-2026), responsible units (责任单位), components (管理部件), ' +
          'point lookup and the change feed that workstations sync from; and the case loop (案卷闭环): sign-in, intake, ' +
          'the actions of 泰州办法 第6–10条 with roles and time limits, task queues and the audit trail.',
        version: '0.1.0',
      },
      tags: [
        { name: 'reference', description: 'City reference data' },
        { name: 'lookup', description: 'Point → grid → region → responsible unit' },
        { name: 'sync', description: 'Change feed for clients that sync' },
        { name: 'auth', description: 'Sign-in: bearer tokens for people, X-Api-Key for API clients' },
        { name: 'cases', description: 'The case loop: intake, actions, events, search, task queues, photos' },
        { name: 'admin', description: 'Accounts, API clients, working calendar, case rules, jobs' },
        { name: 'ops', description: 'Health' },
      ],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'The token of POST /api/v1/auth/login' },
          apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key', description: 'An API client’s key (cases:create, photos:create)' },
        },
      },
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  })
  await app.register(swaggerUi, { routePrefix: '/api/docs' })
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger())

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string; validation?: unknown; validationContext?: string }, request, reply) => {
    if (error instanceof ApiError) {
      if (error.headers) reply.headers(error.headers)
      return reply
        .status(error.statusCode)
        .send({ error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}), ...error.details } })
    }
    if (Array.isArray(error.validation)) {
      const e = schemaError(error.validationContext, error.validation[0] as SchemaIssue | undefined)
      return reply.status(400).send({ error: { code: e.code, message: e.message, field: e.field } })
    }
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500
    if (status >= 500) {
      request.log.error({ err: error, method: request.method, url: request.url }, 'request failed')
      return reply.status(status).send({ error: { code: 'INTERNAL', message: 'Internal Server Error' } })
    }
    const code = status === 413 ? 'TOO_LARGE' : status === 415 ? 'UNSUPPORTED_TYPE' : 'BAD_REQUEST'
    // Fastify's body parsers (bad JSON, empty JSON body, wrong content type) fault the body as a whole.
    if (error.code?.startsWith('FST_ERR_CTP_')) return reply.status(status).send({ error: { code, message: `body: ${error.message}`, field: 'body' } })
    return reply.status(status).send({ error: { code, message: error.message } })
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
  await app.register(publicAuth, { prefix: '/api/v1' })
  // Everything below needs a caller (bearer token or API key); reference data, sign-in and the feed do not.
  await app.register(
    async (api) => {
      api.addHook('onRequest', requireCaller)
      // The OpenAPI document says which credentials each of these routes takes.
      api.addHook('onRoute', (route) => {
        route.schema = { ...route.schema, security: [{ bearer: [] }, ...(route.config?.apiScope ? [{ apiKey: [] }] : [])] }
      })
      await api.register(sessionAuth)
      await api.register(caseRoutes)
      await api.register(taskRoutes)
      await api.register(photoRoutes)
      await api.register(userRoutes)
      await api.register(calendarRoutes)
      await api.register(caseChainRoutes)
      await api.register(accountRoutes)
      await api.register(auditRoutes)
    },
    { prefix: '/api/v1' },
  )
  return app
}
