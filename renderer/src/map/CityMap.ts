/**
 * @module renderer/map/CityMap
 * 地图 — the workstation's OpenLayers map: basemap, boundaries, unit grids, components and the selection,
 * with the ol-ext layer switcher, legend, search and overview and OpenLayers' scale line and mouse position.
 * It reaches data only through the bridge and leaves every business answer to main/: a click is reported
 * as a {@link MapPick}, and the UI asks the bridge who is responsible there.
 */
import OlMap from 'ol/Map.js'
import View from 'ol/View.js'
import Feature from 'ol/Feature.js'
import Point from 'ol/geom/Point.js'
import LayerGroup from 'ol/layer/Group.js'
import VectorLayer from 'ol/layer/Vector.js'
import VectorSource from 'ol/source/Vector.js'
import GeoJSON from 'ol/format/GeoJSON.js'
import Style from 'ol/style/Style.js'
import CircleStyle from 'ol/style/Circle.js'
import Fill from 'ol/style/Fill.js'
import Stroke from 'ol/style/Stroke.js'
import ScaleLine from 'ol/control/ScaleLine.js'
import MousePosition from 'ol/control/MousePosition.js'
import Zoom from 'ol/control/Zoom.js'
import Attribution from 'ol/control/Attribution.js'
import { transform, transformExtent } from 'ol/proj.js'
import type { Extent } from 'ol/extent.js'
import type { Coordinate } from 'ol/coordinate.js'
import type { Pixel } from 'ol/pixel.js'
import type Control from 'ol/control/Control.js'
import LayerSwitcher from 'ol-ext/control/LayerSwitcher.js'
import LegendControl from 'ol-ext/control/Legend.js'
import Overview from 'ol-ext/control/Overview.js'
import type Legend from 'ol-ext/legend/Legend.js'
import type TileLayer from 'ol/layer/Tile.js'
import type { Bbox, BridgeGeometry, CityLoopBridge, LonLat, SyncEntity } from '../../../contracts/bridge/index.js'
import { basemapLayers, projectionOf, type BasemapSettings } from './basemaps.js'
import { BoundaryLayers } from './BoundaryLayers.js'
import { ComponentLoader, type ComponentLoadInfo } from './ComponentLoader.js'
import { GridLoader, type GridLoadInfo } from './GridLoader.js'
import { createLegend, fillLegend } from './legend.js'
import { CGCS2000, fromLonLat, registerCgcs2000, toLonLat, zoomForResolution, type ViewProjection } from './projection.js'
import { MAP_COLORS, selectionStyle, type LabelLanguage } from './region-style.js'

/** A click on the map: the point, and the component under the cursor if there was one. */
export interface MapPick {
  readonly lonLat: LonLat
  readonly componentId?: string
}

/** What the map reports about itself (status bar, tests). */
export interface MapState {
  readonly projection: ViewProjection
  readonly zoom: number
  readonly components?: ComponentLoadInfo
  readonly grids?: GridLoadInfo
}

/**
 * A click offered to the layers added on top of the map (the case layers) before it becomes a {@link MapPick};
 * a handler returns true when the click was its own (a case point, a cluster), and the lookup then stays quiet.
 */
export interface MapClick {
  /** In the view projection. */
  readonly coordinate: Coordinate
  readonly pixel: Pixel
  readonly lonLat: LonLat
}

/**
 * Whether the basemap's tiles arrive: 'none' without a basemap, 'loading' until the first tile answers, 'ok'
 * once one loaded, 'unreachable' when {@link UNREACHABLE_AFTER} tiles failed and none loaded (no network, a
 * blocked host, a wrong key). A tile that loads later turns it back to 'ok'.
 */
export type BasemapHealth = 'none' | 'loading' | 'ok' | 'unreachable'

/** What {@link CityMapOptions.onBasemap} reports. */
export interface BasemapState {
  /** The basemap drawn (settings' choice, or 'none' when it cannot be drawn). */
  readonly basemap: BasemapSettings['basemap']
  readonly health: BasemapHealth
  /** Tiles that failed since the basemap was set. */
  readonly failed: number
}

/** Failed tiles, with none loaded, after which the basemap counts as unreachable. */
export const UNREACHABLE_AFTER = 4

