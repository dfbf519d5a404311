/**
 * What `/sink/log.json` answers: the demo server's record of what reached
 * the Segment API and each vendor, shaped for the `/sink` view (and read by
 * the demo's end-to-end test). No imports, so the browser code can share it.
 */

/** One destination of the demo workspace and the evidence about it. */
export interface SinkDestinationRow {
  name: string
  /** Cookie- and path-safe key: its cookie is `<key>_loaded`, its vendor path `/vendor/<key>/`. */
  key: string
  mode: 'classic' | 'action' | 'cloud'
  categories: string[]
  /** Device-mode: its code (bundle) was requested from the local CDN. */
  codeFetched: boolean
  /** Device-mode: its code called the vendor's `initialize`. */
  initialized: boolean
  /** Device-mode: events its code sent to the vendor, oldest first (type and name). */
  eventsReceived: string[]
  /** Cloud-mode: of the events Segment received, how many Segment's servers would deliver to it. */
  cloudWouldDeliver?: number
}

/** One event as the Segment API sink received it. */
export interface SinkSegmentEvent {
  time: number
  type: string
  /** Track event name, page name, or the user id of an identify. */
  label: string
  messageId: string
  /** `context.consent.categoryPreferences` as stamped, or null when missing. */
  consent: Record<string, boolean> | null
  /** Cloud-mode destinations Segment's servers would deliver it to (from its consent object). */
  cloudDelivery: string[]
}

/** One HTTP request the fake third parties received. */
export interface SinkRequestRow {
  time: number
  kind: 'segment' | 'vendor' | 'bundle' | 'settings' | 'other'
  method: string
  path: string
  /** A one-line human summary, e.g. `Mixpanel <- track "Product Added"`. */
  summary: string
}

export interface SinkReport {
  /** Changes whenever anything below does: the view re-renders only then. */
  revision: string
  /** Origin of the fake third parties (CDN, Segment API, vendors). */
  thirdPartyOrigin: string
  destinations: SinkDestinationRow[]
  /** Newest first. */
  segmentEvents: SinkSegmentEvent[]
  /** Newest first, at most `requestLimit` of them (CORS preflights left out). */
  requests: SinkRequestRow[]
  /** How many requests there are in all (the list above may be cut). */
  requestCount: number
}
