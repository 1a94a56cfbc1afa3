/**
 * @module renderer/shared/routes
 * The window's views by URL hash: the workstation at `#/` (or none), the wall screen (大屏) at `#/wall`. A hash,
 * not a path, so the same `index.html` serves both under Electron's `cityloop://app/` and the browser-mode host.
 */

/** The hash of the wall screen. */
export const WALL_HASH = '#/wall'

/** True when `hash` (location.hash) names the wall screen: `#/wall`, `#/wall/`, `#wall`, any case. */
export function isWallRoute(hash: string): boolean {
  return /^#\/?wall\/?$/i.test(hash.trim())
}
