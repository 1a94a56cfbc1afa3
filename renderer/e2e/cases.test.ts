/**
 * End-to-end (issue 5): the case loop driven from the workstation in Debian's Chromium, against a central
 * API running as its own process (`node server/bin/cityloop-server.js serve`, PGlite seeded with `seed demo`
 * — or the PostgreSQL at TEST_DATABASE_URL) and the browser-mode host syncing from it.
 *
 * - A receiver records a case by clicking its place on the map and accepts it; the shift leader registers
 *   it; the dispatcher dispatches it to the suggested unit. The unit signs and handles it and the inspector
 *   reports the check through the central API (HTTP); the receiver's 发核查 goes through the UI. The case
 *   turns closed in the list and on the map.
 * - With the central API stopped, commands given in the UI queue in the outbox; after a restart and 立即发送
 *   each is applied exactly once (counted in GET /cases/:id/events).
 * - A command decided on a version the API has since moved past is rejected, and its reason is shown.
 *
 * The UI is driven by clicks only; the bridge is never called from the test. Screenshots go to
 * test-output/screenshots/cases-*.png. The seeded central database is cached in the OS temp folder, keyed by
 * the seed's sources (CITYLOOP_E2E_FRESH_CENTRAL=1 seeds again). Skipped when Chromium is missing.
 */
/* eslint-disable no-restricted-imports -- a Node test: it starts the central API and the browser-mode host from
   main/, calls the central API over HTTP as the unit and the inspector, and drives Chromium; the UI it tests
   reaches main/ only through the bridge. */
