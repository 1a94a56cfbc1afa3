/**
 * 登录令牌保管 — whether Electron's safeStorage can keep the session token between starts. Electron seals
 * with the OS keychain: DPAPI on Windows, the Keychain on macOS, libsecret or KWallet on Linux. On Linux
 * without a keyring (a bare window manager, a kiosk, a locked-down wall PC) it falls back to `basic_text`,
 * a key compiled into Chromium: anyone who can read the file can unseal it, and
 * `isEncryptionAvailable()` still says true. There the token is not stored at all — the dispatcher signs in
 * at each start, and the session says so (`Session.tokenStorage: 'none'`) so the UI can tell them why.
 *
 * No Electron import (main/ never has one): electron/main.ts passes its `safeStorage` in.
 */
import type { SessionServiceOptions } from './session.js'

/** The part of Electron's safeStorage this needs. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean
  /** Linux only (after app ready): basic_text, gnome_libsecret, kwallet, kwallet5, kwallet6 or unknown. */
  getSelectedStorageBackend?(): string
  encryptString(plainText: string): Buffer
  decryptString(encrypted: Buffer): string
}

/** Linux backends that really are a keyring. */
export const LINUX_KEYRING_BACKENDS: readonly string[] = [
  'gnome_libsecret',
  'kwallet',
  'kwallet5',
  'kwallet6',
]

/** How the workstation keeps its session token between starts. */
export type TokenKeeping =
  | { readonly storage: 'keychain'; readonly protect: NonNullable<SessionServiceOptions['protect']> }
  | { readonly storage: 'none'; readonly reason: string }

/** Decides from safeStorage (and the platform) whether the token may be stored, and how to seal it. */
export function tokenKeeping(safeStorage: SafeStorageLike, platform: NodeJS.Platform): TokenKeeping {
  let available: boolean
  try {
    available = safeStorage.isEncryptionAvailable()
  } catch {
    available = false
  }
  if (!available) return { storage: 'none', reason: 'the OS keychain is not available' }
  if (platform === 'linux') {
    let backend: string
    try {
      backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown'
    } catch {
      backend = 'unknown'
    }
    if (!LINUX_KEYRING_BACKENDS.includes(backend))
      return {
        storage: 'none',
        reason: `no keyring (safeStorage backend "${backend}"; install and unlock gnome-keyring or KWallet)`,
      }
  }
  return {
    storage: 'keychain',
    protect: {
      encrypt: (token) => safeStorage.encryptString(token).toString('base64'),
      decrypt: (stored) => safeStorage.decryptString(Buffer.from(stored, 'base64')),
    },
  }
}
