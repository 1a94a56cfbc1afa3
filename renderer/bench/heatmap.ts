/**
 * @module renderer/bench/heatmap
 * The heatmap bench's page (bench/heatmap.ts drives it): the same synthetic cases as a heatmap, two ways.
 * - `?side=cityloop`: CityLoop's CaseHeatmap — a filter change is CaseLayers' pass over the typed columns,
 *   then the matching cases binned on cells of a few pixels, the source replaced by the cells.
 * - `?side=bare`: a bare OpenLayers Heatmap — ol/Feature + Point in a default VectorSource, and a filter
 *   change rebuilds the source with the matching cases, as a page without GPU filtering does.
 * Both use the same radius, blur, gradient and weight. `window.heatmapBench.change(step)` applies a filter
 * and resolves with the milliseconds until the next complete frame has been drawn (a 1-pixel readPixels
 * after `rendercomplete` waits for the GPU).
 */
import OlMap from 'ol/Map.js'
import View from 'ol/View.js'
import Feature from 'ol/Feature.js'
import Point from 'ol/geom/Point.js'
import Heatmap from 'ol/layer/Heatmap.js'
import VectorSource from 'ol/source/Vector.js'
import { buffer, getHeight, getWidth } from 'ol/extent.js'
import type Layer from 'ol/layer/Layer.js'
import type RenderEvent from 'ol/render/Event.js'
import type { CasePhase } from '../../core/case/phase.js'
import { caseData, projectCases } from '../src/cases/map/case-data.js'
import { CaseHeatmap } from '../src/cases/map/CaseHeatmap.js'
import { caseMatches, minuteWindow, selectCases, splitFilter } from '../src/cases/map/case-filter.js'
import { HEAT_BLUR_STOPS, HEAT_GRADIENT, HEAT_RADIUS_STOPS, heatWeight, interpolateStops } from '../src/cases/map/case-style.js'
import { CGCS2000, registerCgcs2000 } from '../src/map/projection.js'
import { loadCasesFile } from './cases-file.js'

/** One filter change: phases (absent = all) and a playback window (absent = all time). */
export interface HeatmapBenchStep {
  readonly phases?: readonly CasePhase[]
  readonly window?: { readonly from: number; readonly to: number } | null
}

/** What the page reports. */
export interface HeatmapBenchPage {
  /** Resolves when every case is drawn: the load time (data in hand → first complete frame). */
  readonly ready: Promise<{ readonly n: number; readonly loadMs: number }>
  /** `ms`: call → next drawn frame; `recomputeMs`: call → new features in the source (the CPU part). */
  change(step: HeatmapBenchStep): Promise<{ readonly ms: number; readonly recomputeMs: number; readonly shown: number }>
}

declare global {
  interface Window {
    heatmapBench?: HeatmapBenchPage
    /** The page's map (diagnostics). */
    heatmapBenchMap?: OlMap
  }
}

const zoomCurve = (stops: readonly (readonly [number, number])[]) => ['interpolate', ['linear'], ['zoom'], ...stops.flat()]

