/**
 * @module renderer/cases/map/CaseLayers
 * 案件图层 — the cases of the current filter on the workstation map, in three modes:
 * - 案件点位 (points): WebGL squares coloured by phase, outlined white (yellow/red for the light); zoomed out (below
 *   zoom 14, or more than {@link POINT_LIMIT} in view) cases gather into clusters with counts, coloured by
 *   their worst light; a click on a case selects it, on a cluster zooms in.
 * - 热力图 (heatmap): a WebGL heatmap holding every case once and filtering on the GPU (CaseHeatmap).
 * - 高发网格 (grids): unit grids shaded by their case count (bridge.cases.gridCounts on the grid polygons of
 *   bridge.layers.grids), the hottest ones labelled.
 * In every mode the 第9条 safety hazards stay single diamonds, pulsing, with the live 到场 countdown; a
 * selected case gets a ring; Ctrl/Shift+drag (or box mode) draws a box that stays until cleared.
 *
 * Filtering: the bridge answers the part of a {@link CaseFilter} only it can; phase, light, hazard-only and
 * the playback window are applied here (case-filter.ts), so toggling them or stepping playback costs one
 * pass over typed arrays and, for the heatmap, uniforms only. Every bridge answer carries a sequence
 * number; an answer overtaken by a newer request is dropped.
 */
import Feature from 'ol/Feature.js'
import Point from 'ol/geom/Point.js'
import { fromExtent } from 'ol/geom/Polygon.js'
import type Polygon from 'ol/geom/Polygon.js'
import LayerGroup from 'ol/layer/Group.js'
import VectorLayer from 'ol/layer/Vector.js'
import WebGLVectorLayer from 'ol/layer/WebGLVector.js'
import VectorSource from 'ol/source/Vector.js'
import RenderFeature from 'ol/render/Feature.js'
import Overlay from 'ol/Overlay.js'
import DragBox from 'ol/interaction/DragBox.js'
import Style from 'ol/style/Style.js'
import Fill from 'ol/style/Fill.js'
import Stroke from 'ol/style/Stroke.js'
import Text from 'ol/style/Text.js'
import CircleStyle from 'ol/style/Circle.js'
import RegularShape from 'ol/style/RegularShape.js'
import { mouseActionButton, platformModifierKeyOnly, shiftKeyOnly } from 'ol/events/condition.js'
import { unByKey } from 'ol/Observable.js'
import { buffer as bufferExtent, getHeight, getWidth, type Extent } from 'ol/extent.js'
import { transformExtent } from 'ol/proj.js'
import type OlMap from 'ol/Map.js'
import type { EventsKey } from 'ol/events.js'
import type { FeatureLike } from 'ol/Feature.js'
import type { Bbox, CaseFilter, CityLoopBridge, GridLayer } from '../../../../contracts/bridge/index.js'
import type { CityMap, MapClick } from '../../map/CityMap.js'
import { compactFeatures } from '../../map/GridLoader.js'
import { CGCS2000, type ViewProjection } from '../../map/projection.js'
import { LABEL_FONT_FAMILY } from '../../map/region-style.js'
import { covers, queryBbox } from '../../map/view-query.js'
import { caseDataFromColumns, caseExtent, indexOfCase, LIGHTS, projectCases, type CaseData, type ProjectedCases } from './case-data.js'
import {
  minuteWindow,
  NO_LOCAL_FILTER,
  selectCases,
  serverKey,
  splitFilter,
  urgentHazards,
  type LocalFilter,
  type PlaybackWindow,
  type Selection,
} from './case-filter.js'
import { fillCaseLegend } from './case-legend.js'
import {
  casePointStyle,
  CHORO_STROKE,
  classBreaks,
  classColor,
  classOf,
  CLUSTER_COLORS,
  clusterRadius,
  COMPONENT_OPACITY_UNDER_CASES,
  GRID_OPACITY_UNDER_CHOROPLETH,
  HAZARD_RADIUS_STOPS,
  interpolateStops,
  POINT_RADIUS_STOPS,
  SQUARE_ANGLE,
} from './case-style.js'
import { CaseHeatmap } from './CaseHeatmap.js'
import { clusterCases, formatCount, inExtent, type Cluster } from './cluster.js'
import { HazardOverlays, type HazardMark } from './HazardOverlays.js'
import './case-map.css'

/** 案件点位 / 热力图 / 高发网格. */
export type CaseMapMode = 'points' | 'heatmap' | 'grids'

/** Options of {@link CaseLayers}. */
export interface CaseLayersOptions {
  map: CityMap
  bridge: CityLoopBridge
  t: (key: string) => string
  /** 'zh' is taken as 'zh-CN'. */
  language: 'zh-CN' | 'zh' | 'en'
  /** A case point (or a cluster's single case, or a hazard's countdown label) was clicked. */
  onSelect: (caseId: string) => void
  /** A box was drawn (Ctrl/Shift+drag, or box mode), CGCS2000 lon/lat; null = cleared. */
  onBox: (bbox: Bbox | null) => void
}

