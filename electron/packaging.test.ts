/**
 * The packaged app's layout, as far as it can be checked without Electron's binary (which cannot be
 * downloaded here, so electron-builder itself never runs in these tests): build the bundles, stage the files
 * electron-builder.yml lists, pack them with @electron/asar as electron-builder would, copy the
 * extraResources, then check the archive's contents, that no built file names the build machine, and that
 * electron/app-paths.ts finds the UI, the preload and the demo city in that fake install.
 */
import assert from 'node:assert/strict'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { createPackage, extractAll, extractFile, listPackage } from '@electron/asar'
import { loadDemoCity } from '../gis-data/demo-city.js'
import { DEMO_CITY_RESOURCE, resolveAppPaths } from './app-paths.js'
import { buildElectron } from './build.js'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const CONFIG = join(ROOT, 'electron-builder.yml')

/**
 * The `files` patterns and `extraResources` (from → to) of electron-builder.yml. Deliberately narrow, like
 * fuses.test.ts (no YAML parser is a dependency): a pattern is a file or `folder/**`.
 */
function readPackagingConfig(text: string): { files: string[]; extra: { from: string; to: string }[] } {
  const files: string[] = []
  const extra: { from: string; to: string }[] = []
  let block: string | undefined
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+#.*$/, '').replace(/^#.*$/, '')
    if (line.trim() === '') continue
    const top = /^([A-Za-z]\w*):/.exec(line)
    if (top) {
      block = top[1]
      continue
    }
    if (block === 'files') {
      const m = /^ {2}- (\S+)$/.exec(line)
      assert.ok(m, `files: "${raw.trim()}" is not "- pattern"`)
      files.push(m[1]!)
    } else if (block === 'extraResources') {
      const from = /^ {2}- from: (\S+)$/.exec(line)
      const to = /^ {4}to: (\S+)$/.exec(line)
      if (from) extra.push({ from: from[1]!, to: '' })
      else if (to && extra.length) extra.at(-1)!.to = to[1]!
      else assert.fail(`extraResources: "${raw.trim()}" is not "- from: …" / "to: …"`)
    }
  }
  return { files, extra }
}

/** Every file under `dir`, recursively. */
function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? walk(path) : [path]
  })
}

describe('the packaged app (app.asar and resources, without the Electron binary)', () => {
  let work: string
  let staging: string
  let resources: string
  let asarPath: string
  let installedApp: string
  const config = readPackagingConfig(readFileSync(CONFIG, 'utf8'))

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'cityloop-package-'))
    staging = join(work, 'app')
    resources = join(work, 'resources')
    asarPath = join(resources, 'app.asar')
    installedApp = join(work, 'installed-app')
    const bundles = join(work, 'bundles')
    await buildElectron(bundles)
    // The UI: the real build when there is one (the e2e tests and `npm start` make it), else a stand-in
    // index.html — the layout, not Vite, is under test here.
    const rendererDist = join(ROOT, 'renderer', 'dist')
    for (const pattern of config.files) {
      const target = join(staging, pattern.replace(/\/\*\*$/, ''))
      mkdirSync(dirname(target), { recursive: true })
      if (pattern.startsWith('electron/dist/'))
        cpSync(join(bundles, pattern.slice('electron/dist/'.length)), target)
      else if (pattern === 'renderer/dist/**' && !existsSync(join(rendererDist, 'index.html'))) {
        mkdirSync(target, { recursive: true })
        cpSync(join(ROOT, 'renderer', 'index.html'), join(target, 'index.html'))
      } else cpSync(join(ROOT, pattern.replace(/\/\*\*$/, '')), target, { recursive: true })
    }
    mkdirSync(resources, { recursive: true })
    await createPackage(staging, asarPath)
    for (const { from, to } of config.extra)
      cpSync(join(ROOT, from), join(resources, to), { recursive: true })
    // What Electron's asar-aware fs shows the app at <resources>/app.asar.
    extractAll(asarPath, installedApp)
  })

  after(() => rmSync(work, { recursive: true, force: true }))

  it('app.asar holds the bundles, the UI and package.json, whose main is a file inside', () => {
    const entries = new Set(listPackage(asarPath, { isPack: false }).map((e) => e.replaceAll('\\', '/')))
    for (const file of [
      '/electron/dist/main.mjs',
      '/electron/dist/preload.cjs',
      '/renderer/dist/index.html',
      '/package.json',
    ])
      assert.ok(entries.has(file), `${file} is in app.asar`)
    const pkg = JSON.parse(extractFile(asarPath, 'package.json').toString('utf8')) as { main: string }
    assert.ok(entries.has(`/${pkg.main}`), `package.json's main (${pkg.main}) is inside app.asar`)
    assert.ok(
      ![...entries].some((e) => e.startsWith('/gis-data')),
      'the demo city is a resource, not in the archive',
    )
  })

  it('names nothing of the build machine: no repository path, no file:/// URL in any packaged file', () => {
    const packaged = [...walk(installedApp), ...walk(resources).filter((f) => f !== asarPath)]
    assert.ok(packaged.length > 4)
    for (const file of packaged) {
      const text = readFileSync(file, 'utf8')
      assert.ok(!text.includes(ROOT.replace(/\/$/, '')), `${file} holds the build path ${ROOT}`)
      assert.ok(!text.includes('file:///'), `${file} holds a file:/// URL`)
    }
  })

  it('brings the catalog and the version inside main.mjs', () => {
    const main = readFileSync(join(installedApp, 'electron', 'dist', 'main.mjs'), 'utf8')
    assert.ok(
      main.includes('GB/T 30428.2-2013') && main.includes('GB/T 47678.5-2026'),
      'both catalogs bundled',
    )
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string })
      .version
    assert.ok(main.includes(JSON.stringify(version)), 'the version bundled')
  })

  it('finds the UI, the preload and the demo city from the app and resources paths', () => {
    const paths = resolveAppPaths({ appPath: installedApp, resourcesPath: resources, packaged: true })
    assert.ok(existsSync(join(paths.rendererDir, 'index.html')), paths.rendererDir)
    assert.ok(existsSync(paths.preload), paths.preload)
    assert.equal(paths.demoCityDir, join(resources, DEMO_CITY_RESOURCE))
    const city = loadDemoCity(paths.demoCityDir)
    assert.ok(city.grids.length > 0 && city.regions.length > 0 && city.units.length > 0)
  })

  it('in development (npm start) the same layout is the repository', () => {
    const paths = resolveAppPaths({
      appPath: ROOT,
      resourcesPath: '/opt/electron/resources',
      packaged: false,
    })
    assert.ok(existsSync(join(paths.demoCityDir, 'city.json')), paths.demoCityDir)
    assert.equal(paths.preload, join(ROOT, 'electron', 'dist', 'preload.cjs'))
  })
})
