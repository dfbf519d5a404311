/**
 * What a scenario could not prove, said out loud: vendor requests that were
 * not judged (their destination has no categories), a Consent Guard created
 * but never registered with analytics-next, and a plugin that speaks another
 * protocol version than this audit. Pure, over a recording.
 */
import { describeMismatch, versionMismatch, type VersionGreeting } from '../shared/protocol/protocol-version'
import type { Diagnostic } from '../shared/protocol/protocol'
import type { RoutingDecision } from '../shared/routing/types'
import type { RecordedRequest } from './recording'
import type { UnjudgedRequests } from './report-types'

/** Most URLs listed per unjudged destination (the count stays exact). */
const MAX_URLS = 5

/**
 * Requests to a vendor's hosts that say nothing about consent: the page's
 * settings do not list the destination, or list it without categories and
 * the rule then allows it. A URL shared with a destination that is judged
 * (gtag serves GA4 and Google Ads) counts as judged through that one.
 */
export function unjudgedRequests(requests: RecordedRequest[], vendorOf: string[][], decisions: RoutingDecision[]): UnjudgedRequests[] {
  const decision = new Map(decisions.map((d) => [d.destination, d]))
  const judged = (destination: string) => {
    const d = decision.get(destination)
    return d !== undefined && (d.mode === 'segment' || d.categories.length > 0 || !d.allowed)
  }
  const out = new Map<string, UnjudgedRequests>()
  requests.forEach((r, i) => {
    const list = vendorOf[i]
    if (list.length === 0 || list.some(judged)) return
    for (const destination of list) {
      const entry = out.get(destination) ?? { destination, requests: 0, urls: [], reason: decision.has(destination) ? 'no-categories' : 'not-in-settings' }
      entry.requests++
      if (entry.urls.length < MAX_URLS && !entry.urls.includes(r.url)) entry.urls.push(r.url)
      out.set(destination, entry)
    }
  })
  return [...out.values()]
}

/** How many of a scenario's requests could not be judged. */
export const unjudgedCount = (s: { unjudged: UnjudgedRequests[] }): number => s.unjudged.reduce((n, u) => n + u.requests, 0)

export function unjudgedWarning(u: UnjudgedRequests): string {
  const why = u.reason === 'no-categories' ? 'its destination has no categories on this page' : "this page's settings do not list its destination"
  return `${u.requests} request(s) to ${u.destination} not judged: ${why}. Give its categories with destinationCategories to have them judged.`
}

/** Plugin instances (sids) that probed but never said hello: created, never registered with analytics-next. */
export function unregisteredGuards(messages: Diagnostic[]): string[] {
  const probed = new Set<string>()
  const spoke = new Set<string>()
  for (const m of messages) {
    if (m.kind === 'probe') probed.add(m.sid)
    else if (m.kind !== 'inspector-settings' && m.kind !== 'inspector-event') spoke.add(m.sid)
  }
  return [...probed].filter((sid) => !spoke.has(sid))
}

/** Every warning of one scenario, in a stable order. */
export function scenarioWarnings(messages: Diagnostic[], greetings: VersionGreeting[], unjudged: UnjudgedRequests[]): string[] {
  const warnings = unjudged.map(unjudgedWarning)
  const unregistered = unregisteredGuards(messages).length
  if (unregistered > 0) {
    warnings.push(
      `${unregistered === 1 ? 'A Consent Guard plugin was' : `${unregistered} Consent Guard plugins were`} created on this page but never registered with analytics-next (it probed, then never said hello): nothing it would enforce was enforced. Pass it in AnalyticsBrowser.load({ plugins: [guard] }, guard.loadOptions()), or the page left before analytics-next loaded.`,
    )
  }
  const latest = greetings.at(-1)
  const mismatch = latest && versionMismatch(latest.v, undefined, [...greetings].reverse().find((g) => g.pluginVersion)?.pluginVersion)
  if (mismatch) warnings.push(`${describeMismatch(mismatch, 'this audit')} Its diagnostics were not read; the page was judged from the network and cookies.`)
  return warnings
}
