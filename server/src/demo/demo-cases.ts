import { sql, type Kysely, type Transaction } from 'kysely'
import type { TimeLimit } from '../../../core/catalog/types.js'
import type { CaseRules } from '../../../core/case/profile.js'
import type { CaseSource, CaseState } from '../../../core/case/types.js'
import { addWorkingMs, workingDayMs } from '../../../core/time/calendar.js'
import { createRng, type Rng } from '../../../gis-data/generator/prng.js'
import { actOnCase } from '../commands/act-on-case.js'
import { createCaseCommand } from '../commands/create-case.js'
import { sweepDeadlines } from '../commands/sweep-deadlines.js'
import type { CaseRow } from '../db/cases.js'
import { hashRequest } from '../db/idempotency.js'
import type { Database } from '../db/schema.js'
import { createCaseRulesCache } from '../services/case-rules.js'
import { createCityModelCache, type CityModel } from '../services/city-model.js'
import type { PhotoStore } from '../services/photo-store.js'
import { buildIntake, loadDemoCast, nextMove, pickWeighted, TOPICS, uuidFrom, type DemoCast, type DemoIntake, type Fate, type Move, type Topic } from './demo-cast.js'
import { demoPhotoIds, recordDemoPhotos } from './demo-photos.js'

/** The PRNG seed of the demo case history; the same seed and `now` give the same cases. */
export const DEMO_CASES_SEED = 20250101

/** How {@link seedDemoCases} is asked. */
export interface DemoCaseOptions {
  /** Cases in all (the open safety hazards included); default 600. */
  readonly count?: number
  /** Days of history up to `now`; default 30. */
  readonly days?: number
  readonly seed?: number
  /** The end of the history; default the system clock. */
  readonly now?: Date
  /** Where the demo photos' bytes go; without one only their records are stored (the app restores the files on start). */
  readonly photos?: PhotoStore
  /** How often the simulated deadline sweep runs over the history; default 30 minutes. */
  readonly sweepEveryMs?: number
  /**
   * Stops between transactions (the embedded central seeds in the background and may be closed first): the
   * batches committed so far stay, which is a shorter history, never a broken one.
   */
  readonly signal?: AbortSignal
}

/** What {@link seedDemoCases} did. */
export interface DemoCaseSummary {
  /** False when the database already held cases (nothing was added) or has no demo accounts. */
  readonly seeded: boolean
  readonly reason?: string
  readonly cases: number
  /** Commands applied (reports and actions), and the case events they and the sweeps recorded. */
  readonly commands: number
  readonly events: number
  readonly byStatus: Readonly<Record<string, number>>
  readonly byLight: Readonly<Record<string, number>>
  readonly bySource: Readonly<Record<string, number>>
  /** Open 第9条 safety hazards, and those among them whose 2-hour arrival clock still runs. */
  readonly openHazards: number
  readonly arrivalCountdowns: number
  readonly ms: number
}

const MINUTE = 60_000
/** Steps per transaction: big enough to save the commits, small enough to keep the locks short. */
const BATCH = 200
const HOUR = 3_600_000
const DAY = 86_400_000

/** Sources of the random cases (第7条): the inspectors collect most; the desk takes the rest. */
const SOURCES: ReadonlyArray<readonly [CaseSource, number]> = [
  ['inspector', 42],
  ['public', 24],
  ['video', 9],
  ['iot', 7],
  ['department', 6],
  ['data-monitoring', 3],
  ['media', 4],
  ['leader', 5],
]

/**
 * 演示案卷 — files a month of the demo city's cases through the real commands (createCaseCommand and
 * actOnCase, the cores of fileCase and actOnCaseOnce) and the real deadline sweep, each at its own
 * backdated instant in time order: case numbers, audit events,
 * stage clocks, lights, 第9条 arrival escalations, the change feed and Idempotency-Keys are what the API
 * would have produced. The people are the demo accounts in their roles; the units those routing picks.
 *
 * Most cases end closed; the recent ones are spread over the loop, some late (yellow, red); and six open
 * safety hazards are placed around `now` — two dispatched within the last 90 minutes with their 2-hour
 * arrival clock running, two overdue (escalated), two with arrival reported.
 *
 * Idempotent: a database that already holds cases gets none (the history is for a fresh demo only).
 */
