/**
 * The `/sink` report is what the demo shows a user as evidence, so it must
 * count exactly what the fake third parties received.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildCdnSettings, type FakeDestination } from '../../test/fixtures/cdn-settings'
import { actionBundleUrl, classicBundlePath, destinationKey } from '../../test/servers/bundle-routes'
import type { RecordedRequest, RequestKind } from '../../test/servers/request-log'
import { DEMO_DESTINATIONS } from './demo-destinations'
import { buildSinkReport } from './sink-report'

const ORIGIN = 'http://127.0.0.1:5000'
const settings = buildCdnSettings({ apiHost: ORIGIN, destinations: [...DEMO_DESTINATIONS] })
const DEVICE = DEMO_DESTINATIONS.filter((d) => d.kind !== 'cloud')
let clock = 0

function request(kind: RequestKind, method: string, pathAndQuery: string, body?: unknown): RecordedRequest {
  const url = new URL(pathAndQuery, ORIGIN)
  return { kind, method, path: url.pathname, query: Object.fromEntries(url.searchParams), headers: {}, body, time: ++clock }
}

const track = (event: string, consent?: Record<string, boolean>) =>
  request('segment', 'POST', '/v1/t', {
    type: 'track',
    event,
    messageId: `m-${clock}`,
    context: consent ? { consent: { categoryPreferences: consent } } : {},
  })

const vendor = (destination: FakeDestination, type: string, event?: string) =>
  request('vendor', 'POST', `/vendor/${destinationKey(destination.name)}/${type}`, {
    destination: destinationKey(destination.name),
    kind: destination.kind,
    type,
    event: event ? { type, event } : null,
  })

const bundle = (destination: FakeDestination) =>
  request('bundle', 'GET', destination.kind === 'classic' ? classicBundlePath(destination.name, '1.0.0') : new URL(actionBundleUrl(destination.name)).pathname)

const report = (requests: RecordedRequest[]) =>
  buildSinkReport({ requests, settings, destinations: DEMO_DESTINATIONS, thirdPartyOrigin: ORIGIN, generation: 0 })

describe(buildSinkReport, () => {
  it('says which destination code ran and what each vendor received', () => {
    const [mixpanel, amplitude] = DEVICE
    const rows = report([bundle(mixpanel), vendor(mixpanel, 'initialize'), vendor(mixpanel, 'track', 'Product Added'), bundle(amplitude)])
      .destinations
    expect(rows.find((r) => r.name === mixpanel.name)).toMatchObject({
      codeFetched: true,
      initialized: true,
      eventsReceived: ['track "Product Added"'],
    })
    expect(rows.find((r) => r.name === amplitude.name)).toMatchObject({ codeFetched: true, initialized: false, eventsReceived: [] })
    const others = rows.filter((r) => r.mode !== 'cloud' && r.name !== mixpanel.name && r.name !== amplitude.name)
    expect(others.map((r) => r.codeFetched)).toEqual([false, false, false])
  })

  it('predicts cloud delivery from the consent object the way Segment decides it', () => {
    const refused = { C0001: true, C0002: false, C0003: false, C0004: false }
    const { segmentEvents, destinations } = report([track('A', refused), track('B', { ...refused, C0004: true }), track('C')])
    const [c, b, a] = segmentEvents // newest first
    expect(a.cloudDelivery).toEqual(['Webhooks']) // unmapped: delivered whatever the consent
    expect(b.cloudDelivery).toEqual(['Customer.io', 'Webhooks'])
    expect(c.consent).toBeNull()
    expect(c.cloudDelivery).toEqual(['Google Analytics 4 Cloud', 'Customer.io', 'Webhooks']) // no consent object: no filter
    expect(destinations.find((d) => d.name === 'Customer.io')?.cloudWouldDeliver).toBe(2)
  })

  it('lists requests newest first without CORS preflights, and summarizes them', () => {
    const { requests, requestCount } = report([
      request('settings', 'GET', '/v1/projects/k/settings'),
      request('preflight', 'OPTIONS', '/v1/t'),
      track('Product Added', { C0002: false }),
      vendor(DEVICE[0], 'track', 'Product Added'),
    ])
    expect(requestCount).toBe(3)
    expect(requests.map((r) => r.summary)).toEqual([
      `${DEVICE[0].name} <- track "Product Added"`,
      'Segment <- track "Product Added"',
      'CDN settings fetched',
    ])
  })

  it('counts every event and vendor call exactly once, whatever the log', () => {
    const entry = fc.oneof(
      fc.constantFrom(...DEVICE).map((d) => () => vendor(d, 'track', 'E')),
      fc.constantFrom(...DEVICE).map((d) => () => bundle(d)),
      fc.boolean().map((on) => () => track('E', { C0002: on })),
      fc.constant(() => request('preflight', 'OPTIONS', '/v1/t')),
    )
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), fc.integer({ min: 1, max: 50 }), (makers, limit) => {
        const log = makers.map((make) => make())
        const result = buildSinkReport({ requests: log, settings, destinations: DEMO_DESTINATIONS, thirdPartyOrigin: ORIGIN, generation: 1, requestLimit: limit })
        expect(result.segmentEvents).toHaveLength(log.filter((r) => r.kind === 'segment').length)
        for (const row of result.destinations) {
          const calls = log.filter((r) => r.kind === 'vendor' && r.path.startsWith(`/vendor/${row.key}/`))
          expect(row.eventsReceived).toHaveLength(calls.length)
        }
        const visible = log.filter((r) => r.kind !== 'preflight')
        expect(result.requestCount).toBe(visible.length)
        expect(result.requests.map((r) => r.time)).toEqual(visible.map((r) => r.time).reverse().slice(0, limit))
      }),
    )
  })
})
