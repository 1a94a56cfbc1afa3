import type { Kysely } from 'kysely'
import type { CaseRules } from '../../../core/case/profile.js'
import type { CaseState } from '../../../core/case/types.js'
import { recordChanges } from '../db/changes.js'
import { appendEvents, chainHeadOf, lockDueCases, updateCaseClock, type AppendEvent } from '../db/cases.js'
import type { Database } from '../db/schema.js'
import { presentCase } from '../presenters/case.js'
import { caseClock } from '../services/case-clock.js'
import { systemEvent } from './act-on-case.js'

/** What one sweep did. */
export interface SweepResult {
  /** Cases whose check was due. */
  readonly checked: number
  /** Lights that turned yellow or red. */
  readonly lightChanges: number
  /** Safety-hazard cases newly flagged for a missing arrival (第9条: 2 natural hours). */
  readonly arrivalsMissing: number
}

/**
 * 超时检查 — the deadline sweep: every case whose next clock check is due at `now` gets its light recomputed;
 * a change to yellow or red becomes a 'light' event, and a safety hazard whose 2-hour arrival limit passed
 * with no arrival reported becomes an 'arrival-missing' event and an escalation to the shift leader's
 * queue. Rows are taken with FOR UPDATE SKIP LOCKED in batches, so several server instances (or a sweep
 * and a user's command) never process one case twice, and a crash loses at most one batch's work, which
 * the next sweep redoes (each flag is recorded once: it compares with what the row already says).
 */
export async function sweepDeadlines(props: {
  readonly db: Kysely<Database>
  readonly now: Date
  readonly rules: CaseRules
  readonly batch?: number
}): Promise<SweepResult> {
  const { db, now, rules } = props
  const batch = props.batch ?? 200
  let checked = 0
  let lightChanges = 0
  let arrivalsMissing = 0
  for (;;) {
    const n = await db.transaction().execute(async (trx) => {
      const rows = await lockDueCases(trx, now, batch)
      const changed = []
      for (const row of rows) {
        const state = row.state as CaseState
        const clock = caseClock(state, now, rules)
        const events: AppendEvent[] = []
        if (clock.light !== row.light && (clock.light === 'yellow' || clock.light === 'red')) {
          const deadline = clock.stage ? state.stages[clock.stage]?.deadline : undefined
          events.push(systemEvent('light', state, now, { light: clock.light, previous: row.light, stage: clock.stage, deadline, ...(clock.light === 'yellow' ? { yellowShare: rules.yellowShare } : {}) }))
          lightChanges++
        }
        const onSite = state.stages['on-site']
        let escalation: { kind: string; at: Date } | undefined
        if (state.safetyHazard && onSite && !onSite.endedAt && !state.onSite && +now > Date.parse(onSite.deadline) && row.escalation !== 'arrival-missing') {
          events.push(systemEvent('arrival-missing', state, now, { deadline: onSite.deadline, unitId: state.assignedUnitId, hazard: state.safetyHazard }))
          escalation = { kind: 'arrival-missing', at: now }
          arrivalsMissing++
        }
        // Never due again within this sweep, whatever the arithmetic said.
        const next = clock.nextCheckAt && +clock.nextCheckAt <= +now ? new Date(+now + 1_000) : clock.nextCheckAt
        const head = await appendEvents(trx, row.id, chainHeadOf(row), events)
        const updated = await updateCaseClock(trx, row.id, { ...clock, nextCheckAt: next }, { head, ...(escalation ? { escalation } : {}) })
        if (events.length > 0 || clock.light !== row.light) changed.push(updated)
      }
      await recordChanges(
        trx,
        changed.map((r) => ({ entity: 'case' as const, id: r.id, op: 'upsert' as const, data: presentCase(r, { contact: false }) })),
      )
      return rows.length
    })
    checked += n
    if (n < batch) break
  }
  return { checked, lightChanges, arrivalsMissing }
}
