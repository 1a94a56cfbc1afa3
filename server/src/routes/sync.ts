import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { readChanges, REFERENCE_SYNC_ENTITIES, SYNC_ENTITIES, type SyncEntity } from '../db/changes.js'
import { badRequest, forbidden, unauthorized } from '../errors.js'
import { feedCarriesCases } from '../policies/caller-access.js'
import { errorResponses, LimitParam } from './schemas.js'

const sync: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/sync/changes',
    {
      schema: {
        tags: ['sync'],
        summary: 'Changes committed after a cursor, in commit order (initial and incremental sync)',
        description:
          'Start with since=0. Store the returned cursor only after the page is stored locally, then ask again ' +
          'with it; hasMore says whether to continue now. Each entity appears once, in its latest state ' +
          '(op=upsert with data) or as a tombstone (op=delete). A cursor belongs to the `entities` filter it was ' +
          'read with. Commit order is guaranteed: a change that commits late is never skipped. Reference data is public; ' +
          'cases (entity `case`, reporter contacts masked) need a signed-in desk, leader or administrator account, and ' +
          'without `entities` an anonymous or other caller gets the reference entities only.',
        querystring: Type.Object({
          // 18 digits: every cursor fits PostgreSQL's bigint (19 digits may not).
          since: Type.String({ pattern: '^[0-9]{1,18}$', default: '0', description: 'Opaque cursor from the previous page' }),
          limit: LimitParam(10_000, 1_000),
          entities: Type.Optional(
            Type.String({ maxLength: 200, description: `Comma-separated subset of: ${SYNC_ENTITIES.join(', ')}; given once, not empty` }),
          ),
        }),
        response: {
          200: Type.Object({
            changes: Type.Array(
              Type.Object({
                seq: Type.String(),
                entity: Type.String(),
                id: Type.String(),
                op: Type.Union([Type.Literal('upsert'), Type.Literal('delete')]),
                data: Type.Unknown(),
                changedAt: Type.String(),
              }),
            ),
            cursor: Type.String(),
            hasMore: Type.Boolean(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const requested = parseSyncEntities(request.query.entities)
      const p = request.principal
      const seesCases = feedCarriesCases(p)
      if (requested?.includes('case') && !seesCases) {
        if (!p) throw unauthorized('the case feed needs a signed-in account')
        throw forbidden(`a ${p.actor.role} does not sync every case; use GET /api/v1/tasks and /cases`)
      }
      // Always an explicit list: whoever does not see cases gets the reference entities, however `entities` was spelt.
      const entities = requested ?? (seesCases ? SYNC_ENTITIES : REFERENCE_SYNC_ENTITIES)
      return readChanges(app.db, { since: request.query.since, limit: request.query.limit, entities })
    },
  )
}

/**
 * `entities` → the entities asked for, or undefined when the parameter is absent. Every other spelling
 * names known entities or is a 400: an empty value, an empty item (`case,`), blanks or another case
 * (`CASE`) never widen the feed.
 */
export function parseSyncEntities(raw: string | undefined): readonly SyncEntity[] | undefined {
  if (raw === undefined) return undefined
  const field = 'querystring.entities'
  const names = raw.split(',')
  const entities: SyncEntity[] = []
  for (const name of names) {
    if (name === '') throw badRequest(`${field} has an empty entity name in "${raw}"; known: ${SYNC_ENTITIES.join(', ')}`, field)
    if (!(SYNC_ENTITIES as readonly string[]).includes(name)) {
      throw badRequest(`${field}: unknown entity "${name}"; known: ${SYNC_ENTITIES.join(', ')}`, field)
    }
    if (!entities.includes(name as SyncEntity)) entities.push(name as SyncEntity)
  }
  return entities
}

export default sync
