/**
 * Bundles the shell for Electron with esbuild: dist/main.mjs (the main process, ESM, node_modules left
 * external) and dist/preload.cjs (the sandboxed preload, one self-contained script with the contract's
 * client inlined — a sandboxed preload cannot load modules of its own). `tsx electron/build.ts` runs it.
 *
 * Nothing of the build machine goes into the bundles: the UI, the preload and the demo city are found at
 * run time from Electron's app and resources paths (app-paths.ts), the catalog and package.json's version
 * are JSON imports bundled in, and `import.meta.url` is left as it is (electron/packaging.test.ts checks).
 */
import { fileURLToPath, pathToFileURL } from 'node:url'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/** Where the bundles go by default. */
export const OUT_DIR = here('./dist/')

/** Builds both bundles into `outDir` (default electron/dist/); returns their paths. */
export async function buildElectron(
  outDir: string = OUT_DIR,
): Promise<{ readonly main: string; readonly preload: string }> {
  const esbuild = await import('esbuild')
  const dir = outDir.endsWith('/') ? outDir : `${outDir}/`
  const main = `${dir}main.mjs`
  const preload = `${dir}preload.cjs`
  await esbuild.build({
    entryPoints: [here('./main.ts')],
    outfile: main,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    packages: 'external',
    external: ['electron'],
    sourcemap: 'linked',
    // Source paths in the map relative to it, as esbuild writes them; no source text of the machine.
    sourcesContent: false,
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

/** Bundles the preload in memory (the preload test runs it against a fake `electron`). */
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

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  buildElectron().then(
    ({ main, preload }) => console.log(`built ${main} and ${preload}`),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
