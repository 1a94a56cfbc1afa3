/**
 * @module renderer/e2e/harness
 * What the Chromium end-to-end tests (and bench/render.ts) share: building the renderer once, starting
 * the browser-mode host on a fresh data folder and a free port, and launching Debian's Chromium headless
 * with a fresh profile and software WebGL. Node only; nothing here touches the DOM.
 */
/* eslint-disable no-restricted-imports -- the e2e harness runs in Node (it builds, starts the host and Chromium) */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { crc32, deflateSync } from 'node:zlib'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type BrowserContext, type Page } from 'playwright-core'

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
/** Where screenshots go (ignored by git and lint). */
export const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots')
/** Debian's Chromium (installed by .ci/run with apt-get). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * Chromium flags: headless, no sandbox (CI containers), no network chatter of its own, and SwiftShader
 * for WebGL, since these machines have no GPU and the component layer is WebGL.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
]

/** True when Chromium is installed; the browser tests skip (with the reason) when it is not. */
export function hasChromium(): boolean {
  return existsSync(CHROMIUM)
}

/**
 * Builds renderer/dist with Vite in a child process, unless `CITYLOOP_E2E_SKIP_BUILD=1` and a build
 * exists. Rejects with Vite's output when the build fails.
 */
export async function buildRenderer(): Promise<void> {
  const dist = join(ROOT, 'renderer', 'dist', 'index.html')
  if (process.env.CITYLOOP_E2E_SKIP_BUILD === '1' && existsSync(dist)) return
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js')
  const child = spawn(process.execPath, [vite, 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve))
  if (status !== 0) throw new Error(`vite build failed:\n${output}`)
  if (!statSync(dist).isFile()) throw new Error('vite build wrote no renderer/dist/index.html')
}

/** A temporary folder removed by {@link TempDir.remove}. */
export interface TempDir {
  readonly path: string
  remove(): void
}

/** Makes a temporary folder named after `prefix`. */
export function tempDir(prefix: string): TempDir {
  const path = mkdtempSync(join(tmpdir(), prefix))
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) }
}

/** A Chromium with one fresh profile; close it with {@link Browser.close}. */
export interface Browser {
  readonly context: BrowserContext
  /** A new tab with the test hooks installed (see {@link newPage}). */
  newPage(): Promise<Page>
  close(): Promise<void>
}

/** Launches Chromium headless with {@link CHROMIUM_ARGS} and a fresh user-data dir. */
export async function launchChromium(viewport = { width: 1600, height: 900 }): Promise<Browser> {
  const profile = tempDir('cityloop-chromium-')
  // Playwright owns --user-data-dir: a persistent context on a fresh folder is the fresh profile.
  const context = await chromium.launchPersistentContext(profile.path, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    deviceScaleFactor: 1,
    args: [...CHROMIUM_ARGS],
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  return {
    context,
    newPage: () => newPage(context),
    async close() {
      await context.close()
      profile.remove()
    },
  }
}

/**
 * Opens a tab. tsx compiles test files with esbuild's keepNames, which wraps named functions in a
 * `__name(...)` helper; functions passed to `page.evaluate` carry that call into the page, so the page gets a
 * no-op `__name` first (an init script, which the page's CSP does not apply to).
 */
export async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage()
  await page.addInitScript('globalThis.__name = (f) => f')
  return page
}

/** Makes sure the screenshot folder exists and returns the path of `name`.png in it. */
export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true })
  return join(SCREENSHOTS, `${name}.png`)
}

/** A PNG of one colour (for stub map tiles), encoded with node:zlib. */
export function solidPng(width: number, height: number, rgb: readonly [number, number, number]): Buffer {
  const row = Buffer.alloc(1 + width * 3)
  for (let x = 0; x < width; x++) row.set(rgb, 1 + x * 3)
  const raw = Buffer.concat(Array.from({ length: height }, () => row))
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const out = Buffer.alloc(body.length + 8)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc32(body), body.length + 4)
    return out
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8-bit RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}
