/**
 * @module renderer/cases/ui/CaseActions
 * 可用操作 — one button per action the signed-in user may take on the case now (the detail's `abilities`),
 * each opening a small form for its payload (core/case/commands.ts CommandPayloads). A submit queues the
 * command in the outbox with the record's version; the outbox event reports queued → sent → applied or the
 * API's refusal.
 */
import { computed, defineComponent, h, inject, reactive, ref, shallowRef, watch, type PropType, type VNode } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElAlert, ElButton, ElDialog, ElForm, ElFormItem, ElInput, ElInputNumber, ElOption, ElRadioButton, ElRadioGroup, ElSelect, ElSwitch, ElTag, ElTooltip } from 'element-plus'
import type { CaseDetail, CatalogClassBrief, CatalogClassDetail, Language } from '../../../../electron/contract.js'
import { AREA_CLASSES, SAFETY_HAZARDS, TIME_UNITS, URGENCIES, type AreaClass, type SafetyHazard, type TimeUnit, type Urgency } from '../../../../core/catalog/types.js'
import {
  ARBITRATE_DECISIONS,
  CASE_ACTIONS,
  CHECK_OUTCOMES,
  VERIFY_RESULTS,
  type ArbitrateDecision,
  type CaseAction,
  type CheckOutcome,
  type VerifyResult,
} from '../../../../core/case/types.js'
import { TRANSITIONS, rowFrom } from '../../../../core/case/transitions.js'
import { pickName } from '../../i18n/index.js'
import { CASES } from '../store.js'
import { CategorySelect } from './CategorySelect.js'
import { actionLabel, decisionLabel, limitText, outcomeLabel } from './labels.js'

/** Actions whose payload needs photos taken on site: the workstation cannot upload them (no bridge method). */
const NEEDS_PHOTOS: readonly CaseAction[] = ['report-arrival', 'handle', 'self-handle', 'rapid-handle']
/** Actions that refuse or end a case: shown as danger buttons. */
const DANGER: readonly CaseAction[] = ['not-accept', 'not-register', 'void', 'refuse-extension', 'refuse-return', 'refuse-park', 'refuse-self-handle', 'dispute']
/** Actions that need a reason. */
const REASON: readonly CaseAction[] = ['not-accept', 'not-register', 'void', 'dispute', 'request-return', 'request-park', 'request-extension']
/** Actions whose note is required. */
const NOTE_REQUIRED: readonly CaseAction[] = ['supervise']
/** Actions that name an inspector. */
const INSPECTOR: readonly CaseAction[] = ['request-verify', 'request-check']

/** The buttons of the actions the user may take now. */
export const CaseActionBar = defineComponent({
  name: 'CaseActionBar',
  props: { detail: { type: Object as PropType<CaseDetail>, required: true } },
  setup(props) {
    const store = inject(CASES)!
    const { t, locale } = useI18n()
    const open = ref<CaseAction | null>(null)

    return () => {
      const language = locale.value as Language
      const abilities = props.detail.abilities
      const enabled = CASE_ACTIONS.filter((a) => abilities[a])
      const buttons = enabled.map((a) => {
        const needsPhotos = NEEDS_PHOTOS.includes(a)
        const button = h(
          ElButton,
          {
            key: a,
            size: 'small',
            type: needsPhotos ? 'info' : DANGER.includes(a) ? 'danger' : 'primary',
            plain: DANGER.includes(a) || needsPhotos,
            disabled: needsPhotos,
            'data-testid': `action-${a}`,
            'data-action': a,
            onClick: () => (open.value = a),
          },
          () => actionLabel(a, language, t),
        )
        return needsPhotos ? h(ElTooltip, { key: a, content: t('cases.action.needsPhotos'), placement: 'top' }, () => h('span', [button])) : button
      })
      return h('div', { class: 'case-actions', 'data-testid': 'case-actions' }, [
        buttons.length
          ? h('div', { class: 'action-buttons' }, buttons)
          : h('p', { class: 'muted' }, store.state.session?.user ? t('cases.action.none') : t('cases.action.signIn')),
        props.detail.abilitiesFrom === 'local' ? h('p', { class: 'muted small', 'data-testid': 'abilities-local' }, t('cases.action.local')) : null,
        open.value
          ? h(ActionDialog, {
              key: `${props.detail.record.id}:${open.value}`,
              detail: props.detail,
              action: open.value,
              onClose: () => (open.value = null),
            })
          : null,
      ])
    }
  },
})

