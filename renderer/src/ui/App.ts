/**
 * @module renderer/ui/App
 * The workstation window: header (search, basemap, tools, language), the full-window map with the lookup
 * panel over its right edge, and the status bar. Wires bridge events to the state and the map.
 */
import { defineComponent, h, onBeforeUnmount, onMounted, provide, ref, watch, type PropType } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElConfigProvider, ElMessage } from 'element-plus'
import { en as enLocale, zhCn } from 'element-plus/es/locale/index.mjs'
import type { CityLoopBridge, Unsubscribe } from '../../../electron/contract.js'
import { CityMap } from '../map/CityMap.js'
import { createSearchControl, relabelSearch } from '../map/search-control.js'
import { createWorkstation, WORKSTATION } from './workstation.js'
import { HeaderBar } from './HeaderBar.js'
import { StatusBar } from './StatusBar.js'
import { LookupPanel } from './LookupPanel.js'
import { CoordinateConverter } from './CoordinateConverter.js'
import { SettingsDialog } from './SettingsDialog.js'

/** Root component; `bridge` is `window.cityloop`. */
export const App = defineComponent({
  name: 'App',
  props: { bridge: { type: Object as PropType<CityLoopBridge>, required: true } },
  setup(props) {
    const ws = createWorkstation(props.bridge)
    provide(WORKSTATION, ws)
    const { t, locale } = useI18n()
    const mapTarget = ref<HTMLElement>()
    const searchTarget = ref<HTMLElement>()
    const cursorTarget = ref<HTMLElement>()
    const unsubscribe: Unsubscribe[] = []
    const translate = (key: string) => t(key)

    async function refreshInfo(): Promise<void> {
      const info = await props.bridge.app.info()
      if (info.ok) ws.state.info = info.value
    }

    onMounted(async () => {
      performance.mark('cityloop:mounted')
      const [info, settings, sync] = await Promise.all([props.bridge.app.info(), props.bridge.settings.get(), props.bridge.sync.status()])
      if (!settings.ok) {
        ws.notify('error', settings.error.message)
        return
      }
      ws.state.settings = settings.value
      if (info.ok) ws.state.info = info.value
      if (sync.ok) ws.state.sync = sync.value
      locale.value = settings.value.language
      document.documentElement.lang = settings.value.language

      const map = new CityMap({
        target: mapTarget.value!,
        bridge: props.bridge,
        t: translate,
        language: settings.value.language === 'en' ? 'en' : 'zh',
        ...(cursorTarget.value ? { cursorTarget: cursorTarget.value } : {}),
        onPick: (pick) => void ws.pick(pick.lonLat, 'click', pick.componentId),
        onState: (state) => (ws.state.map = state),
        onError: (message) => ws.notify('error', message),
      })
      const search = createSearchControl({
        bridge: props.bridge,
        ...(searchTarget.value ? { target: searchTarget.value } : {}),
        t: translate,
        onSelect: (hit) => void ws.openHit(hit),
        onError: (message) => ws.notify('error', message),
      })
      map.map.addControl(search)
      ws.map.value = map
      performance.mark('cityloop:map-created')
      // For tests and diagnostics: where a point is on screen, and the map itself.
      ;(window as unknown as { cityloopMap?: CityMap }).cityloopMap = map
      try {
        await map.start(settings.value, info.ok ? info.value.extent : null)
      } catch (error) {
        ws.notify('error', error instanceof Error ? error.message : String(error))
      }

      unsubscribe.push(
        props.bridge.on('sync', (status) => (ws.state.sync = status)),
        props.bridge.on('data-changed', (change) => {
          void map.refresh(change.entities)
          void refreshInfo()
        }),
        props.bridge.on('settings', (next) => (ws.state.settings = next)),
      )

      watch(
        () => ws.state.settings?.language,
        (language) => {
          if (!language) return
          locale.value = language
          document.documentElement.lang = language
          map.setLanguage(translate, language === 'en' ? 'en' : 'zh')
          relabelSearch(search, translate)
        },
      )
      watch(
        () => {
          const s = ws.state.settings
          return s ? [s.basemap, s.tiandituToken, s.tiandituMatrixSet, s.customBasemapUrl, s.customBasemapProjection].join('|') : ''
        },
        () => {
          if (ws.state.settings) void map.applyBasemap(ws.state.settings).catch((e: unknown) => ws.notify('error', String(e)))
        },
      )
      watch(
        () => ws.state.sync?.dataAsOf,
        () => void refreshInfo(),
      )
    })

    watch(
      () => ws.state.notice,
      (notice) => {
        if (notice) ElMessage({ type: notice.kind === 'error' ? 'error' : 'success', message: notice.text, grouping: true, duration: 4000 })
      },
    )

    onBeforeUnmount(() => {
      unsubscribe.forEach((stop) => stop())
      ws.map.value?.dispose()
    })

    return () =>
      h(ElConfigProvider, { locale: locale.value === 'en' ? enLocale : zhCn, size: 'small' }, () =>
        h('div', { class: ['workstation', { 'panel-open': ws.state.panelOpen }] }, [
          h(HeaderBar, { searchRef: (el: HTMLElement | null) => (searchTarget.value = el ?? undefined) }),
          h('main', { class: 'workstation-body' }, [
            h('div', { class: 'map', ref: mapTarget, 'data-testid': 'map' }),
            ws.state.lookup.seq === 0 ? h('div', { class: 'map-hint' }, t('lookup.hint')) : null,
            ws.state.panelOpen ? h(LookupPanel) : null,
          ]),
          h(StatusBar, { cursorRef: (el: HTMLElement | null) => (cursorTarget.value = el ?? undefined) }),
          h(CoordinateConverter),
          h(SettingsDialog),
        ]),
      )
  },
})
