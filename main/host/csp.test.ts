import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { DEFAULT_SETTINGS } from '../settings.js'
import { contentSecurityPolicy, originOf } from './csp.js'

describe('content security policy', () => {
  it('allows scripts only from the app and tiles from the configured hosts', () => {
    const csp = contentSecurityPolicy({
      ...DEFAULT_SETTINGS,
      customBasemapUrl: 'https://{s}.map.city.gov.cn/wmts?layer=base&TileMatrix={z}',
    })
    assert.match(csp, /script-src 'self';/)
    assert.match(
      csp,
      /img-src 'self' data: blob: https:\/\/\*\.tianditu\.gov\.cn http:\/\/\*\.tianditu\.gov\.cn https:\/\/\*\.map\.city\.gov\.cn;/,
    )
    assert.doesNotMatch(csp, /unsafe-eval/)
  })

  it('reads a safe origin from a tile template or none', () => {
    assert.equal(
      originOf('http://10.1.2.3:8090/geoserver/gwc/service/wmts?TileMatrix={z}'),
      'http://10.1.2.3:8090',
    )
    assert.equal(originOf('https://{a-c}.tile.example.com/{z}/{x}/{y}.png'), 'https://*.tile.example.com')
    assert.equal(originOf('https://tiles.{z}.example.com/'), undefined)
    assert.equal(originOf('javascript:alert(1)'), undefined)
    assert.equal(originOf(''), undefined)
  })
})
