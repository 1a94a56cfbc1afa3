import type { Kysely } from 'kysely'
import { sweepDeadlines } from '../commands/sweep-deadlines.js'
import { deleteOldKeys } from '../db/idempotency.js'
import type { Database } from '../db/schema.js'
import { deleteExpiredSessions } from '../db/users.js'
import type { CaseRulesCache } from './case-rules.js'
import type { CityModelCache } from './city-model.js'
import { demoActivityJob, type DemoActivityOptions } from './demo-activity.js'
import type { JobDefinition } from './job-runner.js'
import type { PhotoStore } from './photo-store.js'

/** The server's durable jobs; with `demoActivity`, also the live demo (demo-activity.ts). */
export function serverJobs(deps: {
  readonly db: Kysely<Database>
  readonly caseRules: CaseRulesCache
  readonly sweepIntervalMs: number
  readonly cityModel?: CityModelCache
  readonly photos?: PhotoStore
  readonly demoActivity?: boolean | DemoActivityOptions
}): JobDefinition[] {
  const { db, caseRules } = deps
  const demo = deps.demoActivity && deps.cityModel
    ? [demoActivityJob({ db, caseRules, cityModel: deps.cityModel, ...(deps.photos ? { photos: deps.photos } : {}), ...(typeof deps.demoActivity === 'object' ? { options: deps.demoActivity } : {}) })]
    : []
  return [
    {
      // 超时检查 and the 第9条 2-hour arrival check.
      name: 'deadline-sweep',
      intervalMs: deps.sweepIntervalMs,
      run: async (now) => sweepDeadlines({ db, now, rules: (await caseRules.get()).rules }),
    },
    {
      name: 'housekeeping',
      intervalMs: deps.sweepIntervalMs > 0 ? 3_600_000 : 0,
      run: async (now) => ({
        expiredSessions: await deleteExpiredSessions(db, now),
        oldIdempotencyKeys: await deleteOldKeys(db, new Date(+now - 7 * 86_400_000)),
      }),
    },
    ...demo,
  ]
}
