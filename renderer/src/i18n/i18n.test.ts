/* eslint-disable no-restricted-imports -- a Node test (node:test, node:assert), never part of the UI bundle */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { AREA_CLASSES, SAFETY_HAZARDS, TIME_UNITS, URGENCIES } from '../../../core/catalog/types.js'
import { COMPONENT_DATA_SOURCES, COMPONENT_STATUSES } from '../../../core/component/types.js'
import { UNIT_TYPES } from '../../../core/routing/unit-type.js'
import { SOURCE_CRSES } from '../../../core/geo/china-crs.js'
import { COMPONENT_GROUPS } from '../map/component-style.js'
import { catalogueKeys } from './catalogue.js'
import { en } from './en.js'
import { createWorkstationI18n, DATA_SOURCE_KEYS, LANGUAGES } from './index.js'
import { zhCN } from './zh-CN.js'

const catalogues = { 'zh-CN': zhCN, en } as const

function lookup(catalogue: object, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), catalogue)
}

test('zh-CN and en have the same keys, and no message is empty', () => {
  assert.deepEqual(catalogueKeys(en), catalogueKeys(zhCN))
  for (const [language, catalogue] of Object.entries(catalogues)) {
    for (const key of catalogueKeys(catalogue)) {
      const message = lookup(catalogue, key)
      assert.ok(typeof message === 'string' && message.trim() !== '', `${language}: ${key} is empty`)
    }
  }
})

test('both languages use the same placeholders in every message', () => {
  const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
  for (const key of catalogueKeys(zhCN)) {
    assert.deepEqual(placeholders(lookup(en, key) as string), placeholders(lookup(zhCN, key) as string), key)
  }
})

test('every status, unit type, hazard, limit unit, area class, datum and facility group has a label', () => {
  const groups: [string, readonly string[]][] = [
    ['componentStatus', COMPONENT_STATUSES],
    ['unitType', UNIT_TYPES],
    ['hazard', SAFETY_HAZARDS],
    ['timeUnit', TIME_UNITS],
    ['areaClass', AREA_CLASSES],
    ['urgency', URGENCIES],
    ['converter.crs', SOURCE_CRSES],
    ['componentGroup', COMPONENT_GROUPS],
    ['dataSource', COMPONENT_DATA_SOURCES.map((s) => DATA_SOURCE_KEYS[s])],
    ['language', LANGUAGES],
    ['basemap', ['tianditu-vec', 'tianditu-img', 'custom', 'none']],
  ]
  for (const [prefix, values] of groups) {
    for (const value of values) {
      for (const [language, catalogue] of Object.entries(catalogues)) {
        assert.equal(typeof lookup(catalogue, `${prefix}.${value}`), 'string', `${language}: ${prefix}.${value}`)
      }
    }
  }
})

test('every literal key the UI passes to t() exists', () => {
  const src = fileURLToPath(new URL('..', import.meta.url))
  const files: string[] = []
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      // Templates of single-file components call t() too.
      else if ((path.endsWith('.ts') || path.endsWith('.vue')) && !path.endsWith('.test.ts')) files.push(path)
    }
  }
  walk(src)
  let checked = 0
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g)) {
      assert.equal(typeof lookup(zhCN, match[1]!), 'string', `${file}: t('${match[1]}') is not in the catalogue`)
      checked++
    }
  }
  assert.ok(checked > 100, `found the UI's keys (${checked})`)
})

test('every message compiles and interpolates in vue-i18n', () => {
  const i18n = createWorkstationI18n('zh-CN')
  const values = { message: 'M', n: 3, z: 15, time: 'T', rule: 'R', type: 'X', area: 'A', a: 1, b: 2, c: 3, limit: 'L', hazard: 'H', url: 'U', cells: 9, xyz: '{z}', wmts: '{TileMatrix}', m: 4, role: 'R', field: 'F', action: 'A', number: 'N', status: 'S', actions: 'X', count: 5, from: 'F', to: 'T', shown: 6, total: 7 }
  for (const language of LANGUAGES) {
    i18n.global.locale.value = language
    for (const key of catalogueKeys(zhCN)) {
      const text = i18n.global.t(key, values)
      assert.ok(text && text !== key && !/\{\w+\}/.test(text.replace(/\{z\}|\{TileMatrix\}/g, '')), `${language}: ${key} → ${text}`)
    }
  }
  i18n.global.locale.value = 'en'
  assert.equal(i18n.global.t('timeUnit.working-days', { n: 3 }), '3 working days')
  assert.equal(i18n.global.t('settings.customUrlHint', values), 'An XYZ template has {z}; a WMTS template has {TileMatrix}')
})
