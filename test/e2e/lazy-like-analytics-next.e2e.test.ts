/**
 * A destination the guard loads on grant (no reload) behaves exactly like one
 * analytics-next loads itself, in real headless Chromium on production-shaped
 * settings (action bundles named on https://cdn.segment.com, moved by
 * analytics-next to its CDN, here the test server): the CDN host (the
 * snippet's `_cdn`), `obfuscate`, the site's switches, destination
 * middleware, Destination Filters, and plugin factories. Every request that
 * is not to 127.0.0.1 is aborted and fails the test (the hermetic guard,
 * checked after each test), so a bundle fetched from Segment's CDN fails it.
 * Each test shows the grant-without-reload path: before the grant no request
 * and no cookie, after it delivery with the site's middleware and filters.
 */
import { describe, expect, it } from 'vitest'
import { destinationFilter, loadedCookieName, type FakeDestination } from '../fixtures/cdn-settings'
import { obfuscated } from '../servers/bundle-routes'
import type { SinkEvent } from '../servers/sink-events'
import { decided } from './support/lazy-page'
import type { LazyPage } from './support/lazy-page'
import { ACTION, bundlePart, CLASSIC, CONTROLS, DENIED, DESTINATIONS, GRANTED, key, LAZY, OPEN_ACTION, OPEN_CLASSIC, POLL, useLazyScenario } from './support/lazy-scenario'

const scenario = useLazyScenario()

/** Before the grant, anchored on the controls that got `event`: no code of `waiting` was fetched or ran. */
async function expectNoCode(page: LazyPage, event: string, waiting = LAZY): Promise<void> {
  await scenario.expectControlsGot(page, event)
  const cookies = await page.test.cookieNames()
  for (const d of waiting) {
    expect(page.requestsTo(bundlePart(d)), `${d.name} bundle requested`).toEqual([])
    expect(cookies).not.toContain(loadedCookieName(d.name))
    expect(scenario.server().vendorCalls(key(d)), `${d.name} vendor calls`).toEqual([])
  }
}

/** The `properties` of the track event `name` that destination `vendorKey` handed its vendor. */
async function vendorProperties(page: LazyPage, vendorKey: string, name: string): Promise<Record<string, unknown>> {
  const call = await page.test.expectVendorCall(vendorKey, 'track', name)
  return ((call.event as SinkEvent & { properties?: Record<string, unknown> }).properties ?? {}) as Record<string, unknown>
}

