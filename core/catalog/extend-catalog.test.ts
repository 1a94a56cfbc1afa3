import { test } from 'node:test'
import assert from 'node:assert/strict'
import { builtInCatalog } from './built-in-catalogs.js'
import { createCatalogIndex } from './catalog-index.js'
import type { CatalogExtension, ExtensionClass } from './extend-catalog.js'
import { extendCatalog } from './extend-catalog.js'
import { CatalogError } from './read-json.js'
import type { FilingCondition } from './types.js'

const base2013 = builtInCatalog('2013')
const base2026 = builtInCatalog('2026')

function condition(id: string, hours = 4): FilingCondition {
  return {
    id,
    text: '电动自行车充电线私拉乱接',
    textEn: 'E-bike charging cable strung across public space',
    limits: {
      A: { amount: hours, unit: 'working-hours' },
      B: { amount: hours, unit: 'working-hours' },
      C: { amount: hours * 2, unit: 'working-hours' },
    },
    closing: '私拉电线已拆除',
    urgency: 'normal',
  }
}

function localClass(code: string, kind: 'component' | 'event' = 'event'): ExtensionClass {
  return {
    kind,
    code,
    name: '飞线充电',
    nameEn: 'Flying-lead charging',
    defaultUnitType: 'street-office',
    conditions: [condition(`2013:${kind}:${code}:01`)],
  }
}

const taizhou: CatalogExtension = {
  id: 'taizhou',
  version: '1',
  edition: '2013',
  bigClasses: [{ kind: 'event', code: '07', name: '扩展事件', nameEn: 'Local events' }],
  classes: [localClass('0701'), localClass('0514')],
  overrides: [
    { key: '2013:event:0102', limits: { '2013:event:0102:01': { A: { amount: 1, unit: 'working-hours' } } } },
    { key: '2013:event:0504', conditions: [condition('2013:event:0504:tz-01', 2)] },
  ],
}

/** The issue lines of an extension that must be rejected. */
function rejected(ext: CatalogExtension, base = base2013): string[] {
  try {
    extendCatalog(base, ext)
  } catch (e) {
    assert.ok(e instanceof CatalogError, String(e))
    return e.issues.map((i) => `${i.path}: ${i.message}`)
  }
  assert.fail('expected the extension to be rejected')
}

test('adds local big classes and classes, applies overrides, versions the result', () => {
  const extended = extendCatalog(base2013, taizhou)
  assert.equal(extended.version, '2013.1+taizhou.1')
  assert.equal(extended.classes.length, base2013.classes.length + 2)
  const index = createCatalogIndex([extended])
  assert.deepEqual(index.bigClass('2013', 'event', '07'), {
    edition: '2013',
    kind: 'event',
    code: '07',
    name: '扩展事件',
    nameEn: 'Local events',
    local: true,
  })
  assert.equal(index.get('2013:event:0701')?.local, true)
  assert.equal(index.get('2013:event:0514')?.bigClassCode, '05')
  assert.equal(index.get('2013:event:0102')?.local, false)
  const patched = index.condition('2013:event:0102:01')?.condition.limits
  assert.deepEqual(patched?.A, { amount: 1, unit: 'working-hours' })
  assert.deepEqual(patched?.B, { amount: 3, unit: 'working-hours' }, 'B and C keep the standard limits')
  assert.deepEqual(
    index.get('2013:event:0504')?.conditions.map((c) => c.id),
    ['2013:event:0504:tz-01'],
  )
  assert.equal(index.condition('2013:event:0504:01'), undefined)
  // Sorted: the new 0514 follows 0513, the new big class follows 06.
  const events = extended.classes.filter((c) => c.kind === 'event').map((c) => c.code)
  assert.deepEqual(events.slice(-3), ['0513', '0514', '0701'])
  // The base catalog is untouched.
  assert.equal(base2013.version, '2013.1')
  assert.equal(
    base2013.classes.find((c) => c.kind === 'event' && c.code === '0504')?.conditions[0]?.id,
    '2013:event:0504:01',
  )
})

test('extensions stack', () => {
  const twice = extendCatalog(extendCatalog(base2013, taizhou), {
    id: 'hailing',
    version: '2',
    edition: '2013',
    classes: [localClass('0702')],
  })
  assert.equal(twice.version, '2013.1+taizhou.1+hailing.2')
  assert.equal(twice.classes.filter((c) => c.local).length, 3)
})

test('2026 local matters start at big class 11 and may mirror a component', () => {
  const extended = extendCatalog(base2026, {
    id: 'taizhou',
    version: '1',
    edition: '2026',
    bigClasses: [{ kind: 'event', code: '11', name: '城市运行类', nameEn: 'City operation' }],
    classes: [
      {
        ...localClass('11001'),
        conditions: [{ ...condition('2026:event:11001:01') }],
      },
      {
        ...localClass('01078', 'component'),
        name: '智慧灯杆',
        conditions: [condition('2026:component:01078:01')],
      },
      {
        ...localClass('01078'),
        name: '智慧灯杆异常',
        componentCode: '01078',
        conditions: [condition('2026:event:01078:01')],
      },
    ],
  })
  assert.equal(extended.version, '2026.1+taizhou.1')
  assert.equal(extended.classes.find((c) => c.kind === 'event' && c.code === '01078')?.componentCode, '01078')
})

