/**
 * The debugger end to end: the built extension in headless Chromium, pages
 * on 127.0.0.1, the panel opened as panel.html?tabId=N. Covers capture from
 * page load (hand-built protocol messages, the real plugin, and a page with
 * no plugin through the inspector hook), inert rendering of hostile data,
 * and export then import.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { PluginSession } from '../../extension/test-support/diagnostics'
import { buildCdnSettings } from '../fixtures/cdn-settings'
import { analyticsPage, guardSetup, htmlPage, scriptLiteral } from '../servers/html-page'
import type { TestServer } from '../servers/test-server'
import { AnalyticsTestPage } from './support/analytics-test-page'
import { EXTENSION_DIST, type LaunchedBrowser } from './support/browser'
import { useBrowserSuite } from './support/browser-suite'
import { DebuggerPanel, findTabId, POLL, postMore, protocolPage } from './support/debugger-panel'

const suite = useBrowserSuite({ extension: true, pages: true, guardAfterEach: true })
let server: TestServer
let browser: LaunchedBrowser
let n = 0
beforeAll(() => void ({ server, browser } = suite))

async function openProtocolPage(messages: unknown[]) {
  const path = `/protocol-${++n}.html`
  server.setPage(path, protocolPage(messages))
  const page = await browser.newPage()
  await page.goto(`${server.url}${path}`)
  return { page, tabId: await findTabId(browser, `${server.url}${path}`) }
}

const HOSTILE = '<img src=x onerror="document.title=\'pwned\'">'

describe('the debugger', () => {
  it('ships a minimal manifest: storage only, standalone content scripts, nothing web-accessible or externally connectable', async () => {
    const manifest = JSON.parse(await readFile(join(EXTENSION_DIST, 'manifest.json'), 'utf8'))
    expect(manifest.manifest_version).toBe(3)
    expect(manifest.permissions).toEqual(['storage'])
    for (const key of ['externally_connectable', 'web_accessible_resources', 'host_permissions', 'optional_permissions']) expect(manifest).not.toHaveProperty(key)
    expect(manifest.content_scripts.map((c: { world: string; run_at: string; all_frames: boolean }) => [c.world, c.run_at, c.all_frames])).toEqual([
      ['ISOLATED', 'document_start', false],
      ['MAIN', 'document_start', false],
    ])
    for (const script of manifest.content_scripts.flatMap((c: { js: string[] }) => c.js)) {
      const code = await readFile(join(EXTENSION_DIST, script), 'utf8')
      // Self-contained: no loader, no chunk to import (which would need web-accessible resources).
      expect(code).not.toMatch(/\bimport\s*\(|^import\s/m)
      expect(code).not.toMatch(/innerHTML|\beval\(/)
    }
  })

  it('lists messages posted from page load with consent chips and per-destination decisions', async () => {
    const p = new PluginSession(`sid-${Date.now()}`)
    const { tabId } = await openProtocolPage([
      p.next('probe', {}),
      p.settings(),
      p.consent({ C0002: true, C0004: false }),
      p.event('Order Completed', { C0002: true, C0004: false, C0009: false }),
      // Noise a page may post: not protocol, or a kind the debugger does not know.
      { source: 'consent-guard', v: 1, kind: 'exec', sid: 'x', seq: 0, time: 1 },
      'hello',
    ])
    const panel = await DebuggerPanel.open(browser, tabId)
    await expect.poll(() => panel.rowNames(), POLL).toEqual(['Order Completed'])
    const row = panel.row('Order Completed')
    expect(await row.locator('.chip').allTextContents()).toEqual(['✓ C0002', '✗ C0004', '✗ C0009'])
    expect(await row.getByRole('gridcell').nth(4).textContent()).toBe('2')
    expect(await row.getByRole('gridcell').nth(5).textContent()).toBe('1')
    await row.click()
    await expect.poll(() => panel.routing(), POLL).toEqual([
      ['Segment.io', 'segment', '(none)', 'allowed', 'unmapped-allowed', '', 'delivered (3 ms)'],
      ['Google Analytics 4 Web', 'device', 'C0002', 'allowed', 'consented', '', 'delivered (3 ms)'],
      ['Facebook Pixel', 'device', 'C0004', 'blocked', 'missing-consent', 'C0004', 'blocked (3 ms)'],
      ['Mixpanel', 'cloud', 'C0002, C0009', 'blocked', 'missing-consent', 'C0009', ''],
    ])
    await panel.page.getByRole('tab', { name: 'Destinations' }).click()
    await expect.poll(() => panel.page.getByRole('table', { name: 'Destinations' }).locator('tbody th').allTextContents(), POLL).toContain('Facebook Pixel')
    await panel.page.close()
  })

  it('shows the real plugin’s events from page load: consent in force and each destination’s decision', async () => {
    const cdnSettings = buildCdnSettings({
      apiHost: server.url,
      destinations: [
        { name: 'Analytics Action', kind: 'action', categories: ['C0002'] },
        { name: 'Ads Action', kind: 'action', categories: ['C0004'] },
        { name: 'Warehouse Cloud', kind: 'cloud', categories: ['C0002'] },
      ],
    })
    const setup = guardSetup(`{ cmp: ConsentGuard.staticConsent({ C0002: true, C0004: false }) }`)
    const shop = await AnalyticsTestPage.open(browser.context, server, analyticsPage({ serverUrl: server.url, cdnSettings, setup, loadOptions: { metrics: { sampleRate: 0 } } }))
    await shop.track('Order Completed', { total: 12 })
    await shop.expectSinkEvent((e) => e.event === 'Order Completed')
    const panel = await DebuggerPanel.open(browser, await findTabId(browser, shop.url))
    await expect.poll(() => panel.rowNames(), POLL).toContain('Order Completed')
    const row = panel.row('Order Completed')
    expect(await row.locator('.chip').allTextContents()).toEqual(expect.arrayContaining(['✓ C0002', '✗ C0004']))
    await row.click()
    await expect.poll(async () => (await panel.routing()).length, POLL).toBeGreaterThan(0)
    const routing = await panel.routing()
    const decision = (name: string) => routing.find((r) => r[0] === name)?.slice(0, 6)
    expect(decision('Analytics Action')).toEqual(['Analytics Action', 'device', 'C0002', 'allowed', 'consented', ''])
    expect(decision('Ads Action')).toEqual(['Ads Action', 'device', 'C0004', 'blocked', 'missing-consent', 'C0004'])
    expect(decision('Warehouse Cloud')).toEqual(['Warehouse Cloud', 'cloud', 'C0002', 'allowed', 'consented', ''])
    // The plugin's instance is not shown twice: the inspector hook's copy is hidden.
    expect(await panel.row('Order Completed').locator('.badge').count()).toBe(0)
    expect(await panel.rowNames()).toEqual(['Order Completed'])
    expect(shop.pageErrors).toEqual([])
    await panel.page.close()
    await shop.page.close()
  })

  it('renders a hostile event name as inert text, and ignores what frames post', async () => {
    const p = new PluginSession(`sid-hostile-${Date.now()}`)
    const path = `/hostile-${++n}.html`
    const fromFrame = p.event('From Frame', { C0002: true })
    const last = p.event('Last', { C0002: true })
    server.setPage(
      path,
      htmlPage({
        inlineScripts: [`window.postMessage(${scriptLiteral(p.settings())}, location.origin); window.postMessage(${scriptLiteral(p.event(HOSTILE, { C0002: true }))}, location.origin);`],
        // A same-origin frame posting a valid message to the top window: not our window, so refused.
        body: `<iframe srcdoc="<script>parent.postMessage(${scriptLiteral(fromFrame).replace(/"/g, '&quot;')}, parent.location.origin); parent.frameDone = true</script>"></iframe>`,
      }),
    )
    const page = await browser.newPage()
    await page.goto(`${server.url}${path}`)
    await page.waitForFunction(() => (window as unknown as { frameDone?: boolean }).frameDone === true)
    await postMore(page, [last])
    const panel = await DebuggerPanel.open(browser, await findTabId(browser, `${server.url}${path}`))
    await expect.poll(() => panel.rowNames(), POLL).toEqual([HOSTILE, 'Last'])
    await panel.row('onerror').click()
    await expect.poll(() => panel.detail().locator('h2').textContent(), POLL).toBe(`track ${HOSTILE}`)
    expect(await panel.page.locator('img').count()).toBe(0)
    expect(await panel.page.title()).toBe('Consent Guard')
    await Promise.all([panel.page.close(), page.close()])
  })

  it('exports a session and imports it again in another panel; a bad file is refused clearly', async () => {
    const p = new PluginSession(`sid-export-${Date.now()}`)
    const { tabId } = await openProtocolPage([p.settings(), p.consent({ C0002: true }), p.event('First', { C0002: true }), p.event('Second', { C0002: false })])
    const live = await DebuggerPanel.open(browser, tabId)
    await expect.poll(() => live.rowNames(), POLL).toEqual(['First', 'Second'])
    const text = await live.exportSession()
    const file = JSON.parse(text)
    expect(file).toMatchObject({ format: 'consent-guard-session', version: 1 })
    expect(file.messages).toHaveLength(4)

    const other = await DebuggerPanel.openBlank(browser)
    await other.importSession('{"format":"something-else"}', 'wrong.json')
    await expect.poll(() => other.notice(), POLL).toMatch(/Could not import wrong\.json: Not a Consent Guard session/)
    await other.importSession(text)
    await expect.poll(() => other.rowNames(), POLL).toEqual(['First', 'Second'])
    expect(await other.connection()).toBe('Imported session')
    await other.row('Second').click()
    await live.row('Second').click()
    await expect.poll(async () => (await live.routing()).length, POLL).toBeGreaterThan(0)
    await expect.poll(() => other.routing(), POLL).toEqual(await live.routing())
    await live.page.close()
    await other.page.close()
  })

  it('shows events of a page without the plugin through the inspector hook, routing marked predicted', async () => {
    const cdnSettings = buildCdnSettings({
      apiHost: server.url,
      destinations: [
        { name: 'Analytics Cloud', kind: 'cloud', categories: ['C0002'] },
        { name: 'Ads Cloud', kind: 'cloud', categories: ['C0004'] },
      ],
    })
    // A stand-in CMP integration stamps the consent object (no Consent Guard here).
    const setup = `window.testPlugins = [{ name: 'stamp', type: 'enrichment', version: '1', isLoaded: function () { return true }, load: function () { return Promise.resolve() },
      track: function (ctx) { ctx.updateEvent('context.consent', { categoryPreferences: { C0002: true, C0004: false } }); return ctx } }];`
    const shop = await AnalyticsTestPage.open(browser.context, server, analyticsPage({ serverUrl: server.url, cdnSettings, setup, loadOptions: { metrics: { sampleRate: 0 } } }))
    await shop.track('Product Viewed', { sku: 'p-1' })
    const tabId = await findTabId(browser, shop.url)
    const panel = await DebuggerPanel.open(browser, tabId)
    await expect.poll(() => panel.rowNames(), POLL).toEqual(['Product Viewed'])
    expect(await panel.row('Product Viewed').locator('.badge').textContent()).toBe('predicted')
    await panel.row('Product Viewed').click()
    await expect.poll(() => panel.routing(), POLL).toEqual([
      ['Segment.io', 'segment', '(none)', 'allowed', 'consented', '', 'delivered (predicted)'],
      ['Analytics Cloud', 'cloud', 'C0002', 'allowed', 'consented', '', 'delivered (predicted)'],
      ['Ads Cloud', 'cloud', 'C0004', 'blocked', 'missing-consent', 'C0004', 'blocked (predicted)'],
    ])
    expect(shop.pageErrors).toEqual([])
    await panel.page.close()
    await shop.page.close()
  })
})
