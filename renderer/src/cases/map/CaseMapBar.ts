/**
 * @module renderer/cases/map/CaseMapBar
 * 案件图层工具条 — placed over the map by the app: the mode (案件点位 / 热力图 / 高发网格), box selection, and the
 * time playback over the cases' createdAt span — a day or a week per step, play / pause, a slider over the
 * frames, cumulative (everything since the start) or a sliding window (the step's own days) — plus what is
 * shown. It drives a {@link CaseLayers} and emits nothing; unmounting it ends the playback.
 */
import { computed, defineComponent, h, onBeforeUnmount, ref, watch, type PropType } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElButton, ElRadioButton, ElRadioGroup, ElSlider, ElSwitch, ElTooltip } from 'element-plus'
import type { CaseLayers, CaseMapMode } from './CaseLayers.js'
import { DAY, frameAt, frameWindow, playbackFrames, type PlaybackStep } from './playback.js'

const MODES: readonly CaseMapMode[] = ['points', 'heatmap', 'grids']
/** Milliseconds per playback frame while playing. */
const PLAY_INTERVAL_MS = 900

export const CaseMapBar = defineComponent({
  name: 'CaseMapBar',
  props: {
    layers: { type: Object as PropType<CaseLayers>, required: true },
  },
  setup(props) {
    const { t, locale } = useI18n()
    // The layers are a plain class: a counter bumped on each of their changes makes the bar re-render.
    const version = ref(0)
    let unsubscribe = props.layers.subscribe(() => version.value++)
    watch(
      () => props.layers,
      (layers) => {
        unsubscribe()
        unsubscribe = layers.subscribe(() => version.value++)
        version.value++
      },
    )

    const enabled = ref(false)
    const playing = ref(false)
    const step = ref<PlaybackStep>('day')
    const cumulative = ref(false)
    const index = ref(0)
    let timer: ReturnType<typeof setInterval> | undefined

    const span = computed(() => {
      void version.value
      return props.layers.span
    })
    const frames = computed(() => playbackFrames(span.value, step.value))
    const playbackWindow = computed(() => (enabled.value ? frameWindow(frames.value, index.value, step.value, cumulative.value) : null))
    watch(playbackWindow, (w) => props.layers.setPlayback(w))
    // New data can shorten the span: keep the frame inside it.
    watch(frames, (f) => {
      if (index.value > f.ends.length - 1) index.value = Math.max(0, f.ends.length - 1)
    })

    const dateFormat = computed(() => new Intl.DateTimeFormat(locale.value, { year: 'numeric', month: '2-digit', day: '2-digit' }))
    const day = (t0: number) => dateFormat.value.format(new Date(t0))
    // A window ends at a midnight (exclusive): its last day is the one before.
    const rangeText = (w: { from: number; to: number }) => t('caseMap.bar.range', { from: day(w.from), to: day(w.to - DAY / 2) })

    function stop(): void {
      playing.value = false
      clearInterval(timer)
      timer = undefined
    }
    function play(): void {
      if (!frames.value.ends.length) return
      enabled.value = true
      if (index.value >= frames.value.ends.length - 1) index.value = 0
      playing.value = true
      timer = setInterval(() => {
        if (index.value >= frames.value.ends.length - 1) stop()
        else index.value++
      }, PLAY_INTERVAL_MS)
    }
    function setEnabled(on: boolean): void {
      enabled.value = on
      if (on) index.value = Math.max(0, frames.value.ends.length - 1)
      else stop()
    }
    function setStep(next: PlaybackStep): void {
      // Stay on the same days: the frame of the new step that holds the current frame's last day.
      const end = frames.value.ends[index.value]
      step.value = next
      if (end !== undefined) index.value = frameAt(frames.value, end - DAY / 2)
    }

    onBeforeUnmount(() => {
      stop()
      unsubscribe()
      props.layers.setPlayback(null)
    })

    return () => {
      void version.value
      const layers = props.layers
      const info = layers.info
      const f = frames.value
      const w = playbackWindow.value
      const hasData = f.ends.length > 0
      return h('div', { class: 'case-map-bar', 'data-testid': 'case-map-bar' }, [
        h(
          ElRadioGroup,
          {
            size: 'small',
            modelValue: layers.mode,
            'data-testid': 'case-map-mode',
            'onUpdate:modelValue': (mode: string | number | boolean | undefined) => layers.setMode(mode as CaseMapMode),
          },
          () => MODES.map((mode) => h(ElRadioButton, { key: mode, value: mode, 'data-mode': mode }, () => t(`caseMap.mode.${mode}`))),
        ),
        h(ElTooltip, { content: t('caseMap.bar.boxHint'), placement: 'bottom' }, () =>
          h(
            ElButton,
            {
              size: 'small',
              type: layers.boxMode ? 'primary' : 'default',
              plain: !layers.boxMode,
              'data-testid': 'case-box-mode',
              onClick: () => layers.setBoxMode(!layers.boxMode),
            },
            () => t('caseMap.bar.box'),
          ),
        ),
        layers.box ? h(ElButton, { size: 'small', link: true, 'data-testid': 'case-box-clear', onClick: () => layers.clearBox() }, () => t('caseMap.bar.clearBox')) : null,
        h('div', { class: 'case-map-bar-playback' }, [
          h(ElSwitch, {
            size: 'small',
            modelValue: enabled.value,
            disabled: !hasData,
            activeText: t('caseMap.bar.playback'),
            'data-testid': 'case-playback',
            'onUpdate:modelValue': (on: string | number | boolean) => setEnabled(on === true),
          }),
          enabled.value
            ? [
                h(
                  ElRadioGroup,
                  { size: 'small', modelValue: step.value, 'onUpdate:modelValue': (s: string | number | boolean | undefined) => setStep(s as PlaybackStep) },
                  () => (['day', 'week'] as const).map((s) => h(ElRadioButton, { key: s, value: s }, () => t(`caseMap.bar.${s}`))),
                ),
                h(
                  ElButton,
                  { size: 'small', type: 'primary', plain: !playing.value, 'data-testid': 'case-play', onClick: () => (playing.value ? stop() : play()) },
                  () => (playing.value ? t('caseMap.bar.pause') : t('caseMap.bar.play')),
                ),
                h('div', { class: 'case-map-bar-slider' }, [
                  h(ElSlider, {
                    size: 'small',
                    min: 0,
                    max: Math.max(0, f.ends.length - 1),
                    step: 1,
                    modelValue: index.value,
                    showTooltip: true,
                    formatTooltip: (k: number) => {
                      const fw = frameWindow(f, k, step.value, cumulative.value)
                      return fw ? rangeText(fw) : ''
                    },
                    'onUpdate:modelValue': (k: number | number[]) => {
                      index.value = Array.isArray(k) ? k[0]! : k
                    },
                  }),
                ]),
                h(ElSwitch, {
                  size: 'small',
                  modelValue: cumulative.value,
                  activeText: t('caseMap.bar.cumulative'),
                  inactiveText: t('caseMap.bar.sliding'),
                  'onUpdate:modelValue': (on: string | number | boolean) => (cumulative.value = on === true),
                }),
                w ? h('span', { class: 'case-map-bar-range', 'data-testid': 'case-playback-range' }, rangeText(w)) : null,
              ]
            : null,
        ]),
        h('span', { class: 'case-map-bar-info', 'data-testid': 'case-map-info' }, [
          hasData || info.total ? t('caseMap.bar.shown', { shown: info.shown.toLocaleString(locale.value), total: info.total.toLocaleString(locale.value) }) : t('caseMap.bar.noData'),
          info.hazards ? h('span', { class: 'hazards' }, t('caseMap.bar.hazards', { count: info.hazards })) : null,
        ]),
      ])
    }
  },
})
