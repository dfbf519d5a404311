/**
 * The demo shop's Segment workspace: which destinations its (local) CDN
 * settings list, in which OneTrust categories. Device-mode ones run fake
 * vendor code in the page (test/servers/destination-bundles.ts: a cookie
 * `<key>_loaded` as soon as the code runs, a call to `/vendor/<key>/<type>`
 * per event); cloud-mode ones exist only in the settings, as Segment's
 * servers would deliver them.
 *
 * OneTrust's default groups: C0001 strictly necessary (always active),
 * C0002 performance (analytics), C0003 functional, C0004 targeting
 * (advertising).
 */
import type { FakeDestination } from '../../test/fixtures/cdn-settings'
import { destinationKey } from '../../test/servers/bundle-routes'

/** The write key of the demo workspace (any string works: the settings are local). */
export const DEMO_WRITE_KEY = 'consent-guard-demo'

/** Every destination of the demo workspace, device-mode first. */
export const DEMO_DESTINATIONS: readonly FakeDestination[] = [
  { name: 'Mixpanel', kind: 'classic', categories: ['C0002'] },
  { name: 'Amplitude (Actions)', kind: 'action', categories: ['C0002'] },
  { name: 'Intercom Web (Actions)', kind: 'action', categories: ['C0003'] },
  { name: 'Facebook Pixel', kind: 'classic', categories: ['C0004'] },
  { name: 'Braze Web Mode (Actions)', kind: 'action', categories: ['C0004'] },
  { name: 'Google Analytics 4 Cloud', kind: 'cloud', categories: ['C0002'] },
  { name: 'Customer.io', kind: 'cloud', categories: ['C0004'] },
  // Unmapped, as many real workspaces have one. It also keeps Segment.io
  // receiving events after "Reject all": Segment drops an event only when no
  // destination could take it (no unmapped one, no consented category).
  { name: 'Webhooks', kind: 'cloud' },
]

/**
 * Destination name -> the URL prefix its vendor code calls on the fake
 * vendors' origin: the guard's `destinationHosts` option, so the debugger's
 * network check knows what a leak to each vendor looks like.
 */
export function destinationHosts(vendorOrigin: string): Record<string, string[]> {
  const hosts: Record<string, string[]> = {}
  for (const d of DEMO_DESTINATIONS) {
    if (d.kind !== 'cloud') hosts[d.name] = [`${vendorOrigin}/vendor/${destinationKey(d.name)}/`]
  }
  return hosts
}
