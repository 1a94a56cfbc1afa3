/**
 * @module renderer/bridge
 * The renderer's only way to main/: `window.cityloop`, typed by contracts/bridge. Under Electron the
 * preload defines it; in browser mode the host's /cityloop-bridge.js does. This module adds nothing to the
 * transport — it only turns a failed {@link Result} into a thrown {@link BridgeCallError} for UI code that
 * prefers try/catch.
 */
import type { BridgeError, BridgeErrorCode, CityLoopBridge, Result } from '../../contracts/bridge/index.js'

declare global {
  interface Window {
    /** The workstation bridge; absent when the page is opened without a host. */
    cityloop?: CityLoopBridge
  }
}

/** A bridge answer with `ok: false`, as an exception. */
export class BridgeCallError extends Error {
  readonly code: BridgeErrorCode
  constructor(error: BridgeError, what: string) {
    super(`${what}: ${error.message}`)
    this.name = 'BridgeCallError'
    this.code = error.code
  }
}

/** The bridge, or undefined when the page runs without a host (opened as a plain file or from `vite dev`). */
export function getBridge(): CityLoopBridge | undefined {
  return window.cityloop
}

/** Awaits a bridge call and returns its value; throws {@link BridgeCallError} for an error answer. */
export async function unwrap<T>(call: Promise<Result<T>>, what: string): Promise<T> {
  const result = await call
  if (!result.ok) throw new BridgeCallError(result.error, what)
  return result.value
}
