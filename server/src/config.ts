/** The central API's settings, from the environment. */
export interface ServerConfig {
  readonly port: number
  readonly host: string
  readonly dataDir: string
  readonly databaseUrl?: string
  /** How long a sign-in lasts (CITYLOOP_SESSION_HOURS, default 12: one shift and a margin). */
  readonly sessionHours: number
  /** Password of the demo users the demo seed creates (CITYLOOP_DEMO_PASSWORD, default 'cityloop-demo'). */
  readonly demoPassword: string
  /** Key of the demo API client 'demo-sensor' (CITYLOOP_DEMO_API_KEY, default 'cityloop-demo-sensor-key'). */
  readonly demoApiKey: string
  /** How often the deadline sweep runs (CITYLOOP_JOB_INTERVAL_MS, default 30,000; 0 turns it off). */
  readonly jobIntervalMs: number
  /** 演示活动: file and advance demo cases every 20-60 s (CITYLOOP_DEMO_ACTIVITY=1; default off). */
  readonly demoActivity: boolean
  /** How many demo cases the demo seed files (CITYLOOP_DEMO_CASES; default 600, 0 = none). */
  readonly demoCases?: number
}

/** Default password of the demo users; documented in the README. */
export const DEFAULT_DEMO_PASSWORD = 'cityloop-demo'

/** Default key of the demo API client; documented in the README. */
export const DEFAULT_DEMO_API_KEY = 'cityloop-demo-sensor-key'

/**
 * Reads PORT (default 8080), HOST (default 127.0.0.1), CITYLOOP_DATA_DIR (default ./data), DATABASE_URL,
 * CITYLOOP_SESSION_HOURS, CITYLOOP_DEMO_PASSWORD, CITYLOOP_DEMO_API_KEY, CITYLOOP_JOB_INTERVAL_MS,
 * CITYLOOP_DEMO_ACTIVITY and CITYLOOP_DEMO_CASES.
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = env.PORT === undefined || env.PORT === '' ? 8080 : Number(env.PORT)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be an integer 0-65535, got "${env.PORT}"`)
  const sessionHours = numberVar(env, 'CITYLOOP_SESSION_HOURS', 12)
  if (sessionHours <= 0) throw new Error(`CITYLOOP_SESSION_HOURS must be above 0, got "${env.CITYLOOP_SESSION_HOURS}"`)
  const jobIntervalMs = numberVar(env, 'CITYLOOP_JOB_INTERVAL_MS', 30_000)
  if (jobIntervalMs < 0 || !Number.isInteger(jobIntervalMs)) {
    throw new Error(`CITYLOOP_JOB_INTERVAL_MS must be a whole number ≥ 0, got "${env.CITYLOOP_JOB_INTERVAL_MS}"`)
  }
  const demoCases = demoCasesFromEnv(env)
  return {
    port,
    host: env.HOST || '127.0.0.1',
    dataDir: env.CITYLOOP_DATA_DIR || './data',
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    sessionHours,
    demoPassword: env.CITYLOOP_DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD,
    demoApiKey: env.CITYLOOP_DEMO_API_KEY || DEFAULT_DEMO_API_KEY,
    jobIntervalMs,
    demoActivity: demoActivityFromEnv(env),
    ...(demoCases !== undefined ? { demoCases } : {}),
  }
}

/** CITYLOOP_DEMO_CASES: how many demo cases the demo seed files (0 = none); undefined when unset. */
export function demoCasesFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const text = env.CITYLOOP_DEMO_CASES
  if (text === undefined || text.trim() === '') return undefined
  const n = Number(text)
  if (!Number.isInteger(n) || n < 0) throw new Error(`CITYLOOP_DEMO_CASES must be a whole number ≥ 0, got "${text}"`)
  return n
}

/** CITYLOOP_DEMO_ACTIVITY: '1' or 'true' turns the live demo activity on; anything else leaves it off. */
export function demoActivityFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  const v = (env.CITYLOOP_DEMO_ACTIVITY ?? '').trim().toLowerCase()
  return v === '1' || v === 'true'
}

function numberVar(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name]
  if (text === undefined || text === '') return fallback
  const value = Number(text)
  if (!Number.isFinite(value)) throw new Error(`${name} must be a number, got "${text}"`)
  return value
}
