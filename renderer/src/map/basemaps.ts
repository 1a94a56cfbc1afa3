/**
 * @module renderer/map/basemaps
 * 底图 — the basemap choices: 天地图 vector or imagery with its annotation layer, in the CGCS2000 `c` or Web
 * Mercator `w` matrix set (workstation.md §4.3); a city's own XYZ/WMTS-REST service; or none, when the city
 * outline from the local data is the map. Each choice names the view projection it needs, so tiles are
 * never reprojected.
 */
import TileLayer from 'ol/layer/Tile.js'
import WMTS from 'ol/source/WMTS.js'
import XYZ from 'ol/source/XYZ.js'
import WMTSTileGrid from 'ol/tilegrid/WMTS.js'
import { createXYZ } from 'ol/tilegrid.js'
import { get as getProjection } from 'ol/proj.js'
import type { Settings, TiandituMatrixSet } from '../../../contracts/bridge/index.js'
import { CGCS2000, WEB_MERCATOR, type ViewProjection } from './projection.js'

/** 天地图 matrix set: `c` = CGCS2000 lon/lat (EPSG:4490), `w` = Web Mercator (EPSG:3857). */
export type MatrixSet = TiandituMatrixSet

/** The settings a basemap is made from (a subset of the bridge's {@link Settings}). */
export type BasemapSettings = Pick<
  Settings,
  'basemap' | 'tiandituToken' | 'tiandituMatrixSet' | 'customBasemapUrl' | 'customBasemapProjection'
>

/** Tianditu serves levels 1-18 in both matrix sets. */
const TIANDITU_MAX_LEVEL = 18

/**
 * The basemap actually shown: 天地图 needs a token and the custom service a URL; without them there is no
 * basemap (the UI says why), rather than a grid of failed tiles.
 */
export function effectiveBasemap(settings: BasemapSettings): Settings['basemap'] {
  if ((settings.basemap === 'tianditu-vec' || settings.basemap === 'tianditu-img') && !settings.tiandituToken.trim()) return 'none'
  if (settings.basemap === 'custom' && !settings.customBasemapUrl.trim()) return 'none'
  return settings.basemap
}

/** The view projection a basemap needs. No basemap keeps CGCS2000 lon/lat, the stored datum. */
export function projectionOf(settings: BasemapSettings): ViewProjection {
  switch (effectiveBasemap(settings)) {
    case 'none':
      return CGCS2000
    case 'tianditu-vec':
    case 'tianditu-img':
      return settings.tiandituMatrixSet === 'c' ? CGCS2000 : WEB_MERCATOR
    case 'custom':
      return settings.customBasemapProjection
  }
}

/**
 * The tile grid of 天地图's `c` matrix set and of other CGCS2000 WMTS services laid out the same way:
 * origin (-180, 90), 256 px tiles, 0.703125°/px at TileMatrix 1, halving per level. Matrix ids start at 1.
 */
export function cgcs2000TileGrid(maxLevel = TIANDITU_MAX_LEVEL): WMTSTileGrid {
  const resolutions: number[] = []
  const matrixIds: string[] = []
  for (let level = 1; level <= maxLevel; level++) {
    resolutions.push(0.703125 / 2 ** (level - 1))
    matrixIds.push(String(level))
  }
  return new WMTSTileGrid({ origin: [-180, 90], resolutions, matrixIds, tileSize: 256, extent: [-180, -90, 180, 90] })
}

/** Web Mercator levels 1-18 of 天地图 `w` (level z has the standard XYZ resolution of z). */
function webMercatorTileGrid(maxLevel = TIANDITU_MAX_LEVEL): WMTSTileGrid {
  const xyz = createXYZ({ extent: getProjection(WEB_MERCATOR)!.getExtent(), maxZoom: maxLevel })
  const resolutions = xyz.getResolutions().slice(1)
  return new WMTSTileGrid({
    origin: xyz.getOrigin(0),
    resolutions,
    matrixIds: resolutions.map((_, i) => String(i + 1)),
    tileSize: 256,
    extent: getProjection(WEB_MERCATOR)!.getExtent(),
  })
}

