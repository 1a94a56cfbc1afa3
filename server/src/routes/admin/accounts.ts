import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { countActiveAdmins, deleteUserSessions, getUser, presentUser, setPasswordHash, setUserActive } from '../../db/users.js'
import { badBodyField, conflict, notFound } from '../../errors.js'
import { userOf } from '../../auth/principal.js'
import { ADMINS } from '../../policies/roles.js'
import { hashPassword } from '../../auth/passwords.js'
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem } from '../../auth/password-policy.js'
import { audit } from '../../services/audit.js'
import { UserBody } from '../auth.js'
import { caseErrors } from '../schemas.js'

const UserParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9._:-]+$' }) })

/**
 * 账号管理 — administrators reset passwords, disable and enable accounts, and end an account's sessions.
 * Each ends the account's sessions where it should at once (this instance's session cache included;
 * another instance's cache holds a session at most 10 s) and goes to the security audit log.
 */
const accounts: FastifyPluginAsyncTypebox = async (app) => {
  /** Ends every session of `userId` in the database and this instance's cache; returns how many. */
  async function endSessions(userId: string): Promise<number> {
    const ended = await deleteUserSessions(app.db, userId)
    app.sessions.forgetUser(userId)
    return ended.length
  }

  async function target(request: { readonly params: { readonly id: string } }) {
    const row = await getUser(app.db, request.params.id)
    if (!row) throw notFound(`user ${request.params.id}`)
    return row
  }

  app.put(
    '/admin/users/:id/password',
    {
      config: { roles: ADMINS },
      schema: {
        tags: ['admin'],
        summary: 'Reset an account’s password (administrators); ends all its sessions',
        description: `The policy of every new password: at least ${MIN_PASSWORD_LENGTH} characters, not containing the username, not a common or published demo password.`,
        params: UserParams,
        body: Type.Object({ newPassword: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ user: UserBody, sessionsEnded: Type.Integer() }), ...caseErrors },
      },
    },
    async (request) => {
      const row = await target(request)
      const problem = passwordProblem(request.body.newPassword, row.username, app.knownPasswords)
      if (problem) throw badBodyField('newPassword', problem)
      const hash = await hashPassword(request.body.newPassword)
      await setPasswordHash(app.db, row.id, hash, app.clock())
      const sessionsEnded = await endSessions(row.id)
      await audit(app, request, { action: 'user.password-reset', outcome: 'success', target: row.id, details: { username: row.username, sessionsEnded } })
      return { user: presentUser((await getUser(app.db, row.id))!), sessionsEnded }
    },
  )

  app.post(
    '/admin/users/:id/disable',
    {
      config: { roles: ADMINS },
      schema: {
        tags: ['admin'],
        summary: 'Disable an account (administrators): it cannot sign in and its sessions end at once',
        description: 'Not your own account, and not the last active administrator (409).',
        params: UserParams,
        response: { 200: Type.Object({ user: UserBody, sessionsEnded: Type.Integer() }), ...caseErrors },
      },
    },
    async (request) => {
      const me = userOf(request)
      const row = await target(request)
      if (row.id === me.actor.id) throw conflict('OWN_ACCOUNT', 'you cannot disable your own account')
      if (row.role === 'admin' && row.active && (await countActiveAdmins(app.db)) <= 1) throw conflict('LAST_ADMIN', 'the last active administrator cannot be disabled')
      const after = (await setUserActive(app.db, row.id, false, app.clock()))!
      const sessionsEnded = await endSessions(row.id)
      await audit(app, request, { action: 'user.disable', outcome: 'success', target: row.id, details: { username: row.username, sessionsEnded } })
      return { user: presentUser(after), sessionsEnded }
    },
  )

  app.post(
    '/admin/users/:id/enable',
    {
      config: { roles: ADMINS },
      schema: {
        tags: ['admin'],
        summary: 'Enable a disabled account (administrators)',
        params: UserParams,
        response: { 200: Type.Object({ user: UserBody }), ...caseErrors },
      },
    },
    async (request) => {
      const row = await target(request)
      const after = (await setUserActive(app.db, row.id, true, app.clock()))!
      await audit(app, request, { action: 'user.enable', outcome: 'success', target: row.id, details: { username: row.username } })
      return { user: presentUser(after) }
    },
  )

  app.delete(
    '/admin/users/:id/sessions',
    {
      config: { roles: ADMINS },
      schema: {
        tags: ['admin'],
        summary: 'End every session of an account (administrators), e.g. a lost workstation',
        params: UserParams,
        response: { 200: Type.Object({ sessionsEnded: Type.Integer() }), ...caseErrors },
      },
    },
    async (request) => {
      const row = await target(request)
      const sessionsEnded = await endSessions(row.id)
      await audit(app, request, { action: 'user.sessions-end', outcome: 'success', target: row.id, details: { username: row.username, sessionsEnded } })
      return { sessionsEnded }
    },
  )
}

export default accounts
