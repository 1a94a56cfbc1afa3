/**
 * @module renderer/cases/map/countdown
 * 到场倒计时 — the live label of a 第9条 safety hazard not yet reported on site: "到场 01:23:45" while time
 * remains, "超时 00:12:03" once the deadline has passed. Pure: the caller passes `now`.
 */

/** A countdown as shown: the text, and whether the deadline has passed (drawn red). */
export interface Countdown {
  readonly text: string
  readonly overdue: boolean
}

/** `ms` as H:MM:SS with at least two hour digits ("01:23:45", "123:04:05"); negative values count as their size. */
export function formatDuration(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`
}

/**
 * The label of a deadline at `now` (epoch ms): `due` + time left, or `overdue` + time past. The deadline
 * instant itself is overdue (00:00:00 shows once, red), so the label never says "到场 00:00:00".
 */
export function formatCountdown(deadline: number, now: number, words: { readonly due: string; readonly overdue: string }): Countdown {
  const left = deadline - now
  // Whole seconds left, rounded up: 0.4 s left still shows 00:00:01, so the label turns red exactly at the deadline.
  if (left > 0) return { text: `${words.due} ${formatDuration(Math.ceil(left / 1000) * 1000)}`, overdue: false }
  return { text: `${words.overdue} ${formatDuration(-left)}`, overdue: true }
}
