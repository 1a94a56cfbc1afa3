/* eslint-disable no-restricted-imports -- a Node test (node:test, node:assert), never part of the UI bundle */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { CaseEventView, Language } from '../../../contracts/bridge/index.js'
import { TRANSITIONS } from '../../../core/case/transitions.js'
import { CASE_STATUSES, ROLES, type CaseAction } from '../../../core/case/types.js'
import { createWorkstationI18n, LANGUAGES } from '../i18n/index.js'
import { eventText, SYSTEM_EVENT_TYPES, type EventLookups } from './event-text.js'

// Every event type the timeline can hold — each row of core's transitions table, 上报, and the server's light and
// 第9条 arrival events — reads as sentences in both languages: no key of a unit, category, status, role, action,
// stage or result, no placeholder left open.

const UNIT = 'hl-sanitation'
const OTHER_UNIT = 'city-water-supply'
const CATEGORY = '2026:event:09010'
const NAMES: Record<Language, Record<string, string>> = {
  'zh-CN': { [UNIT]: '海陵区环卫处', [OTHER_UNIT]: '市自来水公司', [CATEGORY]: '乱堆物料' },
  en: { [UNIT]: 'Hailing Sanitation Office', [OTHER_UNIT]: 'City Water Supply', [CATEGORY]: 'Materials piled up' },
}
const lookups = (language: Language): EventLookups => ({
  unitName: (id) => NAMES[language][id] ?? null,
  categoryName: (key) => NAMES[language][key] ?? null,
  conditionText: () => (language === 'en' ? 'Over 1 square metre' : '堆放面积超过1平方米'),
})

const limit = { amount: 2, unit: 'working-days' }
/** A payload each action's command may carry, every optional field filled. */
const PAYLOADS: Record<CaseAction, Record<string, unknown>> = {
  accept: { note: '来电属实' },
  'not-accept': { reason: '重复上报' },
  'request-verify': { inspectorId: 'wang5' },
  'verify-result': { result: 'confirmed', note: '现场属实', photoIds: ['p1'] },
  register: { categoryKey: CATEGORY, conditionId: `${CATEGORY}:01`, urgency: 'urgent', safetyHazard: 'manhole-cover', handleLimit: limit },
  'not-register': { reason: '不属于城管范围' },
  void: { reason: '误报' },
  dispatch: { unitId: UNIT, note: '请尽快处理' },
  'sub-dispatch': { subUnitId: OTHER_UNIT },
  sign: {},
  dispute: { reason: '不属本单位职责' },
  arbitrate: { unitId: OTHER_UNIT, note: '按职责改派' },
  'request-extension': { duration: { amount: 1, unit: 'working-days' }, reason: '需采购材料' },
  'approve-extension': { note: '同意' },
  'refuse-extension': { note: '不同意' },
  'request-return': { reason: '派错单位' },
  'approve-return': {},
  'refuse-return': {},
  'request-park': { reason: '需立项施工' },
  'approve-park': {},
  'refuse-park': {},
  resume: { note: '施工完成' },
  'report-arrival': { lon: 119.92, lat: 32.49, photoId: 'p2', measures: '设置围挡和警示标志' },
  handle: { note: '已清理', afterPhotoIds: ['p3', 'p4'] },
  'request-check': { inspectorId: 'wang5' },
  'check-result': { note: '已修复', photoIds: ['p5'], unitId: OTHER_UNIT },
  'self-handle': { note: '已扶正', afterPhotoIds: ['p6'] },
  'approve-self-handle': {},
  'refuse-self-handle': { note: '照片不清' },
  supervise: { note: '立即到场' },
  'rapid-handle': { team: '快速处置一队', costYuan: 300, note: '已排险', afterPhotoIds: ['p7'] },
}

function eventsToRender(): CaseEventView[] {
  const base = { seq: 1, version: 2, at: '2026-03-02T01:30:00Z', actorId: 'zhang3', photoIds: [] }
  const out: CaseEventView[] = [
    {
      ...base,
      type: 'create',
      role: 'inspector',
      from: null,
      to: 'reported',
      payload: { categoryKey: CATEGORY, source: 'inspector', urgency: 'urgent', safetyHazard: 'manhole-cover', handleLimit: limit, areaClass: 'A' },
    },
  ]
  for (const row of TRANSITIONS) {
    const froms = row.from === '*open*' ? ['handling' as const] : typeof row.from === 'string' ? [row.from] : row.from
    for (const from of froms) {
      const payload = { ...PAYLOADS[row.action], ...(row.action === 'check-result' ? { outcome: row.outcome } : {}), ...(row.action === 'arbitrate' ? { decision: row.outcome } : {}) }
      out.push({ ...base, type: row.action, role: row.roles[0]!, from, to: row.to === 'same' ? from : row.to, payload })
    }
  }
  const system = { ...base, actorId: 'system', role: 'system', from: 'handling', to: 'handling' }
  out.push(
    { ...system, type: 'light', payload: { light: 'yellow', previous: 'green', stage: 'handle', deadline: '2026-03-04T09:30:00Z', yellowShare: 0.8 } },
    { ...system, type: 'light', payload: { light: 'yellow', previous: 'green', stage: 'handle', deadline: '2026-03-04T09:30:00Z' } },
    { ...system, type: 'light', payload: { light: 'red', previous: 'yellow', stage: 'on-site', deadline: '2026-03-04T09:30:00Z' } },
    { ...system, type: 'arrival-missing', payload: { deadline: '2026-03-02T03:30:00Z', unitId: OTHER_UNIT, hazard: 'manhole-cover' } },
    { ...system, type: 'arrival-late', payload: { deadline: '2026-03-02T03:30:00Z', arrivedAt: '2026-03-02T04:00:00Z', unitId: OTHER_UNIT } },
  )
  return out
}

