/**
 * Whether the session token may be stored, from a fake Electron safeStorage: only behind a real keychain;
 * never with Linux's basic_text fallback (a fixed key) or an unknown backend.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { tokenKeeping, type SafeStorageLike } from './token-keeping.js'

/** A safeStorage that "seals" by XOR with 0x5a, on the given backend. */
function fakeSafeStorage(options: {
  available: boolean
  backend?: string | (() => string)
}): SafeStorageLike {
  const seal = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a))
  const { backend } = options
  return {
    isEncryptionAvailable: () => options.available,
    ...(backend === undefined
      ? {}
      : { getSelectedStorageBackend: typeof backend === 'function' ? backend : () => backend }),
    encryptString: (plain) => seal(Buffer.from(plain, 'utf8')),
    decryptString: (sealed) => seal(sealed).toString('utf8'),
  }
}

describe('token keeping', () => {
  it('seals the token with a Linux keyring (libsecret, KWallet)', () => {
    for (const backend of ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']) {
      const keeping = tokenKeeping(fakeSafeStorage({ available: true, backend }), 'linux')
      assert.equal(keeping.storage, 'keychain', backend)
      if (keeping.storage !== 'keychain') continue
      const stored = keeping.protect.encrypt('secret-token')
      assert.ok(!stored.includes('secret-token'))
      assert.equal(keeping.protect.decrypt(stored), 'secret-token')
    }
  })

  it("does not store the token with Linux's basic_text fallback, an unknown backend or none", () => {
    const cases: [string, SafeStorageLike][] = [
      ['basic_text', fakeSafeStorage({ available: true, backend: 'basic_text' })],
      ['unknown', fakeSafeStorage({ available: true, backend: 'unknown' })],
      ['no backend function', fakeSafeStorage({ available: true })],
      [
        'backend throws (asked before ready)',
        fakeSafeStorage({
          available: true,
          backend: () => {
            throw new Error('not ready')
          },
        }),
      ],
      ['encryption unavailable', fakeSafeStorage({ available: false, backend: 'gnome_libsecret' })],
    ]
    for (const [name, storage] of cases) {
      const keeping = tokenKeeping(storage, 'linux')
      assert.equal(keeping.storage, 'none', name)
      if (keeping.storage === 'none') assert.ok(keeping.reason.length > 0)
    }
    const basic = tokenKeeping(fakeSafeStorage({ available: true, backend: 'basic_text' }), 'linux')
    assert.match(basic.storage === 'none' ? basic.reason : '', /basic_text/)
  })

  it('uses DPAPI and the macOS Keychain when available', () => {
    for (const platform of ['win32', 'darwin'] as const) {
      assert.equal(tokenKeeping(fakeSafeStorage({ available: true }), platform).storage, 'keychain', platform)
      assert.equal(tokenKeeping(fakeSafeStorage({ available: false }), platform).storage, 'none', platform)
    }
  })
})
