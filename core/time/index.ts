/**
 * @module core/time
 * 计时 — the working-time clock (standards.md §6) and the PRC holiday data it runs on.
 */
export * from './calendar.js'
export * from './holidays.js'
