import { randomBytes } from 'node:crypto'
import { open, readdir, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** Options of {@link writeFileAtomic}. */
export interface AtomicWriteOptions {
  /** Test hook: runs after the temp file is durable and before the rename. */
  readonly beforeRename?: (tempPath: string) => void | Promise<void>
}

/**
 * Replaces `path` with `data` so that a crash at any moment leaves either the old file or the new one,
 * never a mix: write a temp file beside it, fsync it, rename it over the target, fsync the folder.
 */
export async function writeFileAtomic(
  path: string,
  data: Uint8Array | string,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const temp = tempPathFor(path)
  try {
    const handle = await open(temp, 'w', 0o600)
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await options.beforeRename?.(temp)
    await rename(temp, path)
  } catch (error) {
    await unlink(temp).catch(() => {})
    throw error
  }
  await syncFolder(dirname(path))
}

/** A unique temp name beside `path` that {@link removeStaleTemps} recognises. */
export function tempPathFor(path: string): string {
  return `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
}

/** Deletes temp files a crashed writer left beside `path`; returns how many. */
export async function removeStaleTemps(path: string): Promise<number> {
  const folder = dirname(path)
  const prefix = `${basename(path)}.`
  let removed = 0
  let names: string[]
  try {
    names = await readdir(folder)
  } catch {
    return 0
  }
  for (const name of names) {
    if (name.startsWith(prefix) && name.endsWith('.tmp')) {
      await unlink(join(folder, name)).catch(() => {})
      removed++
    }
  }
  return removed
}

// The rename is durable only once the folder entry is; Windows cannot open folders, and there a rename is
// already journaled by NTFS.
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return
  try {
    const handle = await open(folder, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    // Some file systems refuse fsync on folders; the rename itself is still atomic.
  }
}
