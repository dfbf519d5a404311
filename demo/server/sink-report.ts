/**
 * Turns the fake third parties' request log into what the `/sink` view
 * shows: per destination, whether its code was fetched and which events
 * its vendor received; every Segment event with the consent it carried;
 * and the raw requests, newest first. Pure, so it is tested without a
 * server or a browser.
 */
import { decideRouting } from '../../shared/routing/decide-routing'
import type { CdnSettingsLike } from '../../shared/routing/types'
import type { FakeDestination } from '../../test/fixtures/cdn-settings'
import { destinationKey, parseBundleRequest } from '../../test/servers/bundle-routes'
import type { RecordedRequest } from '../../test/servers/request-log'
import { eventsOf, vendorCallOf, type SinkEvent } from '../../test/servers/sink-events'
import type { SinkDestinationRow, SinkReport, SinkRequestRow, SinkSegmentEvent } from './sink-report-types'

export interface SinkReportInput {
  requests: readonly RecordedRequest[]
  settings: CdnSettingsLike
  destinations: readonly FakeDestination[]
  thirdPartyOrigin: string
  /** Bumped when the log is cleared, so the revision changes even if the count comes back the same. */
  generation: number
  /** @default 300 */
  requestLimit?: number
}

/** `track "Product Added"`, `page "Home"`, `identify user_1`: how an event is named in the view. */
export function eventLabel(event: SinkEvent | null | undefined): string {
  if (!event) return ''
  if (event.type === 'track') return String(event.event ?? '')
  if (event.type === 'page' || event.type === 'screen') return String(event.name ?? event.properties?.title ?? '')
  if (event.type === 'identify' || event.type === 'alias') return String(event.userId ?? '')
  if (event.type === 'group') return String(event.groupId ?? '')
  return ''
}

function describeEvent(event: SinkEvent | null | undefined): string {
  if (!event) return ''
  const label = eventLabel(event)
  return label ? `${event.type} "${label}"` : String(event.type ?? '')
}

function consentOf(event: SinkEvent): Record<string, boolean> | null {
  const prefs = event.context?.consent?.categoryPreferences
  return prefs && typeof prefs === 'object' ? prefs : null
}

/**
 * The cloud-mode destinations Segment's servers would deliver an event to.
 * No consent object: Segment does not filter. Otherwise the same rule the
 * plugin predicts with, from the stamped (already effective) preferences.
 */
function cloudDelivery(settings: CdnSettingsLike, event: SinkEvent): string[] {
  const consent = consentOf(event)
  const decisions = decideRouting(settings, {
    status: 'decided',
    categories: consent ?? {},
    model: 'opt-in',
    source: 'segment',
  })
  return decisions.filter((d) => d.mode === 'cloud' && (consent === null || d.allowed)).map((d) => d.destination)
}

function summarize(request: RecordedRequest, nameOf: (key: string) => string): string {
  switch (request.kind) {
    case 'segment': {
      const events = eventsOf(request)
      if (events.length === 0) return `Segment API ${request.path}`
      return `Segment <- ${events.map(describeEvent).join(', ')}`
    }
    case 'vendor': {
      const call = vendorCallOf(request)
      if (!call) return `vendor ${request.path}`
      const what = call.type === 'initialize' ? 'initialize' : describeEvent(call.event) || call.type
      return `${nameOf(call.destination)} <- ${what}`
    }
    case 'bundle': {
      const bundle = parseBundleRequest(request.path)
      return bundle ? `code of ${nameOf(bundle.key)} fetched (${bundle.kind})` : `bundle ${request.path}`
    }
    case 'settings':
      return 'CDN settings fetched'
    default:
      return `${request.method} ${request.path}`
  }
}

function requestKind(kind: RecordedRequest['kind']): SinkRequestRow['kind'] {
  return kind === 'segment' || kind === 'vendor' || kind === 'bundle' || kind === 'settings' ? kind : 'other'
}

/** The whole report for the current log. */
export function buildSinkReport(input: SinkReportInput): SinkReport {
  const { requests, settings, destinations } = input
  const limit = input.requestLimit ?? 300
  const names = new Map(destinations.map((d) => [destinationKey(d.name), d.name]))
  const nameOf = (key: string) => names.get(key) ?? key

  const segmentEvents: SinkSegmentEvent[] = []
  const fetched = new Set<string>()
  const initialized = new Set<string>()
  const received = new Map<string, string[]>()
  const visible: RecordedRequest[] = []

  for (const request of requests) {
    if (request.kind === 'preflight') continue
    visible.push(request)
    for (const event of eventsOf(request)) {
      segmentEvents.push({
        time: request.time,
        type: String(event.type ?? ''),
        label: eventLabel(event),
        messageId: String(event.messageId ?? ''),
        consent: consentOf(event),
        cloudDelivery: cloudDelivery(settings, event),
      })
    }
    if (request.kind === 'bundle') {
      const bundle = parseBundleRequest(request.path)
      if (bundle) fetched.add(bundle.key)
    }
    const call = vendorCallOf(request)
    if (call?.type === 'initialize') initialized.add(call.destination)
    else if (call) received.set(call.destination, [...(received.get(call.destination) ?? []), describeEvent(call.event) || call.type])
  }

  const rows: SinkDestinationRow[] = destinations.map((d) => {
    const key = destinationKey(d.name)
    const row: SinkDestinationRow = {
      name: d.name,
      key,
      mode: d.kind,
      categories: [...(d.categories ?? [])],
      codeFetched: fetched.has(key),
      initialized: initialized.has(key),
      eventsReceived: received.get(key) ?? [],
    }
    if (d.kind === 'cloud') row.cloudWouldDeliver = segmentEvents.filter((e) => e.cloudDelivery.includes(d.name)).length
    return row
  })

  const recent = visible.slice(-limit).reverse()
  return {
    revision: `${input.generation}:${requests.length}`,
    thirdPartyOrigin: input.thirdPartyOrigin,
    destinations: rows,
    segmentEvents: segmentEvents.reverse(),
    requests: recent.map((r) => ({
      time: r.time,
      kind: requestKind(r.kind),
      method: r.method,
      path: r.path,
      summary: summarize(r, nameOf),
    })),
    requestCount: visible.length,
  }
}
