import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import { builtInCatalogs } from '../../../core/catalog/built-in-catalogs.js'
import type { Component } from '../../../core/component/types.js'
import { loadDemoCity } from '../../../gis-data/demo-city.js'
import type { DemoCity } from '../../../gis-data/generator/index.js'
import { upsertCatalog } from '../db/catalog.js'
import { upsertRegions } from '../db/regions.js'
import { upsertGrids } from '../db/grids.js'
import { upsertRules, upsertUnits } from '../db/units.js'
import { upsertComponents } from '../db/components.js'
import { hashPassword } from '../auth/passwords.js'
import { DEFAULT_DEMO_API_KEY, DEFAULT_DEMO_PASSWORD, demoCasesFromEnv } from '../config.js'
import { upsertDemoPeople } from './demo-people.js'
import { seedDemoCases, type DemoCaseOptions, type DemoCaseSummary } from './demo-cases.js'

/** What a seed stored, for the log line. */
export interface SeedCounts {
  readonly catalogClasses: number
  readonly regions: number
  readonly grids: number
  readonly units: number
  readonly rules: number
  readonly components: number
  /** Demo accounts (one per role, see demo-people.ts). */
  readonly users: number
  /** The demo case history (demo-cases.ts), when asked for. */
  readonly cases?: DemoCaseSummary
}

/** Secrets of the demo accounts: CITYLOOP_DEMO_PASSWORD and CITYLOOP_DEMO_API_KEY, with documented defaults. */
export interface DemoSecrets {
  readonly password?: string
  readonly apiKey?: string
}

/** Loads the standards catalogs of both editions (idempotent: classes are replaced by key). */
export async function seedCatalogs(db: Kysely<Database>): Promise<number> {
  const catalogs = builtInCatalogs()
  await db.transaction().execute(async (trx) => {
    for (const catalog of catalogs) await upsertCatalog(trx, catalog)
  })
  return catalogs.reduce((n, c) => n + c.classes.length, 0)
}

/** What else {@link seedDemoCity} seeds. */
export interface DemoSeedOptions {
  /**
   * The demo case history (a month of cases through the real commands, see demo-cases.ts), after the city's
   * transaction. Default: on when the built-in demo city is seeded (`city` omitted), off for a given city;
   * CITYLOOP_DEMO_CASES sets the default count (0 = none). Skipped when the database already holds cases,
   * so seeding twice adds none.
   */
  readonly cases?: boolean | DemoCaseOptions
  /**
   * The demo accounts and the demo API client (default true). False loads the city's reference data only
   * — what `serve` does on an empty DATABASE_URL database: no account with a published password — and then
   * no demo cases either (their history is the demo accounts' work).
   */
  readonly accounts?: boolean
}

/**
 * Loads the demo city (gis-data/demo), both catalogs and the demo accounts, in one transaction: a failure
 * leaves nothing half-written. Running it again replaces the same records (and resets the demo passwords).
 * Then, for the built-in city, its case history (see {@link DemoSeedOptions.cases}).
 */
export async function seedDemoCity(db: Kysely<Database>, given?: DemoCity, secrets: DemoSecrets = {}, options: DemoSeedOptions = {}): Promise<SeedCounts> {
  const envCount = demoCasesFromEnv()
  const byDefault = given === undefined && envCount !== 0
  const withAccounts = options.accounts ?? true
  let withCases = withAccounts ? (options.cases ?? byDefault) : false
  if (withCases !== false && envCount !== undefined) withCases = { count: envCount, ...(typeof withCases === 'object' ? withCases : {}) }
  const city = given ?? loadDemoCity()
  const catalogs = builtInCatalogs()
  const components: Component[] = city.components.map(toComponent)
  // One hash for every demo account: they share the password, and argon2 costs ~50 ms a hash.
  const passwordHash = withAccounts ? await hashPassword(secrets.password ?? DEFAULT_DEMO_PASSWORD) : ''
  let users = 0
  await db.transaction().execute(async (trx) => {
    for (const catalog of catalogs) await upsertCatalog(trx, catalog)
    await upsertRegions(trx, city.regions)
    await upsertGrids(trx, city.grids)
    await upsertUnits(trx, city.units)
    await upsertRules(trx, city.routingRules)
    await upsertComponents(trx, components)
    if (withAccounts) users = await upsertDemoPeople(trx, city, { passwordHash, apiKey: secrets.apiKey ?? DEFAULT_DEMO_API_KEY })
  })
  const cases = withCases ? await seedDemoCases(db, typeof withCases === 'object' ? withCases : {}) : undefined
  return {
    catalogClasses: catalogs.reduce((n, c) => n + c.classes.length, 0),
    regions: city.regions.length,
    grids: city.grids.length,
    units: city.units.length,
    rules: city.routingRules.length,
    components: components.length,
    users,
    ...(cases ? { cases } : {}),
  }
}

function toComponent(c: DemoCity['components'][number]): Component {
  return c as Component
}
