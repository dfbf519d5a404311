/**
 * The debugger inside real Chrome DevTools, headless: DevTools opened on a
 * page with the real plugin, the extension's "Consent Guard" panel shown.
 * Only there does the panel take its tab from
 * `chrome.devtools.inspectedWindow.tabId` and run the network check over
 * `chrome.devtools.network`; every other debugger e2e opens
 * panel.html?tabId=N in a tab, where neither exists.
 *
 * Optional (DEVTOOLS_E2E=1): driving the DevTools front-end relies on
 * DevTools internals (see support/devtools-frontend.ts) that a Chromium
 * update may break without anything being wrong in Consent Guard.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { buildCdnSettings } from '../fixtures/cdn-settings'
import { analyticsPage, guardSetup } from '../servers/html-page'
import { useBrowserSuite } from './support/browser-suite'
import { POLL } from './support/debugger-panel'
import { openDevtools, type DevtoolsWindow, type TargetSession } from './support/devtools-frontend'

const PANEL_PATH = 'panel/panel.html'
const PANEL_TITLE = 'Consent Guard'

/** The panel's views by their visible text and ARIA roles (run inside the panel frame). */
const panelReads = {
  connection: () => document.querySelector('[role="status"][aria-label="Connection"]')?.textContent ?? null,
  /** Event names of the rendered rows of the "Events" grid, top to bottom. */
  rowNames: () =>
    [...document.querySelectorAll('[role="grid"][aria-label="Events"] [role="row"]')]
      .filter((row) => row.querySelector('[role="gridcell"]'))
      .map((row) => row.querySelectorAll('[role="gridcell"]')[2]?.firstChild?.textContent ?? ''),
  showTab: (name: string) => {
    const tab = [...document.querySelectorAll<HTMLElement>('[role="tablist"][aria-label="Views"] [role="tab"]')].find((t) => t.textContent === name)
    tab?.click()
    return tab?.getAttribute('aria-selected') ?? null
  },
  /** The "Network check" tab panel: its summary line and the findings table's rows (only when the table is shown). */
  network: () => {
    const tab = [...document.querySelectorAll('[role="tablist"][aria-label="Views"] [role="tab"]')].find((t) => t.textContent === 'Network check')
    const view = document.getElementById(tab?.getAttribute('aria-controls') ?? '')
    const table = view?.querySelector<HTMLElement>('table[aria-label="Network findings"]')
    return {
      summary: view?.querySelector('[role="status"]')?.textContent ?? null,
      findings: table && !table.hidden ? [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((td) => td.textContent ?? '')) : [],
    }
  },
}

/** What the network check must report for the shop's traffic (see `shopTraffic`). */
async function expectNetworkCheck(panel: TargetSession, leakUrl: string): Promise<void> {
  expect(await panel.evaluate(panelReads.showTab, 'Network check')).toBe('true')
  // Both track calls were checked as Segment event requests, and each carried context.consent.categoryPreferences.
  await expect.poll(async () => (await panel.evaluate(panelReads.network)).summary, POLL).toMatch(/ 2 Segment event requests\. 1 leak\(s\), 0 request\(s\) without a consent object\.$/)
  await expect
    .poll(async () => (await panel.evaluate(panelReads.network)).findings, POLL)
    .toEqual([[expect.any(String), 'Leak', 'Ads Action', leakUrl, 'Ads Action was blocked (missing-consent) when this request was made.']])
}

