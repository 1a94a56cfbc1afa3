/**
 * End-to-end (issue 10): the case-workflow screens as the desk, the GIS staff, a unit and a leader see them,
 * in Debian's Chromium against a central API running as its own process (PGlite seeded with `seed demo`, or
 * the PostgreSQL at TEST_DATABASE_URL) and the browser-mode host syncing from it.
 *
 * - The timeline (操作记录) of a demo case reads as sentences in Chinese and English: no unit, category,
 *   status or event key, the light changes as 亮黄灯/亮红灯, the status change only when it changed.
 * - 待办: the shift leader’s queues as header badges with counts; one click lists a queue, overdue first; the
 *   escalated 第9条 hazard offers 督办 / 改派 / 快速处置 and 督办 goes through; a case new to the queue is a toast.
 * - Each role's case panel: GIS a short note and no queue; a unit its queue; a leader every case and 督办.
 *
 * Driven by clicks; the central API is called over HTTP only for fixtures and checks. Screenshots:
 * test-output/screenshots/casework-*.png. Skipped when Chromium is missing.
 */
/* eslint-disable no-restricted-imports -- a Node test: it starts the central API and the browser-mode host from
   main/, calls the central API over HTTP for fixtures, and drives Chromium; the UI reaches main/ only through the bridge. */
