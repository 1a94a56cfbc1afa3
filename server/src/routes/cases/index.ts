import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import type { CaseSource, CaseStatus } from '../../../../core/case/types.js'
import { CASE_STATUSES } from '../../../../core/case/types.js'
import { actOnCaseOnce } from '../../commands/act-on-case.js'
import { fileCase } from '../../commands/create-case.js'
import { getCase, listEvents, parsePositionCursor, positionCursor, searchCases } from '../../db/cases.js'
import { hashRequest } from '../../db/idempotency.js'
import { badRequest, forbidden, notFound } from '../../errors.js'
import { presentCaseFor, presentEvent } from '../../presenters/case.js'
import { principalOf } from '../../auth/principal.js'
import { canSeeCase, caseScope, caseViewRefusal } from '../../policies/case-access.js'
import { caseErrors } from '../schemas.js'
import { ActionBody, CaseEventBody, CaseView, CreateCaseBody, Duplicate, IdempotencyHeaders, ListQuery } from './schema.js'

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) })

/** 案卷 — intake, one case, its events, search and the actions of the loop. Every route needs a caller. */
const cases: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/cases',
    {
      config: { apiScope: 'cases:create' },
      schema: {
        tags: ['cases'],
        summary: '上报 — file a case: located, time limits and responsible unit proposed, duplicates flagged',
        description:
          'Roles: inspector (source inspector), receiver, shift-leader, leader, and API clients with the cases:create scope. ' +
          'Send an Idempotency-Key so a retried upload never files two cases: a retry answers the first case (header idempotent-replayed: true).',
        headers: IdempotencyHeaders,
        body: CreateCaseBody,
        response: {
          201: Type.Object({
            case: CaseView,
            duplicates: Type.Array(Duplicate, { description: 'Open cases of the same category within 50 m, filed in the last 24 h' }),
            proposal: Type.Union([Type.Object({ unitId: Type.String(), basis: Type.Object({ kind: Type.String() }, { additionalProperties: true }) }), Type.Null()]),
          }),
          ...caseErrors,
        },
      },
    },
    async (request, reply) => {
      const p = principalOf(request)
      const [{ rules }, model] = await Promise.all([app.caseRules.get(), app.cityModel.get()])
      const key = request.headers['idempotency-key']
      const result = await fileCase(app.db, {
          actor: p.actor,
          input: request.body,
          now: app.clock(),
          rules,
          model,
          ...(p.kind === 'api-client' ? { clientSource: p.source as CaseSource } : {}),
          ...(key ? { idempotency: { scope: `${p.actor.id} POST /cases`, key, requestHash: hashRequest(request.body) } } : {}),
        })
      if (result.replayed) reply.header('idempotent-replayed', 'true')
      // An API client gets its case back but no abilities: it never acts on one.
      return reply.status(201).send({
        case: presentCaseFor(result.row, p.actor, rules, app.clock()),
        duplicates: [...result.duplicates],
        proposal: result.proposal ? { unitId: result.proposal.unitId, basis: { ...result.proposal.basis } } : null,
      })
    },
  )

  app.get(
    '/cases',
    {
      schema: {
        tags: ['cases'],
        summary: 'Case search: status, unit, category, source, grid, light and time filters; newest first, keyset-paged',
        description: 'Units see their own cases, inspectors those in their duty grids or tasks; the desk, leaders and administrators see all.',
        querystring: ListQuery,
        response: { 200: Type.Object({ cases: Type.Array(CaseView), next: Type.Union([Type.String(), Type.Null()]) }), ...caseErrors },
      },
    },
    async (request) => {
      const actor = viewer(request)
      const q = request.query
      const statuses = q.status?.split(',')
      for (const s of statuses ?? []) {
        // An empty name (`status=`, `status=reported,`) is refused like an unknown one: it never means "any".
        if (!CASE_STATUSES.includes(s as CaseStatus)) throw badRequest(`querystring.status: unknown status "${s}"`, 'querystring.status')
      }
      const after = q.after === undefined ? undefined : parsePositionCursor(q.after)
      if (q.after !== undefined && !after) throw badRequest('querystring.after: not a cursor this API returned', 'querystring.after')
      const { rules } = await app.caseRules.get()
      const rows = await searchCases(app.db, {
        filter: {
          ...(statuses ? { statuses } : {}),
          ...(q.group ? { closed: q.group === 'closed' } : {}),
          ...(q.unit ? { unitId: q.unit } : {}),
          ...(q.category ? { category: q.category } : {}),
          ...(q.source ? { source: q.source } : {}),
          ...(q.grid ? { gridId: q.grid } : {}),
          ...(q.district ? { districtCode: q.district } : {}),
          ...(q.light ? { light: q.light } : {}),
          ...(q.from ? { createdFrom: new Date(q.from) } : {}),
          ...(q.to ? { createdBefore: new Date(q.to) } : {}),
        },
        scope: caseScope(actor),
        order: 'newest',
        ...(after ? { after } : {}),
        limit: q.limit,
      })
      return {
        cases: rows.map((r) => presentCaseFor(r, actor, rules, app.clock())),
        next: rows.length === q.limit ? positionCursor(rows[rows.length - 1]!) : null,
      }
    },
  )

  app.get(
    '/cases/:id',
    {
      schema: {
        tags: ['cases'],
        summary: 'One case, with the abilities of the caller',
        params: IdParams,
        response: { 200: Type.Object({ case: CaseView }), ...caseErrors },
      },
    },
    async (request) => {
      const actor = viewer(request)
      const row = await getCase(app.db, request.params.id)
      if (!row || !canSeeCase(actor, row)) throw notFound(`case ${request.params.id}`)
      const { rules } = await app.caseRules.get()
      return { case: presentCaseFor(row, actor, rules, app.clock()) }
    },
  )

  app.get(
    '/cases/:id/events',
    {
      schema: {
        tags: ['cases'],
        summary: '操作记录 — the case’s immutable audit trail, oldest first',
        params: IdParams,
        response: { 200: Type.Object({ events: Type.Array(CaseEventBody) }), ...caseErrors },
      },
    },
    async (request) => {
      const actor = viewer(request)
      const row = await getCase(app.db, request.params.id)
      if (!row || !canSeeCase(actor, row)) throw notFound(`case ${request.params.id}`)
      return { events: (await listEvents(app.db, row.id)).map(presentEvent) }
    },
  )

  app.post(
    '/cases/:id/actions',
    {
      schema: {
        tags: ['cases'],
        summary: '操作 — one step of the loop: {action, version, ...payload}',
        description:
          '403 FORBIDDEN when the role or scope may not; 409 ILLEGAL_ACTION / GUARD naming `status` and the `allowed` actions; ' +
          '409 STALE_VERSION with `currentVersion`; 400 naming the payload `field`. With an Idempotency-Key a retried command is applied once.',
        params: IdParams,
        headers: IdempotencyHeaders,
        body: ActionBody,
        response: { 200: Type.Object({ case: CaseView }), ...caseErrors },
      },
    },
    async (request, reply) => {
      const actor = viewer(request)
      const { action, version, ...payload } = request.body as { action: string; version: number; [k: string]: unknown }
      const [{ rules }, model] = await Promise.all([app.caseRules.get(), app.cityModel.get()])
      const key = request.headers['idempotency-key']
      const result = await actOnCaseOnce(app.db, {
          actor,
          input: { caseId: request.params.id, version, command: { ...payload, action } },
          now: app.clock(),
          rules,
          model,
          // Outside the caller's scope: refused without the case's status or allowed actions.
          authorize: (row) => {
            if (!canSeeCase(actor, row)) throw forbidden(`this case is not within the scope of your ${actor.role} account (unit or duty grids)`)
          },
          ...(key ? { idempotency: { scope: `${actor.id} POST /cases/${request.params.id}/actions`, key, requestHash: hashRequest(request.body) } } : {}),
        })
      if (result.replayed) reply.header('idempotent-replayed', 'true')
      return { case: presentCaseFor(result.row, actor, rules, app.clock()) }
    },
  )

  function viewer(request: Parameters<typeof principalOf>[0]) {
    const actor = principalOf(request).actor
    const refusal = caseViewRefusal(actor)
    if (refusal) throw forbidden(refusal)
    return actor
  }
}

export default cases
