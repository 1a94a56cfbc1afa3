/**
 * @module renderer/cases/map/case-legend
 * 案件图例 — the case layers' items in the map's ol-ext legend (added through CityMap.addLegendItems): the
 * seven phase squares, the light outlines, the hazard diamond and the cluster square in point mode; the heat
 * ramp in heatmap mode; the classes of the current counts in 高发网格 mode. Swatches reuse the layers'
 * colours (case-style.ts), so the legend cannot drift from the map.
 */
import type Legend from 'ol-ext/legend/Legend.js'
import Style from 'ol/style/Style.js'
import Fill from 'ol/style/Fill.js'
import Stroke from 'ol/style/Stroke.js'
import RegularShape from 'ol/style/RegularShape.js'
import { CASE_PHASES } from '../../../../core/case/phase.js'
import { CHORO_STROKE, CLUSTER_COLORS, classColor, classLabel, HEAT_GRADIENT, LIGHT_RING, PHASE_COLORS, SQUARE_ANGLE } from './case-style.js'

/** What the legend describes. */
export interface CaseLegendState {
  readonly mode: 'points' | 'heatmap' | 'grids'
  /** The choropleth's class bounds (grids mode). */
  readonly breaks: readonly number[]
}

const square = (fill: string, stroke: string, width: number, radius = 7.5) =>
  new Style({ image: new RegularShape({ points: 4, angle: SQUARE_ANGLE, radius, fill: new Fill({ color: fill }), stroke: new Stroke({ color: stroke, width }) }) })
const area = (fill: string, stroke = 'rgba(15,23,42,0.6)') => new Style({ fill: new Fill({ color: fill }), stroke: new Stroke({ color: stroke, width: 1 }) })

/** Appends the case items for `state` to `legend`. */
export function fillCaseLegend(legend: Legend, t: (key: string) => string, state: CaseLegendState): void {
  const section = (title: string) => legend.addItem({ title, className: 'legend-section' })
  const hazard = () =>
    legend.addItem({
      title: t('caseMap.legend.hazard'),
      typeGeom: 'Point',
      style: new Style({
        image: new RegularShape({ points: 4, radius: 8, angle: 0, fill: new Fill({ color: PHASE_COLORS.handling }), stroke: new Stroke({ color: '#ffffff', width: 2 }) }),
      }),
    })
  if (state.mode === 'points') {
    section(t('caseMap.legend.points'))
    for (const phase of CASE_PHASES) {
      legend.addItem({ title: t(`caseMap.phase.${phase}`), typeGeom: 'Point', style: square(PHASE_COLORS[phase], LIGHT_RING.none, 1.5) })
    }
    legend.addItem({ title: t('caseMap.legend.lightYellow'), typeGeom: 'Point', style: square(PHASE_COLORS.handling, LIGHT_RING.yellow, 2.5) })
    legend.addItem({ title: t('caseMap.legend.lightRed'), typeGeom: 'Point', style: square(PHASE_COLORS.handling, LIGHT_RING.red, 2.5) })
    hazard()
    legend.addItem({ title: t('caseMap.legend.cluster'), typeGeom: 'Point', style: square(CLUSTER_COLORS.red, '#ffffff', 1.5, 9) })
  } else if (state.mode === 'heatmap') {
    section(t('caseMap.legend.heatmap'))
    const at = (share: number) => HEAT_GRADIENT[Math.round(share * (HEAT_GRADIENT.length - 1))]!
    legend.addItem({ title: t('caseMap.legend.heatLow'), typeGeom: 'Polygon', style: area(at(0.15)) })
    legend.addItem({ title: t('caseMap.legend.heatMid'), typeGeom: 'Polygon', style: area(at(0.6)) })
    legend.addItem({ title: t('caseMap.legend.heatHigh'), typeGeom: 'Polygon', style: area(at(1)) })
    hazard()
  } else {
    section(t('caseMap.legend.grids'))
    if (!state.breaks.length) {
      legend.addItem({ title: t('caseMap.legend.gridsNone'), typeGeom: 'Polygon', style: area('rgba(0,0,0,0)') })
    }
    state.breaks.forEach((_, k) => {
      legend.addItem({ title: classLabel(k, state.breaks), typeGeom: 'Polygon', style: area(classColor(k, state.breaks.length), CHORO_STROKE) })
    })
    hazard()
  }
}
