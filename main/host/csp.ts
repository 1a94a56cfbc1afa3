import type { Settings } from '../../contracts/bridge/index.js'

/** 天地图 tile hosts (t0–t7, http and https). */
const TIANDITU = ['https://*.tianditu.gov.cn', 'http://*.tianditu.gov.cn']

/**
 * The Content-Security-Policy of the workstation page, the same in Electron and in browser mode: scripts
 * only from the app itself (no inline script, no eval), no plugins, no framing, no form posts; images and
 * fetches also from the base-map hosts the settings name (天地图 and the city's own tile service).
 * `connect` adds sources for the page's own connections (browser mode's event socket).
 */
export function contentSecurityPolicy(
  settings: Settings,
  options: { readonly connect?: readonly string[] } = {},
): string {
  const custom = originOf(settings.customBasemapUrl)
  const tiles = [...TIANDITU, ...(custom ? [custom] : [])].join(' ')
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Vue and OpenLayers set style attributes; inline styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${tiles}`,
    "font-src 'self' data:",
    `connect-src 'self' ${tiles}${options.connect?.length ? ' ' + options.connect.join(' ') : ''}`,
    // OpenLayers' WebGL layers start their worker from a blob URL.
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/**
 * The CSP source of a tile URL template (scheme://host[:port]), or undefined when there is none. A
 * subdomain placeholder ({s}, {a-c}) in the first host label becomes a wildcard: `https://*.example.com`.
 */
export function originOf(template: string): string | undefined {
  const m = /^(https?):\/\/([^/?#]+)/i.exec(template)
  if (!m) return undefined
  const scheme = m[1]!.toLowerCase()
  let host = m[2]!
  if (host.includes('@')) return undefined
  if (host.includes('{')) {
    const [first, ...rest] = host.split('.')
    if (!first!.includes('{') || rest.length < 2 || rest.some((label) => label.includes('{')))
      return undefined
    host = `*.${rest.join('.')}`
  }
  if (!/^[*A-Za-z0-9.-]+(:\d{1,5})?$/.test(host)) return undefined
  return `${scheme}://${host.toLowerCase()}`
}
