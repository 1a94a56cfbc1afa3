/**
 * @module renderer/ui/SettingsDialog
 * 设置 — basemap (天地图 key and matrix set, the city's own tile service), language and how long closed cases
 * stay on this workstation. Settings are
 * stored by main/; the 天地图 key never leaves the workstation except in tile requests to 天地图.
 */
import { defineComponent, h, inject, reactive, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElButton, ElDialog, ElForm, ElFormItem, ElInput, ElInputNumber, ElOption, ElRadioButton, ElRadioGroup, ElSelect } from 'element-plus'
import type { Basemap, Language, Settings } from '../../../electron/contract.js'
import { LANGUAGES } from '../i18n/index.js'
import { WORKSTATION } from './workstation.js'

const BASEMAPS: readonly Basemap[] = ['none', 'tianditu-vec', 'tianditu-img', 'custom']

type Draft = { -readonly [K in keyof Settings]: Settings[K] }

export const SettingsDialog = defineComponent({
  name: 'SettingsDialog',
  setup() {
    const ws = inject(WORKSTATION)!
    const { t } = useI18n()
    const draft = reactive<Draft>({
      language: 'zh-CN',
      basemap: 'none',
      tiandituToken: '',
      tiandituMatrixSet: 'c',
      customBasemapUrl: '',
      customBasemapProjection: 'EPSG:3857',
      closedCaseDays: 30,
    })
    watch(
      () => ws.state.settingsOpen,
      (open) => {
        if (open && ws.state.settings) Object.assign(draft, ws.state.settings)
      },
    )

    async function save(): Promise<void> {
      const ok = await ws.saveSettings({ ...draft, tiandituToken: draft.tiandituToken.trim(), customBasemapUrl: draft.customBasemapUrl.trim() })
      if (ok) {
        ws.state.settingsOpen = false
        ws.notify('info', t('settings.saved'))
      }
    }

    const item = (label: string, content: () => unknown, hint?: string) =>
      h(ElFormItem, { label }, () => [content(), hint ? h('div', { class: 'form-hint' }, hint) : null])

    return () =>
      h(
        ElDialog,
        {
          modelValue: ws.state.settingsOpen,
          'onUpdate:modelValue': (open: boolean) => (ws.state.settingsOpen = open),
          title: t('settings.title'),
          width: '560px',
          appendToBody: true,
          class: 'settings-dialog',
        },
        {
          default: () =>
            h(ElForm, { labelPosition: 'top', class: 'settings-form' }, () => [
              item(t('settings.basemap'), () =>
                h(ElSelect, { modelValue: draft.basemap, 'onUpdate:modelValue': (v: Basemap) => (draft.basemap = v), 'data-testid': 'settings-basemap' }, () =>
                  BASEMAPS.map((b) => h(ElOption, { key: b, value: b, label: t(`basemap.${b}`) })),
                ),
              ),
              item(
                t('settings.tiandituToken'),
                () =>
                  h(ElInput, {
                    modelValue: draft.tiandituToken,
                    'onUpdate:modelValue': (v: string) => (draft.tiandituToken = v),
                    type: 'password',
                    showPassword: true,
                    autocomplete: 'off',
                    'data-testid': 'settings-token',
                  }),
                t('settings.tiandituTokenHint'),
              ),
              item(t('settings.matrixSet'), () =>
                h(
                  ElRadioGroup,
                  { modelValue: draft.tiandituMatrixSet, 'onUpdate:modelValue': (v: string | number | boolean | undefined) => (draft.tiandituMatrixSet = v as 'c' | 'w') },
                  () => [h(ElRadioButton, { value: 'c' }, () => t('settings.matrixSetC')), h(ElRadioButton, { value: 'w' }, () => t('settings.matrixSetW'))],
                ),
              ),
              item(
                t('settings.customUrl'),
                () =>
                  h(ElInput, {
                    modelValue: draft.customBasemapUrl,
                    'onUpdate:modelValue': (v: string) => (draft.customBasemapUrl = v),
                    placeholder: 'https://tiles.example.gov.cn/{z}/{x}/{y}.png',
                    class: 'mono',
                  }),
                t('settings.customUrlHint', { xyz: '{z}/{x}/{y}', wmts: '{TileMatrix}/{TileRow}/{TileCol}' }),
              ),
              item(t('settings.customProjection'), () =>
                h(
                  ElRadioGroup,
                  {
                    modelValue: draft.customBasemapProjection,
                    'onUpdate:modelValue': (v: string | number | boolean | undefined) => (draft.customBasemapProjection = v as Settings['customBasemapProjection']),
                  },
                  () => [h(ElRadioButton, { value: 'EPSG:3857' }, () => t('settings.matrixSetW')), h(ElRadioButton, { value: 'EPSG:4490' }, () => t('settings.matrixSetC'))],
                ),
              ),
              item(t('settings.language'), () =>
                h(ElRadioGroup, { modelValue: draft.language, 'onUpdate:modelValue': (v: string | number | boolean | undefined) => (draft.language = v as Language) }, () =>
                  LANGUAGES.map((l) => h(ElRadioButton, { key: l, value: l }, () => t(`language.${l}`))),
                ),
              ),
              item(
                t('settings.closedCaseDays'),
                () =>
                  h(ElInputNumber, {
                    modelValue: draft.closedCaseDays,
                    min: 0,
                    max: 3650,
                    step: 1,
                    stepStrictly: true,
                    'data-testid': 'settings-closed-days',
                    'onUpdate:modelValue': (v: number | undefined) => (draft.closedCaseDays = v ?? 30),
                  }),
                t('settings.closedCaseDaysHint'),
              ),
            ]),
          footer: () => [
            h(ElButton, { onClick: () => (ws.state.settingsOpen = false) }, () => t('settings.cancel')),
            h(ElButton, { type: 'primary', 'data-testid': 'settings-save', onClick: () => void save() }, () => t('settings.save')),
          ],
        },
      )
  },
})
