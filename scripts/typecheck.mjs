// Type-checks each folder with its own tsconfig, so each folder's runtime rules (no Node types in core/,
// no DOM in server/, neither in contracts/) are enforced by the compiler, not by convention.
import { existsSync } from 'node:fs'
import { spawnSync } from 'node:child_process'

const projects = [
  'core/tsconfig.json',
  'core/tsconfig.test.json',
  'contracts/tsconfig.json',
  'contracts/tsconfig.test.json',
  'gis-data/tsconfig.json',
  'server/tsconfig.json',
  'main/tsconfig.json',
  'renderer/tsconfig.json',
  'renderer/tsconfig.node.json',
  'electron/tsconfig.json',
  'bench/tsconfig.json',
].filter((p) => existsSync(p))

let failed = 0
for (const project of projects) {
  const started = Date.now()
  // The renderer's single-file components need vue-tsc, which checks templates as well as scripts.
  const checker =
    project === 'renderer/tsconfig.json'
      ? 'node_modules/vue-tsc/bin/vue-tsc.js'
      : 'node_modules/typescript/bin/tsc'
  const result = spawnSync(process.execPath, [checker, '-p', project], {
    stdio: 'inherit',
  })
  console.log(`${result.status === 0 ? 'ok  ' : 'FAIL'} ${project} (${Date.now() - started} ms)`)
  if (result.status !== 0) failed++
}
process.exit(failed ? 1 : 0)
