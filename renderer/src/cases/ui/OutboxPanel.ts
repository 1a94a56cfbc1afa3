/**
 * @module renderer/cases/ui/OutboxPanel
 * 待发指令 — the outbox: commands in the order they were given, each queued, being sent, applied or refused.
 * A refused command stays until the operator dismisses it, with the API's reason, the field at fault, the
 * case's status now and what may be done instead. The status bar carries its badge.
 */
import { defineComponent, h, inject, type PropType } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElButton, ElDrawer, ElEmpty, ElTag, ElTooltip } from 'element-plus'
import type { Language, OutboxEntry } from '../../../../electron/contract.js'
import { formatTime } from '../../shared/format.js'
import { CASES, entryAction, entryCaseId } from '../store.js'
import { actionLabel, statusLabel } from './labels.js'

const STATE_TAG: Readonly<Record<OutboxEntry['state'], 'info' | 'warning' | 'success' | 'danger'>> = {
  queued: 'warning',
  sending: 'info',
  applied: 'success',
  rejected: 'danger',
}

/** One outbox entry (also used in the case detail, `compact`). */
export const OutboxEntryView = defineComponent({
  name: 'OutboxEntryView',
  props: {
    entry: { type: Object as PropType<OutboxEntry>, required: true },
    compact: { type: Boolean, default: false },
  },
  setup(props) {
    const store = inject(CASES)!
    const { t, locale } = useI18n()
    return () => {
      const e = props.entry
      const language = locale.value as Language
      const caseId = entryCaseId(e)
      const number = e.result?.number ?? (caseId ? store.state.numbers[caseId] : undefined)
      const action = entryAction(e)
      const r = e.rejection
      return h('div', { class: ['outbox-entry', `state-${e.state}`], 'data-testid': 'outbox-entry', 'data-state': e.state, 'data-action': action, 'data-client-id': e.clientId, 'data-case-id': caseId ?? '' }, [
        h('div', { class: 'outbox-line' }, [
          props.compact ? null : h('span', { class: 'outbox-seq mono' }, `#${e.seq}`),
          h('strong', actionLabel(action, language, t)),
          props.compact
            ? null
            : h(
                'button',
                { type: 'button', class: 'link mono', disabled: !caseId, onClick: () => caseId && void store.select(caseId, 'other') },
                number ?? (e.command.kind === 'create' ? t('outbox.newCase') : (caseId ?? '')),
              ),
          h(ElTag, { size: 'small', type: STATE_TAG[e.state], effect: 'dark', disableTransitions: true, 'data-testid': 'outbox-state' }, () => t(`outbox.state.${e.state}`)),
          h('span', { class: 'muted small' }, formatTime(e.queuedAt, language).slice(5)),
        ]),
        e.state === 'applied' && e.result
          ? h('div', { class: 'outbox-result small' }, t('outbox.applied', { status: statusLabel(e.result.status, language), n: e.result.version }))
          : null,
        e.lastError && e.state !== 'applied' && e.state !== 'rejected'
          ? h('div', { class: 'outbox-error small' }, t('outbox.retrying', { message: e.lastError, n: e.attempts }))
          : null,
        r
          ? h('div', { class: 'outbox-rejection', 'data-testid': 'outbox-rejection' }, [
              h('div', { class: 'rejection-reason', 'data-testid': 'rejection-reason' }, [h('span', { class: 'mono small' }, `${r.httpStatus} ${r.code} `), r.message]),
              r.field ? h('div', { class: 'small' }, t('outbox.field', { field: r.field })) : null,
              r.caseStatus
                ? h('div', { class: 'small', 'data-testid': 'rejection-status', 'data-status': r.caseStatus }, t('outbox.caseStatus', { status: statusLabel(r.caseStatus, language) }))
                : null,
              r.currentVersion !== undefined ? h('div', { class: 'small' }, t('outbox.currentVersion', { n: r.currentVersion })) : null,
              r.allowed
                ? h('div', { class: 'small' }, t('outbox.allowed', { actions: r.allowed.length ? r.allowed.map((a) => actionLabel(a, language, t)).join('、') : t('outbox.nothing') }))
                : null,
              h('div', { class: 'rejection-tools' }, [
                caseId && !props.compact
                  ? h(ElButton, { size: 'small', onClick: () => void store.select(caseId, 'other') }, () => t('outbox.openCase'))
                  : null,
                h(ElButton, { size: 'small', type: 'primary', plain: true, 'data-testid': 'outbox-dismiss', onClick: () => void store.dismiss(e.clientId) }, () => t('outbox.dismiss')),
              ]),
            ])
          : null,
      ])
    }
  },
})

