/**
 * 登录会话 — the workstation's sign-in at the central API. The bearer token lives here and in the session
 * file only: main/'s services read it through {@link SessionService.token} or call the API through
 * {@link SessionService.call}; no bridge answer or event ever carries it.
 */
import { readFile, unlink } from 'node:fs/promises'
import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { Role } from '../../core/case/types.js'
import { ROLES } from '../../core/case/types.js'
import type { Session, SignedInUser } from '../../contracts/bridge/index.js'
import { writeFileAtomic } from '../store/atomic-file.js'
import { BridgeFailure } from '../bridge-dispatch.js'
import type { Log } from '../log.js'

/**
 * Roles that see (and sync) every case: the center's desk, leaders and administrators. Mirrors
 * SEE_ALL_CASES in server/src/services/access.ts — the server decides, this only keeps the workstation
 * from asking for a feed it would be refused (main/ does not import server code, and core has no list).
 */
export const SEE_ALL_CASES: readonly Role[] = ['receiver', 'shift-leader', 'dispatcher', 'leader', 'admin']

/** True when `role` may sync every case. */
export function seesAllCases(role: Role): boolean {
  return SEE_ALL_CASES.includes(role)
}

/** The central API could not be reached (network, timeout). */
export class CentralUnavailable extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CentralUnavailable'
  }
}

/** An answer of the central API. */
export interface CentralAnswer {
  readonly status: number
  readonly headers: Headers
  /** The JSON body (undefined when empty or not JSON). */
  readonly body: unknown
  /** The raw bytes, when asked for with `raw`. */
  readonly bytes?: Uint8Array
}

/** Options of one {@link SessionService.call}. */
export interface CallOptions {
  readonly body?: unknown
  readonly headers?: Readonly<Record<string, string>>
  /** Return the body as bytes (photos). */
  readonly raw?: boolean
  /** Only as this account: refuse (UNAUTHORIZED) when another one is signed in now. */
  readonly asUser?: string
  readonly timeoutMs?: number
}

/** 登录会话 — sign-in, sign-out, expiry, and calls to the central API as the signed-in account. */
export interface SessionService {
  /** The session as the bridge shows it (no token). */
  get(): Session
  user(): SignedInUser | null
  /** The bearer token for main/'s own calls; never put it in an answer, an event or a log line. */
  token(): string | undefined
  /** Signs in; UNAUTHORIZED with the API's reason (wrong password, locked account), UNAVAILABLE offline. */
  signIn(username: string, password: string): Promise<Session>
  /** Signs out here and, when reachable, at the central API (the token stops working at once). */
  signOut(): Promise<Session>
  /** Ends the session because the central API refused its token (a 401). */
  expire(reason: string): void
  /** Asks the central API whether the stored session still holds (GET /auth/me); kept as is when offline. */
  verify(): Promise<void>
  /**
   * Calls the central API as the signed-in account. A 401 ends the session (and is returned); no session
   * is UNAUTHORIZED; an unreachable API throws {@link CentralUnavailable}.
   */
  call(method: 'GET' | 'POST', path: string, options?: CallOptions): Promise<CentralAnswer>
  /** Called after every change (sign-in, sign-out, expiry, a refreshed account). */
  onChange(listener: (session: Session) => void): () => void
  close(): void
}

/** Options of {@link createSessionService}. */
export interface SessionServiceOptions {
  /** The session file, e.g. `<userData>/session.json` (mode 0600). */
  readonly file: string
  readonly centralUrl: string
  readonly log: Log
  readonly fetch?: typeof fetch
  /** Epoch ms now (tests move it). */
  readonly now?: () => number
  /**
   * Encrypts the token before it is written (Electron: safeStorage.encryptString → base64) and decrypts it
   * when read. Absent: the file holds it in clear, readable by this OS account only (mode 0600).
   */
  readonly protect?: { encrypt(token: string): string; decrypt(stored: string): string }
  /**
   * False: keep the token in memory only (Electron without a real keychain, see token-keeping.ts) — sign in
   * at each start; a session file left from before is deleted unread. Default true.
   */
  readonly persist?: boolean
}

interface Stored {
  readonly user: SignedInUser
  readonly token: string
  readonly expiresAt: string
}

interface SessionFile {
  readonly version: 1
  readonly protected: boolean
  readonly token: string
  readonly expiresAt: string
  readonly user: SignedInUser
}

const DEFAULT_TIMEOUT_MS = 30_000

/**
 * Opens the session service with the session stored in `file`, if any and not expired. The stored session
 * is trusted until the central API says otherwise (a 401, or {@link SessionService.verify}): a workstation
 * that starts offline still knows who is signed in, so queued commands keep their account.
 */