import { after, afterEach, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { startWorkstationWeb, type WorkstationWeb } from '../../main/host/web-host.js'
import { buildRenderer, hasChromium, launchChromium, screenshotPath, solidPng, tempDir, type Browser, type TempDir } from './harness.js'
import { startCentral, type Central } from './central.js'
import { openCase, signIn, syncNow } from './case-steps.js'
import { pixelAt } from './pixels.js'
import { mapSettled, setView, waitFrames, type MapWindow } from './map-page.js'

const PASSWORD = process.env.CITYLOOP_DEMO_PASSWORD ?? 'cityloop-demo'
/** 海陵区, 城中街道, grid 321202001001001: where the operator records the case. */
const PLACE: readonly [number, number] = [119.9203, 32.4903]
/** Fixture cases for the outage and the rejection, a little apart from it (same street: the inspector's grids). */
const PLACES: readonly (readonly [number, number])[] = [
  [119.9212, 32.4911],
  [119.9188, 32.4894],
  [119.9222, 32.4886],
]
/** 暴露垃圾 — a 2026 event with no safety hazard, handled by the district's sanitation office. */
const CATEGORY_TEXT = '暴露垃圾'
const CATEGORY_KEY = '2026:event:06010'
/** The demo account of each unit (README "Demo users"). */
const UNIT_ACCOUNT: Readonly<Record<string, string>> = {
  'hl-sanitation': 'hl-sanitation',
  'hl-law-enforcement': 'hl-law-enforcement',
  'city-water-supply': 'water-supply',
  'hl-government': 'hl-government-manager',
}
/** Colour of a closed case's disc (case-style.ts PHASE_COLORS.closed #14b8a6). */
const CLOSED_RGB: readonly [number, number, number] = [20, 184, 166]


const skip = hasChromium() ? false : 'Chromium is not installed at /usr/bin/chromium'

describe('cases in Chromium (browser mode, central API as its own process)', { skip }, () => {
  let data: TempDir
  let central: Central
  let web: WorkstationWeb
  let browser: Browser
  let page: Page
  let analysis: Page
  let api: CentralApi
  /** The case recorded in the first test. */
  let caseId = ''
  let caseNumber = ''
  /** Uncaught errors of the page, over every test. */
  const errors: string[] = []

  before(async () => {
    const started = Date.now()
    const step = (what: string) => console.log(`[e2e cases] ${what} at ${((Date.now() - started) / 1000).toFixed(1)} s`)
    // One heavy process at a time: the build, then the seeding (cached), then the host and Chromium.
    await buildRenderer()
    step('renderer built')
    data = tempDir('cityloop-e2e-cases-')
    central = await startCentral(join(data.path, 'central'))
    step(`central API on ${central.url}`)
    api = new CentralApi(central.url)
    web = await startWorkstationWeb({ dataDir: join(data.path, 'workstation'), port: 0, syncIntervalMs: 0, centralUrl: central.url })
    step('host started and synced')
    browser = await launchChromium()
    analysis = await browser.newPage()
    page = await browser.newPage()
    page.setDefaultTimeout(60_000)
    await page.bringToFront()
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(web.url)
    await mapSettled(page)
    assert.deepEqual(errors, [], 'no uncaught errors while loading')
    step('map loaded')
  })

  afterEach(async () => {
    for (let i = 0; i < 3 && (await page.locator('.el-overlay:visible').count()) > 0; i++) {
      await page.keyboard.press('Escape')
      await page.waitForTimeout(300)
    }
  })

  after(async () => {
    await browser?.close()
    await web?.close()
    await central?.stop()
    data?.remove()
  })

  test('a receiver records a case on the map and accepts it', async () => {
    // Signed out, there are no case tools; a wrong password shows the API's reason.
    assert.equal(await page.locator('[data-testid=record-case]').count(), 0)
    await page.locator('[data-testid=open-signin]').click()
    await page.locator('input[data-testid=signin-username]').fill('receiver')
    await page.locator('input[data-testid=signin-password]').fill('not-the-password')
    await page.locator('[data-testid=signin-submit]').click()
    const refused = page.locator('[data-testid=signin-error]')
    await refused.waitFor()
    assert.ok((await refused.innerText()).trim().length > 0, 'the reason is shown')
    await page.keyboard.press('Escape')
    await signIn(page, 'receiver')
    await page.locator('[data-testid=case-list][data-status=ready]').waitFor()

    // 登记案件: arm the tool, click the place; the dialog is prefilled from the lookup.
    await setView(page, PLACE, 17)
    await page.locator('[data-testid=record-case]').click()
    await page.locator('[data-testid=recording-hint]').waitFor()
    await clickMap(page, PLACE)
    const dialog = page.locator('.new-case-dialog')
    await dialog.waitFor()
    const located = await api.get<CentralLocate>(`/locate?lon=${PLACE[0]}&lat=${PLACE[1]}`)
    await dialog.locator('[data-testid=new-grid]').waitFor()
    assert.equal(await dialog.locator('[data-testid=new-grid]').innerText(), located.grid.id)
    assert.match(await dialog.locator('[data-testid=new-region]').innerText(), /海陵区/)
    await chooseCategory(page, dialog.locator('[data-testid=new-category]'), 'new-category', CATEGORY_TEXT)
    const unit = dialog.locator('[data-testid=new-unit]')
    await unit.waitFor()
    const suggested = (await unit.getAttribute('data-unit-id'))!
    assert.ok(UNIT_ACCOUNT[suggested], `a demo unit is suggested (${suggested})`)
    assert.match(await dialog.locator('[data-testid=new-limit]').innerText(), /处置时限/)
    await dialog.locator('textarea[data-testid=new-description]').fill('e2e：路边暴露垃圾一堆，群众来电')
    await dialog.locator('input[data-testid=new-reporterName]').fill('张先生')
    await dialog.locator('input[data-testid=new-reporterContact]').fill('13812345678')
    await page.screenshot({ path: screenshotPath('cases-01-new-case') })
    await dialog.locator('[data-testid=new-submit]').click()
    await dialog.waitFor({ state: 'hidden' })

    // The outbox applies it; the panel names the new case.
    const created = await appliedEntry(page, 'create')
    caseId = created.caseId
    const record = await api.as('receiver').get<{ case: CentralCase }>(`/cases/${caseId}`)
    caseNumber = record.case.number
    assert.equal(record.case.status, 'reported')
    assert.equal(record.case.source, 'public')
    assert.equal(record.case.location.gridId, located.grid.id)

    // Accept it from the detail.
    await openCase(page, caseNumber, caseId)
    await act(page, 'accept')
    await waitStatus(page, 'accepted')
    await page.screenshot({ path: screenshotPath('cases-02-accepted') })
  })

  test('the shift leader registers it and the dispatcher dispatches it to the suggested unit', async () => {
    await signIn(page, 'shift-leader')
    await openCase(page, caseNumber, caseId)
    // A receiver's button is gone for the shift leader, and the other way round.
    assert.equal(await page.locator('[data-testid=action-accept]').count(), 0)
    await act(page, 'register')
    await waitStatus(page, 'registered')

    await signIn(page, 'dispatcher')
    await openCase(page, caseNumber, caseId)
    await page.locator('[data-testid=action-dispatch]').click()
    const dialog = page.locator('.action-dialog')
    await dialog.waitFor()
    const located = await api.get<CentralLocate>(`/locate?lon=${PLACE[0]}&lat=${PLACE[1]}&category=${encodeURIComponent(await categoryKeyOf(api, caseId))}`)
    const expected = located.responsible[0]!.unit.id
    // The suggested unit is preselected (lookup.responsible at the case's point).
    await page.waitForFunction(() => (document.querySelector('.action-dialog [data-testid=action-unit]')?.textContent ?? '').trim().length > 0)
    await page.screenshot({ path: screenshotPath('cases-03-dispatch-form') })
    await dialog.locator('[data-testid=action-submit]').click()
    await dialog.waitFor({ state: 'hidden' })
    await waitStatus(page, 'dispatched')
    const now = await api.as('dispatcher').get<{ case: CentralCase }>(`/cases/${caseId}`)
    assert.equal(now.case.assignedUnitId, expected, 'dispatched to the unit responsible there')
  })

  test('the unit handles it, the check closes it, and the map shows it closed', async () => {
    const record = (await api.as('dispatcher').get<{ case: CentralCase }>(`/cases/${caseId}`)).case
    const unit = api.as(UNIT_ACCOUNT[record.assignedUnitId!]!)
    const signed = await unit.action(caseId, record.version, { action: 'sign', note: 'e2e 签收' })
    const photo = await unit.photo(solidPng(64, 48, [90, 140, 60]))
    await unit.action(caseId, signed.version, { action: 'handle', note: 'e2e 已清理', afterPhotoIds: [photo] })

    // The receiver sends the check (to the street's inspector) from the workstation.
    await signIn(page, 'receiver')
    await syncNow(page)
    await openCase(page, caseNumber, caseId)
    await waitStatus(page, 'handled')
    await page.locator('[data-testid=action-request-check]').click()
    const dialog = page.locator('.action-dialog')
    await dialog.waitFor()
    await dialog.locator('[data-testid=action-inspector]').click()
    await page.keyboard.type('demo-inspector')
    await page.keyboard.press('Enter')
    await dialog.locator('[data-testid=action-submit]').click()
    await dialog.waitFor({ state: 'hidden' })
    await waitStatus(page, 'checking')

    // The inspector reports "close" through the API.
    const inspector = api.as('inspector')
    const checking = await inspector.get<{ case: CentralCase }>(`/cases/${caseId}`)
    await inspector.action(caseId, checking.case.version, { action: 'check-result', outcome: 'close', note: 'e2e 核查通过' })

    // The workstation learns it from the sync: the list row, the detail and the map say closed.
    await syncNow(page)
    await page.locator(`[data-testid=case-list] .case-row[data-case-id="${caseId}"][data-status=closed]`).waitFor()
    await page.locator('[data-testid=detail-refresh]').click()
    await waitStatus(page, 'closed')
    const photos = page.locator('[data-testid=detail-photos] img')
    await photos.first().waitFor()
    const types = await page.locator('[data-testid=detail-timeline] [data-type]').evaluateAll((els) => els.map((e) => e.getAttribute('data-type')))
    for (const type of ['create', 'accept', 'register', 'dispatch', 'sign', 'handle', 'request-check', 'check-result'])
      assert.ok(types.includes(type), `the timeline shows ${type} (${types.join(', ')})`)
    await page.screenshot({ path: screenshotPath('cases-04-closed-detail') })

    // On the map: the case's disc in the closed colour (the selection ring and flash around it).
    await page.locator('[data-testid=detail-close]').click()
    await setView(page, PLACE, 17.5)
    await page.waitForTimeout(2600)
    await waitFrames(page)
    const shot = await page.screenshot({ path: screenshotPath('cases-05-closed-on-map') })
    const pixel = (await page.evaluate((p) => (window as unknown as MapWindow).cityloopMap.pixelOf(p), [record.location.lon, record.location.lat] as [number, number]))!
    const box = (await page.locator('[data-testid=map]').boundingBox())!
    const rgb = await pixelAt(analysis, shot, Math.round(box.x + pixel[0]), Math.round(box.y + pixel[1]))
    assert.ok(
      rgb.every((c, k) => Math.abs(c - CLOSED_RGB[k]!) < 40),
      `the case is drawn in the closed colour at its place (got ${rgb})`,
    )
  })

  test('with the central API stopped, commands queue; after a restart each is applied exactly once', async () => {
    // Fixtures through the API: one accepted case (to register) and one registered (to dispatch).
    const receiver = api.as('receiver')
    const leader = api.as('shift-leader')
    const toRegister = await receiver.createCase(PLACES[0]!, 'e2e 待立案')
    await receiver.action(toRegister.id, toRegister.version, { action: 'accept' })
    const toDispatch = await receiver.createCase(PLACES[1]!, 'e2e 待派遣')
    const accepted = await receiver.action(toDispatch.id, toDispatch.version, { action: 'accept' })
    await leader.action(toDispatch.id, accepted.version, { action: 'register' })
    await signIn(page, 'shift-leader')
    await syncNow(page)

    await central.stop()
    // Register one, dispatch the other (the suggested unit, found offline), record a third: all queue.
    await openCase(page, toRegister.number, toRegister.id)
    await page.locator('[data-testid=detail-offline]').waitFor()
    await act(page, 'register')
    await openCase(page, toDispatch.number, toDispatch.id)
    await page.locator('[data-testid=action-dispatch]').click()
    const dialog = page.locator('.action-dialog')
    await dialog.waitFor()
    await page.waitForFunction(() => (document.querySelector('.action-dialog [data-testid=action-unit]')?.textContent ?? '').trim().length > 0)
    await dialog.locator('[data-testid=action-submit]').click()
    await dialog.waitFor({ state: 'hidden' })
    await page.locator('[data-testid=detail-close]').click()
    await setView(page, PLACES[2]!, 17)
    await page.locator('[data-testid=record-case]').click()
    await clickMap(page, PLACES[2]!)
    const newCase = page.locator('.new-case-dialog')
    await newCase.locator('[data-testid=new-grid]').waitFor()
    await chooseCategory(page, newCase.locator('[data-testid=new-category]'), 'new-category', CATEGORY_TEXT)
    await newCase.locator('[data-testid=new-unit]').waitFor()
    await newCase.locator('textarea[data-testid=new-description]').fill('e2e 离线登记')
    await newCase.locator('[data-testid=new-submit]').click()
    await newCase.waitFor({ state: 'hidden' })

    const badge = page.locator('[data-testid=outbox-badge]')
    await page.locator('[data-testid=outbox-badge][data-queued="3"]').waitFor()
    await badge.click()
    const panel = page.locator('[data-testid=outbox-panel]')
    await panel.waitFor()
    assert.equal(await panel.locator('[data-testid=outbox-entry][data-state=queued]').count(), 3)
    await page.waitForFunction(() => document.querySelector('[data-testid=outbox-badge]')?.getAttribute('data-state') === 'waiting')
    await page.screenshot({ path: screenshotPath('cases-06-outbox-offline') })

    // Back online: 立即发送.
    await central.start()
    await panel.locator('[data-testid=outbox-flush]').click()
    await page.locator('[data-testid=outbox-badge][data-queued="0"]').waitFor()
    const applied = panel.locator('[data-testid=outbox-entry][data-state=applied]')
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=outbox-panel] [data-testid=outbox-entry][data-state=applied]').length >= 3)
    await page.screenshot({ path: screenshotPath('cases-07-outbox-applied') })
    const createdId = await panel.locator('[data-testid=outbox-entry][data-action=create][data-state=applied]').last().getAttribute('data-case-id')
    assert.ok(createdId && (await applied.count()) >= 3)
    await page.keyboard.press('Escape')

    // Once each, on the server.
    const count = async (id: string, type: string) => (await leader.get<{ events: { type: string }[] }>(`/cases/${id}/events`)).events.filter((e) => e.type === type).length
    assert.equal(await count(toRegister.id, 'register'), 1, 'register applied once')
    assert.equal(await count(toDispatch.id, 'dispatch'), 1, 'dispatch applied once')
    assert.equal(await count(createdId, 'create'), 1, 'the offline case filed once')
    assert.equal((await leader.get<{ case: CentralCase }>(`/cases/${toRegister.id}`)).case.status, 'registered')
    assert.equal((await leader.get<{ case: CentralCase }>(`/cases/${toDispatch.id}`)).case.status, 'dispatched')
    const filed = await leader.get<{ case: CentralCase }>(`/cases/${createdId}`)
    assert.equal(filed.case.description, 'e2e 离线登记')
  })

  test('a command on a version the API has moved past is rejected, and the reason is shown', async () => {
    const receiver = api.as('receiver')
    const made = await receiver.createCase(PLACES[0]!, 'e2e 版本冲突')
    const accepted = await receiver.action(made.id, made.version, { action: 'accept' })
    const registered = await api.as('shift-leader').action(made.id, accepted.version, { action: 'register' })
    await syncNow(page)
    await openCase(page, made.number, made.id)
    await waitStatus(page, 'registered')

    // Meanwhile the dispatcher dispatches it (the workstation still shows the registered version).
    await api.as('dispatcher').action(made.id, registered.version, { action: 'dispatch', unitId: 'hl-sanitation' })

    // The shift leader voids what they see: refused, with the reason, the case's status and what is allowed.
    await page.locator('[data-testid=action-void]').click()
    const dialog = page.locator('.action-dialog')
    await dialog.waitFor()
    await dialog.locator('textarea[data-testid=action-reason]').fill('e2e 重复案件')
    await dialog.locator('[data-testid=action-submit]').click()
    await dialog.waitFor({ state: 'hidden' })
    await page.locator('[data-testid=outbox-badge][data-rejected="1"]').waitFor()
    await page.locator('[data-testid=outbox-badge]').click()
    const rejected = page.locator('[data-testid=outbox-panel] [data-testid=outbox-entry][data-state=rejected]')
    await rejected.waitFor()
    const reason = await rejected.locator('[data-testid=rejection-reason]').innerText()
    assert.match(reason, /409/, `the API's answer is shown: ${reason}`)
    assert.ok(reason.replace(/^\s*409\s+\S+\s*/, '').trim().length > 0, 'with its message')
    await page.screenshot({ path: screenshotPath('cases-08-rejected') })
    const events = await api.as('shift-leader').get<{ events: { type: string }[] }>(`/cases/${made.id}/events`)
    assert.equal(events.events.filter((e) => e.type === 'void').length, 0, 'nothing was voided')

    // The detail and the list mark it too; dismissing removes it from view, not silently.
    await page.keyboard.press('Escape')
    await page.locator('[data-testid=detail-commands] [data-testid=outbox-entry][data-state=rejected]').waitFor()
    await page.locator('[data-testid=outbox-badge]').click()
    await rejected.locator('[data-testid=outbox-dismiss]').click()
    await page.locator('[data-testid=outbox-badge][data-rejected="0"]').waitFor()
    await page.keyboard.press('Escape')
  })

  test('the case features speak English too, and nothing threw', async () => {
    await page.locator('[data-testid=language-switch] [data-lang=en]').click()
    await page.locator('[data-testid=case-list] .panel-title', { hasText: 'Cases' }).waitFor()
    await page.locator('[data-testid=case-detail] .panel-title', { hasText: 'Case' }).waitFor()
    assert.match(await page.locator('[data-testid=outbox-badge]').innerText(), /Commands/)
    assert.match(await page.locator('[data-testid=detail-status]').innerText(), /^[A-Za-z ,]+$/, 'the status label is English (core/case/labels.ts)')
    await page.screenshot({ path: screenshotPath('cases-09-english') })
    await page.locator('[data-testid=language-switch] [data-lang=zh-CN]').click()
    await page.locator('[data-testid=case-list] .panel-title', { hasText: '案件' }).waitFor()
    assert.deepEqual(errors, [], 'no uncaught errors in the page')
  })
})

