import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { signIn } from '../commands/sign-in.js'
import { deleteSession, getUser, presentUser } from '../db/users.js'
import { notFound } from '../errors.js'
import { userOf } from '../auth/principal.js'
import { caseErrors } from './schemas.js'

export const UserBody = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: Type.String(),
  unitId: Type.Union([Type.String(), Type.Null()]),
  gridIds: Type.Array(Type.String()),
  active: Type.Boolean(),
  version: Type.Integer(),
})

/** 登录 — sign-in (public) and the routes of a signed-in session. */
export const publicAuth: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in: username and password → bearer token',
        description: 'Five wrong passwords in a row lock the account for 15 minutes (429 ACCOUNT_LOCKED with Retry-After).',
        body: Type.Object(
          { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 256 }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ token: Type.String({ description: 'Send as Authorization: Bearer <token>' }), expiresAt: Type.String(), user: UserBody }),
          ...caseErrors,
          429: Type.Ref('ErrorBody'),
        },
      },
    },
    async (request) => {
      const r = await signIn({ db: app.db, input: request.body, now: app.clock(), sessionMs: app.sessionMs })
      return { token: r.token, expiresAt: r.expiresAt.toISOString(), user: r.user }
    },
  )
}

/** The signed-in person's own routes: who am I, sign out. */
export const sessionAuth: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in account and when its session ends',
        response: { 200: Type.Object({ user: UserBody, expiresAt: Type.String() }), ...caseErrors },
      },
    },
    async (request) => {
      const me = userOf(request)
      const row = await getUser(app.db, me.actor.id)
      if (!row) throw notFound(`user ${me.actor.id}`)
      return { user: presentUser(row), expiresAt: me.expiresAt.toISOString() }
    },
  )

  app.post(
    '/auth/logout',
    {
      schema: { tags: ['auth'], summary: 'Sign out: the token stops working at once', response: { 204: Type.Null(), ...caseErrors } },
    },
    async (request, reply) => {
      const { tokenHash } = userOf(request)
      await deleteSession(app.db, tokenHash)
      app.sessions.forget(tokenHash)
      return reply.status(204).send(null)
    },
  )
}
