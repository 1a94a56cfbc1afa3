import type { Catalog } from '../../core/catalog/types.js'
import { builtInCatalogs } from '../../core/catalog/built-in-catalogs.js'
import type { Region, UnitGrid } from '../../core/region/types.js'
import { createRouter } from '../../core/routing/route.js'
import type { ResponsibleUnit, RoutingRule } from '../../core/routing/types.js'
import { generateComponents, type DemoComponent } from './components.js'
import { layGrids } from './grids.js'
import { layoutCity } from './layout.js'
import { createRng } from './prng.js'
import { regionsOf } from './regions.js'
import { buildRoutingRules } from './routing.js'
import { TAIZHOU_DISTRICTS } from './taizhou.js'
import { buildUnits } from './units.js'

export type { DemoComponent } from './components.js'

/** Size of a generated city: a named preset or explicit counts. */
export type CityScale = 'demo' | 'large' | { readonly targetGrids: number; readonly components: number }

/** Options of {@link generateCity}. */
export interface GenerateOptions {
  /** PRNG seed; the same seed always gives the same city. Default {@link DEFAULT_SEED}. */
  readonly seed?: number
  /** 'demo' (5,000 grids, 4,000 components; default), 'large' (50,000 / 1,000,000) or explicit counts. */
  readonly scale?: CityScale
  /** Catalogs to draw component classes from; default the built-in 2013 and 2026 editions. */
  readonly catalogs?: readonly Catalog[]
}

/** Summary of a generated city, written as city.json. */
export interface CityMeta {
  readonly name: string
  readonly nameEn: string
  readonly seed: number
  readonly scale: 'demo' | 'large' | 'custom'
  readonly crs: 'CGCS2000'
  readonly counts: {
    readonly districts: number
    readonly streets: number
    readonly communities: number
    readonly grids: number
    readonly units: number
    readonly routingRules: number
    readonly components: number
  }
  /** [west, south, east, north] of all grids. */
  readonly bbox: readonly [number, number, number, number]
}

/** 演示城市 — everything the server seeds and the workstation shows. */
export interface DemoCity {
  readonly meta: CityMeta
  /** Districts, streets and communities, each parent before its children. */
  readonly regions: Region[]
  readonly grids: UnitGrid[]
  readonly units: ResponsibleUnit[]
  readonly routingRules: RoutingRule[]
  readonly components: DemoComponent[]
}

/** The seed of the committed demo city (the date 泰州 issued its 数字化城市管理办法: 2024-11-08). */
export const DEFAULT_SEED = 20241108

/** Grid and component counts of the named scales. */
export const SCALES = {
  demo: { targetGrids: 5_000, components: 4_000 },
  large: { targetGrids: 50_000, components: 1_000_000 },
} as const

/**
 * 演示城市生成 — a plausible 泰州 urban area: four districts where they really are, streets and communities
 * partitioning them, ~100 m unit grids, responsible units, routing rules and surveyed components of both
 * standard editions. Pure and deterministic: no clock, no Math.random, no I/O.
 */
export function generateCity(options: GenerateOptions = {}): DemoCity {
  const seed = options.seed ?? DEFAULT_SEED
  const scale = options.scale ?? 'demo'
  const size = typeof scale === 'string' ? SCALES[scale] : scale
  const rng = createRng(seed)
  const layout = layoutCity(TAIZHOU_DISTRICTS, size.targetGrids, rng.fork('layout'))
  const laid = layGrids(layout)
  const regions = regionsOf(layout)
  const classes = (options.catalogs ?? builtInCatalogs()).flatMap((catalog) => catalog.classes)
  const units = buildUnits(TAIZHOU_DISTRICTS)
  const routingRules = buildRoutingRules(TAIZHOU_DISTRICTS, classes)
  const components = generateComponents(
    laid,
    { count: size.components, classes, router: createRouter(units, routingRules) },
    rng.fork('components'),
  )
  const grids = laid.map((l) => l.grid)
  const meta: CityMeta = {
    name: '泰州市区(演示城市)',
    nameEn: 'Taizhou urban area (demo city)',
    seed,
    scale: typeof scale === 'string' ? scale : 'custom',
    crs: 'CGCS2000',
    counts: {
      districts: layout.districts.length,
      streets: regions.filter((r) => r.level === 'street').length,
      communities: regions.filter((r) => r.level === 'community').length,
      grids: grids.length,
      units: units.length,
      routingRules: routingRules.length,
      components: components.length,
    },
    bbox: bboxOf(grids),
  }
  return { meta, regions, grids, units, routingRules, components }
}

function bboxOf(grids: readonly UnitGrid[]): [number, number, number, number] {
  let w = Infinity
  let s = Infinity
  let e = -Infinity
  let n = -Infinity
  for (const grid of grids) {
    for (const [x, y] of grid.geometry.coordinates[0]!) {
      if (x! < w) w = x!
      if (x! > e) e = x!
      if (y! < s) s = y!
      if (y! > n) n = y!
    }
  }
  return [w, s, e, n]
}
