/**
 * @module renderer/ui/CoordinateConverter
 * 坐标转换 — converts coordinates pasted from consumer maps (GCJ-02, BD-09) to CGCS2000 and back, line by
 * line, shows how far each moved, and looks any converted point up on the map.
 */
import { computed, defineComponent, h, inject, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElButton, ElDialog, ElInput, ElOption, ElSelect } from 'element-plus'
import { SOURCE_CRSES, type SourceCrs } from '../../../core/geo/china-crs.js'
import { convertLonLat, distanceMeters, parseCoordinateLines } from '../lookup/coordinates.js'
import { WORKSTATION } from './workstation.js'

export const CoordinateConverter = defineComponent({
  name: 'CoordinateConverter',
  setup() {
    const ws = inject(WORKSTATION)!
    const { t } = useI18n()
    const from = ref<SourceCrs>('GCJ02')
    const to = ref<SourceCrs>('CGCS2000')
    const text = ref('')

    const rows = computed(() =>
      parseCoordinateLines(text.value).map((p) => {
        if (!p.ok) return p
        const out = convertLonLat(p.lon, p.lat, from.value, to.value)
        const cgcs = convertLonLat(p.lon, p.lat, from.value, 'CGCS2000')
        return { ...p, out, cgcs, offset: distanceMeters([p.lon, p.lat], out) }
      }),
    )

    const crsSelect = (model: typeof from, testid: string) =>
      h(
        ElSelect,
        { modelValue: model.value, 'data-testid': testid, class: 'crs-select', 'onUpdate:modelValue': (v: SourceCrs) => (model.value = v) },
        () => SOURCE_CRSES.map((c) => h(ElOption, { key: c, value: c, label: t(`converter.crs.${c}`) })),
      )

    async function copyAll(): Promise<void> {
      const lines = rows.value.filter((r) => r.ok).map((r) => ('out' in r ? `${r.out[0].toFixed(7)},${r.out[1].toFixed(7)}` : ''))
      try {
        await navigator.clipboard.writeText(lines.join('\n'))
        ws.notify('info', t('lookup.copied'))
      } catch {
        // Clipboard refused; the results stay selectable in the table.
      }
    }

    return () =>
      h(
        ElDialog,
        {
          modelValue: ws.state.converterOpen,
          'onUpdate:modelValue': (open: boolean) => (ws.state.converterOpen = open),
          title: t('converter.title'),
          width: '720px',
          class: 'converter-dialog',
          appendToBody: true,
        },
        () => [
          h('p', { class: 'muted converter-intro' }, t('converter.intro')),
          h('div', { class: 'converter-crs' }, [
            h('label', t('converter.from')),
            crsSelect(from, 'converter-from'),
            h(
              ElButton,
              {
                onClick: () => {
                  const f = from.value
                  from.value = to.value
                  to.value = f
                },
              },
              () => `⇄ ${t('converter.swap')}`,
            ),
            h('label', t('converter.to')),
            crsSelect(to, 'converter-to'),
          ]),
          h(ElInput, {
            type: 'textarea',
            rows: 4,
            modelValue: text.value,
            'onUpdate:modelValue': (v: string) => (text.value = v),
            placeholder: t('converter.inputPlaceholder'),
            'data-testid': 'converter-input',
            class: 'mono',
          }),
          rows.value.length
            ? h('table', { class: 'converter-table', 'data-testid': 'converter-result' }, [
                h('thead', h('tr', [t('converter.line'), t('converter.source'), t('converter.target'), t('converter.offset'), ''].map((c) => h('th', c)))),
                h(
                  'tbody',
                  rows.value.map((r) =>
                    h('tr', { key: r.line, class: r.ok ? '' : 'invalid' }, [
                      h('td', String(r.line)),
                      h('td', { class: 'mono' }, r.text),
                      'out' in r
                        ? h('td', { class: 'mono converted' }, `${r.out[0].toFixed(7)}, ${r.out[1].toFixed(7)}`)
                        : h('td', { class: 'muted' }, `${t('converter.invalid')}${r.ok ? '' : `: ${r.problem}`}`),
                      h('td', { class: 'mono' }, 'offset' in r ? t('converter.meters', { n: r.offset.toFixed(1) }) : ''),
                      h(
                        'td',
                        'cgcs' in r
                          ? h(
                              ElButton,
                              {
                                link: true,
                                type: 'primary',
                                onClick: () => {
                                  ws.state.converterOpen = false
                                  ws.map.value?.flyTo(r.cgcs, 17)
                                  void ws.pick(r.cgcs, 'converter')
                                },
                              },
                              () => t('converter.show'),
                            )
                          : '',
                      ),
                    ]),
                  ),
                ),
              ])
            : null,
          rows.value.some((r) => r.ok) ? h(ElButton, { class: 'copy-all', onClick: () => void copyAll() }, () => t('converter.copyAll')) : null,
        ],
      )
  },
})