export async function seedDemoCases(db: Kysely<Database>, options: DemoCaseOptions = {}): Promise<DemoCaseSummary> {
  const started = performance.now()
  const count = options.count ?? 600
  const days = options.days ?? 30
  const seed = options.seed ?? DEMO_CASES_SEED
  const now = +(options.now ?? new Date())
  const sweepEvery = options.sweepEveryMs ?? 30 * MINUTE
  if (!(count >= 0 && Number.isInteger(count))) throw new RangeError(`count must be a whole number ≥ 0, got ${count}`)
  if (!(days > 0)) throw new RangeError(`days must be above 0, got ${days}`)
  const empty = (reason: string): DemoCaseSummary => ({
    seeded: false,
    reason,
    cases: 0,
    commands: 0,
    events: 0,
    byStatus: {},
    byLight: {},
    bySource: {},
    openHazards: 0,
    arrivalCountdowns: 0,
    ms: Math.round(performance.now() - started),
  })

  if (count === 0) return empty('no demo cases asked for (count 0)')
  const existing = await db.selectFrom('case_file').select(sql<string>`count(*)::text`.as('n')).executeTakeFirstOrThrow()
  if (Number(existing.n) > 0) return empty(`the database already holds ${existing.n} cases; demo cases go into a database without cases only`)
  const from = now - days * DAY
  const cast = await loadDemoCast(db, demoPhotoIds())
  if (!cast) return empty('the demo accounts are missing: run `seed demo` first')
  await recordDemoPhotos(db, { now: new Date(from), ...(options.photos ? { store: options.photos } : {}) })
  const [model, { rules }] = await Promise.all([createCityModelCache(db).get(), createCaseRulesCache(db).get()])

  const rng = createRng(seed)
  const tracks = [...hazardTracks(cast, model, rng.fork('hazards'), now)]
  const planRng = rng.fork('plan')
  const where = places(cast, planRng)
  while (tracks.length < count) tracks.push(randomTrack(cast, model, planRng, where, from, now))
  tracks.splice(count)
  tracks.forEach((t, i) => (t.n = i))

  // Every track's next step, earliest first. Steps run in batches, one transaction each, through the commands
  // that take the caller's transaction (createCaseCommand, actOnCase: what fileCase and actOnCaseOnce run
  // inside theirs). Between batches the deadline sweep runs at its ticks — but only at the ticks where some
  // case is due, which the clocks the commands wrote say (a tick with nothing due would change nothing).
  const queue = new Heap<Track>((a, b) => a.at - b.at || a.n - b.n)
  for (const t of tracks) if (t.at <= now) queue.push(t)
  const moveRng = rng.fork('moves')
  let nextSweep = from + sweepEvery
  let due = Infinity
  let commands = 0
  const noteClock = (row: CaseRow) => {
    if (row.next_check_at) due = Math.min(due, +new Date(row.next_check_at))
  }
  const sweep = async (at: number) => {
    await sweepDeadlines({ db, now: new Date(at), rules })
    const row = await db.selectFrom('case_file').select((eb) => eb.fn.min('next_check_at').as('due')).executeTakeFirst()
    due = row?.due ? +new Date(row.due) : Infinity
  }
  const step = async (trx: Transaction<Database>, track: Track) => {
    const at = new Date(track.at)
    if (!track.state) {
      const { intake } = track
      const created = await createCaseCommand({
        db: trx,
        actor: intake.actor,
        input: intake.input,
        now: at,
        rules,
        model,
        caseId: uuidFrom(moveRng),
        ...(intake.clientSource ? { clientSource: intake.clientSource } : {}),
        idempotency: { scope: `${intake.actor.id} POST /cases`, key: `demo-${seed}-${track.n}`, requestHash: hashRequest(intake.input) },
      })
      track.state = created.row.state as CaseState
      track.proposedUnitId = created.row.proposed_unit_id
      noteClock(created.row)
    } else {
      const move = track.pending!
      try {
        const acted = await actOnCase({ db: trx, actor: move.actor, input: { caseId: track.state.id, version: track.state.version, command: move.command }, now: at, rules, model })
        track.state = acted.row.state as CaseState
        noteClock(acted.row)
      } catch (error) {
        throw new Error(`demo cases: ${move.command.action} by ${move.actor.id} on ${track.state.number} (${track.state.status}) at ${at.toISOString()}: ${(error as Error).message}`, { cause: error })
      }
    }
    commands++
    if (track.script && track.moves >= track.script.length) return
    const move = nextMove(track.state, {
      cast,
      model,
      rules,
      rng: moveRng,
      fate: track.fate,
      done: track.done,
      lon: track.intake.input.lon,
      lat: track.intake.input.lat,
      proposedUnitId: track.proposedUnitId,
    })
    if (!move) return
    const next = track.script ? track.at + track.script[track.moves]! * MINUTE : stepTime(track, move, rules, moveRng)
    track.pending = move
    track.moves++
    track.at = Math.max(next, track.at + MINUTE)
    if (track.at <= now) queue.push(track)
  }
  /** True when a sweep must run before a step at `at`; skips the ticks before it where nothing is due. */
  const sweepBefore = (at: number) => {
    while (nextSweep <= at && due > nextSweep) nextSweep += sweepEvery
    return nextSweep <= at
  }
  for (;;) {
    const head = queue.peek()
    const upto = head?.at ?? now
    while (sweepBefore(upto)) {
      await sweep(nextSweep)
      nextSweep += sweepEvery
    }
    if (!head) break
    options.signal?.throwIfAborted()
    // PGlite answers in microtasks, so without a turn of the event loop between batches an API sharing the
    // process (the embedded central) would not even accept a request until the whole history is filed.
    await new Promise((resume) => setImmediate(resume))
    await db.transaction().execute(async (trx) => {
      for (let n = 0; n < BATCH; n++) {
        const next = queue.peek()
        if (!next || sweepBefore(next.at)) break
        await step(trx, queue.pop()!)
      }
    })
  }
  // The lights as they stand now.
  await sweep(now)
  return { seeded: true, commands, ...(await summarize(db, new Date(now))), ms: Math.round(performance.now() - started) }
}

