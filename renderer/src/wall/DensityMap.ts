/**
 * @module renderer/wall/DensityMap
 * 大屏地图 — the wall screen's MapLibre map: district and street outlines with their names, and the density
 * of components as a heatmap that turns into points when zoomed in (the MapLibre large-data pattern,
 * workstation.md §2.2-2.3). View only. MapLibre draws Web Mercator only, so this view never shows 天地图 `c`
 * tiles; offline it needs no basemap at all. Names are HTML markers: a symbol layer would need glyph PBFs,
 * which an offline wall screen does not have.
 */
import * as maplibregl from 'maplibre-gl'
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import type { Feature, FeatureCollection, Point as GeoPoint } from 'geojson'
import type { Bbox, BridgeFeatureCollection, CityLoopBridge, ComponentLayer, RegionProperties } from '../../../contracts/bridge/index.js'
import { MAP_COLORS } from '../map/region-style.js'

maplibregl.setWorkerUrl(workerUrl)

/** Options of {@link DensityMap}. */
export interface DensityMapOptions {
  readonly container: HTMLElement
  readonly bridge: CityLoopBridge
  /** The label of a region in the current language. */
  readonly name: (region: { readonly name: string; readonly nameEn: string }) => string
  /** Called after each density load. */
  readonly onLoaded?: (answer: ComponentLayer) => void
  readonly onError?: (message: string) => void
}

type WeightedPoint = Feature<GeoPoint, { weight: number }>

/** The wall-screen map. */
export class DensityMap {
  readonly map: MapLibreMap
  private readonly options_: DensityMapOptions
  private readonly markers_: maplibregl.Marker[] = []
  private regions_: BridgeFeatureCollection<RegionProperties>[] = []
  private request_ = 0

  constructor(options: DensityMapOptions) {
    this.options_ = options
    this.map = new maplibregl.Map({
      container: options.container,
      style: {
        version: 8,
        sources: {},
        layers: [{ id: 'background', type: 'background', paint: { 'background-color': MAP_COLORS.background } }],
      },
      center: [119.95, 32.42],
      zoom: 10,
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      fadeDuration: 0,
    })
    this.map.on('moveend', () => void this.loadDensity_())
  }

