/**
 * Which requests are Segment API event requests: a POST under one of the
 * Segment prefixes (Segment's own hosts, or a first-party proxy's prefix
 * such as `https://shop.example/seg`), to an event endpoint, whatever sits
 * between: `/p`, `/t`, `/i`, `/batch`, `/v1/t`, `/v1/b`... A proxy rarely
 * keeps Segment's `/v1/`. Metrics (`/v1/m`) and settings are not events.
 */
import { pathBelow } from './url-prefix'

/** Segment's event endpoints, short and long: one list for recognising a request and for finding its prefix. */
const ENDPOINTS = 't|p|i|g|a|s|b|track|page|identify|group|alias|screen|batch|import'
const ENDPOINT = new RegExp(`^(?:v1\\/)?(?:${ENDPOINTS})\\/?$`)
const ENDPOINT_AT_END = new RegExp(`\\/(?:${ENDPOINTS})\\/?$`)

/** Whether a request to `url` with `method` is a Segment event request under one of `prefixes`. */
export function isSegmentEventUrl(method: string, url: string | URL, prefixes: readonly string[]): boolean {
  if (method !== 'POST') return false
  return prefixes.some((prefix) => {
    const rest = pathBelow(url, prefix)
    return rest !== undefined && ENDPOINT.test(rest)
  })
}

/**
 * The prefix a Segment-shaped POST was sent under: its URL without the event
 * endpoint (`https://shop.example/seg/p` -> `https://shop.example/seg/`), or
 * undefined when its path does not end in one.
 */
export function prefixOfEventUrl(url: string): string | undefined {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return undefined
  }
  const match = ENDPOINT_AT_END.exec(u.pathname)
  return match ? `${u.origin}${u.pathname.slice(0, match.index + 1)}` : undefined
}