test('conflicts are reported by path', () => {
  assert.deepEqual(
    rejected({
      id: 'taizhou',
      version: '1',
      edition: '2013',
      bigClasses: [
        { kind: 'component', code: '05', name: '本地部件', nameEn: 'Local' },
        { kind: 'event', code: '07', name: '扩展事件', nameEn: 'Local events' },
        { kind: 'event', code: '07', name: '扩展事件二', nameEn: 'Local events 2' },
      ],
      classes: [
        localClass('0102'),
        localClass('0210', 'component'),
        localClass('0901'),
        localClass('0701'),
        localClass('0701'),
      ],
    }),
    [
      'extension.bigClasses[0].code: local big classes start at 07 in edition 2013, got "05"',
      'extension.bigClasses[2].code: event big class "07" already exists (扩展事件)',
      'extension.classes[0].code: "0102" is already used by 2013:event:0102 暴露垃圾',
      'extension.classes[1].code: "0210" lies within the standard codes of component big class 02 (up to 0219); local codes start after it',
      'extension.classes[2].bigClassCode: no event big class "09" in the catalog or this extension',
      'extension.classes[4].code: "0701" is already used by 2013:event:0701 飞线充电',
    ],
  )
})

test('a 2026 extension cannot reuse standard big classes, and gaps stay reserved', () => {
  assert.deepEqual(
    rejected(
      {
        id: 'taizhou',
        version: '1',
        edition: '2026',
        bigClasses: [{ kind: 'event', code: '10', name: '其他', nameEn: 'Other' }],
        classes: [{ ...localClass('06031'), conditions: [condition('2026:event:06031:01')] }],
      },
      base2026,
    ),
    [
      'extension.bigClasses[0].code: local big classes start at 11 in edition 2026, got "10"',
      'extension.classes[0].code: "06031" lies within the standard codes of event big class 06 (up to 06052); local codes start after it',
    ],
  )
})

test('bad overrides are reported by path', () => {
  assert.deepEqual(
    rejected({
      id: 'taizhou',
      version: '1',
      edition: '2013',
      overrides: [
        { key: '2013:event:0999', limits: {} },
        { key: '2026:event:06010', limits: {} },
        { key: '2013:event:01', limits: {} },
        {
          key: '2013:event:0102',
          limits: { '2013:event:0102:09': { A: { amount: 1, unit: 'working-hours' } } },
        },
        {
          key: '2013:event:0104',
          limits: { '2013:event:0104:01': { A: { amount: 9, unit: 'working-hours' } } },
        },
        { key: '2013:event:0105' },
        { key: '2013:event:0106', conditions: [condition('2013:event:0107:01')] },
        { key: '2013:event:0104', limits: {} },
      ],
    }),
    [
      'extension.overrides[0].key: no class "2013:event:0999" in the catalog or this extension',
      "extension.overrides[1].key: edition 2026 does not match the catalog's edition 2013",
      'extension.overrides[2].key: category key "2013:event:01": a 2013 code has 4 digits, got "01"',
      'extension.overrides[3].limits["2013:event:0102:09"]: no condition "2013:event:0102:09" in 2013:event:0102',
      'extension.overrides[4].limits["2013:event:0104:01"]: A (9 working-hours) must not exceed B (3 working-hours)',
      'extension.overrides[5]: give exactly one of conditions (replace them all) or limits (by condition id)',
      'extension.overrides[6].conditions[0].id: expected "2013:event:0106:" followed by letters, digits or "-", got "2013:event:0107:01"',
      'extension.overrides[7].key: "2013:event:0104" is overridden twice',
    ],
  )
})

test('id, version and edition of the extension itself', () => {
  assert.deepEqual(rejected({ id: 'Tai Zhou', version: 'v1', edition: '2013' }), [
    'extension.id: expected a lower-case city id such as "taizhou", got "Tai Zhou"',
    'extension.version: expected a version such as "1", got "v1"',
  ])
  assert.deepEqual(rejected({ id: 'taizhou', version: '1', edition: '2026' }), [
    'extension.edition: expected "2013" (the base catalog\'s edition), got "2026"',
  ])
})

test('local classes are validated like standard ones', () => {
  const bad: ExtensionClass = {
    ...localClass('0514'),
    conditions: [{ ...condition('2013:event:0514:01'), urgency: 'soon' as never }],
  }
  assert.deepEqual(rejected({ id: 'taizhou', version: '1', edition: '2013', classes: [bad] }), [
    'extension.classes[0].conditions[0].urgency: expected one of urgent, normal, got "soon"',
  ])
})
