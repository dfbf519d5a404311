import type { ContextLike, PluginLike } from '../analytics-slice'
import type { Routing } from '../enforcement/routing-table'
import type { Body } from './raw-entry'

/** How long an event's delivery may take before it is reported as stalled. */
export const STALL_MS = 10_000
/** Records kept for events in flight; past it the oldest is forgotten. */
const MAX_IN_FLIGHT = 5000

export interface DeliveryAccounting {
  /** An event left the guard with this routing at `at` (ms since the epoch). */
  expect(ctx: ContextLike, routing: Routing, segmentExempt: boolean, at: number): void
  /** analytics-next is done with an event: its `event` body, or undefined when no expectation matches. */
  settle(ctx: ContextLike, failed: boolean, error?: unknown): Body<'event'> | undefined
  /** Reports every event unfinished after STALL_MS now, and keeps checking while any is in flight. */
  sweep(): void
  stop(): void
}

/**
 * Turns analytics-next's delivery events into one `event` diagnostic per
 * event (part of the on-demand diagnostics chunk): delivered (with each
 * destination's outcome), cancelled by another plugin, or stalled.
 * analytics-next waits for every destination of an event; one whose load
 * never settles holds it forever and `message_delivered` never comes, so an
 * event still unfinished after STALL_MS is reported with the unloaded
 * destinations marked failed (a later delivery then finds no record: no
 * duplicate).
 */
export function accountDeliveries(reportStalled: (body: Body<'event'>) => void, registered: (name: string) => PluginLike | undefined): DeliveryAccounting {
  const inFlight = new Map<string, { ctx: ContextLike; routing: Routing; exempt: boolean; at: number }>()
  let sweeping: ReturnType<typeof setTimeout> | undefined
  const isRegistered = (name: string) => registered(name) !== undefined
  const schedule = () => {
    sweeping ??= inFlight.size ? setTimeout(sweep, STALL_MS) : undefined
  }
  function sweep() {
    clearTimeout(sweeping)
    sweeping = undefined
    const now = Date.now()
    const stuck = (name: string) => registered(name)?.isLoaded() === false
    for (const [id, record] of inFlight) {
      if (now - record.at < STALL_MS) continue
      inFlight.delete(id)
      reportStalled((b) => b.describeDelivered(record.ctx, record.routing, record.exempt, isRegistered, stuck))
    }
    schedule()
  }
  return {
    expect(ctx, routing, exempt, at) {
      inFlight.set(ctx.id, { ctx, routing, exempt, at })
      if (inFlight.size > MAX_IN_FLIGHT) inFlight.delete(inFlight.keys().next().value as string)
      schedule()
    },
    settle(ctx, failed, error) {
      const record = inFlight.get(ctx.id)
      if (!record) return undefined
      inFlight.delete(ctx.id)
      // Whether each destination was registered is read when the record is built (only if someone looks).
      if (!failed) return (b) => b.describeDelivered(ctx, record.routing, record.exempt, isRegistered)
      const reason = (error as { reason?: unknown })?.reason
      return (b) => b.describeDropped(ctx, record.routing, `cancelled by another plugin${reason ? `: ${String(reason)}` : ''}`)
    },
    sweep,
    stop() {
      clearTimeout(sweeping)
    },
  }
}
