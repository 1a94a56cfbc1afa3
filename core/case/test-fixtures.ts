/**
 * @module core/case/test-fixtures
 * 测试夹具 — actors, a new case and a step runner for tests of the loop (core and server alike). Pure data and
 * functions, no test framework, so it compiles with core.
 */
import { createCase } from './create.js'
import type { NewCase } from './create.js'
import type { CaseRules } from './profile.js'
import { taizhouRules } from './taizhou.js'
import { decide } from './transitions.js'
import type { RawCommand } from './commands.js'
import type { Actor, CaseEvent, CaseState } from './types.js'

/** 测试人员 — one actor per role; units 'u1' (with sub-unit 'u1-a') and 'u2'; inspector i1 patrols grid 'g1'. */
export const ACTORS = {
  receiver: { id: 'receiver-1', role: 'receiver' },
  shiftLeader: { id: 'shift-1', role: 'shift-leader' },
  dispatcher: { id: 'dispatcher-1', role: 'dispatcher' },
  inspector: { id: 'i1', role: 'inspector', gridIds: ['g1'] },
  otherInspector: { id: 'i2', role: 'inspector', gridIds: ['g2'] },
  handler: { id: 'h-u1', role: 'unit-handler', unitId: 'u1' },
  manager: { id: 'm-u1', role: 'unit-manager', unitId: 'u1' },
  subHandler: { id: 'h-u1a', role: 'unit-handler', unitId: 'u1-a' },
  subManager: { id: 'm-u1a', role: 'unit-manager', unitId: 'u1-a' },
  otherHandler: { id: 'h-u2', role: 'unit-handler', unitId: 'u2' },
  otherManager: { id: 'm-u2', role: 'unit-manager', unitId: 'u2' },
  leader: { id: 'leader-1', role: 'leader' },
  gis: { id: 'gis-1', role: 'gis-maintainer' },
  admin: { id: 'admin-1', role: 'admin' },
  api: { id: 'api-1', role: 'api-client' },
} as const satisfies Record<string, Actor>

/** 测试案卷 — an ordinary event in grid g1, area class A, 3 working days to handle. */
export function newCaseInput(overrides: Partial<NewCase> = {}): NewCase {
  return {
    id: 'case-1',
    number: '2026-321202-000001',
    kind: 'event',
    categoryKey: '2013:event:0101',
    conditionId: '2013:event:0101:01',
    areaClass: 'A',
    urgency: 'normal',
    source: 'inspector',
    handleLimit: { amount: 3, unit: 'working-days' },
    gridId: 'g1',
    districtCode: '321202',
    ...overrides,
  }
}

/** 测试规则 — Taizhou's rules (rapid handling on) on the bundled PRC calendar, built once. */
export const TEST_RULES: CaseRules = taizhouRules()

/** 测试上报 — creates a case or throws with the reason. */
export function reported(
  at: Date,
  overrides: Partial<NewCase> = {},
  by: Actor = ACTORS.inspector,
  rules = TEST_RULES,
): CaseState {
  const r = createCase(newCaseInput(overrides), by, at, rules)
  if (!r.ok) throw new Error(`createCase: ${r.reason.message}`)
  return r.next
}

/** 测试步骤 — who does what, and when (ISO or Date); `at` defaults to 10 minutes after the previous step. */
export interface Step {
  readonly by: Actor
  readonly command: RawCommand
  readonly at?: string | Date
}

/** 测试流程 — applies the steps in order and returns the final case and all events; throws on any rejection. */
export function run(
  start: CaseState,
  steps: readonly Step[],
  rules = TEST_RULES,
): { state: CaseState; events: CaseEvent[] } {
  let state = start
  let t = Date.parse(start.updatedAt)
  const events: CaseEvent[] = []
  for (const step of steps) {
    t = step.at === undefined ? t + 600_000 : +new Date(step.at)
    const d = decide(state, step.command, step.by, new Date(t), rules)
    if (!d.ok)
      throw new Error(
        `${step.command.action} by ${step.by.role} on ${state.status}: ${d.reason.code} ${d.reason.message}`,
      )
    state = d.next
    events.push(...d.events)
  }
  return { state, events }
}

/** 到派遣为止 — the common prefix: accept, register, dispatch to `unitId`. */
export function toDispatched(unitId = 'u1'): Step[] {
  return [
    { by: ACTORS.receiver, command: { action: 'accept' } },
    { by: ACTORS.shiftLeader, command: { action: 'register' } },
    { by: ACTORS.dispatcher, command: { action: 'dispatch', unitId } },
  ]
}

/** 到核查为止 — from dispatched: sign, handle, send the check to i1. */
export function toChecking(handler: Actor = ACTORS.handler): Step[] {
  return [
    { by: handler, command: { action: 'sign' } },
    { by: handler, command: { action: 'handle', note: 'fixed', afterPhotoIds: ['after-1'] } },
    { by: ACTORS.receiver, command: { action: 'request-check', inspectorId: 'i1' } },
  ]
}
