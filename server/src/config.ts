import { MIN_AUDIT_RETENTION_DAYS } from './db/migrations/0003-accounts-audit.js'

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
  /** A session unused this many minutes ends (CITYLOOP_IDLE_MINUTES, default 30). */
  readonly idleMinutes: number
  /** Requests a minute per client address on the whole API (CITYLOOP_RATE_LIMIT, default 1200; 0 = off). */
  readonly rateLimit: number
  /** Sign-in attempts a minute per client address (CITYLOOP_LOGIN_RATE_LIMIT, default 30). */
  readonly loginRateLimit: number
  /** Client addresses exempt from the rate limits (CITYLOOP_RATE_LIMIT_ALLOW, comma-separated; default none). */
  readonly rateLimitAllow: readonly string[]
  /**
   * Which proxies to trust for X-Forwarded-For (CITYLOOP_TRUST_PROXY): unset = none (the socket's address
   * is the client's); `true`; a number of hops; or comma-separated addresses/CIDRs, e.g. 10.0.0.5,10.1.0.0/16.
   */
  readonly trustProxy?: boolean | string | ((address: string, hop: number) => boolean)
  /** Days the security audit log keeps rows (CITYLOOP_AUDIT_RETENTION_DAYS, default 365, at least 180). */
  readonly auditRetentionDays: number
  /**
   * HTTPS served by the API itself (CITYLOOP_TLS_CERT and CITYLOOP_TLS_KEY: PEM files, both or neither). Without
   * them the API speaks plain HTTP, for loopback or behind a TLS-terminating reverse proxy.
   */
  readonly tls?: { readonly certFile: string; readonly keyFile: string }
}

/** Default password of the demo users; documented in the README. */
export const DEFAULT_DEMO_PASSWORD = 'cityloop-demo'

/** Default key of the demo API client; documented in the README. */
export const DEFAULT_DEMO_API_KEY = 'cityloop-demo-sensor-key'

/**
 * Reads PORT (default 8080), HOST (default 127.0.0.1), CITYLOOP_DATA_DIR (default ./data), DATABASE_URL,
 * CITYLOOP_SESSION_HOURS, CITYLOOP_DEMO_PASSWORD, CITYLOOP_DEMO_API_KEY, CITYLOOP_JOB_INTERVAL_MS,
 * CITYLOOP_DEMO_ACTIVITY, CITYLOOP_DEMO_CASES, CITYLOOP_IDLE_MINUTES, CITYLOOP_RATE_LIMIT, CITYLOOP_LOGIN_RATE_LIMIT,
 * CITYLOOP_RATE_LIMIT_ALLOW, CITYLOOP_TRUST_PROXY, CITYLOOP_AUDIT_RETENTION_DAYS, CITYLOOP_TLS_CERT and CITYLOOP_TLS_KEY.
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
  const idleMinutes = numberVar(env, 'CITYLOOP_IDLE_MINUTES', 30)
  if (idleMinutes <= 0) throw new Error(`CITYLOOP_IDLE_MINUTES must be above 0, got "${env.CITYLOOP_IDLE_MINUTES}"`)
  const rateLimit = wholeVar(env, 'CITYLOOP_RATE_LIMIT', 1200, 0)
  const loginRateLimit = wholeVar(env, 'CITYLOOP_LOGIN_RATE_LIMIT', 30, 1)
  const auditRetentionDays = wholeVar(env, 'CITYLOOP_AUDIT_RETENTION_DAYS', 365, MIN_AUDIT_RETENTION_DAYS)
  const trustProxy = trustProxyFromEnv(env.CITYLOOP_TRUST_PROXY)
  const certFile = env.CITYLOOP_TLS_CERT || undefined
  const keyFile = env.CITYLOOP_TLS_KEY || undefined
  if ((certFile === undefined) !== (keyFile === undefined)) {
    throw new Error(`CITYLOOP_TLS_CERT and CITYLOOP_TLS_KEY go together: ${certFile ? 'CITYLOOP_TLS_KEY' : 'CITYLOOP_TLS_CERT'} is not set`)
  }
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
    idleMinutes,
    rateLimit,
    loginRateLimit,
    rateLimitAllow: (env.CITYLOOP_RATE_LIMIT_ALLOW ?? '').split(',').map((a) => a.trim()).filter(Boolean),
    ...(trustProxy !== undefined ? { trustProxy } : {}),
    auditRetentionDays,
    ...(certFile && keyFile ? { tls: { certFile, keyFile } } : {}),
  }
}

/** The PEM certificate chain and key named by {@link ServerConfig.tls}; throws naming the variable of a file it cannot read. */
export function readTlsFiles(tls: NonNullable<ServerConfig['tls']>, read: (path: string) => Buffer): { cert: Buffer; key: Buffer } {
  const load = (name: string, path: string): Buffer => {
    let pem: Buffer
    try {
      pem = read(path)
    } catch (error) {
      throw new Error(`${name}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
    }
    if (!pem.includes('-----BEGIN ')) throw new Error(`${name}: ${path} is not a PEM file`)
    return pem
  }
  return { cert: load('CITYLOOP_TLS_CERT', tls.certFile), key: load('CITYLOOP_TLS_KEY', tls.keyFile) }
}

function wholeVar(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const n = numberVar(env, name, fallback)
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number ≥ ${min}, got "${env[name]}"`)
  return n
}

/** CITYLOOP_TRUST_PROXY as Fastify's trustProxy: 'true', a hop count, or addresses/CIDRs; unset/'false' = none. */
export function trustProxyFromEnv(text: string | undefined): ServerConfig['trustProxy'] {
  const t = (text ?? '').trim()
  if (t === '' || t === 'false') return undefined
  if (t === 'true') return true
  if (/^\d+$/.test(t)) {
    const hops = Number(t)
    return (_address: string, hop: number) => hop < hops
  }
  return t
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
