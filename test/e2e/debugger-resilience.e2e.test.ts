/**
 * The debugger under stress, in real Chromium: the service worker stopped
 * mid-session (CDP Target.closeTarget) loses and duplicates nothing; a flood
 * of 10,000 messages and a 5 MB message leave the panel responsive (the only
 * deadline: a scripted filter change shows within 15 s).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { PluginSession } from '../../extension/test-support/diagnostics'
import type { TestServer } from '../servers/test-server'
import type { LaunchedBrowser } from './support/browser'
import { useBrowserSuite } from './support/browser-suite'
import { DebuggerPanel, findTabId, listTabs, POLL, postMore, protocolPage, stopServiceWorker } from './support/debugger-panel'

const suite = useBrowserSuite({ extension: true, guardAfterEach: true })
let server: TestServer
let browser: LaunchedBrowser
beforeAll(() => void ({ server, browser } = suite))

const names = (from: number, count: number) => Array.from({ length: count }, (_, i) => `Event ${from + i}`)

describe('the debugger under stress', () => {
  it('survives a service worker restart without losing or duplicating a message', async () => {
    const p = new PluginSession(`restart-${Date.now()}`)
    server.setPage('/restart.html', protocolPage(names(0, 40).map((name) => p.event(name, { C0002: true }))))
    const page = await browser.newPage()
    await page.goto(`${server.url}/restart.html`)
    const tabId = await findTabId(browser, `${server.url}/restart.html`)
    const panel = await DebuggerPanel.open(browser, tabId)
    await expect.poll(() => panel.rowCount(), POLL).toBe(40)

    expect(await stopServiceWorker(browser, panel.page)).toBe(1)
    // Posted right away: the relay's batches meet a stopped worker and are retried.
    await postMore(page, names(40, 40).map((name) => p.event(name, { C0002: true })))
    await expect.poll(() => panel.connection(), POLL).toBe('Live')
    await expect.poll(() => panel.rowCount(), POLL).toBe(80)
    // A second restart, then a replay of everything (what a plugin's backlog replay looks like).
    await stopServiceWorker(browser, panel.page)
    const replay = new PluginSession(p.sid)
    const all = names(0, 80).map((name) => replay.event(name, { C0002: true }))
    // One new message after the replay: the relay delivers a page's messages in order, so once it is
    // stored the replay was processed too. Waiting for 80 alone passed before the replay even arrived.
    const after = replay.event('After the replay', { C0002: true })
    await postMore(page, [...all, new PluginSession(p.sid, 0).next('probe', {}), after])
    const stored = async () => (await listTabs(browser)).find((t) => t.tabId === tabId)?.count
    // Exactly 81: a duplicated replay would jump past 81 and never equal it.
    await expect.poll(stored, POLL).toBe(81)
    await expect.poll(() => panel.rowCount(), POLL).toBe(81)
    expect(await stored()).toBe(81)
    // A panel opened now reads the same 81 from storage.session.
    const fresh = await DebuggerPanel.open(browser, tabId)
    await expect.poll(() => fresh.rowCount(), POLL).toBe(81)
    await fresh.search('Event 79')
    await expect.poll(() => fresh.rowNames(), POLL).toEqual(['Event 79'])
    await Promise.all([page.close(), panel.page.close(), fresh.page.close()])
  })

  it('stays responsive after 10,000 messages and a 5 MB message', async () => {
    const p = new PluginSession(`flood-${Date.now()}`)
    // Plain JSON from here on: the page builds the flood from this template.
    const template = JSON.parse(JSON.stringify(p.event('Flood', { C0002: true, C0004: false }))) as Record<string, unknown>
    server.setPage('/flood.html', protocolPage([], 'flood'))
    const page = await browser.newPage()
    await page.goto(`${server.url}/flood.html`)
    // One message first, so the worker knows the tab and the panel can open before the flood.
    await postMore(page, [{ ...template, seq: 0, name: 'Start' }])
    const tabId = await findTabId(browser, `${server.url}/flood.html`)
    const panel = await DebuggerPanel.open(browser, tabId)
    await expect.poll(() => panel.rowCount(), POLL).toBe(1)

    await page.evaluate((t) => {
      // A 5 MB message (over the protocol's 256 KiB cap: the relay must refuse it, not choke on it).
      window.postMessage({ ...t, seq: 10_001, name: 'Huge', payload: { blob: 'x'.repeat(5 * 1024 * 1024) } }, location.origin)
      for (let i = 1; i <= 10_000; i++) window.postMessage({ ...t, seq: i, name: `Flood ${i}`, messageId: `flood-${i}` }, location.origin)
    }, template)

    // The worker keeps at most 5,000 messages or 4 MiB per tab, and counts every one it dropped.
    const stored = async () => (await listTabs(browser)).find((t) => t.tabId === tabId)!
    await expect.poll(async () => ((s) => s.count + s.dropped)(await stored()), { ...POLL, timeout: 60_000 }).toBe(10_001)
    const { count, dropped, bytes } = await stored()
    expect(count).toBeLessThanOrEqual(5_000)
    expect(bytes).toBeLessThanOrEqual(4 * 1024 * 1024)
    expect(dropped).toBeGreaterThan(0)
    await expect.poll(() => panel.dropped(), POLL).toBe(`${dropped} dropped`)
    // The live panel got every one of them (it does not evict), and the huge one was refused.
    await expect.poll(() => panel.rowCount(), { ...POLL, timeout: 60_000 }).toBe(10_001)
    expect(await panel.page.locator('.viewport [role="row"]').count()).toBeLessThan(200)

    // The liveness deadline: a scripted filter change shows within 15 s.
    await panel.search('Flood 9999')
    await expect.poll(() => panel.rowNames(), { timeout: 15_000, interval: 100 }).toEqual(['Flood 9999'])
    await panel.search('Huge')
    await expect.poll(() => panel.rowCount(), { timeout: 15_000, interval: 100 }).toBe(0)
    await Promise.all([page.close(), panel.page.close()])
  })
})
