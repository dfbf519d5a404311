/**
 * Reading the recorded log the way tests think about it: Segment events (a
 * `/v1/b` batch holds several), and calls to fake vendors.
 */
import type { RecordedRequest } from './request-log'

/** A Segment event as it reached the sink (the JSON analytics-next posted). */
export interface SinkEvent {
  type?: string
  event?: string
  messageId?: string
  context?: { consent?: { categoryPreferences?: Record<string, boolean> }; [key: string]: unknown }
  integrations?: Record<string, unknown>
  _metadata?: Record<string, unknown>
  properties?: Record<string, unknown>
  [key: string]: unknown
}

/** What a fake destination posted to `/vendor/<key>/<type>`. */
export interface VendorCall {
  /** The destination key. */
  destination: string
  kind: 'classic' | 'action'
  /** `initialize`, `track`, `page`, ... */
  type: string
  /** The event the destination received (null for `initialize`). */
  event: SinkEvent | null
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The events one sink request carried (none for metrics, `/v1/m`). */
export function eventsOf(request: RecordedRequest): SinkEvent[] {
  if (request.kind !== 'segment' || request.method !== 'POST' || request.path === '/v1/m') return []
  const body = request.body
  if (!isObject(body)) return []
  if (Array.isArray(body.batch)) return body.batch.filter(isObject) as SinkEvent[]
  return [body as SinkEvent]
}

/** Every Segment event recorded, in arrival order. */
export function segmentEvents(requests: readonly RecordedRequest[]): SinkEvent[] {
  return requests.flatMap(eventsOf)
}

/** The vendor call one request was, if it was one. */
export function vendorCallOf(request: RecordedRequest): VendorCall | undefined {
  if (request.kind !== 'vendor' || request.method !== 'POST' || !isObject(request.body)) return undefined
  return request.body as unknown as VendorCall
}

/** Every vendor call, optionally of one destination key, in arrival order. */
export function vendorCalls(requests: readonly RecordedRequest[], key?: string): VendorCall[] {
  return requests
    .map(vendorCallOf)
    .filter((call): call is VendorCall => call !== undefined && (key === undefined || call.destination === key))
}