/** What the layers show (status bar, tests). */
export interface CaseLayersInfo {
  /** Cases matching the filter (playback aside). */
  readonly total: number
  /** Of those, created within the playback window (all without one). */
  readonly shown: number
  /** Open safety hazards among the shown (not closed or ended). */
  readonly hazards: number
}

/** Below this zoom, point mode shows clusters. */
export const CLUSTER_ZOOM = 14
/** More cases than this in view (with its margin) also means clusters. */
export const POINT_LIMIT = 20_000
/** Cluster cell size in screen pixels. */
const CLUSTER_CELL_PX = 72
/** Share of the view added on each side when choosing the points to hold (small pans need no rebuild). */
const MARGIN = 0.25
/** The hottest grids in view get their count written on them. */
const TOP_GRIDS = 10
/** Most hazards kept out of clusters (and drawn over heat and grids) in a view. */
const HAZARD_LIMIT = 300
/** Zoom a flashed case is brought to when it is off-screen. */
const FLASH_ZOOM = 16

/** The case layers on a {@link CityMap}; one per map. */
export class CaseLayers {
  private readonly map_: CityMap
  private readonly olMap_: OlMap
  private readonly bridge_: CityLoopBridge
  private readonly onSelect_: (caseId: string) => void
  private readonly onBox_: (bbox: Bbox | null) => void
  private t_: (key: string) => string
  private language_: 'zh-CN' | 'en'

  private readonly group_: LayerGroup
  private readonly heatmap_: CaseHeatmap
  private readonly points_: WebGLVectorLayer<VectorSource<RenderFeature>>
  private readonly clusters_: VectorLayer<VectorSource<Feature<Point>>>
  private readonly grids_: VectorLayer<VectorSource<Feature>>
  private readonly marks_: VectorLayer<VectorSource<Feature>>
  private readonly dragBox_: DragBox
  private readonly hazards_: HazardOverlays
  private readonly flash_: Overlay
  private flashTimer_: ReturnType<typeof setTimeout> | undefined

  private mode_: CaseMapMode = 'points'
  private visible_ = true
  private boxMode_ = false
  private box_: Bbox | null = null
  private filter_: CaseFilter = {}
  private local_: LocalFilter = NO_LOCAL_FILTER
  private playback_: PlaybackWindow | null = null
  private selected_: string | null = null

  private data_: CaseData | undefined
  private loadedKey_: string | undefined
  private projected_: ProjectedCases | undefined
  private selection_: Selection | undefined
  private info_: CaseLayersInfo = { total: 0, shown: 0, hazards: 0 }
  /** Indices drawn on the point layer (for picking). */
  private drawn_: Uint32Array = new Uint32Array(0)

  // 高发网格: counts per grid id, their classes, the polygons held and for which view.
  private gridCounts_ = new Map<string, number>()
  private breaks_: number[] = []
  private hotGrids_ = new Set<string>()
  private gridsLoaded_: { bbox: Bbox; zoom: number; kind: GridLayer['kind']; projection: ViewProjection } | undefined

  // Sequence numbers: an answer is applied only when no newer request of its kind went out since.
  private loadSeq_ = 0
  private countSeq_ = 0
  private gridSeq_ = 0
  private loading_: { readonly key: string; readonly promise: Promise<void> } | undefined
  private refreshing_: Promise<void> | undefined
  private refreshAgain_ = false
  private disposed_ = false

  private readonly listeners_ = new Set<() => void>()
  private readonly keys_: EventsKey[] = []
  private readonly offs_: (() => void)[] = []
  private readonly clusterStyles_ = new Map<string, Style>()
  private readonly gridStyles_ = new Map<string, Style>()

