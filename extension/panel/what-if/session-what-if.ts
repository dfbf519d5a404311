/**
 * Whole-session what-if: one hypothetical consent applied to every event,
 * summarised per destination as events that would be delivered next to
 * events that were.
 */
import type { CdnSettingsLike, RoutingDecision } from '../../../shared/routing/types'
import type { EventRow } from '../stores/event-row'
import { whatIfRouting, type Hypothesis, type WhatIfInputs } from './what-if'

export interface DestinationWhatIf {
  destination: string
  mode: RoutingDecision['mode']
  /** Events whose routing names this destination. */
  events: number
  delivered: number
  wouldDeliver: number
}

/**
 * Which destinations receive an event under a set of decisions, as the plugin
 * reports outcomes: a cloud destination also needs Segment.io (exempt: the
 * consent change event always reaches it). Predicted rows derive outcomes
 * from `allowed` alone, so they are read the same way.
 */
export function deliverable(decisions: RoutingDecision[], inputs: Pick<WhatIfInputs, 'exempt' | 'predicted'>): Map<string, boolean> {
  const segment = decisions.find((d) => d.mode === 'segment')
  const segmentOk = inputs.exempt || !segment || segment.allowed
  return new Map(
    decisions.map((d) => {
      if (inputs.predicted) return [d.destination, d.allowed]
      if (d.mode === 'segment') return [d.destination, segmentOk]
      return [d.destination, d.mode === 'cloud' ? d.allowed && segmentOk : d.allowed]
    }),
  )
}

/** What the recorded decisions deliver, per row: it never changes, so it is worked out once. */
const recorded = new WeakMap<EventRow, Map<string, boolean>>()

/**
 * Per destination of one event: [delivered, would be delivered]. Where consent
 * explains the recorded outcome, the hypothesis decides; where it does not (a
 * failure, a destination not loaded, an event dropped from the hold), the
 * recorded outcome stands: a different consent would not have changed it.
 */
export function eventDelivery(
  row: EventRow,
  inputs: WhatIfInputs,
  whatIf: RoutingDecision[],
  now: Map<string, boolean> = deliverable(whatIf, inputs),
): Map<string, [boolean, boolean]> {
  let then = recorded.get(row)
  if (!then) recorded.set(row, (then = deliverable(row.decisions, inputs)))
  const outcome = new Map(row.outcomes.map((o) => [o.destination, o.outcome]))
  const names = new Set([...row.decisions.map((d) => d.destination), ...row.outcomes.map((o) => o.destination), ...whatIf.map((d) => d.destination)])
  const result = new Map<string, [boolean, boolean]>()
  for (const name of names) {
    const seen = outcome.get(name)
    const delivered = seen !== undefined ? seen === 'delivered' : then.get(name) === true
    const explained = then.has(name) && then.get(name) === delivered
    result.set(name, [delivered, explained && now.has(name) ? now.get(name)! : delivered])
  }
  return result
}

/** The whole session under one hypothesis, per destination in first-seen order. */
export function summarizeSession(events: Array<{ row: EventRow; inputs: WhatIfInputs }>, h: Hypothesis): DestinationWhatIf[] {
  const summary = new Map<string, DestinationWhatIf>()
  // Routing depends only on (settings, options, hypothesis): events of one page share it.
  const routed = new Map<CdnSettingsLike, Map<WhatIfInputs['options'], RoutingDecision[]>>()
  const delivery = [new Map<RoutingDecision[], Map<string, boolean>>(), new Map<RoutingDecision[], Map<string, boolean>>()]
  const routingOf = (inputs: WhatIfInputs) => {
    let byOptions = routed.get(inputs.settings)
    if (!byOptions) routed.set(inputs.settings, (byOptions = new Map()))
    let decisions = byOptions.get(inputs.options)
    if (!decisions) byOptions.set(inputs.options, (decisions = whatIfRouting(inputs, h)))
    return decisions
  }
  for (const { row, inputs } of events) {
    const whatIf = routingOf(inputs)
    // Shared decisions deliver the same way unless the event is exempt (the consent change event).
    const cache = delivery[inputs.predicted ? 1 : 0]
    let now = inputs.exempt ? undefined : cache.get(whatIf)
    if (!now) {
      now = deliverable(whatIf, inputs)
      if (!inputs.exempt) cache.set(whatIf, now)
    }
    for (const [destination, [delivered, would]] of eventDelivery(row, inputs, whatIf, now)) {
      let s = summary.get(destination)
      if (!s) {
        const mode = (whatIf.find((d) => d.destination === destination) ?? row.decisions.find((d) => d.destination === destination))?.mode ?? 'device'
        summary.set(destination, (s = { destination, mode, events: 0, delivered: 0, wouldDeliver: 0 }))
      }
      s.events++
      if (delivered) s.delivered++
      if (would) s.wouldDeliver++
    }
  }
  return [...summary.values()]
}