/** One case of the plan: its report, its fate and where it stands in the simulation. */
interface Track {
  n: number
  readonly intake: DemoIntake
  readonly fate: Fate
  readonly done: Set<string>
  /** Minutes between the steps of a scripted case; it stops after the last. */
  readonly script?: readonly number[]
  /** Which step runs late: by how many times its limit, or by how many working days. */
  readonly stall?: { readonly step: number; readonly factor?: number; readonly days?: number }
  /** When the next step (or the report) happens, ms. */
  at: number
  state?: CaseState
  proposedUnitId: string | null
  pending?: Move
  moves: number
}

function track(intake: DemoIntake, fate: Fate, at: number, extra: Partial<Pick<Track, 'script' | 'stall'>> = {}): Track {
  return { n: 0, intake, fate, done: new Set(), at, proposedUnitId: null, moves: 0, ...extra }
}

/**
 * 第9条 — six open safety hazards around `now`: the wall screen's countdowns and escalations. Minutes: when
 * reported (before now), then the gap before each step the proper role takes.
 */
function hazardTracks(cast: DemoCast, model: CityModel, rng: Rng, now: number): Track[] {
  const topic = (key: string): Topic => ({ key, weight: 0, texts: [] })
  const duty = (i: number) => rng.pick(cast.grids.filter((g) => (cast.inspectors[i % cast.inspectors.length]!.gridIds ?? []).includes(g)))
  const component = (key: string) => {
    const list = cast.components.get(key)
    return list && list.length > 0 ? { component: rng.pick(list) } : {}
  }
  const plan: Array<{ source: CaseSource; key: string; ago: number; script: number[]; gridId?: string; component?: boolean }> = [
    // 上水井盖 missing, phoned in 40 minutes ago: dispatched to the water company, 2-hour arrival running.
    { source: 'public', key: '2013:component:0101', ago: 40, script: [4, 5, 4], component: true },
    // 路面塌陷 found by an inspector 85 minutes ago: at 市政, arrival clock running.
    { source: 'inspector', key: '2013:event:0401', ago: 85, script: [6, 5, 6], gridId: duty(0) },
    // 架空线缆脱落 four hours ago: 电信 has not arrived — escalated to the shift leader.
    { source: 'public', key: '2026:event:10002', ago: 250, script: [5, 5, 6] },
    // 路灯 pole leaning, seen on video: no arrival after two hours — escalated.
    { source: 'video', key: '2013:component:0118', ago: 160, script: [4, 5, 6], component: true },
    // A smart manhole cover raised the alarm five hours ago: the water company arrived on time and is repairing.
    { source: 'iot', key: '2013:component:0101', ago: 300, script: [3, 4, 3, 15, 52], component: true },
    // 化粪池井盖 yesterday: arrival 2 h 15 after dispatch (late, flagged), repaired, awaiting the check.
    { source: 'inspector', key: '2026:event:01018', ago: 26 * 60, script: [5, 6, 5, 20, 115, 180], gridId: duty(1) },
  ]
  return plan.map((h) => {
    const intake = buildIntake(cast, model, rng, {
      source: h.source,
      topic: topic(h.key),
      conditionIndex: 0,
      ...(h.gridId ? { gridId: h.gridId } : {}),
      ...(h.component ? component(h.key) : {}),
    })
    return track(intake, {}, now - h.ago * MINUTE, { script: h.script })
  })
}

