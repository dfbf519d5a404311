/**
 * Page objects for the debugger in real Chromium: the panel opened as
 * `panel.html?tabId=N` in a tab, the worker's tab list, a worker restart,
 * and pages that post hand-built protocol messages (as a hostile or a
 * plugin-less page would). Checks poll; nothing sleeps.
 */
import { readFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import type { Diagnostic } from '../../../shared/protocol/protocol'
import type { TabSummary } from '../../../extension/messaging/extension-messages'
import { htmlPage, scriptLiteral } from '../../servers/html-page'
import type { LaunchedBrowser } from './browser'

export const POLL = { timeout: 30_000, interval: 100 }

/** An extension page to call the worker from (list-tabs). */
async function extensionPage(browser: LaunchedBrowser): Promise<Page> {
  const page = await browser.newPage()
  await page.goto(`chrome-extension://${browser.extensionId}/panel/panel.html`)
  return page
}

/** The worker's tab list, as the panel's tab picker gets it. */
export async function listTabs(browser: LaunchedBrowser): Promise<TabSummary[]> {
  const page = await extensionPage(browser)
  try {
    return await page.evaluate(() => chrome.runtime.sendMessage({ type: 'list-tabs' }) as Promise<TabSummary[]>)
  } finally {
    await page.close()
  }
}

/** The tab id of the page at `url`, from the navigation markers the worker keeps (polls until it sent something). */
export async function findTabId(browser: LaunchedBrowser, url: string): Promise<number> {
  let found: TabSummary | undefined
  await expect.poll(async () => (found = (await listTabs(browser)).find((t) => t.url === url)), { ...POLL, message: `no buffer for ${url}` }).toBeDefined()
  return found!.tabId
}

/** Stops the extension's service worker like Chrome does when idle (CDP Target.closeTarget). */
export async function stopServiceWorker(browser: LaunchedBrowser, via: Page): Promise<number> {
  const session = await browser.context.newCDPSession(via)
  try {
    const { targetInfos } = await session.send('Target.getTargets')
    const workers = targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${browser.extensionId}/`))
    for (const worker of workers) await session.send('Target.closeTarget', { targetId: worker.targetId })
    return workers.length
  } finally {
    await session.detach()
  }
}

/** A page whose script posts `messages` to itself on load, the way the plugin does (`postMessage(msg, location.origin)`). */
export function protocolPage(messages: unknown[], title = 'protocol page'): string {
  return htmlPage({
    title,
    inlineScripts: [`${scriptLiteral(messages)}.forEach(function (m) { window.postMessage(m, location.origin); });`],
  })
}

/** What `postMore` needs of a page: Playwright's and Puppeteer's pages both have it. */
interface EvaluatingPage {
  evaluate(fn: (json: string) => void, json: string): Promise<unknown>
}

/** Posts messages from the page as the plugin would (JSON in, so deep protocol types do not reach page.evaluate). */

export async function postMore(page: EvaluatingPage, messages: unknown[]): Promise<void> {
  await page.evaluate((json) => {
    for (const m of JSON.parse(json) as unknown[]) window.postMessage(m, location.origin)
  }, JSON.stringify(messages))
}

export class DebuggerPanel {
  private constructor(readonly page: Page) {}

  static async open(browser: LaunchedBrowser, tabId: number): Promise<DebuggerPanel> {
    const page = await browser.newPage()
    await page.goto(`chrome-extension://${browser.extensionId}/panel/panel.html?tabId=${tabId}`)
    const panel = new DebuggerPanel(page)
    await expect.poll(() => panel.connection(), POLL).toBe('Live')
    return panel
  }

  /** An unconnected panel (e.g. to import a file into). */
  static async openBlank(browser: LaunchedBrowser): Promise<DebuggerPanel> {
    return new DebuggerPanel(await extensionPage(browser))
  }

  connection(): Promise<string | null> {
    return this.page.getByRole('status', { name: 'Connection' }).textContent()
  }

  /** Rows the list holds after filtering (aria-rowcount minus the header): all of them, not only those rendered. */
  async rowCount(): Promise<number> {
    return Number(await this.page.getByRole('grid', { name: 'Events' }).getAttribute('aria-rowcount')) - 1
  }

  /** Names of the rendered rows, top to bottom. */
  rowNames(): Promise<string[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('.viewport [role="row"]')].map((r) => r.querySelector('.c-name')?.firstChild?.textContent ?? ''),
    )
  }

  row(name: string) {
    return this.page.locator('.viewport [role="row"]', { has: this.page.locator('.c-name', { hasText: name }) }).first()
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Search events' }).fill(text)
  }

  detail() {
    return this.page.getByRole('region', { name: 'Event detail' })
  }

  /** Routing table rows of the open detail: [destination, mode, categories, decision, reason, missing, outcome]. */
  routing(): Promise<string[][]> {
    return this.detail()
      .locator('table.routing tbody tr')
      .evaluateAll((rows) => rows.map((tr) => [...tr.children].map((c) => c.textContent ?? '')))
  }

  dropped(): Promise<string | null> {
    return this.page.getByRole('status', { name: 'Dropped messages' }).textContent()
  }

  /** Clicks Export and returns the downloaded file's text. */
  async exportSession(): Promise<string> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: 'Export session' }).click()])
    return readFile((await download.path())!, 'utf8')
  }

  async importSession(text: string, name = 'session.json'): Promise<void> {
    await this.page.getByLabel('Import session').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) })
  }

  notice(): Promise<string | null> {
    return this.page.getByRole('alert').textContent()
  }
}

export type { Diagnostic }
