import type { FastifyContextConfig } from 'fastify'
import type { Principal } from '../auth/principal.js'
import { SEE_ALL_CASES } from './roles.js'

/** A refusal: the 403's message and the details it carries. */
export interface Refusal {
  readonly message: string
  readonly details: Record<string, unknown>
}

/**
 * 接口权限 — may this caller use a route? A person needs one of the route's `config.roles` (when it names
 * any); an API client needs the route's `config.apiScope` among its key's scopes (routes without one are
 * for people only). Undefined: allowed.
 */
export function routeRefusal(caller: Principal, route: { readonly method: string; readonly url: string; readonly config: Pick<FastifyContextConfig, 'roles' | 'apiScope'> }): Refusal | undefined {
  const { roles, apiScope } = route.config
  if (caller.kind === 'user') {
    if (!roles || roles.includes(caller.actor.role)) return undefined
    return { message: `${route.method} ${route.url} is for ${roles.join(', ')}; you are ${caller.actor.role}`, details: { allowedRoles: roles } }
  }
  if (apiScope && caller.scopes.includes(apiScope)) return undefined
  return {
    message: apiScope ? `this API key lacks the scope ${apiScope}` : 'API clients may only create cases (and upload their photos)',
    details: { scopes: caller.scopes },
  }
}

/**
 * 变更订阅 — whether the caller's change feed carries cases: only people who see every case
 * ({@link SEE_ALL_CASES}); everyone else syncs the city's reference data and reads cases through their queues.
 */
export function feedCarriesCases(caller: Principal | undefined): boolean {
  return caller?.kind === 'user' && SEE_ALL_CASES.includes(caller.actor.role)
}