// ---------------------------------------------------------------------------------------------------------
// The central API over HTTP (as the unit, the inspector, and for fixtures and checks)

interface CentralCase {
  readonly id: string
  readonly number: string
  readonly version: number
  readonly status: string
  readonly source: string
  readonly categoryKey: string
  readonly description: string
  readonly assignedUnitId: string | null
  readonly location: { readonly lon: number; readonly lat: number; readonly gridId: string | null }
}

interface CentralLocate {
  readonly grid: { readonly id: string; readonly areaClass: string }
  readonly responsible: readonly { readonly unit: { readonly id: string } }[]
}

class CentralApi {
  private readonly tokens = new Map<string, string>()
  constructor(
    private readonly base: string,
    private readonly user?: string,
    private readonly shared?: Map<string, string>,
  ) {}

  /** The same API as a demo account. */
  as(username: string): CentralApi {
    return new CentralApi(this.base, username, this.shared ?? this.tokens)
  }

  private async token(): Promise<string | undefined> {
    if (!this.user) return undefined
    const tokens = this.shared ?? this.tokens
    const known = tokens.get(this.user)
    if (known) return known
    const answer = await this.request<{ token: string }>('POST', '/auth/login', { username: this.user, password: PASSWORD }, false)
    tokens.set(this.user, answer.token)
    return answer.token
  }

