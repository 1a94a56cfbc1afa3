/**
 * @module core/catalog/authoring/drafts
 * Authoring helpers for the catalog data files: condition drafts (立案条件 without ids) and time-limit
 * shorthands. Only the generator in this folder uses them; the runtime reads the committed JSON.
 */
import type { UnitType } from '../../routing/unit-type.js'
import type { AreaClass, SafetyHazard, TimeLimit, TimeUnit, Urgency } from '../types.js'

/** 处置时限 per area class. */
export type Limits = Readonly<Record<AreaClass, TimeLimit>>

/** 立案条件草稿 — a filing condition before the generator gives it an id (and an on-site limit). */
export interface ConditionDraft {
  readonly text: string
  readonly textEn: string
  readonly limits: Limits
  readonly closing: string
  readonly urgency: Urgency
  readonly safetyHazard?: SafetyHazard
}

/** The thing a family of conditions is written about: a component's names. */
export interface Subject {
  readonly name: string
  readonly nameEn: string
}

/** A family of conditions: a template applied to one subject. */
export type Family = (subject: Subject) => readonly ConditionDraft[]

/** 小类行 — one small class as authored: code, names, default unit type, conditions, note. */
export interface ClassRow {
  readonly code: string
  readonly name: string
  readonly nameEn: string
  readonly unit: UnitType
  readonly family: Family
  readonly note?: string
}

/** 大类行 — one big class as authored. */
export interface BigClassRow {
  readonly code: string
  readonly name: string
  readonly nameEn: string
}

function limits(unit: TimeUnit, a: number, b: number, c: number): Limits {
  return { A: { amount: a, unit }, B: { amount: b, unit }, C: { amount: c, unit } }
}

/** Natural hours (emergencies: the clock never stops). */
export const nh = (a: number, b: number, c: number): Limits => limits('natural-hours', a, b, c)
/** Working hours (quick 市容 items). */
export const wh = (a: number, b: number, c: number): Limits => limits('working-hours', a, b, c)
/** Working days (repairs and enforcement). */
export const wd = (a: number, b: number, c: number): Limits => limits('working-days', a, b, c)

/** Make-safe limit of an emergency: 4/6/8 natural hours (standards.md §6, Guangzhou's 6 h for covers). */
export const MAKE_SAFE = nh(4, 6, 8)
/** Leaks and fire risks: 2/2/4 natural hours. */
export const MAKE_SAFE_FAST = nh(2, 2, 4)
/** Simple 市容 items: 2/3/4 working hours. */
export const QUICK = wh(2, 3, 4)
/** Half a working day at most. */
export const HALF_DAY = wh(4, 4, 8)
/** One working day (two in outer areas). */
export const ONE_DAY = wd(1, 1, 2)
/** Minor repairs: 1/2/3 working days. */
export const MINOR_REPAIR = wd(1, 2, 3)
/** Repairs: 3/4/5 working days. */
export const REPAIR = wd(3, 4, 5)
/** Enforcement or engineering work: 5/7/10 working days. */
export const LONG = wd(5, 7, 10)
/** Demolition and heavy enforcement: 10/15/20 working days. */
export const VERY_LONG = wd(10, 15, 20)

/** Builds a family from a function of the subject (or a constant list for events). */
export function family(build: (zh: string, en: string) => readonly ConditionDraft[]): Family {
  return (s) => build(s.name, lowerFirst(s.nameEn))
}

/** Lower-cases the first letter unless the word is an acronym ('SOS'). */
export function lowerFirst(text: string): string {
  return /^[A-Z][A-Z]/.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1)
}

/** Capitalises the first letter. */
export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** A normal (一般) condition. */
export function normal(text: string, textEn: string, limits: Limits, closing: string): ConditionDraft {
  return { text, textEn, limits, closing, urgency: 'normal' }
}

/** An urgent (紧急) condition that is not one of the four 第9条 hazards. */
export function urgent(text: string, textEn: string, limits: Limits, closing: string): ConditionDraft {
  return { text, textEn, limits, closing, urgency: 'urgent' }
}

/** A 第9条 safety-hazard condition: always urgent; the generator adds the 2-hour on-site limit. */
export function hazard(
  safetyHazard: SafetyHazard,
  text: string,
  textEn: string,
  limits: Limits,
  closing: string,
): ConditionDraft {
  return { text, textEn, limits, closing, urgency: 'urgent', safetyHazard }
}

/** A family that ignores its subject: the conditions of one event or matter. */
export function fixed(drafts: readonly ConditionDraft[]): Family {
  return () => drafts
}

/** Note for a small class whose code was assigned here because the sources give only its name. */
export const POSITION_UNCERTAIN = 'code position uncertain (standards.md §4.1)'

/** One small class as authored. */
export function row(
  code: string,
  name: string,
  nameEn: string,
  unit: UnitType,
  fam: Family,
  note?: string,
): ClassRow {
  return note === undefined
    ? { code, name, nameEn, unit, family: fam }
    : { code, name, nameEn, unit, family: fam, note }
}