export const OutboxPanel = defineComponent({
  name: 'OutboxPanel',
  setup() {
    const store = inject(CASES)!
    const { t } = useI18n()
    return () => {
      const outbox = store.state.outbox
      const entries = outbox?.entries ?? []
      return h(
        ElDrawer,
        {
          modelValue: store.state.outboxOpen,
          'onUpdate:modelValue': (v: boolean) => (store.state.outboxOpen = v),
          title: t('outbox.title'),
          direction: 'rtl',
          size: 460,
          appendToBody: true,
          class: 'outbox-drawer',
        },
        () =>
          h('div', { class: 'outbox-panel', 'data-testid': 'outbox-panel', 'data-state': outbox?.state ?? 'idle' }, [
            h('div', { class: 'outbox-summary' }, [
              h('span', { 'data-testid': 'outbox-summary-state' }, t(`outbox.status.${outbox?.state ?? 'idle'}`)),
              h('span', t('outbox.counts', { n: outbox?.queued ?? 0, m: outbox?.rejected ?? 0 })),
              h(ElButton, { size: 'small', type: 'primary', 'data-testid': 'outbox-flush', disabled: !outbox?.queued, onClick: () => void store.flush() }, () => t('outbox.flush')),
            ]),
            outbox?.state === 'signed-out' ? h('p', { class: 'muted' }, t('outbox.signedOutNote')) : null,
            entries.length ? h('div', { class: 'outbox-list' }, entries.map((e) => h(OutboxEntryView, { key: e.clientId, entry: e }))) : h(ElEmpty, { description: t('outbox.empty'), imageSize: 64 }),
          ]),
      )
    }
  },
})

/** The status-bar badge: queued and rejected counts, and whether commands are moving. */
export const OutboxBadge = defineComponent({
  name: 'OutboxBadge',
  setup() {
    const store = inject(CASES)!
    const { t } = useI18n()
    return () => {
      const outbox = store.state.outbox
      if (!store.state.session?.user && !outbox?.queued && !outbox?.rejected) return null
      const state = outbox?.state ?? 'idle'
      return h(ElTooltip, { content: t(`outbox.status.${state}`), placement: 'top' }, () =>
        h(
          'button',
          {
            type: 'button',
            class: ['status-item', 'outbox-badge', `outbox-${state}`, { 'has-rejected': (outbox?.rejected ?? 0) > 0 }],
            'data-testid': 'outbox-badge',
            'data-state': state,
            'data-queued': outbox?.queued ?? 0,
            'data-rejected': outbox?.rejected ?? 0,
            onClick: () => (store.state.outboxOpen = !store.state.outboxOpen),
          },
          [
            h('span', { class: 'outbox-dot' }),
            h('span', t('outbox.badge')),
            h('span', { class: 'outbox-queued' }, t('outbox.queuedN', { n: outbox?.queued ?? 0 })),
            h('span', { class: ['outbox-rejected', { alert: (outbox?.rejected ?? 0) > 0 }] }, t('outbox.rejectedN', { n: outbox?.rejected ?? 0 })),
          ],
        ),
      )
    }
  },
})
