import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { hashSecret } from './tokens.js'
import { findApiClientByKeyHash, touchApiClient } from '../db/api-clients.js'
import { actorOfUser, findSessionUser } from '../db/users.js'
import { forbidden, unauthorized } from '../errors.js'
import type { Principal } from './principal.js'

const TOUCH_EVERY_MS = 5 * 60_000

/**
 * onRequest hook for every route: resolves `Authorization: Bearer <token>` or `X-Api-Key: <key>` to
 * `request.principal`. Credentials that are present but wrong are a 401 at once (a client with a dead
 * token should learn it, not be served as anonymous); no credentials leave the request anonymous and the
 * routes decide.
 */
export function identify(app: FastifyInstance) {
  const touched = new Map<string, number>()
  return async (request: FastifyRequest): Promise<void> => {
    const auth = request.headers.authorization
    const apiKey = request.headers['x-api-key']
    if (auth !== undefined) {
      const m = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/.exec(auth)
      if (!m) throw unauthorized('Authorization must be "Bearer <token>"')
      const tokenHash = hashSecret(m[1]!)
      const now = app.clock()
      const cached = app.sessions.get(tokenHash)
      if (cached && +cached.expiresAt > +now) {
        request.principal = cached
        return
      }
      const row = await findSessionUser(app.db, tokenHash, now)
      if (!row) throw unauthorized('the token is unknown, expired or signed out; sign in again', 'TOKEN_INVALID')
      const principal = {
        kind: 'user',
        actor: actorOfUser(row),
        username: row.username,
        displayName: row.display_name,
        tokenHash,
        expiresAt: row.expires_at,
      } satisfies Principal
      app.sessions.set(principal)
      request.principal = principal
      return
    }
    if (apiKey !== undefined) {
      if (typeof apiKey !== 'string' || apiKey.length > 200) throw unauthorized('X-Api-Key must be one key')
      const client = await findApiClientByKeyHash(app.db, hashSecret(apiKey))
      if (!client) throw unauthorized('the API key is unknown or revoked', 'API_KEY_INVALID')
      request.principal = { kind: 'api-client', actor: { id: client.id, role: 'api-client' }, name: client.name, scopes: client.scopes, source: client.source }
      const now = app.clock()
      if (+now - (touched.get(client.id) ?? 0) > TOUCH_EVERY_MS) {
        touched.set(client.id, +now)
        await touchApiClient(app.db, client.id, now)
      }
    }
  }
}

/**
 * onRequest hook for the routes that need a caller (everything but reference data, login and the feed):
 * 401 when anonymous; 403 for an API client unless the route's `config.apiScope` is one of its scopes;
 * 403 for a person without one of the route's `config.roles`. It runs before the body is parsed, so a
 * caller who may not use a route learns that, not what is wrong with the body.
 */
export async function requireCaller(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const p = request.principal
  if (!p) throw unauthorized('sign in first: send Authorization: Bearer <token> (POST /api/v1/auth/login) or X-Api-Key')
  const roles = request.routeOptions.config.roles
  if (p.kind === 'user' && roles && !roles.includes(p.actor.role)) {
    throw forbidden(`${request.method} ${request.routeOptions.url} is for ${roles.join(', ')}; you are ${p.actor.role}`, { allowedRoles: roles })
  }
  if (p.kind === 'api-client') {
    const scope = request.routeOptions.config.apiScope
    if (!scope || !p.scopes.includes(scope)) {
      throw forbidden(scope ? `this API key lacks the scope ${scope}` : 'API clients may only create cases (and upload their photos)', {
        scopes: p.scopes,
      })
    }
  }
}
