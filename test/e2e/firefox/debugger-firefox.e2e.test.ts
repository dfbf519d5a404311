/**
 * The debugger in Firefox ESR, headless: the same source built with
 * `vite build --mode firefox` (extension/dist-firefox), installed over
 * WebDriver BiDi, pages on 127.0.0.1, the panel opened as
 * panel.html?tabId=N. One browser for the whole file (CPU is scarce).
 * Covers: capture from page load before any panel exists, with the real
 * plugin and analytics-next; inert rendering of a hostile page's data; export
 * then import; the event page stopped mid-session (as Firefox does when
 * idle) losing and duplicating nothing; a page without the plugin through the
 * MAIN-world inspector hook; and, last, the panel inside Firefox's real
 * DevTools with its network check. The recording proxy fails any test after
 * which something tried to leave 127.0.0.1.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'puppeteer-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ANNOUNCE } from '../../../shared/protocol/protocol'
import { PluginSession } from '../../../extension/test-support/diagnostics'
import { buildCdnSettings } from '../../fixtures/cdn-settings'
import { analyticsPage, guardSetup, htmlPage, scriptLiteral } from '../../servers/html-page'
import { startTestServer, type TestServer } from '../../servers/test-server'
import { ensurePagesBuilt } from '../support/build-pages'
import { postMore, protocolPage } from '../support/debugger-panel'
import { ensureFirefoxExtensionBuilt, FIREFOX_DIST } from './firefox-build'
import { EXTENSION_BASE, launchFirefox, type LaunchedFirefox } from './firefox-browser'
import { openToolboxPanel, panelReads, toolboxRequests } from './firefox-devtools'
import { backgroundState, findTabId, FirefoxPanel, listTabs, POLL, stopBackground } from './firefox-panel'

let server: TestServer
let ff: LaunchedFirefox
/** An extension page kept open to ask the background for its tab list. */
let helper: Page
let scratch: string
let n = 0

beforeAll(async () => {
  await ensureFirefoxExtensionBuilt()
  await ensurePagesBuilt()
  scratch = await mkdtemp(join(tmpdir(), 'consent-guard-ff-'))
  server = await startTestServer()
  ff = await launchFirefox(FIREFOX_DIST)
  helper = (await FirefoxPanel.openBlank(ff)).page
})
afterAll(async () => {
  await ff?.close()
  await server?.close()
  if (scratch) await rm(scratch, { recursive: true, force: true })
})
afterEach(() => ff.guard.assertClean())

/** Opens `html` at a fresh path in a new tab; returns the page, its URL and its tab id (once it sent something). */
async function openPage(html: string) {
  const url = `${server.url}/firefox-${++n}.html`
  server.setPage(url.slice(server.url.length), html)
  const page = await ff.newPage()
  await page.goto(url)
  return { page, url }
}

const names = (from: number, count: number) => Array.from({ length: count }, (_, i) => `Event ${from + i}`)
const HOSTILE = '<img src=x onerror="document.title=\'pwned\'">'

