/**
 * Launches Debian's Firefox ESR headless through puppeteer-core over
 * WebDriver BiDi (no geckodriver exists offline), with the debugger
 * installed from extension/dist-firefox under a fixed moz-extension UUID and
 * the hermetic guard (the recording proxy) in front of all traffic.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import puppeteer, { type Browser, type Page } from 'puppeteer-core'
import { expect } from 'vitest'
import { firefoxProxyPrefs, startRecordingProxy, type RecordingProxy } from './recording-proxy'

export const FIREFOX_PATH = '/usr/bin/firefox-esr'
/** Fixed through `extensions.webextensions.uuids`, so tests know the extension's page URLs up front. */
export const EXTENSION_UUID = '6a8c2f1e-3b4d-4e5f-8a9b-0c1d2e3f4a5b'
export const EXTENSION_BASE = `moz-extension://${EXTENSION_UUID}/`

const POLL = { timeout: 30_000, interval: 200 }

/** Polls `check` until it resolves true (usable in hooks too, unlike expect.poll); throws `message` after POLL.timeout. */
async function pollUntil(check: () => Promise<boolean>, message: string): Promise<void> {
  const deadline = Date.now() + POLL.timeout
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(message)
    await new Promise((resolve) => setTimeout(resolve, POLL.interval))
  }
}

/** puppeteer's BiDi connection (not in its public types): raw commands for what it has no API for. */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>
}

export interface LaunchedFirefox {
  browser: Browser
  /** The add-on id from the built manifest (browser_specific_settings.gecko.id). */
  addonId: string
  guard: RecordingProxy
  /** Where the panel's Export lands. */
  downloadDir: string
  newPage(): Promise<Page>
  /** Opens an extension page (a path under EXTENSION_BASE) in a new tab, once its document has loaded. */
  openExtensionPage(path: string): Promise<Page>
  /** Runs `expression` in Firefox's privileged (chrome) scope; returns its JSON-able value. */
  chromeEval<T>(expression: string): Promise<T>
  close(): Promise<void>
}

/** Starts Firefox with the extension; always `close()` it (tests: in `afterAll`). */
export async function launchFirefox(extensionDir: string): Promise<LaunchedFirefox> {
  const manifest = JSON.parse(await readFile(join(extensionDir, 'manifest.json'), 'utf8')) as { browser_specific_settings: { gecko: { id: string } } }
  const addonId = manifest.browser_specific_settings.gecko.id
  const guard = await startRecordingProxy()
  const downloadDir = await mkdtemp(join(tmpdir(), 'consent-guard-ff-downloads-'))
  let browser: Browser | undefined
  const close = async () => {
    await browser?.close().catch(() => {})
    await guard.close()
    await rm(downloadDir, { recursive: true, force: true })
  }
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      // Lets BiDi reach moz-extension pages and the chrome scope (the background restart).
      args: ['--remote-allow-system-access'],
      env: {
        ...process.env,
        // Release builds ignore the dummy remote-settings server puppeteer sets unless this is on; with it
        // Firefox skips its settings sync and refuses non-local connections that did not go through the proxy.
        MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1',
      },
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [addonId]: EXTENSION_UUID }),
        ...firefoxProxyPrefs(guard.port),
        'browser.download.dir': downloadDir,
        'browser.download.folderList': 2,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'browser.download.alwaysOpenPanel': false,
      },
    })
    const installed = await browser.installExtension(extensionDir)
    expect(installed).toBe(addonId)
  } catch (error) {
    await close()
    throw error
  }
  const ff = browser
  const connection = (ff as unknown as { connection: BidiConnection }).connection

  async function chromeContext(): Promise<string> {
    const { result } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 })
    const context = (result as { contexts: Array<{ context: string }> }).contexts[0]?.context
    if (!context) throw new Error('no chrome-scope browsing context')
    return context
  }

  return {
    browser: ff,
    addonId,
    guard,
    downloadDir,
    newPage: () => ff.newPage(),
    async openExtensionPage(path) {
      const url = `${EXTENSION_BASE}${path}`
      const page = await ff.newPage()
      // puppeteer never sees a moz-extension navigation finish: start it, then poll for the loaded document.
      void page.goto(url).catch(() => {})
      await pollUntil(() => page.evaluate((u) => location.href === u && document.readyState === 'complete', url).catch(() => false), `never loaded ${url}`)
      return page
    },
    async chromeEval<T>(expression: string) {
      const { result } = await connection.send('script.evaluate', {
        expression: `(async () => JSON.stringify(await (${expression})))()`,
        target: { context: await chromeContext() },
        awaitPromise: true,
      })
      const outcome = result as { type: string; result?: { value?: string }; exceptionDetails?: { text?: string } }
      if (outcome.type !== 'success') throw new Error(`chrome scope: ${outcome.exceptionDetails?.text ?? 'failed'}`)
      return (outcome.result?.value === undefined ? undefined : JSON.parse(outcome.result.value)) as T
    },
    close,
  }
}
