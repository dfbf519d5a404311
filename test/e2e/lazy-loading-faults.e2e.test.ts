/**
 * Lazily loaded destinations whose code fails, in real headless Chromium:
 * a bundle that 404s or throws is reported as a `destination` diagnostic
 * `failed`, and a vendor that never gets ready holds back nothing but its
 * own delivery. The other destinations and Segment keep receiving events.
 */
import { describe, expect, it } from 'vitest'
import { loadedCookieName, type FakeDestination } from '../fixtures/cdn-settings'
import { decided } from './support/lazy-page'
import { bundlePart, CONTROLS, DENIED, DESTINATIONS, GRANTED, key, LAZY, POLL, useLazyScenario } from './support/lazy-scenario'

const scenario = useLazyScenario()

describe('lazy destinations whose code fails, in Chromium', () => {
  it('reports a destination whose bundle 404s or throws when loaded lazily as failed; the others keep working', async () => {
    const faulty: FakeDestination[] = [
      { name: 'Missing Classic', kind: 'classic', categories: ['C0002'], fault: 'not-found' },
      { name: 'Throwing Classic', kind: 'classic', categories: ['C0002'], fault: 'throws-on-eval' },
      { name: 'Missing Action', kind: 'action', categories: ['C0004'], fault: 'not-found' },
      { name: 'Throwing Action', kind: 'action', categories: ['C0004'], fault: 'throws-on-eval' },
    ]
    const page = await scenario.open({ destinations: [...faulty, ...DESTINATIONS], initial: decided(DENIED) })
    expect(await page.destinationActions()).toEqual(expect.arrayContaining(faulty.map((d) => ['deferred', d.name])))

    await page.setConsent(decided(GRANTED))
    await page.test.track('After grant')

    for (const d of faulty) {
      const failed = await page.expectDestinationDiagnostic('failed', d.name)
      expect(failed.error, d.name).toBeTruthy()
      await expect.poll(() => page.requestsTo(bundlePart(d)), { ...POLL, message: `${d.name} bundle` }).toHaveLength(1)
    }
    for (const d of [...LAZY, ...CONTROLS]) await page.test.expectVendorCall(key(d), 'track', 'After grant')
    await page.test.expectSinkEvent((e) => e.event === 'After grant')
    const later = await page.test.track('Later')
    for (const d of [...LAZY, ...CONTROLS]) await page.test.expectVendorCall(key(d), 'track', 'Later')
    await page.test.expectSinkEvent((e) => e.messageId === later.messageId)
    for (const d of faulty) expect(page.vendorEvents(key(d))).toEqual([])
    expect(await page.destinationActions()).not.toEqual(expect.arrayContaining(faulty.map((d) => ['lazy-loaded', d.name])))
  })

  it('keeps delivering when a lazily loaded destination never becomes ready', async () => {
    const hanging: FakeDestination[] = [
      { name: 'Hanging Classic', kind: 'classic', categories: ['C0002'], fault: 'never-loads' },
      { name: 'Hanging Action', kind: 'action', categories: ['C0004'], fault: 'never-loads' },
    ]
    const page = await scenario.open({ destinations: [...hanging, ...DESTINATIONS], initial: decided(DENIED) })

    await page.setConsent(decided(GRANTED))
    // Not awaited: like analytics-next's own, an event sent to a destination that never loads never settles.
    await page.test.trackNoWait('After grant')
    await page.test.trackNoWait('Later')

    for (const name of ['After grant', 'Later']) {
      await page.test.expectSinkEvent((e) => e.event === name)
      for (const d of [...LAZY, ...CONTROLS]) await page.test.expectVendorCall(key(d), 'track', name)
    }
    for (const d of hanging) {
      await page.test.expectCookie(loadedCookieName(d.name)) // its code ran...
      expect(page.vendorEvents(key(d))).toEqual([]) // ...but it never got ready, so nothing was handed to it
    }
  })

})
