import { sql, type Kysely } from 'kysely'
import type { CaseSource, CaseState } from '../../../core/case/types.js'
import { createRng, type Rng } from '../../../gis-data/generator/prng.js'
import { actOnCaseOnce } from '../commands/act-on-case.js'
import { fileCase } from '../commands/create-case.js'
import { hashRequest } from '../db/idempotency.js'
import type { Database } from '../db/schema.js'
import { ApiError } from '../errors.js'
import { buildIntake, DEMO_DISTRICT, loadDemoCast, nextMove, pickWeighted, TOPICS, type DemoCast, type Topic } from './demo-cast.js'
import { DEMO_CASES_SEED } from './demo-cases.js'
import { demoPhotoIds, recordDemoPhotos } from './demo-photos.js'
import type { CaseRulesCache } from '../services/case-rules.js'
import type { CityModelCache } from '../services/city-model.js'
import type { JobDefinition } from '../services/job-runner.js'
import type { PhotoStore } from '../services/photo-store.js'

/** The live demo's pace. */
export interface DemoActivityOptions {
  /** How often the job looks (its timer); default 20 s. */
  readonly intervalMs?: number
  /** Gap between two new cases, and between two rounds of steps: drawn between these; default 20–60 s. */
  readonly minGapMs?: number
  readonly maxGapMs?: number
  /** At most this many cases move one step per round (1 to it); default 3. */
  readonly maxSteps?: number
  readonly seed?: number
}

/** The job's name in the job runner (and in /admin/jobs). */
export const DEMO_ACTIVITY_JOB = 'demo-activity'

/** What one run did. */
export interface DemoActivityResult {
  readonly skipped?: string
  /** Numbers of the cases filed. */
  readonly filed: readonly string[]
  /** Steps taken: case number, action, who. */
  readonly advanced: ReadonlyArray<{ readonly number: string; readonly action: string; readonly by: string }>
}

// Who reports live: mostly inspectors on their rounds and phoned-in complaints.
const LIVE_SOURCES: ReadonlyArray<readonly [CaseSource, number]> = [
  ['inspector', 50],
  ['public', 35],
  ['iot', 8],
  ['video', 7],
]

/**
 * 演示活动 — keeps the demo city's wall screen alive: every 20–60 s a new case is filed (mostly by an
 * inspector or from a phone call; now and then a smart manhole cover's alarm, a 第9条 hazard whose
 * 2-hour arrival clock then runs), and every 20–60 s a few open cases move one step as the proper demo
 * account would (受理, 立案, 派遣, 签收, 到场, 处置, 核查 …) — through fileCase and actOnCaseOnce, at the
 * app's clock. Off unless CITYLOOP_DEMO_ACTIVITY=1 or the host asks for it; needs the demo accounts.
 */