interface FormState {
  note: string
  reason: string
  unitId: string
  inspectorId: string
  outcome: CheckOutcome | ''
  decision: ArbitrateDecision
  result: VerifyResult
  durationAmount: number
  durationUnit: TimeUnit
  urgency: Urgency | ''
  safetyHazard: SafetyHazard | ''
  reclassify: boolean
  category: CatalogClassBrief | null
  conditionId: string
  areaClass: AreaClass
}

/** The form of one action; submits to the outbox. */
const ActionDialog = defineComponent({
  name: 'ActionDialog',
  props: {
    detail: { type: Object as PropType<CaseDetail>, required: true },
    action: { type: String as PropType<CaseAction>, required: true },
  },
  emits: ['close'],
  setup(props, { emit }) {
    const store = inject(CASES)!
    const { t, locale } = useI18n()
    const record = props.detail.record
    const role = store.state.session?.user?.role
    const form = reactive<FormState>({
      note: '',
      reason: '',
      unitId: '',
      inspectorId: record.inspectorId ?? '',
      outcome: '',
      decision: 'uphold',
      result: 'confirmed',
      durationAmount: 1,
      durationUnit: record.handleLimit.unit,
      urgency: '',
      safetyHazard: '',
      reclassify: false,
      category: null,
      conditionId: '',
      areaClass: record.areaClass,
    })
    const error = ref<string | null>(null)
    const busy = ref(false)
    const suggested = ref<string | null>(record.proposedUnitId)
    const inspectors = ref<string[]>([])
    const categoryDetail = shallowRef<CatalogClassDetail | null>(null)

    /** Check outcomes (and arbitration decisions) this role may choose in this status (core's transitions table). */
    const outcomes = computed(() =>
      CHECK_OUTCOMES.filter((o) => TRANSITIONS.some((r) => r.action === 'check-result' && r.outcome === o && rowFrom(r, record.status) && (!role || r.roles.includes(role)))),
    )
    if (props.action === 'check-result') form.outcome = outcomes.value[0] ?? 'close'

    const needsUnit = computed(
      () =>
        props.action === 'dispatch' ||
        props.action === 'sub-dispatch' ||
        (props.action === 'check-result' && form.outcome === 'redispatch') ||
        (props.action === 'arbitrate' && form.decision === 'redispatch'),
    )

    // 派遣: the unit responsible at the case's point for its category is the suggestion (with the proposed one).
    async function loadSuggestion(): Promise<void> {
      const result = await store.bridge.lookup.responsible(record.location.lon, record.location.lat, record.categoryKey)
      if (!result.ok) return
      store.rememberUnits([result.value.unit])
      suggested.value ??= result.value.unit.id
      const redispatch = props.action !== 'dispatch' && props.action !== 'sub-dispatch'
      if (!form.unitId && !(redispatch && suggested.value === record.assignedUnitId)) form.unitId = suggested.value ?? ''
    }
    if (needsUnit.value || props.action === 'check-result' || props.action === 'arbitrate') void loadSuggestion()
    if (props.action === 'dispatch' && record.proposedUnitId) form.unitId = record.proposedUnitId

    // 发核实 / 发核查: inspectors known from this case and from cases in its grid (there is no directory of people on the bridge).
    async function loadInspectors(): Promise<void> {
      const found = new Set<string>()
      const add = (d: CaseDetail) => {
        if (d.record.inspectorId) found.add(d.record.inspectorId)
        if (d.record.source === 'inspector') found.add(d.record.reporter.id)
        for (const e of d.events ?? []) if (e.role === 'inspector') found.add(e.actorId)
      }
      add(props.detail)
      inspectors.value = [...found]
      if (!record.location.gridId) return
      const near = await store.bridge.cases.list({ text: record.location.gridId, sort: 'updated', limit: 8 })
      if (!near.ok) return
      const others = near.value.cases.filter((c) => c.id !== record.id).slice(0, 5)
      const details = await Promise.all(others.map((c) => store.bridge.cases.get(c.id)))
      for (const d of details) if (d.ok) add(d.value)
      inspectors.value = [...found]
      if (!form.inspectorId && inspectors.value.length) form.inspectorId = inspectors.value[0]!
    }
    if (INSPECTOR.includes(props.action)) void loadInspectors()

    watch(
      () => form.category?.key,
      async (key) => {
        categoryDetail.value = null
        form.conditionId = ''
        if (!key) return
        const result = await store.bridge.catalog.get(key)
        if (result.ok && form.category?.key === key) {
          categoryDetail.value = result.value
          form.conditionId = result.value.conditions[0]?.id ?? ''
        }
      },
    )

    function payload(): Record<string, unknown> | string {
      const note = form.note.trim()
      const reason = form.reason.trim()
      const withNote = (extra: Record<string, unknown> = {}) => ({ ...extra, ...(note ? { note } : {}) })
      switch (props.action) {
        case 'not-accept':
        case 'not-register':
        case 'void':
        case 'dispute':
        case 'request-return':
        case 'request-park':
          return reason ? { reason } : 'reason'
        case 'request-extension':
          if (!reason) return 'reason'
          return { reason, duration: { amount: form.durationAmount, unit: form.durationUnit } }
        case 'request-verify':
        case 'request-check':
          return form.inspectorId.trim() ? { inspectorId: form.inspectorId.trim() } : 'inspectorId'
        case 'verify-result':
          return note ? { result: form.result, note } : 'note'
        case 'dispatch':
          return form.unitId ? withNote({ unitId: form.unitId }) : 'unitId'
        case 'sub-dispatch':
          return form.unitId ? withNote({ subUnitId: form.unitId }) : 'unitId'
        case 'arbitrate':
          if (form.decision === 'redispatch' && !form.unitId) return 'unitId'
          return withNote({ decision: form.decision, ...(form.decision === 'redispatch' ? { unitId: form.unitId } : {}) })
        case 'check-result':
          if (!form.outcome) return 'outcome'
          if (form.outcome === 'redispatch' && !form.unitId) return 'unitId'
          return withNote({ outcome: form.outcome, ...(form.outcome === 'redispatch' ? { unitId: form.unitId } : {}) })
        case 'supervise':
          return note ? { note } : 'note'
        case 'register': {
          const out: Record<string, unknown> = {}
          if (form.urgency) out.urgency = form.urgency
          if (form.safetyHazard) out.safetyHazard = form.safetyHazard
          if (form.reclassify) {
            const condition = categoryDetail.value?.conditions.find((c) => c.id === form.conditionId)
            if (!form.category || !condition) return 'categoryKey'
            Object.assign(out, { categoryKey: form.category.key, conditionId: condition.id, areaClass: form.areaClass, handleLimit: condition.limits[form.areaClass] })
          }
          return out
        }
        default:
          return withNote()
      }
    }

    async function submit(): Promise<void> {
      const p = payload()
      if (typeof p === 'string') {
        error.value = t('cases.action.missing', { field: t(`cases.field.${p}`) })
        return
      }
      busy.value = true
      const entry = await store.submit({ kind: 'action', caseId: record.id, version: record.version, action: props.action, payload: p })
      busy.value = false
      if (entry) emit('close')
    }

    const item = (label: string, content: VNode | VNode[] | null, required = false) => h(ElFormItem, { label, required }, () => content)
    const textarea = (key: 'note' | 'reason', placeholder: string, testid: string) =>
      h(ElInput, {
        type: 'textarea',
        rows: 3,
        maxlength: 1000,
        showWordLimit: true,
        modelValue: form[key],
        placeholder,
        'data-testid': testid,
        'onUpdate:modelValue': (v: string) => (form[key] = v),
      })

    function unitSelect(language: Language) {
      const units = Object.values(store.state.units).sort((a, b) => (a.id === suggested.value ? -1 : b.id === suggested.value ? 1 : a.name.localeCompare(b.name, 'zh-CN')))
      return h(
        ElSelect,
        {
          modelValue: form.unitId,
          filterable: true,
          placeholder: t('cases.action.unitPlaceholder'),
          'data-testid': 'action-unit',
          popperClass: 'action-unit-popper',
          'onUpdate:modelValue': (v: string) => (form.unitId = v),
        },
        () =>
          units.map((u) =>
            h(ElOption, { key: u.id, value: u.id, label: pickName(u, language) }, () =>
              h('div', { class: 'unit-option' }, [
                h('span', pickName(u, language)),
                u.id === suggested.value ? h(ElTag, { size: 'small', type: 'success', disableTransitions: true }, () => t('cases.action.suggested')) : null,
                u.id === record.assignedUnitId ? h(ElTag, { size: 'small', type: 'info', disableTransitions: true }, () => t('cases.action.current')) : null,
                h('small', { class: 'muted mono' }, u.id),
              ]),
            ),
          ),
      )
    }

    function fields(language: Language): (VNode | null)[] {
      const a = props.action
      const out: (VNode | null)[] = []
      if (a === 'check-result') {
        out.push(
          item(
            t('cases.field.outcome'),
            h(
              ElRadioGroup,
              { modelValue: form.outcome, 'data-testid': 'action-outcome', 'onUpdate:modelValue': (v: string | number | boolean | undefined) => (form.outcome = v as CheckOutcome) },
              () => CHECK_OUTCOMES.map((o) => h(ElRadioButton, { key: o, value: o, disabled: !outcomes.value.includes(o), 'data-outcome': o }, () => outcomeLabel(o, language))),
            ),
            true,
          ),
        )
      }
      if (a === 'arbitrate') {
        out.push(
          item(
            t('cases.field.decision'),
            h(
              ElRadioGroup,
              { modelValue: form.decision, 'onUpdate:modelValue': (v: string | number | boolean | undefined) => (form.decision = v as ArbitrateDecision) },
              () => ARBITRATE_DECISIONS.map((d) => h(ElRadioButton, { key: d, value: d }, () => decisionLabel(d, language))),
            ),
            true,
          ),
        )
      }
      // Approvals and arbitration: the request being decided, with its reason.
      if (record.pending && /^(approve|refuse)-|^arbitrate$/.test(a))
        out.push(
          h('div', { class: 'pending-request', 'data-testid': 'action-pending' }, [
            h('strong', t(`cases.pending.${record.pending.kind}`)),
            record.pending.duration ? ` · ${limitText(t, record.pending.duration)}` : '',
            h('div', t('cases.detail.pendingReason', { message: record.pending.reason })),
          ]),
        )
      if (a === 'verify-result') {
        out.push(
          item(
            t('cases.field.result'),
            h(
              ElRadioGroup,
              { modelValue: form.result, 'onUpdate:modelValue': (v: string | number | boolean | undefined) => (form.result = v as VerifyResult) },
              () => VERIFY_RESULTS.map((r) => h(ElRadioButton, { key: r, value: r }, () => t(`cases.verify.${r}`))),
            ),
            true,
          ),
        )
      }
      if (needsUnit.value) out.push(item(t(a === 'sub-dispatch' ? 'cases.field.subUnit' : 'cases.field.unitId'), unitSelect(language), true))
      if (INSPECTOR.includes(a)) {
        out.push(
          item(
            t('cases.field.inspectorId'),
            h(
              ElSelect,
              {
                modelValue: form.inspectorId,
                filterable: true,
                allowCreate: true,
                defaultFirstOption: true,
                placeholder: t('cases.action.inspectorPlaceholder'),
                'data-testid': 'action-inspector',
                'onUpdate:modelValue': (v: string) => (form.inspectorId = v),
              },
              () => inspectors.value.map((id) => h(ElOption, { key: id, value: id, label: id })),
            ),
            true,
          ),
          h('p', { class: 'muted small' }, t('cases.action.inspectorHint')),
        )
      }
      if (a === 'request-extension') {
        out.push(
          item(
            t('cases.field.duration'),
            h('div', { class: 'duration-input' }, [
              h(ElInputNumber, { modelValue: form.durationAmount, min: 1, max: 999, 'onUpdate:modelValue': (v: number | undefined) => (form.durationAmount = v ?? 1) }),
              h(
                ElSelect,
                { modelValue: form.durationUnit, style: { width: '140px' }, 'onUpdate:modelValue': (v: TimeUnit) => (form.durationUnit = v) },
                () => TIME_UNITS.map((u) => h(ElOption, { key: u, value: u, label: t(`timeUnit.${u}`, { n: '' }).trim() })),
              ),
            ]),
            true,
          ),
        )
      }
      if (a === 'register') {
        out.push(
          item(
            t('cases.field.urgency'),
            h(
              ElSelect,
              { modelValue: form.urgency, clearable: true, placeholder: t(`urgency.${record.urgency}`), 'onUpdate:modelValue': (v: Urgency | '') => (form.urgency = v ?? '') },
              () => URGENCIES.map((u) => h(ElOption, { key: u, value: u, label: t(`urgency.${u}`) })),
            ),
          ),
          item(
            t('cases.field.safetyHazard'),
            h(
              ElSelect,
              {
                modelValue: form.safetyHazard,
                clearable: true,
                placeholder: record.safetyHazard ? t(`hazard.${record.safetyHazard}`) : t('cases.detail.none'),
                'onUpdate:modelValue': (v: SafetyHazard | '') => (form.safetyHazard = v ?? ''),
              },
              () => SAFETY_HAZARDS.map((s) => h(ElOption, { key: s, value: s, label: t(`hazard.${s}`) })),
            ),
          ),
          item(
            t('cases.field.reclassify'),
            h(ElSwitch, { modelValue: form.reclassify, 'data-testid': 'action-reclassify', 'onUpdate:modelValue': (v: string | number | boolean) => (form.reclassify = Boolean(v)) }),
          ),
        )
        if (form.reclassify) {
          const condition = categoryDetail.value?.conditions.find((c) => c.id === form.conditionId)
          out.push(
            item(
              t('cases.field.categoryKey'),
              h(CategorySelect, {
                bridge: store.bridge,
                editions: true,
                modelValue: form.category,
                testid: 'action-category',
                'onUpdate:modelValue': (v: CatalogClassBrief | null) => (form.category = v),
              }),
              true,
            ),
            categoryDetail.value
              ? item(
                  t('cases.field.conditionId'),
                  h(
                    ElSelect,
                    { modelValue: form.conditionId, 'onUpdate:modelValue': (v: string) => (form.conditionId = v) },
                    () => categoryDetail.value!.conditions.map((c) => h(ElOption, { key: c.id, value: c.id, label: language === 'en' ? c.textEn || c.text : c.text })),
                  ),
                  true,
                )
              : null,
            item(
              t('cases.field.areaClass'),
              h(
                ElRadioGroup,
                { modelValue: form.areaClass, 'onUpdate:modelValue': (v: string | number | boolean | undefined) => (form.areaClass = v as AreaClass) },
                () => AREA_CLASSES.map((c) => h(ElRadioButton, { key: c, value: c }, () => t(`areaClass.${c}`))),
              ),
            ),
            condition ? h('p', { class: 'muted' }, t('cases.action.newLimit', { limit: limitText(t, condition.limits[form.areaClass]) })) : null,
          )
        }
      }
      if (REASON.includes(a)) out.push(item(t('cases.field.reason'), textarea('reason', t('cases.action.reasonPlaceholder'), 'action-reason'), true))
      else if (a !== 'request-verify' && a !== 'request-check' && a !== 'register')
        out.push(item(t('cases.field.note'), textarea('note', t('cases.action.notePlaceholder'), 'action-note'), NOTE_REQUIRED.includes(a) || a === 'verify-result'))
      return out
    }

    return () => {
      const language = locale.value as Language
      return h(
        ElDialog,
        {
          modelValue: true,
          'onUpdate:modelValue': () => emit('close'),
          title: `${actionLabel(props.action, language, t)} · ${record.number}`,
          width: 480,
          appendToBody: true,
          closeOnClickModal: false,
          class: 'action-dialog',
          'data-testid': 'action-dialog',
        },
        {
          default: () =>
            h(ElForm, { labelPosition: 'top', class: 'action-form', 'data-action': props.action }, () => [
              ...fields(language),
              h('p', { class: 'muted small' }, t('cases.action.version', { n: record.version })),
              error.value ? h(ElAlert, { type: 'error', closable: false, title: error.value, 'data-testid': 'action-error' }) : null,
            ]),
          footer: () => [
            h(ElButton, { onClick: () => emit('close') }, () => t('common.cancel')),
            h(
              ElButton,
              { type: DANGER.includes(props.action) ? 'danger' : 'primary', loading: busy.value, 'data-testid': 'action-submit', onClick: () => void submit() },
              () => t('cases.action.submit', { action: actionLabel(props.action, language, t) }),
            ),
          ],
        },
      )
    }
  },
})