  constructor(options: CaseLayersOptions) {
    this.map_ = options.map
    this.olMap_ = options.map.map
    this.bridge_ = options.bridge
    this.onSelect_ = options.onSelect
    this.onBox_ = options.onBox
    this.t_ = options.t
    this.language_ = options.language === 'en' ? 'en' : 'zh-CN'

    const hidden = (id: string) => ({ id, displayInLayerSwitcher: false })
    this.heatmap_ = new CaseHeatmap({ zIndex: 15, properties: hidden('cases-heatmap') })
    this.heatmap_.layer.setVisible(false)
    // Picking goes through the held indices (see pointAt_), so the layer needs no hit framebuffer.
    this.points_ = new WebGLVectorLayer({
      source: new VectorSource<RenderFeature>(),
      style: casePointStyle(),
      disableHitDetection: true,
      zIndex: 31,
      properties: hidden('cases-points'),
    })
    this.clusters_ = new VectorLayer({
      source: new VectorSource<Feature<Point>>(),
      style: (feature) => this.clusterStyle_(feature),
      zIndex: 30,
      updateWhileAnimating: false,
      updateWhileInteracting: false,
      properties: hidden('cases-clusters'),
    })
    this.grids_ = new VectorLayer({
      source: new VectorSource<Feature>(),
      style: (feature) => this.gridStyle_(feature),
      zIndex: 8,
      visible: false,
      updateWhileAnimating: false,
      updateWhileInteracting: false,
      properties: hidden('cases-grids'),
    })
    this.marks_ = new VectorLayer({
      source: new VectorSource<Feature>(),
      style: (feature) => (feature.get('kind') === 'box' ? BOX_STYLE : RING_STYLE),
      zIndex: 95,
      properties: hidden('cases-marks'),
    })
    this.group_ = new LayerGroup({
      layers: [this.grids_, this.heatmap_.layer, this.clusters_, this.points_, this.marks_],
      properties: { id: 'cases', title: this.t_('caseMap.layer') },
    })
    this.olMap_.addLayer(this.group_)
    this.dimBase_()

    this.hazards_ = new HazardOverlays({ map: this.olMap_, onSelect: (id) => this.onSelect_(id) })
    this.hazards_.setWords(this.words_())
    const flash = document.createElement('div')
    flash.className = 'case-flash'
    this.flash_ = new Overlay({ element: flash, positioning: 'center-center', stopEvent: false })
    this.olMap_.addOverlay(this.flash_)

    // Added after the map's own interactions, so it sees a drag first: Shift+drag draws a box here
    // instead of OpenLayers' drag-zoom, and in box mode a plain drag draws instead of panning.
    this.dragBox_ = new DragBox({
      className: 'ol-dragbox case-dragbox',
      condition: (event) => this.visible_ && mouseActionButton(event) && (this.boxMode_ || platformModifierKeyOnly(event) || shiftKeyOnly(event)),
    })
    this.dragBox_.on('boxend', () => this.boxDrawn_(this.dragBox_.getGeometry().getExtent()))
    // A click in box mode (a box too small to count) clears the box.
    this.dragBox_.on('boxcancel', () => {
      if (this.boxMode_) this.clearBox()
    })
    this.olMap_.addInteraction(this.dragBox_)

    this.offs_.push(
      this.map_.addPickHandler((click) => this.pick_(click)),
      this.map_.addLegendItems((legend) => {
        if (this.visible_) fillCaseLegend(legend, this.t_, { mode: this.mode_, breaks: this.breaks_ })
      }),
    )
    this.keys_.push(
      this.olMap_.on('moveend', () => this.viewChanged_()),
      // A basemap in another projection replaces the view: every position is projected again.
      this.olMap_.on('change:view', () => this.projectionChanged_()),
    )
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null
      if (event.key === 'Escape' && this.box_ && !target?.closest('input, textarea, [contenteditable=true]')) this.clearBox()
    }
    document.addEventListener('keydown', onKey)
    this.offs_.push(() => document.removeEventListener('keydown', onKey))
  }

  // ------------------------------------------------------------------------------------------------------
  // The public surface

  /** What the layers show. */
  get info(): CaseLayersInfo {
    return this.info_
  }

  /** The current mode. */
  get mode(): CaseMapMode {
    return this.mode_
  }

  /** The current playback window, null = all. */
  get playback(): PlaybackWindow | null {
    return this.playback_
  }

  /** Earliest and latest createdAt of the filtered data (the playback bar's range); null before data. */
  get span(): { readonly from: number; readonly to: number } | null {
    return this.data_?.span ?? null
  }

  /** Where the filtered cases are (CGCS2000 bbox, strays left out); null before data or with none. */
  get extent(): Bbox | null {
    return this.data_ ? (caseExtent(this.data_) as Bbox | null) : null
  }

  /** The drawn box, CGCS2000; null when none. */
  get box(): Bbox | null {
    return this.box_
  }

  get boxMode(): boolean {
    return this.boxMode_
  }

  get visible(): boolean {
    return this.visible_
  }

  /** Calls `listener` whenever info, mode, span, playback or the box change (the bar); returns the remover. */
  subscribe(listener: () => void): () => void {
    this.listeners_.add(listener)
    return () => this.listeners_.delete(listener)
  }

  /**
   * Applies a filter. The bridge is asked again only when its part changed (status, category, source, unit,
   * text, dates, box); phase, light and hazard-only are applied to the data held. In grids mode the counts
   * per grid are asked for too.
   */
  async setFilter(filter: CaseFilter): Promise<void> {
    this.filter_ = filter
    const { server, local } = splitFilter(filter)
    this.local_ = local
    const key = serverKey(server)
    const work: Promise<void>[] = []
    const loading = this.loading_
    if (this.data_ && key === this.loadedKey_) {
      // Back to the columns held: an answer on its way for another filter must not replace them.
      if (loading) {
        this.loadSeq_++
        this.loading_ = undefined
      }
      this.reselect_()
    } else if (loading && loading.key === key) {
      // The answer on its way is for this filter; it applies the local part as it lands.
      work.push(loading.promise)
    } else {
      work.push(this.load_())
    }
    if (this.mode_ === 'grids') work.push(this.loadCounts_())
    await Promise.all(work)
  }

  /**
   * Asks the bridge again with the same filter: call it on `cases-changed`. Calls while an answer is on its
   * way are gathered into one more request after it, so a burst of sync pages costs two loads, not one each.
   */
  refresh(): Promise<void> {
    if (this.refreshing_) {
      this.refreshAgain_ = true
      return this.refreshing_
    }
    const run = (async () => {
      do {
        this.refreshAgain_ = false
        await Promise.all([this.load_(), ...(this.mode_ === 'grids' ? [this.loadCounts_()] : [])])
      } while (this.refreshAgain_ && !this.disposed_)
    })().finally(() => (this.refreshing_ = undefined))
    this.refreshing_ = run
    return run
  }

  /** Switches between points, heatmap and grids. */
  setMode(mode: CaseMapMode): void {
    if (mode === this.mode_) return
    this.mode_ = mode
    this.clusters_.getSource()!.clear(true)
    this.applyVisibility_()
    if (mode === 'grids') {
      this.gridsLoaded_ = undefined
      void this.loadCounts_()
    }
    this.redraw_()
    this.map_.refreshLegend()
    this.emit_()
  }

  /** Shows or hides every case layer (and the hazard overlays, and the box drawing). */
  setVisible(visible: boolean): void {
    if (visible === this.visible_) return
    this.visible_ = visible
    this.group_.setVisible(visible)
    this.olMap_.getViewport()?.classList.toggle('case-box-mode', visible && this.boxMode_)
    if (visible) this.redraw_()
    else this.hazards_.clear()
    this.map_.refreshLegend()
    this.emit_()
  }

  /** Shows only cases created within the window (epoch ms, [from, to)); null = all. */
  setPlayback(window: { from: number; to: number } | null): void {
    const same = window && this.playback_ ? window.from === this.playback_.from && window.to === this.playback_.to : window === this.playback_
    if (same) return
    const wasOn = this.playback_ !== null
    this.playback_ = window ? { from: window.from, to: window.to } : null
    this.reselect_()
    // Back to all cases: the bridge's counts again (while playing they come from the columns).
    if (this.mode_ === 'grids' && wasOn && !window) void this.loadCounts_()
  }

  /** Rings the case (null = none). */
  setSelected(caseId: string | null): void {
    this.selected_ = caseId
    this.updateMarks_()
  }

  /** Brings the case into view if it is off-screen and flashes it for about two seconds. */
  flash(caseId: string): void {
    const data = this.data_
    const projected = this.projected_
    if (!data || !projected) return
    const i = indexOfCase(data, caseId)
    if (i < 0) return
    const at = [projected.x[i]!, projected.y[i]!]
    const view = this.olMap_.getView()
    const pixel = this.olMap_.getPixelFromCoordinate(at)
    const size = this.olMap_.getSize()
    const onScreen = pixel && size && pixel[0]! >= 0 && pixel[1]! >= 0 && pixel[0]! <= size[0]! && pixel[1]! <= size[1]!
    const show = () => {
      const element = this.flash_.getElement()!
      element.replaceChildren(document.createElement('span'), document.createElement('span'))
      this.flash_.setPosition(at)
      clearTimeout(this.flashTimer_)
      this.flashTimer_ = setTimeout(() => this.flash_.setPosition(undefined), 2200)
    }
    if (onScreen) show()
    else view.animate({ center: at, zoom: Math.max(view.getZoom() ?? 0, FLASH_ZOOM), duration: 450 }, show)
  }

  /** In box mode a plain drag draws a box (the map does not pan); Ctrl/Shift+drag draws one in any mode. */
  setBoxMode(on: boolean): void {
    this.boxMode_ = on
    this.olMap_.getViewport()?.classList.toggle('case-box-mode', on && this.visible_)
    this.emit_()
  }

  /** Removes the drawn box and reports null. */
  clearBox(): void {
    if (!this.box_) return
    this.box_ = null
    this.updateMarks_()
    this.onBox_(null)
    this.emit_()
  }

  /** Switches labels, the legend and the countdown words. */
  setLanguage(t: (key: string) => string, language: 'zh-CN' | 'zh' | 'en'): void {
    this.t_ = t
    this.language_ = language === 'en' ? 'en' : 'zh-CN'
    this.group_.set('title', t('caseMap.layer'))
    this.hazards_.setWords(this.words_())
    this.clusterStyles_.clear()
    this.gridStyles_.clear()
    this.clusters_.changed()
    this.grids_.changed()
    this.dimBase_()
    this.map_.refreshLegend()
  }

  /** Removes every layer, overlay, interaction and listener; the instance is dead afterwards. */
  dispose(): void {
    if (this.disposed_) return
    this.disposed_ = true
    clearTimeout(this.flashTimer_)
    this.offs_.forEach((off) => off())
    unByKey(this.keys_)
    this.olMap_.removeInteraction(this.dragBox_)
    this.olMap_.removeLayer(this.group_)
    this.dimBase_()
    this.olMap_.removeOverlay(this.flash_)
    this.olMap_.getViewport()?.classList.remove('case-box-mode')
    this.hazards_.dispose()
    this.heatmap_.dispose()
    this.points_.getSource()!.clear(true)
    this.points_.dispose()
    this.clusters_.dispose()
    this.grids_.dispose()
    this.marks_.dispose()
    this.listeners_.clear()
    this.data_ = undefined
    this.projected_ = undefined
  }

  // ------------------------------------------------------------------------------------------------------
  // Loading

  private load_(): Promise<void> {
    const { server } = splitFilter(this.filter_)
    const key = serverKey(server)
    const seq = ++this.loadSeq_
    const run = (async () => {
      let result
      try {
        result = await this.bridge_.cases.layer(server)
      } catch (error) {
        result = { ok: false as const, error: { code: 'INTERNAL' as const, message: error instanceof Error ? error.message : String(error) } }
      }
      // A newer filter or refresh went out while this one was on its way: its answer wins.
      if (seq !== this.loadSeq_ || this.disposed_) return
      this.loading_ = undefined
      if (!result.ok) {
        this.error_('caseMap.error.layer', result.error.message)
        return
      }
      let data: CaseData
      try {
        data = caseDataFromColumns(result.value)
      } catch (error) {
        this.error_('caseMap.error.layer', error)
        return
      }
      this.loadedKey_ = key
      this.setData_(data)
    })()
    this.loading_ = { key, promise: run }
    return run
  }

  private async loadCounts_(): Promise<void> {
    const seq = ++this.countSeq_
    // While playing, counts come from the columns (the window moves too fast for a round trip each step).
    if (this.playback_) {
      this.countFromColumns_()
      return
    }
    let result
    try {
      result = await this.bridge_.cases.gridCounts(this.filter_)
    } catch (error) {
      if (seq === this.countSeq_ && !this.disposed_) this.error_('caseMap.error.grids', error)
      return
    }
    if (seq !== this.countSeq_ || this.disposed_ || this.playback_) return
    if (!result.ok) {
      this.error_('caseMap.error.grids', result.error.message)
      return
    }
    const counts = new Map<string, number>()
    const { gridIds, counts: values } = result.value
    for (let k = 0; k < gridIds.length; k++) if (values[k]! > 0) counts.set(gridIds[k]!, values[k]!)
    this.setCounts_(counts)
  }

  private setData_(data: CaseData): void {
    this.data_ = data
    this.projected_ = projectCases(data, this.projection_())
    // Same indices, other cases: the point layer must be rebuilt.
    this.drawn_ = new Uint32Array(0)
    this.reselect_()
    this.updateMarks_()
  }

  // ------------------------------------------------------------------------------------------------------
  // Filtering and drawing

  private reselect_(): void {
    const data = this.data_
    if (!data) return
    const window = minuteWindow(this.playback_, data.base)
    const selection = selectCases(data, this.local_, window)
    this.selection_ = selection
    this.info_ = { total: selection.matching, shown: selection.shown.length, hazards: selection.hazards }
    if (this.mode_ === 'grids' && this.playback_) this.countFromColumns_()
    this.redraw_()
    this.emit_()
  }

  private applyVisibility_(): void {
    const mode = this.mode_
    this.heatmap_.layer.setVisible(mode === 'heatmap')
    this.grids_.setVisible(mode === 'grids')
    this.clusters_.setVisible(mode === 'points')
    // Cells of another mode's last view would only hold memory.
    if (mode !== 'heatmap' && this.heatmap_.cells) this.heatmap_.clear()
    this.dimBase_()
  }

  // Components step back while cases show (they would read as cases), and the grids' area-class fills under
  // the 高发网格 choropleth; both come back when the case layers hide or go.
  private dimBase_(): void {
    const on = this.visible_ && !this.disposed_
    this.map_.components.layer.setOpacity(on ? COMPONENT_OPACITY_UNDER_CASES : 1)
    this.map_.grids.cells.setOpacity(on && this.mode_ === 'grids' ? GRID_OPACITY_UNDER_CHOROPLETH : 1)
  }

  private viewChanged_(): void {
    if (this.projected_ && this.projected_.projection !== this.projection_()) {
      this.projectionChanged_()
      return
    }
    this.redraw_()
  }

  private projectionChanged_(): void {
    if (this.disposed_) return
    this.gridsLoaded_ = undefined
    this.grids_.getSource()!.clear(true)
    if (this.data_) this.projected_ = projectCases(this.data_, this.projection_())
    this.drawn_ = new Uint32Array(0)
    this.updateMarks_()
    this.redraw_()
  }

  // Draws the view: points or clusters (point mode), the heat density, the grid polygons, and the hazards.
  private redraw_(): void {
    if (this.disposed_ || !this.visible_) return
    const selection = this.selection_
    const projected = this.projected_
    const data = this.data_
    const view = this.olMap_.getView()
    const size = this.olMap_.getSize()
    if (!selection || !projected || !data || !size || !view.isDef()) return
    this.applyVisibility_()
    const resolution = view.getResolution()!
    const zoom = view.getZoom() ?? 0
    const viewExtent = view.calculateExtent(size)
    const held = bufferExtent(viewExtent, Math.max(getWidth(viewExtent), getHeight(viewExtent)) * MARGIN)
    const candidates = inExtent(projected.x, projected.y, selection.shown, held)
    // Hazards that stay single diamonds above clusters, heat and grids: the open ones (a closed hazard is
    // history, drawn and counted like any case), the most urgent first, at most HAZARD_LIMIT.
    const hazards = urgentHazards(data, candidates, this.mode_ === 'points' ? 'open' : 'awaiting', HAZARD_LIMIT)

    if (this.mode_ === 'points') {
      if (zoom < CLUSTER_ZOOM || candidates.length > POINT_LIMIT) {
        const single = new Set(hazards)
        const ordinary = candidates.filter((i) => !single.has(i))
        const clusters = clusterCases({ ...projected, light: data.light, hazard: data.hazard }, ordinary, held, CLUSTER_CELL_PX * resolution)
        this.showClusters_(clusters)
        this.showPoints_(hazards)
      } else {
        this.clusters_.getSource()!.clear(true)
        this.showPoints_(candidates)
      }
    } else {
      this.showPoints_(hazards)
      if (this.mode_ === 'heatmap') {
        this.heatmap_.update(projected, candidates, { extent: held, viewExtent, resolution, zoom, pixels: size[0]! * size[1]! })
      } else {
        void this.loadGrids_(viewExtent, zoom)
        this.updateHotGrids_()
      }
    }
    this.showHazards_(hazards, viewExtent)
  }

  private showPoints_(indices: Uint32Array): void {
    const data = this.data_!
    const projected = this.projected_!
    const previous = this.drawn_
    if (previous.length === indices.length && previous.every((v, k) => v === indices[k])) return
    this.drawn_ = indices
    const features: RenderFeature[] = new Array(indices.length)
    for (let k = 0; k < indices.length; k++) {
      const i = indices[k]!
      features[k] = new RenderFeature(
        'Point',
        [projected.x[i]!, projected.y[i]!],
        [],
        2,
        { phase: data.phase[i], light: data.light[i], hazard: data.hazard[i] },
        undefined,
      )
    }
    const source = this.points_.getSource()!
    source.clear(true)
    source.addFeatures(features)
    // An empty WebGL layer still clears and composites a full-window canvas every frame.
    this.points_.setVisible(indices.length > 0)
  }

  private showClusters_(clusters: readonly Cluster[]): void {
    const features = clusters.map((c) => {
      const feature = new Feature({ geometry: new Point([c.x, c.y]), count: c.count, light: c.light, hazards: c.hazards, first: c.first })
      feature.set('extent', c.extent)
      return feature
    })
    const source = this.clusters_.getSource()!
    source.clear(true)
    source.addFeatures(features)
  }

  // Pulse and countdown on the hazards in view still waiting for someone on site.
  private showHazards_(hazards: Uint32Array, viewExtent: Extent): void {
    const data = this.data_!
    const projected = this.projected_!
    const [x0, y0, x1, y1] = viewExtent as [number, number, number, number]
    const marks: HazardMark[] = []
    for (const i of hazards) {
      const deadline = data.onSiteDeadline[i]!
      if (!deadline) continue
      const x = projected.x[i]!
      const y = projected.y[i]!
      if (x < x0 || x > x1 || y < y0 || y > y1) continue
      marks.push({ id: data.ids[i]!, coordinate: [x, y], deadline })
    }
    this.hazards_.show(marks)
  }

  // ------------------------------------------------------------------------------------------------------
  // 高发网格

  private async loadGrids_(viewExtent: Extent, zoom: number): Promise<void> {
    const projection = this.projection_()
    const held = this.gridsLoaded_
    if (held && held.projection === projection && covers(held.bbox, viewExtent, projection)) {
      if (held.kind !== 'summary' && zoom >= held.zoom - 0.01) return
      if (held.kind === 'summary' && Math.abs(zoom - held.zoom) < 0.5) return
    }
    const bbox = queryBbox(viewExtent, projection, 0.2)
    const seq = ++this.gridSeq_
    let result
    try {
      result = await this.bridge_.layers.grids({ bbox, zoom, format: 'compact' })
    } catch (error) {
      if (seq === this.gridSeq_ && !this.disposed_) this.error_('caseMap.error.grids', error)
      return
    }
    if (seq !== this.gridSeq_ || this.disposed_ || projection !== this.projection_()) return
    if (!result.ok) {
      this.error_('caseMap.error.grids', result.error.message)
      return
    }
    const answer = result.value
    const source = this.grids_.getSource()!
    source.clear(true)
    if (answer.kind === 'compact') source.addFeatures(compactFeatures(answer, projection))
    this.gridsLoaded_ = { bbox, zoom, kind: answer.kind, projection }
    // Too many grids to draw here: the hot grids become discs at the middle of their cases instead.
    if (answer.kind === 'summary') this.showGridDiscs_()
    this.updateHotGrids_()
  }

  private setCounts_(counts: Map<string, number>): void {
    this.gridCounts_ = counts
    const breaks = classBreaks([...counts.values()])
    const changed = breaks.length !== this.breaks_.length || breaks.some((b, k) => b !== this.breaks_[k])
    this.breaks_ = breaks
    if (this.gridsLoaded_?.kind === 'summary') this.showGridDiscs_()
    this.updateHotGrids_()
    this.grids_.changed()
    if (changed) this.map_.refreshLegend()
  }

  private countFromColumns_(): void {
    const data = this.data_
    const selection = this.selection_
    if (!data || !selection) return
    const perGrid = new Uint32Array(data.gridIds.length)
    for (const i of selection.shown) {
      const g = data.grid[i]!
      if (g >= 0) perGrid[g]!++
    }
    const counts = new Map<string, number>()
    perGrid.forEach((n, g) => {
      if (n > 0) counts.set(data.gridIds[g]!, n)
    })
    this.setCounts_(counts)
  }

  // The grids in the held polygons with the most cases get their count written on them.
  private updateHotGrids_(): void {
    const ranked: [string, number][] = []
    for (const feature of this.grids_.getSource()!.getFeatures()) {
      const id = String(feature.get('id'))
      const n = this.gridCounts_.get(id) ?? 0
      if (n > 0) ranked.push([id, n])
    }
    ranked.sort((a, b) => b[1] - a[1])
    this.hotGrids_ = new Set(ranked.slice(0, TOP_GRIDS).map(([id]) => id))
    this.grids_.changed()
  }

  private showGridDiscs_(): void {
    const data = this.data_
    const projected = this.projected_
    if (!data || !projected) return
    const sumX = new Float64Array(data.gridIds.length)
    const sumY = new Float64Array(data.gridIds.length)
    const n = new Uint32Array(data.gridIds.length)
    for (const i of this.selection_?.shown ?? []) {
      const g = data.grid[i]!
      if (g < 0) continue
      sumX[g]! += projected.x[i]!
      sumY[g]! += projected.y[i]!
      n[g]!++
    }
    const features: Feature[] = []
    data.gridIds.forEach((id, g) => {
      if (!n[g] || !this.gridCounts_.get(id)) return
      features.push(new Feature({ geometry: new Point([sumX[g]! / n[g]!, sumY[g]! / n[g]!]), id }))
    })
    const source = this.grids_.getSource()!
    source.clear(true)
    source.addFeatures(features)
  }

  private gridStyle_(feature: FeatureLike): Style | undefined {
    const id = String(feature.get('id'))
    const count = this.gridCounts_.get(id) ?? 0
    const k = classOf(count, this.breaks_)
    if (k < 0) return GRID_EMPTY
    const color = classColor(k, this.breaks_.length)
    const hot = this.hotGrids_.has(id)
    const key = `${feature.getGeometry()?.getType()}|${color}|${hot ? count : ''}`
    let style = this.gridStyles_.get(key)
    if (!style) {
      const text = hot
        ? new Text({
            text: formatCount(count, this.language_),
            font: `600 12px ${LABEL_FONT_FAMILY}`,
            fill: new Fill({ color: '#ffffff' }),
            stroke: new Stroke({ color: 'rgba(69,10,10,0.95)', width: 3 }),
            overflow: true,
          })
        : undefined
      style =
        feature.getGeometry()?.getType() === 'Point'
          ? new Style({
              image: new CircleStyle({ radius: 5 + 3 * k, fill: new Fill({ color }), stroke: new Stroke({ color: 'rgba(11,18,32,0.8)', width: 1 }) }),
              ...(text ? { text } : {}),
            })
          : new Style({ fill: new Fill({ color }), stroke: new Stroke({ color: CHORO_STROKE, width: 1.2 }), ...(text ? { text } : {}) })
      if (this.gridStyles_.size > 500) this.gridStyles_.clear()
      this.gridStyles_.set(key, style)
    }
    return style
  }

  // ------------------------------------------------------------------------------------------------------
  // Clusters, picking, marks, the box

  private clusterStyle_(feature: FeatureLike): Style {
    const count = Number(feature.get('count'))
    const light = LIGHTS[Number(feature.get('light'))] ?? 'none'
    const label = count > 1 ? formatCount(count, this.language_) : ''
    const key = `${label}|${light}`
    let style = this.clusterStyles_.get(key)
    if (!style) {
      const radius = count > 1 ? clusterRadius(count) : interpolateStops(POINT_RADIUS_STOPS, CLUSTER_ZOOM) + 1
      // A square like the cases it holds (radius to the corners, so its side is about the disc's diameter).
      style = new Style({
        image: new RegularShape({
          points: 4,
          angle: SQUARE_ANGLE,
          radius: radius * Math.SQRT2 * 0.9,
          fill: new Fill({ color: CLUSTER_COLORS[light] }),
          stroke: new Stroke({ color: '#ffffff', width: count > 1 ? 1.5 : 1.2 }),
        }),
        ...(label
          ? {
              text: new Text({
                text: label,
                font: `600 ${radius > 16 ? 12 : 11}px ${LABEL_FONT_FAMILY}`,
                fill: new Fill({ color: '#ffffff' }),
                stroke: new Stroke({ color: 'rgba(11,18,32,0.55)', width: 2 }),
              }),
            }
          : {}),
      })
      if (this.clusterStyles_.size > 2000) this.clusterStyles_.clear()
      this.clusterStyles_.set(key, style)
    }
    return style
  }

  // A click on a drawn case selects it; on a cluster, zooms in (or selects its only case).
  private pick_(click: MapClick): boolean {
    if (!this.visible_ || this.disposed_ || !this.data_) return false
    const i = this.pointAt_(click.coordinate)
    if (i >= 0) {
      this.onSelect_(this.data_.ids[i]!)
      return true
    }
    if (this.mode_ !== 'points') return false
    const cluster = this.olMap_.forEachFeatureAtPixel(click.pixel, (feature) => feature, {
      layerFilter: (layer) => layer === this.clusters_,
      hitTolerance: 3,
    })
    if (!cluster) return false
    if (Number(cluster.get('count')) === 1) {
      this.onSelect_(this.data_.ids[Number(cluster.get('first'))]!)
      return true
    }
    // Zoom in on the cluster's cases: at least two levels, and at least to where points show.
    const view = this.olMap_.getView()
    const zoom = Math.max((view.getZoom() ?? 0) + 2, CLUSTER_ZOOM + 0.5)
    const extent = cluster.get('extent') as Extent
    if (getWidth(extent) > 0 || getHeight(extent) > 0) view.fit(extent, { padding: [80, 80, 80, 80], maxZoom: zoom, duration: 400 })
    else view.animate({ center: [extent[0]!, extent[1]!], zoom, duration: 400 })
    return true
  }

  // The drawn case nearest to a coordinate within its symbol (plus a few pixels); -1 when none.
  private pointAt_(coordinate: number[]): number {
    const data = this.data_
    const projected = this.projected_
    if (!data || !projected || !this.points_.getVisible()) return -1
    const view = this.olMap_.getView()
    const resolution = view.getResolution() ?? 0
    const zoom = view.getZoom() ?? 0
    const disc = (interpolateStops(POINT_RADIUS_STOPS, zoom) + 4) * resolution
    const diamond = (interpolateStops(HAZARD_RADIUS_STOPS, zoom) + 3) * resolution
    const [cx, cy] = coordinate as [number, number]
    let best = -1
    let bestScore = Infinity
    for (const i of this.drawn_) {
      const d = Math.hypot(projected.x[i]! - cx, projected.y[i]! - cy)
      const reach = data.hazard[i] ? diamond : disc
      // Hazards win ties: they are drawn on top and matter most.
      const score = d / reach
      if (score <= 1 && score < bestScore) {
        best = i
        bestScore = score
      }
    }
    return best
  }

  private boxDrawn_(extent: Extent): void {
    const projection = this.projection_()
    const [w, s, e, n] = projection === CGCS2000 ? extent : transformExtent(extent, projection, CGCS2000)
    const round = (v: number) => Math.round(v * 1e6) / 1e6
    this.box_ = [round(w!), round(s!), round(e!), round(n!)]
    this.updateMarks_()
    this.onBox_(this.box_)
    this.emit_()
  }

  private updateMarks_(): void {
    if (this.disposed_) return
    const source = this.marks_.getSource()!
    source.clear(true)
    const projection = this.projection_()
    if (this.box_) {
      const extent = projection === CGCS2000 ? [...this.box_] : transformExtent([...this.box_], CGCS2000, projection)
      const box: Feature<Polygon> = new Feature({ geometry: fromExtent(extent), kind: 'box' })
      source.addFeature(box)
    }
    const data = this.data_
    const projected = this.projected_
    if (this.selected_ && data && projected) {
      const i = indexOfCase(data, this.selected_)
      if (i >= 0) source.addFeature(new Feature({ geometry: new Point([projected.x[i]!, projected.y[i]!]), kind: 'ring' }))
    }
  }

  // ------------------------------------------------------------------------------------------------------

  private projection_(): ViewProjection {
    return this.map_.projection
  }

  private words_(): { due: string; overdue: string } {
    return { due: this.t_('caseMap.hazard.due'), overdue: this.t_('caseMap.hazard.overdue') }
  }

  private error_(what: string, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error)
    this.map_.reportError(`${this.t_(what)}: ${message}`)
  }

  private emit_(): void {
    for (const listener of this.listeners_) listener()
  }
}

const RING_STYLE = [
  new Style({ image: new CircleStyle({ radius: 15, stroke: new Stroke({ color: 'rgba(11,18,32,0.9)', width: 6 }) }) }),
  // White: apart from every phase colour and from the yellow/red light outlines.
  new Style({ image: new CircleStyle({ radius: 15, stroke: new Stroke({ color: '#ffffff', width: 3 }) }) }),
]
const BOX_STYLE = new Style({
  fill: new Fill({ color: 'rgba(34,211,238,0.08)' }),
  stroke: new Stroke({ color: '#22d3ee', width: 2, lineDash: [8, 5] }),
})
const GRID_EMPTY = new Style({ stroke: new Stroke({ color: 'rgba(148,163,184,0.18)', width: 0.5 }) })