/**
 * Keys that must never show: kebab-case words, category keys, ids, open placeholders, JS leftovers; in Chinese
 * also any Latin status, role or result key (English sentences use such words as words: "reported").
 */
function rawKeys(sentence: string, language: Language): string[] {
  const found: string[] = []
  for (const m of sentence.matchAll(/\b[a-z]+(?:-[a-z]+)+\b/g)) found.push(m[0])
  for (const m of sentence.matchAll(/\d{4}:(?:event|component)\S*/g)) found.push(m[0])
  const words = language === 'en' ? [] : [...CASE_STATUSES, ...ROLES, ...SYSTEM_EVENT_TYPES, 'confirmed', 'unfounded', 'working']
  for (const word of ['undefined', 'null', '[object', '{', '}', UNIT, OTHER_UNIT, ...words]) {
    if (new RegExp(`(^|[^a-z])${word.replace(/[[{}]/g, '\\$&')}($|[^a-z])`).test(sentence)) found.push(word)
  }
  return found
}

test('every event type of the transitions table, 上报 and the system events reads as sentences in both languages', () => {
  const events = eventsToRender()
  const types = new Set(events.map((e) => e.type))
  for (const row of TRANSITIONS) assert.ok(types.has(row.action), row.action)
  for (const s of SYSTEM_EVENT_TYPES) assert.ok(types.has(s), s)
  for (const language of LANGUAGES) {
    const i18n = createWorkstationI18n(language)
    const t = i18n.global.t as (key: string, values?: Record<string, unknown>) => string
    const other = t('caseEvent.title.other')
    for (const e of events) {
      const out = eventText(e, t, language, lookups(language))
      const where = `${language} ${e.type} ${e.from}→${e.to} ${JSON.stringify(e.payload)}`
      assert.notEqual(out.title, other, `${where}: no sentence of its own`)
      for (const sentence of [out.title, out.change ?? '', ...out.details]) {
        assert.deepEqual(rawKeys(sentence, language), [], `${where}: "${sentence}"`)
        assert.ok(!sentence.startsWith('caseEvent.'), `${where}: missing message ${sentence}`)
      }
      // Who: the role's name (or "system"), never the role key.
      assert.deepEqual(rawKeys(out.by.replace(e.actorId, ''), language), [], `${where}: "${out.by}"`)
      // The status shows once: no "已派遣 → 已派遣" (上报 says it in its title).
      if (e.from === e.to || e.from === null) assert.equal(out.change, null, where)
      else assert.ok(out.change, where)
    }
  }
})

test('units, categories and lights are named; payload fields read as sentences', () => {
  const zh = createWorkstationI18n('zh-CN').global.t as (key: string, values?: Record<string, unknown>) => string
  const en = createWorkstationI18n('en').global.t as (key: string, values?: Record<string, unknown>) => string
  const events = eventsToRender()
  const find = (type: string, pred: (e: CaseEventView) => boolean = () => true) => events.find((e) => e.type === type && pred(e))!
  const yellow = find('light', (e) => e.payload.yellowShare === 0.8)
  assert.equal(eventText(yellow, zh, 'zh-CN', lookups('zh-CN')).title, '亮黄灯：处置时限已过80%')
  assert.equal(eventText(yellow, en, 'en', lookups('en')).title, 'Yellow light: 80% of the Handling time limit has passed')
  assert.equal(eventText(find('light', (e) => e.payload.light === 'red'), zh, 'zh-CN', lookups('zh-CN')).title, '亮红灯：到场已超时')
  const light = eventText(yellow, zh, 'zh-CN', lookups('zh-CN'))
  assert.equal(light.by, '系统自动')
  assert.equal(light.change, null)
  assert.equal(eventText(find('arrival-missing'), zh, 'zh-CN', lookups('zh-CN')).title, '市自来水公司未在2小时内到场，已上报值班长')
  const verify = eventText(find('verify-result'), zh, 'zh-CN', lookups('zh-CN'))
  assert.equal(verify.title, '核实反馈：情况属实')
  assert.deepEqual(verify.details, ['说明：现场属实', '附照片 1 张'])
  const register = eventText(find('register'), zh, 'zh-CN', lookups('zh-CN'))
  assert.equal(register.title, '立案，并改为类别「乱堆物料」')
  assert.ok(register.details.includes('立案条件：堆放面积超过1平方米'))
  assert.equal(register.change, '状态由「已受理」转为「已立案」')
  assert.equal(eventText(find('dispatch', (e) => e.from === 'registered'), zh, 'zh-CN', lookups('zh-CN')).title, '派遣给海陵区环卫处')
  assert.equal(eventText(find('dispatch', (e) => e.from === 'dispatched'), zh, 'zh-CN', lookups('zh-CN')).title, '改派给海陵区环卫处')
  const dispatch = eventText(find('dispatch'), en, 'en', lookups('en'))
  assert.equal(dispatch.by, 'Dispatcher zhang3')
  // An id not known yet is never shown as itself.
  const unknown = eventText({ ...find('dispatch'), payload: { unitId: 'x-unknown' } }, zh, 'zh-CN', lookups('zh-CN'))
  assert.equal(unknown.title, '派遣给责任单位')
})