export function demoActivityJob(deps: {
  readonly db: Kysely<Database>
  readonly caseRules: CaseRulesCache
  readonly cityModel: CityModelCache
  readonly photos?: PhotoStore
  readonly options?: DemoActivityOptions
}): JobDefinition {
  const { db } = deps
  const o = deps.options ?? {}
  const minGap = o.minGapMs ?? 20_000
  const maxGap = o.maxGapMs ?? 60_000
  const maxSteps = o.maxSteps ?? 3
  const rng = createRng(o.seed ?? DEMO_CASES_SEED + 1)
  const gap = () => minGap + rng.next() * (maxGap - minGap)
  let cast: DemoCast | undefined
  let nextFile = -Infinity
  let nextAdvance = -Infinity
  let filedCount = 0

  async function run(now: Date): Promise<DemoActivityResult> {
    if (!cast) {
      cast = await loadDemoCast(db, demoPhotoIds())
      if (!cast) return { skipped: 'no demo accounts: run `seed demo` first', filed: [], advanced: [] }
      // The photos its reports and steps cite (already there after the demo seed).
      await recordDemoPhotos(db, { now, ...(deps.photos ? { store: deps.photos } : {}) })
    }
    const [{ rules }, model] = await Promise.all([deps.caseRules.get(), deps.cityModel.get()])
    const filed: string[] = []
    const advanced: Array<{ number: string; action: string; by: string }> = []
    if (+now >= nextFile) {
      nextFile = +now + gap()
      const intake = await liveIntake(db, cast, model, rng)
      const created = await fileCase(db, {
        actor: intake.actor,
        input: intake.input,
        now,
        rules,
        model,
        ...(intake.clientSource ? { clientSource: intake.clientSource } : {}),
        idempotency: { scope: `${intake.actor.id} POST /cases`, key: `demo-activity-${+now}-${filedCount++}`, requestHash: hashRequest(intake.input) },
      })
      filed.push(created.row.number)
    }
    if (+now >= nextAdvance) {
      nextAdvance = +now + gap()
      const wanted = rng.int(1, maxSteps)
      // The longest-waiting open cases of the district, not touched in the last minute (so a step shows).
      const rows = await db
        .selectFrom('case_file')
        .selectAll()
        .where('closed_at', 'is', null)
        .where('district_code', '=', DEMO_DISTRICT)
        .where('updated_at', '<=', new Date(+now - 60_000))
        .orderBy('updated_at')
        .orderBy('id')
        .limit(60)
        .execute()
      for (const row of shuffle(rng, rows)) {
        if (advanced.length >= wanted) break
        const state = row.state as unknown as CaseState
        const move = nextMove(state, { cast, model, rules, rng, fate: {}, done: new Set(), lon: row.lon, lat: row.lat, proposedUnitId: row.proposed_unit_id })
        if (!move) continue
        try {
          await actOnCaseOnce(db, { actor: move.actor, input: { caseId: row.id, version: state.version, command: move.command }, now, rules, model })
          advanced.push({ number: row.number, action: move.command.action, by: move.actor.id })
        } catch (error) {
          // Someone at a desk acted on it meanwhile (409): leave it to them.
          if (!(error instanceof ApiError && error.statusCode === 409)) throw error
        }
      }
    }
    return { filed, advanced }
  }

  return { name: DEMO_ACTIVITY_JOB, intervalMs: o.intervalMs ?? 20_000, run }
}

/** A live report: a source, a topic (a few hazards), and a place — often where the month's cases cluster. */
async function liveIntake(db: Kysely<Database>, cast: DemoCast, model: Parameters<typeof buildIntake>[1], rng: Rng) {
  const source = LIVE_SOURCES[pickWeighted(rng, LIVE_SOURCES.map(([, w]) => w))]![0]
  const effective = source === 'iot' && !cast.sensor ? 'public' : source
  if (effective === 'iot' && rng.next() < 0.4) {
    // 智能井盖: a displaced water-supply cover — a 第9条 hazard.
    const covers = cast.components.get('2013:component:0101') ?? []
    const topic: Topic = { key: '2013:component:0101', weight: 0, texts: [] }
    return buildIntake(cast, model, rng, { source: effective, topic, conditionIndex: 0, ...(covers.length > 0 ? { component: rng.pick(covers) } : {}) })
  }
  const topics = effective === 'iot' || effective === 'video' ? TOPICS.filter((t) => t.sensed?.includes(effective)) : TOPICS
  const topic = topics[pickWeighted(rng, topics.map((t) => t.weight))]!
  const duty = new Set(cast.inspectors.flatMap((i) => i.gridIds ?? []))
  let gridId: string
  if (rng.next() < 0.3) {
    // Where problems cluster (高发): the grids with most cases so far.
    const hot = await db
      .selectFrom('case_file')
      .select(['grid_id', sql<string>`count(*)::text`.as('n')])
      .where('district_code', '=', DEMO_DISTRICT)
      .where('grid_id', 'is not', null)
      .groupBy('grid_id')
      .orderBy(sql`count(*)`, 'desc')
      .orderBy('grid_id')
      .limit(6)
      .execute()
    const candidates = hot.map((h) => h.grid_id!).filter((g) => effective !== 'inspector' || duty.has(g))
    gridId = candidates.length > 0 ? rng.pick(candidates) : rng.pick(cast.grids)
  } else {
    gridId = effective === 'inspector' ? rng.pick([...duty]) : rng.pick(cast.grids)
  }
  if (effective === 'inspector' && !duty.has(gridId)) gridId = rng.pick([...duty])
  return buildIntake(cast, model, rng, { source: effective, topic, gridId })
}

function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}