/** Options of {@link CityMap}. */
export interface CityMapOptions {
  readonly target: HTMLElement
  readonly bridge: CityLoopBridge
  /** Translates a catalogue key; read again on {@link CityMap.setLanguage}. */
  readonly t: (key: string) => string
  readonly language: LabelLanguage
  /** Where the mouse position (CGCS2000 lon/lat) is written: the status bar. */
  readonly cursorTarget?: HTMLElement
  /** Called on a single click. */
  readonly onPick?: (pick: MapPick) => void
  /** Called when the view settles or layers finish loading. */
  readonly onState?: (state: MapState) => void
  readonly onError?: (message: string) => void
  /** Called when the basemap changes or its tiles start or stop arriving. */
  readonly onBasemap?: (state: BasemapState) => void
}

const DEFAULT_CENTER: LonLat = [119.92, 32.49]

/** The map and its layers; one per window. */
export class CityMap {
  readonly map: OlMap
  readonly boundaries: BoundaryLayers
  readonly grids: GridLoader
  readonly components: ComponentLoader
  private readonly bridge_: CityLoopBridge
  private readonly options_: CityMapOptions
  private readonly basemap_ = new LayerGroup({ properties: { id: 'basemap' } })
  private readonly selection_ = new VectorSource()
  private readonly selectionLayer_: VectorLayer<VectorSource>
  private readonly legend_: Legend
  private readonly legendControl_: LegendControl
  private readonly switcher_: LayerSwitcher
  private overview_: Overview | undefined
  private t_: (key: string) => string
  private language_: LabelLanguage
  private projection_: ViewProjection = CGCS2000
  private settled_: ReturnType<typeof setTimeout> | undefined
  private pending_ = 0
  private firstRender_ = false
  private readonly pickHandlers_: ((click: MapClick) => boolean)[] = []
  private readonly legendExtras_: ((legend: Legend, t: (key: string) => string) => void)[] = []
  private basemapState_: BasemapState = { basemap: 'none', health: 'none', failed: 0 }

  constructor(options: CityMapOptions) {
    registerCgcs2000()
    this.options_ = options
    this.bridge_ = options.bridge
    this.t_ = options.t
    this.language_ = options.language
    const onError = (message: string) => options.onError?.(message)
    const zoomOf = (resolution: number) => zoomForResolution(resolution, this.projection_)
    this.boundaries = new BoundaryLayers({
      bridge: this.bridge_,
      language: () => this.language_,
      zoomOf,
      // Without a basemap, or with one whose tiles do not arrive, the filled city outline is the map.
      filled: () => this.basemap_.getLayers().getLength() === 0 || this.basemapState_.health === 'unreachable',
    })
    this.grids = new GridLoader({ bridge: this.bridge_, zoomOf, onError, onLoaded: () => this.report_() })
    this.components = new ComponentLoader({ bridge: this.bridge_, onError, onLoaded: () => this.report_() })
    this.selectionLayer_ = new VectorLayer({
      source: this.selection_,
      style: (feature) => (feature.getGeometry()?.getType() === 'Point' ? PIN : SELECTED),
      zIndex: 100,
      properties: { id: 'selection', displayInLayerSwitcher: false },
    })
    this.basemap_.setZIndex(-10)
    this.grids.cells.setZIndex(5)
    this.components.layer.setZIndex(20)
    this.legend_ = createLegend()
    this.legendControl_ = new LegendControl({ legend: this.legend_, collapsed: true, title: options.t('legend.title') })
    this.switcher_ = new LayerSwitcher({ reordering: false, collapsed: true, mouseover: false, noScroll: false })
    this.map = new OlMap({
      target: options.target,
      layers: [
        this.basemap_,
        this.boundaries.layers.community,
        this.boundaries.layers.street,
        this.boundaries.layers.district,
        this.grids.cells,
        ...Object.values(this.boundaries.labels),
        this.components.layer,
        this.selectionLayer_,
      ],
      controls: [
        new Zoom({ zoomInTipLabel: '', zoomOutTipLabel: '' }),
        new Attribution({ collapsible: true, collapsed: true }),
        new ScaleLine({ units: 'metric', minWidth: 90 }),
        this.switcher_,
        this.legendControl_,
        ...(options.cursorTarget ? [this.mousePosition_(options.cursorTarget)] : []),
      ],
      view: new View({ projection: CGCS2000, center: [...DEFAULT_CENTER], zoom: 12, minZoom: 4, maxZoom: 20 }),
    })
    this.applyTitles_()
    this.map.on('moveend', () => this.scheduleUpdate_())
    // A layer switched back on catches up with views it skipped while hidden.
    this.grids.cells.on('change:visible', () => this.scheduleUpdate_(0))
    this.components.layer.on('change:visible', () => this.scheduleUpdate_(0))
    this.map.on('singleclick', (event) => {
      const lonLat = toLonLat(event.coordinate, this.projection_) as unknown as LonLat
      // Layers added on top (the case layers) see the click first; one that takes it ends it there.
      const click: MapClick = { coordinate: event.coordinate, pixel: event.pixel, lonLat }
      if (this.pickHandlers_.some((handler) => handler(click))) return
      const componentId = this.components.idNear(event.coordinate, this.map.getView().getResolution() ?? 0, this.map.getView().getZoom() ?? 0)
      options.onPick?.(componentId ? { lonLat, componentId } : { lonLat })
    })
  }

