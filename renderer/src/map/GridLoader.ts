/**
 * @module renderer/map/GridLoader
 * 单元网格图层 — keeps the unit-grid cells of the view loaded through the bridge and draws them on canvas:
 * fill by area class, thin outline and, close in, the grid ids. Zoomed out, the bridge answers with a
 * summary (past its limit of cells per view) and the region outlines carry the map.
 *
 * Canvas, not WebGL: the bridge caps a view at 20,000 cells, which canvas draws once per settled view, and
 * while the view moves OpenLayers only transforms that image. A WebGL layer redraws every frame, which
 * costs 5-10× more per frame without a GPU (measured in headless Chromium; see bench/render.ts).
 */
import Feature from 'ol/Feature.js'
import Polygon from 'ol/geom/Polygon.js'
import VectorLayer from 'ol/layer/Vector.js'
import VectorSource from 'ol/source/Vector.js'
import type { Extent } from 'ol/extent.js'
import { fromLonLat as olFromLonLat } from 'ol/proj.js'
import type { Bbox, CityLoopBridge, GridLayer } from '../../../contracts/bridge/index.js'
import { CGCS2000, type ViewProjection } from './projection.js'
import { gridStyle } from './region-style.js'
import { covers, queryBbox } from './view-query.js'

/** Options of {@link GridLoader}. */
export interface GridLoaderOptions {
  readonly bridge: CityLoopBridge
  /** Zoom from which the 3-digit sequence labels show. Default 15.6. */
  readonly labelZoom?: number
  /** Zoom from which labels show the full 15-digit id. Default 17. */
  readonly fullIdZoom?: number
  readonly margin?: number
  /** The view zoom of a draw resolution (it depends on the view projection). */
  readonly zoomOf: (resolution: number) => number
  readonly onLoaded?: (info: GridLoadInfo) => void
  readonly onError?: (error: string) => void
}

/** What the grid layer shows after a load. */
export interface GridLoadInfo {
  readonly kind: GridLayer['kind']
  readonly total: number
  readonly drawn: number
  readonly ms: number
  /** For a summary: the zoom from which cells are drawn. */
  readonly minZoom?: number
}

/** Loads unit grids for the view and owns the cell and label layers. */
export class GridLoader {
  readonly source = new VectorSource<Feature<Polygon>>()
  readonly cells: VectorLayer<VectorSource<Feature<Polygon>>>
  private readonly bridge_: CityLoopBridge
  private readonly margin_: number
  private readonly onLoaded_: GridLoaderOptions['onLoaded']
  private readonly onError_: GridLoaderOptions['onError']
  private request_ = 0
  private loaded_: { bbox: Bbox; kind: GridLayer['kind']; zoom: number } | undefined
  private inflight_: { bbox: Bbox; zoom: number } | undefined
  private last_: GridLoadInfo | undefined

  constructor(options: GridLoaderOptions) {
    this.bridge_ = options.bridge
    this.margin_ = options.margin ?? 0.2
    this.onLoaded_ = options.onLoaded
    this.onError_ = options.onError
    this.cells = new VectorLayer({
      source: this.source,
      style: gridStyle(options.labelZoom ?? 15.6, options.fullIdZoom ?? 17, options.zoomOf),
      // Labels sit in the middle of cells wide enough for them, so they cannot collide; without declutter they
      // are part of the layer's image, which OpenLayers only transforms while the view moves (decluttered
      // text is replayed every frame: 300 ms a frame with 12,000 cells in SwiftShader).
      declutter: false,
      updateWhileAnimating: false,
      updateWhileInteracting: false,
      properties: { id: 'grids' },
    })
  }

  get lastLoad(): GridLoadInfo | undefined {
    return this.last_
  }

  invalidate(): void {
    this.loaded_ = undefined
    this.inflight_ = undefined
  }

  /** Brings the cells up to date for a view; cells already held for a view that covers it are kept. */
  async update(viewExtent: Extent, zoom: number, projection: ViewProjection): Promise<void> {
    if (!this.cells.getVisible()) return
    // An answer on its way for a view that covers this one (same scale) will do.
    const flying = this.inflight_
    if (flying && Math.abs(zoom - flying.zoom) < 0.01 && covers(flying.bbox, viewExtent, projection)) return
    const held = this.loaded_
    if (held && covers(held.bbox, viewExtent, projection)) {
      if (held.kind !== 'summary' && zoom >= held.zoom - 0.01) return
      if (held.kind === 'summary' && zoom < (this.last_?.minZoom ?? Infinity)) return
    }
    const bbox = queryBbox(viewExtent, projection, this.margin_)
    const id = ++this.request_
    const started = performance.now()
    this.inflight_ = { bbox, zoom }
    const result = await this.bridge_.layers.grids({ bbox, zoom, format: 'compact' })
    if (id !== this.request_) return
    this.inflight_ = undefined
    if (!result.ok) {
      this.onError_?.(result.error.message)
      return
    }
    const answer = result.value
    let drawn = 0
    this.source.clear(true)
    if (answer.kind === 'compact') {
      const features = compactFeatures(answer, projection)
      this.source.addFeatures(features)
      drawn = features.length
    } else if (answer.kind === 'geojson') {
      throw new Error('GridLoader: asked for compact grids, got GeoJSON')
    }
    this.loaded_ = { bbox, kind: answer.kind, zoom }
    this.last_ = {
      kind: answer.kind,
      total: answer.total,
      drawn,
      ms: performance.now() - started,
      ...(answer.kind === 'summary' ? { minZoom: answer.minZoom } : {}),
    }
    this.onLoaded_?.(this.last_)
  }
}

/** Polygon features from the bridge's compact grid columns, in the view projection. */
export function compactFeatures(answer: Extract<GridLayer, { kind: 'compact' }>, projection: ViewProjection): Feature<Polygon>[] {
  const features: Feature<Polygon>[] = new Array(answer.ids.length)
  const { coords, ringStart } = answer
  for (let i = 0; i < answer.ids.length; i++) {
    const ring: number[][] = []
    for (let k = ringStart[i]!; k < ringStart[i + 1]!; k++) {
      const lon = coords[2 * k]!
      const lat = coords[2 * k + 1]!
      ring.push(projection === CGCS2000 ? [lon, lat] : olFromLonLat([lon, lat], projection))
    }
    const feature = new Feature({
      geometry: new Polygon([ring]),
      id: answer.ids[i],
      areaClass: answer.areaClasses[i],
      communityCode: answer.communityCodes[i],
    })
    feature.setId(answer.ids[i])
    features[i] = feature
  }
  return features
}
