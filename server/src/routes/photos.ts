import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { presentPhoto, readablePhoto, recordPhoto } from '../db/photos.js'
import { badRequest, notFound, tooLarge, tooMany, unsupportedType } from '../errors.js'
import { principalOf, userOf } from '../auth/principal.js'
import { firstFilePart } from '../services/multipart.js'
import { PHOTO_MAX_BYTES, PHOTO_TYPES, sniffImageType } from '../services/photo-store.js'
import { createUploadMeter, type QuotaAnswer } from '../services/photo-quota.js'
import { caseErrors } from './schemas.js'

const PhotoBody = Type.Object({
  id: Type.String({ description: 'sha256 of the bytes; pass it in photoIds / afterPhotoIds / photoId' }),
  contentType: Type.String(),
  size: Type.Integer(),
  uploadedAt: Type.String(),
})

// Multipart adds headers and boundaries around the photo; the photo itself is checked against the limit.
const BODY_LIMIT = PHOTO_MAX_BYTES + 64 * 1024

/**
 * 照片 — upload (JPEG/PNG/WebP, ≤ 10 MB, type sniffed from the bytes; per-caller quota) and download (by
 * those who may read a case citing the photo, or its uploader until a case does).
 */
const photos: FastifyPluginAsyncTypebox = async (app) => {
  const meter = createUploadMeter(app.photoQuota, app.clock)
  const refuse = (answer: QuotaAnswer) => {
    if (!answer.ok) throw tooMany('PHOTO_QUOTA', `too many photo uploads: ${answer.reason}; try again in ${answer.retryAfterSeconds} s`, answer.retryAfterSeconds)
  }
  const quotaKey = (p: { readonly kind: string; readonly actor: { readonly id: string } }) => `${p.kind}:${p.actor.id}`
  app.addContentTypeParser([...PHOTO_TYPES, 'application/octet-stream', 'multipart/form-data'], { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_req, body, done) =>
    done(null, body),
  )

  app.post(
    '/photos',
    {
      bodyLimit: BODY_LIMIT,
      config: { apiScope: 'photos:create' },
      // A caller over its quota is refused before its body is read.
      preParsing: async (request) => {
        const declared = Number(request.headers['content-length'])
        refuse(meter.check(quotaKey(principalOf(request)), Number.isFinite(declared) ? Math.min(declared, PHOTO_MAX_BYTES) : 0))
      },
      schema: {
        tags: ['cases'],
        summary: 'Upload a photo: raw body (image/jpeg, image/png, image/webp) or multipart/form-data with one file',
        description: 'The type is read from the bytes (magic numbers); a body that claims one type and is another is refused. At most 10 MB.',
        response: { 201: PhotoBody, ...caseErrors, 413: Type.Ref('ErrorBody'), 415: Type.Ref('ErrorBody'), 429: Type.Ref('ErrorBody') },
      },
    },
    async (request, reply) => {
      const p = principalOf(request)
      // The boundary is case-sensitive: only the media type is compared in lower case.
      const contentType = request.headers['content-type'] ?? ''
      // A JSON or text body reaches here parsed, not as bytes.
      if (request.body !== undefined && !Buffer.isBuffer(request.body)) {
        throw unsupportedType(`send the photo's bytes as ${PHOTO_TYPES.join(', ')}, application/octet-stream or multipart/form-data`)
      }
      let bytes = request.body as Buffer | undefined
      let claimed = contentType.split(';')[0]!.trim().toLowerCase()
      if (claimed === 'multipart/form-data') {
        const part = bytes ? firstFilePart(bytes, contentType) : undefined
        if (!part) throw badRequest('body: the multipart body has no file part', 'body')
        bytes = part.bytes
        claimed = (part.contentType ?? 'application/octet-stream').toLowerCase()
      }
      if (!bytes || bytes.length === 0) throw badRequest('body: empty; send the photo’s bytes', 'body')
      if (bytes.length > PHOTO_MAX_BYTES) throw tooLarge(`the photo is ${bytes.length} bytes; at most ${PHOTO_MAX_BYTES} (10 MB)`)
      const type = sniffImageType(bytes)
      if (!type) throw unsupportedType('not a JPEG, PNG or WebP image (checked by its first bytes)')
      if (claimed !== 'application/octet-stream' && claimed !== type) throw unsupportedType(`the body is ${type} but was sent as ${claimed}`)
      refuse(meter.take(quotaKey(p), bytes.length))
      const id = await app.photos.save(bytes)
      const row = await recordPhoto(app.db, { id, contentType: type, size: bytes.length, uploadedBy: p.actor.id, now: app.clock() })
      return reply.status(201).send(presentPhoto(row))
    },
  )

  app.get(
    '/photos/:id',
    {
      schema: {
        tags: ['cases'],
        summary: 'A photo’s bytes (immutable: cache forever)',
        description: 'For those who may read a case citing the photo, and for its uploader until a case cites it; 404 for everyone else.',
        params: Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{64}$' }) }),
        response: { 200: Type.Any(), ...caseErrors },
      },
    },
    async (request, reply) => {
      const { actor } = userOf(request)
      const row = await readablePhoto(app.db, request.params.id, actor)
      const stream = row ? await app.photos.open(row.id) : undefined
      if (!row || !stream) throw notFound(`photo ${request.params.id}`)
      return reply
        .header('content-type', row.content_type)
        .header('content-length', String(row.size))
        .header('cache-control', 'private, max-age=31536000, immutable')
        .header('x-content-type-options', 'nosniff')
        .send(stream)
    },
  )
}

export default photos
