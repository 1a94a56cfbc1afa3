import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_DEMO_PASSWORD } from '../server/src/config.js'
import { startEmbeddedCentral } from './embedded-central.js'
import { pgliteTemplate } from './test-support/pglite-template.js'

// A first start of the embedded central files the demo cases in the background, after the API already
// listens: their photos must load as soon as the cases are there, not only after a restart.

test('first start: the photos of the demo cases filed in the background load without a restart', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cityloop-embedded-'))
  const before = process.env.CITYLOOP_DEMO_CASES
  process.env.CITYLOOP_DEMO_CASES = '16'
  const quiet = { info() {}, warn() {}, error() {}, debug() {} }
  const central = await startEmbeddedCentral({
    dataDir,
    log: quiet as never,
    pgliteTemplate: await pgliteTemplate(),
  })
  try {
    assert.ok((await central.demoCases) > 0, 'demo cases filed')
    const login = await fetch(`${central.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'receiver', password: DEFAULT_DEMO_PASSWORD }),
    })
    assert.equal(login.status, 200)
    const { token } = (await login.json()) as { token: string }
    const auth = { authorization: `Bearer ${token}` }
    const list = await fetch(`${central.url}/api/v1/cases?limit=200`, { headers: auth })
    const cases = ((await list.json()) as { cases: { beforePhotoIds: string[]; afterPhotoIds: string[] }[] })
      .cases
    const ids = [...new Set(cases.flatMap((c) => [...c.beforePhotoIds, ...c.afterPhotoIds]))]
    assert.ok(ids.length > 0, 'the demo cases cite photos')
    for (const id of ids) {
      const photo = await fetch(`${central.url}/api/v1/photos/${id}`, { headers: auth })
      assert.equal(photo.status, 200, `photo ${id}`)
      assert.equal(photo.headers.get('content-type'), 'image/png')
    }
  } finally {
    await central.close()
    if (before === undefined) delete process.env.CITYLOOP_DEMO_CASES
    else process.env.CITYLOOP_DEMO_CASES = before
    rmSync(dataDir, { recursive: true, force: true })
  }
})
