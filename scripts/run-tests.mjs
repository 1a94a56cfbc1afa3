// Runs every *.test.ts under the code folders with node's own test runner (through tsx, for TypeScript).
// Node 20's --test does not glob .ts files itself, so the list is built here.
// Usage: node scripts/run-tests.mjs [folder-or-file ...]
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'

const roots = process.argv.slice(2).length ? process.argv.slice(2) : ['core', 'contracts', 'gis-data', 'server', 'main', 'electron', 'renderer', 'scripts']
const skip = new Set(['node_modules', 'data', 'test-output', 'dist', 'out'])

function collect(path, into) {
  let st
  try {
    st = statSync(path)
  } catch {
    return
  }
  if (st.isFile()) {
    if (path.endsWith('.test.ts')) into.push(path)
    return
  }
  for (const name of readdirSync(path)) if (!skip.has(name)) collect(join(path, name), into)
}

const files = []
for (const root of roots) collect(root, files)
files.sort()
if (files.length === 0) {
  console.error('run-tests: no test files found under', roots.join(', '))
  process.exit(1)
}
// Centrals started by tests get the demo city without its month of demo cases (a minute of PGlite work per
// start); the tests about cases file their own, and the demo-case tests ask for theirs explicitly.
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
  env: { CITYLOOP_DEMO_CASES: '0', ...process.env },
})
process.exit(result.status ?? 1)
