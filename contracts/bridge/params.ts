/**
 * Each bridge method's parameters as named TypeBox schemas, for main/'s argument check, with compile-time
 * proof that they and the CityLoopBridge interface describe the same calls: the interface's parameter types
 * are the schemas' Static<> types, one shape written once.
 */
import type { Static, TSchema } from 'typebox'
import type { BridgeArgs, BridgeMethod } from './channels.js'
import { CaseCommandInput, CaseFilter, CaseListQuery } from './cases.js'
import { CatalogSearchOptions, ComponentQuery, GridQuery, PointOptions, SearchOptions } from './map.js'
import { ComponentId, GridId, Lat, Lon, nonEmpty, patterned, text, Uuid } from './schema-kit.js'
import { SettingsPatch, SyncStartOptions } from './settings.js'
import { RegionLevel } from './shapes.js'

/** One parameter of a bridge method: its name (as error messages say it) and schema. */
export interface BridgeParam<S extends TSchema = TSchema> {
  readonly name: string
  readonly schema: S
  /** Optional parameters come last; `null` counts as absent (JSON turns `undefined` into null). */
  readonly optional: boolean
}

const param = <S extends TSchema>(name: string, schema: S) => ({ name, schema, optional: false as const })
const optional = <S extends TSchema>(name: string, schema: S) => ({ name, schema, optional: true as const })

const PhotoId = patterned('^[0-9a-f]{64}$', 'a photo id (64 hex digits)')

/** Every bridge method ('group.method') with its parameters, in the interface's order. */
export const BRIDGE_PARAMS = {
  'app.info': [],
  'settings.get': [],
  'settings.set': [param('patch', SettingsPatch)],
  'sync.status': [],
  'sync.start': [optional('options', SyncStartOptions)],
  'layers.regions': [param('level', RegionLevel)],
  'layers.grids': [param('query', GridQuery)],
  'layers.components': [param('query', ComponentQuery)],
  'lookup.locate': [param('lon', Lon), param('lat', Lat), optional('options', PointOptions)],
  'lookup.responsible': [
    param('lon', Lon),
    param('lat', Lat),
    param('categoryKey', text(60)),
    optional('options', PointOptions),
  ],
  'lookup.byGridId': [param('id', GridId)],
  'lookup.byComponentId': [param('id', ComponentId)],
  'catalog.search': [param('text', text(200)), optional('options', CatalogSearchOptions)],
  'catalog.get': [param('categoryKey', text(60))],
  'search.find': [param('text', text(200)), optional('options', SearchOptions)],
  'auth.session': [],
  'auth.signIn': [param('username', nonEmpty(64)), param('password', nonEmpty(256))],
  'auth.signOut': [],
  'cases.list': [param('query', CaseListQuery)],
  'cases.layer': [param('filter', CaseFilter)],
  'cases.gridCounts': [param('filter', CaseFilter)],
  'cases.get': [param('id', Uuid)],
  'cases.photo': [param('photoId', PhotoId)],
  'cases.tasks': [],
  'commands.submit': [param('command', CaseCommandInput)],
  'commands.status': [],
  'commands.dismiss': [param('clientId', Uuid)],
  'commands.flush': [],
} as const satisfies { readonly [M in BridgeMethod]: readonly BridgeParam[] }

/** The argument tuple a parameter list describes: `Static<>` of each schema, optional ones optional. */
export type ArgsOfParams<P extends readonly BridgeParam[]> = P extends readonly [
  infer H extends BridgeParam,
  ...infer R extends readonly BridgeParam[],
]
  ? H['optional'] extends true
    ? [Static<H['schema']>?, ...ArgsOfParams<R>]
    : [Static<H['schema']>, ...ArgsOfParams<R>]
  : []

// Compile-time proof that BRIDGE_PARAMS names exactly the bridge's methods with the interface's arguments.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const _methodsMatch: Same<keyof typeof BRIDGE_PARAMS, BridgeMethod> = true
type ArgsMatch = {
  readonly [M in BridgeMethod]: Same<ArgsOfParams<(typeof BRIDGE_PARAMS)[M]>, BridgeArgs<M>>
}
const _argsMatch: { readonly [M in BridgeMethod]: true } = {} as ArgsMatch
void _methodsMatch
void _argsMatch
