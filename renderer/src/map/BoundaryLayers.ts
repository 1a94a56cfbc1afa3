/**
 * @module renderer/map/BoundaryLayers
 * 行政边界 — district, street and community outlines with their names. The city outline (the districts)
 * is what the map shows with no basemap, so it is drawn to stand on its own: a filled, glowing outline.
 * Boundaries are few (tens to hundreds of polygons), so they are loaded whole and drawn on canvas.
 */
import type Feature from 'ol/Feature.js'
import GeoJSON from 'ol/format/GeoJSON.js'
import type Point from 'ol/geom/Point.js'
import type Polygon from 'ol/geom/Polygon.js'
import type MultiPolygon from 'ol/geom/MultiPolygon.js'
import VectorLayer from 'ol/layer/Vector.js'
import VectorSource from 'ol/source/Vector.js'
import type { Extent } from 'ol/extent.js'
import type { CityLoopBridge, RegionLevel } from '../../../contracts/bridge/index.js'
import { CGCS2000, type ViewProjection } from './projection.js'
import { regionLabelStyle, regionLineStyle, type LabelLanguage } from './region-style.js'

/** Options of {@link BoundaryLayers}. */
export interface BoundaryLayersOptions {
  readonly bridge: CityLoopBridge
  /** The language of the labels, read at draw time. */
  readonly language: () => LabelLanguage
  /** The view zoom of a draw resolution (it depends on the view projection). */
  readonly zoomOf: (resolution: number) => number
  /** Whether the districts fill the city (no basemap), read at draw time. */
  readonly filled: () => boolean
}

const LEVELS: readonly RegionLevel[] = ['district', 'street', 'community']

// Name labels by zoom: district names city-wide, street names from the district scale, community names close.
const LABEL_MIN_ZOOM: Readonly<Record<RegionLevel, number>> = { district: 0, street: 12.4, community: 14 }
const LABEL_MAX_ZOOM: Readonly<Record<RegionLevel, number>> = { district: 14.5, street: 16, community: 30 }
const LINE_MIN_ZOOM: Readonly<Record<RegionLevel, number>> = { district: 0, street: 11, community: 12.6 }

/** The three boundary layers and their loading. */
export class BoundaryLayers {
  /** The outlines, one layer per level, as the layer switcher lists them. */
  readonly layers: Readonly<Record<RegionLevel, VectorLayer<VectorSource<Feature<Polygon | MultiPolygon>>>>>
  /** The names, one layer per level over the same features, drawn above the components. */
  readonly labels: Readonly<Record<RegionLevel, VectorLayer<VectorSource<Feature<Polygon | MultiPolygon>>>>>
  private readonly bridge_: CityLoopBridge

  constructor(options: BoundaryLayersOptions) {
    this.bridge_ = options.bridge
    const lines = (level: RegionLevel) =>
      new VectorLayer({
        source: new VectorSource<Feature<Polygon | MultiPolygon>>(),
        style: regionLineStyle(level, options.filled),
        minZoom: LINE_MIN_ZOOM[level] - 0.001,
        properties: { id: `regions-${level}` },
        zIndex: level === 'district' ? 12 : level === 'street' ? 11 : 10,
      })
    this.layers = { district: lines('district'), street: lines('street'), community: lines('community') }
    const labels = (level: RegionLevel) => {
      const showLabels = (zoom: number) => zoom >= LABEL_MIN_ZOOM[level] && zoom < LABEL_MAX_ZOOM[level]
      const outline = this.layers[level]
      const layer = new VectorLayer({
        source: outline.getSource()!,
        style: regionLabelStyle(level, options.language, showLabels, options.zoomOf),
        declutter: 'region-labels',
        properties: { id: `labels-${level}`, displayInLayerSwitcher: false },
        zIndex: level === 'district' ? 32 : level === 'street' ? 31 : 30,
      })
      // A level's names follow its outline's switch in the layer switcher.
      outline.on('change:visible', () => layer.setVisible(outline.getVisible()))
      return layer
    }
    this.labels = { district: labels('district'), street: labels('street'), community: labels('community') }
  }

  /** Loads every level through the bridge, in the view projection. Rejects with the bridge's message. */
  async load(projection: ViewProjection): Promise<number> {
    const format = new GeoJSON()
    const answers = await Promise.all(LEVELS.map((level) => this.bridge_.layers.regions(level)))
    let total = 0
    LEVELS.forEach((level, i) => {
      const result = answers[i]!
      if (!result.ok) throw new Error(`regions(${level}): ${result.error.message}`)
      const features = format.readFeatures(result.value, {
        dataProjection: CGCS2000,
        featureProjection: projection,
      }) as Feature<Polygon | MultiPolygon>[]
      for (const f of features) f.set('labelAt', labelPoint(f.getGeometry()))
      const source = this.layers[level].getSource()!
      source.clear(true)
      source.addFeatures(features)
      total += features.length
    })
    return total
  }

  /** Extent of the loaded districts, in the view projection; undefined before the first load. */
  extent(): Extent | undefined {
    const source = this.layers.district.getSource()!
    return source.getFeatures().length ? (source.getExtent() ?? undefined) : undefined
  }

  /** Redraws the outlines and labels (after a language or basemap switch). */
  changed(): void {
    for (const level of LEVELS) {
      this.layers[level].changed()
      this.labels[level].changed()
    }
  }
}

// A label goes on the interior point of the largest part, so a district with an exclave is named once.
function labelPoint(geometry: Polygon | MultiPolygon | undefined): Point | undefined {
  if (!geometry) return undefined
  if (geometry.getType() === 'Polygon') return (geometry as Polygon).getInteriorPoint()
  const parts = (geometry as MultiPolygon).getPolygons()
  let best: Polygon | undefined
  for (const p of parts) if (!best || p.getArea() > best.getArea()) best = p
  return best?.getInteriorPoint()
}
