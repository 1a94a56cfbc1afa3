import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import { DEFAULT_DEMO_PASSWORD } from '../src/config.js'
import { DEMO_PEOPLE } from '../src/demo/demo-people.js'

/** A parsed JSON answer. */
export interface Answer {
  readonly status: number
  // Tests read arbitrary response fields.
  readonly body: any // eslint-disable-line @typescript-eslint/no-explicit-any
  readonly headers: Record<string, string | string[] | number | undefined>
}

/** Requests as one caller (a bearer token, an API key, or nobody). */
export interface Caller {
  readonly id: string
  get(url: string): Promise<Answer>
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>
  put(url: string, body?: unknown): Promise<Answer>
}

/** A caller sending `auth` headers. */
export function caller(app: FastifyInstance, id: string, auth: Record<string, string>): Caller {
  const send = async (method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> => {
    const res = await app.inject({ method, url, headers: { ...auth, ...headers }, ...(body !== undefined ? { payload: body as object } : {}) })
    let parsed: unknown = res.body
    if ((res.headers['content-type'] ?? '').toString().includes('json')) parsed = res.json()
    return { status: res.statusCode, body: parsed, headers: res.headers }
  }
  return {
    id,
    get: (url) => send('GET', url),
    post: (url, body, headers) => send('POST', url, body ?? {}, headers),
    put: (url, body) => send('PUT', url, body ?? {}),
  }
}

/** Signs in a demo account and returns a caller with its token. */
export async function signIn(app: FastifyInstance, username: string, password = DEFAULT_DEMO_PASSWORD): Promise<Caller> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } })
  assert.equal(res.statusCode, 200, `sign-in of ${username}: ${res.body}`)
  const body = res.json() as { token: string; user: { id: string } }
  return caller(app, body.user.id, { authorization: `Bearer ${body.token}` })
}

/** Every demo account, signed in, by username. */
export async function signInAll(app: FastifyInstance): Promise<Record<string, Caller>> {
  // argon2 runs on libuv's thread pool, so the sign-ins verify side by side.
  const callers = await Promise.all(DEMO_PEOPLE.map((p) => signIn(app, p.username)))
  return Object.fromEntries(DEMO_PEOPLE.map((p, i) => [p.username, callers[i]!]))
}

/** A 1×1 PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

/** A minimal JPEG header (the sniffer reads magic numbers only). */
export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 1)])

/** Uploads bytes as a photo and returns its id. */
export async function uploadPhoto(by: Caller, bytes: Buffer = PNG, contentType = 'image/png'): Promise<string> {
  const res = await by.post('/api/v1/photos', bytes, { 'content-type': contentType })
  assert.equal(res.status, 201, `photo upload: ${JSON.stringify(res.body)}`)
  return res.body.id as string
}
