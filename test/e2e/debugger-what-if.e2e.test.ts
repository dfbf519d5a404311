/**
 * "What if" end to end: the real plugin on a page at 127.0.0.1, the built
 * extension in headless Chromium, the panel opened as panel.html?tabId=N.
 * Toggling a category recomputes routing in the panel only: the page
 * receives nothing.
 *
 * With DOCS_SCREENSHOTS=1 it also writes docs/images/debugger-what-if.png.
 */
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { createMessage } from '../../shared/protocol/protocol'
import { buildCdnSettings } from '../fixtures/cdn-settings'
import { analyticsPage, guardSetup } from '../servers/html-page'
import type { TestServer } from '../servers/test-server'
import { AnalyticsTestPage } from './support/analytics-test-page'
import type { LaunchedBrowser } from './support/browser'
import { useBrowserSuite } from './support/browser-suite'
import { DebuggerPanel, findTabId, POLL, postMore } from './support/debugger-panel'

const SCREENSHOT = fileURLToPath(new URL('../../docs/images/debugger-what-if.png', import.meta.url))

const suite = useBrowserSuite({ extension: true, pages: true, guardAfterEach: true })
let server: TestServer
let browser: LaunchedBrowser
beforeAll(() => void ({ server, browser } = suite))

/** Records every `message` event the page's window receives from now on (the extension can only reach it that way). */
async function countPageMessages(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { whatIfSeen: string[] }
    w.whatIfSeen = []
    window.addEventListener('message', (e) => w.whatIfSeen.push(JSON.stringify(e.data)?.slice(0, 200) ?? String(e.data)))
  })
  return async () => {
    // A marker posted now arrives after anything already queued for the page.
    await page.evaluate(() => window.postMessage('what-if-marker', location.origin))
    await page.waitForFunction(() => (window as unknown as { whatIfSeen: string[] }).whatIfSeen.includes('"what-if-marker"'))
    return page.evaluate(() => (window as unknown as { whatIfSeen: string[] }).whatIfSeen.filter((m) => m !== '"what-if-marker"'))
  }
}

/** The what-if table of the open detail: [destination, mode, happened, what if, change] per row. */
function whatIfRows(panel: DebuggerPanel, label = 'What if routing'): Promise<string[][]> {
  return panel.detail().getByRole('table', { name: label }).locator('tbody tr').evaluateAll((rows) => rows.map((tr) => [...tr.children].map((c) => c.textContent ?? '')))
}

describe('what if, in the debugger panel', () => {
  it('shows Ads allowed under a hypothetical consent while what happened stays blocked, and sends nothing to the page', async () => {
    const cdnSettings = buildCdnSettings({
      apiHost: server.url,
      destinations: [
        { name: 'Analytics Action', kind: 'action', categories: ['C0002'] },
        { name: 'Ads Action', kind: 'action', categories: ['C0004'] },
        { name: 'Warehouse Cloud', kind: 'cloud', categories: ['C0002'] },
        { name: 'Email Cloud', kind: 'cloud', categories: ['C0003'] },
      ],
    })
    const setup = guardSetup(`{ cmp: ConsentGuard.staticConsent({ C0002: true, C0003: false, C0004: false }) }`)
    const shop = await AnalyticsTestPage.open(browser.context, server, analyticsPage({ serverUrl: server.url, cdnSettings, setup, loadOptions: { metrics: { sampleRate: 0 } } }))
    await shop.track('Product Viewed', { sku: 'p-1' })
    await shop.track('Order Completed', { total: 12 })
    await shop.expectSinkEvent((e) => e.event === 'Order Completed')

    const panel = await DebuggerPanel.open(browser, await findTabId(browser, shop.url))
    await panel.page.setViewportSize({ width: 1280, height: 800 })
    await expect.poll(() => panel.rowNames(), POLL).toEqual(['Product Viewed', 'Order Completed'])
    await panel.row('Order Completed').click()
    const whatIf = panel.detail().getByRole('region', { name: 'What if' })
    await expect.poll(async () => (await whatIfRows(panel)).length, POLL).toBeGreaterThan(0)
    // Everything the page received from here on is counted (the plugin posted the event before the panel showed it).
    const pageMessages = await countPageMessages(shop.page)

    // At the event's own consent, what-if reproduces the real plugin's decisions exactly.
    expect((await whatIfRows(panel)).filter((r) => r[4] !== '')).toEqual([])
    expect(await whatIf.getByRole('status').textContent()).toBe('No change: this consent routes the event as it was routed.')
    const ads = whatIf.getByRole('checkbox', { name: 'C0004' })
    expect(await ads.isChecked()).toBe(false)

    // By keyboard: focus the checkbox, press Space.
    await ads.focus()
    await panel.page.keyboard.press('Space')
    await expect.poll(() => ads.isChecked(), POLL).toBe(true)
    await expect.poll(async () => (await whatIfRows(panel)).find((r) => r[0] === 'Ads Action'), POLL).toEqual([
      'Ads Action',
      'device',
      'blocked · missing-consent · missing C0004',
      'allowed · consented',
      'changes',
    ])
    expect(await panel.detail().locator('tr.changed').count()).toBe(1)
    // What happened is untouched: the recorded routing table still says blocked.
    expect((await panel.routing()).find((r) => r[0] === 'Ads Action')?.slice(3, 5)).toEqual(['blocked', 'missing-consent'])
    expect(await whatIf.getByRole('status').textContent()).toBe('1 of 5 destinations changes under this consent.')

    if (process.env.DOCS_SCREENSHOTS) {
      await whatIf.evaluate((section) => {
        const detail = section.closest('.detail')!
        detail.scrollTop += section.getBoundingClientRect().top - detail.getBoundingClientRect().top - 4
      })
      await panel.page.screenshot({ path: SCREENSHOT })
    }

    // The whole session: both events would reach Ads, none did.
    await whatIf.getByRole('radio', { name: 'Whole session' }).check()
    await expect
      .poll(async () => (await whatIfRows(panel, 'What if: whole session')).find((r) => r[0] === 'Ads Action'), POLL)
      .toEqual(['Ads Action', 'device', '2', '0', '2', 'changes (+2)'])

    expect(await pageMessages()).toEqual([])
    // The counter does see what the extension posts: a probe makes the relay answer with its announce.
    await postMore(shop.page, [createMessage('what-if-control', 0, 'probe', {})])
    await expect.poll(async () => (await pageMessages()).some((m) => m.includes('"consent-guard-debugger"')), POLL).toBe(true)
    expect(shop.pageErrors).toEqual([])
    await panel.page.close()
    await shop.page.close()
  })
})
