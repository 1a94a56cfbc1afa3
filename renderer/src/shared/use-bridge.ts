/**
 * @module renderer/shared/use-bridge
 * The bridge (`window.cityloop`) for components: provided once on each app (workstation and wall screen) by
 * main.ts, so no component takes it as a prop or reads the global itself.
 */
import type { InjectionKey } from 'vue'
import type { CityLoopBridge } from '../../../contracts/bridge/index.js'
import { injectStrict } from './inject-strict.js'

/** Injection key of the bridge; `app.provide(BRIDGE, bridge)` at mount. */
export const BRIDGE: InjectionKey<CityLoopBridge> = Symbol('cityloop bridge')

/** The bridge of this app. */
export function useBridge(): CityLoopBridge {
  return injectStrict(BRIDGE)
}
