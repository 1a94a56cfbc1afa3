import type { ResponsibleUnit, RoutingRule } from './types.js'
import type { UnitType } from './unit-type.js'

/** Where a case is, as far as routing cares: the administrative codes that contain it (any may be unknown). */
export interface RoutePlace {
  readonly districtCode?: string
  readonly streetCode?: string
  readonly communityCode?: string
}

/** What {@link Router.route} is asked: a category at a place. */
export interface RouteQuery {
  /** Category key, e.g. '2013:component:0101' (see core/catalog). */
  readonly categoryKey: string
  /** The category's 默认责任单位类型, used when no rule names a unit. */
  readonly defaultUnitType?: UnitType
  readonly place: RoutePlace
}

/** How the unit was found, so an operator can see why a case went where it went. */
export type RouteBasis =
  | { readonly kind: 'rule'; readonly ruleId: string }
  | { readonly kind: 'default-type'; readonly unitType: UnitType }
  | { readonly kind: 'fallback' }

/** 责任单位 found for a category at a place. */
export interface RouteResult {
  readonly unit: ResponsibleUnit
  readonly basis: RouteBasis
}

/** Answers "who handles this category here" from a city's units and routing rules. */
export interface Router {
  route(query: RouteQuery): RouteResult
  unit(id: string): ResponsibleUnit | undefined
  readonly units: readonly ResponsibleUnit[]
  readonly rules: readonly RoutingRule[]
}

/**
 * 责任单位确定 — builds a router (seed 第6条: the center fixes the 责任主体 per category). Lookup order:
 * the most specific routing rule; else a unit of the category's default type whose jurisdiction holds
 * the place (narrowest first); else the center's rapid-response team (seed 第9条第三款: where no
 * responsible unit can be found, the center acts itself).
 * Throws when a rule names an unknown unit or the city has no rapid-response unit: such a city could
 * leave a case with nobody to handle it.
 */
export function createRouter(units: readonly ResponsibleUnit[], rules: readonly RoutingRule[]): Router {
  const byId = new Map(units.map((u) => [u.id, u]))
  if (byId.size !== units.length) throw new Error('routing: duplicate unit ids')
  rules.forEach((rule, i) => {
    if (!byId.has(rule.unitId))
      throw new Error(`routing rules[${i}] (${rule.id}): unitId "${rule.unitId}" is not a known unit`)
    if (rule.categories.length === 0) throw new Error(`routing rules[${i}] (${rule.id}): categories is empty`)
  })
  const fallback = units.find((u) => u.type === 'rapid-response')
  if (!fallback)
    throw new Error('routing: the city has no rapid-response unit (快速处置队), required by seed 第9条')
  const fallbackUnit: ResponsibleUnit = fallback

  function route(query: RouteQuery): RouteResult {
    const placeCodes = [query.place.communityCode, query.place.streetCode, query.place.districtCode].filter(
      (c): c is string => !!c,
    )
    let best: { rule: RoutingRule; category: number; region: number; priority: number } | undefined
    for (const rule of rules) {
      const category = categorySpecificity(rule.categories, query.categoryKey)
      if (category < 0) continue
      const region = regionSpecificity(rule.regions, placeCodes)
      if (region < 0) continue
      const priority = rule.priority ?? 100
      if (
        !best ||
        category > best.category ||
        (category === best.category &&
          (region > best.region || (region === best.region && priority < best.priority)))
      ) {
        best = { rule, category, region, priority }
      }
    }
    if (best) return { unit: byId.get(best.rule.unitId)!, basis: { kind: 'rule', ruleId: best.rule.id } }

    if (query.defaultUnitType) {
      let chosen: { unit: ResponsibleUnit; region: number } | undefined
      for (const unit of units) {
        if (unit.type !== query.defaultUnitType) continue
        const region = regionSpecificity(unit.jurisdiction, placeCodes)
        if (region >= 0 && (!chosen || region > chosen.region)) chosen = { unit, region }
      }
      if (chosen)
        return { unit: chosen.unit, basis: { kind: 'default-type', unitType: query.defaultUnitType } }
    }
    return { unit: fallbackUnit, basis: { kind: 'fallback' } }
  }

  return { route, unit: (id) => byId.get(id), units, rules }
}

// -1: no pattern matches. Otherwise the length of the longest matching pattern ('*' counts 0), so a
// small class beats its big class, which beats its kind.
function categorySpecificity(patterns: readonly string[], key: string): number {
  let best = -1
  for (const pattern of patterns) {
    if (pattern === '*') {
      best = Math.max(best, 0)
      continue
    }
    if (!key.startsWith(pattern)) continue
    const next = key[pattern.length]
    // A prefix must end at a segment boundary, or inside the code segment ('2013:component:01' → big class 01).
    const inCode = pattern.split(':').length === 3
    if (next === undefined || next === ':' || inCode) best = Math.max(best, pattern.length)
  }
  return best
}

// -1: no region holds the place. Empty means everywhere (0). Otherwise the length of the narrowest code
// that contains the place, so a community rule beats a street rule, which beats a district rule.
function regionSpecificity(regions: readonly string[] | undefined, placeCodes: readonly string[]): number {
  if (!regions || regions.length === 0) return 0
  let best = -1
  for (const region of regions) {
    if (placeCodes.some((code) => code.startsWith(region))) best = Math.max(best, region.length)
  }
  return best
}
