/**
 * Pending opt-in consent (events held in memory until the CMP decides) with lazy
 * destinations, in real headless Chromium: events are held in order while
 * the CMP has not decided, released under the decision (after the waiting
 * destinations' code arrived), or, on timeout, sent on under all-false
 * consent. See lazy-destinations.e2e.test.ts for the evidence used.
 */
import { describe, expect, it } from 'vitest'
import { destinationKey } from '../fixtures/cdn-settings'
import { decided, pending } from './support/lazy-page'
import { bundlePart, CONSENT_CHANGED, CONTROLS, DESTINATIONS, GRANTED, key, LAZY, POLL, useLazyScenario } from './support/lazy-scenario'

const scenario = useLazyScenario()

describe('pending consent with lazy destinations in Chromium', () => {
  it('holds events while consent is pending and releases them in order once decided', async () => {
    const page = await scenario.open({ destinations: DESTINATIONS, initial: pending(), guard: { waitForConsent: { timeoutMs: 60_000 } } })
    const names = ['Held 1', 'Held 2', 'Held 3']
    for (const name of names) await page.test.trackNoWait(name)
    await expect.poll(async () => (await page.diagnostics('hold')).filter((d) => d.action === 'held').length, POLL).toBe(3)
    // Every event is parked in the guard: nothing reached Segment or any destination, no code loaded.
    expect(scenario.server().segmentEvents()).toEqual([])
    for (const d of DESTINATIONS) expect(page.requestsTo(bundlePart(d))).toEqual([])
    const held = (await page.diagnostics('hold')).filter((d) => d.action === 'held').map((d) => d.messageId)

    await page.setConsent(decided(GRANTED))

    for (const name of [...names, CONSENT_CHANGED]) await page.test.expectSinkEvent((e) => e.event === name)
    const ids = names.map((name) => scenario.sinkEvent(name)!.messageId)
    expect(ids).toEqual(held) // released events keep their messageId
    // The consent change event goes after the events the same decision released.
    // Issue order as Chromium reports it (arrival at the server may interleave); polled, as those reports
    // reach Node on their own channel.
    await expect.poll(() => page.sinkOrder(), POLL).toEqual([...ids, scenario.sinkEvent(CONSENT_CHANGED)!.messageId])
    for (const d of [...LAZY, ...CONTROLS]) {
      await page.test.expectVendorCall(key(d), 'track', CONSENT_CHANGED)
      await expect.poll(() => page.vendorOrder(key(d)), { ...POLL, message: `${d.name} order` }).toEqual([...ids, scenario.sinkEvent(CONSENT_CHANGED)!.messageId])
    }
    for (const name of names) expect(scenario.sinkEvent(name)?.context?.consent?.categoryPreferences).toEqual(GRANTED)
  })

  it('on timeout, releases held and later events under all-false consent, loads nothing, and obeys a later decision', async () => {
    const unmapped = { name: 'Unmapped Pixel', defer: false }
    const page = await scenario.open({
      destinations: DESTINATIONS,
      initial: pending(),
      guard: { waitForConsent: { timeoutMs: 1_000 } },
      local: [unmapped],
    })
    await page.test.trackNoWait('Held until timeout')
    await expect.poll(async () => (await page.diagnostics('hold')).map((d) => d.action), POLL).toEqual(['held', 'timeout'])
    await page.test.track('After timeout')

    // An unmapped destination (allowed whatever the consent) receives both, stamped all-false.
    const allFalse = { C0001: false, C0002: false, C0004: false }
    for (const name of ['Held until timeout', 'After timeout']) {
      const call = await page.test.expectVendorCall(destinationKey(unmapped.name), 'track', name)
      expect(call.event?.context?.consent?.categoryPreferences).toEqual(allFalse)
    }
    const reports = (await page.diagnostics('event')).filter((d) => d.name === 'Held until timeout' || d.name === 'After timeout')
    expect(reports.map((d) => [d.status, d.consent])).toEqual([
      ['pending', allFalse],
      ['pending', allFalse],
    ])
    for (const report of reports) {
      for (const d of DESTINATIONS) expect(report.decisions.find((x) => x.destination === d.name)).toMatchObject({ allowed: false, reason: 'pending' })
    }
    for (const d of DESTINATIONS) {
      expect(page.requestsTo(bundlePart(d)), `${d.name} bundle`).toEqual([])
      expect(scenario.server().vendorCalls(key(d))).toEqual([])
    }

    // The hold stays closed; the decision applies from the next event on.
    await page.setConsent(decided(GRANTED))
    await page.test.track('After decision')
    for (const d of DESTINATIONS) await page.test.expectVendorCall(key(d), 'track', 'After decision')
    for (const d of DESTINATIONS) expect(page.vendorEvents(key(d))).not.toContain('After timeout')
  })

  // After the hold times out, Segment.io's decision stays `pending` but follows Segment's own rule under the
  // all-false consent the events carry: here an unmapped destination exists, so they reach Segment.
  it('on timeout, sends events to Segment when its rule allows it under all-false consent', async () => {
    const page = await scenario.open({
      destinations: [...DESTINATIONS, { name: 'Unmapped Cloud', kind: 'cloud' }],
      initial: pending(),
      guard: { waitForConsent: { timeoutMs: 500 } },
    })
    await expect.poll(async () => (await page.diagnostics('hold')).map((d) => d.action), POLL).toEqual(['timeout'])
    await page.test.track('After timeout')
    const event = await scenario.server().waitForEvent((e) => e.event === 'After timeout', 3_000)
    expect(event.context?.consent?.categoryPreferences).toEqual({ C0001: false, C0002: false, C0004: false })
  })

})
