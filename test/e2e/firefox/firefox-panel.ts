/**
 * Page objects for the debugger in Firefox: the panel opened as
 * `panel.html?tabId=N` in a tab (the same page the DevTools panel shows),
 * the background's tab list, and a restart of the event page. puppeteer
 * over BiDi, so DOM reads go through `evaluate`; checks poll, nothing sleeps.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ElementHandle, Page } from 'puppeteer-core'
import { expect } from 'vitest'
import type { TabSummary } from '../../../extension/messaging/extension-messages'
import type { LaunchedFirefox } from './firefox-browser'

export const POLL = { timeout: 30_000, interval: 200 }

/** The background's tab list, asked from an extension page as the panel's tab picker does. */
export async function listTabs(from: Page): Promise<TabSummary[]> {
  return from.evaluate(() => chrome.runtime.sendMessage({ type: 'list-tabs' }) as Promise<TabSummary[]>)
}

/** The tab id of the page at `url`, from the navigation markers the background keeps (polls until it sent something). */
export async function findTabId(from: Page, url: string): Promise<number> {
  let found: TabSummary | undefined
  await expect.poll(async () => (found = (await listTabs(from)).find((t) => t.url === url)), { ...POLL, message: `no buffer for ${url}` }).toBeDefined()
  return found!.tabId
}

type BackgroundState = 'starting' | 'running' | 'suspending' | 'stopped'

export function backgroundState(ff: LaunchedFirefox): Promise<BackgroundState> {
  return ff.chromeEval<BackgroundState>(`WebExtensionPolicy.getByID(${JSON.stringify(ff.addonId)}).extension.backgroundState`)
}

/**
 * Stops the event page the way Firefox does when it has been idle
 * (`extension.terminateBackground()`, what about:debugging's "Terminate
 * background script" calls), without waiting for pending listeners. The
 * proof is Firefox's own `shutdown-background-script` event: the state
 * cannot be polled for `stopped`, as an open panel's port reconnects at once
 * and wakes a new event page (within a few hundred ms, as designed).
 */
export async function stopBackground(ff: LaunchedFirefox): Promise<void> {
  // Wait out a start in progress; an event page Firefox already stopped for idleness needs no second stop.
  await expect.poll(() => backgroundState(ff), POLL).toMatch(/^(running|stopped)$/)
  const outcome = await ff.chromeEval<string>(`(async () => {
    const extension = WebExtensionPolicy.getByID(${JSON.stringify(ff.addonId)}).extension;
    if (extension.backgroundState !== 'running') return 'already stopped';
    let shutDown = false;
    const heard = () => { shutDown = true };
    extension.on('shutdown-background-script', heard);
    try {
      await extension.terminateBackground({ disableResetIdleForTest: true });
    } finally {
      extension.off('shutdown-background-script', heard);
    }
    return shutDown ? 'stopped' : 'not stopped';
  })()`)
  expect(outcome).toMatch(/^(already )?stopped$/)
}

export class FirefoxPanel {
  private constructor(readonly page: Page) {}

  static async open(ff: LaunchedFirefox, tabId: number): Promise<FirefoxPanel> {
    const panel = new FirefoxPanel(await ff.openExtensionPage(`panel/panel.html?tabId=${tabId}`))
    await expect.poll(() => panel.connection(), POLL).toBe('Live')
    return panel
  }

  /** An unconnected panel (to import a file into, or to ask the tab list from). */
  static async openBlank(ff: LaunchedFirefox): Promise<FirefoxPanel> {
    return new FirefoxPanel(await ff.openExtensionPage('panel/panel.html'))
  }

  connection(): Promise<string | null> {
    return this.page.evaluate(() => document.querySelector('[role="status"][aria-label="Connection"]')?.textContent ?? null)
  }

  /** Rows the list holds after filtering (aria-rowcount minus the header): all of them, not only those rendered. */
  async rowCount(): Promise<number> {
    return this.page.evaluate(() => Number(document.querySelector('[role="grid"][aria-label="Events"]')?.getAttribute('aria-rowcount')) - 1)
  }

  /** Names of the rendered rows, top to bottom. */
  rowNames(): Promise<string[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('.viewport [role="row"]')].map((r) => r.querySelector('.c-name')?.firstChild?.textContent ?? ''),
    )
  }

  /** The consent chips of the first row whose name contains `name`. */
  chips(name: string): Promise<string[]> {
    return this.page.evaluate(
      (n) => {
        const row = [...document.querySelectorAll('.viewport [role="row"]')].find((r) => r.querySelector('.c-name')?.textContent?.includes(n))
        return [...(row?.querySelectorAll('.chip') ?? [])].map((c) => c.textContent ?? '')
      },
      name,
    )
  }

  /** Clicks (real pointer input) the first row whose name contains `name`. */
  async clickRow(name: string): Promise<void> {
    const row = await this.page.evaluateHandle(
      (n) => [...document.querySelectorAll('.viewport [role="row"]')].find((r) => r.querySelector('.c-name')?.textContent?.includes(n)),
      name,
    )
    const element = row.asElement() as ElementHandle<Element> | null
    if (!element) throw new Error(`no row named ${name}`)
    await element.click()
  }

  /** Routing table rows of the open detail: [destination, mode, categories, decision, reason, missing, outcome]. */
  routing(): Promise<string[][]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('[role="region"][aria-label="Event detail"] table.routing tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent ?? '')),
    )
  }

  detailHeading(): Promise<string | null> {
    return this.page.evaluate(() => document.querySelector('[role="region"][aria-label="Event detail"] h2')?.textContent ?? null)
  }

  async search(text: string): Promise<void> {
    await this.page.locator('input[aria-label="Search events"]').fill(text)
  }

  notice(): Promise<string | null> {
    return this.page.evaluate(() => document.querySelector('[role="alert"]')?.textContent ?? null)
  }

  /** Clicks Export and returns the text of the file Firefox downloaded into `ff.downloadDir`. */
  async exportSession(ff: LaunchedFirefox): Promise<string> {
    const before = new Set(await readdir(ff.downloadDir))
    const button = await this.page.evaluateHandle(() => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Export session'))
    await (button.asElement() as ElementHandle<Element>).click()
    let text = ''
    // A download is written as `<name>.part` first: wait for the finished file, whole.
    await expect
      .poll(async () => {
        const name = (await readdir(ff.downloadDir)).find((f) => !before.has(f) && /^consent-guard-session-.*\.json$/.test(f))
        if (!name) return false
        text = await readFile(join(ff.downloadDir, name), 'utf8')
        try {
          JSON.parse(text)
          return true
        } catch {
          return false
        }
      }, POLL)
      .toBe(true)
    return text
  }

  /** Chooses a file in the Import input (BiDi input.setFiles), written to `dir` as `name` first. */
  async importSession(text: string, dir: string, name = 'session.json'): Promise<void> {
    const path = join(dir, name)
    await writeFile(path, text)
    const input = (await this.page.$('input[type="file"][aria-label="Import session"]')) as ElementHandle<HTMLInputElement> | null
    if (!input) throw new Error('no Import input')
    await input.uploadFile(path)
  }
}