  async request<T>(method: string, path: string, body?: unknown, auth = true, headers: Record<string, string> = {}): Promise<T> {
    const token = auth ? await this.token() : undefined
    const response = await fetch(`${this.base}/api/v1${path}`, {
      method,
      headers: {
        ...(body !== undefined && !(body instanceof Blob) ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: body instanceof Blob ? body : JSON.stringify(body) } : {}),
    })
    const text = await response.text()
    assert.ok(response.ok, `${method} ${path} as ${this.user ?? 'anyone'} → ${response.status} ${text}`)
    return (text ? JSON.parse(text) : {}) as T
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path)
  }

  async action(id: string, version: number, command: Record<string, unknown>): Promise<CentralCase> {
    return (await this.request<{ case: CentralCase }>('POST', `/cases/${id}/actions`, { ...command, version })).case
  }

  async createCase(at: readonly [number, number], description: string): Promise<CentralCase> {
    return (await this.request<{ case: CentralCase }>('POST', '/cases', { lon: at[0], lat: at[1], categoryKey: CATEGORY_KEY, description, source: 'public' })).case
  }

  async photo(png: Buffer): Promise<string> {
    return (await this.request<{ id: string }>('POST', '/photos', new Blob([new Uint8Array(png)]), true, { 'content-type': 'image/png' })).id
  }
}