/** One 天地图 layer (`vec`, `cva`, `img`, `cia`) in a matrix set; the path suffix and TILEMATRIXSET agree. */
export function tiandituSource(layer: string, matrixSet: MatrixSet, token: string): WMTS {
  return new WMTS({
    url: `https://t{0-7}.tianditu.gov.cn/${layer}_${matrixSet}/wmts?tk=${encodeURIComponent(token)}`,
    layer,
    matrixSet,
    format: 'tiles',
    style: 'default',
    requestEncoding: 'KVP',
    projection: matrixSet === 'c' ? CGCS2000 : WEB_MERCATOR,
    tileGrid: matrixSet === 'c' ? cgcs2000TileGrid() : webMercatorTileGrid(),
    wrapX: true,
    attributions: '© 天地图 Tianditu',
  })
}

/**
 * Fills a custom URL template: `{z}`/`{x}`/`{y}` (XYZ; `{-y}` counts rows from the south) or the WMTS
 * `{TileMatrix}`/`{TileCol}`/`{TileRow}`. In the CGCS2000 grid the level is the WMTS TileMatrix, from 1.
 */
export function fillTemplate(template: string, level: number, col: number, row: number, rowsAtLevel: number): string {
  return template
    .replace(/\{(z|TileMatrix)\}/gi, String(level))
    .replace(/\{(x|TileCol)\}/gi, String(col))
    .replace(/\{-y\}/gi, String(rowsAtLevel - row - 1))
    .replace(/\{(y|TileRow)\}/gi, String(row))
}

/** A city's own tile service from a URL template. */
export function customSource(url: string, projection: ViewProjection): XYZ {
  const cgcs = projection === CGCS2000
  const grid = cgcs ? cgcs2000TileGrid(20) : createXYZ({ extent: getProjection(WEB_MERCATOR)!.getExtent(), maxZoom: 20 })
  return new XYZ({
    projection,
    tileGrid: grid,
    crossOrigin: 'anonymous',
    tileUrlFunction: (tileCoord) => {
      const [z, x, y] = tileCoord as [number, number, number]
      // The CGCS2000 grid's index 0 is TileMatrix 1 (two tiles wide, one high); both grids have 2^z rows.
      return fillTemplate(url, cgcs ? z + 1 : z, x, y, 2 ** z)
    },
  })
}

/** Basemap tile layers for the settings, bottom first; empty for none. `title` names each for the layer switcher. */
export function basemapLayers(settings: BasemapSettings, title: (key: string) => string): TileLayer[] {
  const basemap = effectiveBasemap(settings)
  switch (basemap) {
    case 'none':
      return []
    case 'tianditu-vec':
    case 'tianditu-img': {
      const layer = basemap === 'tianditu-vec' ? 'vec' : 'img'
      const labels = layer === 'vec' ? 'cva' : 'cia'
      return [
        new TileLayer({
          source: tiandituSource(layer, settings.tiandituMatrixSet, settings.tiandituToken.trim()),
          properties: { id: 'basemap', title: title(`layers.basemap.${layer}`), titleKey: `layers.basemap.${layer}` },
        }),
        new TileLayer({
          source: tiandituSource(labels, settings.tiandituMatrixSet, settings.tiandituToken.trim()),
          properties: { id: 'basemap-labels', title: title('layers.basemap.labels'), titleKey: 'layers.basemap.labels' },
        }),
      ]
    }
    case 'custom':
      return [
        new TileLayer({
          source: customSource(settings.customBasemapUrl.trim(), settings.customBasemapProjection),
          properties: { id: 'basemap', title: title('layers.basemap.custom'), titleKey: 'layers.basemap.custom' },
        }),
      ]
  }
}
