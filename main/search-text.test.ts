import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { readSearchText } from './search-text.js'
import { contentSecurityPolicy, originOf } from './csp.js'
import { DEFAULT_SETTINGS } from './settings.js'

describe('search text', () => {
  it('reads coordinates in the forms operators paste', () => {
    for (const text of [
      '119.93,32.47',
      '119.93, 32.47',
      '119.93，32.47',
      '119.93 32.47',
      ' (119.93, 32.47) ',
      '１１９.９３,３２.４７',
    ]) {
      assert.deepEqual(
        readSearchText(text),
        { kind: 'coordinate', lon: 119.93, lat: 32.47, swapped: false },
        text,
      )
    }
    assert.deepEqual(readSearchText('32.47, 119.93'), {
      kind: 'coordinate',
      lon: 119.93,
      lat: 32.47,
      swapped: true,
    })
  })

  it('tells ids, names and nothing apart', () => {
    assert.deepEqual(readSearchText(' 321202001001001 '), { kind: 'digits', digits: '321202001001001' })
    assert.deepEqual(readSearchText('海陵'), { kind: 'text', text: '海陵' })
    assert.deepEqual(readSearchText('Hailing District'), { kind: 'text', text: 'Hailing District' })
    assert.deepEqual(readSearchText('   '), { kind: 'empty' })
    assert.equal(readSearchText('1200,3200').kind, 'text')
  })
})

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
