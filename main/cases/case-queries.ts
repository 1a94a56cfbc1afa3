/**
 * 案卷查询 — the case list, the case layers and one case in full, for the signed-in desk. Lists and layers
 * are answered offline from the in-memory case index; one case is read fresh from the central API (record,
 * abilities, 操作记录) when it answers, else from the local store with abilities from core's table.
 */
import { CASE_PHASES, phaseOf } from '../../core/case/phase.js'
import { inScope, rowFrom, TRANSITIONS } from '../../core/case/transitions.js'
import type { Actor, CaseAction, CaseState } from '../../core/case/types.js'
import { CASE_ACTIONS } from '../../core/case/types.js'
import {
  LIGHT_ORDER,
  type CaseColumns,
  type CaseDetail,
  type CaseEventView,
  type CaseFilter,
  type CaseList,
  type CaseListQuery,
  type CasePhoto,
  type CaseRecord,
  type CaseSummary,
  type ComponentDetail,
  type GridCaseCounts,
  type LightColor,
  type SignedInUser,
  type TaskQueue,
} from '../../contracts/bridge/index.js'
import { BridgeFailure } from '../bridge-dispatch.js'
import { briefOf, createCaseIndex, LIGHT_RANK, type CaseBrief, type CaseIndex } from './case-index.js'
import { CaseFormatError, masked, parseCaseRecord } from './case-record.js'
import type { LocalChange } from '../sync/feed-records.js'
import type { LocalStore } from '../store/local-store.js'
import type { Log } from '../log.js'
import type { Outbox } from './outbox.js'
import type { ReferenceModel } from '../map/reference-model.js'
import { CentralUnavailable, errorMessage, type SessionService } from './session.js'
import { localTodo, ROLE_QUEUES, rowOpensOffline, taskQueue } from './task-queue.js'

/** The case side of the bridge, plus the hooks that keep the index in step with the store. */
export interface CaseQueries {
  /** Takes an applied sync page into the index (building it first if needed); returns the case ids changed. */
  apply(changes: readonly LocalChange[]): string[]
  /** Stores cases the central API answered with (masked like the feed) and indexes them; returns ids written. */
  store(records: readonly CaseRecord[]): string[]
  /** Takes ids the store dropped (pruning) out of the index. */
  removed(ids: readonly string[]): void
  /** Empties the index (the store's cases were reset). */
  cleared(): void
  list(query: CaseListQuery): CaseList
  layer(filter: CaseFilter): CaseColumns
  gridCounts(filter: CaseFilter): GridCaseCounts
  get(id: string): Promise<CaseDetail>
  photo(photoId: string): Promise<CasePhoto>
  /** 待办 — the signed-in account's queue: the central API's, else (a desk) computed from the local cases. */
  tasks(): Promise<TaskQueue>
  /** The index (built on first use). */
  index(): CaseIndex
}

/** Options of {@link createCaseQueries}. */
export interface CaseQueriesOptions {
  readonly store: LocalStore
  readonly model: ReferenceModel
  readonly session: SessionService
  readonly outbox: Pick<Outbox, 'perCase' | 'forCase'>
  /** A component's detail, or null when it is not stored. */
  readonly component: (id: string) => ComponentDetail | null
  /** True while the local cases belong to the signed-in account (so a fresh read may be stored). */
  readonly ownsLocalCases: () => boolean
  /** Epoch ms: closed cases closed before this are not stored (settings.closedCaseDays); default none. */
  readonly closedBefore?: () => number
  readonly log: Log
  readonly now?: () => number
}

const DEFAULT_LIMIT = 200

