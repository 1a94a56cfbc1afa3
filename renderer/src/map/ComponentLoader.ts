/**
 * @module renderer/map/ComponentLoader
 * 部件图层 — keeps the component layers filled for the current view through the bridge: points (WebGL) when
 * the view holds few enough components, else counts per cell (aggregate discs). Only the view (plus a
 * margin) is ever held, so the 1,000,000-component city costs what one screen of it costs.
 */
import Feature from 'ol/Feature.js'
import Point from 'ol/geom/Point.js'
import LayerGroup from 'ol/layer/Group.js'
import WebGLVectorLayer from 'ol/layer/WebGLVector.js'
import VectorSource from 'ol/source/Vector.js'
import { boundingExtent, type Extent } from 'ol/extent.js'
import type { Coordinate } from 'ol/coordinate.js'
import { fromLonLat as olFromLonLat } from 'ol/proj.js'
import type { Bbox, CityLoopBridge, ComponentLayer, ComponentQuery } from '../../../contracts/bridge/index.js'
import { componentAggregateStyle, componentPointStyle, groupIndex, groupOf, pointRadius } from './component-style.js'
import { CGCS2000, type ViewProjection } from './projection.js'
import { covers, queryBbox } from './view-query.js'

/** Options of {@link ComponentLoader}. */
export interface ComponentLoaderOptions {
  readonly bridge: CityLoopBridge
  /** Most points held at once; more in view means an aggregate. Default 100 000. */
  readonly limit?: number
  /** Share of the view added on each side of a request. Default 0.25. */
  readonly margin?: number
  /** Called after each applied answer (for the status bar and tests). */
  readonly onLoaded?: (info: ComponentLoadInfo) => void
  /** Called when a request fails. */
  readonly onError?: (error: string) => void
}

/** What the layers show after a load. */
export interface ComponentLoadInfo {
  readonly kind: ComponentLayer['kind']
  /** Components matching in the requested bbox. */
  readonly total: number
  /** Points or cells drawn. */
  readonly drawn: number
  /** Milliseconds from request to features in the source. */
  readonly ms: number
}

/** Filters the operator set in the legend. */
export interface ComponentFilter {
  readonly classes?: readonly string[]
  readonly statuses?: ComponentQuery['statuses']
}

/** Loads components for the view and owns the two WebGL layers that draw them. */
export class ComponentLoader {
  /** The group the layer switcher shows as one entry ('部件'). */
  readonly layer: LayerGroup
  /** Point layer; features carry `id`, `group`, `status`, `category`. */
  readonly points: WebGLVectorLayer<VectorSource<Feature<Point>>>
  readonly aggregate: WebGLVectorLayer<VectorSource<Feature<Point>>>
  private readonly bridge_: CityLoopBridge
  private readonly limit_: number
  private readonly margin_: number
  private readonly onLoaded_: ComponentLoaderOptions['onLoaded']
  private readonly onError_: ComponentLoaderOptions['onError']
  private request_ = 0
  private loaded_: { bbox: Bbox; kind: ComponentLayer['kind']; zoom: number } | undefined
  private inflight_: { bbox: Bbox; zoom: number } | undefined
  private filter_: ComponentFilter = {}
  private last_: ComponentLoadInfo | undefined

  constructor(options: ComponentLoaderOptions) {
    this.bridge_ = options.bridge
    this.limit_ = options.limit ?? 100_000
    this.margin_ = options.margin ?? 0.25
    this.onLoaded_ = options.onLoaded
    this.onError_ = options.onError
    // Picking goes through the source's spatial index (idNear), with a tolerance WebGL hit detection lacks;
    // without its hit framebuffer the layer also draws each frame once instead of twice.
    this.points = new WebGLVectorLayer({
      source: new VectorSource<Feature<Point>>(),
      style: componentPointStyle(),
      disableHitDetection: true,
      properties: { id: 'components-points', displayInLayerSwitcher: false },
    })
    this.aggregate = new WebGLVectorLayer({
      source: new VectorSource<Feature<Point>>(),
      style: componentAggregateStyle(),
      variables: { max: 1, maxRadius: 14 },
      disableHitDetection: true,
      properties: { id: 'components-aggregate', displayInLayerSwitcher: false },
    })
    this.layer = new LayerGroup({ layers: [this.aggregate, this.points], properties: { id: 'components' } })
  }

  /** The last applied answer, if any. */
  get lastLoad(): ComponentLoadInfo | undefined {
    return this.last_
  }

  /**
   * The id of the component drawn nearest to a view coordinate, within a few pixels of its disc; undefined
   * when none is, or when points are too small to aim at (below `minZoom`, a click means the place).
   */
  idNear(coordinate: Coordinate, resolution: number, zoom: number, minZoom = 15): string | undefined {
    if (zoom < minZoom || !this.layer.getVisible() || !this.points.getVisible()) return undefined
    const source = this.points.getSource()!
    const tolerance = (pointRadius(zoom) + 3) * resolution
    const extent = boundingExtent([
      [coordinate[0]! - tolerance, coordinate[1]! - tolerance],
      [coordinate[0]! + tolerance, coordinate[1]! + tolerance],
    ])
    let best: Feature<Point> | undefined
    let bestDistance = Infinity
    source.forEachFeatureInExtent(extent, (feature) => {
      const [x, y] = feature.getGeometry()!.getCoordinates()
      const d = Math.hypot(x! - coordinate[0]!, y! - coordinate[1]!)
      if (d <= tolerance && d < bestDistance) {
        best = feature
        bestDistance = d
      }
    })
    return best ? String(best.get('id')) : undefined
  }

