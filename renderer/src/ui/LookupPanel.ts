/**
 * @module renderer/ui/LookupPanel
 * 责任查询面板 — the side panel of a lookup: the point, its unit grid (id, area class) and community /
 * street / district, the component when one was picked, and the category picker with the responsible unit
 * and time limits. All of it answers offline from main/'s local store.
 */
import { defineComponent, h, inject } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElButton, ElSkeleton, ElTag } from 'element-plus'
import type { ComponentDetail, Language, Location, RegionRef } from '../../../electron/contract.js'
import type { ComponentDataSource } from '../../../core/component/types.js'
import { DATA_SOURCE_KEYS, pickName } from '../i18n/index.js'
import { CategoryPicker } from './CategoryPicker.js'
import { ResponsibilityView } from './ResponsibilityView.js'
import { formatCount, formatLonLat } from './format.js'
import { WORKSTATION } from './workstation.js'

export const LookupPanel = defineComponent({
  name: 'LookupPanel',
  setup() {
    const ws = inject(WORKSTATION)!
    const { t, locale } = useI18n()

    const row = (label: string, value: ReturnType<typeof h> | string, testid?: string) =>
      h('div', { class: 'field' }, [h('dt', label), h('dd', testid ? { 'data-testid': testid } : {}, [value])])

    const region = (r: RegionRef | null, testid: string) =>
      r ? h('span', { 'data-testid': testid, 'data-code': r.code }, [pickName(r, locale.value as Language), h('small', { class: 'code' }, r.code)]) : t('lookup.none')

    function place(location: Location) {
      const grid = location.grid
      const detail = ws.state.lookup.grid
      return h('dl', { class: 'fields place' }, [
        row(
          t('lookup.grid'),
          grid
            ? h('span', { class: 'grid-id' }, [
                h('span', { 'data-testid': 'grid-id' }, grid.id),
                h(ElTag, { class: `area-${grid.areaClass}`, size: 'small', effect: 'dark', disableTransitions: true, 'data-testid': 'area-class' }, () => t(`areaClass.${grid.areaClass}`)),
              ])
            : h('span', { class: 'muted' }, location.district ? t('lookup.outside') : t('lookup.outsideCity')),
        ),
        row(t('lookup.community'), region(location.community, 'community')),
        row(t('lookup.street'), region(location.street, 'street')),
        row(t('lookup.district'), region(location.district, 'district')),
        detail ? row(t('lookup.componentsInGrid'), formatCount(detail.componentCount, locale.value as Language)) : null,
      ])
    }

    function component(c: ComponentDetail) {
      const language = locale.value as Language
      const category = c.categoryName ? pickName({ name: c.categoryName, nameEn: c.categoryNameEn ?? c.categoryName }, language) : c.category
      return h('section', { class: 'panel-section component', 'data-testid': 'component' }, [
        h('div', { class: 'section-title' }, t('lookup.component')),
        h('dl', { class: 'fields' }, [
          row(t('lookup.componentId'), h('span', { class: 'mono' }, c.id), 'component-id'),
          row(t('lookup.componentName'), c.name),
          row(t('lookup.category'), `${category} · ${c.category}`),
          row(t('lookup.status'), h(ElTag, { class: `status-${c.status}`, size: 'small', effect: 'dark', disableTransitions: true }, () => t(`componentStatus.${c.status}`))),
          row(t('lookup.owner'), c.ownerUnit ? pickName(c.ownerUnit, language) : t('lookup.none')),
          row(t('lookup.maintainer'), c.maintainerUnit ? pickName(c.maintainerUnit, language) : t('lookup.none')),
          row(t('lookup.initialDate'), c.initialDate),
          row(t('lookup.dataSource'), c.dataSource in DATA_SOURCE_KEYS ? t(`dataSource.${DATA_SOURCE_KEYS[c.dataSource as ComponentDataSource]}`) : c.dataSource),
        ]),
      ])
    }

    async function copyPoint(text: string): Promise<void> {
      try {
        await navigator.clipboard.writeText(text)
        ws.notify('info', t('lookup.copied'))
      } catch {
        // Clipboard access can be refused (no focus, policy); the text stays selectable in the panel.
      }
    }

    return () => {
      const lookup = ws.state.lookup
      const point = lookup.point
      return h('aside', { class: 'lookup-panel', 'data-testid': 'lookup-panel', 'data-status': lookup.status }, [
        h('div', { class: 'panel-head' }, [
          h('span', { class: 'panel-title' }, t('lookup.title')),
          h(ElButton, { link: true, class: 'panel-close', 'aria-label': t('lookup.close'), onClick: () => ws.closePanel() }, () => '✕'),
        ]),
        h('div', { class: 'panel-scroll' }, [
          point
            ? h('section', { class: 'panel-section point' }, [
                h('div', { class: 'section-title' }, t('lookup.point')),
                h('div', { class: 'point-row' }, [
                  h('span', { class: 'mono', 'data-testid': 'point' }, formatLonLat(point)),
                  h(ElButton, { link: true, onClick: () => void copyPoint(formatLonLat(point)) }, () => t('lookup.copy')),
                ]),
              ])
            : null,
          lookup.status === 'loading' && !lookup.location ? h(ElSkeleton, { rows: 4, animated: true }) : null,
          lookup.status === 'error' ? h('div', { class: 'panel-error' }, t('app.error', { message: lookup.error ?? '' })) : null,
          lookup.location ? h('section', { class: 'panel-section' }, [place(lookup.location)]) : null,
          lookup.component ? component(lookup.component) : null,
          h('section', { class: 'panel-section category' }, [
            h('div', { class: 'section-title' }, t('picker.title')),
            h(CategoryPicker),
            lookup.responsibility && lookup.category
              ? h(ResponsibilityView, { value: lookup.responsibility })
              : lookup.responsibilityStatus === 'loading'
                ? h(ElSkeleton, { rows: 3, animated: true })
                : h('p', { class: 'muted picker-empty' }, t('picker.empty')),
          ]),
        ]),
      ])
    }
  },
})
