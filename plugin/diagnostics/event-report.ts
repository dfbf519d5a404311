import type { DestinationOutcome, PluginMessages } from '../../shared/protocol/protocol'
import type { ContextLike, SegmentEventLike } from '../analytics-slice'
import type { Routing } from '../enforcement/routing-table'

type Outcome = PluginMessages['event']['outcomes'][number]

/** What the debugger lists as the event's name: a track's `event`, a page or screen call's `name`. */
function eventName(event: SegmentEventLike): string | undefined {
  const name = event.type === 'track' ? event.event : event.name
  return typeof name === 'string' ? name.slice(0, 4096) : undefined
}

/** Errors analytics-next logged on the context for one plugin (it swallows destination errors). */
function pluginError(ctx: ContextLike, names: Set<string>): Map<string, string> {
  const errors = new Map<string, string>()
  for (const entry of ctx.logs()) {
    const plugin = entry.extras?.plugin
    if (entry.level === 'error' && typeof plugin === 'string' && names.has(plugin)) {
      const error = entry.extras?.error
      errors.set(plugin, error instanceof Error ? error.message : String(error ?? entry.message))
    }
  }
  return errors
}

export const STALLED_ERROR = 'delivery unfinished after 10 s: this destination never finished loading'

/**
 * The `event` diagnostic for an event analytics-next has delivered: each
 * destination's decision and what actually happened to it. `stuck` marks the
 * destinations holding up an event whose delivery never finished.
 */
export function describeDelivered(
  ctx: ContextLike,
  routing: Routing,
  segmentExempt: boolean,
  registered: (name: string) => boolean,
  stuck: (name: string) => boolean = () => false,
): PluginMessages['event'] {
  const errors = pluginError(ctx, new Set(routing.decisions.map((d) => d.destination)))
  const segmentAllowed = segmentExempt || routing.segmentAllowed
  const outcomes: Outcome[] = routing.decisions.map((d) => {
    const allowed = d.mode === 'segment' ? segmentAllowed : d.mode === 'cloud' ? d.allowed && segmentAllowed : d.allowed
    let outcome: DestinationOutcome = allowed ? 'delivered' : 'blocked'
    if (allowed && d.mode === 'device' && !registered(d.destination)) outcome = 'not-loaded'
    const error = allowed && d.mode === 'device' && stuck(d.destination) ? STALLED_ERROR : errors.get(d.destination)
    if (allowed && error !== undefined) return { destination: d.destination, outcome: 'failed', error: error.slice(0, 1000) }
    return { destination: d.destination, outcome }
  })
  const event = ctx.event
  const body: PluginMessages['event'] = {
    messageId: String(event.messageId ?? ctx.id),
    type: event.type,
    consent: routing.preferences,
    status: routing.state.status,
    // The consent change event is exempt from Segment's rule: its decision stays as the rule says, its outcome shows the exemption.
    decisions: routing.decisions,
    outcomes,
    payload: event as unknown as PluginMessages['event']['payload'],
  }
  const name = eventName(event)
  if (name !== undefined) body.name = name
  if (!outcomes.some((o) => o.outcome === 'delivered')) {
    body.dropped = routing.decisions.length === 0 ? 'no destination is configured' : 'no destination may receive it under the consent in force'
  }
  return body
}

/** The `event` diagnostic for an event that never reached any destination. */
export function describeDropped(ctx: ContextLike, routing: Routing | undefined, reason: string): PluginMessages['event'] {
  const event = ctx.event
  const body: PluginMessages['event'] = {
    messageId: String(event.messageId ?? ctx.id),
    type: event.type,
    consent: routing?.preferences ?? {},
    status: routing?.state.status ?? 'pending',
    decisions: routing?.decisions ?? [],
    outcomes: (routing?.decisions ?? []).map((d) => ({ destination: d.destination, outcome: 'blocked' as const })),
    dropped: reason,
  }
  const name = eventName(event)
  if (name !== undefined) body.name = name
  return body
}
