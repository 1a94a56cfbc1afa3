/**
 * @module renderer/ui/ResponsibilityView
 * 责任单位与时限 — who handles the chosen category at the point and why (a routing rule, the category's
 * default unit type, or the 快速处置队 fallback), with each filing condition's disposal time limit for the
 * grid's area class and the 2-hour on-site limit of the four safety hazards (泰州办法 第9条).
 */
import { defineComponent, h, type PropType } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElTag } from 'element-plus'
import type { AreaClass } from '../../../core/catalog/types.js'
import type { ConditionLimit, Language, Responsibility } from '../../../electron/contract.js'
import { pickName } from '../i18n/index.js'
import { formatLimit } from './format.js'

export const ResponsibilityView = defineComponent({
  name: 'ResponsibilityView',
  props: { value: { type: Object as PropType<Responsibility>, required: true } },
  setup(props) {
    const { t, locale } = useI18n()

    function basisText(r: Responsibility): string {
      switch (r.basis.kind) {
        case 'rule':
          return t('responsibility.basisRule', { rule: r.basis.ruleId })
        case 'default-type':
          return t('responsibility.basisDefault', { type: t(`unitType.${r.basis.unitType}`) })
        case 'fallback':
          return t('responsibility.basisFallback')
      }
    }

    function condition(c: ConditionLimit, area: AreaClass | null, language: Language) {
      const tags = [
        h(ElTag, { type: c.urgency === 'urgent' ? 'danger' : 'info', effect: 'dark', size: 'small', disableTransitions: true }, () => t(`urgency.${c.urgency}`)),
        c.safetyHazard
          ? h(ElTag, { type: 'warning', effect: 'dark', size: 'small', disableTransitions: true, 'data-testid': 'safety-hazard' }, () =>
              t('responsibility.safetyHazard', { hazard: t(`hazard.${c.safetyHazard}`) }),
            )
          : null,
        c.onSiteLimit
          ? h(ElTag, { type: 'danger', effect: 'plain', size: 'small', disableTransitions: true, 'data-testid': 'on-site' }, () =>
              t('responsibility.onSite', { limit: formatLimit(t, c.onSiteLimit!) }),
            )
          : null,
      ]
      return h('li', { class: 'condition', key: c.id }, [
        h('div', { class: 'condition-tags' }, tags),
        h('div', { class: 'condition-text' }, language === 'en' ? c.textEn || c.text : c.text),
        h('div', { class: 'condition-limit' }, [
          c.limit && area
            ? [
                h('span', { class: 'limit-label' }, t('responsibility.limitHere', { area: t(`areaClass.${area}`) })),
                h('strong', { class: 'limit-value', 'data-testid': 'limit-here' }, formatLimit(t, c.limit)),
              ]
            : h('span', { class: 'limit-label' }, t('responsibility.limitOutside')),
          h(
            'span',
            { class: 'limit-all' },
            t('responsibility.limitsAll', { a: formatLimit(t, c.limits.A), b: formatLimit(t, c.limits.B), c: formatLimit(t, c.limits.C) }),
          ),
        ]),
        h('div', { class: 'condition-closing' }, [h('span', { class: 'limit-label' }, t('responsibility.closing')), ' ', c.closing]),
      ])
    }

    return () => {
      const r = props.value
      const language = locale.value as Language
      const area = r.location.grid?.areaClass ?? null
      return h('div', { class: 'responsibility', 'data-testid': 'responsibility' }, [
        h('div', { class: ['unit-card', `basis-${r.basis.kind}`] }, [
          h('div', { class: 'unit-label' }, t('responsibility.unit')),
          h('div', { class: 'unit-name', 'data-testid': 'unit-name', 'data-unit-id': r.unit.id }, pickName(r.unit, language)),
          h('div', { class: 'unit-meta' }, [
            h('span', t(`unitType.${r.unit.type}`)),
            r.unit.phone ? h('span', { class: 'unit-phone' }, `${t('responsibility.phone')} ${r.unit.phone}`) : null,
          ]),
          h('div', { class: 'unit-basis', 'data-testid': 'basis', 'data-basis': r.basis.kind }, [
            h('span', { class: 'limit-label' }, t('responsibility.basis')),
            ' ',
            basisText(r),
          ]),
        ]),
        h('div', { class: 'section-title' }, t('responsibility.conditions')),
        h('ol', { class: 'conditions' }, r.conditions.map((c) => condition(c, area, language))),
      ])
    }
  },
})
