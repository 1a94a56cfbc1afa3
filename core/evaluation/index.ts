/**
 * @module core/evaluation
 * 综合评价 — evaluation of regions, units, teams and posts (standards.md §7, 泰州办法 第12条): periods, the
 * indicator table, the evaluator, composite scores with grades and ranks, 同比 / 环比, and city settings.
 */
export * from './period.js'
export * from './indicators.js'
export * from './input.js'
export * from './profile.js'
export * from './taizhou.js'
export * from './evaluate.js'
export * from './score.js'
export * from './compare.js'
