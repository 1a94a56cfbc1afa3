/**
 * Bundles the shell for Electron with esbuild: dist/main.mjs (the main process, ESM, node_modules left
 * external) and dist/preload.cjs (the sandboxed preload, one self-contained script with the contract
 * inlined — a sandboxed preload cannot load modules of its own).
 */
import { readFile } from 'node:fs/promises'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Plugin } from 'esbuild'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/** Where the bundles go. */
export const OUT_DIR = here('./dist/')

// Modules find their data beside themselves (import.meta.url: the demo city, package.json). A bundle
// would move that to dist/, so each file keeps its own source URL.
const keepImportMetaUrl: Plugin = {
  name: 'keep-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8')
      return {
        contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
        loader: 'ts',
      }
    })
  },
}

/** Builds both bundles; returns their paths. */
export async function buildElectron(): Promise<{ readonly main: string; readonly preload: string }> {
  const esbuild = await import('esbuild')
  const main = `${OUT_DIR}main.mjs`
  const preload = `${OUT_DIR}preload.cjs`
  await esbuild.build({
    entryPoints: [here('./main.ts')],
    outfile: main,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    packages: 'external',
    external: ['electron'],
    plugins: [keepImportMetaUrl],
    sourcemap: 'linked',
    logLevel: 'warning',
  })
  await esbuild.build({
    entryPoints: [here('./preload.ts')],
    outfile: preload,
    bundle: true,
    format: 'cjs',
    platform: 'browser',
    target: 'chrome140',
    external: ['electron'],
    logLevel: 'warning',
  })
  return { main, preload }
}

/** Bundles the preload in memory (the contract test runs it against a fake `electron`). */
export async function bundlePreload(): Promise<string> {
  const esbuild = await import('esbuild')
  const result = await esbuild.build({
    entryPoints: [here('./preload.ts')],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'browser',
    target: 'es2022',
    external: ['electron'],
    logLevel: 'silent',
  })
  return result.outputFiles[0]!.text
}
