/**
 * @module renderer/map/legend
 * 图例 — the ol-ext legend of the workstation's own layers: component groups and statuses, grid area
 * classes, boundary lines. Rebuilt on a language switch. The swatches reuse the layers' colours, so the
 * legend cannot drift from the map.
 */
import Legend from 'ol-ext/legend/Legend.js'
import Style from 'ol/style/Style.js'
import Fill from 'ol/style/Fill.js'
import Stroke from 'ol/style/Stroke.js'
import CircleStyle from 'ol/style/Circle.js'
import Text from 'ol/style/Text.js'
import { COMPONENT_GROUPS, GROUP_COLORS, STATUS_COLORS } from './component-style.js'
import { LABEL_FONT_FAMILY, MAP_COLORS } from './region-style.js'

const dot = (fill: string, stroke: string, width: number) =>
  new Style({ image: new CircleStyle({ radius: 6, fill: new Fill({ color: fill }), stroke: new Stroke({ color: stroke, width }) }) })
const line = (color: string, width: number, lineDash?: number[]) =>
  new Style({ stroke: new Stroke({ color, width, ...(lineDash ? { lineDash } : {}) }) })
const area = (fill: string, stroke: string) => new Style({ fill: new Fill({ color: fill }), stroke: new Stroke({ color: stroke, width: 1 }) })

/** Fills `legend` with the workstation's items, titled through `t`. */
export function fillLegend(legend: Legend, t: (key: string) => string): void {
  legend.getItems().clear()
  legend.setTitle(t('legend.title'))
  const section = (title: string) => legend.addItem({ title, className: 'legend-section' })
  section(t('legend.components'))
  for (const group of COMPONENT_GROUPS) {
    legend.addItem({ title: t(`componentGroup.${group}`), typeGeom: 'Point', style: dot(GROUP_COLORS[group], STATUS_COLORS.intact, 1) })
  }
  legend.addItem({ title: t('componentStatus.damaged'), typeGeom: 'Point', style: dot(GROUP_COLORS.utilities, STATUS_COLORS.damaged, 2.5) })
  legend.addItem({ title: t('componentStatus.missing'), typeGeom: 'Point', style: dot('rgba(0,0,0,0)', STATUS_COLORS.missing, 2.5) })
  legend.addItem({ title: t('legend.discarded'), typeGeom: 'Point', style: dot('#64748b', STATUS_COLORS.discarded, 2) })
  legend.addItem({ title: t('legend.density'), typeGeom: 'Point', style: dot('rgba(250,204,21,0.7)', 'rgba(11,18,32,0.7)', 1) })
  section(t('legend.grids'))
  legend.addItem({ title: t('areaClass.A'), typeGeom: 'Polygon', style: area('rgba(251, 146, 60, 0.35)', MAP_COLORS.grid) })
  legend.addItem({ title: t('areaClass.B'), typeGeom: 'Polygon', style: area('rgba(250, 204, 21, 0.25)', MAP_COLORS.grid) })
  legend.addItem({ title: t('areaClass.C'), typeGeom: 'Polygon', style: area('rgba(56, 189, 248, 0.2)', MAP_COLORS.grid) })
  section(t('legend.boundaries'))
  legend.addItem({ title: t('layers.district'), typeGeom: 'LineString', style: line(MAP_COLORS.district, 2.5) })
  legend.addItem({ title: t('layers.street'), typeGeom: 'LineString', style: line(MAP_COLORS.street, 1.5, [7, 4]) })
  legend.addItem({ title: t('layers.community'), typeGeom: 'LineString', style: line(MAP_COLORS.community, 1.2, [2, 3]) })
  legend.refresh()
}

/** A legend with light text for the dark panel. */
export function createLegend(): Legend {
  const textStyle = new Text({ font: `12px ${LABEL_FONT_FAMILY}`, fill: new Fill({ color: '#e2e8f0' }) })
  const titleStyle = new Text({ font: `600 13px ${LABEL_FONT_FAMILY}`, fill: new Fill({ color: '#f8fafc' }) })
  return new Legend({ size: [24, 14], margin: 4, lineHeight: 20, textStyle, titleStyle, maxWidth: 220 })
}