export async function createSessionService(options: SessionServiceOptions): Promise<SessionService> {
  const { file, log } = options
  const base = options.centralUrl.replace(/\/+$/, '')
  const doFetch = options.fetch ?? fetch
  const now = options.now ?? Date.now
  const persistent = options.persist ?? true
  const tokenStorage: Session['tokenStorage'] = !persistent ? 'none' : options.protect ? 'keychain' : 'file'
  const signedOut: Session = Object.freeze({ user: null, expiresAt: null, casesVisible: false, tokenStorage })
  const listeners = new Set<(s: Session) => void>()
  let current: Stored | undefined = persistent ? await load() : await discard()
  let expiryTimer: NodeJS.Timeout | undefined
  let writing: Promise<void> = Promise.resolve()
  schedule()

  async function load(): Promise<Stored | undefined> {
    let raw: string
    try {
      raw = await readFile(file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log.warn(`${file} is unreadable: signed out`)
      return undefined
    }
    try {
      const f = JSON.parse(raw) as SessionFile
      if (f.version !== 1 || typeof f.token !== 'string' || !isUser(f.user))
        throw new Error('not a session file')
      if (f.protected && !options.protect)
        throw new Error('the token is encrypted and no decryption is available')
      const token = f.protected ? options.protect!.decrypt(f.token) : f.token
      if (!(Date.parse(f.expiresAt) > now())) {
        log.info(`the stored session of ${f.user.username} has expired`)
        await unlink(file).catch(() => {})
        return undefined
      }
      return { user: f.user, token, expiresAt: f.expiresAt }
    } catch (error) {
      log.warn(`${file} holds no usable session (${(error as Error).message}): signed out`)
      return undefined
    }
  }

  /** Not persisting: a file an earlier start wrote (sealed with a known key, say) must not stay behind. */
  async function discard(): Promise<undefined> {
    await unlink(file).then(
      () => log.warn(`${file} deleted: the session token is not stored without an OS keychain`),
      (e: NodeJS.ErrnoException) => {
        if (e.code !== 'ENOENT') log.error(`could not delete ${file}`, e)
      },
    )
    return undefined
  }

  function persist(): Promise<void> {
    if (!persistent) return Promise.resolve()
    const snapshot = current
    writing = writing
      .then(async () => {
        if (!snapshot) {
          await unlink(file).catch((e: NodeJS.ErrnoException) => {
            if (e.code !== 'ENOENT') throw e
          })
          return
        }
        const body: SessionFile = {
          version: 1,
          protected: options.protect !== undefined,
          token: options.protect ? options.protect.encrypt(snapshot.token) : snapshot.token,
          expiresAt: snapshot.expiresAt,
          user: snapshot.user,
        }
        await mkdir(dirname(file), { recursive: true })
        // writeFileAtomic creates the file with mode 0600: only this OS account can read the token.
        await writeFileAtomic(file, JSON.stringify(body, null, 2) + '\n')
      })
      .catch((error: unknown) => log.error('could not store the session', error))
    return writing
  }

  function view(): Session {
    if (!current) return signedOut
    return Object.freeze({
      user: current.user,
      expiresAt: current.expiresAt,
      casesVisible: seesAllCases(current.user.role),
      tokenStorage,
    })
  }

  function changed(): void {
    schedule()
    const s = view()
    for (const l of listeners) {
      try {
        l(s)
      } catch (error) {
        log.error('a session listener failed', error)
      }
    }
  }

  function schedule(): void {
    if (expiryTimer) clearTimeout(expiryTimer)
    expiryTimer = undefined
    if (!current) return
    // setTimeout treats anything past 2^31-1 ms as 1 ms.
    const wait = Math.min(2 ** 31 - 1, Math.max(0, Date.parse(current.expiresAt) - now()))
    expiryTimer = setTimeout(() => service.expire('the session has expired'), wait)
    expiryTimer.unref()
  }

  async function send(
    method: string,
    path: string,
    token: string | undefined,
    o: CallOptions = {},
  ): Promise<CentralAnswer> {
    const headers: Record<string, string> = { accept: 'application/json', ...o.headers }
    if (token) headers.authorization = `Bearer ${token}`
    if (o.body !== undefined) headers['content-type'] = 'application/json'
    let response: Response
    try {
      response = await doFetch(`${base}/api/v1${path}`, {
        method,
        headers,
        ...(o.body !== undefined ? { body: JSON.stringify(o.body) } : {}),
        signal: AbortSignal.timeout(o.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      })
    } catch (error) {
      const e = error as Error & { cause?: unknown }
      throw new CentralUnavailable(`central API at ${base} is unreachable: ${String(e.cause ?? e.message)}`)
    }
    try {
      if (o.raw && response.ok) {
        return {
          status: response.status,
          headers: response.headers,
          body: undefined,
          bytes: new Uint8Array(await response.arrayBuffer()),
        }
      }
      const text = await response.text()
      let body: unknown
      try {
        body = text === '' ? undefined : JSON.parse(text)
      } catch {
        body = undefined
      }
      return { status: response.status, headers: response.headers, body }
    } catch (error) {
      // The answer broke off mid-way: as unreachable as no answer at all.
      throw new CentralUnavailable(
        `the central API's answer to ${method} ${path} broke off: ${(error as Error).message}`,
      )
    }
  }

  const service: SessionService = {
    get: view,
    user: () => current?.user ?? null,
    token: () => current?.token,
    async signIn(username, password) {
      const answer = await send('POST', '/auth/login', undefined, { body: { username, password } }).catch(
        (error) => {
          if (error instanceof CentralUnavailable) throw new BridgeFailure('UNAVAILABLE', error.message)
          throw error
        },
      )
      if (answer.status !== 200) {
        const message = errorMessage(answer.body) ?? `the central API answered ${answer.status}`
        if (answer.status === 401 || answer.status === 429) throw new BridgeFailure('UNAUTHORIZED', message)
        if (answer.status === 400) throw new BridgeFailure('BAD_REQUEST', message)
        throw new BridgeFailure(answer.status >= 500 ? 'UNAVAILABLE' : 'INTERNAL', message)
      }
      const b = answer.body as { token?: unknown; expiresAt?: unknown; user?: unknown }
      if (typeof b?.token !== 'string' || typeof b.expiresAt !== 'string' || !isUser(b.user))
        throw new BridgeFailure('INTERNAL', 'the central API answered the sign-in with an unexpected body')
      const previous = current
      current = { user: userOf(b.user), token: b.token, expiresAt: b.expiresAt }
      await persist()
      log.info(`signed in as ${current.user.username} (${current.user.role}) until ${current.expiresAt}`)
      // The token of an account signed in before is worth ending at the server too.
      if (previous && previous.token !== current.token)
        void send('POST', '/auth/logout', previous.token).catch(() => {})
      changed()
      return view()
    },
    async signOut() {
      const was = current
      if (!was) return view()
      current = undefined
      await persist()
      changed()
      log.info(`signed out ${was.user.username}`)
      // Best effort: offline, the token stays valid at the server until it expires, but it is gone here.
      await send('POST', '/auth/logout', was.token, { timeoutMs: 5_000 }).catch(() => {})
      return view()
    },
    expire(reason) {
      if (!current) return
      log.warn(`signed out ${current.user.username}: ${reason}`)
      current = undefined
      void persist()
      changed()
    },
    async verify() {
      const token = current?.token
      if (!token) return
      let answer: CentralAnswer
      try {
        answer = await send('GET', '/auth/me', token)
      } catch {
        return
      }
      if (current?.token !== token) return
      if (answer.status === 401) return service.expire('the central API no longer knows this session')
      const b = answer.body as { user?: unknown; expiresAt?: unknown }
      if (answer.status === 200 && isUser(b?.user) && typeof b.expiresAt === 'string') {
        const user = userOf(b.user)
        if (JSON.stringify(user) !== JSON.stringify(current.user) || b.expiresAt !== current.expiresAt) {
          current = { ...current, user, expiresAt: b.expiresAt }
          await persist()
          changed()
        }
      }
    },
    async call(method, path, o = {}) {
      const token = current?.token
      if (!token) throw new BridgeFailure('UNAUTHORIZED', 'sign in first')
      if (o.asUser !== undefined && current!.user.id !== o.asUser)
        throw new BridgeFailure('UNAUTHORIZED', 'another account is signed in')
      const answer = await send(method, path, token, o)
      if (answer.status === 401 && current?.token === token)
        service.expire(errorMessage(answer.body) ?? 'the central API refused the session')
      return answer
    },
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close() {
      if (expiryTimer) clearTimeout(expiryTimer)
      expiryTimer = undefined
    },
  }
  return service
}

/** The `error.message` of a central API error body. */
export function errorMessage(body: unknown): string | undefined {
  const e = (body as { error?: { message?: unknown } } | undefined)?.error
  return typeof e?.message === 'string' ? e.message : undefined
}

function isUser(u: unknown): u is SignedInUser {
  const x = u as Partial<Record<keyof SignedInUser, unknown>> | null
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof x.id === 'string' &&
    typeof x.username === 'string' &&
    typeof x.role === 'string' &&
    (ROLES as readonly string[]).includes(x.role)
  )
}

// Only the fields the contract names: the API's user body has more (active, version).
function userOf(u: SignedInUser): SignedInUser {
  return {
    id: u.id,
    username: u.username,
    displayName: typeof u.displayName === 'string' ? u.displayName : u.username,
    role: u.role,
    unitId: typeof u.unitId === 'string' ? u.unitId : null,
    gridIds: Array.isArray(u.gridIds) ? u.gridIds.filter((g): g is string => typeof g === 'string') : [],
  }
}
