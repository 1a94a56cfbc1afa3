import type { ExpressionBuilder } from 'kysely'
import type { Actor } from '../../../core/case/types.js'
import type { Database } from '../db/schema.js'
import { CASE_VIEWERS, CENTER_DESK, SEE_ALL_CASES } from './roles.js'

// 数据权限 — who sees which cases, and so which photos (issue 4: "a unit sees and acts on its own cases
// only; an inspector on tasks in its grid"). Acting is core's inScope (transitions.ts); seeing is decided
// here, in SQL for lists and in code for one case, by the same rules.

/** True when the actor sees reporters' contacts unmasked. */
export function seesContact(actor: Actor | undefined): boolean {
  return actor !== undefined && CENTER_DESK.includes(actor.role)
}

/** The columns the scope rules read. */
export interface ScopedCase {
  readonly assigned_unit_id: string | null
  readonly sub_unit_id: string | null
  readonly grid_id: string | null
  readonly inspector_id: string | null
  readonly reporter_id: string
}

/**
 * True when `actor` may see the case: everyone in {@link SEE_ALL_CASES}; a unit's people the cases now
 * assigned to their unit (or passed to it by 二级派遣); an inspector cases in its duty grids, its own
 * verify/check tasks and what it reported.
 */
export function canSeeCase(actor: Actor, row: ScopedCase): boolean {
  if (SEE_ALL_CASES.includes(actor.role)) return true
  switch (actor.role) {
    case 'unit-handler':
    case 'unit-manager':
      return actor.unitId !== undefined && (row.assigned_unit_id === actor.unitId || row.sub_unit_id === actor.unitId)
    case 'inspector':
      return (
        row.inspector_id === actor.id || row.reporter_id === actor.id || (row.grid_id !== null && (actor.gridIds ?? []).includes(row.grid_id))
      )
    default:
      return false
  }
}

/** {@link canSeeCase} as a WHERE condition on case_file. */
export function caseScope(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'case_file'>) => {
    if (SEE_ALL_CASES.includes(actor.role)) return eb.lit(true)
    switch (actor.role) {
      case 'unit-handler':
      case 'unit-manager':
        if (!actor.unitId) return eb.lit(false)
        return eb.or([eb('case_file.assigned_unit_id', '=', actor.unitId), eb('case_file.sub_unit_id', '=', actor.unitId)])
      case 'inspector': {
        const ors = [eb('case_file.inspector_id', '=', actor.id), eb('case_file.reporter_id', '=', actor.id)]
        if (actor.gridIds && actor.gridIds.length > 0) ors.push(eb('case_file.grid_id', 'in', [...actor.gridIds]))
        return eb.or(ors)
      }
      default:
        return eb.lit(false)
    }
  }
}

/**
 * 号码脱敏 — '13812345678' → '138****5678': the first three and last four digits of a phone number stay,
 * enough to recognise a caller, too little to call them. Anything else keeps its first and last character.
 */
export function maskContact(contact: string): string {
  const digits = contact.replace(/\D/g, '')
  if (digits.length >= 8) return `${digits.slice(0, 3)}****${digits.slice(-4)}`
  const chars = [...contact]
  if (chars.length <= 2) return '*'.repeat(chars.length)
  return `${chars[0]}${'*'.repeat(Math.min(4, chars.length - 2))}${chars[chars.length - 1]}`
}

/** 照片访问 — what {@link canReadPhoto} needs to know of a photo. */
export interface PhotoReach {
  /** A case the actor may see cites the photo. */
  readonly inVisibleCase: boolean
  /** Any case cites it. */
  readonly attached: boolean
  readonly uploadedBy: string
}

/**
 * A photo is read by whoever may read a case that cites it (the case's own rules), and by its uploader
 * while no case cites it yet (the form it was sent with is still being filled in).
 */
export function canReadPhoto(actor: Actor, photo: PhotoReach): boolean {
  return photo.inVisibleCase || (!photo.attached && photo.uploadedBy === actor.id)
}

/** Why `actor` has no case view at all (the GIS maintainer), or undefined when it has one. */
export function caseViewRefusal(actor: Actor): string | undefined {
  return CASE_VIEWERS.includes(actor.role) ? undefined : `a ${actor.role} has no case view`
}