async function categoryKeyOf(api: CentralApi, id: string): Promise<string> {
  return (await api.as('dispatcher').get<{ case: CentralCase }>(`/cases/${id}`)).case.categoryKey
}

// ---------------------------------------------------------------------------------------------------------
// Driving the workstation


/** Filters the list to one case by its number and opens it. */

async function waitStatus(page: Page, status: string): Promise<void> {
  await page.locator(`[data-testid=case-detail] [data-testid=detail-status][data-status="${status}"]`).waitFor()
}

/** Takes an action whose form needs nothing (or only an optional note). */
async function act(page: Page, action: string): Promise<void> {
  await page.locator(`[data-testid=action-${action}]`).click()
  const dialog = page.locator('.action-dialog')
  await dialog.waitFor()
  await dialog.locator('[data-testid=action-submit]').click()
  await dialog.waitFor({ state: 'hidden' })
}

/** Waits for an applied outbox entry of the action, in the outbox panel, and closes the panel. */
async function appliedEntry(page: Page, action: string): Promise<{ caseId: string }> {
  await page.locator('[data-testid=outbox-badge]').click()
  const entry = page.locator(`[data-testid=outbox-panel] [data-testid=outbox-entry][data-action="${action}"][data-state=applied]`).last()
  await entry.waitFor()
  const caseId = (await entry.getAttribute('data-case-id'))!
  await page.keyboard.press('Escape')
  await page.locator('[data-testid=outbox-panel]').waitFor({ state: 'hidden' })
  assert.ok(caseId, 'the applied entry names its case')
  return { caseId }
}

async function chooseCategory(page: Page, select: ReturnType<Page['locator']>, testid: string, text: string): Promise<void> {
  await select.click()
  await page.keyboard.type(text)
  const option = page.locator(`.${testid}-popper .el-select-dropdown__item`, { hasText: text }).filter({ hasText: CATEGORY_KEY.split(':')[2]! }).first()
  await option.waitFor()
  await option.click()
}

/** Clicks 立即同步 and waits until the run has reached the end of the feed ("data as of" moves on). */

async function clickMap(page: Page, point: readonly [number, number]): Promise<void> {
  const pixel = await page.evaluate((p) => (window as unknown as MapWindow).cityloopMap.pixelOf(p), point as [number, number])
  assert.ok(pixel, 'the point is on screen')
  const box = (await page.locator('[data-testid=map]').boundingBox())!
  await page.mouse.click(box.x + pixel[0], box.y + pixel[1])
}