  /** Narrows what is shown; the next {@link update} reloads. */
  setFilter(filter: ComponentFilter): void {
    this.filter_ = filter
    this.invalidate()
  }

  /** Forgets what was loaded, so the next {@link update} asks again (after a sync or a projection change). */
  invalidate(): void {
    this.loaded_ = undefined
    this.inflight_ = undefined
  }

  /**
   * Brings the layers up to date for a view. Skips the request when the points already held cover the view
   * (points do not change with the zoom; aggregates do, since their cell size follows it).
   */
  async update(viewExtent: Extent, zoom: number, projection: ViewProjection): Promise<void> {
    if (!this.layer.getVisible()) return
    // An answer on its way for a view that covers this one (same scale) will do.
    const flying = this.inflight_
    if (flying && Math.abs(zoom - flying.zoom) < 0.01 && covers(flying.bbox, viewExtent, projection)) return
    const held = this.loaded_
    if (held && held.kind === 'points' && zoom >= held.zoom - 0.01 && covers(held.bbox, viewExtent, projection)) return
    if (held && held.kind === 'aggregate' && Math.abs(zoom - held.zoom) < 0.5 && covers(held.bbox, viewExtent, projection)) return
    const bbox = queryBbox(viewExtent, projection, this.margin_)
    const id = ++this.request_
    const started = performance.now()
    const query: ComponentQuery = {
      bbox,
      zoom,
      limit: this.limit_,
      ...(this.filter_.classes ? { classes: this.filter_.classes } : {}),
      ...(this.filter_.statuses ? { statuses: this.filter_.statuses } : {}),
    }
    this.inflight_ = { bbox, zoom }
    const result = await this.bridge_.layers.components(query)
    // A newer request went out while this one was on its way: its answer wins.
    if (id !== this.request_) return
    this.inflight_ = undefined
    if (!result.ok) {
      this.onError_?.(result.error.message)
      return
    }
    const answer = result.value
    const drawn = answer.kind === 'points' ? this.showPoints(answer, projection) : this.showAggregate(answer, projection, zoom)
    this.loaded_ = { bbox, kind: answer.kind, zoom }
    this.last_ = { kind: answer.kind, total: answer.total, drawn, ms: performance.now() - started }
    this.onLoaded_?.(this.last_)
  }

  private showPoints(answer: Extract<ComponentLayer, { kind: 'points' }>, projection: ViewProjection): number {
    const groups = answer.categories.map((key) => groupIndex(groupOf(key)))
    const features: Feature<Point>[] = new Array(answer.ids.length)
    for (let i = 0; i < answer.ids.length; i++) {
      const c = answer.category[i]!
      const feature = new Feature({
        geometry: new Point(project(answer.lon[i]!, answer.lat[i]!, projection)),
        id: answer.ids[i],
        category: answer.categories[c],
        group: groups[c],
        status: answer.status[i],
      })
      feature.setId(answer.ids[i])
      features[i] = feature
    }
    replace(this.points.getSource()!, features)
    this.aggregate.getSource()!.clear(true)
    // An empty WebGL layer still clears and composites a full-window canvas every frame.
    this.points.setVisible(true)
    this.aggregate.setVisible(false)
    return features.length
  }

  private showAggregate(answer: Extract<ComponentLayer, { kind: 'aggregate' }>, projection: ViewProjection, zoom: number): number {
    let max = 1
    const features: Feature<Point>[] = new Array(answer.count.length)
    for (let i = 0; i < answer.count.length; i++) {
      const count = answer.count[i]!
      if (count > max) max = count
      features[i] = new Feature({ geometry: new Point(project(answer.lon[i]!, answer.lat[i]!, projection)), count })
    }
    // The disc of the fullest cell spans most of its cell on screen: neighbours stay apart, the map shows through.
    const cellPixels = answer.cellSize / (1.40625 / 2 ** zoom)
    this.aggregate.updateStyleVariables({ max, maxRadius: Math.max(4, Math.min(18, cellPixels * 0.42)) })
    replace(this.aggregate.getSource()!, features)
    this.points.getSource()!.clear(true)
    this.aggregate.setVisible(true)
    this.points.setVisible(false)
    return features.length
  }
}

function project(lon: number, lat: number, projection: ViewProjection): number[] {
  return projection === CGCS2000 ? [lon, lat] : olFromLonLat([lon, lat], projection)
}

// clear(true) skips per-feature events; addFeatures then indexes the new set in one bulk load.
function replace<T extends Feature<Point>>(source: VectorSource<T>, features: T[]): void {
  source.clear(true)
  source.addFeatures(features)
}
