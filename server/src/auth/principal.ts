import type { FastifyRequest } from 'fastify'
import type { Actor, Role } from '../../../core/case/types.js'
import { forbidden, unauthorized } from '../errors.js'
import type { ApiScope } from '../db/api-clients.js'

/** Who is calling: a signed-in person, or an API client with a scoped key. */
export type Principal =
  | {
      readonly kind: 'user'
      readonly actor: Actor
      readonly username: string
      readonly displayName: string
      /** sha256 of the bearer token, so logout can end exactly this session. */
      readonly tokenHash: string
      readonly expiresAt: Date
      /** The session's last use as stored (moved forward when the app writes it, about once a minute). */
      lastSeenAt: Date
    }
  | {
      readonly kind: 'api-client'
      readonly actor: Actor
      readonly name: string
      readonly scopes: readonly string[]
      /** The case source this client files under. */
      readonly source: string
    }

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the app's onRequest hook when the request carries valid credentials. */
    principal?: Principal
  }
  interface FastifyContextConfig {
    /** API clients holding this scope may call the route; without it, API clients get 403. */
    apiScope?: ApiScope
    /** Only people with one of these roles may call the route (checked before the body is even read). */
    roles?: readonly Role[]
  }
}

/** The caller, or 401 when the request carries no credentials. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthorized('sign in first: send Authorization: Bearer <token> (POST /api/v1/auth/login) or X-Api-Key')
  return request.principal
}

/** The calling person, or 401 (no credentials) / 403 (an API client). */
export function userOf(request: FastifyRequest): Extract<Principal, { kind: 'user' }> {
  const p = principalOf(request)
  if (p.kind !== 'user') throw forbidden('API clients may only create cases')
  return p
}