describe('the debugger in Firefox', () => {
  it('captures the real plugin’s events from page load, before any panel is open, and lists consent and routing', async () => {
    const cdnSettings = buildCdnSettings({
      apiHost: server.url,
      destinations: [
        { name: 'Analytics Action', kind: 'action', categories: ['C0002'] },
        { name: 'Ads Action', kind: 'action', categories: ['C0004'] },
        { name: 'Warehouse Cloud', kind: 'cloud', categories: ['C0002'] },
      ],
    })
    const setup = guardSetup(`{ cmp: ConsentGuard.staticConsent({ C0002: true, C0004: false }) }`)
    const { page, url } = await openPage(analyticsPage({ serverUrl: server.url, cdnSettings, setup, loadOptions: { metrics: { sampleRate: 0 } } }))
    await page.waitForFunction(() => (window as unknown as { analyticsReady?: unknown }).analyticsReady !== undefined)
    await page.evaluate(() => (window as unknown as { analyticsReady: Promise<unknown> }).analyticsReady.then(() => undefined))
    await page.evaluate(() => (window as unknown as { analytics: { track(n: string, p: object): Promise<unknown> } }).analytics.track('Order Completed', { total: 12 }).then(() => undefined))
    await server.waitForEvent((e) => e.event === 'Order Completed')

    // Only now does a panel open: everything shown was captured while none was.
    const panel = await FirefoxPanel.open(ff, await findTabId(helper, url))
    await expect.poll(() => panel.rowNames(), POLL).toEqual(['Order Completed'])
    expect(await panel.chips('Order Completed')).toEqual(expect.arrayContaining(['✓ C0002', '✗ C0004']))
    await panel.clickRow('Order Completed')
    await expect.poll(async () => (await panel.routing()).length, POLL).toBeGreaterThan(0)
    const routing = await panel.routing()
    const decision = (name: string) => routing.find((r) => r[0] === name)?.slice(0, 6)
    expect(decision('Analytics Action')).toEqual(['Analytics Action', 'device', 'C0002', 'allowed', 'consented', ''])
    expect(decision('Ads Action')).toEqual(['Ads Action', 'device', 'C0004', 'blocked', 'missing-consent', 'C0004'])
    expect(decision('Warehouse Cloud')).toEqual(['Warehouse Cloud', 'cloud', 'C0002', 'allowed', 'consented', ''])
    await Promise.all([panel.page.close(), page.close()])
  })

  it('shows a hostile page’s data as inert text, ignores what frames post, and posts nothing but ANNOUNCE into the page', async () => {
    const p = new PluginSession(`ff-hostile-${Date.now()}`)
    const fromFrame = p.event('From Frame', { C0002: true })
    const { page, url } = await openPage(
      htmlPage({
        inlineScripts: [
          // Everything the extension posts into the page, as the page sees it.
          `window.fromExtension = []; addEventListener('message', function (e) { if (e.data && e.data.source === 'consent-guard-debugger') window.fromExtension.push(JSON.stringify(e.data)); });`,
          `window.postMessage(${scriptLiteral(p.settings())}, location.origin); window.postMessage(${scriptLiteral(p.event(HOSTILE, { C0002: true }))}, location.origin);`,
          // Noise: not protocol, a kind the debugger does not know, a string.
          `window.postMessage({ source: 'consent-guard', v: 1, kind: 'exec', sid: 'x', seq: 0, time: 1 }, location.origin); window.postMessage('hello', location.origin);`,
        ],
        // A same-origin frame posting a valid message to the top window: not our window, so refused.
        body: `<iframe srcdoc="<script>parent.postMessage(${scriptLiteral(fromFrame).replace(/"/g, '&quot;')}, parent.location.origin); parent.frameDone = true</script>"></iframe>`,
      }),
    )
    await page.waitForFunction(() => (window as unknown as { frameDone?: boolean }).frameDone === true)
    await postMore(page, [new PluginSession(`${p.sid}-second`).next('probe', {}), p.event('Last', { C0002: true })])
    const panel = await FirefoxPanel.open(ff, await findTabId(helper, url))
    await expect.poll(() => panel.rowNames(), POLL).toEqual([HOSTILE, 'Last'])
    await panel.clickRow('onerror')
    await expect.poll(() => panel.detailHeading(), POLL).toBe(`track ${HOSTILE}`)
    expect(await panel.page.evaluate(() => [document.querySelectorAll('img').length, document.title])).toEqual([0, 'Consent Guard'])
    // The page heard the constant ANNOUNCE (at document_start, and for the probe) and nothing else.
    const heard = await page.evaluate(() => (window as unknown as { fromExtension: string[] }).fromExtension)
    expect(heard.length).toBeGreaterThan(0)
    expect(new Set(heard)).toEqual(new Set([JSON.stringify(ANNOUNCE)]))
    await Promise.all([panel.page.close(), page.close()])
  })

  it('exports a session to a downloaded file and imports it in another panel; a bad file is refused clearly', async () => {
    const p = new PluginSession(`ff-export-${Date.now()}`)
    const { page, url } = await openPage(protocolPage([p.settings(), p.consent({ C0002: true }), p.event('First', { C0002: true }), p.event('Second', { C0002: false })]))
    const live = await FirefoxPanel.open(ff, await findTabId(helper, url))
    await expect.poll(() => live.rowNames(), POLL).toEqual(['First', 'Second'])
    const text = await live.exportSession(ff)
    const file = JSON.parse(text)
    expect(file).toMatchObject({ format: 'consent-guard-session', version: 1, pages: [{ url }] })
    expect(file.messages).toHaveLength(4)

    const other = await FirefoxPanel.openBlank(ff)
    await other.importSession('{"format":"something-else"}', scratch, 'wrong.json')
    await expect.poll(() => other.notice(), POLL).toMatch(/Could not import wrong\.json: Not a Consent Guard session/)
    await other.importSession(text, scratch)
    await expect.poll(() => other.rowNames(), POLL).toEqual(['First', 'Second'])
    expect(await other.connection()).toBe('Imported session')
    await other.clickRow('Second')
    await live.clickRow('Second')
    await expect.poll(async () => (await live.routing()).length, POLL).toBeGreaterThan(0)
    await expect.poll(() => other.routing(), POLL).toEqual(await live.routing())
    await Promise.all([live.page.close(), other.page.close(), page.close()])
  })

  it('loses and duplicates nothing when Firefox stops the event page mid-session', async () => {
    const p = new PluginSession(`ff-restart-${Date.now()}`)
    const { page, url } = await openPage(protocolPage(names(0, 40).map((name) => p.event(name, { C0002: true }))))
    const tabId = await findTabId(helper, url)
    const panel = await FirefoxPanel.open(ff, tabId)
    await expect.poll(() => panel.rowCount(), POLL).toBe(40)

    await stopBackground(ff)
    // Posted right away: the relay's batches wake a new event page (or meet none and are retried).
    await postMore(page, names(40, 40).map((name) => p.event(name, { C0002: true })))
    await expect.poll(() => backgroundState(ff), POLL).toBe('running')
    await expect.poll(() => panel.connection(), POLL).toBe('Live')
    await expect.poll(() => panel.rowCount(), POLL).toBe(80)

    // A second stop, then a replay of everything (what a plugin's backlog replay looks like).
    await stopBackground(ff)
    const replay = new PluginSession(p.sid)
    await postMore(page, [...names(0, 80).map((name) => replay.event(name, { C0002: true })), new PluginSession(p.sid, 0).next('probe', {})])
    await expect.poll(async () => (await listTabs(helper)).find((t) => t.tabId === tabId)?.count, POLL).toBe(80)
    await expect.poll(() => panel.connection(), POLL).toBe('Live')
    expect(await panel.rowCount()).toBe(80)
    // A panel opened now reads the same 80 from storage.session.
    const fresh = await FirefoxPanel.open(ff, tabId)
    await expect.poll(() => fresh.rowCount(), POLL).toBe(80)
    await fresh.search('Event 79')
    await expect.poll(() => fresh.rowNames(), POLL).toEqual(['Event 79'])
    await Promise.all([page.close(), panel.page.close(), fresh.page.close()])
  })

  it('shows a page without the plugin through the inspector hook (a MAIN-world script), routing marked predicted', async () => {
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
    const { page, url } = await openPage(analyticsPage({ serverUrl: server.url, cdnSettings, setup, loadOptions: { metrics: { sampleRate: 0 } } }))
    await page.waitForFunction(() => (window as unknown as { analyticsReady?: unknown }).analyticsReady !== undefined)
    await page.evaluate(() => (window as unknown as { analyticsReady: Promise<unknown> }).analyticsReady.then(() => undefined))
    await page.evaluate(() => (window as unknown as { analytics: { track(n: string, p: object): Promise<unknown> } }).analytics.track('Product Viewed', { sku: 'p-1' }).then(() => undefined))
    const panel = await FirefoxPanel.open(ff, await findTabId(helper, url))
    await expect.poll(() => panel.rowNames(), POLL).toEqual(['Product Viewed'])
    expect(await panel.page.evaluate(() => document.querySelector('.viewport [role="row"] .badge')?.textContent)).toBe('predicted')
    await panel.clickRow('Product Viewed')
    await expect.poll(() => panel.routing(), POLL).toEqual([
      ['Segment.io', 'segment', '(none)', 'allowed', 'consented', '', 'delivered (predicted)'],
      ['Analytics Cloud', 'cloud', 'C0002', 'allowed', 'consented', '', 'delivered (predicted)'],
      ['Ads Cloud', 'cloud', 'C0004', 'blocked', 'missing-consent', 'C0004', 'blocked (predicted)'],
    ])
    await Promise.all([panel.page.close(), page.close()])
  })

  it('works as a real DevTools panel: lists the events, flags a leak and checks Segment requests over devtools.network', async () => {
    const cdnSettings = buildCdnSettings({
      apiHost: server.url,
      destinations: [
        { name: 'Analytics Action', kind: 'action', categories: ['C0002'] },
        { name: 'Ads Action', kind: 'action', categories: ['C0004'] },
      ],
    })
    const hosts = { 'Ads Action': [`${server.url}/vendor/ads-pixel/`], 'Segment.io': [`${server.url}/v1/`] }
    const setup = guardSetup(`{ cmp: ConsentGuard.staticConsent({ C0002: true, C0004: false }), destinationHosts: ${JSON.stringify(hosts)} }`)
    const { page, url } = await openPage(analyticsPage({ serverUrl: server.url, cdnSettings, setup, loadOptions: { metrics: { sampleRate: 0 } } }))
    await page.waitForFunction(() => (window as unknown as { analyticsReady?: unknown }).analyticsReady !== undefined)
    await page.evaluate(() => (window as unknown as { analyticsReady: Promise<unknown> }).analyticsReady.then(() => undefined))

    const panel = await openToolboxPanel(ff, url, 'Consent Guard', `${EXTENSION_BASE}panel/panel.html`)
    await expect.poll(() => panel.evaluate(panelReads.connection), POLL).toBe('Live')
    // The inspected tab comes from devtools.inspectedWindow, not from a ?tabId=.
    expect(await panel.evaluate(() => window.location.search)).toBe('')

    // Firefox's network monitor records only once the toolbox has attached it, a moment after the panel is live (under
    // load, a request right away can be missed): the traffic comes once the check has seen a warm-up request.
    expect(await panel.evaluate(panelReads.showTab, 'Network check')).toBe('true')
    const network = () => panel.evaluate(panelReads.network)
    const warmUp = `${server.url}/warm-up`
    await expect
      .poll(async () => {
        await page.evaluate((u) => fetch(u).then(() => undefined, () => undefined), warmUp)
        return (await network()).summary
      }, POLL)
      .toMatch(/^[1-9]\d* requests? seen/)
    expect(await panel.evaluate(panelReads.showTab, 'Events')).toBe('true')
    const track = (name: string) =>
      page.evaluate((n) => (window as unknown as { analytics: { track(n: string): Promise<unknown> } }).analytics.track(n).then(() => undefined), name)
    const leakUrl = `${server.url}/vendor/ads-pixel/collect?ev=purchase`
    await track('Product Viewed')
    // The page itself calls the denied destination's vendor, as a hard-coded pixel would: the check must see it.
    expect(await page.evaluate((u) => fetch(u).then((r) => r.status), leakUrl)).toBe(200)
    await track('Order Completed')

    await expect.poll(() => panel.evaluate(panelReads.rowNames), POLL).toEqual(['Product Viewed', 'Order Completed'])
    expect(await panel.evaluate(panelReads.showTab, 'Network check')).toBe('true')
    // In this sequence, on a loaded machine, Firefox's network monitor now and then loses the page's last two requests
    // (about 1 run in 6; they are missing from Firefox's own HAR too, though the server got them). The check can only
    // judge what the monitor recorded, so its Segment count is compared with the Segment requests in Firefox's HAR.
    const counted = async () => ({
      firefox: (await toolboxRequests(ff, url)).filter(([method, u]) => method === 'POST' && u === `${server.url}/v1/t`).length,
      panel: Number(/ (\d+) Segment event requests\./.exec((await network()).summary ?? '')?.[1]),
    })
    await expect.poll(counted, POLL).toSatisfy((c: { firefox: number; panel: number }) => c.firefox > 0 && c.panel === c.firefox)
    expect((await network()).summary).toMatch(/ Segment event requests\. 1 leak\(s\), 0 request\(s\) without a consent object\.$/)
    expect((await network()).findings).toEqual([[expect.any(String), 'Leak', 'Ads Action', leakUrl, 'Ads Action was blocked (missing-consent) when this request was made.']])
    await page.close()
  })
})
