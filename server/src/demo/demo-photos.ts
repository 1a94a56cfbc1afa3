import { createHash } from 'node:crypto'
import { deflateSync } from 'node:zlib'
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema.js'
import type { PhotoStore } from '../services/photo-store.js'

/** What a demo photo shows: the problem (处置前), the fixed place (处置后), the made-safe site (到场), a check. */
export type DemoPhotoKind = 'before' | 'after' | 'arrival' | 'check'

/** One generated demo photo: a small PNG drawn in code, named by the sha256 of its bytes like any photo. */
export interface DemoPhoto {
  readonly id: string
  readonly kind: DemoPhotoKind
  readonly bytes: Buffer
}

const KINDS: readonly DemoPhotoKind[] = ['before', 'after', 'arrival', 'check']
const VARIANTS = 3
const WIDTH = 160
const HEIGHT = 120

/** Who the seed records as the uploader of the demo photos. */
export const DEMO_PHOTO_UPLOADER = 'demo-inspector'

let cached: readonly DemoPhoto[] | undefined

/**
 * 演示照片 — three variants of each kind, drawn in code (no binary files in the repository): a street scene
 * with a rubbish pile, the same street clean, a traffic cone at a hazard, a green tick. Same bytes every
 * time, so the same ids.
 */
export function demoPhotos(): readonly DemoPhoto[] {
  cached ??= KINDS.flatMap((kind) =>
    Array.from({ length: VARIANTS }, (_, variant) => {
      const bytes = encodePng(WIDTH, HEIGHT, (x, y) => pixel(kind, variant, x, y))
      return { id: createHash('sha256').update(bytes).digest('hex'), kind, bytes }
    }),
  )
  return cached
}

/** The demo photo ids of each kind. */
export function demoPhotoIds(): Readonly<Record<DemoPhotoKind, readonly string[]>> {
  const out = { before: [], after: [], arrival: [], check: [] } as Record<DemoPhotoKind, string[]>
  for (const p of demoPhotos()) out[p.kind].push(p.id)
  return out
}

/**
 * Records the demo photos in the photo table (a photo already recorded stays as it is) and, when a store is
 * given, writes their bytes. Returns the ids by kind, for the seed's commands to cite.
 */
export async function recordDemoPhotos(
  db: Kysely<Database> | Transaction<Database>,
  options: { readonly now: Date; readonly store?: PhotoStore },
): Promise<Readonly<Record<DemoPhotoKind, readonly string[]>>> {
  const photos = demoPhotos()
  if (options.store) for (const p of photos) await options.store.save(p.bytes)
  await db
    .insertInto('photo')
    .values(photos.map((p) => ({ id: p.id, content_type: 'image/png', size: p.bytes.length, uploaded_by: DEMO_PHOTO_UPLOADER, uploaded_at: options.now })))
    .onConflict((oc) => oc.column('id').doNothing())
    .execute()
  return demoPhotoIds()
}

/**
 * Writes the bytes of the demo photos the photo table lists into `store` when their files are missing — a
 * database seeded without a photo folder (the workstation's embedded central) or a wiped folder. One small
 * query; the store skips files that exist.
 */
export async function restoreDemoPhotos(db: Kysely<Database>, store: PhotoStore): Promise<number> {
  const photos = demoPhotos()
  const rows = await db.selectFrom('photo').select('id').where('id', 'in', photos.map((p) => p.id)).execute()
  const listed = new Set(rows.map((r) => r.id))
  let n = 0
  for (const p of photos) {
    if (!listed.has(p.id)) continue
    await store.save(p.bytes)
    n++
  }
  return n
}

type Rgb = readonly [number, number, number]

/** The colour of one pixel of a demo photo: sky, a street with a kerb, and the kind's subject. */
function pixel(kind: DemoPhotoKind, variant: number, x: number, y: number): Rgb {
  const horizon = 46 + variant * 6
  let c: Rgb
  if (y < horizon) {
    const t = y / horizon
    c = [Math.round(150 + 60 * t), Math.round(190 + 40 * t), 235]
    // A row of buildings along the street.
    const block = Math.floor((x + variant * 17) / 22)
    const top = horizon - 14 - ((block * 7 + variant * 5) % 18)
    if (y > top) c = [170 - (block % 3) * 18, 160 - (block % 2) * 14, 150 - (block % 4) * 10]
  } else {
    const t = (y - horizon) / (HEIGHT - horizon)
    c = [Math.round(120 - 30 * t), Math.round(122 - 30 * t), Math.round(126 - 30 * t)]
    if (y - horizon < 6) c = [196, 196, 188] // kerb
  }
  const cx = 56 + variant * 24
  const cy = horizon + 38
  const dx = x - cx
  const dy = y - cy
  switch (kind) {
    case 'before':
      // A rubbish pile: a mound of browns and a white bag.
      if (dy < 0 && dy > -24 && dx * dx < 26 * 26 - dy * dy * 1.2) c = (x + y) % 5 === 0 ? [88, 66, 40] : [130, 98, 60]
      if ((dx - 14) ** 2 + (dy + 8) ** 2 < 64) c = [232, 232, 226]
      break
    case 'after':
      // The same street, swept: a green verge along the kerb.
      if (y >= horizon + 6 && y < horizon + 12) c = [92, 150, 80]
      break
    case 'arrival':
      // A traffic cone with a white band, guarding the spot.
      if (dy < 0 && dy > -34 && Math.abs(dx) < (34 + dy) * 0.45 + 2) c = dy > -20 && dy < -13 ? [245, 245, 245] : [236, 110, 30]
      if (dy >= 0 && dy < 4 && Math.abs(dx) < 18) c = [60, 60, 60]
      break
    case 'check':
      // A green tick in the corner: checked on site.
      if (Math.abs(y - (HEIGHT - 20) + (x - 20)) < 3 && x >= 12 && x <= 24) c = [40, 170, 70]
      if (Math.abs(y - (HEIGHT - 20) - (x - 24) * 1.4) < 3 && x >= 24 && x <= 46) c = [40, 170, 70]
      break
  }
  return c
}

/** A minimal PNG encoder: 8-bit RGB, no filtering, one IDAT. */
function encodePng(width: number, height: number, at: (x: number, y: number) => Rgb): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height)
  let o = 0
  for (let y = 0; y < height; y++) {
    raw[o++] = 0
    for (let x = 0; x < width; x++) {
      const [r, g, b] = at(x, y)
      raw[o++] = r
      raw[o++] = g
      raw[o++] = b
    }
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bit depth
  header[9] = 2 // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length)
  out.writeUInt32BE(data.length, 0)
  out.write(type, 4, 'ascii')
  data.copy(out, 8)
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length)
  return out
}

let crcTable: Uint32Array | undefined

function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256)
    for (let n = 0; n < 256; n++) {
      let c = n
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
      crcTable[n] = c >>> 0
    }
  }
  let crc = 0xffffffff
  for (const b of bytes) crc = crcTable[(crc ^ b) & 0xff]! ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}
