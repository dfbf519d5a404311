/**
 * One end-to-end run per consent platform family (docs/adapters.md), in real
 * headless Chromium, through the real analytics-next and the real plugin:
 * the platform's real library where its code is public (Klaro,
 * cookieconsent, the IAB's TCF and GPP CMP APIs), else its fake (test/fakes,
 * the same code the adapters' unit tests use), is installed before analytics loads, the guard reads it through the
 * platform's adapter, and the platform's consent driver clicks "reject all"
 * and then "accept all" the way the consent audit does. The proof is what
 * left the page: the Segment payload at the sink
 * (`context.consent.categoryPreferences`), the device-mode destination's
 * requests to the test server (bundle and `/vendor/<key>/...` calls) and the
 * cookie jar (its code sets `<key>_loaded` when it runs).
 *
 * Every absence is checked only after evidence from the same moment: an
 * unmapped control destination (always allowed) received the same event.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { cookiebotDriver, pageHost, runDriver } from '../../audit/drivers/drivers'
import { buildCdnSettings, destinationKey, loadedCookieName, type FakeDestination } from '../fixtures/cdn-settings'
import type { TestServer } from '../servers/test-server'
import { AnalyticsTestPage } from './support/analytics-test-page'
import type { LaunchedBrowser } from './support/browser'
import { CMP_CASES, type CmpCase } from './support/cmp-cases'
import { cmpPage, driveAndSettle, pageMarker } from './support/cmp-page'
import { useRealLibrariesSuite } from './support/real-cmp-suite'

const suite = useRealLibrariesSuite()
let server: TestServer
let browser: LaunchedBrowser
beforeAll(() => void ({ server, browser } = suite))

/** The destination under test (Segment's own category in the CDN; the mapping to the platform's category must win) and the control. */
function destinationsOf(cmpCase: CmpCase): { target: FakeDestination; control: FakeDestination } {
  const prefix = cmpCase.platform.replace(/[^A-Za-z0-9]+/g, ' ').trim()
  return {
    target: { name: `${prefix} Ads`, kind: cmpCase.kind, categories: ['Advertising'] },
    // Unmapped: always allowed, and it keeps Segment.io delivering after a "reject all" (hasUnmappedDestinations).
    control: { name: `${prefix} Control`, kind: 'action', categories: [] },
  }
}

/** Every request the target destination's code (bundle, vendor calls) made to the test server. */
const requestsOf = (key: string) => server.requests.filter((r) => r.path.includes(`/${key}`)).map((r) => `${r.method} ${r.path}`)

