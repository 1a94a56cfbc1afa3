import Type, { type Static } from 'typebox'

// Shared pieces of the API's schemas. Every route declares its querystring/params and a response schema
// for each status it returns; these flow into /api/openapi.json.

/** The body of every 4xx/5xx answer. */
export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable error code, e.g. BAD_REQUEST, NOT_FOUND, VALIDATION' }),
      message: Type.String({ description: 'What is wrong, naming the field' }),
      field: Type.Optional(Type.String({ description: 'The request field at fault, e.g. querystring.bbox' })),
      status: Type.Optional(Type.String({ description: '409/403 on a case: its current status' })),
      allowed: Type.Optional(Type.Array(Type.String(), { description: '409/403 on a case: the actions the caller may take now' })),
      currentVersion: Type.Optional(Type.Integer({ description: '409 STALE_VERSION: the case’s version now' })),
      allowedRoles: Type.Optional(Type.Array(Type.String(), { description: '403: the roles that may' })),
      scopes: Type.Optional(Type.Array(Type.String(), { description: '403 for an API client: the scopes its key holds' })),
      retryAfterSeconds: Type.Optional(Type.Integer({ description: '429: when to try again' })),
      issues: Type.Optional(Type.Array(Type.String(), { description: '400 on data: every problem found' })),
    }),
  },
  { $id: 'ErrorBody' },
)

export const errorResponses = {
  400: Type.Ref('ErrorBody'),
  404: Type.Ref('ErrorBody'),
  503: Type.Ref('ErrorBody'),
}

/** The error answers of routes that need a caller and may conflict with a case's state. */
export const caseErrors = {
  ...errorResponses,
  401: Type.Ref('ErrorBody'),
  403: Type.Ref('ErrorBody'),
  409: Type.Ref('ErrorBody'),
}

/** A GeoJSON geometry; coordinates are passed through as they are stored. */
export const Geometry = Type.Object({
  type: Type.String({ description: 'Point, Polygon or MultiPolygon' }),
  coordinates: Type.Array(Type.Unknown(), { description: 'lon/lat in CGCS2000 (≈ WGS84), RFC 7946 order' }),
})

/** A GeoJSON Feature whose properties are described by `props`. */
export const Feature = <P extends ReturnType<typeof Type.Object>>(props: P) =>
  Type.Object({
    type: Type.Literal('Feature'),
    id: Type.String(),
    geometry: Geometry,
    properties: props,
  })

/** A FeatureCollection page; `next` is the `after` value of the next page, null on the last. */
export const FeatureCollection = <P extends ReturnType<typeof Type.Object>>(props: P) =>
  Type.Object({
    type: Type.Literal('FeatureCollection'),
    features: Type.Array(Feature(props)),
    next: Type.Union([Type.String(), Type.Null()], { description: 'Pass as `after` for the next page; null when done' }),
  })

/** `bbox=minLon,minLat,maxLon,maxLat` as a string; parsed by parseBbox. */
export const BboxParam = Type.String({
  description: 'minLon,minLat,maxLon,maxLat in CGCS2000 degrees',
  pattern: '^-?[0-9.]+,-?[0-9.]+,-?[0-9.]+,-?[0-9.]+$',
})

/** The largest version a client may send back: versions are PostgreSQL `integer` columns. */
export const MAX_VERSION = 2_147_483_647

export const LimitParam = (max: number, def: number) =>
  Type.Integer({ minimum: 1, maximum: max, default: def, description: `Page size, at most ${max}` })

export const RegionProps = Type.Object({
  code: Type.String(),
  level: Type.Union([Type.Literal('district'), Type.Literal('street'), Type.Literal('community')]),
  name: Type.String(),
  nameEn: Type.String(),
  parentCode: Type.Union([Type.String(), Type.Null()]),
  version: Type.Integer(),
})

export const GridProps = Type.Object({
  id: Type.String({ description: '15-digit unit grid id (单元网格标识码)' }),
  communityCode: Type.String(),
  streetCode: Type.String(),
  districtCode: Type.String(),
  areaClass: Type.Union([Type.Literal('A'), Type.Literal('B'), Type.Literal('C')]),
  version: Type.Integer(),
})

const NullableString = Type.Union([Type.String(), Type.Null()])

export const ComponentProps = Type.Object({
  id: Type.String({ description: '16-digit (2013) or 17-digit (2026) component id (管理部件标识码)' }),
  edition: Type.Union([Type.Literal('2013'), Type.Literal('2026')]),
  category: Type.String({ description: "Category key, e.g. '2013:component:0101'" }),
  name: Type.String(),
  status: Type.String({ description: 'intact 完好 / damaged 破损 / missing 丢失 / discarded 废弃 / removed 移除' }),
  gridId: Type.String(),
  districtCode: Type.String(),
  ownerUnitId: NullableString,
  maintainerUnitId: NullableString,
  initialDate: Type.String(),
  changeDate: NullableString,
  dataSource: Type.String(),
  note: NullableString,
  version: Type.Integer(),
})

export const Unit = Type.Object({
  id: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  type: Type.String(),
  jurisdiction: Type.Array(Type.String()),
  parentId: NullableString,
  phone: NullableString,
  version: Type.Integer(),
})

export const RoutingRule = Type.Object({
  id: Type.String(),
  categories: Type.Array(Type.String()),
  regions: Type.Array(Type.String()),
  unitId: Type.String(),
  priority: Type.Integer(),
  note: NullableString,
  version: Type.Integer(),
})

const TimeLimit = Type.Object({ amount: Type.Number(), unit: Type.String() })

export const FilingCondition = Type.Object({
  id: Type.String(),
  text: Type.String({ description: '立案条件' }),
  textEn: Type.String(),
  limits: Type.Object({ A: TimeLimit, B: TimeLimit, C: TimeLimit }, { description: '处置时限 per area class' }),
  closing: Type.String({ description: '结案条件' }),
  urgency: Type.String(),
  safetyHazard: Type.Optional(Type.String()),
  onSiteLimit: Type.Optional(TimeLimit),
})

export const CatalogClass = Type.Object({
  key: Type.String(),
  edition: Type.String(),
  kind: Type.String(),
  code: Type.String(),
  bigClassCode: Type.String(),
  bigClassName: Type.String(),
  bigClassNameEn: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  defaultUnitType: Type.String(),
  conditions: Type.Array(FilingCondition),
  local: Type.Boolean(),
  componentCode: NullableString,
  note: NullableString,
  catalogVersion: Type.String(),
  version: Type.Integer(),
})

export type Bbox = [number, number, number, number]
export type LimitValue = Static<ReturnType<typeof LimitParam>>
