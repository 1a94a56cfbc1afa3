import {
  BRIDGE_METHODS,
  type BridgeArgs,
  type BridgeError,
  type BridgeMethod,
  type BridgeValue,
  type Result,
} from '../contracts/bridge/index.js'
import { validateArgs } from './bridge-validate.js'
import type { Log } from './log.js'

/** A failure a handler reports to the caller as data (style.md §9.7). */
export class BridgeFailure extends Error {
  constructor(
    readonly code: BridgeError['code'],
    message: string,
  ) {
    super(message)
    this.name = 'BridgeFailure'
  }
}

/** What main/ implements for every bridge method: validated arguments in, a value out (or a BridgeFailure). */
export type BridgeHandlers = {
  readonly [M in BridgeMethod]: (...args: BridgeArgs<M>) => BridgeValue<M> | Promise<BridgeValue<M>>
}

/** Answers one call from either transport: method name and raw arguments in, a Result out, never a throw. */
export type Dispatch = (method: string, args: unknown) => Promise<Result<unknown>>

/**
 * Wraps the handlers: unknown methods are FORBIDDEN, bad arguments BAD_REQUEST, a BridgeFailure becomes its
 * error, anything else INTERNAL with the details in the log only.
 */
export function createDispatch(handlers: BridgeHandlers, log: Log): Dispatch {
  return async (method, args) => {
    if (!(BRIDGE_METHODS as readonly string[]).includes(method)) {
      return {
        ok: false,
        error: { code: 'FORBIDDEN', message: `unknown bridge method "${method.slice(0, 60)}"` },
      }
    }
    const m = method as BridgeMethod
    const checked = validateArgs(m, args)
    if (!checked.ok) return checked
    try {
      const handler = handlers[m] as (...a: unknown[]) => unknown
      return { ok: true, value: await handler(...(checked.value as unknown[])) }
    } catch (error) {
      if (error instanceof BridgeFailure)
        return { ok: false, error: { code: error.code, message: error.message } }
      log.error(`${m} failed`, error)
      return { ok: false, error: { code: 'INTERNAL', message: `${m} failed; see the workstation log` } }
    }
  }
}
