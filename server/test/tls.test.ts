import { test, after } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp } from '../src/app.js'
import { readConfig, readTlsFiles } from '../src/config.js'
import { openTestDatabase } from './databases.js'

// HTTPS served by the API itself (CITYLOOP_TLS_CERT / CITYLOOP_TLS_KEY), for a deployment without a reverse proxy.

const dir = mkdtempSync(join(tmpdir(), 'cityloop-tls-'))
after(() => rmSync(dir, { recursive: true, force: true }))
const certFile = join(dir, 'cert.pem')
const keyFile = join(dir, 'key.pem')
// A throwaway self-signed certificate for 127.0.0.1, made the way an operator would with openssl.
execFileSync('openssl', [
  'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
  '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
  '-keyout', keyFile, '-out', certFile,
], { stdio: 'ignore' })

test('CITYLOOP_TLS_CERT and CITYLOOP_TLS_KEY go together; unreadable or non-PEM files are named', () => {
  assert.equal(readConfig({}).tls, undefined)
  assert.deepEqual(readConfig({ CITYLOOP_TLS_CERT: certFile, CITYLOOP_TLS_KEY: keyFile }).tls, { certFile, keyFile })
  assert.throws(() => readConfig({ CITYLOOP_TLS_CERT: certFile }), /CITYLOOP_TLS_KEY is not set/)
  assert.throws(() => readConfig({ CITYLOOP_TLS_KEY: keyFile }), /CITYLOOP_TLS_CERT is not set/)
  const read = (path: string) => readFileSync(path)
  assert.throws(() => readTlsFiles({ certFile: join(dir, 'missing.pem'), keyFile }, read), /^Error: CITYLOOP_TLS_CERT: cannot read .*missing\.pem \(ENOENT\)/)
  const notPem = join(dir, 'key.txt')
  writeFileSync(notPem, 'secret')
  assert.throws(() => readTlsFiles({ certFile, keyFile: notPem }, read), /CITYLOOP_TLS_KEY: .*key\.txt is not a PEM file/)
})

test('with a certificate the API answers over HTTPS and refuses plain HTTP', { timeout: 120_000 }, async () => {
  const open = await openTestDatabase({ name: 'pglite' })
  const app = await buildApp({
    db: open.db,
    databaseEngine: open.engine,
    photosDir: join(dir, 'photos'),
    https: readTlsFiles({ certFile, keyFile }, (path) => readFileSync(path)),
  })
  try {
    const address = await app.listen({ port: 0, host: '127.0.0.1' })
    assert.match(address, /^https:\/\/127\.0\.0\.1:\d+$/)
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${address}/healthz`, { ca: readFileSync(certFile) }, (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      req.on('error', reject)
      req.end()
    })
    assert.equal(status, 200)
    // The same port spoken to in clear text gets no API answer.
    const plain = await fetch(address.replace('https:', 'http:') + '/healthz').then(
      (r) => r.status,
      () => 'refused',
    )
    assert.notEqual(plain, 200)
  } finally {
    await app.close()
    await open.close()
  }
})