/** Where cases happen: the inspectors' duty grids, and the hot grids (高发) among them and elsewhere. */
interface Places {
  readonly duty: readonly string[]
  readonly dutySet: ReadonlySet<string>
  readonly hotDuty: readonly string[]
  readonly hotAll: readonly string[]
}

/** 高发网格 — two hot grids in the inspectors' streets and two elsewhere in the district. */
function places(cast: DemoCast, rng: Rng): Places {
  const dutySet = new Set(cast.inspectors.flatMap((i) => i.gridIds ?? []))
  const duty = cast.grids.filter((g) => dutySet.has(g))
  const other = cast.grids.filter((g) => !dutySet.has(g))
  const pick = (list: readonly string[], n: number) => {
    const out: string[] = []
    while (out.length < n && out.length < list.length) {
      const g = rng.pick(list)
      if (!out.includes(g)) out.push(g)
    }
    return out
  }
  const d = pick(duty, 2)
  return { duty, dutySet, hotDuty: d, hotAll: [...d, ...pick(other, 2)] }
}

/** One random case of the month: source, place (hot grids get clusters), topic, fate and when. */
function randomTrack(cast: DemoCast, model: CityModel, rng: Rng, where: Places, from: number, now: number): Track {
  let source = SOURCES[pickWeighted(rng, SOURCES.map(([, w]) => w))]![0]
  if (source === 'iot' && !cast.sensor) source = 'public'
  const inHot = rng.next() < 0.28
  const gridId = source === 'inspector' ? rng.pick(inHot ? where.hotDuty : where.duty) : rng.pick(inHot ? where.hotAll : cast.grids)
  let topics = TOPICS.filter((t) => (inHot ? t.hot : true))
  if (source === 'iot' || source === 'video') topics = TOPICS.filter((t) => t.sensed?.includes(source as 'iot' | 'video'))
  const topic = topics[pickWeighted(rng, topics.map((t) => t.weight))]!
  let component
  if (topic.component) {
    const list = (cast.components.get(topic.key) ?? []).filter((c) => source !== 'inspector' || where.dutySet.has(c.gridId))
    if (list.length > 0) component = rng.pick(list)
  }
  const intake = buildIntake(cast, model, rng, { source, topic, ...(component ? { component } : { gridId }) })
  const fate = drawFate(rng, intake)
  // A unit without demo people never signs: its cases are recent (still on their way) or refused at the desk.
  const recentOnly = !intake.handleable && !fate.notAccept && !fate.notRegister && !fate.rapid
  // One in ten reports is from the last day and a half: today's intake, still being worked on.
  const recent = recentOnly || rng.next() < 0.1
  const at = reportTime(rng, source, recent ? Math.max(from, now - 36 * HOUR) : from, now - 10 * MINUTE)
  // Some step runs late: a little (1.2-4 times its limit), or it sticks for days (a slow unit, a busy desk).
  const r = rng.next()
  const stall = r < 0.12 ? { step: rng.int(0, 7), factor: 1.2 + 2.8 * rng.next() } : r < 0.19 ? { step: rng.int(0, 7), days: 1 + 7 * rng.next() } : undefined
  return track(intake, fate, at, stall ? { stall } : {})
}

