import type { Kysely } from 'kysely'
import { sweepDeadlines } from '../commands/sweep-deadlines.js'
import { deleteOldKeys } from '../db/idempotency.js'
import { deleteUnattachedPhotos } from '../db/photos.js'
import type { Database } from '../db/schema.js'
import { deleteExpiredSessions } from '../db/users.js'
import { deleteAuditBefore } from '../db/audit.js'
import { deleteOldThrottles } from '../db/login-throttle.js'
import { MIN_AUDIT_RETENTION_DAYS } from '../db/migrations/0003-accounts-audit.js'
import type { CaseRulesCache } from './case-rules.js'
import type { CityModelCache } from './city-model.js'
import type { JobDefinition } from './job-runner.js'
import type { PhotoStore } from './photo-store.js'

/** What the app hands the jobs a host adds to its own (the demo's live activity, server/src/demo/). */
export interface JobContext {
  readonly db: Kysely<Database>
  readonly caseRules: CaseRulesCache
  readonly cityModel: CityModelCache
  readonly photos: PhotoStore
}

/** The server's durable jobs, then `extra` (jobs a host adds, such as the live demo). */
export function serverJobs(deps: {
  readonly db: Kysely<Database>
  readonly caseRules: CaseRulesCache
  readonly sweepIntervalMs: number
  readonly photos?: PhotoStore
  /** Photo ids the unattached-photo cleanup never removes (the demo's, which its jobs cite by id). */
  readonly keepPhotoIds?: () => readonly string[]
  readonly extra?: readonly JobDefinition[]
  /** The idle timeout of sessions; idle ones are removed with the expired. */
  readonly idleMs?: number
  /** Days the security audit log keeps rows (default 365; never below 180). */
  readonly auditRetentionDays?: number
}): JobDefinition[] {
  const { db, caseRules } = deps
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
        expiredSessions: await deleteExpiredSessions(db, now, deps.idleMs ? new Date(+now - deps.idleMs) : undefined),
        oldSignInThrottles: await deleteOldThrottles(db, new Date(+now - 86_400_000)),
        oldIdempotencyKeys: await deleteOldKeys(db, new Date(+now - 7 * 86_400_000)),
      }),
    },
    ...(deps.photos ? [unattachedPhotosJob(db, deps.photos, deps.sweepIntervalMs > 0 ? 3_600_000 : 0, deps.keepPhotoIds)] : []),
    {
      // 审计留存: the security audit log keeps its rows `auditRetentionDays` (等保 2.0: at least 6 months).
      name: 'audit-retention',
      intervalMs: deps.sweepIntervalMs > 0 ? 86_400_000 : 0,
      run: async (now) => {
        const days = Math.max(MIN_AUDIT_RETENTION_DAYS, deps.auditRetentionDays ?? DEFAULT_AUDIT_RETENTION_DAYS)
        return { retentionDays: days, removed: await deleteAuditBefore(db, new Date(+now - days * 86_400_000)) }
      },
    },
    ...(deps.extra ?? []),
  ]
}

/** How long an uploaded photo may wait for a case to cite it. */
export const UNATTACHED_PHOTO_MS = 86_400_000

/**
 * 未关联照片清理 — hourly, photos no case cites a day after their upload go (rows and files). `keep`'s
 * stay: the host's demo, when it runs one, names its photos, which the demo seed and the live demo cite by
 * id whenever they run.
 */
export function unattachedPhotosJob(db: Kysely<Database>, photos: PhotoStore, intervalMs: number, keepPhotoIds: () => readonly string[] = () => []): JobDefinition {
  return {
    name: 'unattached-photos',
    intervalMs,
    run: async (now) => {
      const keep = keepPhotoIds()
      let removed = 0
      for (;;) {
        const n = await deleteUnattachedPhotos(db, photos, { cutoff: new Date(+now - UNATTACHED_PHOTO_MS), keep, limit: 1000 })
        removed += n
        if (n < 1000) break
      }
      return { removedPhotos: removed }
    },
  }
}
/** Default retention of the security audit log, in days. */
export const DEFAULT_AUDIT_RETENTION_DAYS = 365
