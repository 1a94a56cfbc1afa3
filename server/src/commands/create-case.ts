import { randomUUID } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import type { AreaClass, CategoryClass, FilingCondition, Urgency } from '../../../core/catalog/types.js'
import { caseNumber, caseNumberYear } from '../../../core/case/case-number.js'
import { createCase } from '../../../core/case/create.js'
import type { CaseRules } from '../../../core/case/profile.js'
import type { Actor, CaseSource } from '../../../core/case/types.js'
import type { RouteResult } from '../../../core/routing/route.js'
import { recordChanges } from '../db/changes.js'
import { chainCaseEvents, duplicatesByIds, findDuplicates, getCase, insertCase, insertEventRows, nextCaseSequence, type CaseRow, type DuplicateCandidate } from '../db/cases.js'
import { findKey, KeyAlreadyUsed, recordKey, type EarlierRequest, type IdempotencyClaim } from '../db/idempotency.js'
import { missingPhotos } from '../db/photos.js'
import type { Database } from '../db/schema.js'
import { badBodyField, badRequest, conflict, forbidden } from '../errors.js'
import { presentCase } from '../presenters/case.js'
import { caseClock } from '../services/case-clock.js'
import type { CityModel } from '../services/city-model.js'

/** 上报内容 — what a reporter sends (POST /api/v1/cases); the server fills in place, limits and unit. */
export interface CaseIntake {
  readonly lon: number
  readonly lat: number
  /** Category key, e.g. '2013:component:0101' or '2026:event:06010'. */
  readonly categoryKey: string
  /** 立案条件 id; default: the category's first condition. */
  readonly conditionId?: string
  /** Default: the condition's urgency. */
  readonly urgency?: Urgency
  /** 问题来源; fixed for inspectors ('inspector') and API clients (their own); default 'leader' for leaders, else 'public'. */
  readonly source?: CaseSource
  readonly address?: string
  readonly description?: string
  readonly reporterName?: string
  readonly reporterContact?: string
  readonly componentId?: string
  /** 处置前照片 — ids from POST /api/v1/photos. */
  readonly photoIds?: readonly string[]
}

/** 疑似重复 — how near and how recent an open case of the same category must be to be flagged. */
export interface DuplicatePolicy {
  readonly radiusM: number
  readonly windowMs: number
}

/** Default duplicate flagging: 50 m and 24 hours (issue 4). */
export const DEFAULT_DUPLICATE_POLICY: DuplicatePolicy = Object.freeze({ radiusM: 50, windowMs: 24 * 3_600_000 })

/** What intake resolved besides the case: the unit it proposes (and why) and the possible duplicates. */
export interface CreatedCase {
  readonly row: CaseRow
  readonly duplicates: readonly DuplicateCandidate[]
  readonly proposal: { readonly unitId: string; readonly basis: RouteResult['basis'] } | null
  /** True when this answers a retry of an earlier request with the same Idempotency-Key. */
  readonly replayed: boolean
}

/**
 * 上报 (泰州办法 第7条) — files a new case: locates the point (grid, community, street, district, area class),
 * takes the filing condition's 处置时限 for the area class, proposes the responsible unit, flags likely
 * duplicates and numbers the case — all in the caller's transaction, with its 'create' event and its
 * change-feed entry. Under an Idempotency-Key it throws KeyAlreadyUsed when an earlier request filed the
 * case: {@link fileCase} then answers with that one.
 */
