/**
 * Capture across a navigation in the same tab, in real Chromium: the worker
 * keeps both pages' messages (no loss, no duplicate), the panel shows both
 * with "Preserve log" on, and only the new page with it off, like DevTools.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { PluginSession } from '../../extension/test-support/diagnostics'
import type { TestServer } from '../servers/test-server'
import type { LaunchedBrowser } from './support/browser'
import { useBrowserSuite } from './support/browser-suite'
import { DebuggerPanel, findTabId, listTabs, POLL, protocolPage } from './support/debugger-panel'

const suite = useBrowserSuite({ extension: true, guardAfterEach: true })
let server: TestServer
let browser: LaunchedBrowser
beforeAll(() => void ({ server, browser } = suite))

const events = (session: PluginSession, prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => session.event(`${prefix} ${i}`, { C0002: true }))

describe('the debugger across a navigation', () => {
  it('keeps every message of both pages, and the panel follows "Preserve log"', async () => {
    const a = new PluginSession(`nav-a-${Date.now()}`)
    const b = new PluginSession(`nav-b-${Date.now()}`)
    server.setPage('/nav-a.html', protocolPage(events(a, 'A', 30), 'page A'))
    server.setPage('/nav-b.html', protocolPage(events(b, 'B', 30), 'page B'))
    const page = await browser.newPage()
    await page.goto(`${server.url}/nav-a.html`)
    const tabId = await findTabId(browser, `${server.url}/nav-a.html`)
    const panel = await DebuggerPanel.open(browser, tabId)
    await panel.page.getByRole('checkbox', { name: 'Preserve log' }).check()
    await expect.poll(() => panel.rowCount(), POLL).toBe(30)

    await page.goto(`${server.url}/nav-b.html`)
    await expect.poll(async () => (await listTabs(browser)).find((t) => t.tabId === tabId), POLL).toMatchObject({ url: `${server.url}/nav-b.html`, count: 60, dropped: 0 })
    await expect.poll(() => panel.rowCount(), POLL).toBe(60)
    await panel.search('A 29')
    await expect.poll(() => panel.rowNames(), POLL).toEqual(['A 29'])

    // Opened after the navigation with "Preserve log" off: the new page only, as DevTools does.
    await panel.page.getByRole('checkbox', { name: 'Preserve log' }).uncheck()
    const late = await DebuggerPanel.open(browser, tabId)
    await expect.poll(() => late.rowCount(), POLL).toBe(30)
    await expect.poll(async () => (await late.rowNames()).every((n) => n.startsWith('B ')), POLL).toBe(true)
    browser.guard.assertClean()
    await Promise.all([page.close(), panel.page.close(), late.page.close()])
  })
})
