/**
 * @module core/evaluation/evaluate
 * 综合评价 — one pass over the cases (and orders) of any number of periods: tallies per object, then the
 * figures of standards.md §7.1, composite scores, grades and rankings (score.ts). Stream cases in with
 * {@link createEvaluator} (a server reads them page by page) or hand over a list with {@link evaluate}.
 *
 * Cost: each case is read once (its events walked once) and emitted once per period; objects keep a pair of
 * small counter arrays. Case and event ids are kept only for objects being traced, so a city-wide month of a
 * million cases runs without them, and a drill-down reruns the same pass with `trace` on one object.
 */
import type { CaseRules } from '../case/profile.js'
import type { ClassifyContext, TallySink, Window } from './classify.js'
import { CaseClassifier, emitOrder } from './classify.js'
import { isoMs } from './iso-time.js'
import type { IndicatorKey, ObjectKind } from './indicators.js'
import { INDICATOR, INDICATORS_OF, OBJECT_KINDS, TALLIES, TALLY_INDEX } from './indicators.js'
import type { DispatchOrder, EvaluationRecord } from './input.js'
import type { EvaluationPeriod } from './period.js'
import type { EvaluationProfile, Grade } from './profile.js'
import { scoreObjects } from './score.js'
import type { ScorePart } from './score.js'

/** 依据 — the cases, events and orders behind one side of a figure (ids; events as 'caseId#seq'). */
export interface FigureBasis {
  readonly caseIds: readonly string[]
  readonly eventIds: readonly string[]
  readonly orderIds: readonly string[]
}

/** 指标值 — one indicator of one object: counts are `numerator`; rates numerator ÷ denominator; means sum ÷ count. */
export interface Figure {
  readonly indicator: IndicatorKey
  /** The count, rate (0–1) or mean (hours); null for a rate or mean with nothing to divide by. */
  readonly value: number | null
  readonly numerator: number
  /** Rates and means only. */
  readonly denominator?: number
  /** With `trace` on for this object: what stands behind the numerator and the denominator. */
  readonly basis?: { readonly numerator: FigureBasis; readonly denominator?: FigureBasis }
}

/** 考核对象结果 — an object's figures, composite score (综合指标值), grade and rank among its kind. */
export interface EvaluatedObject {
  readonly kind: ObjectKind
  readonly id: string
  readonly figures: Readonly<Partial<Record<IndicatorKey, Figure>>>
  /** 0–100, rounded to 0.01; null when the kind has no formula or none of its indicators has a value. */
  readonly score: number | null
  readonly grade: Grade | null
  /** 1 = best; equal scores share a rank (1, 1, 3); null without a score. */
  readonly rank: number | null
  /** The terms of the score: each indicator's 分值 and the weight it counted with. */
  readonly parts: readonly ScorePart[]
}

/** 考核结果 — one period's evaluation, objects grouped by kind in rank order (unscored last, by id). */
export interface Evaluation {
  readonly period: EvaluationPeriod
  readonly asOf: string
  readonly objects: Readonly<Record<ObjectKind, readonly EvaluatedObject[]>>
}

/** 考核选项 */
export interface EvaluatorOptions {
  /** The periods to evaluate in the same pass (e.g. this month, the one before, the same month last year). */
  readonly periods: readonly EvaluationPeriod[]
  /** 截至 — when the records were read: a deadline after it has not passed, an event after it is ignored. */
  readonly asOf: Date
  /** 案卷规则 — the calendar and stage limits the cases ran on (taizhouRules()). */
  readonly rules: CaseRules
  readonly profile: EvaluationProfile
  /** 责任网格 — grid id → its inspectors (漏报); without it inspectors get no 漏报. */
  readonly patrols?: ReadonlyMap<string, readonly string[]>
  /** 追溯 — keep case / event / order ids for every object (true) or the objects this returns true for. */
  readonly trace?: boolean | ((kind: ObjectKind, id: string) => boolean)
}

/** 考核器 — add cases and orders in any order, then finish. */
export interface Evaluator {
  addCase(record: EvaluationRecord): void
  addOrder(order: DispatchOrder): void
  finish(): readonly Evaluation[]
}

const N = TALLIES.length

/** Tallies of one object in one period. */
interface Acc {
  readonly counts: Float64Array
  readonly sums: Float64Array
  /** Per tally: parallel lists of case (or order) ids and event seqs (0 = none); only when traced. */
  readonly refs?: Array<{ ids: string[]; seqs: number[]; orders: boolean } | undefined>
}

class PeriodSink implements TallySink {
  readonly byKind = Object.fromEntries(OBJECT_KINDS.map((k) => [k, new Map<string, Acc>()])) as Record<
    ObjectKind,
    Map<string, Acc>
  >
  /** The id of the case or order being added. */
  current = ''
  currentIsOrder = false
  constructor(private readonly trace: EvaluatorOptions['trace']) {}

  add(kind: ObjectKind, id: string, tally: number, _at: number, seq: number, amount: number): void {
    const map = this.byKind[kind]
    let acc = map.get(id)
    if (!acc) {
      const traced = typeof this.trace === 'function' ? this.trace(kind, id) : this.trace === true
      acc = { counts: new Float64Array(N), sums: new Float64Array(N), ...(traced ? { refs: [] } : {}) }
      map.set(id, acc)
    }
    acc.counts[tally]! += 1
    acc.sums[tally]! += amount
    if (acc.refs) {
      const r = (acc.refs[tally] ??= { ids: [], seqs: [], orders: this.currentIsOrder })
      r.ids.push(this.current)
      r.seqs.push(seq)
    }
  }
}

