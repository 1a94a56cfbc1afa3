/**
 * Where the Electron app finds its files at run time. The bundle (dist/main.mjs) must not carry the build
 * machine's paths: installed, the app lives in `<resources>/app.asar` and the demo city beside it in
 * `<resources>/demo-city` (electron-builder.yml, extraResources). So the paths come from Electron's
 * `app.getAppPath()` and `process.resourcesPath` at start, through this one function, and main/'s services
 * receive them as options (main/ never imports Electron). Plain Node, so tests resolve a fake install.
 */
import { join } from 'node:path'

/** Folder name of the demo city under the resources folder (extraResources' `to`). */
export const DEMO_CITY_RESOURCE = 'demo-city'

/** What Electron says about where it runs. */
export interface AppLocation {
  /** `app.getAppPath()`: the app.asar when packaged, the repository root (package.json's folder) in development. */
  readonly appPath: string
  /** `process.resourcesPath`: the folder holding app.asar and the extra resources. */
  readonly resourcesPath: string
  /** `app.isPackaged`. */
  readonly packaged: boolean
}

/** The files the main process needs. */
export interface AppPaths {
  /** The built UI (index.html and its assets), served under cityloop://app/. */
  readonly rendererDir: string
  /** The sandboxed preload bundle. */
  readonly preload: string
  /** The demo city the embedded central loads into an empty database. */
  readonly demoCityDir: string
}

/** Resolves the app's files from where Electron runs it; the layout inside appPath is the repository's. */
export function resolveAppPaths(at: AppLocation): AppPaths {
  return {
    rendererDir: join(at.appPath, 'renderer', 'dist'),
    preload: join(at.appPath, 'electron', 'dist', 'preload.cjs'),
    demoCityDir: at.packaged
      ? join(at.resourcesPath, DEMO_CITY_RESOURCE)
      : join(at.appPath, 'gis-data', 'demo'),
  }
}
