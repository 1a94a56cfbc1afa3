/**
 * @module renderer/main
 * Entry of the workstation UI: registers CGCS2000, checks that the bridge is there, and mounts the app in
 * the language the settings name (Chinese until they are read).
 */
import { createApp, h } from 'vue'
import 'element-plus/dist/index.css'
import 'element-plus/theme-chalk/dark/css-vars.css'
import 'ol/ol.css'
import 'ol-ext/dist/ol-ext.css'
import './ui/theme.css'
import { getBridge } from './bridge.js'
import { createWorkstationI18n } from './i18n/index.js'
import { zhCN } from './i18n/zh-CN.js'
import { registerCgcs2000 } from './map/projection.js'
import { App } from './ui/App.js'

registerCgcs2000()
const bridge = getBridge()
const root = document.getElementById('app')!
if (!bridge) {
  // Without a host there is nothing to show; say how to open the workstation instead of a blank map.
  createApp({ render: () => h('div', { class: 'fatal' }, [h('h1', zhCN.app.title), h('p', zhCN.app.noBridge)]) }).mount(root)
} else if (new URLSearchParams(location.search).get('view') === 'bigscreen') {
  // The wall-screen view (kiosk browser or a second-display window); MapLibre loads only here.
  void import('./bigscreen/index.js').then(({ mountBigScreen }) => mountBigScreen(root, bridge))
} else {
  createApp(App, { bridge }).use(createWorkstationI18n('zh-CN')).mount(root)
}
