import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { addWorkingTime, shiftDeadline } from '../../../core/time/calendar.js'
import { DATABASES } from '../databases.js'
import { seededApi, testClock, type SeededApi } from '../seeded.js'
import { signIn, signInAll, uploadPhoto, type Caller } from '../helpers.js'

// Every seed path of the loop (泰州办法 第6–10条, standards.md §5) through the API, each step by the demo
// account whose role the transitions table names, in the demo city's 海陵区.

/** In grid 321202001001001 (城中街道, area class A): the demo inspector's duty grids. */
const HAILING = { lon: 119.92, lat: 32.49 }
/** 暴露垃圾 → 海陵区环卫处, 2 working hours in area A. */
const GARBAGE = '2026:event:06010'
/** 上水井盖 → 泰州市自来水公司; a 第9条 safety hazard (2-hour arrival). */
const COVER = '2013:component:0101'
/** Monday 2026-03-02 09:00 in Taizhou: a working morning. */
const MONDAY_0900 = '2026-03-02T01:00:00Z'

type Case = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

for (const backend of DATABASES) {
  describe(`case loop paths on ${backend.name}`, () => {
    let s: SeededApi
    let u: Record<string, Caller>
    let photo: string
    const clock = testClock(MONDAY_0900)

    before(async () => {
      s = await seededApi(backend, { components: false, onlyDistrict: '321202', clock })
      u = await signInAll(s.app)
      photo = await uploadPhoto(u.inspector!)
    })
    after(() => s.close())

    const by = (name: string) => u[name]!

    async function report(who: string, body: Record<string, unknown> = {}): Promise<Case> {
      const r = await by(who).post('/api/v1/cases', { ...HAILING, categoryKey: GARBAGE, description: '路边暴露垃圾', photoIds: [photo], ...body })
      assert.equal(r.status, 201, `report by ${who}: ${JSON.stringify(r.body)}`)
      return r.body.case
    }

    /** One step: 5 minutes later, `who` gives `action` on the version it last saw. */
    async function act(who: string, c: Case, action: string, payload: Record<string, unknown> = {}): Promise<Case> {
      clock.advance(5 * 60_000)
      const r = await by(who).post(`/api/v1/cases/${c.id}/actions`, { action, version: c.version, ...payload })
      assert.equal(r.status, 200, `${action} by ${who} on ${c.status}: ${JSON.stringify(r.body)}`)
      assert.equal(r.body.case.version, c.version + 1)
      return r.body.case
    }

    async function events(c: Case): Promise<Case[]> {
      const r = await by('shift-leader').get(`/api/v1/cases/${c.id}/events`)
      assert.equal(r.status, 200)
      return r.body.events
    }

    /** reported → accepted → registered → dispatched (to `unit`) → handling. */
    async function toHandling(unit = 'hl-sanitation', handler = 'hl-sanitation', c?: Case): Promise<Case> {
      let k = c ?? (await report('inspector'))
      k = await act('receiver', k, 'accept')
      k = await act('shift-leader', k, 'register')
      k = await act('dispatcher', k, 'dispatch', { unitId: unit })
      return act(handler, k, 'sign')
    }

    /** handling → handled → checking. */
    async function toChecking(c: Case, handler = 'hl-sanitation'): Promise<Case> {
      const handled = await act(handler, c, 'handle', { note: '已清运', afterPhotoIds: [photo] })
      return act('receiver', handled, 'request-check', { inspectorId: 'demo-inspector' })
    }

    test('report → accept → register → dispatch → sign → handle → check → close, each by its role', async () => {
      clock.set(MONDAY_0900)
      const r = await by('inspector').post('/api/v1/cases', { ...HAILING, categoryKey: GARBAGE, description: '路边暴露垃圾', address: '海陵区吉祥社区', photoIds: [photo] })
      assert.equal(r.status, 201)
      let c = r.body.case
      assert.match(c.number, /^2026-321202-\d{6}$/)
      assert.equal(c.status, 'reported')
      assert.equal(c.source, 'inspector')
      assert.deepEqual([c.location.gridId, c.location.streetCode, c.areaClass], ['321202001001001', '321202001', 'A'])
      assert.deepEqual(c.handleLimit, { amount: 2, unit: 'working-hours' })
      assert.equal(c.proposedUnitId, 'hl-sanitation')
      assert.deepEqual(r.body.proposal, { unitId: 'hl-sanitation', basis: { kind: 'rule', ruleId: 'hl-sanitation' } })
      assert.equal(c.stages.accept.deadline, '2026-03-02T02:00:00.000Z', '受理 within 1 working hour')
      assert.deepEqual(c.beforePhotoIds, [photo])

      // The receiver sees it with the accept button on; the inspector who reported it does not.
      const seen = await by('receiver').get(`/api/v1/cases/${c.id}`)
      assert.equal(seen.body.case.abilities.accept, true)
      assert.equal(c.abilities.accept, false)

      c = await act('receiver', c, 'accept')
      assert.equal(c.status, 'accepted')
      c = await act('shift-leader', c, 'register')
      assert.equal(c.status, 'registered')
      c = await act('dispatcher', c, 'dispatch', { unitId: 'hl-sanitation' })
      assert.deepEqual([c.status, c.assignedUnitId], ['dispatched', 'hl-sanitation'])
      const unitView = await by('hl-sanitation').get(`/api/v1/cases/${c.id}`)
      assert.equal(unitView.body.case.abilities.sign, true)
      c = await act('hl-sanitation', c, 'sign')
      assert.equal(c.status, 'handling')
      const after = await uploadPhoto(by('hl-sanitation'))
      c = await act('hl-sanitation', c, 'handle', { note: '已清运', afterPhotoIds: [after] })
      assert.deepEqual([c.status, c.afterPhotoIds], ['handled', [after]])
      c = await act('receiver', c, 'request-check', { inspectorId: 'demo-inspector' })
      assert.deepEqual([c.status, c.inspectorId], ['checking', 'demo-inspector'])
      c = await act('inspector', c, 'check-result', { outcome: 'close', note: '现场已清理' })
      assert.deepEqual([c.status, c.statusGroup, c.evaluation.closeKind], ['closed', 'closed', 'normal'])
      assert.ok(c.closedAt)
      assert.deepEqual(c.evaluation.onTime, {
        accept: true,
        verify: null,
        register: true,
        dispatch: true,
        sign: true,
        handle: true,
        'on-site': null,
        check: true,
        close: true,
      })
      assert.equal(c.light.color, 'none')
      assert.ok(Object.values(c.abilities).every((v) => v === false), 'a closed case offers no actions')

      const trail = await events(c)
      assert.deepEqual(
        trail.map((e) => [e.type, e.from, e.to, e.role]),
        [
          ['create', null, 'reported', 'inspector'],
          ['accept', 'reported', 'accepted', 'receiver'],
          ['register', 'accepted', 'registered', 'shift-leader'],
          ['dispatch', 'registered', 'dispatched', 'dispatcher'],
          ['sign', 'dispatched', 'handling', 'unit-handler'],
          ['handle', 'handling', 'handled', 'unit-handler'],
          ['request-check', 'handled', 'checking', 'receiver'],
          ['check-result', 'checking', 'closed', 'inspector'],
        ],
      )
      assert.deepEqual(trail.map((e) => e.seq), [1, 2, 3, 4, 5, 6, 7, 8])
      assert.deepEqual(trail[5]!.photoIds, [after])
      assert.equal(trail[3]!.payload.unitId, 'hl-sanitation')
    })

    test('rework: 再次处置 sends it back to the same unit and counts 返工', async () => {
      clock.set(MONDAY_0900)
      let c = await toChecking(await toHandling())
      c = await act('inspector', c, 'check-result', { outcome: 'rehandle', note: '仍有残留' })
      assert.deepEqual([c.status, c.assignedUnitId, c.evaluation.reworkCount], ['handling', 'hl-sanitation', 1])
      c = await toChecking(c)
      c = await act('inspector', c, 'check-result', { outcome: 'close' })
      assert.deepEqual([c.status, c.evaluation.reworkCount], ['closed', 1])
    })

    test('redispatch: 重新派遣 moves the case to another unit, which then sees and handles it', async () => {
      clock.set(MONDAY_0900)
      let c = await toChecking(await toHandling())
      c = await act('dispatcher', c, 'check-result', { outcome: 'redispatch', unitId: 'hl-law-enforcement' })
      assert.deepEqual([c.status, c.assignedUnitId, c.previousUnitIds, c.evaluation.redispatchCount], ['dispatched', 'hl-law-enforcement', ['hl-sanitation'], 1])
      assert.equal((await by('hl-sanitation').get(`/api/v1/cases/${c.id}`)).status, 404, 'the first unit no longer sees it')
      c = await act('hl-law-enforcement', c, 'sign')
      c = await toChecking(c, 'hl-law-enforcement')
      c = await act('shift-leader', c, 'check-result', { outcome: 'close' })
      assert.equal(c.status, 'closed')
    })

    test('unqualified: only the shift leader closes a case as 不合格办结', async () => {
      clock.set(MONDAY_0900)
      const c = await toChecking(await toHandling())
      const refused = await by('inspector').post(`/api/v1/cases/${c.id}/actions`, { action: 'check-result', version: c.version, outcome: 'close-unqualified' })
      assert.equal(refused.status, 403)
      const closed = await act('shift-leader', c, 'check-result', { outcome: 'close-unqualified', note: '超期且质量不达标' })
      assert.deepEqual([closed.status, closed.evaluation.closeKind], ['closed', 'unqualified'])
    })

    test('dispute: the unit disputes, the center upholds or redispatches (第8条)', async () => {
      clock.set(MONDAY_0900)
      const dispatched = async () => {
        let c = await report('inspector')
        c = await act('receiver', c, 'accept')
        c = await act('shift-leader', c, 'register')
        return act('dispatcher', c, 'dispatch', { unitId: 'hl-sanitation' })
      }
      let c = await act('hl-sanitation', await dispatched(), 'dispute', { reason: '不属于本单位职责' })
      assert.deepEqual([c.status, c.pending.kind, c.evaluation.disputeCount], ['disputed', 'dispute', 1])
      c = await act('dispatcher', c, 'arbitrate', { decision: 'uphold', note: '属环卫职责' })
      assert.deepEqual([c.status, c.assignedUnitId, c.pending], ['handling', 'hl-sanitation', null])

      let d = await act('hl-sanitation', await dispatched(), 'dispute', { reason: '属执法范围' })
      const noUnit = await by('dispatcher').post(`/api/v1/cases/${d.id}/actions`, { action: 'arbitrate', version: d.version, decision: 'redispatch' })
      assert.deepEqual([noUnit.status, noUnit.body.error.field], [400, 'body.unitId'])
      d = await act('dispatcher', d, 'arbitrate', { decision: 'redispatch', unitId: 'hl-law-enforcement' })
      assert.deepEqual([d.status, d.assignedUnitId, d.evaluation.redispatchCount], ['dispatched', 'hl-law-enforcement', 1])
    })

    test('extension: approved moves the handle deadline on the calendar; refused does not; at most two', async () => {
      clock.set(MONDAY_0900)
      let c = await toHandling()
      const before = c.stages.handle.deadline
      c = await act('hl-sanitation', c, 'request-extension', { duration: { amount: 1, unit: 'working-days' }, reason: '需调派清运车' })
      assert.deepEqual([c.status, c.pending.kind], ['extension-requested', 'extension'])
      c = await act('dispatcher', c, 'approve-extension')
      const { rules } = await s.app.caseRules.get()
      const expected = addWorkingTime(new Date(before), { amount: 1, unit: 'working-days' }, rules.calendar).toISOString()
      assert.deepEqual([c.status, c.stages.handle.deadline, c.evaluation.extensionCount], ['handling', expected, 1])
      assert.deepEqual(c.evaluation.extensions, [{ amount: 1, unit: 'working-days' }])
      c = await act('hl-sanitation', c, 'request-extension', { duration: { amount: 2, unit: 'working-hours' }, reason: '再延' })
      c = await act('shift-leader', c, 'refuse-extension', { note: '不予延期' })
      assert.deepEqual([c.status, c.stages.handle.deadline, c.evaluation.extensionCount], ['handling', expected, 1])
      c = await act('hl-sanitation', c, 'request-extension', { duration: { amount: 2, unit: 'working-hours' }, reason: '第二次' })
      c = await act('dispatcher', c, 'approve-extension')
      const third = await by('hl-sanitation').post(`/api/v1/cases/${c.id}/actions`, {
        action: 'request-extension',
        version: c.version,
        duration: { amount: 1, unit: 'working-hours' },
        reason: '第三次',
      })
      assert.equal(third.status, 409)
      assert.equal(third.body.error.code, 'GUARD')
      assert.match(third.body.error.message, /extension limit/)
    })

    test('return: an approved 回退 sends the case back to the center for redispatch; a refused one does not', async () => {
      clock.set(MONDAY_0900)
      let c = await toHandling()
      c = await act('hl-sanitation', c, 'request-return', { reason: '派错单位' })
      c = await act('shift-leader', c, 'refuse-return')
      assert.deepEqual([c.status, c.assignedUnitId], ['handling', 'hl-sanitation'])
      c = await act('hl-sanitation', c, 'request-return', { reason: '派错单位' })
      c = await act('dispatcher', c, 'approve-return')
      assert.deepEqual([c.status, c.assignedUnitId, c.previousUnitIds], ['registered', null, ['hl-sanitation']])
      c = await act('dispatcher', c, 'dispatch', { unitId: 'hl-law-enforcement' })
      assert.deepEqual([c.status, c.assignedUnitId, c.evaluation.redispatchCount], ['dispatched', 'hl-law-enforcement', 1])
    })

    test('park and resume: 挂账 stops the clock; the handle deadline moves by the parked working time', async () => {
      clock.set(MONDAY_0900)
      let c = await toHandling()
      const deadline = c.stages.handle.deadline
      c = await act('hl-sanitation', c, 'request-park', { reason: '待资金到位' })
      c = await act('dispatcher', c, 'refuse-park')
      assert.equal(c.status, 'handling')
      c = await act('hl-sanitation', c, 'request-park', { reason: '待资金到位' })
      c = await act('dispatcher', c, 'approve-park')
      assert.deepEqual([c.status, c.parkedSince !== null, c.evaluation.parkCount], ['parked', true, 1])
      const parkedAt = c.parkedSince
      clock.advance(2 * 86_400_000)
      u.dispatcher = await signIn(s.app, 'dispatcher') // two days on, yesterday's session has run out
      c = await act('dispatcher', c, 'resume', { note: '资金已到位' })
      const { rules } = await s.app.caseRules.get()
      const expected = shiftDeadline(new Date(deadline), { from: parkedAt, to: clock.now() }, 'working-hours', rules.calendar).toISOString()
      assert.deepEqual([c.status, c.parkedSince, c.stages.handle.deadline], ['handling', null, expected])
      assert.equal(c.evaluation.parkedMs, +clock.now() - Date.parse(parkedAt))
    })

    test('self-handling: the inspector fixes it on the spot; the desk approves or refuses (自处理审核)', async () => {
      clock.set(MONDAY_0900)
      let c = await report('inspector')
      c = await act('inspector', c, 'self-handle', { note: '已当场清理', afterPhotoIds: [photo] })
      assert.equal(c.status, 'self-handled')
      c = await act('receiver', c, 'approve-self-handle')
      assert.deepEqual([c.status, c.evaluation.closeKind], ['closed', 'self-handled'])

      let d = await report('inspector')
      d = await act('inspector', d, 'self-handle', { note: '已处理', afterPhotoIds: [photo] })
      d = await act('shift-leader', d, 'refuse-self-handle', { note: '照片不清' })
      assert.equal(d.status, 'reported')
      // Only what an inspector collected can be self-handled, and only by that inspector.
      const public_ = await report('receiver', { source: 'public' })
      const r = await by('inspector').post(`/api/v1/cases/${public_.id}/actions`, { action: 'self-handle', version: 1, note: 'x', afterPhotoIds: [photo] })
      assert.equal(r.status, 403)
    })

    test('rapid handling: the center’s team handles a case no unit takes, with its cost (第9条第三款)', async () => {
      clock.set(MONDAY_0900)
      let c = await report('receiver', { source: 'public', reporterContact: '13812345678' })
      c = await act('receiver', c, 'accept')
      c = await act('shift-leader', c, 'register')
      c = await act('dispatcher', c, 'rapid-handle', { team: '快速处置一队', costYuan: 320, note: '已清运并消杀', afterPhotoIds: [photo] })
      assert.deepEqual([c.status, c.rapid.team, c.rapid.costYuan, c.assignedUnitId], ['handled', '快速处置一队', 320, null])
      c = await act('receiver', c, 'request-check', { inspectorId: 'demo-inspector' })
      c = await act('inspector', c, 'check-result', { outcome: 'close' })
      assert.deepEqual([c.status, c.evaluation.closeKind], ['closed', 'rapid'])
    })

    test('supervision: a leader’s 督办 on any open case is recorded and counted; not on a closed one', async () => {
      clock.set(MONDAY_0900)
      let c = await toHandling()
      c = await act('leader', c, 'supervise', { note: '请加快处置' })
      assert.deepEqual([c.status, c.evaluation.superviseCount], ['handling', 1])
      const trail = await events(c)
      assert.deepEqual([trail.at(-1)!.type, trail.at(-1)!.role, trail.at(-1)!.payload.note], ['supervise', 'leader', '请加快处置'])
      const closed = await act('inspector', await toChecking(c), 'check-result', { outcome: 'close' })
      const late = await by('leader').post(`/api/v1/cases/${closed.id}/actions`, { action: 'supervise', version: closed.version, note: '再督' })
      assert.deepEqual([late.status, late.body.error.code, late.body.error.status], [409, 'ILLEGAL_ACTION', 'closed'])
    })

    test('public report: 核实 by the grid inspector, then accepted; the contact is masked for all but the desk', async () => {
      clock.set(MONDAY_0900)
      let c = await report('receiver', { source: 'public', reporterName: '市民 钱女士', reporterContact: '13812345678' })
      assert.equal(c.reporter.contact, '13812345678', 'the receiver sees the number')
      c = await act('receiver', c, 'request-verify', { inspectorId: 'demo-inspector' })
      assert.deepEqual([c.status, c.inspectorId], ['verifying', 'demo-inspector'])
      const inspectorView = await by('inspector').get(`/api/v1/cases/${c.id}`)
      assert.equal(inspectorView.body.case.reporter.contact, '138****5678')
      assert.equal(inspectorView.body.case.abilities['verify-result'], true)
      c = await act('inspector', c, 'verify-result', { result: 'confirmed', note: '属实', photoIds: [photo] })
      assert.deepEqual([c.status, c.verification.result], ['reported', 'confirmed'])
      c = await act('receiver', c, 'accept')
      assert.equal(c.status, 'accepted')
      assert.equal(c.evaluation.onTime.verify, true)
      const leaderView = await by('leader').get(`/api/v1/cases/${c.id}`)
      assert.equal(leaderView.body.case.reporter.contact, '138****5678')
      const trail = await events(c)
      assert.ok(!JSON.stringify(trail).includes('13812345678'), 'the audit trail never holds the contact')
    })

    test('second-level dispatch: the district government passes the case to its sanitation office (二级派遣)', async () => {
      clock.set(MONDAY_0900)
      let c = await report('inspector')
      c = await act('receiver', c, 'accept')
      c = await act('shift-leader', c, 'register')
      c = await act('dispatcher', c, 'dispatch', { unitId: 'hl-government' })
      const notChild = await by('hl-government-manager').post(`/api/v1/cases/${c.id}/actions`, { action: 'sub-dispatch', version: c.version, subUnitId: 'gg-sanitation' })
      assert.deepEqual([notChild.status, notChild.body.error.field], [400, 'body.subUnitId'])
      c = await act('hl-government-manager', c, 'sub-dispatch', { subUnitId: 'hl-sanitation' })
      assert.deepEqual([c.status, c.assignedUnitId, c.subUnitId], ['dispatched', 'hl-government', 'hl-sanitation'])
      c = await act('hl-sanitation', c, 'sign')
      c = await act('hl-sanitation', c, 'handle', { note: '已清运', afterPhotoIds: [photo] })
      assert.equal(c.status, 'handled')
    })

    test('dead ends: 不予受理, 不予立案 and 作废 close the case', async () => {
      clock.set(MONDAY_0900)
      const a = await act('receiver', await report('inspector'), 'not-accept', { reason: '不属于城管范围' })
      assert.deepEqual([a.status, a.statusGroup], ['not-accepted', 'closed'])
      const accepted = await act('receiver', await report('inspector'), 'accept')
      const b = await act('shift-leader', accepted, 'not-register', { reason: '不符合立案条件' })
      assert.equal(b.status, 'not-registered')
      const registered = await act('shift-leader', await act('receiver', await report('inspector'), 'accept'), 'register')
      const v = await act('shift-leader', registered, 'void', { reason: '重复案卷' })
      assert.equal(v.status, 'voided')
    })

    test('registration may reclassify: the catalog fills condition, area class and the new 处置时限', async () => {
      clock.set(MONDAY_0900)
      const accepted = await act('receiver', await report('inspector'), 'accept')
      const c = await act('shift-leader', accepted, 'register', { categoryKey: '2013:event:0101' })
      assert.deepEqual([c.categoryKey, c.conditionId, c.handleLimit], ['2013:event:0101', '2013:event:0101:01', { amount: 1, unit: 'working-days' }])
      const bad = await by('shift-leader').post(`/api/v1/cases/${(await act('receiver', await report('inspector'), 'accept')).id}/actions`, {
        action: 'register',
        version: 2,
        categoryKey: '2013:event:9999',
      })
      assert.deepEqual([bad.status, bad.body.error.field], [400, 'body.categoryKey'])
    })

    test('safety hazard: arrival on site (location, photo, measures) before handling, within 2 hours (第9条)', async () => {
      clock.set(MONDAY_0900)
      let c = await report('inspector', { categoryKey: COVER, description: '上水井盖缺失' })
      assert.deepEqual([c.safetyHazard, c.urgency, c.proposedUnitId], ['manhole-cover', 'urgent', 'city-water-supply'])
      c = await act('receiver', c, 'accept')
      c = await act('shift-leader', c, 'register')
      c = await act('dispatcher', c, 'dispatch', { unitId: 'city-water-supply' })
      assert.equal(Date.parse(c.stages['on-site'].deadline) - Date.parse(c.stages['on-site'].startedAt), 2 * 3_600_000)
      c = await act('water-supply', c, 'sign')
      const early = await by('water-supply').post(`/api/v1/cases/${c.id}/actions`, { action: 'handle', version: c.version, note: '已更换', afterPhotoIds: [photo] })
      assert.deepEqual([early.status, early.body.error.code], [409, 'GUARD'])
      assert.match(early.body.error.message, /arrival/)
      const noPhoto = await by('water-supply').post(`/api/v1/cases/${c.id}/actions`, { action: 'report-arrival', version: c.version, ...HAILING, measures: '设置围挡' })
      assert.deepEqual([noPhoto.status, noPhoto.body.error.field], [400, 'body.photoId'])
      c = await act('water-supply', c, 'report-arrival', { ...HAILING, photoId: photo, measures: '设置围挡和警示标志' })
      assert.deepEqual([c.status, c.onSite.onTime, c.evaluation.arrivedOnTime, c.escalation], ['handling', true, true, null])
      c = await act('water-supply', c, 'handle', { note: '已更换井盖', afterPhotoIds: [photo] })
      assert.equal(c.status, 'handled')
    })

    test('an API client (IoT gateway) files a case with its own source and can do nothing else', async () => {
      clock.set(MONDAY_0900)
      const sensor = { 'x-api-key': 'cityloop-demo-sensor-key' }
      const filed = await s.app.inject({ method: 'POST', url: '/api/v1/cases', headers: sensor, payload: { ...HAILING, categoryKey: COVER, description: '井盖位移传感器告警' } })
      assert.equal(filed.statusCode, 201, filed.body)
      const c = filed.json().case
      assert.deepEqual([c.source, c.reporter.id], ['iot', 'demo-sensor'])
      assert.ok(Object.values(c.abilities).every((v) => v === false))
      const wrongSource = await s.app.inject({ method: 'POST', url: '/api/v1/cases', headers: sensor, payload: { ...HAILING, categoryKey: COVER, source: 'public' } })
      assert.equal(wrongSource.statusCode, 400)
      const acting = await s.app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/actions`, headers: sensor, payload: { action: 'accept', version: 1 } })
      assert.equal(acting.statusCode, 403)
      assert.equal((await s.app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}`, headers: sensor })).statusCode, 403)
      assert.equal((await s.app.inject({ method: 'GET', url: '/api/v1/tasks', headers: sensor })).statusCode, 403)
      const bad = await s.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { 'x-api-key': 'nope' }, payload: { ...HAILING, categoryKey: COVER } })
      assert.equal(bad.statusCode, 401)
    })
  })
}
