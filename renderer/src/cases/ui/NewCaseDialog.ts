/**
 * @module renderer/cases/ui/NewCaseDialog
 * 登记案件 — a case recorded at the desk where it was clicked on the map (phoned-in complaint, media report,
 * department transfer, leader's order): the place is prefilled from the lookup (grid, community, street,
 * district, area class), the category picker searches both editions, and the responsible unit and 处置时限
 * for the chosen condition are shown before the case is queued (commands.submit {kind: 'create'}).
 */
import { computed, defineComponent, h, inject, reactive, ref, shallowRef, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElAlert, ElButton, ElDialog, ElForm, ElFormItem, ElInput, ElOption, ElRadioButton, ElRadioGroup, ElSelect, ElSkeleton, ElTag } from 'element-plus'
import type { CatalogClassBrief, Language, Location, LonLat, NewCaseInput, Responsibility } from '../../../../electron/contract.js'
import { URGENCIES, type Urgency } from '../../../../core/catalog/types.js'
import { CASE_SOURCES, type CaseSource } from '../../../../core/case/types.js'
import { pickName } from '../../i18n/index.js'
import { formatLonLat } from '../../shared/format.js'
import { WORKSTATION } from '../../app/workstation.js'
import { CASES } from '../store.js'
import { CategorySelect } from './CategorySelect.js'
import { limitText, sourceLabel } from './labels.js'

/** Sources a desk records: what comes in by phone, press, other departments and leaders (第7条). */
const DESK_SOURCES: readonly CaseSource[] = ['public', 'media', 'department', 'leader', 'video', 'data-monitoring', 'iot']

interface Form {
  category: CatalogClassBrief | null
  conditionId: string
  urgency: Urgency | ''
  source: CaseSource
  address: string
  description: string
  reporterName: string
  reporterContact: string
}

