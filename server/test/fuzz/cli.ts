// npm run fuzz -- [--count 10000] [--seed N] [--postgres]: a long fuzzing run against a seeded central API
// (PGlite; PostgreSQL at TEST_DATABASE_URL with --postgres). Prints counts by status and endpoint and every
// failure; exits 1 when there is one.
import { parseArgs } from 'node:util'
import { DATABASES } from '../databases.js'
import { formatReport, runFuzz } from './fuzzer.js'
import { assertHealthy, fuzzTarget } from './setup.js'

const { values } = parseArgs({
  options: { count: { type: 'string', default: '10000' }, seed: { type: 'string' }, postgres: { type: 'boolean', default: false } },
})
const count = Number(values.count)
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed)
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run fuzz -- [--count N] [--seed N] [--postgres]')
  process.exit(2)
}
const backend = values.postgres ? DATABASES.find((d) => d.name === 'postgres') : DATABASES[0]
if (!backend) {
  console.error('--postgres needs TEST_DATABASE_URL')
  process.exit(2)
}
process.env.CITYLOOP_DEMO_CASES ??= '0'
const target = await fuzzTarget(backend)
let failed = false
try {
  console.log(`fuzzing ${count} requests with seed ${seed} on ${backend.name}…`)
  const report = await runFuzz(target.api.app, { seed, count, callers: target.callers, known: target.known })
  console.log(formatReport(report))
  failed = report.failures.length > 0
  await assertHealthy(target.api.app)
  console.log('afterwards: /healthz ok, a lookup and a case filing work')
} catch (error) {
  console.error(error)
  failed = true
} finally {
  await target.api.close()
}
process.exit(failed ? 1 : 0)
