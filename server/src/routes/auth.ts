import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { signIn, THROTTLE, throttleDelayMs } from '../commands/sign-in.js'
import { storeNewPassword } from '../commands/change-password.js'
import { deleteSession, getUser, presentUser } from '../db/users.js'
import { getThrottle, recordThrottleFailure } from '../db/login-throttle.js'
import { badBodyField, notFound, tooMany, unauthorized } from '../errors.js'
import { userOf } from '../auth/principal.js'
import { hashPassword, verifyPassword } from '../auth/passwords.js'
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem } from '../auth/password-policy.js'
import { audit } from '../services/audit.js'
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
        description:
          `Failed sign-ins are counted per client address and username together: after ${THROTTLE.freeFailures} the next attempt waits 1 s, ` +
          `then 2 s, 4 s …; the ${THROTTLE.blockAfter}th blocks that address for that username for ${THROTTLE.blockMs / 60_000} minutes ` +
          '(429 SIGN_IN_THROTTLED with Retry-After). Other addresses are not affected. Unknown and known usernames get the same answers.',
        body: Type.Object(
          { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ token: Type.String({ description: 'Send as Authorization: Bearer <token>' }), expiresAt: Type.String(), user: UserBody }),
          ...caseErrors,
          429: Type.Ref('ErrorBody'),
          503: Type.Ref('ErrorBody'),
        },
      },
    },
    async (request) => {
      await app.checkLoginRate(request)
      const r = await signIn({ db: app.db, input: request.body, address: request.ip, now: app.clock(), sessionMs: app.sessionMs, verifier: app.verifier })
      const who = { actorName: request.body.username.trim().toLowerCase().slice(0, 64), ...(r.userId ? { actorId: r.userId } : {}) }
      if (!r.ok) {
        await audit(app, request, { ...who, action: 'auth.login', outcome: r.outcome, details: r.details })
        if (r.blocked) await audit(app, request, { ...who, action: 'auth.block', outcome: 'throttled', details: { minutes: THROTTLE.blockMs / 60_000 } })
        throw r.error
      }
      await audit(app, request, { ...who, action: 'auth.login', outcome: 'success' })
      const { token, expiresAt, user } = r.signedIn
      return { token, expiresAt: expiresAt.toISOString(), user }
    },
  )
}

/** The signed-in person's own routes: who am I, sign out, change my password. */
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
      await audit(app, request, { action: 'auth.logout', outcome: 'success' })
      return reply.status(204).send(null)
    },
  )

  app.post(
    '/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change my password: needs the current one; ends my other sessions',
        description:
          `The new password: at least ${MIN_PASSWORD_LENGTH} characters, not containing the username, not a common or published demo password. ` +
          'A wrong current password counts as a failed sign-in of this address (same throttle).',
        body: Type.Object(
          {
            currentPassword: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }),
            newPassword: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }),
          },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...caseErrors, 429: Type.Ref('ErrorBody') },
      },
    },
    async (request, reply) => {
      const me = userOf(request)
      const row = await getUser(app.db, me.actor.id)
      if (!row) throw notFound(`user ${me.actor.id}`)
      const now = app.clock()
      const throttle = await getThrottle(app.db, row.username, request.ip)
      if (throttle?.notBefore && +throttle.notBefore > +now) {
        const seconds = Math.max(1, Math.ceil((+throttle.notBefore - +now) / 1000))
        await audit(app, request, { action: 'auth.password-change', outcome: 'throttled', target: row.id })
        throw tooMany('SIGN_IN_THROTTLED', `too many wrong passwords from this address; try again in ${seconds} s`, seconds)
      }
      const matches = await app.verifier.run(() => verifyPassword(row.password_hash, request.body.currentPassword))
      if (!matches) {
        const state = await recordThrottleFailure(app.db, row.username, request.ip, now, THROTTLE.forgetMs, throttleDelayMs)
        await audit(app, request, { action: 'auth.password-change', outcome: 'failure', target: row.id, details: { reason: 'wrong-current-password', failures: state.failures } })
        throw unauthorized('the current password is wrong', 'BAD_CREDENTIALS')
      }
      const problem = passwordProblem(request.body.newPassword, row.username, app.knownPasswords)
      if (problem) {
        await audit(app, request, { action: 'auth.password-change', outcome: 'failure', target: row.id, details: { reason: 'policy' } })
        throw badBodyField('newPassword', problem)
      }
      const hash = await hashPassword(request.body.newPassword)
      const ended = await storeNewPassword(app.db, { userId: row.id, username: row.username, address: request.ip, passwordHash: hash, now, keepTokenHash: me.tokenHash })
      for (const h of ended) app.sessions.forget(h)
      await audit(app, request, { action: 'auth.password-change', outcome: 'success', target: row.id, details: { otherSessionsEnded: ended.length } })
      return reply.status(204).send(null)
    },
  )
}