export const NewCaseDialog = defineComponent({
  name: 'NewCaseDialog',
  setup() {
    const store = inject(CASES)!
    const ws = inject(WORKSTATION)!
    const { t, locale } = useI18n()
    const location = shallowRef<Location | null>(null)
    const locating = ref(false)
    const responsibility = shallowRef<Responsibility | null>(null)
    const responsibilityStatus = ref<'idle' | 'loading' | 'ready' | 'error'>('idle')
    const error = ref<string | null>(null)
    const busy = ref(false)
    const componentId = ref<string | null>(null)
    const form = reactive<Form>(emptyForm())

    function emptyForm(): Form {
      const role = store.state.session?.user?.role
      return {
        category: null,
        conditionId: '',
        urgency: '',
        source: role === 'inspector' ? 'inspector' : role === 'leader' ? 'leader' : 'public',
        address: '',
        description: '',
        reporterName: '',
        reporterContact: '',
      }
    }

    const sources = computed<readonly CaseSource[]>(() => (store.state.session?.user?.role === 'inspector' ? ['inspector'] : DESK_SOURCES.filter((s) => CASE_SOURCES.includes(s))))

    watch(
      () => store.state.newCasePoint,
      async (point) => {
        if (!point) {
          ws.map.value?.select(undefined)
          return
        }
        Object.assign(form, emptyForm())
        error.value = null
        responsibility.value = null
        responsibilityStatus.value = 'idle'
        location.value = null
        componentId.value = store.state.newCaseComponentId
        locating.value = true
        ws.map.value?.select(point)
        const located = await store.bridge.lookup.locate(point[0], point[1])
        if (store.state.newCasePoint !== point) return
        locating.value = false
        if (!located.ok) {
          error.value = located.error.message
          return
        }
        location.value = located.value
        const language = locale.value as Language
        const names = [located.value.district, located.value.street, located.value.community].filter(Boolean).map((r) => pickName(r!, language))
        form.address = names.join(language === 'en' ? ', ' : '')
        const grid = located.value.grid?.id
        if (grid) {
          const detail = await store.bridge.lookup.byGridId(grid)
          if (detail.ok && store.state.newCasePoint === point) ws.map.value?.select(point, detail.value.geometry)
        }
        if (form.category) void loadResponsibility(point)
      },
    )

    watch(
      () => form.category?.key,
      () => {
        const point = store.state.newCasePoint
        if (point) void loadResponsibility(point)
      },
    )

    async function loadResponsibility(point: LonLat): Promise<void> {
      const category = form.category
      responsibility.value = null
      form.conditionId = ''
      if (!category) {
        responsibilityStatus.value = 'idle'
        return
      }
      responsibilityStatus.value = 'loading'
      const result = await store.bridge.lookup.responsible(point[0], point[1], category.key)
      if (form.category !== category || store.state.newCasePoint !== point) return
      if (!result.ok) {
        responsibilityStatus.value = 'error'
        error.value = result.error.message
        return
      }
      responsibility.value = result.value
      responsibilityStatus.value = 'ready'
      store.rememberUnits([result.value.unit])
      const first = result.value.conditions[0]
      form.conditionId = first?.id ?? ''
      form.urgency = first?.urgency ?? ''
    }

    function close(): void {
      store.state.newCasePoint = null
    }

    async function submit(): Promise<void> {
      const point = store.state.newCasePoint
      if (!point) return
      if (!form.category) {
        error.value = t('cases.action.missing', { field: t('cases.field.categoryKey') })
        return
      }
      const input: NewCaseInput = {
        lon: point[0],
        lat: point[1],
        categoryKey: form.category.key,
        ...(form.conditionId ? { conditionId: form.conditionId } : {}),
        ...(form.urgency ? { urgency: form.urgency } : {}),
        source: form.source,
        ...(form.address.trim() ? { address: form.address.trim() } : {}),
        ...(form.description.trim() ? { description: form.description.trim() } : {}),
        ...(form.reporterName.trim() ? { reporterName: form.reporterName.trim() } : {}),
        ...(form.reporterContact.trim() ? { reporterContact: form.reporterContact.trim() } : {}),
        ...(componentId.value ? { componentId: componentId.value } : {}),
      }
      busy.value = true
      const entry = await store.submit({ kind: 'create', input })
      busy.value = false
      if (entry) close()
    }

    const input = (key: 'address' | 'description' | 'reporterName' | 'reporterContact', extra: Record<string, unknown> = {}) =>
      h(ElInput, { modelValue: form[key], 'data-testid': `new-${key}`, 'onUpdate:modelValue': (v: string) => (form[key] = v), ...extra })

    function placeBlock(language: Language) {
      const point = store.state.newCasePoint!
      const loc = location.value
      if (locating.value) return h(ElSkeleton, { rows: 2, animated: true })
      return h('dl', { class: 'fields new-case-place', 'data-testid': 'new-place' }, [
        h('div', { class: 'field' }, [h('dt', t('lookup.point')), h('dd', { class: 'mono' }, formatLonLat(point))]),
        h('div', { class: 'field' }, [
          h('dt', t('lookup.grid')),
          h(
            'dd',
            loc?.grid
              ? h('span', { class: 'grid-id' }, [
                  h('span', { 'data-testid': 'new-grid' }, loc.grid.id),
                  h(ElTag, { class: `area-${loc.grid.areaClass}`, size: 'small', effect: 'dark', disableTransitions: true, 'data-testid': 'new-area' }, () => t(`areaClass.${loc.grid!.areaClass}`)),
                ])
              : h('span', { class: 'muted' }, t('lookup.outside')),
          ),
        ]),
        h('div', { class: 'field' }, [
          h('dt', t('cases.new.region')),
          h('dd', { 'data-testid': 'new-region' }, loc ? [loc.district, loc.street, loc.community].map((r) => (r ? pickName(r, language) : '—')).join(' / ') : '—'),
        ]),
        componentId.value ? h('div', { class: 'field' }, [h('dt', t('lookup.componentId')), h('dd', { class: 'mono' }, componentId.value)]) : null,
      ])
    }

    function responsibilityBlock(language: Language) {
      if (responsibilityStatus.value === 'loading') return h(ElSkeleton, { rows: 2, animated: true })
      const r = responsibility.value
      if (!r) return h('p', { class: 'muted' }, t('cases.new.pickCategory'))
      const condition = r.conditions.find((c) => c.id === form.conditionId)
      return h('div', { class: 'new-case-routing' }, [
        h(ElFormItem, { label: t('cases.field.conditionId') }, () =>
          h(
            ElSelect,
            {
              modelValue: form.conditionId,
              'data-testid': 'new-condition',
              'onUpdate:modelValue': (v: string) => {
                form.conditionId = v
                form.urgency = r.conditions.find((c) => c.id === v)?.urgency ?? form.urgency
              },
            },
            () => r.conditions.map((c) => h(ElOption, { key: c.id, value: c.id, label: language === 'en' ? c.textEn || c.text : c.text })),
          ),
        ),
        h('div', { class: 'unit-card compact', 'data-testid': 'new-unit', 'data-unit-id': r.unit.id }, [
          h('div', { class: 'unit-label' }, t('cases.new.suggestedUnit')),
          h('div', { class: 'unit-name' }, pickName(r.unit, language)),
          h('div', { class: 'unit-meta' }, [
            condition
              ? h('span', { 'data-testid': 'new-limit' }, t('cases.new.limit', { limit: condition.limit ? limitText(t, condition.limit) : t('responsibility.limitOutside') }))
              : null,
            condition?.onSiteLimit ? h(ElTag, { type: 'danger', size: 'small', effect: 'plain', disableTransitions: true }, () => t('responsibility.onSite', { limit: limitText(t, condition.onSiteLimit) })) : null,
            condition?.safetyHazard ? h(ElTag, { type: 'warning', size: 'small', effect: 'dark', disableTransitions: true }, () => t(`hazard.${condition.safetyHazard}`)) : null,
          ]),
        ]),
      ])
    }

    return () => {
      const language = locale.value as Language
      const open = store.state.newCasePoint !== null
      return h(
        ElDialog,
        {
          modelValue: open,
          'onUpdate:modelValue': (v: boolean) => !v && close(),
          title: t('cases.new.title'),
          width: 560,
          appendToBody: true,
          closeOnClickModal: false,
          class: 'new-case-dialog',
          'data-testid': 'new-case-dialog',
        },
        {
          default: () =>
            open
              ? h(ElForm, { labelPosition: 'top', class: 'new-case-form' }, () => [
                  placeBlock(language),
                  h(ElFormItem, { label: t('cases.field.categoryKey'), required: true }, () =>
                    h(CategorySelect, {
                      bridge: store.bridge,
                      editions: true,
                      modelValue: form.category,
                      testid: 'new-category',
                      'onUpdate:modelValue': (v: CatalogClassBrief | null) => (form.category = v),
                    }),
                  ),
                  responsibilityBlock(language),
                  h('div', { class: 'form-grid' }, [
                    h(ElFormItem, { label: t('cases.detail.source') }, () =>
                      h(
                        ElSelect,
                        { modelValue: form.source, 'data-testid': 'new-source', 'onUpdate:modelValue': (v: CaseSource) => (form.source = v) },
                        () => sources.value.map((s) => h(ElOption, { key: s, value: s, label: sourceLabel(s, language) })),
                      ),
                    ),
                    h(ElFormItem, { label: t('cases.field.urgency') }, () =>
                      h(
                        ElRadioGroup,
                        { modelValue: form.urgency, 'onUpdate:modelValue': (v: string | number | boolean | undefined) => (form.urgency = v as Urgency) },
                        () => URGENCIES.map((u) => h(ElRadioButton, { key: u, value: u }, () => t(`urgency.${u}`))),
                      ),
                    ),
                  ]),
                  h(ElFormItem, { label: t('cases.detail.address') }, () => input('address', { maxlength: 500 })),
                  h(ElFormItem, { label: t('cases.detail.description') }, () => input('description', { type: 'textarea', rows: 3, maxlength: 4000, showWordLimit: true })),
                  h('div', { class: 'form-grid' }, [
                    h(ElFormItem, { label: t('cases.field.reporterName') }, () => input('reporterName', { maxlength: 100 })),
                    h(ElFormItem, { label: t('cases.field.reporterContact') }, () => input('reporterContact', { maxlength: 100 })),
                  ]),
                  error.value ? h(ElAlert, { type: 'error', closable: false, title: error.value, 'data-testid': 'new-error' }) : null,
                ])
              : null,
          footer: () => [
            h(ElButton, { onClick: close }, () => t('common.cancel')),
            h(ElButton, { type: 'primary', loading: busy.value, disabled: !form.category, 'data-testid': 'new-submit', onClick: () => void submit() }, () => t('cases.new.submit')),
          ],
        },
      )
    }
  },
})

/** Opens the dialog at a clicked point (and the component clicked there, if any); disarms the tool. */
export function openNewCase(store: { state: { newCasePoint: LonLat | null; newCaseComponentId: string | null; recording: boolean } }, point: LonLat, component?: string): void {
  store.state.recording = false
  store.state.newCaseComponentId = component ?? null
  store.state.newCasePoint = point
}
