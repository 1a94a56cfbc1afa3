/**
 * @module renderer/cases/ui/CaseDetailPanel
 * 案卷详情 — the right-hand drawer of the selected case: number, status, phase, light and the live 到场
 * countdown of a 第9条 hazard; the actions the user may take; place, category and condition, units, 环节计时
 * per stage, reporter (contact masked), component, photos, the 操作记录 timeline, and this case's commands
 * in the outbox. A copy read offline says so.
 */
import { defineComponent, h, inject, ref, shallowRef, watch, type VNode } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElAlert, ElButton, ElImage, ElSkeleton, ElTag, ElTimeline, ElTimelineItem, ElTooltip } from 'element-plus'
import type { CaseEventView, CaseRecord, CatalogClassDetail, ComponentDetail, Language, Location, OutboxEntry, RegionRef } from '../../../../electron/contract.js'
import { ARBITRATE_DECISIONS, CASE_STAGES, CHECK_OUTCOMES, type ArbitrateDecision, type CaseStage, type CheckOutcome } from '../../../../core/case/types.js'
import { phaseOf } from '../../../../core/case/phase.js'
import { pickName } from '../../i18n/index.js'
import { formatLonLat, formatTime } from '../../shared/format.js'
import { WORKSTATION } from '../../app/workstation.js'
import { CASES, entryAction, entryCaseId } from '../store.js'
import { CaseActionBar } from './CaseActions.js'
import { OutboxEntryView } from './OutboxPanel.js'
import {
  actionLabel,
  anyStatusLabel,
  countdownText,
  decisionLabel,
  LIGHT_COLORS,
  limitText,
  maskContact,
  outcomeLabel,
  PHASE_COLORS,
  phaseLabel,
  roleLabel,
  sourceLabel,
  stageLabel,
  statusLabel,
  useNow,
} from './labels.js'

/** Payload fields the timeline names; others are shown by their key. */
const PAYLOAD_FIELDS = ['reason', 'note', 'unitId', 'subUnitId', 'inspectorId', 'outcome', 'decision', 'result', 'duration', 'categoryKey', 'conditionId', 'urgency', 'source', 'team', 'costYuan', 'measures'] as const

interface Place {
  readonly location: Location | null
  readonly gridArea: string | null
}

