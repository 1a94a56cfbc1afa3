/**
 * `npm start` — opens the workstation in Electron when its binary is installed; otherwise (or when it
 * cannot start) says so in one line and serves browser mode instead, printing the address to open.
 * Never requires the `electron` package from Node: its index.js tries to download the binary.
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { ensureRendererBuilt } from '../main/host/renderer-build.js'
import { runWeb } from '../main/host/web-cli.js'

const APP_ROOT = fileURLToPath(new URL('../', import.meta.url))
const ELECTRON_PACKAGE = fileURLToPath(new URL('../node_modules/electron/', import.meta.url))

/** The Electron executable, or undefined when the package's binary was never downloaded. */
export function electronBinary(packageDir: string = ELECTRON_PACKAGE): string | undefined {
  const pathFile = join(packageDir, 'path.txt')
  if (!existsSync(pathFile)) return undefined
  const executable = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(executable) ? executable : undefined
}

// A binary that cannot start (missing system libraries, no display) exits within moments.
const EARLY_EXIT_MS = 5_000

async function launch(): Promise<void> {
  const binary = electronBinary()
  if (!binary) {
    console.log(
      'Electron binary is missing (node_modules/electron/dist not installed): starting browser mode instead.',
    )
    return runWeb()
  }
  if (process.env.CITYLOOP_SKIP_UI_BUILD !== '1') ensureRendererBuilt()
  const { buildElectron } = await import('./build.js')
  await buildElectron()
  const started = Date.now()
  // Electron runs the repository as the app (package.json's `main` is the bundle), so app.getAppPath() is
  // laid out as app.asar is when installed (electron/app-paths.ts).
  const child = spawn(binary, [APP_ROOT, ...process.argv.slice(2)], { stdio: 'inherit', env: process.env })
  const fallBack = (why: string) => {
    console.log(`Electron could not start (${why}): starting browser mode instead.`)
    void runWeb()
  }
  child.once('error', (error) => fallBack(error.message))
  child.once('exit', (code, signal) => {
    if (code !== 0 && Date.now() - started < EARLY_EXIT_MS)
      fallBack(signal ? `signal ${signal}` : `exit code ${code}`)
    else process.exit(code ?? 0)
  })
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  launch().catch((error: unknown) => {
    console.error(`[Launch] ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  })
}
