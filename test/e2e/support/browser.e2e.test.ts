/**
 * launchBrowser with the built extension (extension/dist, from
 * `npm run build:extension`) and the hermetic guard on every path out of
 * the browser: pages, the extension's service worker, WebSockets.
 */
import { existsSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../../servers/test-server'
import { launchBrowser, type LaunchedBrowser } from './browser'
import { isAllowedUrl } from './hermetic-guard'

let server: TestServer
let browser: LaunchedBrowser

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser({ extension: true })
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe(launchBrowser, () => {
  it('loads the extension and hands back its id and service worker', () => {
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/)
    expect(browser.serviceWorker?.url()).toMatch(new RegExp(`^chrome-extension://${browser.extensionId}/`))
  })

  it('guards the page, the extension service worker and WebSockets, but lets 127.0.0.1 through', async () => {
    const page = await browser.newPage()
    server.setPage('/guard.html', '<p>guard</p>')
    await page.goto(`${server.url}/guard.html`)
    const local = await page.evaluate(
      (url) => fetch(`${url}/vendor/x/ping`, { method: 'POST', body: '{}' }).then((r) => r.status),
      server.url,
    )
    expect(local).toBe(200)
    const fromPage = await page.evaluate(() => fetch('https://example.invalid/page').then(() => 'reached', () => 'blocked'))
    const fromWorker = await browser.serviceWorker!.evaluate(() =>
      fetch('https://example.invalid/worker').then(() => 'reached', () => 'blocked'),
    )
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const socket = new WebSocket('wss://example.invalid/socket')
          socket.onclose = () => resolve()
        }),
    )
    expect([fromPage, fromWorker]).toEqual(['blocked', 'blocked'])
    expect(browser.guard.violations).toEqual([
      'https://example.invalid/page',
      'https://example.invalid/worker',
      'wss://example.invalid/socket',
    ])
    expect(() => browser.guard.assertClean()).toThrow(/3 request\(s\) left 127\.0\.0\.1/)
    browser.guard.violations.length = 0 // this test caused them on purpose
  })

  it('deletes its temporary profile on close', async () => {
    const extra = await launchBrowser()
    expect(existsSync(extra.userDataDir)).toBe(true)
    await extra.close()
    expect(existsSync(extra.userDataDir)).toBe(false)
  })
})

describe(isAllowedUrl, () => {
  it('allows local hosts and non-network schemes only', () => {
    const allowed = [
      'http://127.0.0.1:1/x',
      'http://localhost/x',
      'ws://127.0.0.1:2/',
      'chrome-extension://abc/panel.html',
      'data:text/plain,x',
      'about:blank',
    ]
    const denied = ['https://cdn.segment.com/x', 'http://127.0.0.1.example.com/', 'wss://example.invalid/', 'http://10.0.0.1/']
    expect(allowed.filter((u) => !isAllowedUrl(new URL(u)))).toEqual([])
    expect(denied.filter((u) => isAllowedUrl(new URL(u)))).toEqual([])
  })
})