export async function createCaseCommand(props: {
  readonly db: Transaction<Database>
  readonly actor: Actor
  readonly input: CaseIntake
  readonly now: Date
  readonly rules: CaseRules
  readonly model: CityModel
  /** An API client's own source. */
  readonly clientSource?: CaseSource
  readonly idempotency?: IdempotencyClaim
  readonly duplicates?: DuplicatePolicy
  /** The new case's id; default a random UUID (the demo seed passes ids drawn from its seed, to be repeatable). */
  readonly caseId?: string
}): Promise<CreatedCase> {
  const { db, actor, input, now, rules, model } = props
  const category = model.category(input.categoryKey)
  if (!category) throw badBodyField('categoryKey', `unknown category "${input.categoryKey}"`)
  const condition = pickCondition(category, input.conditionId)
  const where = model.locator.locate(input.lon, input.lat)
  if (!where.district) throw badBodyField('lon', `lon/lat ${input.lon},${input.lat} is outside every district of the city`)
  // Off the grids (rivers, unsurveyed land) the outer area class applies.
  const areaClass: AreaClass = where.grid?.areaClass ?? 'C'
  const source = sourceOf(actor, input.source, props.clientSource)
  const photoIds = [...new Set(input.photoIds ?? [])]
  const missing = await missingPhotos(db, photoIds)
  if (missing.length > 0) throw badBodyField('photoIds', `no photo ${missing[0]}; upload it with POST /api/v1/photos first`)
  if (input.componentId) {
    const component = await db.selectFrom('component').select('id').where('id', '=', input.componentId).executeTakeFirst()
    if (!component) throw badBodyField('componentId', `no component ${input.componentId}`)
  }

  const place = {
    ...(where.district ? { districtCode: where.district.code } : {}),
    ...(where.street ? { streetCode: where.street.code } : {}),
    ...(where.community ? { communityCode: where.community.code } : {}),
  }
  const route = model.router?.route({ categoryKey: input.categoryKey, defaultUnitType: category.defaultUnitType, place })
  const duplicatePolicy = props.duplicates ?? DEFAULT_DUPLICATE_POLICY
  const duplicates = await findDuplicates(db, {
    categoryKey: input.categoryKey,
    lon: input.lon,
    lat: input.lat,
    radiusM: duplicatePolicy.radiusM,
    since: new Date(+now - duplicatePolicy.windowMs),
    until: now,
  })
  const sequence = await nextCaseSequence(db, caseNumberYear(now), where.district.code)
  const decision = createCase(
    {
      id: props.caseId ?? randomUUID(),
      number: caseNumber({ year: caseNumberYear(now), districtCode: where.district.code, sequence }),
      kind: category.kind,
      categoryKey: input.categoryKey,
      conditionId: condition.id,
      areaClass,
      urgency: input.urgency ?? condition.urgency,
      source,
      handleLimit: condition.limits[areaClass],
      ...(condition.safetyHazard ? { safetyHazard: condition.safetyHazard } : {}),
      ...(where.grid ? { gridId: where.grid.id } : {}),
      ...place,
    },
    actor,
    now,
    rules,
  )
  if (!decision.ok) {
    const { code, message, field } = decision.reason
    throw code === 'FORBIDDEN' ? forbidden(message) : field ? badBodyField(field, message) : badRequest(message)
  }
  const state = decision.next
  const details = {
    lon: input.lon,
    lat: input.lat,
    address: input.address?.trim() ?? '',
    componentId: input.componentId ?? null,
    description: input.description?.trim() ?? '',
    reporterName: input.reporterName?.trim() || null,
    reporterContact: input.reporterContact?.trim() || null,
    beforePhotoIds: photoIds,
    duplicateIds: duplicates.map((d) => d.id),
    proposedUnitId: route?.unit.id ?? null,
  }
  // The contact stays out of the audit payload: events are shown to people who see it masked.
  const { reporterContact: _contact, ...audited } = details
  const events = decision.events.map((e) => ({ ...e, payload: { ...e.payload, ...audited } }))
  const chained = chainCaseEvents(state.id, { seq: 0, hash: null }, events)
  const row = await insertCase(db, state, details, caseClock(state, now, rules), chained.head)
  await insertEventRows(db, chained.rows)
  if (props.idempotency) await recordKey(db, props.idempotency, row.id, now)
  // The change feed's lock is held from here to the commit: nothing may follow it (changes.ts).
  await recordChanges(db, [{ entity: 'case', id: row.id, op: 'upsert', data: presentCase(row, { contact: false }) }])
  return { row, duplicates, proposal: route ? { unitId: route.unit.id, basis: route.basis } : null, replayed: false }
}

function pickCondition(category: CategoryClass, conditionId: string | undefined): FilingCondition {
  if (conditionId === undefined) return category.conditions[0]!
  const found = category.conditions.find((c) => c.id === conditionId)
  if (!found) {
    throw badBodyField('conditionId', `"${conditionId}" is not a filing condition of ${category.name}; one of ${category.conditions.map((c) => c.id).join(', ')}`)
  }
  return found
}

/** 问题来源: an inspector collects ('inspector'), an API client reports as what it is, a leader orders; the desk says. */
function sourceOf(actor: Actor, given: CaseSource | undefined, clientSource: CaseSource | undefined): CaseSource {
  if (actor.role === 'api-client') {
    if (given !== undefined && given !== clientSource) throw badBodyField('source', `this API client reports as "${clientSource}"`)
    return clientSource ?? 'iot'
  }
  if (actor.role === 'inspector') return given ?? 'inspector'
  if (actor.role === 'leader') return given ?? 'leader'
  return given ?? 'public'
}

/**
 * 上报 with an Idempotency-Key, in a transaction of its own: a first request files the case; a retry (its
 * key already taken, the transaction rolled back) answers with the case the first one filed.
 */
export async function fileCase(
  db: Kysely<Database>,
  props: Omit<Parameters<typeof createCaseCommand>[0], 'db'>,
): Promise<CreatedCase> {
  try {
    return await db.transaction().execute((trx) => createCaseCommand({ ...props, db: trx }))
  } catch (error) {
    if (!(error instanceof KeyAlreadyUsed)) throw error
    const earlier = await findKey(db, error.claim)
    if (!earlier) throw error
    return replay(db, earlier, error.claim, props.model)
  }
}

async function replay(db: Kysely<Database>, earlier: EarlierRequest, claim: IdempotencyClaim, model: CityModel): Promise<CreatedCase> {
  if (earlier.requestHash !== claim.requestHash) {
    throw conflict('IDEMPOTENCY_KEY_REUSED', `Idempotency-Key "${claim.key}" was used for a different request; use a new key for a new case`)
  }
  const row = earlier.caseId ? await getCase(db, earlier.caseId) : undefined
  if (!row) throw conflict('IDEMPOTENCY_KEY_REUSED', `Idempotency-Key "${claim.key}" names no case`)
  const category = model.category(row.category_key)
  const place = {
    districtCode: row.district_code,
    ...(row.street_code ? { streetCode: row.street_code } : {}),
    ...(row.community_code ? { communityCode: row.community_code } : {}),
  }
  const route = category
    ? model.router?.route({ categoryKey: row.category_key, defaultUnitType: category.defaultUnitType, place })
    : undefined
  return {
    row,
    duplicates: await duplicatesByIds(db, row.duplicate_ids, row.lon, row.lat),
    proposal: route ? { unitId: route.unit.id, basis: route.basis } : null,
    replayed: true,
  }
}
