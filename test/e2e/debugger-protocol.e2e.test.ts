/**
 * Nothing lost between the plugin and the panel, in real Chromium with the
 * built extension: the real plugin's events that are over the validator's
 * limits arrive trimmed and marked (not refused), and a plugin that speaks
 * a newer protocol version is named in a banner instead of looking like no
 * plugin at all.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { PluginSession } from '../../extension/test-support/diagnostics'
import { buildCdnSettings } from '../fixtures/cdn-settings'
import { analyticsPage, guardSetup } from '../servers/html-page'
import type { TestServer } from '../servers/test-server'
import { AnalyticsTestPage } from './support/analytics-test-page'
import type { LaunchedBrowser } from './support/browser'
import { useBrowserSuite } from './support/browser-suite'
import { DebuggerPanel, findTabId, POLL, protocolPage } from './support/debugger-panel'

const suite = useBrowserSuite({ extension: true, pages: true, guardAfterEach: true })
let server: TestServer
let browser: LaunchedBrowser
beforeAll(() => void ({ server, browser } = suite))

describe('between the plugin and the panel', () => {
  it('lists events over the validator limits (2,001 items, 30 levels, a long messageId), trimmed and marked', async () => {
    const cdnSettings = buildCdnSettings({ apiHost: server.url, destinations: [{ name: 'Warehouse Cloud', kind: 'cloud', categories: ['C0002'] }] })
    const setup = guardSetup(`{ cmp: ConsentGuard.staticConsent({ C0002: true }) }`)
    const shop = await AnalyticsTestPage.open(browser.context, server, analyticsPage({ serverUrl: server.url, cdnSettings, setup, loadOptions: { metrics: { sampleRate: 0 } } }))
    const longId = `long-${'x'.repeat(5000)}`
    await shop.page.evaluate((id) => {
      const analytics = (window as unknown as { analytics: { track(n: string, p?: unknown, o?: unknown): Promise<unknown> } }).analytics
      let deep: unknown = 'bottom'
      for (let i = 0; i < 30; i++) deep = { level: deep }
      return Promise.all([
        analytics.track('Many Items', { items: Array.from({ length: 2001 }, (_, i) => i) }),
        analytics.track('Deep Payload', { deep }),
        analytics.track('Long Message Id', {}, { messageId: id }),
      ])
    }, longId)
    await shop.expectSinkEvent((e) => e.event === 'Long Message Id')
    const panel = await DebuggerPanel.open(browser, await findTabId(browser, shop.url))
    await expect.poll(() => panel.rowNames(), POLL).toEqual(expect.arrayContaining(['Many Items', 'Deep Payload', 'Long Message Id']))
    // Each is the plugin's own report (the inspector hook's predicted copy, badged, stays hidden).
    for (const name of ['Many Items', 'Deep Payload', 'Long Message Id']) expect(await panel.row(name).locator('.badge').count(), name).toBe(0)

    await panel.row('Many Items').click()
    await expect.poll(() => panel.detail().textContent(), POLL).toContain('…2,001 items, 1,999 kept')
    await panel.row('Deep Payload').click()
    await expect.poll(() => panel.detail().textContent(), POLL).toContain('…nested too deep, left out')
    await panel.row('Long Message Id').click()
    await expect.poll(() => panel.detail().textContent(), POLL).toMatch(/…5,005 chars, [\d,]+ kept/)
    expect(await panel.page.getByRole('alert', { name: 'Protocol version' }).isHidden()).toBe(true)
    await Promise.all([shop.page.close(), panel.page.close()])
  })

  it('names both versions and says to update the debugger when the page’s plugin speaks a newer protocol', async () => {
    const s = new PluginSession(`newer-${Date.now()}`)
    const probe = { ...s.next('probe', {}), v: 2 }
    const hello = { ...s.next('hello', { pluginVersion: '9.0.0', analyticsVersion: '1.84.3', url: 'x', options: {} }), v: 2, options: { shape: 'of v2' } }
    const event = { ...s.event('From the future', {}), v: 2 }
    server.setPage('/newer-plugin.html', protocolPage([probe, hello, event]))
    const page = await browser.newPage()
    await page.goto(`${server.url}/newer-plugin.html`)
    const panel = await DebuggerPanel.open(browser, await findTabId(browser, `${server.url}/newer-plugin.html`))
    const banner = panel.page.getByRole('alert', { name: 'Protocol version' })
    await expect.poll(() => banner.textContent(), POLL).toBe(
      "The page's Consent Guard plugin 9.0.0 speaks diagnostics protocol v2; the Consent Guard debugger speaks v1. The plugin is newer: update the Consent Guard debugger to see its events.",
    )
    // Its other messages mean something else in v2: not shown as if they were v1.
    expect(await panel.rowCount()).toBe(0)
    await Promise.all([page.close(), panel.page.close()])
  })
})
