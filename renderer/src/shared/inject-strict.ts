/**
 * @module renderer/shared/inject-strict
 * `inject()` that fails loudly: a component used outside the provider that owns its state gets an error naming
 * what is missing, instead of an `undefined` that breaks later on some property read.
 */
import { inject, type InjectionKey } from 'vue'

/**
 * Injects `key` or throws. `what` names the state in the error (defaults to the key's description).
 * Call it in `setup()` (or `<script setup>`), as `inject()` itself must be.
 */
export function injectStrict<T>(key: InjectionKey<T>, what?: string): T {
  const value = inject(key, undefined)
  if (value === undefined) {
    const name = what ?? key.description ?? String(key)
    throw new Error(`${name} is not provided: the component must be mounted under the component that provides it`)
  }
  return value
}
