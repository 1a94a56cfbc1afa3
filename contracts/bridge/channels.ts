/**
 * The names of the bridge's methods and events and the channels derived from them: all a transport needs,
 * and nothing that needs a schema library, so the preload and the page's client stay small.
 */
import type { BridgeEventName, BridgeEvents, CityLoopBridge } from './bridge.js'
import type { Result } from './result.js'

/** Every bridge method as 'group.method' (a compile-time check keeps it equal to the interface's). */
export const BRIDGE_METHODS = [
  'app.info',
  'settings.get',
  'settings.set',
  'sync.status',
  'sync.start',
  'layers.regions',
  'layers.grids',
  'layers.components',
  'lookup.locate',
  'lookup.responsible',
  'lookup.byGridId',
  'lookup.byComponentId',
  'catalog.search',
  'catalog.get',
  'search.find',
  'auth.session',
  'auth.signIn',
  'auth.signOut',
  'cases.list',
  'cases.layer',
  'cases.gridCounts',
  'cases.get',
  'cases.photo',
  'cases.tasks',
  'commands.submit',
  'commands.status',
  'commands.dismiss',
  'commands.flush',
] as const

/** A bridge method path, 'group.method'. */
export type BridgeMethod = (typeof BRIDGE_METHODS)[number]

/** Every event name, in one list. */
export const BRIDGE_EVENTS = [
  'sync',
  'data-changed',
  'settings',
  'session',
  'cases-changed',
  'outbox',
] as const satisfies readonly BridgeEventName[]

type Groups = Exclude<keyof CityLoopBridge, 'on'>
/** Every 'group.method' path the interface has, derived from it (checked against BRIDGE_PARAMS below). */
export type BridgeMethodPath = {
  [G in Groups]: `${G}.${Extract<keyof CityLoopBridge[G], string>}`
}[Groups]

type MethodAt<P extends BridgeMethodPath> = P extends `${infer G extends Groups}.${infer M}`
  ? M extends keyof CityLoopBridge[G]
    ? CityLoopBridge[G][M]
    : never
  : never

/** Arguments of a bridge method, as the transports carry them (a JSON array). */
export type BridgeArgs<P extends BridgeMethodPath> =
  MethodAt<P> extends (...args: infer A) => unknown ? A : never

/** Value of a successful answer of a bridge method. */
export type BridgeValue<P extends BridgeMethodPath> =
  MethodAt<P> extends (...args: never[]) => Promise<Result<infer V>> ? V : never

/** The channel of a method or event: 'cityloop:' + its name. */
export type Channel = `cityloop:${BridgeMethod}` | `cityloop:event:${BridgeEventName}`

/** IPC channel (and HTTP path segment: POST /bridge/<channel>) of each method. */
export const CHANNELS = Object.freeze(
  Object.fromEntries(BRIDGE_METHODS.map((m) => [m, `cityloop:${m}`])) as {
    readonly [M in BridgeMethod]: `cityloop:${M}`
  },
)

/** IPC channel of each event (main → renderer). In browser mode events travel as `{event, payload}` frames. */
export const EVENT_CHANNELS = Object.freeze(
  Object.fromEntries(BRIDGE_EVENTS.map((e) => [e, `cityloop:event:${e}`])) as {
    readonly [E in BridgeEventName]: `cityloop:event:${E}`
  },
)

/** The method a channel names, or undefined for an unknown channel. */
export function methodOfChannel(channel: string): BridgeMethod | undefined {
  if (!channel.startsWith('cityloop:')) return undefined
  const m = channel.slice('cityloop:'.length)
  return isBridgeMethod(m) ? m : undefined
}

/** True for a method of the bridge (not an inherited property name such as 'constructor'). */
export function isBridgeMethod(method: string): method is BridgeMethod {
  return (BRIDGE_METHODS as readonly string[]).includes(method)
}

/** HTTP path of the browser-mode event socket. */
export const EVENTS_SOCKET_PATH = '/bridge/events'

/** One event frame on the browser-mode socket. */
export type EventFrame = {
  [E in BridgeEventName]: { readonly event: E; readonly payload: BridgeEvents[E] }
}[BridgeEventName]

// Compile-time proof that BRIDGE_METHODS lists exactly the interface's methods, and BRIDGE_EVENTS its events.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const _methodsMatch: Same<BridgeMethod, BridgeMethodPath> = true
const _eventsMatch: Same<(typeof BRIDGE_EVENTS)[number], BridgeEventName> = true
void _methodsMatch
void _eventsMatch
