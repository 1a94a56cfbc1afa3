/**
 * Small builders the bridge's schemas share. Conventions the argument validator (main/bridge-validate.ts)
 * relies on to name the fault:
 * - `errorMessage` on a schema finishes "<argument path> must be …" for a pattern it fails;
 * - a refinement's message follows the path: with a space ("must not be empty"), or directly when it
 *   starts with ':' or '.' (": min must not exceed max", ".version: … is required").
 */
import Type, { type TEnum, type TProperties, type TSchema } from 'typebox'

/** An object that refuses fields it does not name (every payload of the bridge is one). */
export const closed = <P extends TProperties>(properties: P, options: { description?: string } = {}) =>
  Type.Object(properties, { ...options, additionalProperties: false })

/** A read-only array of `items`, at most `maxItems` long. */
export const list = <S extends TSchema>(items: S, maxItems: number) =>
  Type.Immutable(Type.Array(items, { maxItems }))

/** One of the given strings (core's `as const` lists). */
export const oneOf = <const T extends string[]>(values: readonly [...T]): TEnum<T> => Type.Enum(values)

/** A string of at most `maxLength` characters. */
export const text = (maxLength: number, description?: string) =>
  Type.String({ maxLength, ...(description ? { description } : {}) })

/** A string matching `pattern`; `what` names the expected form in error messages ("a UUID"). */
export const patterned = (pattern: string, what: string, maxLength = 200) =>
  Type.String({ pattern, maxLength, errorMessage: what })

/** A string with something other than spaces in it. */
export const nonEmpty = (maxLength: number) =>
  Type.Refine(
    text(maxLength),
    (s) => s.trim() !== '',
    () => 'must not be empty',
  )

/** Longitude in degrees (CGCS2000 unless a method says otherwise). */
export const Lon = Type.Number({ minimum: -180, maximum: 180 })
/** Latitude in degrees. */
export const Lat = Type.Number({ minimum: -90, maximum: 90 })

/** A whole number from `minimum` to `maximum`. */
export const whole = (minimum: number, maximum: number) => Type.Integer({ minimum, maximum })

export const Uuid = patterned(
  '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
  'a UUID',
)
export const GridId = patterned('^\\d{15}$', 'a 15-digit unit grid id')
export const ComponentId = patterned('^\\d{16,17}$', 'a 16- or 17-digit component id')

/** An ISO 8601 time with a date and a time part (2026-05-01T08:00:00+08:00). */
export const IsoTime = Type.Refine(
  patterned('^\\d{4}-\\d{2}-\\d{2}T', 'an ISO 8601 time', 40),
  (s) => !Number.isNaN(Date.parse(s)),
  () => 'must be an ISO 8601 time',
)
