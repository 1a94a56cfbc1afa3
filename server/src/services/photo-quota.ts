/**
 * 照片上传限额 — per caller (a person or an API client), at most `uploads` photos and `bytes` of them in any
 * `windowMs` (a sliding window). Without it one sensor key could write 10 × 10 MB in two seconds, and keep
 * going. Counted in this process: several server instances each allow the quota (the photo table would be
 * shared, but repeated uploads of the same bytes add no row and still cost the upload).
 */
export interface PhotoQuota {
  readonly uploads: number
  readonly bytes: number
  readonly windowMs: number
}

/** 60 photos and 200 MB per 10 minutes: a busy inspector files a case with three photos every minute or two. */
export const DEFAULT_PHOTO_QUOTA: PhotoQuota = { uploads: 60, bytes: 200 * 1024 * 1024, windowMs: 10 * 60_000 }

/**
 * CITYLOOP_PHOTO_UPLOADS (photos per window, default 60), CITYLOOP_PHOTO_UPLOAD_MB (MB per window, default
 * 200), CITYLOOP_PHOTO_WINDOW_MINUTES (default 10). Throws naming the variable on a bad value.
 */
export function photoQuotaFromEnv(env: NodeJS.ProcessEnv = process.env): PhotoQuota {
  const read = (name: string, fallback: number) => {
    const text = env[name]
    if (text === undefined || text.trim() === '') return fallback
    const n = Number(text)
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a number above 0, got "${text}"`)
    return n
  }
  const uploads = read('CITYLOOP_PHOTO_UPLOADS', DEFAULT_PHOTO_QUOTA.uploads)
  if (!Number.isInteger(uploads)) throw new Error(`CITYLOOP_PHOTO_UPLOADS must be a whole number, got "${env.CITYLOOP_PHOTO_UPLOADS}"`)
  return {
    uploads,
    bytes: Math.round(read('CITYLOOP_PHOTO_UPLOAD_MB', DEFAULT_PHOTO_QUOTA.bytes / 1024 / 1024) * 1024 * 1024),
    windowMs: Math.round(read('CITYLOOP_PHOTO_WINDOW_MINUTES', DEFAULT_PHOTO_QUOTA.windowMs / 60_000) * 60_000),
  }
}

/** The answer of a quota check: go ahead, or wait this many seconds (for Retry-After). */
export type QuotaAnswer = { readonly ok: true } | { readonly ok: false; readonly retryAfterSeconds: number; readonly reason: string }

/** Upload counts per caller over the sliding window. */
export interface UploadMeter {
  /** Whether `key` may upload `bytes` more now (0: only the count is checked, the size not known yet). */
  check(key: string, bytes: number): QuotaAnswer
  /** Checks and, when allowed, counts the upload at once (no await in between: two requests cannot both squeeze in). */
  take(key: string, bytes: number): QuotaAnswer
}

/** A meter of `quota`, reading time from `clock`. */
export function createUploadMeter(quota: PhotoQuota, clock: () => Date): UploadMeter {
  const byKey = new Map<string, { at: number; bytes: number }[]>()
  let lastPrune = 0

  const recent = (key: string, now: number) => {
    // Now and then drop callers whose uploads have all aged out, so the map stays as small as the active set.
    if (now - lastPrune > quota.windowMs) {
      lastPrune = now
      for (const [k, list] of byKey) if (list.every((u) => u.at <= now - quota.windowMs)) byKey.delete(k)
    }
    const list = (byKey.get(key) ?? []).filter((u) => u.at > now - quota.windowMs)
    byKey.set(key, list)
    return list
  }

  const check = (key: string, bytes: number): QuotaAnswer => {
    const now = +clock()
    const list = recent(key, now)
    const wait = (until: number) => Math.max(1, Math.ceil((until - now) / 1000))
    const minutes = Math.round(quota.windowMs / 60_000)
    if (list.length + 1 > quota.uploads) {
      return { ok: false, retryAfterSeconds: wait(list[list.length - quota.uploads]!.at + quota.windowMs), reason: `at most ${quota.uploads} photos per ${minutes} minutes` }
    }
    const used = list.reduce((n, u) => n + u.bytes, 0)
    if (used + bytes > quota.bytes) {
      // The earliest moment enough of the window's bytes have aged out for this one.
      let freed = 0
      let until = now + quota.windowMs
      for (const u of list) {
        freed += u.bytes
        if (used - freed + bytes <= quota.bytes) {
          until = u.at + quota.windowMs
          break
        }
      }
      return { ok: false, retryAfterSeconds: wait(until), reason: `at most ${volume(quota.bytes)} of photos per ${minutes} minutes` }
    }
    return { ok: true }
  }

  return {
    check,
    take(key, bytes) {
      const answer = check(key, bytes)
      if (answer.ok) byKey.get(key)!.push({ at: +clock(), bytes })
      return answer
    },
  }
}

function volume(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1000)} kB`
}