describe.skipIf(!process.env.DEVTOOLS_E2E)('the debugger as a real DevTools panel', () => {
  const suite = useBrowserSuite({ extension: true, pages: true, guardAfterEach: true })
  let pageCount = 0

  /**
   * A shop page with the real plugin: Ads (C0004) is denied, Analytics (C0002)
   * granted. Its vendor host and the local sink (as Segment's API) are declared
   * through `destinationHosts` for the network check.
   */
  function servePage(): { url: string; path: string; leakUrl: string } {
    const { server } = suite
    const path = `/devtools-shop-${++pageCount}.html`
    const cdnSettings = buildCdnSettings({
      apiHost: server.url,
      destinations: [
        { name: 'Analytics Action', kind: 'action', categories: ['C0002'] },
        { name: 'Ads Action', kind: 'action', categories: ['C0004'] },
      ],
    })
    const hosts = { 'Ads Action': [`${server.url}/vendor/ads-pixel/`], 'Segment.io': [`${server.url}/v1/`] }
    const setup = guardSetup(`{ cmp: ConsentGuard.staticConsent({ C0002: true, C0004: false }), destinationHosts: ${JSON.stringify(hosts)} }`)
    server.setPage(path, analyticsPage({ serverUrl: server.url, cdnSettings, setup, loadOptions: { metrics: { sampleRate: 0 } } }))
    return { url: `${server.url}${path}`, path, leakUrl: `${server.url}/vendor/ads-pixel/collect?ev=purchase&page=${pageCount}` }
  }

  /** Loads the shop in `page`, tracks two events and, in between, calls the blocked vendor the way a hard-coded pixel would. */
  async function shopTraffic(page: Page, shop: { url: string; path: string; leakUrl: string }): Promise<void> {
    await page.goto(shop.url)
    await page.waitForFunction(() => (window as unknown as { analyticsReady?: Promise<boolean> }).analyticsReady)
    const track = (name: string) =>
      page.evaluate((n) => (window as unknown as { analytics: { track(n: string): Promise<unknown> } }).analytics.track(n).then(() => undefined), name)
    await track('Product Viewed')
    // The page itself calls the denied destination's vendor (the plugin cannot stop this; the network check must see it).
    // Like a pixel, it never reads the response body.
    expect(await page.evaluate((url) => fetch(url).then((r) => r.status), shop.leakUrl)).toBe(200)
    await track('Order Completed')
    const sent = () => suite.server.segmentEvents().filter((e) => (e.context?.page as { path?: string } | undefined)?.path === shop.path)
    await expect.poll(() => sent().map((e) => e.event), POLL).toEqual(['Product Viewed', 'Order Completed'])
    expect(sent().every((e) => typeof e.context?.consent?.categoryPreferences === 'object')).toBe(true)
  }

  async function withDevtools(run: (page: Page, devtools: DevtoolsWindow) => Promise<void>): Promise<void> {
    const page = await suite.browser.newPage()
    const pageErrors: string[] = []
    page.on('pageerror', (error) => pageErrors.push(error.message))
    const devtools = await openDevtools(suite.browser, page)
    try {
      await run(page, devtools)
      expect(pageErrors).toEqual([])
    } finally {
      await devtools.close()
      await page.close()
    }
  }

  it('opened after the page ran: lists its events, flags the leak and sees the consent object on Segment requests', async () => {
    await withDevtools(async (page, devtools) => {
      const shop = servePage()
      await shopTraffic(page, shop)
      const panel = await devtools.showExtensionPanel(PANEL_PATH, PANEL_TITLE)
      await expect.poll(() => panel.evaluate(panelReads.connection), POLL).toBe('Live')
      // The panel watches the inspected tab with no ?tabId= (chrome.devtools.inspectedWindow.tabId).
      expect(await panel.evaluate(() => location.search)).toBe('')
      await expect.poll(() => panel.evaluate(panelReads.rowNames), POLL).toEqual(['Product Viewed', 'Order Completed'])
      await expectNetworkCheck(panel, shop.leakUrl)
    })
  })

  // The case the network check exists for. Here the page's fetches (the leak, analytics-next's /v1/t posts)
  // get `Cache-Control: no-store` answers whose bodies the page never reads: Chromium's DevTools never marks
  // such requests finished, so `onRequestFinished` does not fire for them, although `getHAR()` lists them
  // (the panel reads the log again while the check is shown: network-source.ts).
  it('open while the page runs: sees the same events, leak and Segment requests live', async () => {
    await withDevtools(async (page, devtools) => {
      const panel = await devtools.showExtensionPanel(PANEL_PATH, PANEL_TITLE)
      await expect.poll(() => panel.evaluate(panelReads.connection), POLL).toBe('Live')
      const shop = servePage()
      await shopTraffic(page, shop)
      await expect.poll(() => panel.evaluate(panelReads.rowNames), POLL).toEqual(['Product Viewed', 'Order Completed'])
      await expectNetworkCheck(panel, shop.leakUrl)
    })
  })
})
