/**
 * Browser mode's access rules on their own: which Host and Origin names a launch serves (loopback, the bound
 * address, every interface when bound to all, CITYLOOP_PUBLIC_HOST), and the key and cookie checks.
 * electron/browser-mode.test.ts runs them through the real host.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createWebAccess, parsePublicHosts } from './web-access.js'

const secrets = { key: 'k'.repeat(43), cookie: 'c'.repeat(43) }

describe('browser mode access rules', () => {
  it('bound to loopback: the loopback names of its port, nothing else', () => {
    const access = createWebAccess({
      port: 8080,
      host: '127.0.0.1',
      secrets,
      interfaces: () => ['192.168.1.20'],
    })
    for (const host of ['127.0.0.1:8080', 'localhost:8080', 'LOCALHOST:8080', '[::1]:8080'])
      assert.equal(access.allowedHost(host), true, host)
    for (const host of [
      undefined,
      '',
      '127.0.0.1',
      '127.0.0.1:8081',
      'evil.example:8080',
      'localhost.evil.example:8080',
      '192.168.1.20:8080',
      '127.0.0.1:8080@evil.example',
    ])
      assert.equal(access.allowedHost(host), false, String(host))
    assert.deepEqual(access.baseUrls(), ['http://127.0.0.1:8080/'])
    assert.deepEqual(access.keyedUrls(), [`http://127.0.0.1:8080/?key=${secrets.key}`])
  })

  it('bound to every interface (a wall screen): loopback, each interface, and the public names', () => {
    let interfaces = ['192.168.1.20', '2001:db8::7']
    const access = createWebAccess({
      port: 8080,
      host: '0.0.0.0',
      publicHosts: parsePublicHosts('wall.example, ops.example:80'),
      secrets,
      interfaces: () => interfaces,
    })
    assert.deepEqual(
      access.keyedUrls(),
      [
        `http://127.0.0.1:8080/?key=${secrets.key}`,
        `http://192.168.1.20:8080/?key=${secrets.key}`,
        `http://wall.example:8080/?key=${secrets.key}`,
        `http://ops.example:80/?key=${secrets.key}`,
      ],
      '0.0.0.0 listens on IPv4 only: no IPv6 address printed',
    )
    for (const host of [
      '192.168.1.20:8080',
      '[2001:db8::7]:8080',
      'wall.example:8080',
      'ops.example',
      'ops.example:80',
    ])
      assert.equal(access.allowedHost(host), true, host)
    for (const host of [
      'wall.example',
      'wall.example:8081',
      '192.168.1.21:8080',
      '192.168.1.20:80',
      'other.example:8080',
    ])
      assert.equal(access.allowedHost(host), false, host)
    // An address that came up after the start (DHCP) is served too, and one that went away is not.
    interfaces = ['192.168.1.30']
    assert.equal(access.allowedHost('192.168.1.30:8080'), true)
    assert.equal(access.allowedOrigin('http://192.168.1.30:8080'), true)
  })

  it('bound to one address: that address, plus the loopback names', () => {
    const access = createWebAccess({ port: 9000, host: '10.0.0.5', secrets, interfaces: () => ['10.0.0.6'] })
    assert.deepEqual(access.baseUrls(), ['http://10.0.0.5:9000/'])
    assert.equal(access.allowedHost('10.0.0.5:9000'), true)
    assert.equal(access.allowedHost('10.0.0.6:9000'), false, 'not bound there')
    const v6 = createWebAccess({ port: 9000, host: '::1', secrets })
    assert.deepEqual(v6.baseUrls(), ['http://[::1]:9000/'])
  })

  it('allows only its own origins', () => {
    const access = createWebAccess({ port: 8080, host: '127.0.0.1', secrets })
    assert.equal(access.allowedOrigin('http://127.0.0.1:8080'), true)
    assert.equal(access.allowedOrigin('http://localhost:8080'), true)
    for (const origin of [
      'null',
      'http://evil.example',
      'http://127.0.0.1:8081',
      'http://127.0.0.1:8080/x',
      'file://',
    ])
      assert.equal(access.allowedOrigin(origin), false, origin)
  })

  it('checks the key and the cookie exactly, and makes new secrets per launch', () => {
    const access = createWebAccess({ port: 8080, host: '127.0.0.1', secrets })
    assert.equal(access.validKey(secrets.key), true)
    for (const wrong of [undefined, '', secrets.key.slice(1), `${secrets.key}k`, secrets.cookie, ['k']])
      assert.equal(access.validKey(wrong), false, String(wrong))
    const cookie = access.setCookie().split(';')[0]!
    assert.equal(cookie, `cityloop_session_8080=${secrets.cookie}`)
    assert.equal(access.validCookie(cookie), true)
    assert.equal(access.validCookie(`theme=dark; ${cookie}; other=1`), true)
    for (const wrong of [
      undefined,
      '',
      `cityloop_session_8080=${secrets.key}`,
      `cityloop_session_8081=${secrets.cookie}`,
      secrets.cookie,
    ])
      assert.equal(access.validCookie(wrong), false, String(wrong))
    assert.match(access.setCookie(), /; HttpOnly; SameSite=Strict$/)

    const one = createWebAccess({ port: 8080, host: '127.0.0.1' })
    const two = createWebAccess({ port: 8080, host: '127.0.0.1' })
    assert.match(one.key, /^[A-Za-z0-9_-]{43}$/)
    assert.notEqual(one.key, two.key)
    assert.equal(two.validCookie(one.setCookie().split(';')[0]), false, "another launch's cookie")
  })

  it('reads CITYLOOP_PUBLIC_HOST and names a bad entry', () => {
    assert.deepEqual(parsePublicHosts(undefined), [])
    assert.deepEqual(parsePublicHosts(' Wall.Example,ops.example:8443 [2001:db8::1] '), [
      'wall.example',
      'ops.example:8443',
      '[2001:db8::1]',
    ])
    for (const bad of [
      'http://wall.example',
      'wall.example/x',
      'user@wall.example',
      'wall.example:0',
      'wall.example:99999',
    ])
      assert.throws(
        () => parsePublicHosts(bad),
        new RegExp(`CITYLOOP_PUBLIC_HOST: "${bad.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}"`),
      )
  })
})
