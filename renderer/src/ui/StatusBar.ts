/**
 * @module renderer/ui/StatusBar
 * 状态栏 — sync state, "data as of" time, the outbox (queued and rejected commands), cursor position (the
 * map's MousePosition control renders into the cursor slot), zoom, what the layers hold, the cases on the
 * map, and where the data comes from.
 */
import { defineComponent, h, inject, type PropType } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElButton, ElTooltip } from 'element-plus'
import type { Language } from '../../../electron/contract.js'
import { formatCount, formatTime } from './format.js'
import { WORKSTATION } from './workstation.js'
import { CASES } from '../cases/store.js'
import { OutboxBadge } from '../cases/ui/OutboxPanel.js'

export const StatusBar = defineComponent({
  name: 'StatusBar',
  props: {
    /** Receives the element the mouse-position control writes into. */
    cursorRef: { type: Function as PropType<(el: HTMLElement | null) => void>, required: true },
  },
  setup(props) {
    const ws = inject(WORKSTATION)!
    const cases = inject(CASES)!
    const { t, locale } = useI18n()

    async function syncNow(): Promise<void> {
      const result = await ws.bridge.sync.start()
      if (!result.ok) ws.notify('error', result.error.message)
      // The run's own `sync` events may have come first (a short run ends before this answer): keep them.
      else if (ws.state.sync?.startedAt !== result.value.startedAt) ws.state.sync = result.value
    }

    return () => {
      const language = locale.value as Language
      const sync = ws.state.sync
      const info = ws.state.info
      const map = ws.state.map
      const dataAsOf = sync?.dataAsOf ?? info?.dataAsOf ?? null
      const state = sync?.lastError && sync.state === 'idle' ? 'error' : (sync?.state ?? 'idle')
      const syncText =
        state === 'error'
          ? t('statusBar.sync.failed', { message: sync?.lastError?.message ?? '' })
          : state === 'syncing'
            ? `${t(sync?.phase === 'initial' ? 'statusBar.sync.initial' : 'statusBar.sync.syncing')} · ${t('statusBar.sync.applied', { n: formatCount(sync?.applied ?? 0, language) })}`
            : t(`statusBar.sync.${state}`)
      const components = map?.components
      const grids = map?.grids
      return h('footer', { class: 'status-bar' }, [
        h('span', { class: ['status-item', 'sync', `sync-${state}`], 'data-testid': 'sync-state', 'data-state': state }, [
          h('span', { class: 'sync-dot' }),
          syncText,
          h(ElButton, { link: true, class: 'sync-now', disabled: state === 'syncing', onClick: () => void syncNow() }, () => t('statusBar.sync.now')),
        ]),
        h(OutboxBadge),
        h(
          'span',
          { class: 'status-item data-as-of', 'data-testid': 'data-as-of', 'data-value': dataAsOf ?? '' },
          dataAsOf ? t('statusBar.dataAsOf', { time: formatTime(dataAsOf, language) }) : t('statusBar.noData'),
        ),
        h('span', { class: 'status-item cursor' }, [
          h('span', { class: 'status-label' }, t('statusBar.cursor')),
          h('span', { class: 'cursor-slot', ref: (el) => props.cursorRef(el as HTMLElement | null), 'data-testid': 'cursor' }),
        ]),
        h('span', { class: 'status-item' }, t('statusBar.zoom', { z: map ? map.zoom.toFixed(1) : '—' })),
        h('span', { class: 'status-item', 'data-testid': 'grid-count' }, grids
          ? grids.kind === 'summary'
            ? t('statusBar.gridsHidden')
            : t('statusBar.grids', { n: formatCount(grids.drawn, language) })
          : ''),
        h('span', { class: 'status-item', 'data-testid': 'component-count' }, components
          ? components.kind === 'aggregate'
            ? t('statusBar.componentsAggregate', { n: formatCount(components.total, language), cells: formatCount(components.drawn, language) })
            : t('statusBar.components', { n: formatCount(components.drawn, language) })
          : ''),
        cases.state.mapInfo
          ? h(
              'span',
              { class: 'status-item', 'data-testid': 'case-count', 'data-total': cases.state.mapInfo.total, 'data-shown': cases.state.mapInfo.shown },
              t('statusBar.cases', { n: formatCount(cases.state.mapInfo.shown, language) }),
            )
          : null,
        h('span', { class: 'status-spacer' }),
        info
          ? h(ElTooltip, { content: info.centralUrl, placement: 'top' }, () =>
              h('span', { class: 'status-item source' }, `${t(`statusBar.mode.${info.mode}`)} · ${info.embeddedCentral ? t('statusBar.embedded') : t('statusBar.central', { url: info.centralUrl })} · v${info.version}`),
            )
          : null,
      ])
    }
  },
})
