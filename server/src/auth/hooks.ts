import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { hashSecret } from './tokens.js'
import { findApiClientByKeyHash, touchApiClient } from '../db/api-clients.js'
import { actorOfUser, findSessionUser, touchSession } from '../db/users.js'
import { forbidden, unauthorized } from '../errors.js'
import type { Principal } from './principal.js'
import { routeRefusal } from '../policies/caller-access.js'

const TOUCH_EVERY_MS = 5 * 60_000
/** A session's last use is written at most this often (and at least ten times per idle timeout). */
const SESSION_TOUCH_MS = 60_000

/**
 * onRequest hook for every route: resolves `Authorization: Bearer <token>` or `X-Api-Key: <key>` to
 * `request.principal`, and binds the caller's id to the request's log lines. Credentials that are present
 * but wrong are a 401 at once (a client with a dead token should learn it, not be served as anonymous); no
 * credentials leave the request anonymous and the routes decide. A session unused for `app.idleMs` ends
 * (idle timeout) beside its absolute expiry; its last use is written at most once a minute, not per request.
 */
export function identify(app: FastifyInstance) {
  const touched = new Map<string, number>()
  const touchEveryMs = Math.min(SESSION_TOUCH_MS, app.idleMs / 10)
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const auth = request.headers.authorization
    const apiKey = request.headers['x-api-key']
    if (auth !== undefined) {
      const m = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/.exec(auth)
      if (!m) throw unauthorized('Authorization must be "Bearer <token>"')
      const tokenHash = hashSecret(m[1]!)
      const now = app.clock()
      let principal = app.sessions.get(tokenHash)
      if (!principal || +principal.expiresAt <= +now || +now - +principal.lastSeenAt >= app.idleMs) {
        const row = await findSessionUser(app.db, tokenHash, now, new Date(+now - app.idleMs))
        if (!row) {
          app.sessions.forget(tokenHash)
          throw unauthorized('the token is unknown, expired, idle too long or signed out; sign in again', 'TOKEN_INVALID')
        }
        principal = {
          kind: 'user',
          actor: actorOfUser(row),
          username: row.username,
          displayName: row.display_name,
          tokenHash,
          expiresAt: row.expires_at,
          lastSeenAt: row.last_seen_at,
        } satisfies Principal
        app.sessions.set(principal)
      }
      if (+now - +principal.lastSeenAt >= touchEveryMs) {
        principal.lastSeenAt = now
        await touchSession(app.db, tokenHash, now)
      }
      request.principal = principal
      bindLog(request, reply, principal.actor.id)
      return
    }
    if (apiKey !== undefined) {
      if (typeof apiKey !== 'string' || apiKey.length > 200) throw unauthorized('X-Api-Key must be one key')
      const client = await findApiClientByKeyHash(app.db, hashSecret(apiKey))
      if (!client) throw unauthorized('the API key is unknown or revoked', 'API_KEY_INVALID')
      request.principal = { kind: 'api-client', actor: { id: client.id, role: 'api-client' }, name: client.name, scopes: client.scopes, source: client.source }
      bindLog(request, reply, client.id)
      const now = app.clock()
      if (+now - (touched.get(client.id) ?? 0) > TOUCH_EVERY_MS) {
        touched.set(client.id, +now)
        await touchApiClient(app.db, client.id, now)
      }
    }
  }
}

/** Every log line of the request (the access line included) names its caller. */
function bindLog(request: FastifyRequest, reply: FastifyReply, userId: string): void {
  request.log = request.log.child({ userId })
  reply.log = request.log
}

/**
 * onRequest hook for the routes that need a caller (everything but reference data, login and the feed):
 * 401 when anonymous; 403 when policies/caller-access.ts refuses the caller (a role or API scope the route's
 * config does not name). It runs before the body is parsed, so a
 * caller who may not use a route learns that, not what is wrong with the body.
 */
export async function requireCaller(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const p = request.principal
  if (!p) throw unauthorized('sign in first: send Authorization: Bearer <token> (POST /api/v1/auth/login) or X-Api-Key')
  const refusal = routeRefusal(p, { method: request.method, url: request.routeOptions.url ?? request.url, config: request.routeOptions.config })
  if (refusal) throw forbidden(refusal.message, refusal.details)
}
