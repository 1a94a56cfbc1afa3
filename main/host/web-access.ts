/**
 * 浏览器模式访问控制 — who may use browser mode's bridge. Listening on loopback is not enough: any local
 * program (curl, another OS user) can connect, and a web page can reach it through DNS rebinding (its own
 * name resolving to 127.0.0.1). So the host
 *
 * - answers only to the names it serves (`Host`): loopback names, the address it was bound to, this
 *   machine's interface addresses when bound to all of them (0.0.0.0 / ::), and CITYLOOP_PUBLIC_HOST; a
 *   rebound name is refused before anything else happens;
 * - makes a per-launch key (256 bits) that only the printed address carries (`/?key=…`, like a notebook
 *   server); the page exchanges it for an HttpOnly, SameSite=Strict cookie holding a second per-launch
 *   secret, and every bridge call and the event socket need that cookie. A new launch makes new secrets,
 *   so an old tab or a copied cookie stops working.
 *
 * Pure apart from reading the interface list and random bytes; web-host.ts wires it into Fastify.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { networkInterfaces } from 'node:os'

/** The query parameter that carries the launch key. */
export const KEY_PARAM = 'key'

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'] as const
const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]', ''])

/** Options of {@link createWebAccess}. */
export interface WebAccessOptions {
  /** The port the host listens on (after listen: the real one when 0 was asked for). */
  readonly port: number
  /** The address the host was bound to (HOST), e.g. 127.0.0.1, 0.0.0.0, 192.168.1.20. */
  readonly host: string
  /**
   * Further names the host is reached by (CITYLOOP_PUBLIC_HOST, comma-separated in the environment):
   * `wall.example`, `wall.example:8443`, `[2001:db8::1]`. Without a port, the listening port.
   */
  readonly publicHosts?: readonly string[]
  /** The machine's interface addresses (tests); default os.networkInterfaces(). */
  readonly interfaces?: () => readonly string[]
  /** The launch key and cookie secret (tests); default 32 random bytes each. */
  readonly secrets?: { readonly key: string; readonly cookie: string }
}

/** Access control of one launch of the browser-mode host. */
export interface WebAccess {
  /** The launch key (base64url, 256 bits): only the printed addresses carry it. */
  readonly key: string
  /** Name of the session cookie; it names the port, since browsers send cookies to every port of a host. */
  readonly cookieName: string
  /** The Set-Cookie header value that admits this browser for this launch. */
  setCookie(): string
  /** True when `host` (the Host header) is a name this host serves. */
  allowedHost(host: string | undefined): boolean
  /** True when `origin` (an Origin header) is one of this host's own origins. */
  allowedOrigin(origin: string): boolean
  /** True when `candidate` is the launch key (constant time). */
  validKey(candidate: unknown): boolean
  /** True when the Cookie header holds this launch's session cookie (constant time). */
  validCookie(cookieHeader: string | undefined): boolean
  /** The addresses to open, each with the key, e.g. http://127.0.0.1:8080/?key=… (loopback first). */
  keyedUrls(): string[]
  /** The same addresses without the key. */
  baseUrls(): string[]
}