import { after, afterEach, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { startWorkstationWeb, type WorkstationWeb } from '../../main/host/web-host.js'
import { buildRenderer, hasChromium, launchChromium, screenshotPath, tempDir, type Browser, type TempDir } from './harness.js'
import { mapSettled } from './map-page.js'
import { startCentral, type Central } from './central.js'
import { openCase, signIn, syncNow } from './case-steps.js'

const PASSWORD = process.env.CITYLOOP_DEMO_PASSWORD ?? 'cityloop-demo'
/** 海陵区, 城中街道: where the fixture case for the toast is reported. */
const PLACE: readonly [number, number] = [119.9203, 32.4903]
const CATEGORY_KEY = '2026:event:06010'
/** The demo history the central is seeded with (the test runner's default is none): queues, escalations, lights. */
const DEMO_CASES = '300'
/**
 * What must never show in a timeline: kebab-case keys, category keys, raw event names as the old timeline showed
 * them ("light · system", "arrival-missing", "核实结果：confirmed"). A category may itself be named "Street light",
 * so the word "light" alone is no raw key.
 */
const RAW = /\b[a-z]+(?:-[a-z]+)+\b|\d{4}:(?:event|component)|\blight\s*·|\b(?:system|confirmed|unfounded)\b/
/** The header is no wider than the window (wider, it pushes the whole window sideways). */
async function headerFits(page: Page): Promise<boolean> {
  const fits = await page.evaluate(() => {
    const header = document.querySelector('header.header')!
    return header.scrollWidth <= window.innerWidth && header.getBoundingClientRect().right <= window.innerWidth + 1
  })
  if (!fits) {
    const widths = await page.evaluate(() =>
      [...document.querySelectorAll('header.header > *, header.header .header-tools > *')].map((e) => `${e.className || e.tagName}:${Math.round(e.getBoundingClientRect().width)}`),
    )
    console.log(`[e2e casework] header wider than the window: ${widths.join(' ')}`)
  }
  return fits
}

/** The sentences of the timeline (titles, status changes, fields), without account ids ("demo-inspector"). */
async function timelineSentences(page: Page): Promise<string> {
  const texts = await page
    .locator('[data-testid=detail-timeline] :is([data-testid=event-title], .event-transition, .event-note)')
    .allInnerTexts()
  return texts.join('\n').replace(/\bdemo-[a-z-]+/g, '')
}

const skip = hasChromium() ? false : 'Chromium is not installed at /usr/bin/chromium'

interface CentralEvent {
  readonly type: string
  readonly from: string | null
  readonly to: string
}
interface CentralTask {
  readonly todo: readonly string[]
  readonly case: CentralCase
}

describe('case-workflow screens in Chromium (browser mode, central API as its own process)', { skip }, () => {
  let data: TempDir
  let central: Central
  let web: WorkstationWeb
  let browser: Browser
  let page: Page
  let api: CentralApi
  const errors: string[] = []

  before(async () => {
    await buildRenderer()
    data = tempDir('cityloop-e2e-casework-')
    central = await startCentral(join(data.path, 'central'), { demoCases: Number(DEMO_CASES) })
    api = new CentralApi(central.url)
    web = await startWorkstationWeb({ dataDir: join(data.path, 'workstation'), port: 0, syncIntervalMs: 0, centralUrl: central.url })
    browser = await launchChromium()
    page = await browser.newPage()
    page.setDefaultTimeout(60_000)
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(web.url)
    await mapSettled(page)
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

  test('the timeline reads as sentences in Chinese and in English', async () => {
    await signIn(page, 'shift-leader')
    await page.locator('[data-testid=case-list][data-status=ready]').waitFor()
    // An open demo case whose history has a dispatch and a light change.
    const open = (await api.as('shift-leader').get<{ cases: CentralCase[] }>('/cases?group=open&limit=200')).cases
    let chosen: CentralCase | undefined
    let events: CentralEvent[] = []
    for (const c of open) {
      events = (await api.as('shift-leader').get<{ events: CentralEvent[] }>(`/cases/${c.id}/events`)).events
      if (events.some((e) => e.type === 'light') && events.some((e) => e.type === 'dispatch')) {
        chosen = c
        break
      }
    }
    assert.ok(chosen, 'a demo case with a dispatch and a light event')
    await openCase(page, chosen.number, chosen.id)
    const timeline = page.locator('[data-testid=case-detail] [data-testid=detail-timeline]')
    await timeline.waitFor()
    // Scroll the detail panel itself, as an operator would (scrollIntoView would also shift the window's hidden overflow).
    await page.locator('[data-testid=case-detail] .panel-scroll').evaluate((e) => (e.scrollTop = e.scrollHeight))
    const zh = await timelineSentences(page)
    assert.equal(await timeline.locator('.el-timeline-item').count(), events.length, 'one entry per event')
    assert.doesNotMatch(zh, RAW, 'no raw key in the Chinese timeline')
    assert.match(zh, /亮(黄|红)灯：/)
    assert.match(zh, /派遣给/)
    // A status shows once: the change line only where it changed, never "已派遣 → 已派遣".
    for (const s of ['已派遣', '处置中', '已立案']) assert.ok(!zh.includes(`由「${s}」转为「${s}」`), s)
    await page.screenshot({ path: screenshotPath('casework-01-timeline-zh') })

    await page.locator('[data-testid=language-switch] [data-lang=en]').click()
    await page.waitForFunction(() => document.querySelector('[data-testid=detail-timeline]')?.textContent?.includes('light'))
    const en = await timelineSentences(page)
    assert.match(en, /(Yellow|Red) light: /)
    assert.match(en, /Dispatched to /)
    assert.doesNotMatch(en.replace(/(Yellow|Red) light/g, ''), RAW, 'no raw key in the English timeline')
    await page.locator('[data-testid=case-detail] .panel-scroll').evaluate((e) => (e.scrollTop = e.scrollHeight))
    assert.ok(await headerFits(page), 'the English header fits the window')
    await page.screenshot({ path: screenshotPath('casework-02-timeline-en') })
    await page.locator('[data-testid=language-switch] [data-lang=zh-CN]').click()
    await page.locator('[data-testid=detail-close]').click()
  })

  test('待办: the shift leader’s queues in the header; the escalated hazard offers 督办, 改派 and 快速处置', async () => {
    await signIn(page, 'shift-leader')
    const badges = page.locator('[data-testid=task-badges][data-source=central]')
    await badges.waitFor()
    const expected = (await api.as('shift-leader').get<{ tasks: CentralTask[] }>('/tasks?limit=500')).tasks
    const escalated = expected.filter((x) => x.todo.some((t) => t.startsWith('escalation:')))
    assert.ok(escalated.length > 0, 'the demo has hazards whose unit missed its 2 hours')
    const badge = page.locator('[data-testid=task-badge-escalation]')
    await page.waitForFunction((n) => document.querySelector('[data-testid=task-badge-escalation]')?.getAttribute('data-count') === String(n), escalated.length)
    const counts = await page.locator('[data-testid=task-badges] .task-badge').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))))
    assert.equal(counts.reduce((a, b) => a + b, 0), expected.length, 'every task of /tasks is in one badge')
    assert.ok(counts.every((n) => n > 0), 'only queues with work take room in the header')
    // The header fits the window: the badges never push the page sideways.
    assert.ok(await headerFits(page), 'the header fits the window')

    // One click lists the queue, overdue first.
    await badge.click()
    const panel = page.locator('[data-testid=task-panel][data-queue=escalation]')
    await panel.waitFor()
    const rows = panel.locator('[data-testid=task-row]')
    assert.equal(await rows.count(), escalated.length)
    const overdue = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-overdue')))
    assert.deepEqual(overdue, [...overdue].sort().reverse(), 'overdue first')
    await page.screenshot({ path: screenshotPath('casework-03-queue-escalation') })

    // The escalated case: the shift leader can act on it.
    const id = (await rows.first().getAttribute('data-case-id'))!
    await rows.first().click()
    await page.locator(`[data-testid=case-detail][data-case-id="${id}"] [data-testid=detail-number]`).waitFor()
    await panel.waitFor({ state: 'hidden' })
    for (const action of ['supervise', 'dispatch', 'rapid-handle']) await page.locator(`[data-testid=case-actions] [data-testid=action-${action}]`).waitFor()
    assert.equal((await page.locator('[data-testid=action-dispatch]').innerText()).trim(), '改派')
    assert.equal(await page.locator('[data-testid=case-actions]').getByText('当前账号对本案没有可办理的操作').count(), 0)
    await page.screenshot({ path: screenshotPath('casework-04-escalated-actions') })

    // 督办 goes through and reads as a sentence in the timeline.
    const before = (await api.as('shift-leader').get<{ case: { evaluation: { superviseCount: number } } }>(`/cases/${id}`)).case.evaluation.superviseCount
    await page.locator('[data-testid=action-supervise]').click()
    const dialog = page.locator('.action-dialog')
    await dialog.waitFor()
    await dialog.locator('textarea[data-testid=action-note]').fill('e2e：立即到场排险')
    await dialog.locator('[data-testid=action-submit]').click()
    await dialog.waitFor({ state: 'hidden' })
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=detail-timeline] [data-testid=event-title]')].some((e) => e.textContent === '督办'))
    const after = (await api.as('shift-leader').get<{ case: { evaluation: { superviseCount: number } } }>(`/cases/${id}`)).case.evaluation.superviseCount
    assert.equal(after, before + 1)
    await page.locator('[data-testid=detail-close]').click()
  })

  test('a case new to the queue is a badge and a toast', async () => {
    await signIn(page, 'shift-leader')
    await page.locator('[data-testid=task-badges][data-source=central]').waitFor()
    const intake = await page.evaluate(() => Number(document.querySelector('[data-testid=task-badge-intake]')?.getAttribute('data-count') ?? 0))
    const filed = (await api.as('inspector').request<{ case: CentralCase }>('POST', '/cases', { lon: PLACE[0], lat: PLACE[1], categoryKey: CATEGORY_KEY, description: 'e2e：新上报' })).case
    await syncNow(page)
    const toast = page.locator('.task-alert-new', { hasText: filed.number })
    await toast.waitFor()
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid=task-badge-intake]')?.getAttribute('data-count')) === n, intake + 1)
    assert.ok(await page.locator('[data-testid=task-badge-intake].unseen').count(), 'the badge is marked until opened')
    await page.screenshot({ path: screenshotPath('casework-05-new-task-toast') })
    await toast.click()
    await page.locator(`[data-testid=case-detail][data-case-id="${filed.id}"]`).waitFor()
    await page.locator('[data-testid=detail-close]').click()
  })

  test('each role sees what it works with: GIS a note, a unit its queue, a leader every case with 督办', async () => {
    await signIn(page, 'gis')
    await page.locator('[data-testid=cases-hidden-note][data-role=gis-maintainer]').waitFor()
    assert.match(await page.locator('[data-testid=cases-hidden-note]').innerText(), /地图图层/)
    assert.doesNotMatch(await page.locator('[data-testid=case-list]').innerText(), /本单位（本网格）/)
    assert.equal(await page.locator('[data-testid=task-badges]').count(), 0, 'no queue')
    await page.screenshot({ path: screenshotPath('casework-06-gis') })

    await signIn(page, 'hl-sanitation')
    const scoped = page.locator('[data-testid=case-scoped][data-role=unit-handler]')
    await scoped.waitFor()
    const unitTasks = (await api.as('hl-sanitation').get<{ tasks: CentralTask[] }>('/tasks?limit=500')).tasks
    assert.ok(unitTasks.length > 0, 'the demo unit has cases to act on')
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=case-scoped] [data-testid=task-row]').length === n, unitTasks.length)
    assert.equal(await page.getAttribute('[data-testid=task-badge-unit]', 'data-count'), String(unitTasks.length))
    const first = scoped.locator('[data-testid=task-row]').first()
    const id = (await first.getAttribute('data-case-id'))!
    await first.click()
    await page.locator(`[data-testid=case-detail][data-case-id="${id}"] [data-testid=case-actions] button`).first().waitFor()
    await page.screenshot({ path: screenshotPath('casework-07-unit-queue') })
    await page.locator('[data-testid=detail-close]').click()

    await signIn(page, 'leader')
    await page.locator('[data-testid=case-list][data-status=ready]').waitFor()
    const red = page.locator('[data-testid=task-badge-supervise]')
    await red.waitFor()
    await red.click()
    const row = page.locator('[data-testid=task-panel] [data-testid=task-row]').first()
    await row.click()
    await page.locator('[data-testid=case-actions] [data-testid=action-supervise]').waitFor()
    await page.screenshot({ path: screenshotPath('casework-08-leader') })
    assert.deepEqual(errors, [], 'no uncaught errors')
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

// ---------------------------------------------------------------------------------------------------------
// Driving the workstation


/** Filters the list to one case by its number and opens it. */

/** Clicks 立即同步 and waits until the run has reached the end of the feed ("data as of" moves on). */

