/**
 * @module renderer/app/panel-layout
 * 面板布局 — how wide the case list (left) and the side panel (right: the case detail or the lookup) are, and
 * whether each is folded, remembered per workstation in localStorage. The widths are clamped so the map keeps
 * at least {@link MIN_MAP_SHARE} of the window between them: with a case open the map must stay a map, not a
 * strip. Pure apart from the storage handed in, so it is tested in Node.
 */

/** The remembered layout. */
export interface PanelLayout {
  /** Width of the case list, CSS px. */
  listWidth: number
  /** Width of the side panel (case detail, lookup), CSS px. */
  sideWidth: number
  /** The case list is open (else a tab at the map's left edge). */
  listOpen: boolean
  /** The side panel is folded to a tab at the map's right edge (the case stays selected). */
  sideFolded: boolean
}

/** The storage the layout is kept in (window.localStorage in the app). */
export type LayoutStorage = Pick<Storage, 'getItem' | 'setItem'>

/** localStorage key. */
export const PANEL_LAYOUT_KEY = 'cityloop.panels.v1'
/** Narrowest and widest each panel may be dragged to, CSS px. */
export const PANEL_LIMITS = { list: [440, 720], side: [320, 640] } as const
/** Share of the window's width the map keeps between the panels. */
export const MIN_MAP_SHARE = 0.4

/** The first layout: a list just wide enough for its columns, a detail a little narrower than before. */
export const DEFAULT_LAYOUT: Readonly<PanelLayout> = { listWidth: 460, sideWidth: 400, listOpen: true, sideFolded: false }

/**
 * Clamps the width of one panel to its limits and so that, with the other panel's width beside it, the map keeps
 * {@link MIN_MAP_SHARE} of `windowWidth` (the lower limit wins on a very small window).
 */
export function clampPanelWidth(which: 'list' | 'side', width: number, otherWidth: number, windowWidth: number): number {
  const [min, max] = PANEL_LIMITS[which]
  const room = windowWidth * (1 - MIN_MAP_SHARE) - otherWidth
  const value = Number.isFinite(width) ? width : which === 'list' ? DEFAULT_LAYOUT.listWidth : DEFAULT_LAYOUT.sideWidth
  return Math.round(Math.max(min, Math.min(max, room, value)))
}

/** The stored layout, or the default for anything missing or unreadable. */
export function loadPanelLayout(storage: LayoutStorage | undefined): PanelLayout {
  const layout: PanelLayout = { ...DEFAULT_LAYOUT }
  let stored: unknown
  try {
    stored = JSON.parse(storage?.getItem(PANEL_LAYOUT_KEY) ?? 'null')
  } catch {
    return layout
  }
  if (!stored || typeof stored !== 'object') return layout
  const s = stored as Record<string, unknown>
  if (typeof s.listWidth === 'number' && Number.isFinite(s.listWidth)) layout.listWidth = s.listWidth
  if (typeof s.sideWidth === 'number' && Number.isFinite(s.sideWidth)) layout.sideWidth = s.sideWidth
  if (typeof s.listOpen === 'boolean') layout.listOpen = s.listOpen
  if (typeof s.sideFolded === 'boolean') layout.sideFolded = s.sideFolded
  return layout
}

/** Remembers the layout; a full or refused storage only loses the memory, never the layout on screen. */
export function savePanelLayout(storage: LayoutStorage | undefined, layout: PanelLayout): void {
  try {
    storage?.setItem(PANEL_LAYOUT_KEY, JSON.stringify(layout))
  } catch {
    // Storage refused (private mode, quota): the layout still applies until the window closes.
  }
}
