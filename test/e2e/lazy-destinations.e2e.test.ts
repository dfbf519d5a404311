/**
 * Lazy device-mode destinations (an unconsented destination's code is not loaded until consent arrives) end
 * to end: the real analytics-next and Consent Guard (registered through
 * `guard.loadOptions()`) in real headless Chromium, with fake classic and
 * action destinations served by the test server. The proof is what left the
 * page: the server's request log (bundles, Segment events, vendor calls),
 * the order in which Chromium issued requests, and the cookie jar (each fake
 * destination sets `<key>_loaded` when its code runs).
 *
 * Every absence ("no request", "no cookie", "not delivered") is checked only
 * after evidence from the same moment or later: a control destination that
 * got the same event, or a later event that arrived. So an absence is never
 * just "not yet". Pending/timeout: lazy-pending-hold.e2e.test.ts; faults:
 * lazy-loading-faults.e2e.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { destinationKey, loadedCookieName } from '../fixtures/cdn-settings'
import { decided } from './support/lazy-page'
import { bundlePart, CLASSIC, CONSENT_CHANGED, CONTROLS, DENIED, DESTINATIONS, GRANTED, key, LAZY, OPEN_CLASSIC, POLL, useLazyScenario } from './support/lazy-scenario'

const scenario = useLazyScenario()

describe('lazy device-mode destinations in Chromium', () => {
  it('stamps the effective consent on every Segment payload', async () => {
    const page = await scenario.open({ destinations: DESTINATIONS, initial: decided(DENIED) })

    await page.test.pageview()
    await page.test.track('Stamped', { n: 1 })
    await page.setConsent(decided(GRANTED))
    await page.test.track('Stamped after grant')

    await page.test.expectSinkEvent((e) => e.event === 'Stamped after grant')
    await page.test.expectSinkEvent((e) => e.event === CONSENT_CHANGED)
    const events = scenario.server().segmentEvents()
    expect(events.map((e) => e.type ?? '')).toEqual(expect.arrayContaining(['page', 'track']))
    // Exactly the effective map, over every category of the settings, on each payload.
    for (const event of events) expect([DENIED, GRANTED]).toContainEqual(event.context?.consent?.categoryPreferences)
    expect(events.find((e) => e.type === 'page')?.context?.consent?.categoryPreferences).toEqual(DENIED)
    expect(scenario.sinkEvent('Stamped')?.context?.consent?.categoryPreferences).toEqual(DENIED)
    expect(scenario.sinkEvent('Stamped after grant')?.context?.consent?.categoryPreferences).toEqual(GRANTED)
    expect(scenario.sinkEvent(CONSENT_CHANGED)?.context?.consent?.categoryPreferences).toEqual(GRANTED)
  })

  it('loads no code of a blocked destination: no bundle request, no vendor call, no cookie, still in _metadata.bundled', async () => {
    const page = await scenario.open({ destinations: DESTINATIONS, initial: decided(DENIED) })

    await page.test.track('While blocked')

    await scenario.expectControlsGot(page, 'While blocked')
    const atSink = await page.test.expectSinkEvent((e) => e.event === 'While blocked')
    // Computed from the load-time `integrations` keys: the waiting classic destination is still listed, so
    // Segment's servers never deliver it in its place.
    expect(atSink._metadata?.bundled).toEqual(expect.arrayContaining(['Segment.io', CLASSIC.name, OPEN_CLASSIC.name]))
    for (const d of LAZY) {
      expect(page.requestsTo(bundlePart(d)), `${d.name} bundle requested`).toEqual([])
      expect(scenario.server().requests.filter((r) => r.kind === 'bundle' && r.path.includes(key(d)))).toEqual([])
      expect(scenario.server().vendorCalls(key(d)), `${d.name} vendor calls`).toEqual([])
    }
    for (const d of CONTROLS) await expect.poll(() => page.requestsTo(bundlePart(d)), POLL).toHaveLength(1)
    const cookies = await page.test.cookieNames()
    expect(cookies).toEqual(expect.arrayContaining(CONTROLS.map((d) => loadedCookieName(d.name))))
    for (const d of LAZY) expect(cookies).not.toContain(loadedCookieName(d.name))
    expect(await page.destinationActions()).toEqual(expect.arrayContaining(LAZY.map((d) => ['deferred', d.name])))
    expect(page.test.pageErrors).toEqual([])
  })

  it('loads a destination the moment consent is granted, without a reload, and delivers the next event to it', async () => {
    const page = await scenario.open({ destinations: DESTINATIONS, initial: decided(DENIED) })
    const marker = await page.marker()
    await page.test.track('Before grant')
    await scenario.expectControlsGot(page, 'Before grant')
    const requestsBeforeGrant = scenario.server().requests.length

    await page.setConsent(decided(GRANTED))
    const sent = await page.test.track('After grant')

    for (const d of LAZY) {
      const call = await page.test.expectVendorCall(key(d), 'track', 'After grant')
      expect(call.event?.messageId).toBe(sent.messageId)
      await page.test.expectCookie(loadedCookieName(d.name))
      // The bundle was fetched after the grant, once.
      const bundles = scenario.server().requests.filter((r) => r.kind === 'bundle' && r.path.includes(key(d)))
      expect(bundles).toHaveLength(1)
      expect(scenario.server().requests.indexOf(bundles[0])).toBeGreaterThanOrEqual(requestsBeforeGrant)
      expect(page.vendorEvents(key(d))).not.toContain('Before grant')
      await page.expectDestinationDiagnostic('lazy-loaded', d.name)
    }
    const atSink = await page.test.expectSinkEvent((e) => e.messageId === sent.messageId)
    expect(atSink._metadata?.bundled).toEqual(expect.arrayContaining(['Segment.io', CLASSIC.name]))
    for (const d of LAZY) expect(atSink.integrations?.[d.name], `${d.name} switched off`).not.toBe(false)
    // Other event types reach the lazily loaded code too (classic events go in as facades).
    await page.test.pageview()
    for (const d of LAZY) await page.test.expectVendorCall(key(d), 'page')
    expect(await page.marker()).toBe(marker)
    expect(page.requestsTo('/test-page-').length).toBe(1) // the page itself, requested once
    expect(page.test.pageErrors).toEqual([])
  })

  it('stops delivering to a destination loaded lazily and then revoked; its code stays loaded', async () => {
    const page = await scenario.open({ destinations: DESTINATIONS, initial: decided(DENIED) })
    await page.setConsent(decided(GRANTED))
    await page.test.track('Granted')
    for (const d of LAZY) await page.test.expectVendorCall(key(d), 'track', 'Granted')

    await page.setConsent(decided(DENIED))
    await page.test.track('After revoke')

    await scenario.expectControlsGot(page, 'After revoke')
    await page.test.expectSinkEvent((e) => e.event === 'After revoke')
    for (const d of LAZY) {
      expect(page.vendorEvents(key(d))).not.toContain('After revoke')
      await expect.poll(() => page.requestsTo(bundlePart(d)), POLL).toHaveLength(1) // loaded once, never unloaded or reloaded
    }
    const cookies = await page.test.cookieNames()
    for (const d of LAZY) expect(cookies).toContain(loadedCookieName(d.name))
    expect(scenario.sinkEvent('After revoke')?.context?.consent?.categoryPreferences).toEqual(DENIED)
  })

  it('stops delivering to a destination loaded at start-up once consent is revoked', async () => {
    const page = await scenario.open({ destinations: DESTINATIONS, initial: decided(GRANTED) })
    await page.test.track('Granted')
    for (const d of LAZY) await page.test.expectVendorCall(key(d), 'track', 'Granted')
    expect(await page.destinationActions()).not.toContainEqual(['deferred', CLASSIC.name])

    await page.setConsent(decided(DENIED))
    await page.test.track('After revoke')

    await scenario.expectControlsGot(page, 'After revoke')
    for (const d of LAZY) expect(page.vendorEvents(key(d))).not.toContain('After revoke')
  })

  it('guard.defer(plugin) runs a local destination\'s load only once consent allows it', async () => {
    const local = { name: 'Local Pixel', defer: true, categories: ['C0004'] }
    const eager = { name: 'Eager Pixel', defer: false }
    const page = await scenario.open({
      destinations: DESTINATIONS,
      initial: decided(DENIED),
      local: [local, eager],
      guard: { integrationCategoryMappings: { [eager.name]: ['C0004'] } },
    })
    await page.test.track('Before grant')
    await scenario.expectControlsGot(page, 'Before grant')

    // The unwrapped plugin was loaded by analytics-next at once (and warned about); it gets no events.
    await page.test.expectCookie(loadedCookieName(eager.name))
    await page.test.expectVendorCall(destinationKey(eager.name), 'initialize')
    const warning = await page.expectDestinationDiagnostic('loaded-without-consent', eager.name)
    expect(warning.destinations).toEqual([eager.name])
    // The deferred one: its load never ran.
    expect(await page.test.cookieNames()).not.toContain(loadedCookieName(local.name))
    expect(scenario.server().vendorCalls(destinationKey(local.name))).toEqual([])
    expect(page.vendorEvents(destinationKey(eager.name))).toEqual([])

    await page.setConsent(decided(GRANTED))
    const sent = await page.test.track('After grant')

    const call = await page.test.expectVendorCall(destinationKey(local.name), 'track', 'After grant')
    expect(call.event?.messageId).toBe(sent.messageId)
    await page.test.expectCookie(loadedCookieName(local.name))
    // Its load ran before it was handed any event (the first track is the consent change event or ours).
    const localCalls = () => page.requestsTo(`/vendor/${destinationKey(local.name)}/`).map((url) => new URL(url).pathname.split('/').pop())
    await expect.poll(localCalls, POLL).toContain('track')
    expect(localCalls()[0]).toBe('initialize')
    expect(page.vendorEvents(destinationKey(local.name))).not.toContain('Before grant')
    await page.test.expectVendorCall(destinationKey(eager.name), 'track', 'After grant')
  })
})
