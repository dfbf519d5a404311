/**
 * The debugger's network check (docs/debugger.md), a pure function over HAR entries and
 * the session's messages:
 * - a leak: a request to a destination's vendor hosts at a time when routing
 *   said that destination was blocked;
 * - a Segment API event request whose events lack
 *   `context.consent.categoryPreferences`.
 * Hosts come from the built-in table, then the `hosts` of `settings` (and
 * `inspector-settings`) messages, which override it per destination.
 */
import type { Diagnostic } from '../protocol/protocol'
import { SEGMENT_IO } from '../routing/destinations'
import { indexSession } from '../session/session-index'
import type { HarEntryLike } from './har-entry'
import { isSegmentEventUrl } from './segment-endpoint'
import { parseUrl, urlMatches } from './url-prefix'
import { SEGMENT_API_PREFIXES, VENDOR_HOSTS } from './vendor-hosts'

export interface NetworkFinding {
  kind: 'leak' | 'missing-consent'
  url: string
  time: number
  destination?: string
  reason: string
}

export interface NetworkReport {
  findings: NetworkFinding[]
  /** Requests matched to a destination's hosts. */
  destinationRequests: number
  /** Segment API event requests checked for the consent object. */
  segmentRequests: number
}


interface Verdict {
  time: number
  allowed: boolean
  reason: string
}

/** Every routing decision in time order, per destination (observed, or predicted where the plugin is absent). */
function decisionTimeline(messages: Diagnostic[]): Map<string, Verdict[]> {
  const out = new Map<string, Verdict[]>()
  const push = (destination: string, v: Verdict) => (out.get(destination) ?? out.set(destination, []).get(destination)!).push(v)
  const index = indexSession(messages)
  for (const m of messages) {
    const decisions = m.kind === 'event' ? m.decisions : m.kind === 'inspector-event' && !index.coversEvent(m) ? index.predicted(m) : []
    for (const d of decisions) push(d.destination, { time: m.time, allowed: d.allowed, reason: d.reason + (m.kind === 'inspector-event' ? ' (predicted)' : '') })
  }
  for (const list of out.values()) list.sort((a, b) => a.time - b.time)
  return out
}

/** The decision in force at `time`: the latest at or before it, else the first (the state at load). */
function verdictAt(list: Verdict[], time: number): Verdict {
  let found = list[0]
  for (const v of list) {
    if (v.time > time) break
    found = v
  }
  return found
}

function hostTable(messages: Diagnostic[], table: Readonly<Record<string, readonly string[]>>): Map<string, readonly string[]> {
  const hosts = new Map<string, readonly string[]>(Object.entries(table))
  for (const m of messages) {
    if (m.kind !== 'settings' && m.kind !== 'inspector-settings') continue
    for (const d of m.destinations) if (d.hosts && d.hosts.length > 0) hosts.set(d.destination, [...(table[d.destination] ?? []), ...d.hosts])
  }
  return hosts
}

function eventsIn(text: string | undefined): unknown[] | undefined {
  if (!text) return undefined
  try {
    const body = JSON.parse(text) as { batch?: unknown }
    return Array.isArray(body?.batch) ? body.batch : [body]
  } catch {
    return undefined
  }
}

function hasConsentObject(event: unknown): boolean {
  const prefs = (event as { context?: { consent?: { categoryPreferences?: unknown } } })?.context?.consent?.categoryPreferences
  return typeof prefs === 'object' && prefs !== null && !Array.isArray(prefs)
}

export function checkNetwork(
  entries: HarEntryLike[],
  messages: Diagnostic[],
  table: Readonly<Record<string, readonly string[]>> = VENDOR_HOSTS,
): NetworkReport {
  const hosts = hostTable(messages, table)
  const segmentPrefixes = [...SEGMENT_API_PREFIXES, ...(hosts.get(SEGMENT_IO) ?? [])]
  hosts.delete(SEGMENT_IO)
  const timeline = decisionTimeline(messages)
  const findings: NetworkFinding[] = []
  let destinationRequests = 0
  let segmentRequests = 0

  for (const entry of entries) {
    const url = entry.request.url
    // Parsed once here: it is matched against every destination's prefixes.
    const parsed = parseUrl(url)
    if (!parsed) continue
    const time = Date.parse(entry.startedDateTime)
    if (segmentPrefixes.some((p) => urlMatches(parsed, p))) {
      if (!isSegmentEventUrl(entry.request.method, parsed, segmentPrefixes)) continue
      segmentRequests++
      const events = eventsIn(entry.request.postData?.text)
      if (!events) continue
      const missing = events.filter((e) => !hasConsentObject(e)).length
      if (missing > 0) findings.push({ kind: 'missing-consent', url, time, reason: `${missing} of ${events.length} event(s) sent without context.consent.categoryPreferences.` })
      continue
    }
    let matched = false
    for (const [destination, prefixes] of hosts) {
      if (!prefixes.some((p) => urlMatches(parsed, p))) continue
      matched = true
      const list = timeline.get(destination)
      if (!list || list.length === 0) continue
      const verdict = verdictAt(list, time)
      if (!verdict.allowed) findings.push({ kind: 'leak', url, time, destination, reason: `${destination} was blocked (${verdict.reason}) when this request was made.` })
    }
    if (matched) destinationRequests++
  }
  return { findings, destinationRequests, segmentRequests }
}
