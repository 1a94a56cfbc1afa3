import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { builtInCatalog, builtInCatalogs } from './built-in-catalogs.js'
import { categoryKey } from './category-key.js'
import type { CategoryClass, SafetyHazard } from './types.js'

const c2013 = builtInCatalog('2013')
const c2026 = builtInCatalog('2026')
const key = (c: CategoryClass) => categoryKey(c.edition, c.kind, c.code)
const find = (edition: '2013' | '2026', k: string) =>
  builtInCatalog(edition).classes.find((c) => key(c) === `${edition}:${k}`)
const codesOf = (edition: '2013' | '2026', kind: 'component' | 'event', big: string) =>
  builtInCatalog(edition)
    .classes.filter((c) => c.kind === kind && c.bigClassCode === big)
    .map((c) => c.code)

test('both data files parse, oldest first', () => {
  assert.deepEqual(
    builtInCatalogs().map((c) => [c.edition, c.standard, c.version]),
    [
      ['2013', 'GB/T 30428.2-2013', '2013.1'],
      ['2026', 'GB/T 47678.5-2026', '2026.1'],
    ],
  )
  assert.equal(builtInCatalogs(), builtInCatalogs(), 'parsed once and shared')
})

test('2026 has 153 components and 250 matters', () => {
  assert.equal(c2026.classes.filter((c) => c.kind === 'component').length, 153)
  assert.equal(c2026.classes.filter((c) => c.kind === 'event').length, 250)
  const perBig = (kind: 'component' | 'event') =>
    c2026.bigClasses.filter((b) => b.kind === kind).map((b) => [b.code, codesOf('2026', kind, b.code).length])
  assert.deepEqual(perBig('component'), [
    ['01', 76],
    ['02', 44],
    ['03', 16],
    ['04', 14],
    ['05', 3],
  ])
  assert.deepEqual(perBig('event'), [
    ['01', 76],
    ['02', 44],
    ['03', 16],
    ['04', 14],
    ['05', 3],
    ['06', 51],
    ['07', 7],
    ['08', 16],
    ['09', 21],
    ['10', 2],
  ])
})

test('2026 keeps the numbering gaps as gaps', () => {
  const has = (k: string) => find('2026', k) !== undefined
  for (const gap of [
    'component:01016',
    'component:05001',
    'component:05004',
    'component:05008',
    'event:01016',
  ]) {
    assert.equal(has(gap), false, gap)
  }
  for (const gap of ['event:06031', 'event:07005', 'event:09007']) assert.equal(has(gap), false, gap)
  assert.deepEqual(codesOf('2026', 'component', '05'), ['05002', '05003', '05009'])
})

test('2026 matters 01–05 mirror every component as 〈名称〉异常', () => {
  const components = c2026.classes.filter((c) => c.kind === 'component')
  for (const comp of components) {
    const matter = find('2026', `event:${comp.code}`)
    assert.ok(matter, comp.code)
    assert.equal(matter.name, `${comp.name}异常`)
    assert.equal(matter.componentCode, comp.code)
    assert.equal(matter.defaultUnitType, comp.defaultUnitType)
    // Same conditions, spoken of the component ('供水井盖丢失…', not '供水井盖异常丢失…'), with their own ids.
    assert.deepEqual(
      matter.conditions.map((c) => ({ ...c, id: c.id.replace(':event:', ':component:') })),
      comp.conditions,
    )
  }
  assert.equal(c2026.classes.filter((c) => c.componentCode !== undefined).length, 153)
  assert.equal(find('2026', 'event:06010')?.name, '暴露垃圾')
  assert.equal(find('2026', 'event:10002')?.name, '架空线缆脱落')
})

test('2013 counts, known codes and uncertain positions', () => {
  assert.equal(c2013.classes.filter((c) => c.kind === 'component').length, 85)
  assert.equal(c2013.classes.filter((c) => c.kind === 'event').length, 49)
  assert.equal(find('2013', 'component:0101')?.name, '上水井盖')
  assert.equal(find('2013', 'component:0127')?.name, '中水井盖')
  assert.equal(find('2013', 'component:0213')?.name, '路名牌')
  assert.equal(find('2013', 'component:0210'), undefined, '0210 is not known: kept as a gap')
  assert.equal(find('2013', 'event:0401')?.name, '路面塌陷')
  assert.equal(find('2013', 'event:0510')?.name, '露天烧烤')
  // [S] codes carry no note; names-only and uncertain event numbering do.
  assert.equal(find('2013', 'component:0126')?.note, undefined)
  assert.match(find('2013', 'component:0128')?.note ?? '', /code position uncertain \(standards\.md §4\.1\)/)
  for (const code of codesOf('2013', 'event', '01'))
    assert.match(find('2013', `event:${code}`)?.note ?? '', /uncertain/)
  assert.equal(find('2013', 'event:0301')?.note, undefined)
  assert.match(find('2013', 'event:0306')?.note ?? '', /uncertain/)
  assert.deepEqual(codesOf('2013', 'component', '06'), ['0601', '0602', '0603', '0604', '0605', '0606'])
})

test('every class has 1–3 conditions with bilingual text and a closing condition', () => {
  for (const catalog of builtInCatalogs()) {
    for (const c of catalog.classes) {
      assert.ok(c.conditions.length >= 1 && c.conditions.length <= 3, key(c))
      assert.equal(c.local, false)
      for (const cond of c.conditions) {
        assert.ok(cond.id.startsWith(`${key(c)}:`), cond.id)
        assert.ok(/\p{Script=Han}/u.test(cond.text) && /\p{Script=Han}/u.test(cond.closing), cond.id)
        assert.ok(/^[A-Z]/.test(cond.textEn) && !/\p{Script=Han}/u.test(cond.textEn), cond.id)
      }
    }
  }
})

