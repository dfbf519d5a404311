/**
 * One line of the event list, built once per message so that filtering
 * 10,000 of them is a cheap pass over plain fields.
 */
import { instanceKey } from '../../../shared/session/session-index'
import type { DestinationOutcome, DiagnosticOf } from '../../../shared/protocol/protocol'
import type { RoutingDecision } from '../../../shared/routing/types'

export interface RowOutcome {
  destination: string
  outcome: DestinationOutcome
  ms?: number
  error?: string
}

export interface EventRow {
  /** `sid` + `seq` of the message the row comes from. */
  key: string
  time: number
  type: string
  name: string
  messageId: string
  /** The categoryPreferences stamped on the event; null when it carried none. */
  consent: Record<string, boolean> | null
  status?: 'pending' | 'decided'
  decisions: RoutingDecision[]
  /** For predicted rows, derived from the decisions (allowed -> delivered). */
  outcomes: RowOutcome[]
  delivered: number
  blocked: number
  failed: number
  /** Set when the plugin dropped the whole event. */
  dropped?: string
  /** From the inspector hook: routing predicted by decideRouting, not observed. */
  predicted: boolean
  /** For predicted rows: sid + instance, to hide an instance the plugin reports. */
  instance?: string
  message: DiagnosticOf<'event'> | DiagnosticOf<'inspector-event'>
  /** The last `consent` message of the same plugin instance before this event. */
  consentInForce?: DiagnosticOf<'consent'>
  /** Lower-cased text the search box matches. */
  haystack: string
}

function counts(outcomes: RowOutcome[]) {
  let delivered = 0
  let blocked = 0
  let failed = 0
  for (const o of outcomes) {
    if (o.outcome === 'delivered') delivered++
    else if (o.outcome === 'failed') failed++
    else blocked++
  }
  return { delivered, blocked, failed }
}

function haystack(parts: Array<string | undefined>, decisions: RoutingDecision[]): string {
  return [...parts, ...decisions.map((d) => d.destination)].filter(Boolean).join('\n').toLowerCase()
}

/** The fields every row shares, from an event-like message and the routing it carries or is predicted. */
function baseRow(key: string, m: DiagnosticOf<'event'> | DiagnosticOf<'inspector-event'>, decisions: RoutingDecision[], outcomes: RowOutcome[]) {
  return { key, time: m.time, type: m.type, name: m.name ?? '', messageId: m.messageId, consent: m.consent, decisions, outcomes, ...counts(outcomes), message: m }
}

export function pluginRow(key: string, m: DiagnosticOf<'event'>, consentInForce: DiagnosticOf<'consent'> | undefined): EventRow {
  return {
    ...baseRow(key, m, m.decisions, m.outcomes.map((o) => ({ ...o }))),
    status: m.status,
    ...(m.dropped !== undefined ? { dropped: m.dropped } : {}),
    predicted: false,
    consentInForce,
    haystack: haystack([m.type, m.name, m.messageId, m.dropped], m.decisions),
  }
}

export function predictedRow(key: string, m: DiagnosticOf<'inspector-event'>, decisions: RoutingDecision[]): EventRow {
  const outcomes: RowOutcome[] = decisions.map((d) => ({ destination: d.destination, outcome: d.allowed ? 'delivered' : 'blocked' }))
  return {
    ...baseRow(key, m, decisions, outcomes),
    predicted: true,
    instance: instanceKey(m),
    haystack: haystack([m.type, m.name, m.messageId, 'predicted'], decisions),
  }
}
