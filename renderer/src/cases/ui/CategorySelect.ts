/**
 * @module renderer/cases/ui/CategorySelect
 * 类别选择 for cases — a remote select over both catalog editions (catalog.search in main/), single or
 * multiple, optionally narrowed by edition. Unlike the lookup panel's CategoryPicker it holds its own
 * value, so the filter bar and the forms can each have one.
 */
import { defineComponent, h, ref, shallowRef, type PropType } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElOption, ElRadioButton, ElRadioGroup, ElSelect } from 'element-plus'
import type { Edition } from '../../../../core/catalog/types.js'
import type { CatalogClassBrief, CityLoopBridge, Language } from '../../../../electron/contract.js'
import { pickName } from '../../i18n/index.js'

type EditionFilter = Edition | 'all'

export const CategorySelect = defineComponent({
  name: 'CategorySelect',
  props: {
    bridge: { type: Object as PropType<CityLoopBridge>, required: true },
    /** One class (or null), or the chosen classes when `multiple`. */
    modelValue: { type: [Object, Array, null] as PropType<CatalogClassBrief | readonly CatalogClassBrief[] | null>, default: null },
    multiple: { type: Boolean, default: false },
    /** Show the edition switch (2013 / 2026 / both). */
    editions: { type: Boolean, default: false },
    placeholder: { type: String, default: '' },
    testid: { type: String, default: 'case-category' },
  },
  emits: ['update:modelValue'],
  setup(props, { emit }) {
    const { t, locale } = useI18n()
    const edition = ref<EditionFilter>('all')
    const options = shallowRef<readonly CatalogClassBrief[]>([])
    const loading = ref(false)
    const lastQuery = ref('')
    let request = 0

    async function search(text: string): Promise<void> {
      lastQuery.value = text
      const id = ++request
      if (!text.trim()) {
        options.value = []
        return
      }
      loading.value = true
      const result = await props.bridge.catalog.search(text, { limit: 60, ...(edition.value !== 'all' ? { edition: edition.value } : {}) })
      if (id !== request) return
      loading.value = false
      options.value = result.ok ? result.value : []
    }

    const chosen = (): readonly CatalogClassBrief[] =>
      props.modelValue ? (Array.isArray(props.modelValue) ? (props.modelValue as readonly CatalogClassBrief[]) : [props.modelValue as CatalogClassBrief]) : []

    return () => {
      const language = locale.value as Language
      const selected = chosen()
      const list = [...selected.filter((c) => !options.value.some((o) => o.key === c.key)), ...options.value]
      const label = (c: CatalogClassBrief) => `${c.code} ${pickName(c, language)}`
      return h('div', { class: 'case-category-select' }, [
        props.editions
          ? h(
              ElRadioGroup,
              {
                modelValue: edition.value,
                size: 'small',
                'data-testid': `${props.testid}-edition`,
                'onUpdate:modelValue': (v: string | number | boolean | undefined) => {
                  edition.value = v as EditionFilter
                  void search(lastQuery.value)
                },
              },
              () => (['all', '2013', '2026'] as const).map((v) => h(ElRadioButton, { key: v, value: v }, () => t(`edition.${v}`))),
            )
          : null,
        h(
          ElSelect,
          {
            key: language,
            'data-testid': props.testid,
            modelValue: props.multiple ? selected.map((c) => c.key) : (selected[0]?.key ?? ''),
            multiple: props.multiple,
            collapseTags: props.multiple,
            collapseTagsTooltip: props.multiple,
            filterable: true,
            remote: true,
            clearable: true,
            remoteShowSuffix: true,
            remoteMethod: (text: string) => void search(text),
            loading: loading.value,
            placeholder: props.placeholder || t('picker.placeholder'),
            noMatchText: t('picker.noMatch'),
            noDataText: t('picker.noMatch'),
            popperClass: `category-popper ${props.testid}-popper`,
            'onUpdate:modelValue': (value: string | string[]) => {
              if (props.multiple) {
                const keys = (value as string[]) ?? []
                emit('update:modelValue', keys.map((k) => list.find((c) => c.key === k)).filter(Boolean))
              } else emit('update:modelValue', list.find((c) => c.key === value) ?? null)
            },
          },
          () =>
            list.map((c) =>
              h(ElOption, { key: c.key, value: c.key, label: label(c) }, () =>
                h('div', { class: 'category-option' }, [
                  h('span', { class: ['option-edition', `edition-${c.edition}`] }, c.edition),
                  h('span', { class: ['option-kind', `kind-${c.kind}`] }, t(`kind.${c.kind}`)),
                  h('span', { class: 'option-code' }, c.code),
                  h('span', { class: 'option-name' }, pickName(c, language)),
                  h('span', { class: 'option-big' }, pickName({ name: c.bigClassName, nameEn: c.bigClassNameEn }, language)),
                ]),
              ),
            ),
        ),
      ])
    }
  },
})