  /** The current view projection. */
  get projection(): ViewProjection {
    return this.projection_
  }

  /** The basemap and whether its tiles arrive. */
  get basemapState(): BasemapState {
    return this.basemapState_
  }

  /** Layers are being fetched through the bridge. */
  get busy(): boolean {
    return this.pending_ > 0
  }

  /**
   * Shows the city: applies the basemap (and its projection), fits the view to `extent` (or, without one,
   * the districts once loaded) and loads the boundaries and the view's grids and components side by side.
   */
  async start(settings: BasemapSettings, extent: Bbox | null): Promise<void> {
    this.setBasemap_(settings, true)
    if (extent) this.map.getView().fit(transformExtent([...extent], CGCS2000, this.projection_), { padding: [24, 24, 24, 24] })
    await this.reload_()
    const districts = this.boundaries.extent()
    if (!extent && districts) {
      this.map.getView().fit(districts, { padding: [24, 24, 24, 24] })
      this.scheduleUpdate_(0)
    }
  }

  /**
   * Shows the basemap the settings name. A basemap in another projection rebuilds the view there (same
   * centre and zoom) and reloads every layer in it, so tiles are never reprojected.
   */
  async applyBasemap(settings: BasemapSettings): Promise<void> {
    if (this.setBasemap_(settings, false)) await this.reload_()
  }

  // Puts the basemap's layers in place; true when the view projection changed (the layers must reload).
  private setBasemap_(settings: BasemapSettings, force: boolean): boolean {
    const projection = projectionOf(settings)
    const layers = basemapLayers(settings, this.t_)
    const collection = this.basemap_.getLayers()
    collection.forEach((layer) => layer.dispose())
    collection.clear()
    collection.extend(layers)
    this.watchTiles_(layers, layers.length ? settings.basemap : 'none')
    this.basemap_.set('titleKey', layers.length ? String(layers[0]!.get('titleKey')) : 'layers.basemap.none')
    this.basemap_.set('title', this.t_(String(this.basemap_.get('titleKey'))))
    this.basemap_.set('displayInLayerSwitcher', layers.length > 0)
    this.options_.target.dataset.basemap = layers.length ? settings.basemap : 'none'
    this.options_.target.dataset.projection = projection
    this.boundaries.changed()
    this.switcher_.drawPanel()
    if (projection === this.projection_ && !force) return false
    const old = this.map.getView()
    const center = old.getCenter() ?? fromLonLat([...DEFAULT_CENTER], this.projection_)
    this.map.setView(
      new View({ projection, center: transform(center, this.projection_, projection), zoom: old.getZoom() ?? 12, minZoom: 4, maxZoom: 20 }),
    )
    this.projection_ = projection
    this.selection_.clear()
    this.grids.source.clear()
    this.components.points.getSource()!.clear()
    this.components.aggregate.getSource()!.clear()
    this.grids.invalidate()
    this.components.invalidate()
    return true
  }

  // Loads everything for the current projection: the boundaries and the view's layers in parallel.
  private async reload_(): Promise<void> {
    clearTimeout(this.settled_)
    await Promise.all([this.boundaries.load(this.projection_), this.update_()])
    this.resetOverview_()
  }

  /** Switches the labels, layer titles and legend to another language. */
  setLanguage(t: (key: string) => string, language: LabelLanguage): void {
    this.t_ = t
    this.language_ = language
    this.applyTitles_()
    this.boundaries.changed()
  }

  /** Reloads the layers of changed entities (after a sync page). */
  async refresh(entities: readonly SyncEntity[]): Promise<void> {
    if (entities.includes('region')) await this.boundaries.load(this.projection_)
    if (entities.includes('unit_grid')) this.grids.invalidate()
    if (entities.includes('component')) this.components.invalidate()
    this.scheduleUpdate_(0)
  }

