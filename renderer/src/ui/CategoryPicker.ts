/**
 * @module renderer/ui/CategoryPicker
 * 类别选择 — a searchable picker over both catalog editions (GB/T 30428.2-2013 and GB/T 47678.5-2026),
 * narrowed by edition and by component/event. Searching happens in main/ (catalog.search), by code, name in
 * either language, or filing-condition text.
 */
import { defineComponent, h, inject, ref, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElOption, ElRadioButton, ElRadioGroup, ElSelect } from 'element-plus'
import type { CategoryKind, Edition } from '../../../core/catalog/types.js'
import type { CatalogClassBrief, Language } from '../../../electron/contract.js'
import { pickName } from '../i18n/index.js'
import { WORKSTATION } from '../app/workstation.js'

type EditionFilter = Edition | 'all'
type KindFilter = CategoryKind | 'all'

export const CategoryPicker = defineComponent({
  name: 'CategoryPicker',
  setup() {
    const ws = inject(WORKSTATION)!
    const { t, locale } = useI18n()
    const edition = ref<EditionFilter>('all')
    const kind = ref<KindFilter>('all')
    const options = shallowRef<readonly CatalogClassBrief[]>([])
    const loading = ref(false)
    const lastQuery = ref('')
    const select = ref<{ blur(): void }>()
    let request = 0

    async function search(text: string): Promise<void> {
      lastQuery.value = text
      const id = ++request
      if (!text.trim()) {
        options.value = []
        return
      }
      loading.value = true
      const result = await ws.bridge.catalog.search(text, {
        limit: 60,
        ...(edition.value !== 'all' ? { edition: edition.value } : {}),
        ...(kind.value !== 'all' ? { kind: kind.value } : {}),
      })
      if (id !== request) return
      loading.value = false
      if (result.ok) options.value = result.value
      else ws.notify('error', result.error.message)
    }

    const optionLabel = (c: CatalogClassBrief) => `${c.code} ${pickName(c, locale.value as Language)}`

    return () => {
      const selected = ws.state.lookup.category
      // The chosen class stays listed while the results change, so the select can show its label.
      const list = selected && !options.value.some((c) => c.key === selected.key) ? [selected, ...options.value] : options.value
      const radio = <T extends string>(model: { value: T }, values: readonly T[], label: (v: T) => string, testid: string) =>
        h(
          ElRadioGroup,
          {
            modelValue: model.value,
            'data-testid': testid,
            'onUpdate:modelValue': (v: string | number | boolean | undefined) => {
              model.value = v as T
              void search(lastQuery.value)
            },
          },
          () => values.map((v) => h(ElRadioButton, { key: v, value: v }, () => label(v))),
        )
      return h('div', { class: 'category-picker' }, [
        h('div', { class: 'picker-filters' }, [
          radio(edition, ['all', '2013', '2026'] as const, (v) => t(`edition.${v}`), 'edition-filter'),
          radio(kind, ['all', 'component', 'event'] as const, (v) => t(`kind.${v}`), 'kind-filter'),
        ]),
        h(
          ElSelect,
          {
            class: 'picker-select',
            'data-testid': 'category-select',
            // The select keeps the label it showed when chosen; a new key rebuilds it in the new language.
            key: locale.value,
            modelValue: selected?.key ?? '',
            filterable: true,
            remote: true,
            clearable: true,
            remoteShowSuffix: true,
            remoteMethod: (text: string) => void search(text),
            loading: loading.value,
            placeholder: t('picker.placeholder'),
            noMatchText: t('picker.noMatch'),
            noDataText: t('picker.noMatch'),
            popperClass: 'category-popper',
            ref: select,
            'onUpdate:modelValue': (key: string) => {
              // A choice closes the list; the remote search would otherwise reopen it on the chosen label.
              select.value?.blur()
              void ws.chooseCategory(list.find((c) => c.key === key) ?? null)
            },
          },
          () =>
            list.map((c) =>
              h(ElOption, { key: c.key, value: c.key, label: optionLabel(c) }, () =>
                h('div', { class: 'category-option' }, [
                  h('span', { class: ['option-edition', `edition-${c.edition}`] }, c.edition),
                  h('span', { class: ['option-kind', `kind-${c.kind}`] }, t(`kind.${c.kind}`)),
                  h('span', { class: 'option-code' }, c.code),
                  h('span', { class: 'option-name' }, pickName(c, locale.value as Language)),
                  h('span', { class: 'option-big' }, pickName({ name: c.bigClassName, nameEn: c.bigClassNameEn }, locale.value as Language)),
                ]),
              ),
            ),
        ),
      ])
    }
  },
})
