/**
 * @module renderer/main
 * Entry of the workstation UI: registers CGCS2000, checks that the bridge is there, provides it, and mounts
 * the workstation (app/), or the wall screen (wall/) at `#/wall`, in Chinese until the settings name the
 * language. The hash is the one way to the wall in both shells: Electron's `--big-screen` loads
 * `index.html#/wall`, a browser opens `http://HOST:PORT/#/wall`; the host serves nothing new for it.
 */
import { createApp } from 'vue'
import 'element-plus/dist/index.css'
import 'element-plus/theme-chalk/dark/css-vars.css'
import 'ol/ol.css'
import 'ol-ext/dist/ol-ext.css'
import './shared/theme.css'
import { getBridge } from './bridge.js'
import { createWorkstationI18n } from './i18n/index.js'
import { registerCgcs2000 } from './map/projection.js'
import { BRIDGE } from './shared/use-bridge.js'
import { isWallRoute } from './shared/routes.js'
import App from './app/App.vue'
import NoBridge from './app/NoBridge.vue'

registerCgcs2000()
const bridge = getBridge()
const root = document.getElementById('app')!
if (!bridge) {
  createApp(NoBridge).use(createWorkstationI18n('zh-CN')).mount(root)
} else if (isWallRoute(location.hash)) {
  // The wall-screen view (kiosk browser or a second-display window); MapLibre loads only here.
  void import('./wall/index.js').then(({ mountBigScreen }) => mountBigScreen(root, bridge))
} else {
  createApp(App).provide(BRIDGE, bridge).use(createWorkstationI18n('zh-CN')).mount(root)
}
// Typing #/wall into the address bar (or leaving it) switches the view: the page starts again in the other one.
let shown = isWallRoute(location.hash)
window.addEventListener('hashchange', () => {
  if (isWallRoute(location.hash) !== shown) {
    shown = !shown
    location.reload()
  }
})
