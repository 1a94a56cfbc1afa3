/**
 * @module core/catalog/extension-overrides
 * 本地时限调整 — the override part of a local extension: replace a class's 立案条件, or change some of its
 * conditions' time limits by condition id. Used by extend-catalog.ts; issues are reported by path.
 */
import { categoryKey, parseCategoryKey } from './category-key.js'
import type { IssueList } from './read-json.js'
import { at, describe, item } from './read-json.js'
import { readCondition, readLimits, readTimeLimit } from './read-category.js'
import type { AreaClass, Catalog, CategoryClass, FilingCondition, TimeLimit } from './types.js'
import { AREA_CLASSES } from './types.js'

/** 立案条件覆盖 — replaces a class's conditions, or changes some of its conditions' time limits (by condition id). */
export interface ClassOverride {
  /** Category key of the class: '2013:event:0102'. */
  readonly key: string
  readonly conditions?: readonly FilingCondition[]
  readonly limits?: Readonly<Record<string, Partial<Record<AreaClass, TimeLimit>>>>
}

function patchLimits(
  target: CategoryClass,
  patches: NonNullable<ClassOverride['limits']>,
  path: string,
  issues: IssueList,
): FilingCondition[] | undefined {
  const key = categoryKey(target.edition, target.kind, target.code)
  let ok = true
  const patched = new Map<string, FilingCondition>()
  for (const [id, patch] of Object.entries(patches)) {
    const p = `${path}[${JSON.stringify(id)}]`
    const condition = target.conditions.find((c) => c.id === id)
    if (!condition) {
      issues.add(p, `no condition "${id}" in ${key}`)
      ok = false
      continue
    }
    const merged: Partial<Record<AreaClass, unknown>> = { ...condition.limits }
    for (const [area, limit] of Object.entries(patch ?? {})) {
      if (!(AREA_CLASSES as readonly string[]).includes(area)) {
        issues.add(p, `unknown area class ${describe(area)}; expected A, B or C`)
        ok = false
      } else if (readTimeLimit(limit, at(p, area), issues)) merged[area as AreaClass] = limit
      else ok = false
    }
    const limits = readLimits(merged, p, issues)
    if (limits) patched.set(id, { ...condition, limits })
    else ok = false
  }
  return ok ? target.conditions.map((c) => patched.get(c.id) ?? c) : undefined
}

/**
 * 本地时限调整 — reads an extension's overrides against `classes` (the base classes plus the extension's own) and returns
 * the new conditions by category key; every problem is added to `issues`.
 */
export function applyOverrides(
  base: Catalog,
  overrides: readonly ClassOverride[],
  classes: readonly CategoryClass[],
  issues: IssueList,
): Map<string, readonly FilingCondition[]> {
  const replaced = new Map<string, readonly FilingCondition[]>()
  overrides.forEach((o, i) => {
    const path = item('extension.overrides', i)
    let parts
    try {
      parts = parseCategoryKey(o.key)
    } catch (e) {
      issues.add(at(path, 'key'), (e as Error).message)
      return
    }
    if (parts.edition !== base.edition) {
      issues.add(
        at(path, 'key'),
        `edition ${parts.edition} does not match the catalog's edition ${base.edition}`,
      )
      return
    }
    const target = classes.find((c) => c.kind === parts.kind && c.code === parts.code)
    if (!target) return issues.add(at(path, 'key'), `no class "${o.key}" in the catalog or this extension`)
    if (replaced.has(o.key)) return issues.add(at(path, 'key'), `"${o.key}" is overridden twice`)
    if ((o.conditions === undefined) === (o.limits === undefined)) {
      return issues.add(path, 'give exactly one of conditions (replace them all) or limits (by condition id)')
    }
    if (o.conditions !== undefined) {
      if (o.conditions.length === 0)
        return issues.add(at(path, 'conditions'), 'expected at least one filing condition')
      const read = o.conditions.map((c, j) =>
        readCondition(c, item(at(path, 'conditions'), j), issues, o.key),
      )
      const ids = new Set(read.map((c) => c?.id))
      if (ids.size !== read.length) issues.add(at(path, 'conditions'), 'condition ids must be unique')
      if (read.every((c) => c !== undefined)) replaced.set(o.key, read as FilingCondition[])
    } else if (o.limits !== undefined) {
      const patched = patchLimits(target, o.limits, at(path, 'limits'), issues)
      if (patched) replaced.set(o.key, patched)
    }
  })
  return replaced
}
