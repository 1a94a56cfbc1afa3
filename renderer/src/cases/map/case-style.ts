/**
 * @module renderer/cases/map/case-style
 * 案件样式 — how cases look, apart from the components under them (round dots coloured by facility group): a case
 * is a square with a white outline, filled with its 环节 colour (seven phases, a palette of its own), the
 * outline turning yellow or red for the 亮灯; a 第9条 safety hazard is a larger diamond; clusters are squares
 * coloured by their worst light; the heatmap runs cool to hot; 高发网格 use a strong sequential scale.
 * While the case layers show, components are turned down ({@link COMPONENT_OPACITY_UNDER_CASES}) and, under
 * 高发网格, the area-class fills of the grids too. Everything here is data (flat styles,
 * colours, numbers), so it is tested in Node; the OpenLayers style objects are made where they are drawn.
 */
import { CASE_PHASES, type CasePhase } from '../../../../core/case/phase.js'
import type { LightColor } from '../../../../contracts/bridge/index.js'
import type { FlatStyleLike } from 'ol/style/flat.js'
import { LIGHTS } from './case-data.js'

/** Feature properties of case points: phase, light and hazard (indices, as in the columns). */
export const PROP_PHASE = 'phase'
export const PROP_LIGHT = 'light'
export const PROP_HAZARD = 'hazard'

/**
 * Fill colour of each phase: apart from each other, from the light outlines, and from the component groups'
 * blue, amber, violet, green, pink and slate (map/component-style.ts), on dark maps and imagery.
 */
export const PHASE_COLORS: Readonly<Record<CasePhase, string>> = {
  intake: '#00e5ff',
  registered: '#7c3aed',
  dispatched: '#d946ef',
  handling: '#ff7a1a',
  checking: '#c8f542',
  closed: '#14b8a6',
  ended: '#e2e8f0',
}

/** Outline of each light: white (the case's own light ring) unless the light is yellow or red. */
export const LIGHT_RING: Readonly<Record<LightColor, string>> = {
  none: '#ffffff',
  green: '#ffffff',
  yellow: '#facc15',
  red: '#ef4444',
}

/** Cluster fill by its worst light (squares, like the cases they hold). */
export const CLUSTER_COLORS: Readonly<Record<LightColor, string>> = {
  none: 'rgba(79,70,229,0.9)',
  green: 'rgba(13,148,136,0.9)',
  yellow: 'rgba(202,138,4,0.92)',
  red: 'rgba(220,38,38,0.92)',
}

/** Opacity of the component layer while the case layers show: there, but behind the cases. */
export const COMPONENT_OPACITY_UNDER_CASES = 0.3
/** Opacity of the unit grids' area-class fills under the 高发网格 choropleth, so its classes read. */
export const GRID_OPACITY_UNDER_CHOROPLETH = 0.2
/** A square's shape angle (a four-point shape with its corners on the diagonals). */
export const SQUARE_ANGLE = Math.PI / 4

/** The hazard accent (pulse, countdown): a red apart from the red light ring. */
export const HAZARD_COLOR = '#ff2d55'

const byIndex = (prop: string, colors: readonly string[], fallback: string) => ['match', ['get', prop], ...colors.flatMap((c, i) => [i, c]), fallback]
const phaseFill = () => byIndex(PROP_PHASE, CASE_PHASES.map((p) => PHASE_COLORS[p]), PHASE_COLORS.ended)

/** Radius stops of a case square by zoom (px, to its corners). */
export const POINT_RADIUS_STOPS: readonly (readonly [number, number])[] = [
  [11, 3.5],
  [14, 6],
  [17, 8.5],
  [19, 10.5],
]
/** Radius stops of a hazard diamond by zoom (px). */
export const HAZARD_RADIUS_STOPS: readonly (readonly [number, number])[] = [
  [10, 4.5],
  [12, 6],
  [14, 8.5],
  [17, 12],
  [19, 14],
]

