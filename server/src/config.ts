/** The central API's settings, from the environment. */
export interface ServerConfig {
  readonly port: number
  readonly host: string
  readonly dataDir: string
  readonly databaseUrl?: string
}

/** Reads PORT (default 8080), HOST (default 127.0.0.1), CITYLOOP_DATA_DIR (default ./data) and DATABASE_URL. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = env.PORT === undefined || env.PORT === '' ? 8080 : Number(env.PORT)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be an integer 0-65535, got "${env.PORT}"`)
  return {
    port,
    host: env.HOST || '127.0.0.1',
    dataDir: env.CITYLOOP_DATA_DIR || './data',
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
  }
}
