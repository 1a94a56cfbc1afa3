/**
 * The main-process side of the bridge: one `ipcMain.handle` per channel of the contract, each checking
 * that the message comes from the top frame of one of our windows showing the app's own origin
 * (`cityloop://app`), then handing the arguments to main/'s dispatch (which validates them). Events go
 * out on EVENT_CHANNELS to our windows only. Electron enters only as types, so this is tested with fakes.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import {
  BRIDGE_EVENTS,
  BRIDGE_METHODS,
  CHANNELS,
  EVENT_CHANNELS,
  type BridgeEventName,
  type BridgeEvents,
  type Result,
  type Unsubscribe,
} from '../contracts/bridge/index.js'

/** The app's origin: scheme and host of the custom protocol. */
export const APP_SCHEME = 'cityloop'
export const APP_HOST = 'app'
/** The URL the window loads. */
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/** What the IPC wiring needs from the rest of the shell. */
export interface BridgeIpcOptions {
  readonly ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>
  /** True for the WebContents of a window this app created. */
  readonly isOurs: (contents: WebContents) => boolean
  /** main/'s dispatch: method, raw args → Result (never throws). */
  readonly dispatch: (method: string, args: unknown) => Promise<Result<unknown>>
  /** main/'s event source. */
  readonly on: <E extends BridgeEventName>(
    event: E,
    listener: (payload: BridgeEvents[E]) => void,
  ) => Unsubscribe
  /** Our windows' WebContents, to send events to. */
  readonly targets: () => readonly WebContents[]
  readonly warn: (message: string) => void
}

/** True when a URL is the app's own origin (Node's URL reports "null" as the origin of custom schemes). */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url)
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST
  } catch {
    return false
  }
}

/** Why a message must be refused, or undefined when it comes from our app's top frame. */
export function senderProblem(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  isOurs: (c: WebContents) => boolean,
): string | undefined {
  const frame = event.senderFrame
  if (!frame) return 'the sending frame is gone'
  if (frame.parent) return 'the message comes from a sub-frame'
  if (!isOurs(event.sender)) return 'the message comes from a window this app did not create'
  if (!isAppUrl(frame.url)) return `the sending frame shows ${frame.url.slice(0, 80)}, not the app`
  return undefined
}

/** Registers every channel; returns a function that removes the handlers and event forwarding. */
export function registerBridgeIpc(options: BridgeIpcOptions): () => void {
  for (const method of BRIDGE_METHODS) {
    options.ipcMain.handle(CHANNELS[method], async (event, ...args: unknown[]): Promise<Result<unknown>> => {
      const problem = senderProblem(event, options.isOurs)
      if (problem) {
        options.warn(`refused ${CHANNELS[method]}: ${problem}`)
        return { ok: false, error: { code: 'FORBIDDEN', message: 'not allowed from this frame' } }
      }
      return options.dispatch(method, args)
    })
  }
  const stops = BRIDGE_EVENTS.map((event) =>
    options.on(event, (payload) => {
      for (const contents of options.targets())
        if (!contents.isDestroyed()) contents.send(EVENT_CHANNELS[event], payload)
    }),
  )
  return () => {
    for (const method of BRIDGE_METHODS) options.ipcMain.removeHandler(CHANNELS[method])
    stops.forEach((stop) => stop())
  }
}
