/**
 * @module renderer/wall
 * Mounts the wall-screen view (大屏). Loaded on demand (`index.html#/wall`), so MapLibre and ECharts
 * stay out of the workstation's own bundle.
 */
import { createApp } from 'vue'
import 'maplibre-gl/dist/maplibre-gl.css'
import type { CityLoopBridge } from '../../../contracts/bridge/index.js'
import { createWorkstationI18n } from '../i18n/index.js'
import { BRIDGE } from '../shared/use-bridge.js'
import BigScreen from './BigScreen.vue'

/** Mounts the big screen into `root`, in the language of the settings. */
export async function mountBigScreen(root: HTMLElement, bridge: CityLoopBridge): Promise<void> {
  const settings = await bridge.settings.get()
  const language = settings.ok ? settings.value.language : 'zh-CN'
  document.documentElement.lang = language
  createApp(BigScreen).provide(BRIDGE, bridge).use(createWorkstationI18n(language)).mount(root)
}