/** The side paths of one case, by source and by whether its unit can act. */
function drawFate(rng: Rng, intake: DemoIntake): Fate {
  const p = (x: number) => rng.next() < x
  const source = intake.actor.role === 'inspector' ? 'inspector' : (intake.input.source ?? 'iot')
  const fate: { -readonly [K in keyof Fate]: Fate[K] } = {}
  // A hazard is acted on at once; other phoned-in reports are often verified on site first.
  if (source === 'public' && !intake.hazard && p(0.3)) fate.verify = p(0.15) ? 'unfounded' : 'confirmed'
  if (p(source === 'public' ? 0.04 : 0.015)) fate.notAccept = true
  if (source === 'inspector' && !intake.hazard && p(0.14)) fate.selfHandle = p(0.1) ? 'refuse' : 'approve'
  if (fate.selfHandle === 'approve' || fate.verify === 'unfounded' || fate.notAccept) return fate
  if (!intake.handleable) {
    // Units with nobody in the demo: hazards go to the center's rapid team; half the rest is refused at 立案.
    if (intake.hazard) fate.rapid = true
    else if (p(0.5)) fate.notRegister = true
    return fate
  }
  if (p(0.025)) fate.notRegister = true
  else if (p(0.01)) fate.void = true
  if (fate.notRegister || fate.void) return fate
  if (p(0.45)) fate.subDispatch = true
  if (p(0.04)) fate.dispute = p(0.5) ? 'redispatch' : 'uphold'
  if (p(0.07)) fate.extension = p(0.8) ? 'approve' : 'refuse'
  if (p(0.02)) fate.returnCase = true
  if (p(0.015)) fate.park = true
  if (p(0.04)) fate.supervise = true
  if (p(0.06)) fate.rework = true
  else if (p(0.02)) fate.unqualified = true
  return fate
}

/**
 * When a report comes in: inspectors on their rounds (working hours), the public from morning to late
 * evening, sensors and cameras at any hour, the rest in office hours.
 */
function reportTime(rng: Rng, source: CaseSource, from: number, to: number): number {
  const localHour = (t: number) => (((t + 8 * HOUR) % DAY) + DAY) % DAY / HOUR
  const weekday = (t: number) => new Date(t + 8 * HOUR).getUTCDay()
  for (let i = 0; i < 50; i++) {
    const t = from + rng.next() * (to - from)
    const h = localHour(t)
    const workday = weekday(t) >= 1 && weekday(t) <= 5
    const ok =
      source === 'iot' || source === 'video'
        ? true
        : source === 'public'
          ? h >= 7 && h < 22
          : source === 'inspector'
            ? (workday ? h >= 8 && h < 18 : h >= 9 && h < 16 && rng.next() < 0.3)
            : workday && h >= 8.5 && h < 17.5
    if (ok) return Math.round(t / 1000) * 1000
  }
  return Math.round((from + rng.next() * (to - from)) / 1000) * 1000
}

/**
 * 耗时 — when the step after this one happens: a share of the stage's limit on the limit's own clock (so
 * working-hour stages wait for office hours), mostly early, sometimes in the yellow, now and then late;
 * urgent cases move in natural minutes; a stalled step takes several times its limit.
 */
