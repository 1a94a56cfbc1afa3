/**
 * @module renderer/shared/inject-strict
 * `inject()` that fails loudly: a component used outside the provider that owns its state gets an error
 * naming what is missing, instead of an `undefined` that breaks somewhere later.
 */
import { inject, type InjectionKey } from 'vue'

/** Injects `key`; throws naming `what` (or the key's description) when no ancestor provides it. */
export function injectStrict<T>(key: InjectionKey<T>, what?: string): T {
  const value = inject(key, undefined)
  if (value === undefined) {
    const name = what ?? key.description ?? 'a value'
    throw new Error(
      `${name} is not provided here: this component must be mounted inside the component that provides it`,
    )
  }
  return value
}
