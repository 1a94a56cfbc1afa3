/**
 * @module renderer/cases/map/CaseHeatmap
 * 热力图 — the cases as an OpenLayers WebGL heatmap (ol/layer/Heatmap) whose features are not the cases but
 * the cases binned on cells of a few screen pixels (cluster.ts binPoints), each weighted by its count. A
 * filter change or a playback step is one pass over typed arrays and a source of at most a few tens of
 * thousands of cells; what the GPU draws is bounded by the view, not by the number of cases.
 *
 * Why not all cases in the source, filtered on the GPU with style variables: measured in headless Chromium
 * (SwiftShader, bench/heatmap.ts), every case still costs its instanced quad each frame even when the
 * filter discards it — about 25 µs a case, so 25 s a frame for a million — and every visible one fills a
 * kernel 30 px wide. Binned, the same view is a few thousand to ~40,000 quads however many cases there are,
 * and the source holds nothing else (no million features, no million-entry vertex buffers).
 *
 * Features are RenderFeatures (flat coordinates and a properties object, no geometry objects or change
 * events). The source keeps its default spatial index: without one OpenLayers holds the features in a
 * Collection that a clear empties one event at a time (measured: most of an update's time).
 */
import Heatmap from 'ol/layer/Heatmap.js'
import VectorSource from 'ol/source/Vector.js'
import RenderFeature from 'ol/render/Feature.js'
import type WebGLVectorLayerRenderer from 'ol/renderer/webgl/VectorLayer.js'
import type { Extent } from 'ol/extent.js'
import type { NumberExpression } from 'ol/style/flat.js'
import type { ProjectedCases } from './case-data.js'
import { cellWeight, HEAT_BLUR_STOPS, HEAT_GRADIENT, HEAT_RADIUS_STOPS, heatCellPixels, heatWeight, interpolateStops } from './case-style.js'
import { binPoints } from './cluster.js'

type HeatSource = VectorSource<RenderFeature>

// The stock layer always renders a hit-detection framebuffer (every frame drawn twice, plus a colour
// attribute per feature); nothing picks heat, so it is switched off before the renderer builds its buffers.
class CaseHeatmapLayer extends Heatmap<RenderFeature, HeatSource> {
  override createRenderer(): WebGLVectorLayerRenderer {
    const renderer = super.createRenderer()
    ;(renderer as unknown as { hitDetectionEnabled_: boolean }).hitDetectionEnabled_ = false
    return renderer
  }
}

/** Options of {@link CaseHeatmap}. */
export interface CaseHeatmapOptions {
  readonly zIndex?: number
  readonly properties?: Record<string, unknown>
}

/** The view a heatmap is drawn for. */
export interface HeatView {
  /** What to bin: the view, usually with a margin (view projection). */
  readonly extent: Extent
  /** The view itself (for the density the weights follow). */
  readonly viewExtent: Extent
  readonly resolution: number
  readonly zoom: number
  /** Width × height of the view in pixels. */
  readonly pixels: number
}

/** What an update drew. */
export interface HeatUpdate {
  /** Cells (features) in the source. */
  readonly cells: number
  /** Cases inside the view. */
  readonly inView: number
  /** Weight of one case. */
  readonly weight: number
}

const zoomCurve = (stops: readonly (readonly [number, number])[]): NumberExpression => ['interpolate', ['linear'], ['zoom'], ...stops.flat()]

/** The heatmap layer and its binning. */
export class CaseHeatmap {
  readonly layer: Heatmap<RenderFeature, HeatSource>
  private readonly source_: HeatSource
  private cells_ = 0

  constructor(options: CaseHeatmapOptions = {}) {
    this.source_ = new VectorSource<RenderFeature>()
    this.layer = new CaseHeatmapLayer({
      source: this.source_,
      gradient: [...HEAT_GRADIENT],
      radius: zoomCurve(HEAT_RADIUS_STOPS),
      blur: zoomCurve(HEAT_BLUR_STOPS),
      weight: 'weight',
      ...(options.zIndex !== undefined ? { zIndex: options.zIndex } : {}),
      ...(options.properties ? { properties: options.properties } : {}),
    })
  }

  /** Cells held. */
  get cells(): number {
    return this.cells_
  }

  /**
   * Draws the cases `shown` (indices into `projected`) for `view`: bins those inside `view.extent`, weighs
   * one case so the densest places come out hot (heatWeight, from the cases inside the view and the area
   * they cover) and replaces the source with the cells.
   */
  update(projected: ProjectedCases, shown: ArrayLike<number>, view: HeatView): HeatUpdate {
    const cellSize = heatCellPixels(view.zoom) * view.resolution
    const bins = binPoints(projected.x, projected.y, shown, view.extent, cellSize)
    const [x0, y0, x1, y1] = view.viewExtent as [number, number, number, number]
    let inView = 0
    let cellsInView = 0
    for (let k = 0; k < bins.count.length; k++) {
      const x = bins.x[k]!
      const y = bins.y[k]!
      if (x >= x0 && x <= x1 && y >= y0 && y <= y1) {
        inView += bins.count[k]!
        cellsInView++
      }
    }
    // The density that matters is where the cases are, not over the whole view: a city filling a tenth of the
    // screen would otherwise come out as a red blot. Its area: the cells holding cases (at least 2 % of the view).
    const cellPixels = heatCellPixels(view.zoom)
    const covered = Math.min(view.pixels, Math.max(0.02 * view.pixels, cellsInView * cellPixels * cellPixels))
    const weight = heatWeight(inView, covered, interpolateStops(HEAT_RADIUS_STOPS, view.zoom), interpolateStops(HEAT_BLUR_STOPS, view.zoom))
    const features: RenderFeature[] = new Array(bins.count.length)
    for (let k = 0; k < bins.count.length; k++) {
      features[k] = new RenderFeature('Point', [bins.x[k]!, bins.y[k]!], [], 2, { weight: cellWeight(bins.count[k]!, weight) }, undefined)
    }
    this.source_.clear(true)
    this.source_.addFeatures(features)
    this.cells_ = features.length
    return { cells: features.length, inView, weight }
  }

  /** Drops every cell. */
  clear(): void {
    this.source_.clear(true)
    this.cells_ = 0
  }

  dispose(): void {
    this.clear()
    this.layer.dispose()
  }
}