describe('one run per consent platform family in Chromium', () => {
  for (const cmpCase of CMP_CASES) {
    it(`${cmpCase.platform}: reject all blocks the destination and stamps false; accept all loads it and stamps true`, async () => {
      const { target, control } = destinationsOf(cmpCase)
      const key = destinationKey(target.name)
      const cookie = loadedCookieName(target.name)
      const { category } = cmpCase
      const cdnSettings = buildCdnSettings({ apiHost: server.url, destinations: [target, control] })
      const html = cmpPage({ serverUrl: server.url, cmpCase, cdnSettings, mappings: { [target.name]: [category] } })
      await browser.context.clearCookies()
      const test = await AnalyticsTestPage.open(browser.context, server, html)
      try {
        const marker = await pageMarker(test)
        await test.expectCookie(loadedCookieName(control.name))
        const optOut = cmpCase.model === 'opt-out'
        if (!optOut) {
          // Opt-in and undecided: the destination's code is not even fetched.
          expect(requestsOf(key), `${target.name} before any choice`).toEqual([])
          expect(await test.cookieNames()).not.toContain(cookie)
        }

        await driveAndSettle(test, cmpCase, 'reject-all')
        const rejected = await test.track(`${cmpCase.platform} after reject`)
        const rejectedAtSink = await test.expectSinkEvent((e) => e.messageId === rejected.messageId, 'event after reject')
        expect(rejectedAtSink.context?.consent?.categoryPreferences?.[category]).toBe(false)
        await test.expectVendorCall(destinationKey(control.name), 'track', rejected.event)
        const trackedByTarget = () => server.vendorCalls(key).filter((c) => c.type === 'track').map((c) => c.event?.event)
        expect(trackedByTarget(), `${target.name} got an event after reject`).toEqual([])
        if (optOut) {
          // Opt-out: allowed until the visitor opted out, so its code loaded at start; from the opt-out on it gets nothing.
          await test.expectCookie(cookie)
        } else {
          expect(requestsOf(key), `${target.name} after reject`).toEqual([])
          expect(await test.cookieNames()).not.toContain(cookie)
        }

        await driveAndSettle(test, cmpCase, 'accept-all')
        const accepted = await test.track(`${cmpCase.platform} after accept`)
        const call = await test.expectVendorCall(key, 'track', accepted.event)
        expect(call.event?.messageId).toBe(accepted.messageId)
        await test.expectCookie(cookie)
        const acceptedAtSink = await test.expectSinkEvent((e) => e.messageId === accepted.messageId, 'event after accept')
        expect(acceptedAtSink.context?.consent?.categoryPreferences?.[category]).toBe(true)
        // Only events from the accept on (the guard's consent change event, sent at the change, may come first).
        expect(trackedByTarget()).not.toContain(rejected.event)
        // Loaded in place: one bundle request, same page.
        expect(server.requests.filter((r) => r.kind === 'bundle' && r.path.includes(`/${key}`))).toHaveLength(1)
        expect(await pageMarker(test)).toBe(marker)
        expect(test.pageErrors).toEqual([])
        browser.guard.assertClean()
      } finally {
        await test.page.close()
      }
    })
  }
})

describe('runDriver in Chromium (page.waitForFunction does the waiting)', () => {
  /** A Cookiebot stand-in that loads `loadAfterMs` after the page, and reports the response 300 ms after the call. */
  const latePage = (loadAfterMs: number) => `<!doctype html><script>
setTimeout(function () {
  window.Cookiebot = { hasResponse: false, submitCustomConsent: function () { var self = this; self.args = [].slice.call(arguments); setTimeout(function () { self.hasResponse = true }, 300) } }
}, ${loadAfterMs})
</script>`

  it('drives a platform that appears 1.5 s after load, then waits for it to report the choice', async () => {
    const page = await browser.context.newPage()
    try {
      await page.setContent(latePage(1500))
      const started = Date.now()
      const result = await runDriver(pageHost(page), cookiebotDriver, { scenario: { kind: 'reject-all' }, options: { timeoutMs: 10_000 } })
      expect(result).toEqual({ ok: true, detail: 'called Cookiebot.submitCustomConsent(false, false, false)' })
      expect(Date.now() - started).toBeGreaterThanOrEqual(1400)
      expect(await page.evaluate(() => (window as unknown as { Cookiebot: { hasResponse: boolean } }).Cookiebot.hasResponse)).toBe(true)
    } finally {
      await page.close()
    }
  })

  it('reports a navigation when the platform leaves the page after the choice and the new one never confirms it', async () => {
    const page = await browser.context.newPage()
    try {
      await page.setContent(`<!doctype html><script>
window.Cookiebot = { hasResponse: false, submitCustomConsent: function () { setTimeout(function () { location.href = 'about:blank' }, 50) } }
</script>`)
      // The audit records this as "the page navigated while the driver ran" (a choice made), as before.
      await expect(runDriver(pageHost(page), cookiebotDriver, { scenario: { kind: 'accept-all' }, options: { timeoutMs: 1000 } })).rejects.toThrow(/navigated/)
    } finally {
      await page.close()
    }
  })

  it('gives the same "did not load within N ms" detail when the platform never appears', async () => {
    const page = await browser.context.newPage()
    try {
      await page.setContent('<!doctype html><p>no consent platform</p>')
      expect(await runDriver(pageHost(page), cookiebotDriver, { scenario: { kind: 'accept-all' }, options: { timeoutMs: 500 } })).toEqual({
        ok: false,
        detail: 'Cookiebot (window.Cookiebot.submitCustomConsent) did not load within 500 ms',
      })
    } finally {
      await page.close()
    }
  })
})
