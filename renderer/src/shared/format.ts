/**
 * @module renderer/shared/format
 * Small display helpers shared by the features: time limits, dates, coordinates.
 */
import type { Language, TimeLimitValue } from '../../../contracts/bridge/index.js'

type Translate = (key: string, values?: Record<string, unknown>) => string

/** '2 工作时' / '2 working h'. */
export function formatLimit(t: Translate, limit: TimeLimitValue): string {
  return t(`timeUnit.${limit.unit}`, { n: limit.amount })
}

/** An ISO time as the operator's local 'YYYY-MM-DD HH:mm:ss'. */
export function formatTime(iso: string, language: Language): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(language === 'en' ? 'en-CA' : 'zh-CN', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  })
    .format(date)
    .replace(/\//g, '-')
    .replace(',', '')
}

/** CGCS2000 lon/lat with six decimals (≈ 0.1 m). */
export function formatLonLat(point: readonly [number, number]): string {
  return `${point[0].toFixed(6)}, ${point[1].toFixed(6)}`
}

/** A count with thousands separators. */
export function formatCount(n: number, language: Language): string {
  return n.toLocaleString(language === 'en' ? 'en-US' : 'zh-CN')
}
