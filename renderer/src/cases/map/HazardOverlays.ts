/**
 * @module renderer/cases/map/HazardOverlays
 * 安全隐患标注 — HTML overlays on the 第9条 safety hazards in view still waiting for someone on site: a pulsing
 * ring (a CSS animation, so the map is not redrawn for it) and the live 到场 countdown, red once overdue,
 * ticking every second. Only the most urgent few dozen in view get one, and a label that would cover another
 * is left out; the map draws every hazard as a diamond anyway. Elements are pooled: a pan reuses them.
 */
import Overlay from 'ol/Overlay.js'
import type OlMap from 'ol/Map.js'
import type { Coordinate } from 'ol/coordinate.js'
import { formatCountdown } from './countdown.js'

/** One hazard to mark. */
export interface HazardMark {
  readonly id: string
  readonly coordinate: Coordinate
  /** 到场 deadline, epoch ms; 0 when there is none to count down to. */
  readonly deadline: number
}

interface Slot {
  readonly overlay: Overlay
  readonly element: HTMLElement
  readonly label: HTMLElement
  id: string
  deadline: number
}

/** Options of {@link HazardOverlays}. */
export interface HazardOverlaysOptions {
  readonly map: OlMap
  readonly onSelect: (id: string) => void
  /** Most overlays at once. Default 60. */
  readonly limit?: number
  /** The clock (tests); default Date.now. */
  readonly now?: () => number
}

/** Keeps the hazard overlays of the view. */
export class HazardOverlays {
  private readonly map_: OlMap
  private readonly onSelect_: (id: string) => void
  private readonly limit_: number
  private readonly now_: () => number
  private readonly slots_: Slot[] = []
  private used_ = 0
  private words_ = { due: '到场', overdue: '超时' }
  private timer_: ReturnType<typeof setInterval> | undefined

  constructor(options: HazardOverlaysOptions) {
    this.map_ = options.map
    this.onSelect_ = options.onSelect
    this.limit_ = options.limit ?? 60
    this.now_ = options.now ?? Date.now
  }

  /** The words before the time ("到场" / "超时"); the labels switch at once. */
  setWords(words: { readonly due: string; readonly overdue: string }): void {
    this.words_ = { ...words }
    this.tick_()
  }

  /** Overlays shown now (tests). */
  get shown(): number {
    return this.used_
  }

  /**
   * Marks `marks` (the hazards in view): those with a deadline first, soonest (most overdue) first, up to
   * the limit.
   */
  show(marks: readonly HazardMark[]): void {
    const chosen = [...marks]
      .sort((a, b) => (a.deadline ? a.deadline : Infinity) - (b.deadline ? b.deadline : Infinity))
      .slice(0, this.limit_)
    chosen.forEach((mark, k) => {
      const slot = this.slots_[k] ?? this.newSlot_()
      slot.id = mark.id
      slot.deadline = mark.deadline
      slot.element.dataset.caseId = mark.id
      slot.overlay.setPosition(mark.coordinate)
    })
    for (let k = chosen.length; k < this.used_; k++) this.slots_[k]!.overlay.setPosition(undefined)
    this.used_ = chosen.length
    this.tick_()
    // Labels never cover each other: the most urgent keep theirs, one that would overlap a label already
    // placed is left out (its pulse stays). Placed again after each move.
    const placed: Box[] = []
    chosen.forEach((mark, k) => {
      const slot = this.slots_[k]!
      const pixel = mark.deadline ? this.map_.getPixelFromCoordinate(mark.coordinate) : null
      const box = pixel ? labelBox(pixel[0]!, pixel[1]!, slot.label.textContent ?? '') : null
      const free = box !== null && !placed.some((other) => overlaps(box, other))
      if (free) placed.push(box)
      slot.label.hidden = !free
    })
    const counting = chosen.some((m) => m.deadline > 0)
    if (counting && !this.timer_) this.startTimer_()
    if (!counting && this.timer_) this.stopTimer_()
  }

  /** Removes every overlay from view. */
  clear(): void {
    this.show([])
  }

  dispose(): void {
    this.stopTimer_()
    for (const slot of this.slots_) this.map_.removeOverlay(slot.overlay)
    this.slots_.length = 0
    this.used_ = 0
  }

  private newSlot_(): Slot {
    const element = document.createElement('div')
    element.className = 'case-hazard'
    const pulse = document.createElement('span')
    pulse.className = 'case-hazard-pulse'
    const label = document.createElement('span')
    label.className = 'case-hazard-label'
    element.append(pulse, label)
    const overlay = new Overlay({ element, positioning: 'center-center', stopEvent: true, className: 'case-hazard-overlay' })
    const slot: Slot = { overlay, element, label, id: '', deadline: 0 }
    label.addEventListener('click', (event) => {
      event.stopPropagation()
      if (slot.id) this.onSelect_(slot.id)
    })
    this.map_.addOverlay(overlay)
    this.slots_.push(slot)
    return slot
  }

  // Ticks on the second, so every label changes together and in step with the clock.
  private startTimer_(): void {
    const align = 1000 - (this.now_() % 1000)
    this.timer_ = setTimeout(() => {
      this.tick_()
      this.timer_ = setInterval(() => this.tick_(), 1000)
    }, align) as unknown as ReturnType<typeof setInterval>
  }

  private stopTimer_(): void {
    clearTimeout(this.timer_)
    clearInterval(this.timer_)
    this.timer_ = undefined
  }

  private tick_(): void {
    const now = this.now_()
    for (let k = 0; k < this.used_; k++) {
      const slot = this.slots_[k]!
      if (!slot.deadline) continue
      const countdown = formatCountdown(slot.deadline, now, this.words_)
      if (slot.label.textContent !== countdown.text) slot.label.textContent = countdown.text
      slot.label.classList.toggle('overdue', countdown.overdue)
    }
  }
}

type Box = readonly [number, number, number, number]

// The label's rectangle on screen (CSS: centred under the point, 13 px down, 11 px type): CJK characters
// about 11 px wide, the rest about 6.5 px, plus padding and border.
function labelBox(x: number, y: number, text: string): Box {
  let width = 12
  for (const ch of text) width += ch.charCodeAt(0) > 0x2e80 ? 11 : 6.5
  return [x - width / 2, y + 12, x + width / 2, y + 32]
}

function overlaps(a: Box, b: Box): boolean {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}
