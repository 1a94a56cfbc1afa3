import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, type ReadStream } from 'node:fs'
import { mkdir, rename, stat, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * 照片存储 — case photos as files named by the sha256 of their bytes, under CITYLOOP_DATA_DIR/photos/ab/abcd….
 *
 * Why files and not the database: photos are the bulk of a case loop's data (a few MB each, several per
 * case, hundreds of thousands of cases a year) and never change. Kept out of PostgreSQL, they do not bloat
 * the system of record's backups, replication and vacuum, and PGlite does not push megabytes through
 * WebAssembly. Content addressing makes a write idempotent (a retried upload is the same file) and
 * duplicates free; the `photo` table holds the metadata, so references stay checkable in SQL. Several
 * server instances need this folder on a shared volume; the interface is small so an object store can
 * replace it.
 */
export interface PhotoStore {
  /** Stores the bytes (if not already stored) and returns their sha256 id. */
  save(bytes: Uint8Array): Promise<string>
  /** A stream of the stored bytes, or undefined when the file is missing. */
  open(id: string): Promise<ReadStream | undefined>
  /** Deletes the stored bytes (no error when already gone). */
  remove(id: string): Promise<void>
  /** The folder the photos live in. */
  readonly dir: string
}

/** 照片大小上限 — 10 MB, as in issue 4. */
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024

/** The image types stored. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const
/** One of {@link PHOTO_TYPES}. */
export type PhotoType = (typeof PHOTO_TYPES)[number]

/** The image type the bytes really are (magic numbers), whatever the request claimed; undefined for anything else. */
export function sniffImageType(b: Uint8Array): PhotoType | undefined {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg'
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
  if (b.length >= 8 && png.every((v, i) => b[i] === v)) return 'image/png'
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to))
  if (b.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp'
  return undefined
}

const ID = /^[0-9a-f]{64}$/

/** A photo store in `dir` (created on first write). */
export function createPhotoStore(dir: string): PhotoStore {
  const pathOf = (id: string) => join(dir, id.slice(0, 2), id)
  return {
    dir,
    async save(bytes) {
      const id = createHash('sha256').update(bytes).digest('hex')
      const path = pathOf(id)
      if (await exists(path)) return id
      await mkdir(join(dir, id.slice(0, 2)), { recursive: true })
      // Write aside, then rename: a reader never sees half a photo, and two writers of the same bytes both win.
      const partial = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.part`
      try {
        await writeFile(partial, bytes, { flush: true })
        await rename(partial, path)
      } catch (error) {
        await unlink(partial).catch(() => undefined)
        throw error
      }
      return id
    },
    async open(id) {
      if (!ID.test(id)) return undefined
      const path = pathOf(id)
      return (await exists(path)) ? createReadStream(path) : undefined
    },
    async remove(id) {
      if (!ID.test(id)) return
      await unlink(pathOf(id)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error
      })
    },
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}
