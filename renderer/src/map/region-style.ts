/**
 * @module renderer/map/region-style
 * 边界与网格样式 — canvas styles of the district/street/community boundaries and the unit-grid labels, plus
 * the WebGL flat style of the unit-grid cells. Style objects are cached: building them per feature per frame
 * is the usual cause of slow, leaking vector layers (workstation.md §2.1).
 */
import Style from 'ol/style/Style.js'
import Stroke from 'ol/style/Stroke.js'
import Fill from 'ol/style/Fill.js'
import Text from 'ol/style/Text.js'
import type { FeatureLike } from 'ol/Feature.js'
import type Point from 'ol/geom/Point.js'
import type { RegionLevel } from '../../../contracts/bridge/index.js'

/** Font stack with CJK faces first-class: the labels are Chinese. */
export const LABEL_FONT_FAMILY = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif'

/** The colours of the map's own drawing, tuned for the dark background and legible on imagery. */
export const MAP_COLORS = {
  background: '#0b1220',
  cityFill: 'rgba(30, 58, 95, 0.38)',
  district: '#e0f2fe',
  districtGlow: 'rgba(56, 189, 248, 0.32)',
  street: 'rgba(147, 197, 253, 0.85)',
  community: 'rgba(148, 163, 184, 0.6)',
  grid: 'rgba(45, 212, 191, 0.55)',
  label: '#e2e8f0',
  labelHalo: 'rgba(11, 18, 32, 0.92)',
  selection: '#facc15',
} as const

/** Which name a label shows. */
export type LabelLanguage = 'zh' | 'en'

const strokeOf = (level: RegionLevel): Style[] => {
  switch (level) {
    case 'district':
      return [
        new Style({ stroke: new Stroke({ color: MAP_COLORS.districtGlow, width: 7 }), fill: new Fill({ color: MAP_COLORS.cityFill }) }),
        new Style({ stroke: new Stroke({ color: MAP_COLORS.district, width: 2 }) }),
      ]
    case 'street':
      return [new Style({ stroke: new Stroke({ color: MAP_COLORS.street, width: 1.3, lineDash: [7, 4] }) })]
    case 'community':
      return [new Style({ stroke: new Stroke({ color: MAP_COLORS.community, width: 0.9, lineDash: [2, 3] }) })]
  }
}

const LABEL_SIZE: Readonly<Record<RegionLevel, number>> = { district: 17, street: 14, community: 12.5 }
const LABEL_WEIGHT: Readonly<Record<RegionLevel, string>> = { district: '700', street: '600', community: '500' }
const LABEL_COLOR: Readonly<Record<RegionLevel, string>> = { district: '#f8fafc', street: '#bae6fd', community: '#fde68a' }

/**
 * Style function of the outline of a boundary level. The district level also fills the city while
 * `filled()` says so: with no basemap the fill is the map, over a basemap it would only veil it.
 */
export function regionLineStyle(level: RegionLevel, filled: () => boolean): () => Style[] {
  const withFill = strokeOf(level)
  const withoutFill = withFill.map((style) => {
    const copy = style.clone()
    copy.setFill(null)
    return copy
  })
  return () => (filled() ? withFill : withoutFill)
}

/**
 * Style function of a boundary level's name labels, drawn on their own layer above the components. Labels
 * sit on the polygon's interior point and are decluttered; `showLabels` decides per zoom (`zoomOf` turns
 * the draw resolution into one), so a city-wide view shows district names only.
 */
export function regionLabelStyle(
  level: RegionLevel,
  language: () => LabelLanguage,
  showLabels: (zoom: number) => boolean,
  zoomOf: (resolution: number) => number,
): (feature: FeatureLike, resolution: number) => Style | undefined {
  const labels = new Map<string, Style>()
  return (feature, resolution) => {
    if (!showLabels(zoomOf(resolution))) return undefined
    const name = String(feature.get(language() === 'zh' ? 'name' : 'nameEn') ?? '')
    let label = labels.get(name)
    if (!label) {
      label = new Style({
        // Set by the boundary loader: the interior point of the largest part.
        geometry: (f) => f.get('labelAt') as Point | undefined,
        text: new Text({
          text: name,
          font: `${LABEL_WEIGHT[level]} ${LABEL_SIZE[level]}px ${LABEL_FONT_FAMILY}`,
          fill: new Fill({ color: LABEL_COLOR[level] }),
          stroke: new Stroke({ color: MAP_COLORS.labelHalo, width: level === 'district' ? 4 : 3.5 }),
          overflow: true,
        }),
        zIndex: level === 'district' ? 3 : level === 'street' ? 2 : 1,
      })
      labels.set(name, label)
    }
    return label
  }
}

/**
 * Style function of unit-grid cells: a faint fill per area class (A 核心区 warm, C cool), a thin outline,
 * and from `labelZoom` the grid id — its 3-digit sequence, or the full 15-digit id from `fullIdZoom` on,
 * when a cell is wide enough to hold it. `zoomOf` turns the draw resolution into a zoom.
 */
export function gridStyle(
  labelZoom: number,
  fullIdZoom: number,
  zoomOf: (resolution: number) => number,
): (feature: FeatureLike, resolution: number) => Style[] {
  const stroke = new Stroke({ color: MAP_COLORS.grid, width: 0.8 })
  const cells: Readonly<Record<string, Style>> = {
    A: new Style({ fill: new Fill({ color: 'rgba(251, 146, 60, 0.16)' }), stroke }),
    B: new Style({ fill: new Fill({ color: 'rgba(250, 204, 21, 0.09)' }), stroke }),
    C: new Style({ fill: new Fill({ color: 'rgba(56, 189, 248, 0.07)' }), stroke }),
  }
  const fill = new Fill({ color: 'rgba(204, 251, 241, 0.92)' })
  const halo = new Stroke({ color: MAP_COLORS.labelHalo, width: 3 })
  const label = new Style({ text: new Text({ font: `500 10.5px ${LABEL_FONT_FAMILY}`, fill, stroke: halo, overflow: false }) })
  return (feature, resolution) => {
    const cell = cells[String(feature.get('areaClass'))] ?? cells.C!
    const zoom = zoomOf(resolution)
    if (zoom < labelZoom) return [cell]
    const id = String(feature.get('id') ?? '')
    // The style is shared: OpenLayers copies the text when it draws, so setting it per feature is safe.
    label.getText()!.setText(zoom >= fullIdZoom ? id : id.slice(-3))
    return [cell, label]
  }
}

/** Outline of the selected grid or the clicked point's grid. */
export function selectionStyle(): Style[] {
  return [
    new Style({ stroke: new Stroke({ color: 'rgba(250, 204, 21, 0.35)', width: 8 }) }),
    new Style({ stroke: new Stroke({ color: MAP_COLORS.selection, width: 2.5 }), fill: new Fill({ color: 'rgba(250, 204, 21, 0.12)' }) }),
  ]
}
