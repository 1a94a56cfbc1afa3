import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseWindowRequest, placeWindow, viewUrl, type DisplayInfo } from './window-options.js'

const display = (id: number, x: number, width: number, height: number): DisplayInfo => ({
  id,
  bounds: { x, y: 0, width, height },
  workArea: { x, y: 0, width, height: height - 40 },
})
const laptop = display(1, 0, 1920, 1080)
const wall = display(2, 1920, 3840, 2160)

describe('window placement', () => {
  it('opens a centred window on the primary display by default', () => {
    const p = placeWindow([laptop, wall], parseWindowRequest([]))
    assert.deepEqual(p, { x: 96, y: 52, width: 1728, height: 936, fullscreen: false, kiosk: false })
  })

  it('puts --big-screen full screen on the second display', () => {
    const p = placeWindow([wall, laptop], parseWindowRequest(['--big-screen']))
    assert.deepEqual(p, { x: 1920, y: 0, width: 3840, height: 2160, fullscreen: true, kiosk: false })
  })

  it('opens the wall screen for --big-screen (or CITYLOOP_BIG_SCREEN=1), the workstation otherwise', () => {
    assert.equal(parseWindowRequest(['--big-screen']).view, 'wall')
    assert.equal(parseWindowRequest([], { CITYLOOP_BIG_SCREEN: '1' }).view, 'wall')
    assert.equal(parseWindowRequest(['--fullscreen', '--display=1']).view, 'workstation')
    assert.equal(viewUrl('cityloop://app/index.html', 'wall'), 'cityloop://app/index.html#/wall')
    assert.equal(viewUrl('cityloop://app/index.html', 'workstation'), 'cityloop://app/index.html')
  })

  it('honours --display=N, --kiosk and the environment', () => {
    assert.deepEqual(placeWindow([laptop, wall], parseWindowRequest(['--display=0', '--kiosk'])), {
      x: 0,
      y: 0,
      width: 1920,
      height: 1080,
      fullscreen: true,
      kiosk: true,
    })
    assert.equal(parseWindowRequest([], { CITYLOOP_BIG_SCREEN: '1' }).display, 'secondary')
    assert.equal(parseWindowRequest([], { CITYLOOP_DISPLAY: '1' }).display, 1)
  })

  it('falls back to a window on the primary display when the wall is off', () => {
    const p = placeWindow([laptop], parseWindowRequest(['--big-screen']))
    assert.equal(p.fullscreen, false)
    assert.ok(p.x >= 0 && p.x + p.width <= 1920)
  })
})
