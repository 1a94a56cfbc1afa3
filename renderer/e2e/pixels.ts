/**
 * @module renderer/e2e/pixels
 * Reads screenshot pixels, so the tests check what was drawn rather than what the DOM claims. Decoding
 * runs in a blank tab of the same browser (canvas getImageData), which needs no image library in Node.
 */
import type { Page } from 'playwright-core'

/** An sRGB colour with a tolerance: a pixel matches when every channel is within `tolerance`. */
export interface ColourClass {
  readonly rgb: readonly [number, number, number]
  readonly tolerance: number
}

/** A rectangle of the screenshot, in CSS pixels (the tests run at device scale factor 1). */
export interface Region {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

/** Counts, per class, the pixels of `png` inside `region` (default: all) that match it. */
export async function countColours<K extends string>(
  analysis: Page,
  png: Buffer,
  classes: Readonly<Record<K, ColourClass>>,
  region?: Region,
): Promise<Record<K, number>> {
  return analysis.evaluate(
    async ({ data, classes, region }) => {
      const image = new Image()
      image.src = `data:image/png;base64,${data}`
      await image.decode()
      const canvas = document.createElement('canvas')
      canvas.width = image.width
      canvas.height = image.height
      const ctx = canvas.getContext('2d', { willReadFrequently: true })!
      ctx.drawImage(image, 0, 0)
      const r = region ?? { x: 0, y: 0, width: image.width, height: image.height }
      const pixels = ctx.getImageData(r.x, r.y, r.width, r.height).data
      const out: Record<string, number> = {}
      const entries = Object.entries(classes) as [string, ColourClass][]
      for (const [name] of entries) out[name] = 0
      for (let i = 0; i < pixels.length; i += 4) {
        for (const [name, c] of entries) {
          if (
            Math.abs(pixels[i]! - c.rgb[0]) <= c.tolerance &&
            Math.abs(pixels[i + 1]! - c.rgb[1]) <= c.tolerance &&
            Math.abs(pixels[i + 2]! - c.rgb[2]) <= c.tolerance
          ) {
            out[name]!++
          }
        }
      }
      return out
    },
    { data: png.toString('base64'), classes: classes as Record<string, ColourClass>, region },
  ) as Promise<Record<K, number>>
}

/** The RGB of one pixel of `png`. */
export async function pixelAt(analysis: Page, png: Buffer, x: number, y: number): Promise<[number, number, number]> {
  return analysis.evaluate(
    async ({ data, x, y }) => {
      const image = new Image()
      image.src = `data:image/png;base64,${data}`
      await image.decode()
      const canvas = document.createElement('canvas')
      canvas.width = image.width
      canvas.height = image.height
      const ctx = canvas.getContext('2d', { willReadFrequently: true })!
      ctx.drawImage(image, 0, 0)
      const p = ctx.getImageData(Math.round(x), Math.round(y), 1, 1).data
      return [p[0]!, p[1]!, p[2]!] as [number, number, number]
    },
    { data: png.toString('base64'), x, y },
  )
}