/** A piecewise-linear curve of zoom, as the WebGL style's `interpolate` draws it. */
export function interpolateStops(stops: readonly (readonly [number, number])[], zoom: number): number {
  const first = stops[0]!
  const last = stops[stops.length - 1]!
  if (zoom <= first[0]) return first[1]
  if (zoom >= last[0]) return last[1]
  for (let i = 1; i < stops.length; i++) {
    const [z1, v1] = stops[i]!
    const [z0, v0] = stops[i - 1]!
    if (zoom <= z1) return v0 + ((zoom - z0) / (z1 - z0)) * (v1 - v0)
  }
  return last[1]
}

/**
 * WebGL flat style of case points: features carry `phase`, `light` and `hazard` (indices). Ordinary cases
 * are squares with a white outline (yellow or red, thicker, for the light); hazards, drawn after them, are
 * larger diamonds with the same edge.
 */
export function casePointStyle(): FlatStyleLike {
  const zoomCurve = (stops: readonly (readonly [number, number])[]) => ['interpolate', ['linear'], ['zoom'], ...stops.flat()]
  const ring = byIndex(PROP_LIGHT, LIGHTS.map((l) => LIGHT_RING[l]), LIGHT_RING.none)
  const yellow = LIGHTS.indexOf('yellow')
  const red = LIGHTS.indexOf('red')
  const hazardEdge = byIndex(
    PROP_LIGHT,
    LIGHTS.map((l) => (l === 'yellow' || l === 'red' ? LIGHT_RING[l] : '#ffffff')),
    '#ffffff',
  )
  return [
    {
      filter: ['!=', ['get', PROP_HAZARD], 1],
      style: {
        'shape-points': 4,
        'shape-radius': zoomCurve(POINT_RADIUS_STOPS),
        'shape-angle': SQUARE_ANGLE,
        'shape-fill-color': phaseFill(),
        'shape-stroke-color': ring,
        'shape-stroke-width': ['match', ['get', PROP_LIGHT], yellow, 2.5, red, 2.5, 1.5],
      },
    },
    {
      else: true,
      style: {
        'shape-points': 4,
        'shape-radius': zoomCurve(HAZARD_RADIUS_STOPS),
        'shape-angle': 0,
        'shape-fill-color': phaseFill(),
        'shape-stroke-color': hazardEdge,
        'shape-stroke-width': 2.5,
      },
    },
  ] as FlatStyleLike
}

/** Heatmap colours from sparse to dense (the layer maps density 0…1 onto them). */
export const HEAT_GRADIENT: readonly string[] = ['#1e3a8a', '#2563eb', '#06b6d4', '#84cc16', '#facc15', '#f97316', '#dc2626']

/** Heat kernel radius by zoom (px). */
export const HEAT_RADIUS_STOPS: readonly (readonly [number, number])[] = [
  [10, 4],
  [12, 7],
  [14, 11],
  [16, 18],
  [18, 28],
]
/** Heat blur by zoom (px), added to the radius. */
export const HEAT_BLUR_STOPS: readonly (readonly [number, number])[] = [
  [10, 6],
  [12, 9],
  [14, 14],
  [16, 20],
  [18, 30],
]

/**
 * The weight of one case in the heatmap, so that the densest places come out hot but not a flat red blot:
 * with `count` cases over `pixels` pixels (the area they cover) and kernels of `radius` + `blur` px, a place
 * about three times as dense as that average reaches 85 % density. A kernel's mean over its square is about
 * a fifth of its peak, hence the 0.2. May be far below 1/255: the heatmap stacks a cell's cases into one
 * kernel (cellWeight), and it is the cell's weight that 8-bit blending must not lose.
 */
export function heatWeight(count: number, pixels: number, radius: number, blur: number): number {
  if (!(count > 0) || !(pixels > 0)) return 1
  const footprint = (2 * (radius + blur)) ** 2
  const hot = Math.max(1, (3 * 0.2 * count * footprint) / pixels)
  return Math.min(1, 1 - 0.15 ** (1 / hot))
}