async function start(): Promise<HeatmapBenchPage> {
  registerCgcs2000()
  const params = new URL(location.href).searchParams
  const side = params.get('side') === 'bare' ? 'bare' : 'cityloop'
  const file = await loadCasesFile(params.get('cases') ?? '/cases.bin')
  const data = caseData({
    ids: Array.from({ length: file.n }, (_, i) => `C${i}`),
    lon: file.lon,
    lat: file.lat,
    phase: file.phase,
    light: file.light,
    hazard: file.hazard,
    createdAt: file.createdAt,
  })
  let w = Infinity
  let s = Infinity
  let e = -Infinity
  let n = -Infinity
  for (let i = 0; i < data.size; i++) {
    w = Math.min(w, data.lon[i]!)
    e = Math.max(e, data.lon[i]!)
    s = Math.min(s, data.lat[i]!)
    n = Math.max(n, data.lat[i]!)
  }
  const map = new OlMap({ target: 'map', controls: [], view: new View({ projection: CGCS2000, center: [(w + e) / 2, (s + n) / 2], zoom: 12 }) })
  map.getView().fit([w, s, e, n], { padding: [24, 24, 24, 24] })
  window.heatmapBenchMap = map
  const size = map.getSize() ?? [1600, 900]
  const pixels = size[0]! * size[1]!
  const zoom = () => map.getView().getZoom() ?? 12

  let gl: WebGLRenderingContext | WebGL2RenderingContext | undefined
  const watch = (layer: Layer) =>
    layer.on('postrender', (event: RenderEvent) => {
      gl = event.context as WebGLRenderingContext
    })
  // The next complete frame, drawn: rendercomplete, then a pixel read that waits for the GPU to finish it.
  const frame = () =>
    new Promise<void>((resolve) => {
      map.once('rendercomplete', () => {
        gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4))
        resolve()
      })
      map.render()
    })

  const loadStart = performance.now()
  let change: HeatmapBenchPage['change']
  if (side === 'cityloop') {
    const heat = new CaseHeatmap()
    watch(heat.layer)
    map.addLayer(heat.layer)
    const projected = projectCases(data, CGCS2000)
    // The view CaseLayers bins for: the view with a quarter of it on each side.
    const viewOf = () => {
      const view = map.getView()
      const viewExtent = view.calculateExtent(size)
      const extent = buffer(viewExtent, Math.max(getWidth(viewExtent), getHeight(viewExtent)) * 0.25)
      return { extent, viewExtent, resolution: view.getResolution()!, zoom: zoom(), pixels }
    }
    heat.update(projected, Uint32Array.from({ length: data.size }, (_, i) => i), viewOf())
    change = async (step) => {
      const started = performance.now()
      const { local } = splitFilter(step.phases ? { phases: step.phases } : {})
      // What CaseLayers does on a filter change: one pass for the selection (and its counts), then the bins.
      const selection = selectCases(data, local, minuteWindow(step.window ?? null, data.base))
      heat.update(projected, selection.shown, viewOf())
      const recomputeMs = performance.now() - started
      await frame()
      return { ms: performance.now() - started, recomputeMs, shown: selection.shown.length }
    }
  } else {
    const source = new VectorSource<Feature<Point>>()
    const layer = new Heatmap<Feature<Point>>({
      source,
      gradient: [...HEAT_GRADIENT],
      radius: zoomCurve(HEAT_RADIUS_STOPS),
      blur: zoomCurve(HEAT_BLUR_STOPS),
      weight: ['var', 'weight'],
      variables: { weight: 1 },
    })
    watch(layer)
    map.addLayer(layer)
    const weightFor = (count: number) =>
      heatWeight(count, pixels, interpolateStops(HEAT_RADIUS_STOPS, zoom()), interpolateStops(HEAT_BLUR_STOPS, zoom()))
    const rebuild = (keep: (i: number) => boolean) => {
      const features: Feature<Point>[] = []
      for (let i = 0; i < data.size; i++) if (keep(i)) features.push(new Feature(new Point([data.lon[i]!, data.lat[i]!])))
      // clear(true): one 'clear' event instead of one per feature (per-feature removal events are the slow part
      // of a naive rebuild; the baseline gets the fast path).
      source.clear(true)
      source.addFeatures(features)
      layer.updateStyleVariables({ weight: weightFor(features.length) })
      return features.length
    }
    rebuild(() => true)
    change = async (step) => {
      const started = performance.now()
      const { local } = splitFilter(step.phases ? { phases: step.phases } : {})
      const window = minuteWindow(step.window ?? null, data.base)
      const shown = rebuild((i) => caseMatches(data, i, local, window))
      const recomputeMs = performance.now() - started
      await frame()
      return { ms: performance.now() - started, recomputeMs, shown }
    }
  }
  await frame()
  const loadMs = performance.now() - loadStart
  document.body.dataset.ready = side
  return { ready: Promise.resolve({ n: data.size, loadMs }), change }
}

const started = start()
window.heatmapBench = {
  ready: started.then((page) => page.ready),
  change: (step) => started.then((page) => page.change(step)),
}
