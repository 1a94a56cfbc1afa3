import { test } from 'node:test'
import assert from 'node:assert/strict'
import raw2013 from './data/gbt-30428.2-2013.json' with { type: 'json' }
import { CatalogError } from './read-json.js'
import { checkCatalog, parseCatalog } from './validate-catalog.js'

// The tests break copies of real data in arbitrary ways, so the copy is deliberately untyped.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any

/** A deep copy of the 2013 data file, to break. */
const fresh = (): Json => structuredClone(raw2013)
const cls = (doc: Json, i: number): Json => doc.classes[i]

/** The issue lines of a catalog that must fail. */
function issuesOf(doc: unknown): string[] {
  const result = checkCatalog(doc)
  assert.equal(result.ok, false, 'expected the catalog to be rejected')
  return result.ok ? [] : result.issues.map((i) => `${i.path}: ${i.message}`)
}

test('the untouched data file parses', () => {
  const catalog = parseCatalog(fresh())
  assert.equal(catalog.edition, '2013')
  assert.equal(catalog.classes.length, 134)
  assert.ok(Object.isFrozen(catalog.classes[0]?.conditions[0]?.limits.A))
})

test('a bad time unit is reported at its path', () => {
  const doc = fresh()
  cls(doc, 12).conditions[0].limits.B.unit = 'hours'
  assert.deepEqual(issuesOf(doc), [
    'classes[12].conditions[0].limits.B.unit: expected one of working-hours, working-days, natural-hours, got "hours"',
  ])
})

test('parseCatalog throws a CatalogError listing the paths', () => {
  const doc = fresh()
  cls(doc, 3).name = ''
  cls(doc, 5).defaultUnitType = 'fire-brigade'
  assert.throws(
    () => parseCatalog(doc),
    (e: unknown) =>
      e instanceof CatalogError &&
      e.issues.length === 2 &&
      e.message.includes('classes[3].name: expected a non-empty string, got ""') &&
      e.message.includes(
        'classes[5].defaultUnitType: expected a unit type (core/routing/unit-type.ts), got "fire-brigade"',
      ),
  )
})

test('code shapes per edition and big-class prefix', () => {
  const doc = fresh()
  cls(doc, 0).code = '01001'
  cls(doc, 1).code = '0299'
  const issues = issuesOf(doc)
  assert.ok(
    issues.includes('classes[0].code: expected a 4-digit 2013 small-class code, got "01001"'),
    issues.join('\n'),
  )
  assert.ok(
    issues.includes('classes[1].code: "0299" does not start with its big class "01"'),
    issues.join('\n'),
  )
})

test('duplicate codes, unknown big classes and duplicate condition ids', () => {
  const doc = fresh()
  cls(doc, 1).code = '0101'
  cls(doc, 1).conditions.forEach((c: Json, i: number) => (c.id = `2013:component:0101:9${i}`))
  cls(doc, 2).bigClassCode = '09'
  cls(doc, 2).code = '0901'
  cls(doc, 2).conditions.forEach((c: Json, i: number) => (c.id = `2013:component:0901:0${i + 1}`))
  cls(doc, 3).conditions[1].id = cls(doc, 3).conditions[0].id
  const issues = issuesOf(doc)
  assert.ok(
    issues.includes('classes[1].code: duplicate component code "0101" (also classes[0])'),
    issues.join('\n'),
  )
  assert.ok(issues.includes('classes[2].bigClassCode: no component big class "09"'), issues.join('\n'))
  assert.ok(
    issues.includes(
      'classes[3].conditions[1].id: duplicate condition id "2013:component:0104:01" (also classes[3].conditions[0].id)',
    ),
    issues.join('\n'),
  )
})

