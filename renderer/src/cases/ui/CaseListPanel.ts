/**
 * @module renderer/cases/ui/CaseListPanel
 * 案件列表 — the left panel: the filter bar over a virtualized table (ElTableV2, thousands of rows) with the
 * light, number, category, status, unit and deadline countdown of each case, and marks for commands still
 * queued or rejected. A row click selects the case (the map flashes it); a case picked on the map scrolls
 * its row into view.
 */
import { defineComponent, h, inject, ref, watch, type VNode } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElAutoResizer, ElButton, ElEmpty, ElTableV2, ElTooltip } from 'element-plus'
import type { CaseSummary, Language } from '../../../../electron/contract.js'
import { CASES, LIST_LIMIT } from '../store.js'
import { formatCount } from '../../shared/format.js'
import { countdownText, LIGHT_COLORS, PHASE_COLORS, roleLabel, statusLabel, useNow } from './labels.js'
import { CaseFilterBar } from './CaseFilterBar.js'

type TableApi = { scrollToRow(row: number, strategy?: 'auto' | 'smart' | 'center' | 'start' | 'end'): void }

export const CaseListPanel = defineComponent({
  name: 'CaseListPanel',
  setup() {
    const store = inject(CASES)!
    const { t, locale } = useI18n()
    const table = ref<TableApi>()
    const now = useNow(15_000)

    // A case picked on the map (or anywhere but the list) scrolls its row into view.
    watch(
      () => [store.state.selectSeq, store.state.list.cases] as const,
      () => {
        const id = store.state.selectedId
        if (!id || store.state.selectedFrom === 'list') return
        const index = store.state.list.cases.findIndex((c) => c.id === id)
        if (index >= 0) setTimeout(() => table.value?.scrollToRow(index, 'center'), 0)
      },
    )

    const cell = (render: (c: CaseSummary, language: Language) => VNode | string | null) => ({ rowData }: { rowData: CaseSummary }) =>
      h('div', { class: 'case-cell' }, [render(rowData, locale.value as Language)])

    function columns() {
      return [
        {
          key: 'light',
          width: 22,
          title: '',
          cellRenderer: cell((c) =>
            h('span', { class: ['light-dot', `light-${c.light}`], style: { '--chip-color': LIGHT_COLORS[c.light] }, title: t(`cases.light.${c.light}`) }),
          ),
        },
        {
          key: 'number',
          width: 190,
          flexGrow: 1,
          title: t('cases.list.number'),
          cellRenderer: cell((c, language) =>
            h('div', { class: 'case-main' }, [
              h('div', { class: 'case-number-line' }, [
                h('span', { class: 'case-number mono', 'data-testid': 'case-number' }, c.number),
                c.safetyHazard ? h('span', { class: 'mark hazard', title: t(`hazard.${c.safetyHazard}`) }, t('cases.list.hazard')) : null,
                c.queued > 0 ? h('span', { class: 'mark queued', 'data-testid': 'mark-queued', title: t('cases.list.queuedTip') }, t('cases.list.queued', { n: c.queued })) : null,
                c.rejected ? h('span', { class: 'mark rejected', 'data-testid': 'mark-rejected', title: t('cases.list.rejectedTip') }, t('cases.list.rejected')) : null,
              ]),
              h('div', { class: 'case-sub' }, language === 'en' ? c.categoryNameEn || c.categoryName : c.categoryName),
            ]),
          ),
        },
        {
          key: 'status',
          width: 104,
          title: t('cases.list.status'),
          cellRenderer: cell((c, language) =>
            h('span', { class: 'status-tag', style: { '--chip-color': PHASE_COLORS[c.phase] }, 'data-testid': 'case-status', 'data-status': c.status }, statusLabel(c.status, language)),
          ),
        },
        {
          key: 'unit',
          width: 112,
          title: t('cases.list.unit'),
          cellRenderer: cell((c, language) => h('span', { class: 'case-unit' }, c.unit ? (language === 'en' ? c.unit.nameEn || c.unit.name : c.unit.name) : '—')),
        },
        {
          key: 'deadline',
          width: 86,
          title: t('cases.list.deadline'),
          cellRenderer: cell((c) => {
            const text = countdownText(t, c.deadline, now.value, true)
            const title = c.deadline ? `${countdownText(t, c.deadline, now.value)} · ${new Date(c.deadline).toLocaleString(locale.value)}` : ''
            return h('span', { class: ['case-deadline', `light-${c.light}`], title }, text || '—')
          }),
        },
      ]
    }

    function notVisible() {
      const user = store.state.session?.user
      return h('div', { class: 'case-list-note', 'data-testid': 'cases-hidden-note' }, [
        h('p', t('auth.noCasesNote', { role: user ? roleLabel(user.role, locale.value as Language) : '' })),
      ])
    }

    return () => {
      const state = store.state
      const language = locale.value as Language
      const list = state.list
      const visible = Boolean(state.session?.casesVisible)
      return h('aside', { class: ['case-list-panel', { collapsed: !state.listOpen }], 'data-testid': 'case-list', 'data-status': list.status }, [
        state.listOpen
          ? [
              h('div', { class: 'panel-head' }, [
                h('span', { class: 'panel-title' }, t('cases.list.title')),
                visible
                  ? h('span', { class: 'case-total', 'data-testid': 'case-total', 'data-total': list.total }, [
                      t('cases.list.total', { n: formatCount(list.total, language) }),
                      list.total > LIST_LIMIT ? h(ElTooltip, { content: t('cases.list.capTip', { n: formatCount(LIST_LIMIT, language) }) }, () => h('span', { class: 'cap' }, ' *')) : null,
                    ])
                  : null,
                h(ElButton, { link: true, class: 'panel-close', 'aria-label': t('cases.list.collapse'), 'data-testid': 'case-list-collapse', onClick: () => (state.listOpen = false) }, () => '«'),
              ]),
              visible
                ? [
                    h(CaseFilterBar),
                    h('div', { class: 'case-table' }, [
                      list.status === 'error'
                        ? h('div', { class: 'panel-error' }, t('app.error', { message: list.error ?? '' }))
                        : list.cases.length === 0 && list.status !== 'loading'
                          ? h(ElEmpty, { description: t('cases.list.empty'), imageSize: 64 })
                          : h(ElAutoResizer, null, {
                              default: ({ height, width }: { height: number; width: number }) =>
                                h(ElTableV2, {
                                  ref: table,
                                  columns: columns(),
                                  data: list.cases as CaseSummary[],
                                  width,
                                  height,
                                  rowHeight: 44,
                                  headerHeight: 30,
                                  rowKey: 'id',
                                  rowClass: ({ rowData }: { rowData: CaseSummary }) =>
                                    ['case-row', rowData.id === state.selectedId ? 'is-selected' : '', rowData.rejected ? 'is-rejected' : ''].join(' '),
                                  rowProps: ({ rowData }: { rowData: CaseSummary }) => ({
                                    'data-case-id': rowData.id,
                                    'data-number': rowData.number,
                                    'data-status': rowData.status,
                                    'data-phase': rowData.phase,
                                  }),
                                  rowEventHandlers: { onClick: ({ rowData }: { rowData: CaseSummary }) => void store.select(rowData.id, 'list') },
                                }),
                            }),
                    ]),
                  ]
                : notVisible(),
            ]
          : h(
              'button',
              { type: 'button', class: 'case-list-tab', 'data-testid': 'case-list-expand', title: t('cases.list.expand'), onClick: () => (state.listOpen = true) },
              [h('span', t('cases.list.title')), visible ? h('span', { class: 'chip-count' }, formatCount(list.total, language)) : null],
            ),
      ])
    }
  },
})
