/* eslint-disable no-restricted-imports -- a Node test (node:test, node:assert), never part of the UI bundle */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { clampPanelWidth, DEFAULT_LAYOUT, loadPanelLayout, PANEL_LAYOUT_KEY, savePanelLayout, type LayoutStorage } from './panel-layout.js'

const memory = (): LayoutStorage & { data: Map<string, string> } => {
  const data = new Map<string, string>()
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) }
}

describe('panel layout', () => {
  it('keeps the map at least 40 % of the window between the panels', () => {
    // 1600 px window, detail 400 px: the list may take 1600 × 0.6 − 400 = 560 px at most.
    assert.equal(clampPanelWidth('list', 700, 400, 1600), 560)
    assert.equal(clampPanelWidth('list', 450, 400, 1600), 450)
    // Never below the panel's own minimum, even on a small window.
    assert.equal(clampPanelWidth('side', 200, 440, 1000), 320)
    assert.equal(clampPanelWidth('side', Number.NaN, 0, 1600), DEFAULT_LAYOUT.sideWidth)
  })

  it('remembers widths and folds, and falls back to the default on bad data', () => {
    const storage = memory()
    assert.deepEqual(loadPanelLayout(storage), DEFAULT_LAYOUT)
    savePanelLayout(storage, { listWidth: 480, sideWidth: 360, listOpen: false, sideFolded: true })
    assert.deepEqual(loadPanelLayout(storage), { listWidth: 480, sideWidth: 360, listOpen: false, sideFolded: true })
    storage.data.set(PANEL_LAYOUT_KEY, '{not json')
    assert.deepEqual(loadPanelLayout(storage), DEFAULT_LAYOUT)
    storage.data.set(PANEL_LAYOUT_KEY, JSON.stringify({ listWidth: 'wide', listOpen: false }))
    assert.deepEqual(loadPanelLayout(storage), { ...DEFAULT_LAYOUT, listOpen: false })
    assert.deepEqual(loadPanelLayout(undefined), DEFAULT_LAYOUT)
  })
})
