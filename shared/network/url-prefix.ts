/**
 * Whether a request URL falls under a destination's URL prefix, compared on
 * parsed URLs, never as strings (as strings, `www.facebook.com/tr` also
 * matched `www.facebook.com/travel`, and `connect.facebook.net` matched
 * `connect.facebook.net.evil.example`).
 *
 * A prefix is `[scheme://]host[:port][/path]`:
 * - scheme: when given it must match; without one, http and https both do;
 * - host: exactly that host name (case-insensitive); `*.example.com` matches
 *   every subdomain of example.com (not example.com itself);
 * - port: when given it must match; without one, the scheme's default port;
 * - path: a prefix on segment boundaries. `/tr` matches `/tr`, `/tr/` and
 *   `/tr/x`, not `/travel`; a path ending in `/` (`/gtag/`) matches what is
 *   under it; no path, or `/`, matches every path. Query and fragment are
 *   not compared.
 */

interface ParsedPrefix {
  protocols: readonly string[]
  host: string
  subdomains: boolean
  port: string
  path: string
}

const ANY_WEB = ['http:', 'https:'] as const
const cache = new Map<string, ParsedPrefix | null>()

function parse(prefix: string): ParsedPrefix | null {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(prefix)
  const rest = scheme ? prefix.slice(scheme[0].length) : prefix.replace(/^\/\//, '')
  const subdomains = rest.startsWith('*.')
  let url: URL
  try {
    url = new URL(`${scheme ? scheme[1] : 'http'}://${subdomains ? rest.slice(2) : rest}`)
  } catch {
    return null
  }
  if (!url.hostname || url.username || url.password) return null
  return { protocols: scheme ? [url.protocol] : ANY_WEB, host: url.hostname, subdomains, port: url.port, path: url.pathname }
}

function parsed(prefix: string): ParsedPrefix | null {
  let p = cache.get(prefix)
  if (p === undefined) {
    p = prefix.length === 0 ? null : parse(prefix)
    // Prefixes come from a fixed table and the page's settings: a few hundred at most.
    if (cache.size > 5000) cache.clear()
    cache.set(prefix, p)
  }
  return p
}

/** Whether `path` is `under` or below it, on `/` boundaries. */
export function pathUnder(path: string, under: string): boolean {
  if (under === '/' || under === '') return true
  if (under.endsWith('/')) return path.startsWith(under)
  return path === under || path.startsWith(`${under}/`)
}

/** `url` parsed, or undefined when it is not a URL. A caller matching one URL against many prefixes parses it once. */
export function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url)
  } catch {
    return undefined
  }
}

/** Whether `url` falls under `prefix` (see above). Unparseable input matches nothing. */
export function urlMatches(url: string | URL, prefix: string): boolean {
  return pathBelow(url, prefix) !== undefined
}

/**
 * When `url` falls under `prefix`, the rest of its path below the prefix's
 * path, without a leading `/` (`''` for the prefix itself); else undefined.
 */
export function pathBelow(url: string | URL, prefix: string): string | undefined {
  const p = parsed(prefix)
  if (!p) return undefined
  const u = typeof url === 'string' ? parseUrl(url) : url
  if (!u) return undefined
  if (!p.protocols.includes(u.protocol)) return undefined
  const host = u.hostname
  if (p.subdomains ? !host.endsWith(`.${p.host}`) : host !== p.host) return undefined
  // Without a scheme, "no port" means the default port of whichever scheme the URL uses.
  if (u.port !== p.port) return undefined
  if (!pathUnder(u.pathname, p.path)) return undefined
  return u.pathname.slice(p.path.length).replace(/^\//, '')
}
