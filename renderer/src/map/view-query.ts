/**
 * @module renderer/map/view-query
 * What a layer should ask the bridge for, given the view: the bbox in CGCS2000 degrees with a margin (so
 * small pans need no new request), and whether an earlier answer still covers the view.
 */
import { buffer, containsExtent, getHeight, getWidth, type Extent } from 'ol/extent.js'
import { transformExtent } from 'ol/proj.js'
import type { Bbox } from '../../../contracts/bridge/index.js'
import { CGCS2000, type ViewProjection } from './projection.js'

/** The view extent in CGCS2000 lon/lat, grown by `margin` of its size on every side and clamped to the globe. */
export function queryBbox(viewExtent: Extent, projection: ViewProjection, margin: number): Bbox {
  const grown = buffer(viewExtent, Math.max(getWidth(viewExtent), getHeight(viewExtent)) * margin)
  const [w, s, e, n] = projection === CGCS2000 ? grown : transformExtent(grown, projection, CGCS2000)
  return [round(Math.max(-180, w!)), round(Math.max(-90, s!)), round(Math.min(180, e!)), round(Math.min(90, n!))]
}

/** True when a loaded bbox holds the whole current view. */
export function covers(loaded: Bbox | undefined, viewExtent: Extent, projection: ViewProjection): boolean {
  if (!loaded) return false
  const view = projection === CGCS2000 ? viewExtent : transformExtent(viewExtent, projection, CGCS2000)
  return containsExtent(loaded as unknown as Extent, view)
}

// Six decimals (≈ 0.1 m) keep request bodies short and cache keys stable.
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6
}