/** Parses CITYLOOP_PUBLIC_HOST (comma- or space-separated names); throws naming the bad entry. */
export function parsePublicHosts(value: string | undefined): string[] {
  if (!value?.trim()) return []
  return value
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((entry) => {
      const name = entry.toLowerCase()
      if (!splitHost(name) || /[/?#@]/.test(name))
        throw new Error(
          `CITYLOOP_PUBLIC_HOST: "${entry}" is not a host name (wall.example, wall.example:8080, [::1])`,
        )
      return name
    })
}

/** Creates the access control of one launch. */
export function createWebAccess(options: WebAccessOptions): WebAccess {
  const { port } = options
  const key = options.secrets?.key ?? randomBytes(32).toString('base64url')
  const cookieSecret = options.secrets?.cookie ?? randomBytes(32).toString('base64url')
  const cookieName = `cityloop_session_${port}`
  const readInterfaces = options.interfaces ?? interfaceAddresses
  const bound = options.host.trim().toLowerCase()
  const wildcard = WILDCARD_HOSTS.has(bound)

  // The addresses printed, in order (loopback first); each is also accepted as Host.
  const printed: string[] = []
  const print = (name: string, p = port) => {
    const authority = `${bracket(name)}:${p}`
    if (!printed.includes(authority)) printed.push(authority)
  }
  if (wildcard) print('127.0.0.1')
  else print(bound)
  if (wildcard) {
    // 0.0.0.0 listens on IPv4 only; '::' on both.
    for (const a of readInterfaces()) if (bound !== '0.0.0.0' || !a.includes(':')) print(a)
  }
  for (const entry of options.publicHosts ?? []) {
    const [name, p] = splitHost(entry)!
    print(name, p ?? port)
  }
  // Loopback names are always accepted (no foreign page can be served under them), printed or not.
  const accepted = new Set(printed.flatMap(authorityForms))
  LOOPBACK_NAMES.forEach((n) => authorityForms(`${n}:${port}`).forEach((f) => accepted.add(f)))

  const digest = (s: string) => createHash('sha256').update(s).digest()
  const sameSecret = (candidate: string, secret: string) => timingSafeEqual(digest(candidate), digest(secret))

  const access: WebAccess = {
    key,
    cookieName,
    setCookie: () => `${cookieName}=${cookieSecret}; Path=/; HttpOnly; SameSite=Strict`,
    allowedHost(host) {
      if (!host) return false
      const h = host.toLowerCase()
      if (accepted.has(h)) return true
      // Bound to every interface: an address that came up after the start is served too. An IP literal
      // cannot be rebound (rebinding needs the attacker's own name), so this only re-reads the list.
      if (!wildcard) return false
      const [name, p] = splitHost(h) ?? []
      if (name === undefined || (p ?? 80) !== port) return false
      return readInterfaces().some((a) => bracket(a) === name)
    },
    allowedOrigin(origin) {
      const m = /^https?:\/\/([^/]+)$/i.exec(origin)
      return m !== null && access.allowedHost(m[1])
    },
    validKey(candidate) {
      return typeof candidate === 'string' && candidate.length > 0 && sameSecret(candidate, key)
    },
    validCookie(cookieHeader) {
      if (!cookieHeader) return false
      let ok = false
      // Every cookie of that name is compared (a browser may hold more than one, e.g. from another path).
      for (const part of cookieHeader.split(';')) {
        const eq = part.indexOf('=')
        if (eq < 0 || part.slice(0, eq).trim() !== cookieName) continue
        if (sameSecret(part.slice(eq + 1).trim(), cookieSecret)) ok = true
      }
      return ok
    },
    baseUrls: () => printed.map((a) => `http://${a}/`),
    keyedUrls: () => access.baseUrls().map((u) => `${u}?${KEY_PARAM}=${key}`),
  }
  return access
}

/** Every non-internal address of this machine (IPv6 link-local left out: it needs a zone to be used). */
function interfaceAddresses(): string[] {
  const out: string[] = []
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) {
      if (a.internal) continue
      if (a.family === 'IPv6' && a.address.toLowerCase().startsWith('fe80')) continue
      out.push(a.address.toLowerCase())
    }
  }
  return out
}

/** An IPv6 literal in brackets, as it appears in a Host header and a URL. */
function bracket(name: string): string {
  return name.includes(':') && !name.startsWith('[') ? `[${name}]` : name
}

/** `name:port` and, for port 80 (which browsers leave out of Host and Origin), `name`. */
function authorityForms(authority: string): string[] {
  const [name, p] = splitHost(authority)!
  return p === 80 ? [authority, name] : [authority]
}

/** Splits `name[:port]`, `[v6][:port]` or a bare IPv6 literal; undefined when it is none of these. */
function splitHost(value: string): [string, number | undefined] | undefined {
  const v = value.toLowerCase()
  let m: RegExpExecArray | null
  let name: string
  let portText: string | undefined
  if ((m = /^(\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/.exec(v))) [name, portText] = [m[1]!, m[2]]
  else if (/^[0-9a-f:.]+$/.test(v) && v.split(':').length > 2) name = `[${v}]`
  else if ((m = /^([a-z0-9.-]+)(?::(\d{1,5}))?$/.exec(v))) [name, portText] = [m[1]!, m[2]]
  else return undefined
  const p = portText === undefined ? undefined : Number(portText)
  if (p !== undefined && (p < 1 || p > 65535)) return undefined
  return [name, p]
}