/** Creates the case queries over the store's cases. */
export function createCaseQueries(options: CaseQueriesOptions): CaseQueries {
  const { store, model, session, outbox, log } = options
  const now = options.now ?? Date.now
  let built: CaseIndex | undefined

  function index(): CaseIndex {
    if (!built) {
      const t = performance.now()
      built = createCaseIndex((visit) => store.eachCase(visit))
      log.info(`case index built over ${built.size} cases in ${Math.round(performance.now() - t)} ms`)
    }
    return built
  }

  function requireCaseView(): void {
    const s = session.get()
    if (!s.user) throw new BridgeFailure('UNAUTHORIZED', 'sign in to see cases')
    if (!s.casesVisible)
      throw new BridgeFailure(
        'FORBIDDEN',
        `a ${s.user.role} account does not see every case on the workstation`,
      )
  }

  function summary(b: CaseBrief, t: number, perCase = outbox.perCase()): CaseSummary {
    const overdue = b.deadlineMs < t
    const light: LightColor = overdue ? 'red' : b.recordLight
    const cls = model.classes.get(b.categoryKey)
    const unit = b.unitId ? model.units.get(b.unitId) : undefined
    const pending = perCase.get(b.id)
    return {
      id: b.id,
      number: b.number,
      version: b.version,
      status: b.status,
      phase: phaseOf(b.status),
      kind: b.kind,
      categoryKey: b.categoryKey,
      categoryName: cls?.name ?? b.categoryKey,
      categoryNameEn: cls?.nameEn ?? b.categoryKey,
      source: b.source,
      urgency: b.urgency,
      safetyHazard: b.safetyHazard,
      lon: b.lon,
      lat: b.lat,
      address: b.address,
      gridId: b.gridId,
      districtCode: b.districtCode,
      unit: b.unitId
        ? { id: b.unitId, name: unit?.name ?? b.unitId, nameEn: unit?.nameEn ?? b.unitId }
        : null,
      light,
      lightStage: overdue ? b.deadlineStage : b.lightStage,
      deadline: Number.isNaN(b.deadlineMs) ? null : new Date(b.deadlineMs).toISOString(),
      onSiteDeadline: b.onSiteDeadlineMs > 0 ? new Date(b.onSiteDeadlineMs).toISOString() : null,
      createdAt: b.createdAt,
      updatedAt: b.updatedAt,
      closedAt: b.closedAt,
      queued: pending?.queued ?? 0,
      rejected: pending?.rejected ?? false,
    }
  }

  function sorted(ix: CaseIndex, slots: number[], sort: CaseListQuery['sort'], t: number): number[] {
    const c = ix.columns
    if (sort === 'newest') return slots.sort((a, b) => c.createdMs[b]! - c.createdMs[a]!)
    if (sort === 'updated') return slots.sort((a, b) => c.updatedMs[b]! - c.updatedMs[a]!)
    // 'deadline': red before yellow before green, then the soonest deadline; no running clock last.
    const rank = new Int8Array(slots.length)
    slots.forEach((s, i) => (rank[i] = LIGHT_RANK[ix.lightAt(s, t)]!))
    const order = slots.map((_, i) => i)
    const due = (s: number) => {
      const d = c.deadlineMs[s]!
      return Number.isNaN(d) ? Infinity : d
    }
    order.sort((i, k) => {
      const a = slots[i]!
      const b = slots[k]!
      return rank[k]! - rank[i]! || due(a) - due(b) || c.createdMs[b]! - c.createdMs[a]!
    })
    return order.map((i) => slots[i]!)
  }

  function actorOf(user: SignedInUser): Actor {
    return {
      id: user.id,
      role: user.role,
      ...(user.unitId ? { unitId: user.unitId } : {}),
      gridIds: user.gridIds,
    }
  }

  /**
   * 可用操作 offline, from core's transitions table: a row from the case's status, for the user's role, within
   * the user's scope (unit, duty grids). Guards (extensions left, arrival before handling, …) need the full
   * case state the feed does not carry; the central API checks them when the command is sent, so an action
   * enabled here may still be refused — never the other way round.
   */
  function localAbilities(r: CaseRecord, user: SignedInUser): Record<CaseAction, boolean> {
    // inScope reads only these fields of the state.
    const scoped: Pick<CaseState, 'assignedUnitId' | 'subUnitId' | 'inspectorId' | 'gridId' | 'reporterId'> =
      {
        ...(r.assignedUnitId ? { assignedUnitId: r.assignedUnitId } : {}),
        ...(r.subUnitId ? { subUnitId: r.subUnitId } : {}),
        ...(r.inspectorId ? { inspectorId: r.inspectorId } : {}),
        ...(r.location.gridId ? { gridId: r.location.gridId } : {}),
        reporterId: r.reporter.id,
      }
    const actor = actorOf(user)
    const may = new Set<CaseAction>()
    for (const row of TRANSITIONS) {
      if (
        rowFrom(row, r.status) &&
        row.roles.includes(actor.role) &&
        inScope(row, scoped as CaseState, actor) &&
        rowOpensOffline(row, r)
      )
        may.add(row.action)
    }
    return Object.fromEntries(CASE_ACTIONS.map((a) => [a, may.has(a)])) as Record<CaseAction, boolean>
  }

  function componentOf(r: CaseRecord): ComponentDetail | null {
    if (!r.componentId) return null
    try {
      return options.component(r.componentId)
    } catch {
      return null
    }
  }

  const queries: CaseQueries = {
    index,
    apply(changes) {
      // Before the first case query the index does not exist: it will read the store, page included.
      return built ? built.apply(changes) : changes.filter((c) => c.entity === 'case').map((c) => c.id)
    },
    store(records) {
      const cutoff = options.closedBefore?.() ?? -Infinity
      const clean = records.filter((r) => r.closedAt === null || Date.parse(r.closedAt) >= cutoff).map(masked)
      const written = store.upsertCases(clean)
      if (written.length > 0) {
        store.persistSoon()
        const keep = new Set(written)
        built?.apply(
          clean
            .filter((r) => keep.has(r.id))
            .map((r) => ({ entity: 'case', op: 'upsert', id: r.id, value: r })),
        )
      }
      return written
    },
    removed(ids) {
      built?.remove(ids)
    },
    cleared() {
      built?.clear()
    },
    list(query) {
      requireCaseView()
      const ix = index()
      const t = now()
      const matches = ix.match(query, t)
      const byPhase = Object.fromEntries(CASE_PHASES.map((p) => [p, 0])) as Record<
        (typeof CASE_PHASES)[number],
        number
      >
      for (const s of ix.match(query, t, 'phases')) byPhase[CASE_PHASES[ix.columns.phase[s]!]!]++
      const byLight = Object.fromEntries(LIGHT_ORDER.map((l) => [l, 0])) as Record<LightColor, number>
      for (const s of ix.match(query, t, 'lights')) byLight[LIGHT_ORDER[ix.lightAt(s, t)]!]++
      const offset = query.offset ?? 0
      const page = sorted(ix, matches, query.sort ?? 'deadline', t).slice(
        offset,
        offset + (query.limit ?? DEFAULT_LIMIT),
      )
      const perCase = outbox.perCase()
      return {
        total: matches.length,
        cases: page.map((s) => summary(ix.brief(s), t, perCase)),
        byPhase,
        byLight,
      }
    },
    layer(filter) {
      requireCaseView()
      const ix = index()
      const t = now()
      const slots = ix.match(filter, t)
      const c = ix.columns
      const gridIds: string[] = []
      const gridOf = new Map<string, number>()
      const out = {
        total: slots.length,
        ids: [] as string[],
        lon: [] as number[],
        lat: [] as number[],
        phase: [] as number[],
        light: [] as number[],
        hazard: [] as number[],
        createdAt: [] as number[],
        onSiteDeadline: [] as number[],
        grid: [] as number[],
        gridIds,
      }
      for (const s of slots) {
        const b = ix.brief(s)
        let g = -1
        if (b.gridId !== null) {
          g = gridOf.get(b.gridId) ?? -1
          if (g < 0) {
            g = gridIds.push(b.gridId) - 1
            gridOf.set(b.gridId, g)
          }
        }
        out.ids.push(b.id)
        out.lon.push(c.lon[s]!)
        out.lat.push(c.lat[s]!)
        out.phase.push(c.phase[s]!)
        out.light.push(ix.lightAt(s, t))
        out.hazard.push(c.hazard[s]!)
        out.createdAt.push(c.createdMs[s]!)
        out.onSiteDeadline.push(c.onSiteDeadlineMs[s]!)
        out.grid.push(g)
      }
      return out
    },
    gridCounts(filter) {
      requireCaseView()
      const ix = index()
      const counts = new Map<string, number>()
      let total = 0
      for (const s of ix.match(filter, now())) {
        const g = ix.brief(s).gridId
        total++
        if (g !== null) counts.set(g, (counts.get(g) ?? 0) + 1)
      }
      const gridIds = [...counts.keys()]
      const values = gridIds.map((g) => counts.get(g)!)
      return { total, gridIds, counts: values, max: values.reduce((m, v) => Math.max(m, v), 0) }
    },
    async get(id) {
      const user = session.user()
      if (!user) throw new BridgeFailure('UNAUTHORIZED', 'sign in to see cases')
      try {
        const [one, events] = await Promise.all([
          session.call('GET', `/cases/${id}`, { asUser: user.id }),
          session.call('GET', `/cases/${id}/events`, { asUser: user.id }),
        ])
        if (one.status === 200 && events.status === 200) {
          const view = (one.body as { case?: { abilities?: Record<string, unknown> } }).case
          const record = parseCaseRecord(view)
          if (session.get().casesVisible && options.ownsLocalCases()) queries.store([record])
          return {
            record,
            summary: summary(briefOf(record), now()),
            abilities: Object.fromEntries(
              CASE_ACTIONS.map((a) => [a, view?.abilities?.[a] === true]),
            ) as Record<CaseAction, boolean>,
            abilitiesFrom: 'central',
            events: eventsOf(events.body),
            fresh: true,
            component: componentOf(record),
            commands: outbox.forCase(id),
          }
        }
        const refusal = one.status !== 200 ? one : events
        const message = errorMessage(refusal.body) ?? `the central API answered ${refusal.status}`
        if (refusal.status === 401) throw new BridgeFailure('UNAUTHORIZED', message)
        if (refusal.status === 403) throw new BridgeFailure('FORBIDDEN', message)
        if (refusal.status === 404) throw new BridgeFailure('NOT_FOUND', message)
        if (refusal.status === 400) throw new BridgeFailure('BAD_REQUEST', message)
        log.warn(`GET /cases/${id} answered ${refusal.status}: using the local copy`)
      } catch (error) {
        if (error instanceof CaseFormatError)
          log.error(`the central API sent case ${id} in an unknown shape`, error)
        else if (!(error instanceof CentralUnavailable)) throw error
      }
      requireCaseView()
      const record = store.caseRecord(id)
      if (!record)
        throw new BridgeFailure(
          'UNAVAILABLE',
          `case ${id} is not stored locally and the central API cannot be reached`,
        )
      return {
        record,
        summary: summary(briefOf(record), now()),
        abilities: localAbilities(record, user),
        abilitiesFrom: 'local',
        events: null,
        fresh: false,
        component: componentOf(record),
        commands: outbox.forCase(id),
      }
    },
    async tasks() {
      const user = session.user()
      if (!user) throw new BridgeFailure('UNAUTHORIZED', 'sign in to see your queue')
      const t = now()
      // Roles without a case queue (GIS, administrators) have nothing to ask for.
      if (ROLE_QUEUES[user.role].length === 0) return taskQueue('central', user.role, [], { now: t })
      try {
        const answer = await session.call('GET', '/tasks?limit=500', { asUser: user.id })
        if (answer.status === 200) {
          const body = answer.body as { tasks?: unknown; truncated?: unknown }
          if (!Array.isArray(body.tasks)) throw new CaseFormatError('tasks: expected an array')
          const perCase = outbox.perCase()
          const items = body.tasks.map((x: unknown) => {
            const item = x as { todo?: unknown; case?: unknown }
            const todo = Array.isArray(item.todo) ? item.todo.filter((v): v is string => typeof v === 'string') : []
            return { todo, case: summary(briefOf(parseCaseRecord(item.case)), t, perCase) }
          })
          return taskQueue('central', user.role, items, { now: t, truncated: body.truncated === true })
        }
        const message = errorMessage(answer.body) ?? `the central API answered ${answer.status}`
        if (answer.status === 401) throw new BridgeFailure('UNAUTHORIZED', message)
        if (answer.status === 403) throw new BridgeFailure('FORBIDDEN', message)
        log.warn(`GET /tasks answered ${answer.status}: computing the queue locally`)
      } catch (error) {
        if (error instanceof CaseFormatError) log.error('the central API sent the queue in an unknown shape', error)
        else if (!(error instanceof CentralUnavailable)) throw error
      }
      // Offline: only a desk's workstation holds the cases a queue is made of.
      if (!session.get().casesVisible || !options.ownsLocalCases()) return taskQueue('offline', user.role, [], { now: t })
      const actor = actorOf(user)
      const perCase = outbox.perCase()
      const items: { todo: string[]; case: CaseSummary }[] = []
      store.eachCase((r) => {
        if (r.closedAt !== null) return
        const brief = summary(briefOf(r), t, perCase)
        const todo = localTodo(r, actor, brief.light)
        if (todo.length > 0) items.push({ todo, case: brief })
      })
      return taskQueue('local', user.role, items, { now: t })
    },
    async photo(photoId) {
      const user = session.user()
      if (!user) throw new BridgeFailure('UNAUTHORIZED', 'sign in to see photos')
      let answer
      try {
        answer = await session.call('GET', `/photos/${photoId}`, { raw: true, asUser: user.id })
      } catch (error) {
        if (error instanceof CentralUnavailable) throw new BridgeFailure('UNAVAILABLE', error.message)
        throw error
      }
      if (answer.status === 200 && answer.bytes) {
        const contentType = answer.headers.get('content-type') ?? 'application/octet-stream'
        return {
          id: photoId,
          contentType,
          dataUrl: `data:${contentType};base64,${Buffer.from(answer.bytes).toString('base64')}`,
        }
      }
      const message = errorMessage(answer.body) ?? `the central API answered ${answer.status}`
      if (answer.status === 404) throw new BridgeFailure('NOT_FOUND', message)
      if (answer.status === 401) throw new BridgeFailure('UNAUTHORIZED', message)
      if (answer.status === 403) throw new BridgeFailure('FORBIDDEN', message)
      throw new BridgeFailure('UNAVAILABLE', message)
    },
  }
  return queries
}

function eventsOf(body: unknown): CaseEventView[] {
  const events = (body as { events?: unknown } | undefined)?.events
  return Array.isArray(events) ? (events as CaseEventView[]) : []
}