  /** Marks a point and, when given, a grid outline; replaces the previous selection. */
  select(point: LonLat | undefined, grid?: BridgeGeometry): void {
    this.selection_.clear()
    if (grid) {
      const feature = new GeoJSON().readFeature(
        { type: 'Feature', geometry: grid, properties: {} },
        { dataProjection: CGCS2000, featureProjection: this.projection_ },
      ) as Feature
      this.selection_.addFeature(feature)
    }
    if (point) this.selection_.addFeature(new Feature(new Point(fromLonLat([...point], this.projection_))))
  }

  /** Centres on a point, zooming in to at least `minZoom`. */
  flyTo(point: LonLat, minZoom = 17): void {
    const view = this.map.getView()
    view.animate({ center: fromLonLat([...point], this.projection_), zoom: Math.max(view.getZoom() ?? 0, minZoom), duration: 350 })
  }

  /** Centres on a point at a zoom at once (no animation). */
  setView(point: LonLat, zoom: number): void {
    const view = this.map.getView()
    view.setCenter(fromLonLat([...point], this.projection_))
    view.setZoom(zoom)
  }

  /**
   * Fits the view to a CGCS2000 bbox; `padding` [top, right, bottom, left] in CSS px keeps it clear of what
   * covers the map's edges (the side panels).
   */
  fitBbox(bbox: Bbox, maxZoom = 18, padding: readonly [number, number, number, number] = [60, 60, 60, 60], duration = 350): void {
    this.map.getView().fit(transformExtent([...bbox], CGCS2000, this.projection_), { padding: [...padding], maxZoom, duration })
  }

  /** The screen pixel of a CGCS2000 point (for tests and overlays); null before the first render. */
  pixelOf(point: LonLat): [number, number] | null {
    const pixel = this.map.getPixelFromCoordinate(fromLonLat([...point], this.projection_))
    return pixel ? [pixel[0]!, pixel[1]!] : null
  }

  // ------------------------------------------------------------------------------------------------------
  // Hooks for layers added on top of the map (renderer/src/cases/map/CaseLayers.ts).

  /** Lets `handler` take a click before the lookup does (first added, first asked); returns the remover. */
  addPickHandler(handler: (click: MapClick) => boolean): () => void {
    this.pickHandlers_.push(handler)
    return () => {
      const at = this.pickHandlers_.indexOf(handler)
      if (at >= 0) this.pickHandlers_.splice(at, 1)
    }
  }

  /**
   * Adds legend items after the workstation's own, filled again on each language switch and on
   * {@link refreshLegend}; returns the remover.
   */
  addLegendItems(fill: (legend: Legend, t: (key: string) => string) => void): () => void {
    this.legendExtras_.push(fill)
    this.refreshLegend()
    return () => {
      const at = this.legendExtras_.indexOf(fill)
      if (at >= 0) this.legendExtras_.splice(at, 1)
      this.refreshLegend()
    }
  }

  /** Rebuilds the legend (after an added layer changed what it shows). */
  refreshLegend(): void {
    fillLegend(this.legend_, this.t_)
    for (const fill of this.legendExtras_) fill(this.legend_, this.t_)
    this.legend_.refresh()
  }

  /** Reports an error of an added layer the way the map reports its own (the options' onError). */
  reportError(message: string): void {
    this.options_.onError?.(message)
  }

  /** Frees the map's WebGL contexts and listeners. */
  dispose(): void {
    this.map.setTarget(undefined)
    this.components.points.dispose()
    this.components.aggregate.dispose()
    this.map.dispose()
  }

  // Counts the basemap's tile answers: a basemap whose tiles all fail is reported once, not left silent.
  private watchTiles_(layers: readonly TileLayer[], basemap: BasemapSettings['basemap']): void {
    let loaded = 0
    let failed = 0
    const report = (health: BasemapHealth) => {
      const before = this.basemapState_.health
      this.basemapState_ = { basemap, health, failed }
      const target = this.options_.target.dataset
      target.basemapHealth = health
      if (before === 'unreachable' || health === 'unreachable') this.boundaries.changed()
      this.options_.onBasemap?.(this.basemapState_)
    }
    report(layers.length ? 'loading' : 'none')
    for (const layer of layers) {
      const source = layer.getSource()
      if (!source) continue
      source.on('tileloadend', () => {
        loaded++
        if (this.basemapState_.health !== 'ok' && this.basemap_.getLayers().getArray().includes(layer)) report('ok')
      })
      source.on('tileloaderror', () => {
        if (!this.basemap_.getLayers().getArray().includes(layer)) return
        failed++
        const health: BasemapHealth = loaded > 0 ? 'ok' : failed >= UNREACHABLE_AFTER ? 'unreachable' : 'loading'
        if (health !== this.basemapState_.health) report(health)
        else this.basemapState_ = { basemap, health, failed }
      })
    }
  }

