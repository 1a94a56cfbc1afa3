/**
 * @module renderer/e2e/map-page
 * Waiting on the workstation's map from a Chromium test: layers loaded for the view, a frame drawn, a view
 * set. Shared by the workstation and case end-to-end tests.
 */
import type { Page } from 'playwright-core'
import type { CityMap } from '../src/map/CityMap.js'

/** What the tests reach on the page: the map the app exposes for them. */
export type MapWindow = { cityloopMap: CityMap }

/** Waits until the map has loaded its layers for the current view and drawn them. */
export async function mapSettled(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid=map][data-components][data-grids]')
  await page.waitForFunction(() => !document.querySelector<HTMLElement>('[data-testid=map]')!.dataset.busy)
  await waitFrames(page)
}

/** Waits for the map's next complete render. */
export async function waitFrames(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = (window as unknown as MapWindow).cityloopMap.map
        map.once('rendercomplete', () => resolve())
        map.render()
      }),
  )
}

/** Centres the map on a CGCS2000 point at a zoom and waits for the layers. */
export async function setView(page: Page, center: readonly [number, number], zoom: number): Promise<void> {
  await page.evaluate(({ center, zoom }) => (window as unknown as MapWindow).cityloopMap.setView(center, zoom), {
    center: center as [number, number],
    zoom,
  })
  await page.waitForTimeout(150)
  await mapSettled(page)
}
