import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import type { AreaClass, CategoryClass, Edition } from '../../../core/catalog/types.js'
import { categoryKey } from '../../../core/catalog/category-key.js'
import type { ResponsibleUnit } from '../../../core/routing/types.js'
import type { RouteResult } from '../../../core/routing/route.js'
import { badRequest, notReady } from '../errors.js'
import { errorResponses } from './schemas.js'

const RegionRef = Type.Union([Type.Object({ code: Type.String(), name: Type.String(), nameEn: Type.String() }), Type.Null()])
const UnitBrief = Type.Object({ id: Type.String(), name: Type.String(), nameEn: Type.String(), type: Type.String(), phone: Type.Union([Type.String(), Type.Null()]) })
const Basis = Type.Object({
  kind: Type.Union([Type.Literal('rule'), Type.Literal('default-type'), Type.Literal('fallback')], {
    description: 'rule: a routing rule named the unit; default-type: the category default unit type here; fallback: no unit found, the rapid-response team acts (seed 第9条)',
  }),
  ruleId: Type.Optional(Type.String()),
  unitType: Type.Optional(Type.String()),
})
const Limit = Type.Object({ amount: Type.Number(), unit: Type.String() })

const LocateResponse = Type.Object({
  lon: Type.Number(),
  lat: Type.Number(),
  grid: Type.Union([Type.Object({ id: Type.String(), areaClass: Type.String() }), Type.Null()]),
  community: RegionRef,
  street: RegionRef,
  district: RegionRef,
  responsible: Type.Array(
    Type.Object({
      category: Type.Object({ key: Type.String(), name: Type.String(), nameEn: Type.String() }),
      unit: UnitBrief,
      basis: Basis,
      conditions: Type.Array(
        Type.Object({
          id: Type.String(),
          text: Type.String({ description: '立案条件' }),
          urgency: Type.String(),
          limit: Type.Union([Limit, Type.Null()], { description: '处置时限 for the grid area class; null outside every grid' }),
          limits: Type.Object({ A: Limit, B: Limit, C: Limit }),
          onSiteLimit: Type.Optional(Limit),
          safetyHazard: Type.Optional(Type.String()),
          closing: Type.String({ description: '结案条件' }),
        }),
      ),
    }),
    { description: 'With `category`: the unit and time limits for that category here' },
  ),
  units: Type.Array(
    Type.Object({ unit: UnitBrief, categories: Type.Array(Type.String()) }),
    { description: 'Without `category`: every unit responsible here, with the categories it handles (edition filter applies)' },
  ),
})

const briefUnit = (u: ResponsibleUnit) => ({ id: u.id, name: u.name, nameEn: u.nameEn, type: u.type, phone: u.phone ?? null })
const briefBasis = (r: RouteResult) => ({
  kind: r.basis.kind,
  ...(r.basis.kind === 'rule' ? { ruleId: r.basis.ruleId } : {}),
  ...(r.basis.kind === 'default-type' ? { unitType: r.basis.unitType } : {}),
})

const locate: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/locate',
    {
      schema: {
        tags: ['lookup'],
        summary: 'Point → unit grid, community, street, district and responsible unit(s) (责任单位)',
        querystring: Type.Object({
          lon: Type.Number({ minimum: -180, maximum: 180, description: 'CGCS2000 longitude' }),
          lat: Type.Number({ minimum: -90, maximum: 90, description: 'CGCS2000 latitude' }),
          category: Type.Optional(Type.String({ description: "Category key, e.g. '2013:component:0101' or '2026:event:06010'" })),
          edition: Type.Optional(Type.Union([Type.Literal('2013'), Type.Literal('2026')], { description: 'Without category: limit `units` to one edition' })),
        }),
        response: { 200: LocateResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { lon, lat, category, edition } = request.query
      const model = await app.cityModel.get()
      const where = model.locator.locate(lon, lat)
      const place = {
        ...(where.district ? { districtCode: where.district.code } : {}),
        ...(where.street ? { streetCode: where.street.code } : {}),
        ...(where.community ? { communityCode: where.community.code } : {}),
      }
      const base = {
        lon,
        lat,
        grid: where.grid ? { id: where.grid.id, areaClass: where.grid.areaClass } : null,
        community: where.community ?? null,
        street: where.street ?? null,
        district: where.district ?? null,
      }
      const router = model.router
      if (!router) throw notReady('no responsible units are loaded yet; run `cityloop-server seed demo` or import units')
      const routeOf = (c: CategoryClass) =>
        router.route({ categoryKey: categoryKey(c.edition, c.kind, c.code), defaultUnitType: c.defaultUnitType, place })

      if (category) {
        const c = model.category(category)
        if (!c) throw badRequest(`querystring.category: unknown category "${category}"`, 'querystring.category')
        const r = routeOf(c)
        const area = where.grid?.areaClass as AreaClass | undefined
        return {
          ...base,
          responsible: [
            {
              category: { key: category, name: c.name, nameEn: c.nameEn },
              unit: briefUnit(r.unit),
              basis: briefBasis(r),
              conditions: c.conditions.map((cond) => ({
                id: cond.id,
                text: cond.text,
                urgency: cond.urgency,
                limit: area ? cond.limits[area] : null,
                limits: cond.limits,
                closing: cond.closing,
                ...(cond.onSiteLimit ? { onSiteLimit: cond.onSiteLimit } : {}),
                ...(cond.safetyHazard ? { safetyHazard: cond.safetyHazard } : {}),
              })),
            },
          ],
          units: [],
        }
      }

      const byUnit = new Map<string, { unit: ResponsibleUnit; categories: string[] }>()
      for (const [ed, catalog] of model.catalogs) {
        if (edition && ed !== (edition as Edition)) continue
        for (const c of catalog.classes) {
          const r = routeOf(c)
          const entry = byUnit.get(r.unit.id) ?? { unit: r.unit, categories: [] }
          entry.categories.push(categoryKey(c.edition, c.kind, c.code))
          byUnit.set(r.unit.id, entry)
        }
      }
      const units = [...byUnit.values()]
        .sort((a, b) => b.categories.length - a.categories.length || a.unit.id.localeCompare(b.unit.id))
        .map((e) => ({ unit: briefUnit(e.unit), categories: e.categories }))
      return { ...base, responsible: [], units }
    },
  )
}

export default locate
