/**
 * The Electron main process: one hardened window showing the renderer from the custom `cityloop://app`
 * protocol, the bridge's IPC handlers over main/'s workstation, and nothing else. Security choices follow
 * Electron's checklist (workstation.md §5.1): sandbox and context isolation on, no Node in the page, strict
 * CSP, no file://, navigation and new windows denied, permissions denied, every IPC sender checked.
 *
 * Started by `npm start` (electron/launch.ts), which bundles this file (electron/build.ts) first.
 */
import { app, BrowserWindow, ipcMain, protocol, safeStorage, screen, session } from 'electron'
import { readFile } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'
import { contentSecurityPolicy } from '../main/host/csp.js'
import { createLog } from '../main/log.js'
import { tokenKeeping } from '../main/cases/token-keeping.js'
import { startWorkstation, type Workstation } from '../main/workstation.js'
import { resolveAppPaths } from './app-paths.js'
import { APP_HOST, APP_SCHEME, APP_URL, isAppUrl, registerBridgeIpc } from './ipc.js'
import { parseWindowRequest, placeWindow, viewUrl } from './window-options.js'

const log = createLog('Electron')
// From Electron at run time, never from the build machine: app.asar and the resources folder when installed,
// the repository when `npm start` runs it (electron/launch.ts starts Electron on the repository root).
const PATHS = resolveAppPaths({
  appPath: app.getAppPath(),
  resourcesPath: process.resourcesPath,
  packaged: app.isPackaged,
})
const RENDERER_DIR = resolve(PATHS.rendererDir)

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
}

// Must run before `ready`: the app's origin is a standard, secure scheme, so it gets a real origin,
// fetch and code caching, and the page never runs from file://.
protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
  },
])
app.enableSandbox()

const windows = new Set<BrowserWindow>()
let workstation: Workstation | undefined
let stopIpc: (() => void) | undefined

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    const [first] = windows
    if (first) {
      if (first.isMinimized()) first.restore()
      first.focus()
    }
  })
  void app.whenReady().then(start, fatal)
}

// Every WebContents, including any a bug might create: no navigation away from the app, no new windows,
// no <webview>.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) {
      event.preventDefault()
      log.warn(`blocked navigation to ${event.url.slice(0, 120)}`)
    }
  })
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    log.warn(`blocked a new window for ${url.slice(0, 120)}`)
    return { action: 'deny' }
  })
})

app.on('window-all-closed', () => app.quit())

let quitting = false
app.on('before-quit', (event) => {
  if (quitting || !workstation) return
  event.preventDefault()
  quitting = true
  stopIpc?.()
  void workstation
    .close()
    .catch((error: unknown) => log.error('closing the workstation failed', error))
    .finally(() => app.quit())
})

async function start(): Promise<void> {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
  protocol.handle(APP_SCHEME, serveApp)

  const centralUrl = process.env.CITYLOOP_CENTRAL_URL
  const keeping = tokenKeeping(safeStorage, process.platform)
  if (keeping.storage === 'none') log.warn(`the sign-in is not remembered between starts: ${keeping.reason}`)
  workstation = await startWorkstation({
    mode: 'electron',
    dataDir: app.getPath('userData'),
    demoCityDir: PATHS.demoCityDir,
    log,
    ...(centralUrl ? { centralUrl } : {}),
    // The session token at rest is sealed with the OS keychain (DPAPI, Keychain, libsecret/KWallet); without
    // a real one (Linux's basic_text fallback has a fixed key) it is not stored: sign in at each start.
    ...(keeping.storage === 'keychain' ? { protectToken: keeping.protect } : { rememberSession: false }),
  })
  const ws = workstation
  stopIpc = registerBridgeIpc({
    ipcMain,
    isOurs: (contents) => [...windows].some((w) => !w.isDestroyed() && w.webContents === contents),
    dispatch: ws.dispatch,
    on: (event, listener) => ws.on(event, listener),
    targets: () => [...windows].filter((w) => !w.isDestroyed()).map((w) => w.webContents),
    warn: (message) => log.warn(message),
  })
  createWindow()
}

function createWindow(): void {
  const request = parseWindowRequest(process.argv, process.env)
  const placement = placeWindow(screen.getAllDisplays(), request)
  const win = new BrowserWindow({
    ...placement,
    title: 'CityLoop 数字城管工作站',
    backgroundColor: '#0b1f33',
    autoHideMenuBar: true,
    show: false,
    webPreferences: {
      preload: PATHS.preload,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  })
  windows.add(win)
  win.on('closed', () => windows.delete(win))
  win.once('ready-to-show', () => win.show())
  // --big-screen: the wall screen (大屏) on the second display; the renderer picks the view by the hash.
  void win.loadURL(viewUrl(APP_URL, request.view))
}

// Serves renderer/dist under cityloop://app/ — GET only, no path outside the folder, CSP on every answer.
async function serveApp(request: Request): Promise<Response> {
  const url = new URL(request.url)
  if (url.host !== APP_HOST || request.method !== 'GET') return new Response('not found', { status: 404 })
  let path: string
  try {
    path = decodeURIComponent(url.pathname)
  } catch {
    return new Response('bad path', { status: 400 })
  }
  if (path === '/' || path === '') path = '/index.html'
  const file = resolve(RENDERER_DIR, `.${path}`)
  if (!file.startsWith(RENDERER_DIR + sep)) return new Response('forbidden', { status: 403 })
  const headers = {
    'content-type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-security-policy': contentSecurityPolicy(workstation!.settings.get()),
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  }
  try {
    return new Response(new Uint8Array(await readFile(file)), { status: 200, headers })
  } catch {
    if (path === '/index.html') {
      const html =
        '<!doctype html><meta charset="utf-8"><title>CityLoop</title><p>renderer/dist is not built; see README.</p>'
      return new Response(html, { status: 200, headers: { ...headers, 'content-type': MIME['.html']! } })
    }
    return new Response('not found', { status: 404, headers })
  }
}

function fatal(error: unknown): void {
  log.error('the workstation could not start', error)
  app.exit(1)
}