  /** Loads the outlines, fits the city and loads the density; resolves when the map has drawn them. */
  async start(extent: Bbox | null): Promise<void> {
    await new Promise<void>((resolve) => (this.map.loaded() ? resolve() : this.map.once('load', () => resolve())))
    const [districts, streets] = await Promise.all([this.options_.bridge.layers.regions('district'), this.options_.bridge.layers.regions('street')])
    if (!districts.ok || !streets.ok) {
      this.options_.onError?.((!districts.ok ? districts : !streets.ok ? streets : undefined)?.error.message ?? 'regions')
      return
    }
    this.regions_ = [districts.value, streets.value]
    const geojson = (value: BridgeFeatureCollection<RegionProperties>) => value as unknown as FeatureCollection
    this.map.addSource('districts', { type: 'geojson', data: geojson(districts.value) })
    this.map.addSource('streets', { type: 'geojson', data: geojson(streets.value) })
    this.map.addSource('density', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } })
    this.map.addLayer({ id: 'district-fill', type: 'fill', source: 'districts', paint: { 'fill-color': MAP_COLORS.cityFill } })
    this.map.addLayer({
      id: 'street-line',
      type: 'line',
      source: 'streets',
      paint: { 'line-color': MAP_COLORS.street, 'line-width': 1, 'line-dasharray': [3, 2] },
    })
    this.map.addLayer({
      id: 'density-heat',
      type: 'heatmap',
      source: 'density',
      maxzoom: 15,
      paint: {
        'heatmap-weight': ['get', 'weight'],
        'heatmap-intensity': ['interpolate', ['linear'], ['zoom'], 9, 0.8, 14, 2],
        'heatmap-radius': ['interpolate', ['linear'], ['zoom'], 9, 22, 12, 34, 14, 40],
        'heatmap-opacity': ['interpolate', ['linear'], ['zoom'], 13, 0.85, 15, 0],
        'heatmap-color': [
          'interpolate',
          ['linear'],
          ['heatmap-density'],
          0,
          'rgba(11,18,32,0)',
          0.15,
          'rgba(56,189,248,0.55)',
          0.45,
          'rgba(250,204,21,0.75)',
          0.8,
          'rgba(249,115,22,0.9)',
          1,
          'rgba(239,68,68,0.95)',
        ],
      },
    })
    this.map.addLayer({
      id: 'density-points',
      type: 'circle',
      source: 'density',
      minzoom: 13,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 13, 1.5, 17, 4],
        'circle-color': '#38bdf8',
        'circle-opacity': ['interpolate', ['linear'], ['zoom'], 13, 0, 14, 0.9],
      },
    })
    this.map.addLayer({
      id: 'district-line',
      type: 'line',
      source: 'districts',
      paint: { 'line-color': MAP_COLORS.district, 'line-width': 2.5 },
    })
    this.map.addLayer(
      {
        id: 'district-glow',
        type: 'line',
        source: 'districts',
        paint: { 'line-color': MAP_COLORS.districtGlow, 'line-width': 9, 'line-blur': 4 },
      },
      'district-line',
    )
    this.relabel()
    if (extent) this.map.fitBounds([extent[0], extent[1], extent[2], extent[3]], { padding: 40, duration: 0 })
    await this.loadDensity_()
  }

  /** Re-creates the name markers in the current language. */
  relabel(): void {
    this.markers_.forEach((m) => m.remove())
    this.markers_.length = 0
    const [districts] = this.regions_
    for (const feature of districts?.features ?? []) {
      const element = document.createElement('div')
      element.className = 'bigscreen-label'
      element.textContent = this.options_.name(feature.properties)
      this.markers_.push(new maplibregl.Marker({ element }).setLngLat(labelPoint(feature.geometry)).addTo(this.map))
    }
  }

  /** Reloads the density for the current view (after a sync). */
  refresh(): Promise<void> {
    return this.loadDensity_()
  }

  dispose(): void {
    this.map.remove()
  }

  private async loadDensity_(): Promise<void> {
    if (!this.map.getSource('density')) return
    const id = ++this.request_
    const b = this.map.getBounds()
    const bbox: Bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]
    const result = await this.options_.bridge.layers.components({ bbox, zoom: this.map.getZoom(), limit: 50_000 })
    if (id !== this.request_) return
    if (!result.ok) {
      this.options_.onError?.(result.error.message)
      return
    }
    const answer = result.value
    const features: WeightedPoint[] = []
    if (answer.kind === 'aggregate') {
      const max = Math.max(1, ...answer.count)
      for (let i = 0; i < answer.count.length; i++) {
        features.push(point(answer.lon[i]!, answer.lat[i]!, answer.count[i]! / max))
      }
    } else {
      // Fewer points weigh more each, so a sparse view still shows and a dense one does not saturate.
      const weight = Math.max(0.02, Math.min(0.15, 200 / Math.max(1, answer.lon.length)))
      for (let i = 0; i < answer.lon.length; i++) features.push(point(answer.lon[i]!, answer.lat[i]!, weight))
    }
    ;(this.map.getSource('density') as GeoJSONSource).setData({ type: 'FeatureCollection', features })
    this.options_.onLoaded?.(answer)
  }
}

function point(lon: number, lat: number, weight: number): WeightedPoint {
  return { type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: { weight } }
}

// The centre of the largest ring's bounding box: good enough for a district name on a wall screen.
function labelPoint(geometry: BridgeFeatureCollection<RegionProperties>['features'][number]['geometry']): [number, number] {
  const rings = geometry.type === 'Polygon' ? [geometry.coordinates[0]!] : geometry.type === 'MultiPolygon' ? geometry.coordinates.map((p) => p[0]!) : []
  let best: [number, number] = [0, 0]
  let bestArea = -1
  for (const ring of rings) {
    let w = Infinity
    let s = Infinity
    let e = -Infinity
    let n = -Infinity
    for (const [x, y] of ring) {
      w = Math.min(w, x)
      e = Math.max(e, x)
      s = Math.min(s, y)
      n = Math.max(n, y)
    }
    const area = (e - w) * (n - s)
    if (area > bestArea) {
      bestArea = area
      best = [(w + e) / 2, (s + n) / 2]
    }
  }
  return best
}
