import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { settingsPatch, validateArgs } from './bridge-validate.js'

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

  it('checks the case, auth and command methods, naming the field', () => {
    const id = '6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f'
    assert.deepEqual(ok('auth.signIn', ['receiver', 'pw']), ['receiver', 'pw'])
    bad('auth.signIn', ['receiver'], /takes 2/)
    bad('auth.signIn', ['', 'pw'], /username must not be empty/)
    bad('auth.signIn', ['receiver', 'x'.repeat(257)], /password is longer/)
    assert.deepEqual(
      ok('cases.list', [{ phases: ['handling'], lights: ['red'], sort: 'newest', limit: 10 }]),
      [{ phases: ['handling'], lights: ['red'], sort: 'newest', limit: 10 }],
    )
    bad('cases.list', [{ phases: ['doing'] }], /query\.phases\[0\]/)
    bad('cases.list', [{ limit: 5_000 }], /query\.limit/)
    bad('cases.list', [{ sort: 'random' }], /query\.sort/)
    bad('cases.layer', [{ sort: 'newest' }], /filter\.sort is not a known field/)
    bad('cases.layer', [{ from: 'yesterday' }], /filter\.from must be an ISO 8601 time/)
    bad('cases.gridCounts', [{ bbox: [1, 2, 3] }], /filter\.bbox/)
    bad('cases.gridCounts', [{ statuses: ['open'] }], /filter\.statuses\[0\]/)
    bad('cases.get', ['123'], /id must be a UUID/)
    bad('cases.photo', ['../etc/passwd'], /photoId/)
    bad('commands.dismiss', [42], /clientId must be a string/)

    const action = {
      kind: 'action',
      caseId: id,
      version: 3,
      action: 'dispatch',
      payload: { unitId: 'hl-sanitation' },
    }
    assert.deepEqual(ok('commands.submit', [action]), [action])
    bad('commands.submit', [{ ...action, payload: {} }], /command\.payload\.unitId: required/)
    bad(
      'commands.submit',
      [{ ...action, payload: { unitId: 'u', extra: 1 } }],
      /command\.payload\.extra is not a field of dispatch/,
    )
    bad('commands.submit', [{ ...action, payload: { unitId: 'u', version: 9 } }], /command\.payload\.version/)
    bad('commands.submit', [{ ...action, version: undefined }], /command\.version/)
    bad('commands.submit', [{ ...action, version: 0 }], /command\.version/)
    bad('commands.submit', [{ ...action, caseClientId: id }], /exactly one of caseId and caseClientId/)
    bad('commands.submit', [{ ...action, action: 'teleport' }], /command\.action/)
    bad(
      'commands.submit',
      [
        {
          kind: 'action',
          caseId: id,
          version: 1,
          action: 'handle',
          payload: { note: 'ok', afterPhotoIds: [] },
        },
      ],
      /afterPhotoIds/,
    )
    const create = {
      kind: 'create',
      input: { lon: 119.9, lat: 32.4, categoryKey: '2013:event:0102', urgency: 'urgent' },
    }
    assert.deepEqual(ok('commands.submit', [create]), [create])
    bad('commands.submit', [{ ...create, input: { ...create.input, lat: 95 } }], /command\.input\.lat/)
    bad(
      'commands.submit',
      [{ ...create, input: { ...create.input, urgency: 'now' } }],
      /command\.input\.urgency/,
    )
    bad(
      'commands.submit',
      [{ ...create, input: { ...create.input, photoIds: [] } }],
      /command\.input\.photoIds is not a known field/,
    )
    bad('commands.submit', [{ ...create, caseId: id }], /command\.caseId is not a known field/)
    bad('commands.submit', [{ kind: 'delete' }], /command\.kind/)

    assert.deepEqual(ok('settings.set', [{ closedCaseDays: 0 }]), [{ closedCaseDays: 0 }])
    bad('settings.set', [{ closedCaseDays: 3651 }], /closedCaseDays/)
    bad('settings.set', [{ closedCaseDays: 1.5 }], /closedCaseDays must be a whole number/)
  })

  it("checks what Electron IPC carries as browser mode's JSON would carry it", () => {
    // Structured clone keeps undefined fields, NaN and cycles; JSON does not. Both transports get one check.
    bad('lookup.locate', [Number.NaN, 32], /lon must be a finite number/)
    bad('layers.grids', [{ bbox: [119, 32, 120, 33], zoom: Infinity }], /query\.zoom must be a finite number/)
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    bad('settings.set', [cyclic], /arguments must be JSON data/)
    assert.deepEqual(ok('layers.grids', [{ bbox: [119, 32, 120, 33], zoom: 3, limit: undefined }]), [
      { bbox: [119, 32, 120, 33], zoom: 3 },
    ])
    // A middle undefined option arrives as null over HTTP: absent, like a missing one.
    assert.deepEqual(ok('lookup.responsible', [120, 32, '2013:component:0101', null]), [
      120,
      32,
      '2013:component:0101',
    ])
    bad('lookup.locate', [120, 32, { crs: 'gcj02' }, 'extra'], /takes 2 to 3 arguments, got 4/)
    bad('constructor' as never, [], /unknown method/)
  })

  it('names the range, the form and the field the schema asks for', () => {
    const message = (method: Parameters<typeof validateArgs>[0], args: unknown) => {
      const r = validateArgs(method, args)
      assert.ok(!r.ok)
      return r.error.message
    }
    assert.equal(
      message('layers.grids', [{ bbox: [190, 32, 120, 33], zoom: 1 }]),
      'layers.grids: query.bbox[0] must be between -180 and 180, got 190',
    )
    assert.equal(message('layers.grids', [{ zoom: 1 }]), 'layers.grids: query.bbox is required')
    assert.equal(
      message('layers.regions', ['city']),
      'layers.regions: level must be one of district, street, community, got "city"',
    )
    assert.equal(
      message('commands.submit', [{ kind: 'create', input: { lon: 1, lat: 1, categoryKey: ' ' } }]),
      'commands.submit: command.input.categoryKey must not be empty',
    )
    assert.equal(
      message('commands.submit', [{ kind: 'delete' }]),
      'commands.submit: command.kind must be one of create, action, got "delete"',
    )
  })

  it('checks stored settings key by key with the same schema', () => {
    assert.deepEqual(settingsPatch({ basemap: 'none' }), { basemap: 'none' })
    assert.throws(() => settingsPatch({ basemap: 'osm' }), /patch\.basemap must be one of/)
    assert.throws(() => settingsPatch({ theme: 'dark' }), /patch\.theme is not a known field/)
  })
})
