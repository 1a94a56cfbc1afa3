/**
 * @module renderer/bigscreen/BigScreen
 * 大屏 — a read-only wall-screen view (`index.html?view=bigscreen`, e.g. in a kiosk browser or Electron's
 * second-display window): the city's component density on a MapLibre map, headline counts, components per
 * facility group, the clock and a visible "data as of" time (workstation.md §7.12). It refreshes itself when
 * a sync changes the data. Everything comes from the same bridge as the workstation.
 */
import { defineComponent, h, onBeforeUnmount, onMounted, reactive, ref, type PropType } from 'vue'
import { useI18n } from 'vue-i18n'
import * as echarts from 'echarts/core'
import { BarChart } from 'echarts/charts'
import { GridComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'
import type { AppInfo, Bbox, CityLoopBridge, ComponentQuery, Language, SyncStatus, Unsubscribe } from '../../../electron/contract.js'
import { COMPONENT_GROUPS, GROUP_COLORS, type ComponentGroup } from '../map/component-style.js'
import { pickName } from '../i18n/index.js'
import { formatCount, formatTime } from '../ui/format.js'
import { DensityMap } from './DensityMap.js'

echarts.use([BarChart, GridComponent, CanvasRenderer])

/** Category-key prefixes of each facility group, both editions (component-style.ts folds them the same way). */
const GROUP_PREFIXES: Readonly<Record<ComponentGroup, readonly string[]>> = {
  utilities: ['2013:component:01', '2026:component:01'],
  transport: ['2013:component:02', '2026:component:02'],
  sanitation: ['2013:component:03', '2026:component:03'],
  greenery: ['2013:component:04', '2026:component:04'],
  buildings: ['2013:component:05'],
  other: ['2013:component:06', '2026:component:05'],
}

export const BigScreen = defineComponent({
  name: 'BigScreen',
  props: { bridge: { type: Object as PropType<CityLoopBridge>, required: true } },
  setup(props) {
    const { t, locale } = useI18n()
    const mapTarget = ref<HTMLElement>()
    const chartTarget = ref<HTMLElement>()
    const state = reactive({
      info: null as AppInfo | null,
      sync: null as SyncStatus | null,
      now: new Date(),
      damaged: null as number | null,
      missing: null as number | null,
      groups: {} as Partial<Record<ComponentGroup, number>>,
      ready: false,
    })
    let map: DensityMap | undefined
    let chart: echarts.ECharts | undefined
    const stops: Unsubscribe[] = []
    const timer = setInterval(() => (state.now = new Date()), 1000)

    // Counts over the whole city: the bridge answers a total with every query, so a limit of 1 suffices.
    async function total(extent: Bbox, filter: Pick<ComponentQuery, 'classes' | 'statuses'>): Promise<number | null> {
      const result = await props.bridge.layers.components({ bbox: extent, zoom: 0, limit: 1, ...filter })
      return result.ok ? result.value.total : null
    }

    async function loadCounts(): Promise<void> {
      const info = await props.bridge.app.info()
      if (!info.ok) return
      state.info = info.value
      const extent = info.value.extent
      if (!extent) return
      const [damaged, missing, ...groups] = await Promise.all([
        total(extent, { statuses: ['damaged'] }),
        total(extent, { statuses: ['missing'] }),
        ...COMPONENT_GROUPS.map((g) => total(extent, { classes: GROUP_PREFIXES[g] })),
      ])
      state.damaged = damaged ?? null
      state.missing = missing ?? null
      COMPONENT_GROUPS.forEach((g, i) => (state.groups[g] = groups[i] ?? 0))
      drawChart()
    }

    function drawChart(): void {
      if (!chartTarget.value) return
      chart ??= echarts.init(chartTarget.value, undefined, { renderer: 'canvas' })
      const groups = [...COMPONENT_GROUPS].reverse()
      chart.setOption({
        animation: false,
        grid: { left: 8, right: 48, top: 4, bottom: 4, containLabel: true },
        xAxis: { type: 'value', axisLabel: { show: false }, splitLine: { lineStyle: { color: '#1e2a44' } } },
        yAxis: {
          type: 'category',
          data: groups.map((g) => t(`componentGroup.${g}`)),
          axisLabel: { color: '#cbd5e1', fontSize: 13 },
          axisLine: { lineStyle: { color: '#334155' } },
          axisTick: { show: false },
        },
        series: [
          {
            type: 'bar',
            barWidth: 14,
            data: groups.map((g) => ({ value: state.groups[g] ?? 0, itemStyle: { color: GROUP_COLORS[g], borderRadius: [0, 3, 3, 0] } })),
            label: {
              show: true,
              position: 'right',
              color: '#e2e8f0',
              fontSize: 12,
              formatter: (p: { value: unknown }) => formatCount(Number(p.value), locale.value as Language),
            },
          },
        ],
      })
    }

    onMounted(async () => {
      const [info, sync] = await Promise.all([props.bridge.app.info(), props.bridge.sync.status()])
      if (info.ok) state.info = info.value
      if (sync.ok) state.sync = sync.value
      map = new DensityMap({
        container: mapTarget.value!,
        bridge: props.bridge,
        name: (region) => pickName(region, locale.value as Language),
      })
      ;(window as unknown as { cityloopBigScreen?: DensityMap }).cityloopBigScreen = map
      await Promise.all([map.start(info.ok ? info.value.extent : null), loadCounts()])
      state.ready = true
      stops.push(
        props.bridge.on('sync', (status) => (state.sync = status)),
        props.bridge.on('data-changed', () => {
          void map?.refresh()
          void loadCounts()
        }),
        props.bridge.on('settings', (settings) => {
          locale.value = settings.language
          map?.relabel()
          drawChart()
        }),
      )
    })

    onBeforeUnmount(() => {
      clearInterval(timer)
      stops.forEach((stop) => stop())
      chart?.dispose()
      map?.dispose()
    })

    const kpi = (label: string, value: number | null | undefined, testid: string, tone = '') =>
      h('div', { class: ['kpi', tone] }, [
        h('div', { class: 'kpi-label' }, label),
        h('div', { class: 'kpi-value', 'data-testid': testid }, value === null || value === undefined ? '—' : formatCount(value, locale.value as Language)),
      ])

    return () => {
      const language = locale.value as Language
      const dataAsOf = state.sync?.dataAsOf ?? state.info?.dataAsOf ?? null
      return h('div', { class: 'bigscreen', 'data-testid': 'bigscreen', 'data-ready': state.ready ? 'true' : undefined }, [
        h('header', { class: 'bigscreen-head' }, [
          h('div', { class: 'bigscreen-title' }, t('bigscreen.title')),
          h('div', { class: 'bigscreen-meta' }, [
            h('span', { class: 'bigscreen-clock' }, formatTime(state.now.toISOString(), language)),
            h('span', { 'data-testid': 'data-as-of' }, dataAsOf ? t('statusBar.dataAsOf', { time: formatTime(dataAsOf, language) }) : t('statusBar.noData')),
          ]),
        ]),
        h('aside', { class: 'bigscreen-side bigscreen-left' }, [
          kpi(t('bigscreen.grids'), state.info?.counts.unit_grid, 'kpi-grids'),
          kpi(t('bigscreen.components'), state.info?.counts.component, 'kpi-components'),
          kpi(t('bigscreen.damaged'), state.damaged, 'kpi-damaged', 'warn'),
          kpi(t('bigscreen.missing'), state.missing, 'kpi-missing', 'alert'),
        ]),
        h('div', { class: 'bigscreen-map', ref: mapTarget }),
        h('aside', { class: 'bigscreen-side bigscreen-right' }, [
          h('div', { class: 'bigscreen-panel-title' }, t('bigscreen.byGroup')),
          h('div', { class: 'bigscreen-chart', ref: chartTarget }),
          h('div', { class: 'bigscreen-panel-title' }, t('bigscreen.density')),
          h('div', { class: 'bigscreen-ramp' }),
        ]),
      ])
    }
  },
})
