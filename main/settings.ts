import { mkdir, readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { Settings, SettingsPatch } from '../contracts/bridge/index.js'
import { writeFileAtomic } from './store/atomic-file.js'
import { settingsPatch } from './bridge-validate.js'
import type { Log } from './log.js'

/** 设置 — the user's settings, kept in one JSON file in the user data folder. */
export interface SettingsService {
  get(): Settings
  /** Applies a validated patch and writes the file atomically; resolves with the full settings. */
  set(patch: SettingsPatch): Promise<Settings>
  /** Called after every change. */
  onChange(listener: (settings: Settings) => void): () => void
}

/**
 * Settings of a fresh install: Chinese UI, 天地图 vector in the CGCS2000 grid (needs a token), no custom map,
 * closed cases kept locally for 30 days.
 */
export const DEFAULT_SETTINGS: Settings = Object.freeze({
  language: 'zh-CN',
  basemap: 'tianditu-vec',
  tiandituToken: '',
  tiandituMatrixSet: 'c',
  customBasemapUrl: '',
  customBasemapProjection: 'EPSG:3857',
  closedCaseDays: 30,
})

/**
 * Reads the settings file (missing or unreadable → defaults, with a warning) and returns the service.
 * Writes are serialised, so two quick changes never race on the file.
 */
export async function createSettingsService(options: {
  readonly file: string
  readonly log: Log
}): Promise<SettingsService> {
  const { file, log } = options
  let current: Settings = DEFAULT_SETTINGS
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as unknown
    current = mergeKnown(DEFAULT_SETTINGS, stored)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      log.warn(`${file} is unreadable, using defaults: ${(error as Error).message}`)
  }
  const listeners = new Set<(s: Settings) => void>()
  let writing: Promise<void> = Promise.resolve()

  return {
    get: () => current,
    async set(patch) {
      current = Object.freeze({ ...current, ...patch })
      const snapshot = current
      writing = writing.then(async () => {
        await mkdir(dirname(file), { recursive: true })
        await writeFileAtomic(file, JSON.stringify(snapshot, null, 2) + '\n')
      })
      await writing
      for (const l of listeners) l(snapshot)
      return snapshot
    },
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

// Keeps each stored key that passes the bridge's own check: a hand-edited or older file can neither inject
// unknown keys nor bad values, and one bad value does not throw away the others.
function mergeKnown(defaults: Settings, stored: unknown): Settings {
  let out: Settings = { ...defaults }
  if (stored && typeof stored === 'object' && !Array.isArray(stored)) {
    for (const [key, value] of Object.entries(stored)) {
      try {
        out = { ...out, ...settingsPatch({ [key]: value }) }
      } catch {
        // Unknown key or bad value: keep the default.
      }
    }
  }
  return Object.freeze(out)
}
