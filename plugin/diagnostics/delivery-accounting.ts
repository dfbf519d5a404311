import type { AnalyticsLike, ContextLike, PluginLike } from '../analytics-slice'
import type { Routing } from '../enforcement/routing-table'
import type { DiagnosticsRecorder } from './diagnostics-recorder'

/** How long an event's delivery may take before it is reported as stalled. */
export const STALL_MS = 10_000
/** Records kept for events in flight; past it the oldest is forgotten. */
const MAX_IN_FLIGHT = 5000

export interface DeliveryAccounting {
  /** An event left the guard with this routing; its `event` diagnostic follows when analytics-next is done with it. */
  expect(ctx: ContextLike, routing: Routing, segmentExempt: boolean): void
  attach(analytics: AnalyticsLike): void
  stop(): void
}

/**
 * Turns analytics-next's delivery events into one `event` diagnostic per
 * event: delivered (with each destination's outcome), cancelled by another
 * plugin, or stalled. analytics-next waits for every destination of an
 * event; one whose load never settles holds it forever and
 * `message_delivered` never comes, so an event still unfinished after
 * STALL_MS is reported with the unloaded destinations marked failed (a later
 * delivery then finds no record: no duplicate).
 */
export function accountDeliveries(diagnostics: DiagnosticsRecorder, registered: (name: string) => PluginLike | undefined): DeliveryAccounting {
  const inFlight = new Map<string, { ctx: ContextLike; routing: Routing; exempt: boolean; at: number }>()
  let analytics: AnalyticsLike | undefined
  let sweeping: ReturnType<typeof setTimeout> | undefined
  const isRegistered = (name: string) => registered(name) !== undefined

  const take = (ctx: ContextLike) => {
    const record = inFlight.get(ctx.id)
    inFlight.delete(ctx.id)
    return record
  }
  const onDelivered = (ctx: ContextLike) => {
    const record = take(ctx)
    // Whether each destination was registered is read when the record is built (only if someone looks).
    if (record) diagnostics.record('event', (b) => b.describeDelivered(ctx, record.routing, record.exempt, isRegistered))
  }
  const onFailed = (ctx: ContextLike, error: unknown) => {
    const record = take(ctx)
    const reason = (error as { reason?: unknown })?.reason
    if (record) diagnostics.record('event', (b) => b.describeDropped(ctx, record.routing, `cancelled by another plugin${reason ? `: ${String(reason)}` : ''}`))
  }
  const sweepStalled = () => {
    sweeping = undefined
    const now = Date.now()
    const stuck = (name: string) => registered(name)?.isLoaded() === false
    for (const [id, record] of inFlight) {
      if (now - record.at < STALL_MS) continue
      inFlight.delete(id)
      diagnostics.record('event', (b) => b.describeDelivered(record.ctx, record.routing, record.exempt, isRegistered, stuck))
    }
    if (inFlight.size) sweeping = setTimeout(sweepStalled, STALL_MS)
  }

  return {
    expect(ctx, routing, exempt) {
      inFlight.set(ctx.id, { ctx, routing, exempt, at: Date.now() })
      if (inFlight.size > MAX_IN_FLIGHT) inFlight.delete(inFlight.keys().next().value as string)
      sweeping ??= setTimeout(sweepStalled, STALL_MS)
    },
    attach(instance) {
      analytics = instance
      instance.queue.on('message_delivered', onDelivered)
      instance.queue.on('delivery_failure', onFailed)
    },
    stop() {
      clearTimeout(sweeping)
      analytics?.queue.off('message_delivered', onDelivered)
      analytics?.queue.off('delivery_failure', onFailed)
    },
  }
}