/** 创建考核器 — starts a streaming evaluation of `options.periods`. */
export function createEvaluator(options: EvaluatorOptions): Evaluator {
  const asOf = +options.asOf
  const windows: Window[] = options.periods.map((p) => ({
    start: isoMs(p.start),
    limit: Math.min(isoMs(p.end), asOf + 1),
  }))
  const sinks = options.periods.map(() => new PeriodSink(options.trace))
  const ctx: ClassifyContext = {
    rules: options.rules,
    profile: options.profile,
    ...(options.patrols ? { patrols: options.patrols } : {}),
  }
  const classifier = new CaseClassifier(ctx)
  return {
    addCase(record) {
      // Events after asOf did not happen yet as far as this evaluation is concerned.
      // Events come oldest first, so one look at the last tells whether any is too late.
      const last = record.events[record.events.length - 1]
      const events =
        !last || isoMs(last.at) <= asOf ? record.events : record.events.filter((e) => isoMs(e.at) <= asOf)
      if (events.length === 0 && isoMs(record.case.createdAt) > asOf) return
      classifier.read(events === record.events ? record : { case: record.case, events })
      sinks.forEach((sink, i) => {
        sink.current = record.case.id
        sink.currentIsOrder = false
        classifier.emit(windows[i] as Window, sink)
      })
    },
    addOrder(order) {
      sinks.forEach((sink, i) => {
        sink.current = order.id
        sink.currentIsOrder = true
        emitOrder(order, windows[i] as Window, sink)
      })
    },
    finish() {
      return options.periods.map((period, i) =>
        buildEvaluation(period, options.asOf, sinks[i] as PeriodSink, options.profile),
      )
    },
  }
}

/** 考核 — evaluates `records` (and `orders`) for each period; see {@link createEvaluator}. */
export function evaluate(
  options: EvaluatorOptions & {
    readonly records: Iterable<EvaluationRecord>
    readonly orders?: Iterable<DispatchOrder>
  },
): readonly Evaluation[] {
  const ev = createEvaluator(options)
  for (const r of options.records) ev.addCase(r)
  for (const o of options.orders ?? []) ev.addOrder(o)
  return ev.finish()
}

function basisOf(acc: Acc, tally: number): FigureBasis {
  const r = acc.refs?.[tally]
  if (!r) return { caseIds: [], eventIds: [], orderIds: [] }
  if (r.orders) return { caseIds: [], eventIds: [], orderIds: [...new Set(r.ids)] }
  const eventIds: string[] = []
  r.seqs.forEach((seq, i) => {
    if (seq > 0) eventIds.push(`${r.ids[i]}#${seq}`)
  })
  return { caseIds: [...new Set(r.ids)], eventIds, orderIds: [] }
}

/** 指标值 — reads one indicator from an object's tallies. */
function figureOf(key: IndicatorKey, acc: Acc): Figure {
  const ind = INDICATOR[key]
  const of = TALLY_INDEX[ind.of]
  const traced = acc.refs !== undefined
  if (ind.kind === 'count') {
    const n = acc.counts[of] as number
    return {
      indicator: key,
      value: n,
      numerator: n,
      ...(traced ? { basis: { numerator: basisOf(acc, of) } } : {}),
    }
  }
  if (ind.kind === 'mean') {
    const sum = acc.sums[of] as number
    const n = acc.counts[of] as number
    const basis = traced ? { basis: { numerator: basisOf(acc, of), denominator: basisOf(acc, of) } } : {}
    return { indicator: key, value: n > 0 ? sum / n : null, numerator: sum, denominator: n, ...basis }
  }
  const per = TALLY_INDEX[ind.per as keyof typeof TALLY_INDEX]
  const num = acc.counts[of] as number
  const den = acc.counts[per] as number
  const basis = traced ? { basis: { numerator: basisOf(acc, of), denominator: basisOf(acc, per) } } : {}
  return { indicator: key, value: den > 0 ? num / den : null, numerator: num, denominator: den, ...basis }
}

function buildEvaluation(
  period: EvaluationPeriod,
  asOf: Date,
  sink: PeriodSink,
  profile: EvaluationProfile,
): Evaluation {
  const objects = {} as Record<ObjectKind, readonly EvaluatedObject[]>
  for (const kind of OBJECT_KINDS) {
    const raw = [...sink.byKind[kind]].map(([id, acc]) => {
      const figures: Partial<Record<IndicatorKey, Figure>> = {}
      for (const key of INDICATORS_OF[kind]) figures[key] = figureOf(key, acc)
      return { kind, id, figures }
    })
    objects[kind] = kind === 'city' ? raw.map(unscored) : scoreObjects(kind, raw, profile)
  }
  return { period, asOf: asOf.toISOString(), objects }
}

function unscored(o: Pick<EvaluatedObject, 'kind' | 'id' | 'figures'>): EvaluatedObject {
  return { ...o, score: null, grade: null, rank: null, parts: [] }
}