test('A ≤ B ≤ C where units agree', () => {
  const doc = fresh()
  cls(doc, 0).conditions[0].limits.A = { amount: 12, unit: 'natural-hours' }
  assert.deepEqual(issuesOf(doc), [
    'classes[0].conditions[0].limits: A (12 natural-hours) must not exceed B (6 natural-hours)',
  ])
  const mixed = fresh()
  mixed.classes[0]!.conditions = [
    {
      ...cls(mixed, 0).conditions[1],
      limits: {
        A: { amount: 9, unit: 'working-days' },
        B: { amount: 8, unit: 'natural-hours' },
        C: { amount: 5, unit: 'working-days' },
      },
    },
  ]
  assert.deepEqual(issuesOf(mixed), [
    'classes[0].conditions[0].limits: A (9 working-days) must not exceed C (5 working-days)',
  ])
})

test('safetyHazard ⇔ onSiteLimit of 2 natural hours, and urgent', () => {
  const doc = fresh()
  delete cls(doc, 0).conditions[0].onSiteLimit
  cls(doc, 1).conditions[0].onSiteLimit = { amount: 4, unit: 'natural-hours' }
  cls(doc, 2).conditions[1].onSiteLimit = { amount: 2, unit: 'natural-hours' }
  cls(doc, 4).conditions[0].urgency = 'normal'
  cls(doc, 5).conditions[0].safetyHazard = 'flood'
  assert.deepEqual(issuesOf(doc), [
    'classes[0].conditions[0].onSiteLimit: required with safetyHazard: 2 natural-hours (第9条)',
    'classes[1].conditions[0].onSiteLimit: expected 2 natural-hours (第9条), got 4 natural-hours',
    'classes[2].conditions[1].onSiteLimit: allowed only with safetyHazard',
    'classes[4].conditions[0].urgency: a safety-hazard condition must be urgent',
    'classes[5].conditions[0].safetyHazard: expected one of manhole-cover, road-collapse, overhead-line-fall, pole-tilt, got "flood"',
  ])
})

test('structure errors: root, missing and unknown fields, empty conditions, wrong ids', () => {
  assert.deepEqual(issuesOf([]), ['(root): expected an object, got an array'])
  const doc = fresh()
  delete (doc as Record<string, unknown>).version
  cls(doc, 0).safetyHazzard = 'pole-tilt'
  cls(doc, 1).conditions = []
  cls(doc, 2).conditions[0].id = '2013:component:0101:01'
  doc.bigClasses[0]!.edition = '2026'
  assert.deepEqual(issuesOf(doc), [
    'version: required',
    'bigClasses[0].edition: expected "2013" (the catalog\'s edition), got "2026"',
    'classes[0]: unknown field "safetyHazzard"',
    'classes[1].conditions: expected at least one filing condition',
    'classes[2].conditions[0].id: expected "2013:component:0103:" followed by letters, digits or "-", got "2013:component:0101:01"',
  ])
})

test('edition, standard and version must agree', () => {
  const doc = fresh()
  doc.standard = 'GB/T 47678.5-2026'
  doc.version = '2026.1'
  assert.deepEqual(issuesOf(doc), [
    'standard: expected "GB/T 30428.2-2013" for edition 2013, got "GB/T 47678.5-2026"',
    'version: expected "2013.<n>" optionally followed by "+<city>.<n>", got "2026.1"',
  ])
})

test('componentCode only on 2026 matters', () => {
  const doc = fresh()
  cls(doc, 0).componentCode = '0101'
  assert.deepEqual(issuesOf(doc), ['classes[0].componentCode: allowed only on 2026 matters (kind event)'])
})

test('a missing field is reported once', () => {
  const doc = fresh()
  delete cls(doc, 0).defaultUnitType
  delete cls(doc, 0).conditions[0].limits.C
  assert.deepEqual(issuesOf(doc), [
    'classes[0].defaultUnitType: required',
    'classes[0].conditions[0].limits.C: required',
  ])
  assert.deepEqual(issuesOf(undefined), ['(root): expected an object, got nothing'])
})
