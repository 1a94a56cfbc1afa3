/**
 * @module renderer/cases/ui/CaseFilterBar
 * 筛选 — the case filter: text, phase (counted), light (counted), category, source, unit, time range,
 * hazards only, the box drawn on the map (a removable chip) and the sort. One state (store.ts) feeds the
 * list and the map.
 */
import { defineComponent, h, inject, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElButton, ElCheckbox, ElDatePicker, ElInput, ElOption, ElSelect, ElTag, ElTooltip } from 'element-plus'
import type { CatalogClassBrief, Language, LightColor } from '../../../../electron/contract.js'
import { CASE_PHASES, type CasePhase } from '../../../../core/case/phase.js'
import { CASE_SOURCES, type CaseSource } from '../../../../core/case/types.js'
import { CASES, type CaseSort } from '../store.js'
import { CategorySelect } from './CategorySelect.js'
import { LIGHT_COLORS, PHASE_COLORS, phaseLabel, sourceLabel } from './labels.js'

const LIGHTS: readonly LightColor[] = ['red', 'yellow', 'green', 'none']
const SORTS: readonly CaseSort[] = ['deadline', 'newest', 'updated']

export const CaseFilterBar = defineComponent({
  name: 'CaseFilterBar',
  setup() {
    const store = inject(CASES)!
    const { t, locale } = useI18n()
    const text = ref(store.state.filter.text)
    let textTimer: ReturnType<typeof setTimeout> | undefined
    watch(text, (value) => {
      clearTimeout(textTimer)
      textTimer = setTimeout(() => store.setFilter({ text: value }), 300)
    })
    watch(
      () => store.state.filter.text,
      (value) => {
        if (value !== text.value) text.value = value
      },
    )

    const toggle = <T>(list: readonly T[], value: T): T[] => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value])

    return () => {
      const language = locale.value as Language
      const f = store.state.filter
      const list = store.state.list
      const units = Object.values(store.state.units).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
      return h('div', { class: 'case-filter', 'data-testid': 'case-filter' }, [
        h('div', { class: 'filter-row' }, [
          h(ElInput, {
            class: 'filter-text',
            modelValue: text.value,
            'onUpdate:modelValue': (v: string) => (text.value = v),
            clearable: true,
            placeholder: t('cases.filter.text'),
            'data-testid': 'filter-text',
          }),
          h(
            ElSelect,
            {
              class: 'filter-sort',
              modelValue: f.sort,
              teleported: false,
              'data-testid': 'filter-sort',
              'onUpdate:modelValue': (v: CaseSort) => store.setFilter({ sort: v }),
            },
            () => SORTS.map((s) => h(ElOption, { key: s, value: s, label: t(`cases.sort.${s}`) })),
          ),
          h(ElTooltip, { content: t('cases.filter.resetTip'), placement: 'top' }, () =>
            h(ElButton, { link: true, 'data-testid': 'filter-reset', onClick: () => store.resetFilter() }, () => t('cases.filter.reset')),
          ),
        ]),
        h(
          'div',
          { class: 'filter-chips phases', 'data-testid': 'filter-phases' },
          CASE_PHASES.map((p: CasePhase) =>
            h(
              'button',
              {
                key: p,
                type: 'button',
                class: ['chip', { active: f.phases.includes(p) }],
                style: { '--chip-color': PHASE_COLORS[p] },
                'data-phase': p,
                onClick: () => store.setFilter({ phases: toggle(f.phases, p) }),
              },
              [h('span', { class: 'chip-swatch' }), phaseLabel(p, language), h('span', { class: 'chip-count' }, String(list.byPhase[p] ?? 0))],
            ),
          ),
        ),
        h('div', { class: 'filter-chips lights', 'data-testid': 'filter-lights' }, [
          ...LIGHTS.map((l) =>
            h(
              'button',
              {
                key: l,
                type: 'button',
                class: ['chip', { active: f.lights.includes(l) }],
                style: { '--chip-color': LIGHT_COLORS[l] },
                'data-light': l,
                onClick: () => store.setFilter({ lights: toggle(f.lights, l) }),
              },
              [h('span', { class: 'light-dot' }), t(`cases.light.${l}`), h('span', { class: 'chip-count' }, String(list.byLight[l] ?? 0))],
            ),
          ),
          h(
            ElCheckbox,
            {
              class: 'filter-hazard',
              modelValue: f.hazardOnly,
              'data-testid': 'filter-hazard',
              'onUpdate:modelValue': (v: string | number | boolean) => store.setFilter({ hazardOnly: Boolean(v) }),
            },
            () => t('cases.filter.hazardOnly'),
          ),
        ]),
        h('div', { class: 'filter-row' }, [
          h(CategorySelect, {
            bridge: store.bridge,
            multiple: true,
            modelValue: f.categories,
            placeholder: t('cases.filter.category'),
            testid: 'filter-category',
            'onUpdate:modelValue': (v: CatalogClassBrief[]) => store.setFilter({ categories: v }),
          }),
          h(
            ElSelect,
            {
              class: 'filter-source',
              modelValue: f.sources,
              multiple: true,
              collapseTags: true,
              clearable: true,
              placeholder: t('cases.filter.source'),
              'data-testid': 'filter-source',
              'onUpdate:modelValue': (v: CaseSource[]) => store.setFilter({ sources: v }),
            },
            () => CASE_SOURCES.map((s) => h(ElOption, { key: s, value: s, label: sourceLabel(s, language) })),
          ),
        ]),
        h('div', { class: 'filter-row' }, [
          h(
            ElSelect,
            {
              class: 'filter-unit',
              modelValue: f.unitIds,
              multiple: true,
              collapseTags: true,
              filterable: true,
              clearable: true,
              placeholder: t('cases.filter.unit'),
              noDataText: t('cases.filter.noUnits'),
              'data-testid': 'filter-unit',
              'onUpdate:modelValue': (v: string[]) => store.setFilter({ unitIds: v }),
            },
            () => units.map((u) => h(ElOption, { key: u.id, value: u.id, label: language === 'en' ? u.nameEn || u.name : u.name })),
          ),
          h(ElDatePicker, {
            class: 'filter-range',
            type: 'datetimerange',
            modelValue: f.range ? [new Date(f.range[0]), new Date(f.range[1])] : null,
            startPlaceholder: t('cases.filter.from'),
            endPlaceholder: t('cases.filter.to'),
            rangeSeparator: '–',
            clearable: true,
            'data-testid': 'filter-range',
            'onUpdate:modelValue': (v: [Date, Date] | null) =>
              store.setFilter({ range: v && v[0] && v[1] ? [v[0].toISOString(), v[1].toISOString()] : null }),
          }),
        ]),
        f.bbox
          ? h('div', { class: 'filter-row filter-box' }, [
              h(
                ElTag,
                {
                  closable: true,
                  type: 'warning',
                  disableTransitions: true,
                  title: f.bbox.map((v) => v.toFixed(5)).join(', '),
                  'data-testid': 'filter-bbox',
                  onClose: () => (store.layers.value?.box ? store.layers.value.clearBox() : store.setFilter({ bbox: null })),
                },
                () => t('cases.filter.bbox'),
              ),
            ])
          : null,
      ])
    }
  },
})