  private mousePosition_(target: HTMLElement): Control {
    return new MousePosition({
      target,
      projection: CGCS2000,
      className: 'cursor-position',
      placeholder: '—',
      coordinateFormat: (c) => (c ? `${c[0]!.toFixed(6)}, ${c[1]!.toFixed(6)}` : '—'),
    })
  }

  private applyTitles_(): void {
    const t = this.t_
    this.boundaries.layers.district.set('title', t('layers.district'))
    this.boundaries.layers.street.set('title', t('layers.street'))
    this.boundaries.layers.community.set('title', t('layers.community'))
    this.grids.cells.set('title', t('layers.grids'))
    this.components.layer.set('title', t('layers.components'))
    this.basemap_.set('title', t(String(this.basemap_.get('titleKey') ?? 'layers.basemap.none')))
    this.basemap_.getLayers().forEach((layer) => layer.set('title', t(String(layer.get('titleKey')))))
    this.refreshLegend()
    this.legendControl_.element.title = t('legend.title')
    this.switcher_.drawPanel()
  }

  // The overview shows the districts in the current projection; it is rebuilt when the projection changes.
  private resetOverview_(): void {
    if (this.overview_) this.map.removeControl(this.overview_)
    const outline = new VectorLayer({
      source: this.boundaries.layers.district.getSource()!,
      style: new Style({ fill: new Fill({ color: 'rgba(94,200,255,0.25)' }), stroke: new Stroke({ color: MAP_COLORS.district, width: 1 }) }),
    })
    this.overview_ = new Overview({ projection: this.projection_, layers: [outline], minZoom: 6, maxZoom: 12, align: 'bottom-right', panAnimation: true })
    this.map.addControl(this.overview_)
  }

  // Requests follow the view once it settles; a burst of moveends becomes one request per layer.
  private scheduleUpdate_(delay = 60): void {
    clearTimeout(this.settled_)
    this.settled_ = setTimeout(() => void this.update_(), delay)
  }

  private async update_(): Promise<void> {
    const view = this.map.getView()
    const size = this.map.getSize()
    if (!size || !view.isDef()) return
    const extent: Extent = view.calculateExtent(size)
    const zoom = view.getZoom() ?? 0
    this.pending_++
    this.options_.target.dataset.busy = 'true'
    try {
      await Promise.all([this.grids.update(extent, zoom, this.projection_), this.components.update(extent, zoom, this.projection_)])
    } catch (error) {
      this.options_.onError?.(error instanceof Error ? error.message : String(error))
    } finally {
      this.pending_--
      if (this.pending_ === 0) delete this.options_.target.dataset.busy
      this.report_()
    }
  }

  private report_(): void {
    // The first view with every layer loaded, once drawn, is the workstation's "first map render".
    if (!this.firstRender_ && this.components.lastLoad && this.grids.lastLoad && this.pending_ === 0) {
      this.firstRender_ = true
      this.map.once('rendercomplete', () => {
        performance.mark('cityloop:first-render')
        this.options_.target.dataset.firstRender = String(Math.round(performance.now()))
      })
      this.map.render()
    }
    const state: MapState = {
      projection: this.projection_,
      zoom: this.map.getView().getZoom() ?? 0,
      ...(this.components.lastLoad ? { components: this.components.lastLoad } : {}),
      ...(this.grids.lastLoad ? { grids: this.grids.lastLoad } : {}),
    }
    const data = this.options_.target.dataset
    data.zoom = state.zoom.toFixed(2)
    if (state.components) data.components = `${state.components.kind}:${state.components.drawn}`
    if (state.grids) data.grids = `${state.grids.kind}:${state.grids.drawn}`
    this.options_.onState?.(state)
  }
}

const SELECTED = selectionStyle()
const PIN = [
  new Style({ image: new CircleStyle({ radius: 11, stroke: new Stroke({ color: 'rgba(11,18,32,0.9)', width: 5 }) }) }),
  new Style({
    image: new CircleStyle({ radius: 11, fill: new Fill({ color: 'rgba(250,204,21,0.18)' }), stroke: new Stroke({ color: MAP_COLORS.selection, width: 2.5 }) }),
  }),
  new Style({ image: new CircleStyle({ radius: 3, fill: new Fill({ color: MAP_COLORS.selection }) }) }),
]
