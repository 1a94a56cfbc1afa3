/**
 * The packaged workstation's Electron fuses (electron-builder.yml, `electronFuses`): every fuse that
 * @electron/fuses knows is set, to the value the security review requires. The binary cannot be
 * downloaded or packaged here, so this checks the packaging config, not a flipped binary.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { FuseV1Options } from '@electron/fuses'

const CONFIG = fileURLToPath(new URL('../electron-builder.yml', import.meta.url))

/** The required value of each fuse, by its @electron/fuses name. */
const REQUIRED: Record<keyof typeof FuseV1Options, boolean> = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: false,
}

/**
 * Reads a top-level `key: value` and the `key: boolean` lines of a top-level block from the YAML file.
 * Deliberately narrow (no YAML parser is a dependency): anything else in the block fails the test.
 */
function readConfig(text: string): { top: Map<string, string>; fuses: Map<string, boolean> } {
  const top = new Map<string, string>()
  const fuses = new Map<string, boolean>()
  let block: string | undefined
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+#.*$/, '').replace(/^#.*$/, '')
    if (line.trim() === '') continue
    const topLevel = /^([A-Za-z]\w*):\s*(.*)$/.exec(line)
    if (topLevel) {
      block = topLevel[1]
      top.set(topLevel[1]!, topLevel[2]!.trim())
      continue
    }
    if (block !== 'electronFuses') continue
    const entry = /^ {2}([A-Za-z]\w*):\s*(true|false)$/.exec(line)
    assert.ok(entry, `electronFuses: "${raw.trim()}" is not "fuseName: true|false"`)
    assert.ok(!fuses.has(entry[1]!), `electronFuses.${entry[1]} is set twice`)
    fuses.set(entry[1]!, entry[2] === 'true')
  }
  return { top, fuses }
}

/** electron-builder's key of a fuse: RunAsNode → runAsNode. */
const builderKey = (name: string) => name[0]!.toLowerCase() + name.slice(1)

describe('Electron fuses of the packaged workstation', () => {
  const { top, fuses } = readConfig(readFileSync(CONFIG, 'utf8'))

  it('sets every fuse @electron/fuses knows, to the required value', () => {
    const known = Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k)))
    assert.deepEqual(known.sort(), Object.keys(REQUIRED).sort(), 'a new fuse: decide its value here')
    for (const [name, value] of Object.entries(REQUIRED)) {
      const key = builderKey(name)
      assert.ok(fuses.has(key), `electronFuses.${key} is missing`)
      assert.equal(fuses.get(key), value, `electronFuses.${key} must be ${value}`)
    }
    assert.deepEqual(
      [...fuses.keys()].filter((k) => !known.map(builderKey).includes(k)),
      [],
      'no unknown fuse names (a typo would be ignored by the builder)',
    )
  })

  it('packs the app into an asar archive, which the integrity and asar-only fuses rely on', () => {
    assert.equal(top.get('asar'), 'true')
    assert.equal(top.get('electronFuses'), '', 'electronFuses is a block')
  })
})
