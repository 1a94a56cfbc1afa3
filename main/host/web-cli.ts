/**
 * `npm run web` — the workstation in browser mode: PORT (default 8080), HOST (default 127.0.0.1),
 * CITYLOOP_DATA_DIR (default ./data/workstation), CITYLOOP_CENTRAL_URL (default: the embedded central API
 * with the demo city), CITYLOOP_PUBLIC_HOST (further names browsers use, e.g. a wall screen's). Builds
 * renderer/dist first when it is missing or older than its sources (CITYLOOP_SKIP_UI_BUILD=1 skips that).
 * Prints the addresses to open, each with this launch's key; stops on Ctrl-C.
 */
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createLog } from '../log.js'
import { ensureRendererBuilt } from './renderer-build.js'
import { parsePublicHosts } from './web-access.js'
import { startWorkstationWeb } from './web-host.js'

/** Starts browser mode from the environment; resolves once the address is printed. */
export async function runWeb(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const port = env.PORT === undefined || env.PORT === '' ? 8080 : Number(env.PORT)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be an integer 0-65535, got "${env.PORT}"`)
  const publicHosts = parsePublicHosts(env.CITYLOOP_PUBLIC_HOST)
  const dataDir = resolve(env.CITYLOOP_DATA_DIR || './data/workstation')
  if (env.CITYLOOP_SKIP_UI_BUILD !== '1') ensureRendererBuilt()
  const web = await startWorkstationWeb({
    port,
    host: env.HOST || '127.0.0.1',
    dataDir,
    publicHosts,
    log: createLog('Workstation'),
    awaitFirstSync: false,
    ...(env.CITYLOOP_CENTRAL_URL ? { centralUrl: env.CITYLOOP_CENTRAL_URL } : {}),
  })
  // Whoever holds a keyed address acts as the signed-in account: it is printed here once, and the host's
  // own log lines name the addresses without the key.
  console.log(
    web.urls.length === 1
      ? `CityLoop workstation (browser mode): open ${web.url}`
      : `CityLoop workstation (browser mode): open one of\n${web.urls.map((u) => `  ${u}`).join('\n')}`,
  )
  const stop = (signal: string) => {
    console.log(`${signal}: stopping the workstation`)
    void web.close().finally(() => process.exit(0))
  }
  process.once('SIGINT', () => stop('SIGINT'))
  process.once('SIGTERM', () => stop('SIGTERM'))
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runWeb().catch((error: unknown) => {
    console.error(
      `[Workstation] could not start browser mode: ${error instanceof Error ? error.message : String(error)}`,
    )
    process.exit(1)
  })
}
