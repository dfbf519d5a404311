/**
 * Smoke test of the e2e harness: real analytics-next (from the built page
 * bundle) in real Chromium, one classic and one action fake destination, no
 * consent tooling. If this fails, every other e2e test's evidence (sink
 * events, cookies, vendor calls, the hermetic guard) is suspect.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildCdnSettings, destinationKey, loadedCookieName } from '../fixtures/cdn-settings'
import { analyticsPage } from '../servers/html-page'
import type { TestServer } from '../servers/test-server'
import { AnalyticsTestPage } from './support/analytics-test-page'
import { launchBrowser, type LaunchedBrowser } from './support/browser'
import { useBrowserSuite } from './support/browser-suite'

const PLUGIN_ENTRY = fileURLToPath(new URL('../../plugin/index.ts', import.meta.url))

const suite = useBrowserSuite({ pages: true })
let server: TestServer
let browser: LaunchedBrowser
beforeAll(() => void ({ server, browser } = suite))

describe('e2e harness', () => {
  it('delivers track() to the sink and runs both fake destinations, staying on 127.0.0.1', async () => {
    const cdnSettings = buildCdnSettings({
      apiHost: server.url,
      destinations: [
        { name: 'Fake Classic', kind: 'classic', categories: ['C0002'] },
        { name: 'Fake Action', kind: 'action', categories: ['C0004'] },
      ],
    })
    const page = await AnalyticsTestPage.open(browser.context, server, analyticsPage({ serverUrl: server.url, cdnSettings }))

    const sent = await page.track('Hello', { n: 1 })

    const atSink = await page.expectSinkEvent((e) => e.type === 'track' && e.event === 'Hello', 'track Hello')
    expect(atSink.messageId).toBe(sent.messageId)
    expect(atSink.properties).toEqual({ n: 1 })
    // The real Segment.io plugin sent it, so `_metadata` lists the classic bundle.
    expect(atSink._metadata?.bundled).toContain('Fake Classic')

    for (const name of ['Fake Classic', 'Fake Action']) {
      await page.expectCookie(loadedCookieName(name))
      const call = await page.expectVendorCall(destinationKey(name), 'track', 'Hello')
      expect(call.event?.messageId).toBe(sent.messageId)
    }
    expect(server.requests.some((r) => r.kind === 'settings')).toBe(false) // inline settings: no CDN fetch
    expect(page.pageErrors).toEqual([])
    browser.guard.assertClean()
  })

  it('fetches CDN settings from the server when none are inline', async () => {
    const destinations = [{ name: 'Fetched Classic', kind: 'classic' as const }]
    server.setCdnSettings((url) => buildCdnSettings({ apiHost: url, destinations }), 'fetch-key')
    const html = analyticsPage({ serverUrl: server.url, writeKey: 'fetch-key' })
    const page = await AnalyticsTestPage.open(browser.context, server, html)

    await page.track('From fetched settings')

    await page.expectVendorCall('fetched-classic', 'track', 'From fetched settings')
    await page.expectSinkEvent((e) => e.event === 'From fetched settings')
    expect(server.requests.some((r) => r.kind === 'settings' && r.path === '/v1/projects/fetch-key/settings')).toBe(true)
    browser.guard.assertClean()
  })

  it('injects faults without breaking delivery to Segment and the healthy destination', async () => {
    const cdnSettings = buildCdnSettings({
      apiHost: server.url,
      destinations: [
        { name: 'Missing Classic', kind: 'classic', fault: 'not-found' },
        { name: 'Throwing Action', kind: 'action', fault: 'throws-on-eval' },
        { name: 'Hanging Classic', kind: 'classic', fault: 'never-loads' },
        { name: 'Hanging Action', kind: 'action', fault: 'never-loads' },
        { name: 'Healthy Action', kind: 'action' },
      ],
    })
    const page = await AnalyticsTestPage.open(browser.context, server, analyticsPage({ serverUrl: server.url, cdnSettings }))

    // Not awaited: a never-loading action destination keeps track()'s promise pending.
    await page.trackNoWait('Despite faults')

    await page.expectSinkEvent((e) => e.event === 'Despite faults')
    await page.expectVendorCall('healthy-action', 'track', 'Despite faults')
    // The throwing bundle ran up to its throw; the hanging classic ran but never initialised;
    // the hanging action's load() started (it called its vendor) but never settled.
    await page.expectCookie(loadedCookieName('Throwing Action'))
    await page.expectCookie(loadedCookieName('Hanging Classic'))
    await page.expectVendorCall('hanging-action', 'initialize')
    await server.waitFor((r) => r.kind === 'bundle' && r.path.includes('/missing-classic/'))
    // Checked after the healthy destination got the event, which went to all of them at once.
    expect(await page.cookieNames()).not.toContain(loadedCookieName('Missing Classic'))
    expect(server.vendorCalls('hanging-classic')).toEqual([])
    expect(server.vendorCalls('throwing-action')).toEqual([])
    expect(server.vendorCalls('hanging-action').map((c) => c.type)).toEqual(['initialize'])
    expect(page.pageErrors.some((m) => m.includes('throwing-action throws on evaluation'))).toBe(true)
    browser.guard.assertClean()
  })

  it.runIf(process.env.CONSENT_GUARD_PAGES_PLUGIN !== 'off' && existsSync(PLUGIN_ENTRY))(
    'exposes the plugin as window.ConsentGuard once plugin/index.ts exists',
    async () => {
      const cdnSettings = buildCdnSettings({ apiHost: server.url })
      const page = await AnalyticsTestPage.open(browser.context, server, analyticsPage({ serverUrl: server.url, cdnSettings }))
      const exported = await page.page.evaluate(() => {
        const guard = (window as unknown as { ConsentGuard?: Record<string, unknown> }).ConsentGuard ?? {}
        return Object.keys(guard).filter((name) => typeof guard[name] === 'function')
      })
      expect(exported).toContain('consentGuard')
    },
  )

  it('aborts and reports a request that leaves 127.0.0.1', async () => {
    const probe = await launchBrowser()
    try {
      const page = await probe.newPage()
      await page.goto(`${server.url}/pages/analytics-page.js`)
      const outcome = await page.evaluate(() =>
        fetch('http://example.invalid/leak').then(
          () => 'reached',
          () => 'blocked',
        ),
      )
      expect(outcome).toBe('blocked')
      expect(probe.guard.violations).toEqual(['http://example.invalid/leak'])
      expect(() => probe.guard.assertClean()).toThrow(/example\.invalid\/leak/)
    } finally {
      await probe.close()
    }
  })
})
