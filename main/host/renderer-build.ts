/**
 * Makes sure renderer/dist holds a build of the current renderer sources before the workstation serves
 * it: a fresh clone has none (dist/ is not committed), and a stale one would show yesterday's UI.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const RENDERER = join(ROOT, 'renderer')

/** Newest modification time under `path` (files only; skips dist and node_modules). */
function newest(path: string): number {
  let st
  try {
    st = statSync(path)
  } catch {
    return 0
  }
  if (st.isFile()) return st.mtimeMs
  let max = 0
  for (const name of readdirSync(path))
    if (name !== 'dist' && name !== 'node_modules' && name !== 'e2e')
      max = Math.max(max, newest(join(path, name)))
  return max
}

/** True when renderer/dist/index.html is missing or older than a renderer source. */
export function rendererNeedsBuild(): boolean {
  const index = join(RENDERER, 'dist', 'index.html')
  if (!existsSync(index)) return existsSync(join(RENDERER, 'index.html'))
  return newest(RENDERER) > statSync(index).mtimeMs
}

/** Builds the renderer with Vite when needed; returns false (with Vite's output logged) when the build fails. */
export function ensureRendererBuilt(log: (line: string) => void = console.log): boolean {
  if (!rendererNeedsBuild()) return true
  log('Building the workstation UI (vite build --config renderer/vite.config.ts)…')
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js')
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'],
    { cwd: ROOT, encoding: 'utf8' },
  )
  if (result.status !== 0) {
    log(`vite build failed; serving the previous build if any:\n${result.stdout}${result.stderr}`)
    return false
  }
  return true
}
