/**
 * Segment API traffic in a recording: which requests carry events (Segment's
 * own hosts, the hosts the settings name for Segment.io, and any host whose
 * POST bodies look like Segment events, e.g. a first-party proxy), and the
 * events inside them as they were sent.
 */
import { SEGMENT_API_PREFIXES } from '../shared/network/vendor-hosts'
import { isSegmentEventUrl, prefixOfEventUrl } from '../shared/network/segment-endpoint'
import type { Diagnostic } from '../shared/protocol/protocol'
import { SEGMENT_IO } from '../shared/routing/destinations'
import type { RecordedRequest } from './recording'


/** One event as it left the page. */
export interface SentEvent {
  messageId?: string
  type: string
  name?: string
  /** `context.consent.categoryPreferences`, or null when the event carried none. */
  consent: Record<string, boolean> | null
  url: string
  time: number
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The events of a Segment request body (`batch` or one event); undefined when the body is not JSON. */
export function eventsInBody(text: string | undefined): Record<string, unknown>[] | undefined {
  if (!text) return undefined
  try {
    const body: unknown = JSON.parse(text)
    const list = isRecord(body) && Array.isArray(body.batch) ? body.batch : [body]
    return list.filter(isRecord)
  } catch {
    return undefined
  }
}

const looksLikeSegmentEvent = (e: Record<string, unknown>) => typeof e.messageId === 'string' && typeof e.type === 'string' && ('writeKey' in e || '_metadata' in e || 'sentAt' in e)

/**
 * URL prefixes of Segment's API for this recording: the built-in hosts, the
 * Segment.io hosts from settings and `extra` (a configured proxy prefix), and
 * the prefix of each URL that received a Segment-shaped event body at an
 * event endpoint (`/seg/p` -> `/seg/`, `/seg/v1/t` -> `/seg/v1/`).
 */
export function segmentPrefixes(requests: RecordedRequest[], messages: Diagnostic[], extra: string[] = []): string[] {
  const prefixes = new Set<string>([...SEGMENT_API_PREFIXES, ...extra])
  for (const m of messages) {
    if (m.kind !== 'settings' && m.kind !== 'inspector-settings') continue
    for (const d of m.destinations) if (d.destination === SEGMENT_IO) for (const h of d.hosts ?? []) prefixes.add(h)
  }
  for (const r of requests) {
    if (r.method !== 'POST') continue
    const prefix = prefixOfEventUrl(r.url)
    if (!prefix || prefixes.has(prefix)) continue
    const events = eventsInBody(r.postData)
    if (events && events.length > 0 && events.every(looksLikeSegmentEvent)) prefixes.add(prefix)
  }
  return [...prefixes]
}

/** Whether `request` is a Segment API event request (shared rule: segment-endpoint.ts). */
export function isSegmentEventRequest(request: RecordedRequest, prefixes: string[]): boolean {
  return isSegmentEventUrl(request.method, request.url, prefixes)
}

function consentOf(event: Record<string, unknown>): Record<string, boolean> | null {
  const context = event.context
  const consent = isRecord(context) ? context.consent : undefined
  const prefs = isRecord(consent) ? consent.categoryPreferences : undefined
  if (!isRecord(prefs)) return null
  return Object.fromEntries(Object.entries(prefs).filter((e): e is [string, boolean] => typeof e[1] === 'boolean'))
}

/** Every event sent to Segment, in request order. */
export function sentEvents(requests: RecordedRequest[], prefixes: string[]): SentEvent[] {
  const out: SentEvent[] = []
  for (const r of requests) {
    if (!isSegmentEventRequest(r, prefixes) || r.aborted) continue
    for (const e of eventsInBody(r.postData) ?? []) {
      const name = typeof e.event === 'string' ? e.event : typeof e.name === 'string' ? e.name : undefined
      out.push({
        ...(typeof e.messageId === 'string' ? { messageId: e.messageId } : {}),
        type: typeof e.type === 'string' ? e.type : 'unknown',
        ...(name !== undefined ? { name } : {}),
        consent: consentOf(e),
        url: r.url,
        time: r.time,
      })
    }
  }
  return out
}
