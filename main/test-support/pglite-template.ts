/**
 * The PGlite initdb dump that server/test/databases.ts keeps in the OS temp folder, for tests that start
 * the embedded central (a fresh initdb costs 10–15 s of WebAssembly; the dump restores in about one).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'

/** The dump, made once per PGlite version and machine (the same file the server's tests use). */
export async function pgliteTemplate(): Promise<Blob> {
  const manifest = new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url)
  const version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version
  const path = join(tmpdir(), `cityloop-pglite-initdb-${version}.tar.gz`)
  if (!existsSync(path)) {
    const pg = await PGlite.create()
    const dump = await pg.dumpDataDir('gzip')
    await pg.close()
    const partial = `${path}.${process.pid}.tmp`
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()))
    renameSync(partial, path)
  }
  return new Blob([readFileSync(path)])
}
