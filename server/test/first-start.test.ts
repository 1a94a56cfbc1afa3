import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { DATABASES, countRows, openTestDatabase } from './databases.js'
import { prepareEmptyDatabase } from '../src/cli.js'
import { DEFAULT_DEMO_API_KEY, DEFAULT_DEMO_PASSWORD } from '../src/config.js'

// serve's first start on a DATABASE_URL database (which may be a real deployment's): the demo city's
// reference data, and never an account with a published password.

for (const backend of DATABASES) {
  describe(`first start on ${backend.name}`, () => {
    test('an empty DATABASE_URL database gets the city’s reference data and no account, no API client, no cases', { timeout: 300_000 }, async () => {
      const open = await openTestDatabase(backend)
      try {
        const config = { databaseUrl: 'postgres://db.example/cityloop', demoPassword: DEFAULT_DEMO_PASSWORD, demoApiKey: DEFAULT_DEMO_API_KEY, dataDir: '/nonexistent' }
        const line = await prepareEmptyDatabase(open.db, config)
        assert.match(line!, /reference data .*no accounts: create the first administrator with "cityloop-server create-admin USERNAME"/)
        assert.ok((await countRows(open, 'region')) > 0 && (await countRows(open, 'unit_grid')) > 0)
        const n = async (table: string) => Number((await sql<{ n: string }>`select count(*)::text as n from ${sql.table(table)}`.execute(open.db)).rows[0]!.n)
        assert.deepEqual([await n('app_user'), await n('api_client'), await n('case_file')], [0, 0, 0])
        assert.equal(await prepareEmptyDatabase(open.db, config), undefined, 'a database that holds a city is left as it is')
      } finally {
        await open.close()
      }
    })
  })
}