function stepTime(track: Track, move: Move, rules: CaseRules, rng: Rng): number {
  const state = track.state!
  const t = track.at
  const urgent = state.urgency === 'urgent' || state.safetyHazard !== undefined
  const stalled = track.stall && track.stall.step === track.moves ? track.stall : undefined
  if (stalled?.days) return +addWorkingMs(new Date(t), stalled.days * workingDayMs(rules.calendar), rules.calendar)
  const share = () => {
    if (stalled?.factor) return stalled.factor
    const r = rng.next()
    return r < 0.82 ? 0.08 + 0.55 * rng.next() : r < 0.95 ? 0.65 + 0.33 * rng.next() : 1.02 + 0.6 * rng.next()
  }
  const minutes = (a: number, b: number) => t + (a + (b - a) * rng.next()) * MINUTE
  const on = (limit: TimeLimit, f: number) => {
    if (limit.unit === 'natural-hours') return t + f * limit.amount * HOUR
    const ms = limit.unit === 'working-hours' ? limit.amount * HOUR : limit.amount * workingDayMs(rules.calendar)
    return +addWorkingMs(new Date(t), f * ms, rules.calendar)
  }
  const stage = rules.stageLimits
  switch (move.command.action) {
    case 'accept':
    case 'not-accept':
    case 'request-verify':
    case 'approve-self-handle':
    case 'refuse-self-handle':
      return urgent ? minutes(2, 10) : on(stage.accept, share())
    case 'register':
    case 'not-register':
    case 'void':
      return urgent ? minutes(2, 10) : on(stage.register, share())
    case 'dispatch':
    case 'arbitrate':
    case 'approve-extension':
    case 'refuse-extension':
    case 'approve-return':
    case 'approve-park':
      return urgent ? minutes(2, 12) : on(stage.dispatch, share())
    case 'verify-result':
      return urgent ? minutes(10, 35) : on(stage.verify, share())
    case 'sign':
    case 'dispute':
    case 'sub-dispatch':
      return urgent ? minutes(5, 25) : on(stage.sign, share())
    case 'self-handle':
      return minutes(5, 25)
    case 'rapid-handle':
      return minutes(40, 150)
    case 'report-arrival': {
      // Measured from dispatch, when the 2-hour clock started: mostly in time, one in ten late.
      const start = Date.parse(state.stages['on-site']?.startedAt ?? new Date(t).toISOString())
      const f = rng.next() < 0.9 ? 0.25 + 0.6 * rng.next() : 1.05 + 0.4 * rng.next()
      return Math.max(t + 5 * MINUTE, start + f * rules.onSiteLimit.amount * HOUR)
    }
    case 'handle':
      return on(state.handleLimit, share())
    case 'request-extension':
    case 'request-return':
    case 'request-park':
    case 'supervise':
      return on(state.handleLimit, 0.1 + 0.3 * rng.next())
    case 'resume':
      return t + (1 + 3 * rng.next()) * DAY
    case 'request-check':
      return urgent ? minutes(10, 60) : on(stage.close, 0.03 + 0.25 * rng.next())
    case 'check-result':
      return urgent ? minutes(15, 45) : on(stage.check, share())
    default:
      return minutes(5, 30)
  }
}

async function summarize(db: Kysely<Database>, now: Date): Promise<Omit<DemoCaseSummary, 'seeded' | 'commands' | 'ms'>> {
  const group = async (column: 'status' | 'light' | 'source') => {
    const rows = await db.selectFrom('case_file').select([column, sql<string>`count(*)::text`.as('n')]).groupBy(column).orderBy(column).execute()
    return Object.fromEntries(rows.map((r) => [r[column as keyof typeof r] as string, Number(r.n)]))
  }
  const [byStatus, byLight, bySource] = await Promise.all([group('status'), group('light'), group('source')])
  const hazards = await db.selectFrom('case_file').select(['state']).where('closed_at', 'is', null).where('safety_hazard', 'is not', null).execute()
  const countdowns = hazards.filter((h) => {
    const s = h.state as unknown as CaseState
    const clock = s.stages['on-site']
    return !s.onSite && clock !== undefined && !clock.endedAt && Date.parse(clock.deadline) > +now
  })
  const events = await db.selectFrom('case_event').select(sql<string>`count(*)::text`.as('n')).executeTakeFirstOrThrow()
  return {
    cases: Object.values(byStatus).reduce((a, b) => a + b, 0),
    events: Number(events.n),
    byStatus,
    byLight,
    bySource,
    openHazards: hazards.length,
    arrivalCountdowns: countdowns.length,
  }
}

/** A binary min-heap. */
class Heap<T> {
  private readonly items: T[] = []
  constructor(private readonly before: (a: T, b: T) => number) {}
  push(item: T): void {
    const a = this.items
    a.push(item)
    for (let i = a.length - 1; i > 0; ) {
      const p = (i - 1) >> 1
      if (this.before(a[i]!, a[p]!) >= 0) break
      ;[a[i], a[p]] = [a[p]!, a[i]!]
      i = p
    }
  }
  peek(): T | undefined {
    return this.items[0]
  }
  pop(): T | undefined {
    const a = this.items
    const top = a[0]
    const last = a.pop()
    if (a.length > 0 && last !== undefined) {
      a[0] = last
      for (let i = 0; ; ) {
        const l = 2 * i + 1
        const r = l + 1
        let m = i
        if (l < a.length && this.before(a[l]!, a[m]!) < 0) m = l
        if (r < a.length && this.before(a[r]!, a[m]!) < 0) m = r
        if (m === i) break
        ;[a[i], a[m]] = [a[m]!, a[i]!]
        i = m
      }
    }
    return top
  }
}