/** Smallest weight of a heat cell: 5/255, so a lone case still shows faintly however dense the view. */
export const MIN_CELL_WEIGHT = 5 / 255

/** Cell size of the heatmap's binning, in pixels: a fraction of the kernel radius, 3 to 12 px. */
export function heatCellPixels(zoom: number): number {
  return Math.max(3, Math.min(12, 0.75 * interpolateStops(HEAT_RADIUS_STOPS, zoom)))
}

/**
 * The heat weight of a cell of `count` cases each weighing `weight`: what `count` kernels stacked on one
 * spot reach at their centre (the layer blends each over the last, 1 − (1 − w)ⁿ), at least
 * {@link MIN_CELL_WEIGHT}.
 */
export function cellWeight(count: number, weight: number): number {
  return Math.max(MIN_CELL_WEIGHT, 1 - (1 - weight) ** count)
}

/** 高发网格 fills, light to dark (five classes): opaque enough to read over the area-class fills and imagery. */
export const CHORO_COLORS: readonly string[] = [
  // The first class (usually one case per grid) lighter, so the hot grids stand out of it.
  'rgba(253,224,71,0.5)',
  'rgba(251,146,60,0.84)',
  'rgba(239,68,68,0.88)',
  'rgba(190,18,60,0.92)',
  'rgba(88,28,135,0.95)',
]
/** Outline of a counted grid: dark, so neighbouring classes stay apart. */
export const CHORO_STROKE = 'rgba(15,23,42,0.85)'

/**
 * Lower bounds of the choropleth classes (ascending). The first class is the smallest non-zero count alone
 * (typically the many grids with one case: they are the background, not the 高发); the other classes are
 * quantiles of the distinct counts above it, so the top classes hold the few grids with many cases, which is
 * what 高发网格 is for. Quantiles over every grid would put most bounds on 1 or 2; quantiles of all distinct
 * values (the earlier rule) put most grids in the first class. Fewer than `classes` bounds when there are
 * fewer distinct counts; empty when every count is 0.
 */
export function classBreaks(counts: ArrayLike<number>, classes = CHORO_COLORS.length): number[] {
  const distinct = new Set<number>()
  for (let i = 0; i < counts.length; i++) if (counts[i]! > 0) distinct.add(counts[i]!)
  if (!distinct.size) return []
  const values = [...distinct].sort((a, b) => a - b)
  const breaks = [values[0]!]
  const above = values.slice(1)
  for (let k = 0; k < classes - 1 && above.length; k++) {
    const q = above[Math.min(above.length - 1, Math.floor((k / (classes - 1)) * above.length))]!
    if (q > breaks[breaks.length - 1]!) breaks.push(q)
  }
  return breaks
}

/** The class of a count (index into the breaks), -1 for 0 cases. */
export function classOf(count: number, breaks: readonly number[]): number {
  if (!(count > 0)) return -1
  let k = 0
  while (k + 1 < breaks.length && count >= breaks[k + 1]!) k++
  return k
}

/** The fill of class k of `classes` classes: spread over the scale, so 3 classes are light, middle and dark. */
export function classColor(k: number, classes: number): string {
  if (classes <= 1) return CHORO_COLORS[CHORO_COLORS.length - 1]!
  return CHORO_COLORS[Math.round((k / (classes - 1)) * (CHORO_COLORS.length - 1))]!
}

/** The legend text of class k: "1–3", "4–9", … "≥ 40". */
export function classLabel(k: number, breaks: readonly number[]): string {
  const low = breaks[k]!
  const next = breaks[k + 1]
  if (next === undefined) return `≥ ${low}`
  return next - 1 === low ? String(low) : `${low}–${next - 1}`
}

/** Disc radius of a cluster of `count` cases (px). */
export function clusterRadius(count: number): number {
  return Math.min(26, 9 + 3.6 * Math.log10(count + 1))
}
