/* eslint-disable no-restricted-imports -- a Node test (node:test, node:assert), never part of the UI bundle */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseLiteralStyle } from 'ol/render/webgl/style.js'
import type { FlatStyle, Rule } from 'ol/style/flat.js'
import { CASE_PHASES } from '../../../../core/case/phase.js'
import { COMPONENT_GROUPS, GROUP_COLORS } from '../../map/component-style.js'
import {
  casePointStyle,
  cellWeight,
  CHORO_COLORS,
  classBreaks,
  classColor,
  classLabel,
  classOf,
  clusterRadius,
  heatCellPixels,
  heatWeight,
  interpolateStops,
  PHASE_COLORS,
  POINT_RADIUS_STOPS,
} from './case-style.js'

test('each phase has its own colour', () => {
  const colors = CASE_PHASES.map((p) => PHASE_COLORS[p])
  assert.equal(new Set(colors).size, CASE_PHASES.length)
})

test('each phase colour stays apart from every component group colour', () => {
  const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))
  for (const p of CASE_PHASES) {
    for (const g of COMPONENT_GROUPS) {
      const [a, b] = [rgb(PHASE_COLORS[p]), rgb(GROUP_COLORS[g])]
      const distance = Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!)
      assert.ok(distance > 60, `${p} ${PHASE_COLORS[p]} vs ${g} ${GROUP_COLORS[g]}: ${distance.toFixed(0)}`)
    }
  }
})

test('the point style compiles for WebGL: squares for cases, diamonds for hazards drawn last', () => {
  const rules = casePointStyle() as Rule[]
  assert.equal(rules.length, 2)
  assert.equal(rules[1]!.else, true)
  assert.equal((rules[0]!.style as FlatStyle)['shape-points'], 4)
  assert.equal((rules[0]!.style as FlatStyle)['shape-angle'], Math.PI / 4)
  assert.equal((rules[1]!.style as FlatStyle)['shape-points'], 4)
  assert.equal((rules[1]!.style as FlatStyle)['shape-angle'], 0)
  for (const rule of rules) {
    const parsed = parseLiteralStyle(rule.style as FlatStyle, {}, rule.filter ?? true)
    assert.ok(parsed.builder, 'a shader builder')
    for (const prop of ['phase', 'light']) assert.ok(`prop_${prop}` in parsed.attributes, `reads ${prop}`)
  }
})

test('class breaks: the smallest count alone, then quantiles of the distinct counts above it, so the top classes hold the few hot grids', () => {
  // Most grids have one or two cases, a few very many: the classes still separate the few.
  const counts = [0, 0, ...Array(60).fill(1), ...Array(25).fill(2), 3, 4, 5, 8, 9, 12, 15, 30, 31, 60, 120]
  const breaks = classBreaks(counts)
  assert.equal(breaks[0], 1)
  for (let k = 1; k < breaks.length; k++) assert.ok(breaks[k]! > breaks[k - 1]!)
  assert.deepEqual(breaks, [1, 2, 5, 12, 31])
  // A city where one-case grids are a third: most grids are out of the first class.
  const spread = [...Array(30).fill(1), ...Array(25).fill(2), ...Array(20).fill(3), ...Array(10).fill(5), 8, 9, 12, 20, 40]
  const firstClass = spread.filter((n) => classOf(n, classBreaks(spread)) === 0).length
  assert.ok(firstClass < spread.length / 2, `${firstClass} of ${spread.length} grids in the first class`)
  assert.equal(classOf(0, breaks), -1)
  assert.equal(classOf(1, breaks), 0)
  assert.equal(classOf(120, breaks), breaks.length - 1)
  assert.deepEqual(classBreaks([0, 0]), [])
  assert.deepEqual(classBreaks([4, 4, 4]), [4])
  assert.deepEqual(classBreaks([0, 7, 9, 30]), [7, 9, 30])
  assert.deepEqual(classBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), [1, 2, 4, 6, 8])
})

test('class labels and colours', () => {
  const breaks = [1, 3, 5, 7, 9]
  assert.deepEqual(
    breaks.map((_, k) => classLabel(k, breaks)),
    ['1–2', '3–4', '5–6', '7–8', '≥ 9'],
  )
  assert.equal(classLabel(0, [1, 2]), '1')
  assert.equal(classColor(0, 5), CHORO_COLORS[0])
  assert.equal(classColor(4, 5), CHORO_COLORS[4])
  assert.equal(classColor(2, 3), CHORO_COLORS[4])
  assert.equal(classColor(0, 1), CHORO_COLORS[4])
})

test('heat weight falls as the view fills, within bounds', () => {
  const px = 1600 * 900
  const few = heatWeight(100, px, 8, 12)
  const many = heatWeight(100_000, px, 8, 12)
  const all = heatWeight(1_000_000, px, 8, 12)
  assert.ok(few > many && many >= all, `${few} ${many} ${all}`)
  assert.ok(all > 0 && few <= 1)
  assert.equal(heatWeight(0, px, 8, 12), 1)
})

test('zoom curves and cluster sizes', () => {
  assert.equal(interpolateStops(POINT_RADIUS_STOPS, 0), POINT_RADIUS_STOPS[0]![1])
  assert.equal(interpolateStops(POINT_RADIUS_STOPS, 25), POINT_RADIUS_STOPS.at(-1)![1])
  assert.ok(clusterRadius(2) < clusterRadius(200) && clusterRadius(1e9) === 26)
})

test('a heat cell weighs what its cases stacked on one spot would, and cells stay a few pixels', () => {
  assert.ok(Math.abs(cellWeight(1, 0.2) - 0.2) < 1e-12)
  assert.ok(Math.abs(cellWeight(2, 0.2) - 0.36) < 1e-12)
  assert.ok(cellWeight(1000, 0.03) > 0.99 && cellWeight(1000, 0.03) <= 1)
  // However dense the view, a lone case keeps a weight 8-bit blending can draw.
  assert.ok(cellWeight(1, 1e-6) * 255 >= 5 - 1e-9)
  for (const zoom of [4, 10, 12, 14, 16, 18, 22]) {
    const px = heatCellPixels(zoom)
    assert.ok(px >= 3 && px <= 12, `${zoom}: ${px}`)
  }
})
