/**
 * Where the workstation window goes: a normal window on the primary display, or — for a command-centre
 * wall (大屏) — full screen (optionally kiosk) on a chosen or the second display. Pure, so it is tested
 * without Electron; main.ts feeds it `screen.getAllDisplays()`.
 */

/** A display as Electron's `screen` module describes it (the fields used here). */
export interface DisplayInfo {
  readonly id: number
  readonly bounds: { readonly x: number; readonly y: number; readonly width: number; readonly height: number }
  readonly workArea: {
    readonly x: number
    readonly y: number
    readonly width: number
    readonly height: number
  }
}

/** Which view the window opens: the workstation, or the wall screen (大屏, the renderer's `#/wall`). */
export type WindowView = 'workstation' | 'wall'

/** What the command line and environment ask for. */
export interface WindowRequest {
  /** `--big-screen` opens the wall screen; everything else the workstation. */
  readonly view: WindowView
  /** Display index (0-based, in `getAllDisplays()` order) or 'secondary' (the first non-primary one). */
  readonly display?: number | 'secondary'
  readonly fullscreen: boolean
  /** Kiosk: full screen without a way out but closing the app (read-only wall screens). */
  readonly kiosk: boolean
}

/** The BrowserWindow geometry and mode to open with. */
export interface WindowPlacement {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
  readonly fullscreen: boolean
  readonly kiosk: boolean
}

/**
 * Reads `--big-screen` (= the wall screen, full screen on the second display), `--display=N`, `--fullscreen`, `--kiosk`, and the
 * environment's CITYLOOP_BIG_SCREEN=1 / CITYLOOP_DISPLAY=N. Unknown arguments are ignored (Electron adds its own).
 */
export function parseWindowRequest(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): WindowRequest {
  const has = (flag: string) => argv.includes(flag)
  const big = has('--big-screen') || env.CITYLOOP_BIG_SCREEN === '1'
  const displayArg =
    argv.find((a) => a.startsWith('--display='))?.slice('--display='.length) ?? env.CITYLOOP_DISPLAY
  let display: number | 'secondary' | undefined = big ? 'secondary' : undefined
  if (displayArg !== undefined && /^\d{1,2}$/.test(displayArg)) display = Number(displayArg)
  return {
    view: big ? 'wall' : 'workstation',
    ...(display !== undefined ? { display } : {}),
    fullscreen: big || has('--fullscreen') || has('--kiosk'),
    kiosk: has('--kiosk'),
  }
}

/**
 * Chooses the display and geometry. The primary display is the one holding (0, 0). A missing display (the
 * wall is switched off) falls back to the primary one, windowed at 90% of its work area, never off-screen.
 */
export function placeWindow(displays: readonly DisplayInfo[], request: WindowRequest): WindowPlacement {
  if (displays.length === 0)
    return { x: 0, y: 0, width: 1600, height: 1000, fullscreen: request.fullscreen, kiosk: request.kiosk }
  const primary = displays.find((d) => d.bounds.x === 0 && d.bounds.y === 0) ?? displays[0]!
  let target: DisplayInfo | undefined
  if (request.display === 'secondary') target = displays.find((d) => d !== primary)
  else if (typeof request.display === 'number') target = displays[request.display]
  if (!target) {
    const area = primary.workArea
    const width = Math.round(area.width * 0.9)
    const height = Math.round(area.height * 0.9)
    return {
      x: area.x + Math.round((area.width - width) / 2),
      y: area.y + Math.round((area.height - height) / 2),
      width,
      height,
      fullscreen: request.display === undefined ? request.fullscreen : false,
      kiosk: request.display === undefined ? request.kiosk : false,
    }
  }
  const b = target.bounds
  return {
    x: b.x,
    y: b.y,
    width: b.width,
    height: b.height,
    fullscreen: request.fullscreen || request.display !== undefined,
    kiosk: request.kiosk,
  }
}

/** The URL the window loads for its view: the app's index.html, with `#/wall` for the wall screen. */
export function viewUrl(appUrl: string, view: WindowView): string {
  return view === 'wall' ? `${appUrl}#/wall` : appUrl
}