export const CaseDetailPanel = defineComponent({
  name: 'CaseDetailPanel',
  emits: ['close'],
  setup(_, { emit }) {
    const store = inject(CASES)!
    const ws = inject(WORKSTATION)!
    const { t, locale } = useI18n()
    const now = useNow(1000)
    const place = shallowRef<Place | null>(null)
    const category = shallowRef<CatalogClassDetail | null>(null)
    const component = shallowRef<ComponentDetail | null>(null)
    const photos = ref<Record<string, string>>({})
    const showContact = ref(false)

    // Place, category conditions, component and photos follow the record.
    watch(
      () => store.state.detail?.record,
      async (record, old) => {
        if (!record) return
        if (record.id !== old?.id) {
          place.value = null
          category.value = null
          component.value = null
          showContact.value = false
        }
        const loads: Promise<unknown>[] = []
        if (!place.value || record.id !== old?.id) loads.push(loadPlace(record))
        if (category.value?.key !== record.categoryKey) loads.push(loadCategory(record))
        if (record.componentId && component.value?.id !== record.componentId) loads.push(loadComponent(record))
        for (const id of photoIds(record, store.state.detail?.events ?? null)) if (!photos.value[id]) loads.push(loadPhoto(id))
        await Promise.all(loads)
      },
      { immediate: true },
    )

    async function loadPlace(record: CaseRecord): Promise<void> {
      const id = record.id
      const fromGrid = record.location.gridId ? await store.bridge.lookup.byGridId(record.location.gridId) : null
      if (store.state.detail?.record.id !== id) return
      if (fromGrid?.ok) {
        const g = fromGrid.value
        place.value = { location: { lon: record.location.lon, lat: record.location.lat, grid: { id: g.id, areaClass: g.areaClass }, community: g.community, street: g.street, district: g.district }, gridArea: g.areaClass }
        return
      }
      const located = await store.bridge.lookup.locate(record.location.lon, record.location.lat)
      if (store.state.detail?.record.id !== id) return
      place.value = { location: located.ok ? located.value : null, gridArea: located.ok ? (located.value.grid?.areaClass ?? null) : null }
    }

    async function loadCategory(record: CaseRecord): Promise<void> {
      const result = await store.bridge.catalog.get(record.categoryKey)
      if (result.ok && store.state.detail?.record.id === record.id) category.value = result.value
    }

    async function loadComponent(record: CaseRecord): Promise<void> {
      const result = await store.bridge.lookup.byComponentId(record.componentId!)
      if (result.ok && store.state.detail?.record.id === record.id) component.value = result.value
    }

    async function loadPhoto(id: string): Promise<void> {
      const result = await store.bridge.cases.photo(id)
      if (result.ok) photos.value = { ...photos.value, [id]: result.value.dataUrl }
    }

    const row = (label: string, value: VNode | string | null | (VNode | string | null)[], testid?: string) =>
      h('div', { class: 'field' }, [h('dt', label), h('dd', testid ? { 'data-testid': testid } : {}, Array.isArray(value) ? value : [value ?? '—'])])

    const region = (r: RegionRef | null, language: Language) => (r ? [pickName(r, language), h('small', { class: 'code' }, r.code)] : '—')

    function header(record: CaseRecord, language: Language) {
      const detail = store.state.detail!
      const summary = detail.summary
      const phase = phaseOf(record.status)
      const onSite = summary.onSiteDeadline
      return h('div', { class: 'case-head' }, [
        h('div', { class: 'case-head-line' }, [
          h('span', { class: 'case-head-number mono', 'data-testid': 'detail-number' }, record.number),
          h(
            'span',
            { class: 'status-tag', style: { '--chip-color': PHASE_COLORS[phase] }, 'data-testid': 'detail-status', 'data-status': record.status },
            statusLabel(record.status, language),
          ),
          h('span', { class: 'phase-label', style: { color: PHASE_COLORS[phase] } }, phaseLabel(phase, language)),
        ]),
        h('div', { class: 'case-head-line' }, [
          h('span', { class: 'light-badge', style: { '--chip-color': LIGHT_COLORS[record.light.color] }, 'data-testid': 'detail-light', 'data-light': record.light.color }, [
            h('span', { class: 'light-dot' }),
            t(`cases.light.${record.light.color}`),
            record.light.stage ? ` · ${stageLabel(record.light.stage, language)}` : '',
          ]),
          summary.deadline ? h('span', { class: ['case-deadline', `light-${summary.light}`] }, countdownText(t, summary.deadline, now.value)) : null,
          record.safetyHazard
            ? h('span', { class: 'hazard-badge', 'data-testid': 'detail-hazard' }, [
                t('cases.detail.hazard', { hazard: t(`hazard.${record.safetyHazard}`) }),
                onSite ? h('strong', { class: ['onsite-countdown', { overdue: Date.parse(onSite) < now.value }], 'data-testid': 'onsite-countdown' }, ` ${t('cases.detail.onSite')} ${countdownText(t, onSite, now.value)}`) : null,
                record.onSite ? h('span', { class: 'onsite-done' }, ` ${t('cases.detail.arrived', { time: formatTime(record.onSite.arrivedAt, language) })}`) : null,
              ])
            : null,
          record.escalation ? h(ElTag, { type: 'danger', size: 'small', effect: 'dark', disableTransitions: true }, () => t('cases.detail.escalated')) : null,
        ]),
        detail.fresh
          ? null
          : h(ElAlert, { type: 'warning', closable: false, showIcon: true, title: t('cases.detail.offline'), 'data-testid': 'detail-offline' }),
      ])
    }

    function placeSection(record: CaseRecord, language: Language) {
      const loc = place.value?.location
      return h('section', { class: 'panel-section' }, [
        h('div', { class: 'section-title' }, t('cases.detail.place')),
        h('dl', { class: 'fields' }, [
          row(t('cases.detail.address'), record.location.address || '—', 'detail-address'),
          row(t('lookup.grid'), record.location.gridId ? h('span', { class: 'grid-id' }, [h('span', { 'data-testid': 'detail-grid' }, record.location.gridId), h(ElTag, { class: `area-${record.areaClass}`, size: 'small', effect: 'dark', disableTransitions: true }, () => t(`areaClass.${record.areaClass}`))]) : t('lookup.outside')),
          row(t('lookup.community'), loc ? region(loc.community, language) : (record.location.communityCode ?? '—')),
          row(t('lookup.street'), loc ? region(loc.street, language) : (record.location.streetCode ?? '—')),
          row(t('lookup.district'), loc ? region(loc.district, language) : record.location.districtCode),
          row(t('lookup.point'), [
            h('span', { class: 'mono' }, formatLonLat([record.location.lon, record.location.lat])),
            h(ElButton, { link: true, size: 'small', 'data-testid': 'detail-locate', onClick: () => locate(record) }, () => t('cases.detail.locate')),
          ]),
        ]),
      ])
    }

    function categorySection(record: CaseRecord, language: Language) {
      const summary = store.state.detail!.summary
      const condition = category.value?.conditions.find((c) => c.id === record.conditionId)
      return h('section', { class: 'panel-section' }, [
        h('div', { class: 'section-title' }, t('cases.detail.category')),
        h('dl', { class: 'fields' }, [
          row(t('lookup.category'), `${language === 'en' ? summary.categoryNameEn || summary.categoryName : summary.categoryName} · ${record.categoryKey}`, 'detail-category'),
          row(t('cases.detail.condition'), condition ? (language === 'en' ? condition.textEn || condition.text : condition.text) : record.conditionId),
          row(t('cases.field.urgency'), t(`urgency.${record.urgency}`)),
          row(t('cases.detail.handleLimit'), limitText(t, record.handleLimit)),
          row(t('cases.detail.source'), sourceLabel(record.source, language)),
          row(t('cases.detail.description'), record.description || '—'),
        ]),
      ])
    }

    function unitSection(record: CaseRecord, language: Language) {
      return h('section', { class: 'panel-section' }, [
        h('div', { class: 'section-title' }, t('cases.detail.units')),
        h('dl', { class: 'fields' }, [
          row(t('cases.detail.assigned'), record.assignedUnitId ? store.unitName(record.assignedUnitId, language) : '—', 'detail-unit'),
          record.proposedUnitId && record.proposedUnitId !== record.assignedUnitId ? row(t('cases.detail.proposed'), store.unitName(record.proposedUnitId, language)) : null,
          record.subUnitId ? row(t('cases.field.subUnit'), store.unitName(record.subUnitId, language)) : null,
          record.previousUnitIds.length ? row(t('cases.detail.previous'), record.previousUnitIds.map((u) => store.unitName(u, language)).join('，')) : null,
          record.inspectorId ? row(t('cases.field.inspectorId'), h('span', { class: 'mono' }, record.inspectorId)) : null,
        ]),
        record.pending
          ? h('div', { class: 'pending-request', 'data-testid': 'detail-pending' }, [
              h('strong', t(`cases.pending.${record.pending.kind}`)),
              record.pending.duration ? ` · ${limitText(t, record.pending.duration)}` : '',
              h('div', record.pending.reason),
              h('small', { class: 'muted' }, `${record.pending.by} · ${formatTime(record.pending.at, language)}`),
            ])
          : null,
      ])
    }

    function stagesSection(record: CaseRecord, language: Language) {
      const stages = CASE_STAGES.filter((s) => record.stages[s])
      return h('section', { class: 'panel-section' }, [
        h('div', { class: 'section-title' }, t('cases.detail.stages')),
        stages.length
          ? h('table', { class: 'stage-table', 'data-testid': 'detail-stages' }, [
              h('thead', h('tr', [t('cases.detail.stage'), t('cases.detail.started'), t('cases.detail.deadline'), t('cases.detail.ended')].map((c) => h('th', c)))),
              h(
                'tbody',
                stages.map((s: CaseStage) => {
                  const c = record.stages[s]!
                  const running = !c.endedAt
                  const late = running ? Date.parse(c.deadline) < now.value : c.onTime === false
                  return h('tr', { key: s, class: { running, late }, 'data-stage': s }, [
                    h('td', { class: 'stage-name', title: limitText(t, c.limit) }, stageLabel(s, language)),
                    h('td', { class: 'mono' }, formatTime(c.startedAt, language).slice(5, 16)),
                    h('td', { class: 'mono' }, formatTime(c.deadline, language).slice(5, 16)),
                    h(
                      'td',
                      running
                        ? h('span', { class: ['case-deadline', late ? 'light-red' : ''] }, countdownText(t, c.deadline, now.value))
                        : [h('span', { class: 'mono' }, formatTime(c.endedAt!, language).slice(5, 16)), ' ', h('span', { class: c.onTime ? 'ok' : 'late' }, c.onTime ? t('cases.detail.onTime') : t('cases.detail.late'))],
                    ),
                  ])
                }),
              ),
            ])
          : h('p', { class: 'muted' }, t('cases.detail.noStages')),
      ])
    }

    function reporterSection(record: CaseRecord) {
      const r = record.reporter
      const contact = r.contact
      return h('section', { class: 'panel-section' }, [
        h('div', { class: 'section-title' }, t('cases.detail.reporter')),
        h('dl', { class: 'fields' }, [
          row(t('cases.field.reporterName'), r.name ?? '—'),
          row(
            t('cases.field.reporterContact'),
            contact
              ? [
                  h('span', { class: 'mono', 'data-testid': 'detail-contact' }, showContact.value ? contact : maskContact(contact)),
                  contact.includes('*')
                    ? null
                    : h(ElButton, { link: true, size: 'small', onClick: () => (showContact.value = !showContact.value) }, () => (showContact.value ? t('cases.detail.hide') : t('cases.detail.show'))),
                ]
              : '—',
          ),
          row(t('cases.detail.reportedBy'), h('span', { class: 'mono' }, r.id)),
          row(t('cases.detail.created'), formatTime(record.createdAt, locale.value as Language)),
        ]),
      ])
    }

    function componentSection(language: Language) {
      const c = component.value
      if (!c) return null
      return h('section', { class: 'panel-section', 'data-testid': 'detail-component' }, [
        h('div', { class: 'section-title' }, t('lookup.component')),
        h('dl', { class: 'fields' }, [
          row(t('lookup.componentId'), h('span', { class: 'mono' }, c.id)),
          row(t('lookup.componentName'), c.name),
          row(t('lookup.status'), t(`componentStatus.${c.status}`)),
          row(t('lookup.owner'), c.ownerUnit ? pickName(c.ownerUnit, language) : '—'),
          row(t('lookup.maintainer'), c.maintainerUnit ? pickName(c.maintainerUnit, language) : '—'),
        ]),
      ])
    }

    function photosSection(record: CaseRecord) {
      const ids = photoIds(record, store.state.detail!.events)
      if (!ids.length) return null
      const urls = ids.map((id) => photos.value[id]).filter((u): u is string => Boolean(u))
      return h('section', { class: 'panel-section' }, [
        h('div', { class: 'section-title' }, t('cases.detail.photos', { n: ids.length })),
        h(
          'div',
          { class: 'photo-strip', 'data-testid': 'detail-photos' },
          ids.map((id) => {
            const url = photos.value[id]
            return url
              ? h(ElImage, {
                  key: id,
                  src: url,
                  fit: 'cover',
                  class: ['photo-thumb', record.afterPhotoIds.includes(id) ? 'after' : 'before'],
                  previewSrcList: urls,
                  initialIndex: urls.indexOf(url),
                  previewTeleported: true,
                  title: record.afterPhotoIds.includes(id) ? t('cases.detail.after') : t('cases.detail.before'),
                })
              : h('div', { key: id, class: 'photo-thumb loading' }, store.state.detail!.fresh ? '…' : t('cases.detail.photoOffline'))
          }),
        ),
      ])
    }

    function payloadText(e: CaseEventView, language: Language): string {
      const parts: string[] = []
      for (const key of PAYLOAD_FIELDS) {
        const v = e.payload[key]
        if (v === undefined || v === null || v === '') continue
        let text: string
        if (key === 'unitId' || key === 'subUnitId') text = store.unitName(String(v), language)
        else if (key === 'duration' && typeof v === 'object') text = limitText(t, v as never)
        else if (key === 'outcome' || key === 'decision') text = actionOutcome(String(v), language)
        else if (key === 'source') text = sourceLabel(v as never, language)
        else text = typeof v === 'object' ? JSON.stringify(v) : String(v)
        parts.push(`${t(`cases.field.${key}`)}：${text}`)
      }
      return parts.join('；')
    }

    function actionOutcome(v: string, language: Language): string {
      if ((CHECK_OUTCOMES as readonly string[]).includes(v)) return outcomeLabel(v as CheckOutcome, language)
      if ((ARBITRATE_DECISIONS as readonly string[]).includes(v)) return decisionLabel(v as ArbitrateDecision, language)
      return v
    }

    function locate(record: CaseRecord): void {
      ws.map.value?.flyTo([record.location.lon, record.location.lat], 17)
      store.layers.value?.flash(record.id)
    }

    function timeline(language: Language) {
      const events = store.state.detail!.events
      return h('section', { class: 'panel-section' }, [
        h('div', { class: 'section-title' }, t('cases.detail.timeline')),
        events === null
          ? h('p', { class: 'muted', 'data-testid': 'timeline-offline' }, t('cases.detail.timelineOffline'))
          : h(ElTimeline, { class: 'case-timeline', 'data-testid': 'detail-timeline' }, () =>
              [...events].reverse().map((e) =>
                h(
                  ElTimelineItem,
                  { key: e.seq, timestamp: formatTime(e.at, language), placement: 'top', type: e.type === 'create' ? 'primary' : 'info', 'data-type': e.type },
                  () => [
                    h('div', { class: 'event-line' }, [
                      h('strong', actionLabel(e.type as never, language, t)),
                      h('span', { class: 'muted' }, ` · ${roleLabel(e.role, language)} `),
                      h('span', { class: 'mono small' }, e.actorId),
                    ]),
                    h('div', { class: 'event-transition' }, `${anyStatusLabel(e.from, language)} → ${anyStatusLabel(e.to, language)}`),
                    payloadText(e, language) ? h('div', { class: 'event-note' }, payloadText(e, language)) : null,
                  ],
                ),
              ),
            ),
      ])
    }

    function commandsSection(record: CaseRecord) {
      const live = store.state.outbox?.entries.filter((e: OutboxEntry) => entryCaseId(e) === record.id) ?? store.state.detail!.commands
      const shown = live.filter((e) => e.state !== 'applied' || entryAction(e) !== 'create')
      if (!shown.length) return null
      return h('section', { class: 'panel-section', 'data-testid': 'detail-commands' }, [
        h('div', { class: 'section-title' }, t('cases.detail.commands')),
        ...shown.map((e) => h(OutboxEntryView, { key: e.clientId, entry: e, compact: true })),
      ])
    }

    return () => {
      const state = store.state
      const detail = state.detail
      const language = locale.value as Language
      return h('aside', { class: 'case-detail', 'data-testid': 'case-detail', 'data-status': state.detailStatus, 'data-case-id': state.selectedId ?? '' }, [
        h('div', { class: 'panel-head' }, [
          h('span', { class: 'panel-title' }, t('cases.detail.title')),
          h('span', { class: 'panel-head-tools' }, [
            h(ElTooltip, { content: t('cases.detail.refresh'), placement: 'bottom' }, () =>
              h(ElButton, { link: true, 'data-testid': 'detail-refresh', onClick: () => void store.refreshDetail() }, () => '⟳'),
            ),
            h(ElButton, { link: true, class: 'panel-close', 'aria-label': t('lookup.close'), 'data-testid': 'detail-close', onClick: () => emit('close') }, () => '✕'),
          ]),
        ]),
        h('div', { class: 'panel-scroll' }, [
          state.detailStatus === 'loading' && !detail ? h(ElSkeleton, { rows: 8, animated: true }) : null,
          state.detailStatus === 'error' ? h('div', { class: 'panel-error' }, t('app.error', { message: state.detailError ?? '' })) : null,
          detail
            ? [
                header(detail.record, language),
                h('section', { class: 'panel-section' }, [h(CaseActionBar, { detail, key: `${detail.record.id}:${detail.record.version}` })]),
                commandsSection(detail.record),
                placeSection(detail.record, language),
                categorySection(detail.record, language),
                unitSection(detail.record, language),
                stagesSection(detail.record, language),
                reporterSection(detail.record),
                componentSection(language),
                photosSection(detail.record),
                timeline(language),
              ]
            : null,
        ]),
      ])
    }
  },
})

function photoIds(record: CaseRecord, events: readonly CaseEventView[] | null): string[] {
  const ids = new Set<string>([...record.beforePhotoIds, ...record.afterPhotoIds])
  if (record.onSite?.photoId) ids.add(record.onSite.photoId)
  for (const e of events ?? []) for (const id of e.photoIds) ids.add(id)
  return [...ids]
}