describe('a destination loaded on grant is loaded the way analytics-next loads it, in Chromium', () => {
  it('fetches its code from the CDN analytics-next uses (a snippet with `_cdn`), not from the URL in the settings', async () => {
    const page = await scenario.open({ destinations: DESTINATIONS, initial: decided(DENIED), snippet: true })
    const marker = await page.marker()
    await page.test.track('Before grant')
    await expectNoCode(page, 'Before grant')

    await page.setConsent(decided(GRANTED))
    const sent = await page.test.track('After grant')

    for (const d of LAZY) {
      const call = await page.test.expectVendorCall(key(d), 'track', 'After grant')
      expect(call.event?.messageId).toBe(sent.messageId)
      await page.test.expectCookie(loadedCookieName(d.name))
    }
    const server = scenario.server().url
    for (const d of LAZY) expect(page.requestsTo(bundlePart(d)).every((url) => url.startsWith(`${server}/next-integrations/`))).toBe(true)
    const loaded = await page.expectDestinationDiagnostic('lazy-loaded', ACTION.name)
    expect(loaded.loadedFrom).toMatch(new RegExp(`^${server}/next-integrations/actions/${key(ACTION)}/[^/]+\\.js$`))
    expect(await page.marker()).toBe(marker)
  })

  it('with `obfuscate`, fetches the btoa\'d bundle paths, never the plain ones', async () => {
    const page = await scenario.open({ destinations: DESTINATIONS, initial: decided(DENIED), loadOptions: { obfuscate: true } })
    await page.test.track('Before grant')
    await expectNoCode(page, 'Before grant')

    await page.setConsent(decided(GRANTED))
    await page.test.track('After grant')

    for (const d of LAZY) {
      await page.test.expectVendorCall(key(d), 'track', 'After grant')
      await page.test.expectCookie(loadedCookieName(d.name))
      const bundles = scenario.server().requests.filter((r) => r.kind === 'bundle' && r.path.includes(`/${obfuscated(key(d))}/`))
      expect(bundles, d.name).toHaveLength(1)
      expect(page.requestsTo(bundlePart(d)), `${d.name} plain path`).toEqual([])
    }
    const loaded = await page.expectDestinationDiagnostic('lazy-loaded', CLASSIC.name)
    expect(loaded.loadedFrom).toContain(`/integrations/${obfuscated(key(CLASSIC))}/`)
  })

  it('never loads a destination the site switched off (`X: false`, or `All: false` without `X: true`), even after the grant', async () => {
    const switchedOff: FakeDestination = { name: 'Switched Action', kind: 'action', categories: ['C0004'] }
    const page = await scenario.open({
      destinations: [...DESTINATIONS, switchedOff],
      initial: decided(DENIED),
      // `All: false` switches off every destination not named true: Fake Classic; Switched Action is off by name.
      loadOptions: { integrations: { All: false, [ACTION.name]: true, [switchedOff.name]: false, [OPEN_ACTION.name]: true, [OPEN_CLASSIC.name]: true } },
    })
    await page.test.track('Before grant')
    await expectNoCode(page, 'Before grant', [...LAZY, switchedOff])

    await page.setConsent(decided(GRANTED))
    const sent = await page.test.track('After grant')

    // The one switched on by name loads on grant and gets the event; the others never load.
    const call = await page.test.expectVendorCall(key(ACTION), 'track', 'After grant')
    expect(call.event?.messageId).toBe(sent.messageId)
    await page.test.expectSinkEvent((e) => e.messageId === sent.messageId)
    await expectNoCode(page, 'After grant', [CLASSIC, switchedOff])
    const actions = await page.destinationActions()
    // The debugger never shows them as waiting for consent, only the one that did wait.
    expect(actions).toContainEqual(['deferred', ACTION.name])
    for (const d of [CLASSIC, switchedOff]) {
      expect(actions).not.toContainEqual(['deferred', d.name])
      expect(actions).not.toContainEqual(['failed', d.name])
      expect(actions).not.toContainEqual(['lazy-loaded', d.name])
    }
  })

  it('applies destination middleware added before the lazy load and after it', async () => {
    const page = await scenario.open({ destinations: DESTINATIONS, initial: decided(DENIED) })
    const addMiddleware = (destination: string, mark: string) =>
      page.test.page.evaluate(([d, m]) => (window as unknown as { testAddMiddleware(d: string, m: string): Promise<unknown> }).testAddMiddleware(d, m), [destination, mark] as const)
    for (const d of LAZY) await addMiddleware(d.name, 'added_before')
    await page.test.track('Before grant')
    await expectNoCode(page, 'Before grant')

    await page.setConsent(decided(GRANTED))
    await page.test.track('After grant', { n: 1 })
    for (const d of LAZY) expect(await vendorProperties(page, key(d), 'After grant'), d.name).toEqual({ n: 1, added_before: true })
    for (const d of LAZY) await page.expectDestinationDiagnostic('lazy-loaded', d.name)

    for (const d of LAZY) await addMiddleware(d.name, 'added_after')
    await page.test.track('Later', { n: 2 })
    for (const d of LAZY) expect(await vendorProperties(page, key(d), 'Later'), d.name).toEqual({ n: 2, added_before: true, added_after: true })
    // Destination middleware changes what the destination gets, never what Segment gets.
    expect((await page.test.expectSinkEvent((e) => e.event === 'Later')).properties).toEqual({ n: 2 })
    expect((await page.expectDestinationDiagnostic('lazy-loaded', ACTION.name)).middleware).toBe(1)
  })

  it('applies the Destination Filters of the settings to lazily loaded action and classic destinations', async () => {
    const routingRules = LAZY.flatMap((d) => [
      destinationFilter(d.name, 'Dropped', { type: 'drop' }),
      destinationFilter(d.name, 'With PII', { type: 'drop_properties', config: { drop: { properties: ['email'] } } }),
    ])
    const page = await scenario.open({ destinations: DESTINATIONS, initial: decided(DENIED), routingRules })
    await page.test.track('Before grant')
    await expectNoCode(page, 'Before grant')

    await page.setConsent(decided(GRANTED))
    await page.test.track('Dropped')
    await page.test.track('With PII', { email: 'a@example.com', plan: 'pro' })
    await page.test.track('After filters')

    for (const d of LAZY) {
      expect(await vendorProperties(page, key(d), 'With PII'), d.name).toEqual({ plan: 'pro' })
      await page.test.expectVendorCall(key(d), 'track', 'After filters')
      expect(page.vendorEvents(key(d)), d.name).not.toContain('Dropped')
      const loaded = await page.expectDestinationDiagnostic('lazy-loaded', d.name)
      expect(loaded.filters).toEqual(['drop', 'drop_properties'])
    }
    // The rules name only the waiting destinations: the controls and Segment get everything.
    for (const d of CONTROLS) await page.test.expectVendorCall(key(d), 'track', 'Dropped')
    for (const d of CONTROLS) expect(await vendorProperties(page, key(d), 'With PII')).toEqual({ email: 'a@example.com', plan: 'pro' })
  })

  it('builds an action destination from the plugin factory the site passes in `plugins`, never from the CDN', async () => {
    const bundled = { pluginName: ACTION.name, key: 'bundled-fake-action' }
    const consentedAtStart = { pluginName: OPEN_ACTION.name, key: 'bundled-open-action' }
    const page = await scenario.open({ destinations: DESTINATIONS, initial: decided(DENIED), factories: [bundled, consentedAtStart] })
    await page.test.track('Before grant')
    // analytics-next itself used the factory of the destination consented at start (guard.plugins returns `plugins` as is).
    await page.test.expectVendorCall(consentedAtStart.key, 'track', 'Before grant')
    expect(await page.test.cookieNames()).not.toContain(`${bundled.key}_loaded`)
    expect(scenario.server().vendorCalls(bundled.key)).toEqual([])

    await page.setConsent(decided(GRANTED))
    const sent = await page.test.track('After grant')

    const call = await page.test.expectVendorCall(bundled.key, 'track', 'After grant')
    expect(call.event?.messageId).toBe(sent.messageId)
    await page.test.expectCookie(`${bundled.key}_loaded`)
    await page.test.expectVendorCall(key(CLASSIC), 'track', 'After grant')
    await expect.poll(() => page.requestsTo(bundlePart(CLASSIC)), POLL).toHaveLength(1)
    for (const d of [ACTION, OPEN_ACTION]) expect(page.requestsTo(bundlePart(d)), `${d.name} fetched`).toEqual([])
    expect((await page.expectDestinationDiagnostic('lazy-loaded', ACTION.name)).loadedFrom).toBe('plugin factory')
  })
})
