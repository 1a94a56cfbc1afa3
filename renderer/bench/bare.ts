/**
 * @module renderer/bench/bare
 * The render bench's baseline: the plainest OpenLayers page that shows the same components — every point
 * in one WebGLVector layer with the workstation's point style, no bridge, no bbox loading, no aggregation.
 * bench/render.ts opens it with `?points=<url of a binary file>` and drives it with the same pan/zoom
 * script as the workstation.
 *
 * Points file (little-endian): uint32 count n padded to 8 bytes, then float64 lon[n], float64 lat[n], uint8 group[n],
 * uint8 status[n] (indices as in renderer/src/map/component-style.ts and COMPONENT_STATUSES).
 */
import OlMap from 'ol/Map.js'
import View from 'ol/View.js'
import Feature from 'ol/Feature.js'
import Point from 'ol/geom/Point.js'
import WebGLVectorLayer from 'ol/layer/WebGLVector.js'
import VectorSource from 'ol/source/Vector.js'
import { componentPointStyle } from '../src/map/component-style.js'
import { CGCS2000, registerCgcs2000 } from '../src/map/projection.js'

/** What the bench reads back from the page. */
export interface BareTimings {
  readonly points: number
  /** Fetch and decode of the points file. */
  readonly fetchMs: number
  /** Creating the features and adding them to the source. */
  readonly buildMs: number
  /** From navigation start to the first complete render with every point. */
  readonly firstRenderMs: number
}

declare global {
  interface Window {
    /** Resolves when the first render with every point is complete. */
    benchReady?: Promise<BareTimings>
    /** The same handle the workstation exposes, so one pan/zoom script drives both pages. */
    cityloopMap?: { readonly map: OlMap }
  }
}

async function start(): Promise<BareTimings> {
  registerCgcs2000()
  const url = new URL(location.href).searchParams.get('points')
  if (!url) throw new Error('bare.html needs ?points=<url>')
  const fetchStart = performance.now()
  const buffer = await (await fetch(url)).arrayBuffer()
  const n = new DataView(buffer).getUint32(0, true)
  const lon = new Float64Array(buffer, 8, n)
  const lat = new Float64Array(buffer, 8 + 8 * n, n)
  const group = new Uint8Array(buffer, 8 + 16 * n, n)
  const status = new Uint8Array(buffer, 8 + 16 * n + n, n)
  const fetchMs = performance.now() - fetchStart

  const buildStart = performance.now()
  const features: Feature<Point>[] = new Array(n)
  let w = Infinity
  let s = Infinity
  let e = -Infinity
  let nn = -Infinity
  for (let i = 0; i < n; i++) {
    const x = lon[i]!
    const y = lat[i]!
    if (x < w) w = x
    if (x > e) e = x
    if (y < s) s = y
    if (y > nn) nn = y
    features[i] = new Feature({ geometry: new Point([x, y]), group: group[i], status: status[i] })
  }
  const source = new VectorSource<Feature<Point>>()
  source.addFeatures(features)
  const buildMs = performance.now() - buildStart

  const map = new OlMap({
    target: 'map',
    // The same layer options as the workstation's points: flat style, no hit-detection framebuffer.
    layers: [new WebGLVectorLayer({ source, style: componentPointStyle(), disableHitDetection: true })],
    view: new View({ projection: CGCS2000, center: [(w + e) / 2, (s + nn) / 2], zoom: 12 }),
  })
  map.getView().fit([w, s, e, nn], { padding: [24, 24, 24, 24] })
  window.cityloopMap = { map }
  await new Promise<void>((resolve) => map.once('rendercomplete', () => resolve()))
  return { points: n, fetchMs, buildMs, firstRenderMs: performance.now() }
}

window.benchReady = start()
