import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { randomUUID } from 'node:crypto'
import type { CaseSource, Role } from '../../../core/case/types.js'
import { CASE_SOURCES, ROLES } from '../../../core/case/types.js'
import { API_SCOPES, getApiClient, presentApiClient, upsertApiClient, type ApiScope } from '../db/api-clients.js'
import { listLeases } from '../db/jobs.js'
import { findUserByUsername, listUsers, presentUser, upsertUsers } from '../db/users.js'
import { badBodyField, badRequest, conflict } from '../errors.js'
import { hashPassword } from '../auth/passwords.js'
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem } from '../auth/password-policy.js'
import { audit } from '../services/audit.js'
import { newApiKey, hashSecret } from '../auth/tokens.js'
import { ADMINS, PEOPLE_READERS, UNIT_ROLES } from '../policies/roles.js'
import { UserBody } from './auth.js'
import { caseErrors } from './schemas.js'

const PERSON_ROLES = ROLES.filter((r) => r !== 'api-client')

/** 用户 and 接入方 — the people list (the desk picks inspectors from it) and administrators' account management. */
const users: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/users',
    {
      config: { roles: PEOPLE_READERS },
      schema: {
        tags: ['admin'],
        summary: 'Accounts, e.g. ?role=inspector for the desk assigning 核实 / 核查 tasks',
        querystring: Type.Object({ role: Type.Optional(Type.Enum(PERSON_ROLES)), unit: Type.Optional(Type.String()) }),
        response: { 200: Type.Object({ users: Type.Array(UserBody) }), ...caseErrors },
      },
    },
    async (request) => {
      const rows = await listUsers(app.db, {
        ...(request.query.role ? { role: request.query.role } : {}),
        ...(request.query.unit ? { unitId: request.query.unit } : {}),
      })
      return { users: rows.map(presentUser) }
    },
  )

  app.post(
    '/admin/users',
    {
      config: { roles: ADMINS },
      schema: {
        tags: ['admin'],
        summary: 'Create an account (administrators)',
        body: Type.Object(
          {
            username: Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{1,62}$' }),
            displayName: Type.String({ minLength: 1, maxLength: 100 }),
            role: Type.Enum(PERSON_ROLES),
            unitId: Type.Optional(Type.String()),
            gridIds: Type.Optional(Type.Array(Type.String({ pattern: '^[0-9]{15}$' }), { maxItems: 5000 })),
            password: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH, description: `at least ${MIN_PASSWORD_LENGTH} characters, not containing the username, not a common password` }),
          },
          { additionalProperties: false },
        ),
        response: { 201: UserBody, ...caseErrors },
      },
    },
    async (request, reply) => {
      const b = request.body
      const isUnitRole = UNIT_ROLES.includes(b.role as Role)
      if (isUnitRole !== (b.unitId !== undefined)) {
        throw badBodyField('unitId', isUnitRole ? `required for ${b.role}` : 'only unit roles belong to a unit')
      }
      if (b.unitId && !(await app.cityModel.get()).router?.unit(b.unitId)) throw badBodyField('unitId', `no responsible unit "${b.unitId}"`)
      if (b.gridIds?.length && b.role !== 'inspector') throw badBodyField('gridIds', 'only inspectors have duty grids')
      const problem = passwordProblem(b.password, b.username, app.knownPasswords)
      if (problem) throw badBodyField('password', problem)
      if (await findUserByUsername(app.db, b.username)) throw conflict('USERNAME_TAKEN', `username ${b.username} is taken`)
      const id = randomUUID()
      await upsertUsers(app.db, [
        {
          id,
          username: b.username,
          displayName: b.displayName,
          role: b.role as Exclude<Role, 'api-client'>,
          ...(b.unitId ? { unitId: b.unitId } : {}),
          ...(b.gridIds ? { gridIds: b.gridIds } : {}),
          passwordHash: await hashPassword(b.password),
        },
      ])
      const row = (await findUserByUsername(app.db, b.username))!
      await audit(app, request, { action: 'user.create', outcome: 'success', target: id, details: { username: b.username, role: b.role, ...(b.unitId ? { unitId: b.unitId } : {}) } })
      return reply.status(201).send(presentUser(row))
    },
  )

  app.post(
    '/admin/api-clients',
    {
      config: { roles: ADMINS },
      schema: {
        tags: ['admin'],
        summary: 'Create or re-key an API client (second-level platform, sensor gateway); the key is shown once',
        body: Type.Object(
          {
            id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' }),
            name: Type.String({ minLength: 1, maxLength: 100 }),
            source: Type.Enum(CASE_SOURCES),
            scopes: Type.Array(Type.Enum(API_SCOPES), { minItems: 1 }),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            client: Type.Object({ id: Type.String(), name: Type.String(), scopes: Type.Array(Type.String()), source: Type.String(), active: Type.Boolean() }),
            key: Type.String({ description: 'Send as X-Api-Key; stored only as a hash, so keep it now' }),
          }),
          ...caseErrors,
        },
      },
    },
    async (request, reply) => {
      const key = newApiKey()
      const b = request.body
      const existed = await getApiClient(app.db, b.id)
      await upsertApiClient(app.db, { id: b.id, name: b.name, keyHash: hashSecret(key), scopes: b.scopes as ApiScope[], source: b.source as CaseSource })
      const row = (await getApiClient(app.db, b.id))!
      await audit(app, request, { action: existed ? 'api-client.rekey' : 'api-client.create', outcome: 'success', target: b.id, details: { name: b.name, source: b.source, scopes: b.scopes } })
      return reply.status(201).send({ client: presentApiClient(row), key })
    },
  )

  app.get(
    '/admin/jobs',
    {
      config: { roles: ADMINS },
      schema: {
        tags: ['admin'],
        summary: 'Durable jobs: who holds each lease and what the last run did',
        response: {
          200: Type.Object({
            jobs: Type.Array(
              Type.Object({
                name: Type.String(),
                holder: Type.Union([Type.String(), Type.Null()]),
                leaseUntil: Type.Union([Type.String(), Type.Null()]),
                runs: Type.String(),
                lastStartedAt: Type.Union([Type.String(), Type.Null()]),
                lastFinishedAt: Type.Union([Type.String(), Type.Null()]),
                lastResult: Type.Unknown(),
              }),
            ),
          }),
          ...caseErrors,
        },
      },
    },
    async () => {
      const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null)
      return {
        jobs: (await listLeases(app.db)).map((j) => ({
          name: j.name,
          holder: j.holder,
          leaseUntil: iso(j.lease_until),
          runs: String(j.runs),
          lastStartedAt: iso(j.last_started_at),
          lastFinishedAt: iso(j.last_finished_at),
          lastResult: j.last_result,
        })),
      }
    },
  )

  app.post(
    '/admin/jobs/:name/run',
    {
      config: { roles: ADMINS },
      schema: {
        tags: ['admin'],
        summary: 'Run a job now (if no other instance holds its lease)',
        params: Type.Object({ name: Type.String() }),
        response: { 200: Type.Object({ ran: Type.Boolean(), result: Type.Unknown() }), ...caseErrors },
      },
    },
    async (request) => {
      if (!app.jobs.names.includes(request.params.name)) throw badRequest(`params.name: no job "${request.params.name}"; jobs: ${app.jobs.names.join(', ')}`, 'params.name')
      const r = await app.jobs.runNow(request.params.name)
      return { ran: r.ran, result: r.result ?? null }
    },
  )
}

export default users
