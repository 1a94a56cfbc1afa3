/**
 * @module renderer/ui/HeaderBar
 * The header: title, the search box (the ol-ext Search control renders into it), the basemap choice, the
 * coordinate converter, settings, the case tools (record a case on the map, the case list), the account
 * and the language switch.
 */
import { defineComponent, h, inject, type PropType } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElButton, ElOption, ElRadioButton, ElRadioGroup, ElSelect, ElTooltip } from 'element-plus'
import type { Basemap, Language } from '../../../electron/contract.js'
import { effectiveBasemap } from '../map/basemaps.js'
import { LANGUAGES } from '../i18n/index.js'
import { WORKSTATION } from './workstation.js'
import { CASES } from '../cases/store.js'
import { AccountMenu } from '../cases/ui/SignIn.js'

const BASEMAPS: readonly Basemap[] = ['none', 'tianditu-vec', 'tianditu-img', 'custom']

export const HeaderBar = defineComponent({
  name: 'HeaderBar',
  props: {
    /** Receives the element the search control renders into. */
    searchRef: { type: Function as PropType<(el: HTMLElement | null) => void>, required: true },
  },
  setup(props) {
    const ws = inject(WORKSTATION)!
    const cases = inject(CASES)!
    const { t } = useI18n()

    function caseTools() {
      const session = cases.state.session
      if (!session?.user || !session.casesVisible) return []
      return [
        cases.canCreate()
          ? h(ElTooltip, { content: t('cases.new.toolTip'), placement: 'bottom' }, () =>
              h(
                ElButton,
                {
                  type: cases.state.recording ? 'warning' : 'primary',
                  'data-testid': 'record-case',
                  'data-armed': cases.state.recording ? '1' : '0',
                  onClick: () => (cases.state.recording = !cases.state.recording),
                },
                () => (cases.state.recording ? t('cases.new.cancelTool') : t('cases.new.tool')),
              ),
            )
          : null,
        h(
          ElButton,
          { 'data-testid': 'toggle-case-list', type: cases.state.listOpen ? 'primary' : 'default', plain: true, onClick: () => (cases.state.listOpen = !cases.state.listOpen) },
          () => t('cases.list.title'),
        ),
      ]
    }

    async function chooseBasemap(basemap: Basemap): Promise<void> {
      if (!(await ws.saveSettings({ basemap }))) return
      // The choice is kept either way; without a key or URL there is nothing to draw, so say what is missing.
      const saved = ws.state.settings
      if (saved && effectiveBasemap(saved) !== basemap) {
        ws.notify('error', t(basemap === 'custom' ? 'basemap.needsUrl' : 'basemap.needsToken'))
        ws.state.settingsOpen = true
      }
    }

    return () => {
      const settings = ws.state.settings
      return h('header', { class: 'header' }, [
        h('div', { class: 'brand' }, [
          h('span', { class: 'brand-mark', 'aria-hidden': 'true' }),
          h('span', { class: 'brand-title' }, t('app.title')),
          h('span', { class: 'brand-sub' }, t('app.subtitle')),
        ]),
        h('div', { class: 'header-search', ref: (el) => props.searchRef(el as HTMLElement | null), 'data-testid': 'search' }),
        h('div', { class: 'header-tools' }, [
          ...caseTools(),
          h('label', { class: 'header-label' }, t('toolbar.basemap')),
          h(
            ElSelect,
            {
              class: 'basemap-select',
              'data-testid': 'basemap-select',
              // What is drawn, not what was asked for: without a key or URL the map has no basemap.
              modelValue: settings ? effectiveBasemap(settings) : 'none',
              disabled: !settings,
              teleported: false,
              'onUpdate:modelValue': (value: Basemap) => void chooseBasemap(value),
            },
            () => BASEMAPS.map((b) => h(ElOption, { key: b, value: b, label: t(`basemap.${b}`) })),
          ),
          h(ElTooltip, { content: t('converter.title'), placement: 'bottom' }, () =>
            h(ElButton, { 'data-testid': 'open-converter', onClick: () => (ws.state.converterOpen = true) }, () => t('toolbar.converter')),
          ),
          h(ElButton, { 'data-testid': 'open-settings', onClick: () => (ws.state.settingsOpen = true) }, () => t('toolbar.settings')),
          h(
            ElRadioGroup,
            {
              class: 'language-switch',
              'data-testid': 'language-switch',
              modelValue: settings?.language ?? 'zh-CN',
              disabled: !settings,
              'onUpdate:modelValue': (value: string | number | boolean | undefined) => void ws.saveSettings({ language: value as Language }),
            },
            () => LANGUAGES.map((l) => h(ElRadioButton, { key: l, value: l, 'data-lang': l }, () => t(`language.${l}`))),
          ),
          h(AccountMenu),
        ]),
      ])
    }
  },
})
