/**
 * @module renderer/map/component-style
 * 部件样式 — how components look on the WebGL layer: the colour says what kind of facility (the big class,
 * folded across both catalog editions into six groups), the ring says its status (GB/T 47678.5 表2).
 * Flat styles only: WebGL layers take no per-feature style functions (workstation.md §2.1).
 */
import type { FlatStyleLike } from 'ol/style/flat.js'
import { COMPONENT_STATUSES, type ComponentStatus } from '../../../core/component/types.js'

/** Facility groups shared by the 2013 and 2026 big classes, in legend order. */
export const COMPONENT_GROUPS = ['utilities', 'transport', 'sanitation', 'greenery', 'buildings', 'other'] as const
export type ComponentGroup = (typeof COMPONENT_GROUPS)[number]

/** Fill colour of each group, picked to stay apart on a dark map and on imagery. */
export const GROUP_COLORS: Readonly<Record<ComponentGroup, string>> = {
  utilities: '#3b82f6',
  transport: '#fbbf24',
  sanitation: '#a78bfa',
  greenery: '#4ade80',
  buildings: '#f472b6',
  other: '#94a3b8',
}

/** Ring colour of each status; intact components get a thin dark ring so dense clusters stay readable. */
export const STATUS_COLORS: Readonly<Record<ComponentStatus, string>> = {
  intact: '#0b1220',
  damaged: '#fb923c',
  missing: '#ef4444',
  discarded: '#64748b',
  removed: '#475569',
}

// 2013 (GB/T 30428.2): 01 公用设施, 02 道路交通, 03 市容环境, 04 园林绿化, 05 房屋土地, 06 其他设施.
// 2026 (GB/T 47678.5): 01 市政公用设施, 02 交通设施, 03 市容环卫设施, 04 园林绿化设施, 05 其他管理部件.
const GROUP_BY_BIG_CLASS: Readonly<Record<string, ComponentGroup>> = {
  '2013:01': 'utilities',
  '2013:02': 'transport',
  '2013:03': 'sanitation',
  '2013:04': 'greenery',
  '2013:05': 'buildings',
  '2013:06': 'other',
  '2026:01': 'utilities',
  '2026:02': 'transport',
  '2026:03': 'sanitation',
  '2026:04': 'greenery',
  '2026:05': 'other',
}

/** The group of a component category key ('2013:component:0101'); 'other' for anything unknown. */
export function groupOf(categoryKey: string): ComponentGroup {
  const [edition, , code] = categoryKey.split(':')
  return GROUP_BY_BIG_CLASS[`${edition}:${(code ?? '').slice(0, 2)}`] ?? 'other'
}

/** Index of a group, as stored in the `group` feature property the WebGL style matches on. */
export function groupIndex(group: ComponentGroup): number {
  return COMPONENT_GROUPS.indexOf(group)
}

// Radius of a component disc by zoom: specks city-wide, easy to aim at street level.
const RADIUS_STOPS: readonly (readonly [number, number])[] = [
  [11, 1.2],
  [13, 2],
  [15, 3.2],
  [17, 5],
  [19, 7],
]

/** The disc radius in pixels at a zoom (the same piecewise-linear curve the WebGL style draws). */
export function pointRadius(zoom: number): number {
  const first = RADIUS_STOPS[0]!
  const last = RADIUS_STOPS[RADIUS_STOPS.length - 1]!
  if (zoom <= first[0]) return first[1]
  if (zoom >= last[0]) return last[1]
  for (let i = 1; i < RADIUS_STOPS.length; i++) {
    const [z1, r1] = RADIUS_STOPS[i]!
    const [z0, r0] = RADIUS_STOPS[i - 1]!
    if (zoom <= z1) return r0 + ((zoom - z0) / (z1 - z0)) * (r1 - r0)
  }
  return last[1]
}

const matchIndex = (property: string, values: readonly string[], fallback: string) => [
  'match',
  ['get', property],
  ...values.flatMap((v, i) => [i, v]),
  fallback,
]

/**
 * WebGL flat style of component points. Features carry numeric `group` (index in {@link COMPONENT_GROUPS})
 * and `status` (index in COMPONENT_STATUSES); the radius grows with the zoom, and missing components are
 * drawn hollow.
 */
export function componentPointStyle(): FlatStyleLike {
  const missing = COMPONENT_STATUSES.indexOf('missing')
  const faded = [COMPONENT_STATUSES.indexOf('discarded'), COMPONENT_STATUSES.indexOf('removed')]
  return {
    'circle-radius': ['interpolate', ['linear'], ['zoom'], ...RADIUS_STOPS.flat()],
    'circle-fill-color': [
      'case',
      ['==', ['get', 'status'], missing],
      'rgba(0,0,0,0)',
      ['any', ['==', ['get', 'status'], faded[0]!], ['==', ['get', 'status'], faded[1]!]],
      '#64748b',
      matchIndex('group', COMPONENT_GROUPS.map((g) => GROUP_COLORS[g]), GROUP_COLORS.other),
    ],
    'circle-stroke-color': matchIndex(
      'status',
      COMPONENT_STATUSES.map((s) => STATUS_COLORS[s]),
      STATUS_COLORS.intact,
    ),
    'circle-stroke-width': [
      'case',
      ['==', ['get', 'status'], COMPONENT_STATUSES.indexOf('intact')],
      ['interpolate', ['linear'], ['zoom'], 13, 0.4, 17, 1],
      ['interpolate', ['linear'], ['zoom'], 13, 1.2, 17, 2],
    ],
  } as FlatStyleLike
}

/**
 * WebGL flat style of aggregated cells (counts per cell when zoomed out): a disc whose area follows the
 * count, from cool (few) to hot (many). Features carry `count` and the answer's `max` as a style variable.
 */
export function componentAggregateStyle(): FlatStyleLike {
  const share = ['/', ['get', 'count'], ['var', 'max']]
  return {
    'circle-radius': ['+', 2, ['*', ['sqrt', share], ['var', 'maxRadius']]],
    'circle-fill-color': [
      'interpolate',
      ['linear'],
      ['sqrt', share],
      0,
      'rgba(56,189,248,0.5)',
      0.45,
      'rgba(250,204,21,0.62)',
      1,
      'rgba(239,68,68,0.78)',
    ],
    'circle-stroke-color': 'rgba(11,18,32,0.7)',
    'circle-stroke-width': 0.6,
  } as FlatStyleLike
}
