/**
 * @module renderer/e2e/case-steps
 * What an operator does in the case UI, as the Chromium case tests (cases.test.ts, casework.test.ts) do it:
 * sign in as a demo account, open a case from the list, press 立即同步 and wait for it.
 */
import type { Page } from 'playwright-core'

const PASSWORD = process.env.CITYLOOP_DEMO_PASSWORD ?? 'cityloop-demo'

/** Signs in as `username` from the header (signing out another account first). */
export async function signIn(page: Page, username: string): Promise<void> {
  if ((await page.locator('[data-testid=account]').count()) > 0) {
    if ((await page.getAttribute('[data-testid=account]', 'data-user')) === username) return
    await page.locator('[data-testid=account-menu]').click()
    await page.locator('[data-testid=sign-out]').click()
    await page.locator('[data-testid=open-signin]').waitFor()
  }
  await page.locator('[data-testid=open-signin]').click()
  await page.locator('input[data-testid=signin-username]').fill(username)
  await page.locator('input[data-testid=signin-password]').fill(PASSWORD)
  await page.locator('[data-testid=signin-submit]').click()
  await page.locator(`[data-testid=account][data-user="${username}"]`).waitFor()
  await page.locator('.signin-dialog').waitFor({ state: 'hidden' })
}

/** Filters the list to `number` and opens the case `id` in the detail panel. */
export async function openCase(page: Page, number: string, id: string): Promise<void> {
  const text = page.locator('input[data-testid=filter-text]')
  await text.fill(number)
  const row = page.locator(`[data-testid=case-list] .case-row[data-case-id="${id}"]`)
  await row.waitFor()
  await row.click()
  await page.locator(`[data-testid=case-detail][data-case-id="${id}"] [data-testid=detail-number]`).waitFor()
}

/** 立即同步: presses the status bar's sync and waits until a new "data as of" is shown and the list reloaded. */
export async function syncNow(page: Page): Promise<void> {
  const before = await page.getAttribute('[data-testid=data-as-of]', 'data-value')
  await page.locator('.sync-now:not([disabled])').click()
  await page.waitForFunction((before) => {
    const asOf = document.querySelector('[data-testid=data-as-of]')?.getAttribute('data-value')
    return (
      asOf !== before &&
      document.querySelector('[data-testid=sync-state]')?.getAttribute('data-state') === 'idle'
    )
  }, before)
  // The list reloads shortly after the cases-changed event.
  await page.waitForTimeout(800)
}
