/**
 * 演示城市读取 — reads a written city (by default the committed demo in gis-data/demo/) back into the
 * DemoCity shape that generateCity returns; the server seeds its database from it.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson'
import type { AreaClass, Edition } from '../core/catalog/types.js'
import type { ComponentDataSource, ComponentStatus } from '../core/component/types.js'
import type { Region, UnitGrid } from '../core/region/types.js'
import type { ResponsibleUnit, RoutingRule } from '../core/routing/types.js'
import type { CityMeta, DemoCity, DemoComponent } from './generator/index.js'
import { CITY_FILES } from './generator/write.js'

/** The committed demo city's folder. */
export const DEMO_DIR = fileURLToPath(new URL('./demo/', import.meta.url))

/** 读取演示城市 — loads the city written in `dir` (see gis-data/README.md for the files and their fields). */
export function loadDemoCity(dir: string = DEMO_DIR): DemoCity {
  const read = <T>(name: string): T => JSON.parse(readFileSync(join(dir, name), 'utf8')) as T
  const regions = read<FeatureCollection<Polygon | MultiPolygon, RegionProps>>(
    CITY_FILES.regions,
  ).features.map(({ properties: p, geometry }): Region => ({
    code: p.code,
    level: p.level,
    name: p.name,
    nameEn: p.nameEn,
    ...(p.parentCode ? { parentCode: p.parentCode } : {}),
    geometry,
  }))
  const grids = read<FeatureCollection<Polygon, GridProps>>(CITY_FILES.grids).features.map(
    ({ properties: p, geometry }): UnitGrid => ({
      id: p.id,
      communityCode: p.communityCode,
      areaClass: p.areaClass,
      geometry,
    }),
  )
  const components = read<FeatureCollection<Point, ComponentProps>>(CITY_FILES.components).features.map(
    ({ properties: p, geometry }): DemoComponent => {
      const { ownerUnitId, maintainerUnitId, ...rest } = p
      return {
        ...rest,
        lon: geometry.coordinates[0]!,
        lat: geometry.coordinates[1]!,
        ...(ownerUnitId ? { ownerUnitId } : {}),
        ...(maintainerUnitId ? { maintainerUnitId } : {}),
      }
    },
  )
  return {
    meta: read<CityMeta>(CITY_FILES.meta),
    regions,
    grids,
    units: read<ResponsibleUnit[]>(CITY_FILES.units),
    routingRules: read<RoutingRule[]>(CITY_FILES.routingRules),
    components,
  }
}

interface RegionProps {
  code: string
  level: Region['level']
  name: string
  nameEn: string
  parentCode: string | null
}

interface GridProps {
  id: string
  communityCode: string
  streetCode: string
  districtCode: string
  areaClass: AreaClass
}

interface ComponentProps {
  id: string
  edition: Edition
  category: string
  name: string
  status: ComponentStatus
  gridId: string
  districtCode: string
  streetCode: string
  communityCode: string
  ownerUnitId: string | null
  maintainerUnitId: string | null
  initialDate: string
  dataSource: ComponentDataSource
}
