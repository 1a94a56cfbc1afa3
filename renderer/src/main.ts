/**
 * @module renderer/main
 * Entry of the workstation UI: registers CGCS2000, checks that the bridge is there, provides it, and mounts
 * the workstation (app/), or the wall screen (wall/) for `?view=bigscreen`, in Chinese until the settings
 * name the language.
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
import App from './app/App.vue'
import NoBridge from './app/NoBridge.vue'

registerCgcs2000()
const bridge = getBridge()
const root = document.getElementById('app')!
if (!bridge) {
  createApp(NoBridge).use(createWorkstationI18n('zh-CN')).mount(root)
} else if (new URLSearchParams(location.search).get('view') === 'bigscreen') {
  // The wall-screen view (kiosk browser or a second-display window); MapLibre loads only here.
  void import('./wall/index.js').then(({ mountBigScreen }) => mountBigScreen(root, bridge))
} else {
  createApp(App).provide(BRIDGE, bridge).use(createWorkstationI18n('zh-CN')).mount(root)
}
