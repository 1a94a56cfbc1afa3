import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { validateArgs } from './bridge-validate.js'

describe('bridge argument validation', () => {
  const ok = (method: Parameters<typeof validateArgs>[0], args: unknown) => {
    const r = validateArgs(method, args)
    assert.ok(r.ok, JSON.stringify(r))
    return r.value
  }
  const bad = (method: Parameters<typeof validateArgs>[0], args: unknown, pattern: RegExp) => {
    const r = validateArgs(method, args)
    assert.ok(!r.ok && r.error.code === 'BAD_REQUEST' && pattern.test(r.error.message), JSON.stringify(r))
  }

  it('accepts what the contract allows, dropping null options', () => {
    assert.deepEqual(ok('lookup.locate', [120, 32.4]), [120, 32.4])
    assert.deepEqual(ok('lookup.locate', [120, 32.4, { crs: 'gcj02' }]), [120, 32.4, { crs: 'gcj02' }])
    assert.deepEqual(ok('sync.start', [null]), [])
    assert.deepEqual(
      ok('layers.components', [
        { bbox: [119, 32, 120, 33], zoom: 3, statuses: ['damaged'], classes: ['2013:component:01'] },
      ])[0],
      {
        bbox: [119, 32, 120, 33],
        zoom: 3,
        statuses: ['damaged'],
        classes: ['2013:component:01'],
      },
    )
    assert.deepEqual(
      ok('settings.set', [{ customBasemapUrl: 'https://{a-c}.tiles.city.gov.cn/{z}/{x}/{y}.png' }]),
      [{ customBasemapUrl: 'https://{a-c}.tiles.city.gov.cn/{z}/{x}/{y}.png' }],
    )
  })

  it('refuses what it does not, naming the argument', () => {
    bad('lookup.locate', [181, 32], /lon/)
    bad('lookup.locate', ['120', 32], /lon must be a finite number/)
    bad('lookup.locate', [120], /takes 2 to 3/)
    bad('lookup.locate', { 0: 120, 1: 32 }, /array/)
    bad('lookup.byGridId', ['32120200100100'], /15-digit/)
    bad('layers.grids', [{ bbox: [120, 32, 119, 33], zoom: 1 }], /min must not exceed max/)
    bad('layers.grids', [{ bbox: [119, 32, 120, 33], zoom: 1, extra: true }], /extra is not a known field/)
    bad('layers.components', [{ bbox: [119, 32, 120, 33], zoom: 1, limit: 1e7 }], /limit/)
    bad('layers.components', [{ bbox: [119, 32, 120, 33], zoom: 1, statuses: ['broken'] }], /statuses\[0\]/)
    bad('settings.set', [{ language: 'fr' }], /language/)
    bad('settings.set', [{ customBasemapUrl: 'file:///etc/passwd' }], /http/)
    bad('settings.set', [{ customBasemapUrl: 'https://user:pw@tiles.example/{z}/{x}/{y}' }], /credentials/)
    bad('settings.set', [{ tiandituToken: '"><script>' }], /天地图 key/)
    bad('settings.set', [{ __proto__: { polluted: 1 }, basemap: 'none', evil: 1 }], /evil/)
    bad('search.find', ['x'.repeat(201)], /longer/)
    bad('nope.nope' as never, [], /unknown method/)
  })
})