test('the four 第9条 hazards are present in both editions, urgent, with 2 natural hours on site', () => {
  const hazards = new Map<string, Set<SafetyHazard>>()
  for (const catalog of builtInCatalogs()) {
    for (const c of catalog.classes) {
      for (const cond of c.conditions) {
        if (!cond.safetyHazard) {
          assert.equal(cond.onSiteLimit, undefined)
          continue
        }
        assert.equal(cond.urgency, 'urgent', cond.id)
        assert.deepEqual(cond.onSiteLimit, { amount: 2, unit: 'natural-hours' }, cond.id)
        const set = hazards.get(catalog.edition) ?? new Set()
        hazards.set(catalog.edition, set.add(cond.safetyHazard))
      }
    }
  }
  const all = ['manhole-cover', 'overhead-line-fall', 'pole-tilt', 'road-collapse']
  assert.deepEqual([...(hazards.get('2013') ?? [])].sort(), all)
  assert.deepEqual([...(hazards.get('2026') ?? [])].sort(), all)
})

test('every manhole cover of both editions carries the cover hazard', () => {
  const covers = builtInCatalogs().flatMap((c) =>
    c.classes.filter((x) => /井盖|雨水箅子|沟槽盖板/.test(x.name)),
  )
  assert.equal(covers.length, 17 + 22 + 22)
  for (const c of covers) {
    const cond = c.conditions.find((x) => x.safetyHazard === 'manhole-cover')
    assert.ok(cond, key(c))
    assert.match(cond.text, /丢失、破损\/移位$/)
  }
  const flagged = (edition: '2013' | '2026', hazard: SafetyHazard) =>
    builtInCatalog(edition)
      .classes.filter((c) => c.conditions.some((x) => x.safetyHazard === hazard))
      .map(key)
  assert.deepEqual(flagged('2013', 'road-collapse'), ['2013:event:0401'])
  assert.deepEqual(flagged('2026', 'road-collapse'), ['2026:event:06013'])
  assert.deepEqual(flagged('2013', 'overhead-line-fall'), ['2013:event:0408'])
  assert.deepEqual(flagged('2026', 'overhead-line-fall'), ['2026:event:06008', '2026:event:10002'])
  assert.deepEqual(flagged('2013', 'pole-tilt'), ['2013:component:0117', '2013:component:0118'])
  const poles = ['01030', '01031', '01032', '01033', '01034', '01037', '01077']
  assert.deepEqual(flagged('2026', 'pole-tilt'), [
    ...poles.map((p) => `2026:component:${p}`),
    ...poles.map((p) => `2026:event:${p}`),
  ])
  assert.equal(find('2026', 'event:06013')?.conditions.find((x) => x.safetyHazard)?.text, '路面脱空、塌陷')
})

test('default unit types follow the owner', () => {
  const unit = (edition: '2013' | '2026', k: string) => find(edition, k)?.defaultUnitType
  assert.equal(unit('2026', 'component:01001'), 'water-supply')
  assert.equal(unit('2026', 'component:01002'), 'drainage')
  assert.equal(unit('2026', 'component:01003'), 'drainage')
  assert.equal(unit('2026', 'component:01005'), 'power')
  assert.equal(unit('2026', 'component:01006'), 'street-lighting')
  assert.equal(unit('2026', 'component:01007'), 'telecom')
  assert.equal(unit('2026', 'component:01011'), 'gas')
  assert.equal(unit('2026', 'component:01023'), 'municipal-works')
  assert.equal(unit('2013', 'component:0114'), 'municipal-works')
  assert.equal(unit('2026', 'component:04002'), 'landscaping')
  assert.equal(unit('2026', 'event:06010'), 'sanitation')
  assert.equal(unit('2026', 'event:07001'), 'law-enforcement')
  assert.equal(unit('2026', 'event:09005'), 'law-enforcement')
  assert.equal(unit('2026', 'event:09009'), 'traffic-police')
  assert.equal(unit('2013', 'event:0505'), 'traffic-police')
})

test('time limits: emergencies in natural hours, quick 市容 items in working hours, repairs in days', () => {
  const first = (edition: '2013' | '2026', k: string) => find(edition, k)?.conditions[0]?.limits
  assert.deepEqual(first('2026', 'component:01001'), {
    A: { amount: 4, unit: 'natural-hours' },
    B: { amount: 6, unit: 'natural-hours' },
    C: { amount: 8, unit: 'natural-hours' },
  })
  assert.deepEqual(first('2026', 'event:06010')?.A, { amount: 2, unit: 'working-hours' })
  assert.deepEqual(first('2026', 'event:06013')?.C, { amount: 5, unit: 'working-days' })
})

test('data files are stable: sorted by kind and code, pretty-printed with 2 spaces', () => {
  for (const name of ['gbt-30428.2-2013.json', 'gbt-47678.5-2026.json']) {
    const text = readFileSync(new URL(`./data/${name}`, import.meta.url), 'utf8')
    const doc = JSON.parse(text) as {
      bigClasses: { kind: string; code: string }[]
      classes: { kind: string; code: string }[]
    }
    assert.equal(text, `${JSON.stringify(doc, null, 2)}\n`, name)
    for (const list of [doc.bigClasses, doc.classes]) {
      const order = list.map((x) => `${x.kind === 'component' ? 0 : 1}:${x.code}`)
      assert.deepEqual(order, [...order].sort(), name)
    }
  }
})
