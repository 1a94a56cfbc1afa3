/**
 * @module core/case
 * 案卷闭环 — public surface of the case loop: types, the transitions table with `decide` and
 * `allowedActions`, creation, commands, stage clocks, lights, case numbers, labels and city rules.
 */
export * from './types.js'
export * from './commands.js'
export * from './transitions.js'
export * from './create.js'
export * from './profile.js'
export * from './taizhou.js'
export * from './stage-clock.js'
export * from './lights.js'
export * from './case-number.js'
export * from './labels.js'
export * from './phase.js'
