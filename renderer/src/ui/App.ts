/**
 * @module renderer/ui/App
 * The workstation window: header (search, basemap, tools, case tools, account, language), the full-window
 * map with the case list over its left edge and the lookup panel or the case detail over its right edge,
 * and the status bar. Wires bridge events to the state and the map.
 */
import { defineComponent, h, onBeforeUnmount, onMounted, provide, ref, watch, type PropType } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElConfigProvider, ElMessage } from 'element-plus'
import type { LonLat } from '../../../electron/contract.js'
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
import { CASES, createCaseStore, entryAction } from '../cases/store.js'
import { CaseMapBar } from '../cases/map/CaseMapBar.js'
import { CaseListPanel } from '../cases/ui/CaseListPanel.js'
import { CaseDetailPanel } from '../cases/ui/CaseDetailPanel.js'
import { NewCaseDialog, openNewCase } from '../cases/ui/NewCaseDialog.js'
import { OutboxPanel } from '../cases/ui/OutboxPanel.js'
import { SignInDialog } from '../cases/ui/SignIn.js'
import { actionLabel } from '../cases/ui/labels.js'
import '../cases/ui/cases.css'

/** Root component; `bridge` is `window.cityloop`. */
export const App = defineComponent({
  name: 'App',
  props: { bridge: { type: Object as PropType<CityLoopBridge>, required: true } },
  setup(props) {
    const ws = createWorkstation(props.bridge)
    provide(WORKSTATION, ws)
    const { t, locale } = useI18n()
    const cases = createCaseStore(props.bridge, {
      onCommand(entry, previous) {
        const language = locale.value === 'en' ? 'en' : 'zh-CN'
        const what = actionLabel(entryAction(entry), language, t)
        const number = entry.result?.number ?? ''
        if (entry.state === 'applied')
          ElMessage({ type: 'success', message: t('outbox.message.applied', { action: what, number }), grouping: true, duration: 3000 })
        else if (entry.state === 'rejected')
          ElMessage({ type: 'error', message: t('outbox.message.rejected', { action: what, message: entry.rejection?.message ?? '' }), grouping: true, duration: 6000 })
        else if (previous === undefined)
          ElMessage({ type: 'info', message: t('outbox.message.queued', { action: what }), grouping: true, duration: 2000 })
      },
      onError: (message) => ws.notify('error', message),
    })
    provide(CASES, cases)
    const mapTarget = ref<HTMLElement>()
    const searchTarget = ref<HTMLElement>()
    const cursorTarget = ref<HTMLElement>()
    const unsubscribe: Unsubscribe[] = []
    const translate = (key: string) => t(key)

    async function refreshInfo(): Promise<void> {
      const info = await props.bridge.app.info()
      if (info.ok) ws.state.info = info.value
    }

    // A click the case layers did not take (they take clicks on cases): a lookup of the place.
    function onMapClick(point: LonLat, componentId?: string): void {
      if (cases.state.selectedId) void cases.select(null, 'other')
      void ws.pick(point, 'click', componentId)
    }

    function onKey(event: KeyboardEvent): void {
      if (event.key === 'Escape' && cases.state.recording) cases.state.recording = false
    }

    onMounted(async () => {
      performance.mark('cityloop:mounted')
      window.addEventListener('keydown', onKey)
      void cases.start()
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
        onPick: (pick) => onMapClick(pick.lonLat, pick.componentId),
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
      // Registered before the case layers: while "record case" is armed, any click (on a case too) places the new case.
      map.addPickHandler((click) => {
        if (!cases.state.recording) return false
        const view = map.map.getView()
        openNewCase(cases, click.lonLat, map.components.idNear(click.coordinate, view.getResolution() ?? 0, view.getZoom() ?? 0))
        return true
      })
      ws.map.value = map
      performance.mark('cityloop:map-created')
      // For tests and diagnostics: where a point is on screen, and the map itself.
      ;(window as unknown as { cityloopMap?: CityMap }).cityloopMap = map
      try {
        await map.start(settings.value, info.ok ? info.value.extent : null)
      } catch (error) {
        ws.notify('error', error instanceof Error ? error.message : String(error))
      }
      cases.attachMap(map, translate, settings.value.language)

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
          cases.setLanguage(translate, language)
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
      window.removeEventListener('keydown', onKey)
      unsubscribe.forEach((stop) => stop())
      cases.stop()
      ws.map.value?.dispose()
    })

    return () => {
      const signedIn = Boolean(cases.state.session?.user)
      const detailOpen = cases.state.selectedId !== null
      const listShown = signedIn
      return h(ElConfigProvider, { locale: locale.value === 'en' ? enLocale : zhCn, size: 'small' }, () =>
        h(
          'div',
          {
            class: [
              'workstation',
              {
                'panel-open': ws.state.panelOpen || detailOpen,
                'case-detail-open': detailOpen,
                'case-list-open': listShown && cases.state.listOpen,
                'case-list-collapsed': listShown && !cases.state.listOpen,
                recording: cases.state.recording,
              },
            ],
          },
          [
            h(HeaderBar, { searchRef: (el: HTMLElement | null) => (searchTarget.value = el ?? undefined) }),
            h('main', { class: 'workstation-body' }, [
              h('div', { class: 'map', ref: mapTarget, 'data-testid': 'map', 'data-recording': cases.state.recording ? '1' : undefined }),
              ws.state.lookup.seq === 0 && !detailOpen && !cases.state.recording ? h('div', { class: 'map-hint' }, t('lookup.hint')) : null,
              cases.state.recording ? h('div', { class: 'map-hint recording-hint', 'data-testid': 'recording-hint' }, t('cases.new.clickHint')) : null,
              cases.layers.value ? h('div', { class: 'case-map-bar-slot' }, [h(CaseMapBar, { layers: cases.layers.value })]) : null,
              listShown ? h(CaseListPanel) : null,
              detailOpen ? h(CaseDetailPanel, { onClose: () => void cases.select(null, 'other') }) : ws.state.panelOpen ? h(LookupPanel) : null,
            ]),
            h(StatusBar, { cursorRef: (el: HTMLElement | null) => (cursorTarget.value = el ?? undefined) }),
            h(CoordinateConverter),
            h(SettingsDialog),
            h(SignInDialog),
            h(NewCaseDialog),
            h(OutboxPanel),
          ],
        ),
      )
    }
  },
})
