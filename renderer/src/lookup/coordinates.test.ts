/* eslint-disable no-restricted-imports -- a Node test (node:test, node:assert), never part of the UI bundle */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { convertLonLat, distanceMeters, parseCoordinateLines } from './coordinates.js'

test('pasted lines: separators, brackets, blank lines and lat/lon order as consumer maps show it', () => {
  const parsed = parseCoordinateLines('119.926401, 32.487433\n\n119.93 32.50\n119.9，32.48\n[119.91;32.47]\n32.49,119.92\t\n119.92\t32.49')
  assert.deepEqual(
    parsed.map((p) => (p.ok ? [p.line, p.lon, p.lat] : [p.line, 'bad'])),
    [
      [1, 119.926401, 32.487433],
      [3, 119.93, 32.5],
      [4, 119.9, 32.48],
      [5, 119.91, 32.47],
      [6, 119.92, 32.49],
      [7, 119.92, 32.49],
    ],
  )
})

test('pasted lines that are not coordinates in China say why', () => {
  const parsed = parseCoordinateLines('hello\n40512345.1, 3596789.2\n2.35, 48.85')
  assert.deepEqual(
    parsed.map((p) => p.ok),
    [false, false, false],
  )
  const [, metres, paris] = parsed
  assert.ok(!metres!.ok && /projected metres/.test(metres!.problem))
  assert.ok(!paris!.ok && /outside China/.test(paris!.problem))
})

test('GCJ-02 ⇄ CGCS2000: the documented Beijing offset, and a round trip good to 1e-6°', () => {
  // wandergis/coordtransform README: WGS84 (116.404, 39.915) → GCJ-02 (116.41024, 39.91640).
  const [lon, lat] = convertLonLat(116.404, 39.915, 'CGCS2000', 'GCJ02')
  assert.ok(Math.abs(lon - 116.41024) < 1e-5 && Math.abs(lat - 39.9164) < 1e-5, `${lon}, ${lat}`)
  const back = convertLonLat(lon, lat, 'GCJ02', 'CGCS2000')
  assert.ok(Math.abs(back[0] - 116.404) < 1e-6 && Math.abs(back[1] - 39.915) < 1e-6, `${back}`)
  const offset = distanceMeters([116.404, 39.915], [lon, lat])
  assert.ok(offset > 500 && offset < 600, `offset ${offset} m`)
  assert.deepEqual(convertLonLat(119.92, 32.49, 'WGS84', 'CGCS2000'), [119.92, 32.49])
})
