/**
 * Drives the real Chrome DevTools front-end headless, to reach the extension's
 * panel where `chrome.devtools` exists (inspectedWindow.tabId, network).
 *
 * It relies on DevTools internals that may change with any Chromium release
 * (checked with Debian Chromium 156), which is why the test using it is optional:
 * - CDP `Target.openDevTools` (browser session only: a page session gets
 *   "Not allowed") opens a DevTools window for a page and returns the
 *   front-end's target id (`devtools://devtools/bundled/devtools_app.html`).
 * - Playwright does not list that target as a Page, and its CDPSession cannot
 *   address flat sub-sessions, so we attach with `flatten: false` and talk
 *   through `Target.sendMessageToTarget` / `receivedMessageFromTarget`.
 * - `Target.openDevTools` resolves before the front-end has booted; the
 *   module `./core/sdk/sdk.js` exposes `TargetManager.TargetManager.instance()
 *   .primaryPageTarget()?.model(NetworkManager.NetworkManager)`, present once
 *   DevTools records the page's network log.
 * - In the front-end, the ES module `./ui/legacy/legacy.js` exports
 *   `ViewManager.ViewManager.instance()`, whose `views` map holds extension
 *   panels under `<extension origin><title without spaces>` and whose
 *   `showView(id)` selects one.
 * - The extension panel is an out-of-process iframe: a CDP target of type
 *   `iframe` with the panel page's URL, attachable like the front-end.
 */
import type { CDPSession, Page } from 'playwright-core'
import { expect } from 'vitest'
import type { LaunchedBrowser } from './browser'
import { isAllowedUrl } from './hermetic-guard'

const POLL = { timeout: 30_000, interval: 200 }
const CALL_TIMEOUT_MS = 10_000

interface CdpReply {
  id: number
  result?: Record<string, unknown>
  error?: { message: string }
}

interface EvaluateResult {
  result: { value?: unknown }
  exceptionDetails?: { text: string; exception?: { description?: string } }
}

/** A non-flat CDP session to one target, tunnelled through the browser session. */
class TargetSession {
  private nextId = 0
  private readonly pending = new Map<number, (reply: CdpReply) => void>()
  private readonly listeners = new Map<string, Array<(params: Record<string, unknown>) => void>>()

  private constructor(
    private readonly browserSession: CDPSession,
    readonly sessionId: string,
  ) {
    browserSession.on('Target.receivedMessageFromTarget', (event) => {
      if (event.sessionId !== sessionId) return
      const message = JSON.parse(event.message) as CdpReply & { method?: string; params?: Record<string, unknown> }
      if (message.method) {
        for (const fn of this.listeners.get(message.method) ?? []) fn(message.params ?? {})
      } else {
        this.pending.get(message.id)?.(message)
        this.pending.delete(message.id)
      }
    })
  }

  static async attach(browserSession: CDPSession, targetId: string): Promise<TargetSession> {
    const { sessionId } = await browserSession.send('Target.attachToTarget', { targetId, flatten: false })
    return new TargetSession(browserSession, sessionId)
  }

  async send<T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = ++this.nextId
    // A target that goes away never answers: fail the call instead of hanging a poll.
    let timer: ReturnType<typeof setTimeout> | undefined
    const reply = new Promise<CdpReply>((resolve) => {
      this.pending.set(id, resolve)
      timer = setTimeout(() => resolve({ id, error: { message: `no answer in ${CALL_TIMEOUT_MS} ms` } }), CALL_TIMEOUT_MS)
    })
    try {
      await this.browserSession.send('Target.sendMessageToTarget', { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) })
      const { result, error } = await reply
      if (error) throw new Error(`${method}: ${error.message}`)
      return result as T
    } finally {
      clearTimeout(timer)
      this.pending.delete(id)
    }
  }

  on(method: string, fn: (params: Record<string, unknown>) => void): void {
    this.listeners.set(method, [...(this.listeners.get(method) ?? []), fn])
  }

  /**
   * Runs `fn(arg)` in the target and returns its (JSON) result. `fn` is sent
   * as source text, so it must not use anything from the test's scope.
   */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.evaluateSource(`(${fn.toString()})(${arg === undefined ? '' : JSON.stringify(arg)})`)
  }

  /** Evaluates an expression (awaiting a promise) and returns its JSON value. */
  async evaluateSource<R>(expression: string): Promise<R> {
    const { result, exceptionDetails } = await this.send<EvaluateResult>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })
    if (exceptionDetails) throw new Error(`evaluate failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`)
    return result.value as R
  }

  /** Records network requests of this target that leave 127.0.0.1 (the context's route guard does not see DevTools' own targets). */
  async guardNetwork(violations: string[]): Promise<void> {
    this.on('Network.requestWillBeSent', (params) => {
      const url = (params.request as { url: string }).url
      if (!isAllowedUrl(new URL(url))) violations.push(url)
    })
    await this.send('Network.enable')
  }

  async detach(): Promise<void> {
    await this.browserSession.send('Target.detachFromTarget', { sessionId: this.sessionId }).catch(() => {})
  }
}

/** DevTools opened on a page (an undocked DevTools window, whatever panel it starts on). */
export interface DevtoolsWindow {
  /** The DevTools front-end page (devtools://devtools/bundled/devtools_app.html). */
  frontEnd: TargetSession
  /**
   * Selects the extension panel titled `title` (creating its frame on first
   * show, as a click on its tab does) and attaches to the panel's frame.
   */
  showExtensionPanel(panelPath: string, title: string): Promise<TargetSession>
  /** Closes DevTools and the CDP sessions. */
  close(): Promise<void>
}

export type { TargetSession }

/**
 * Shows the extension panel titled `title` and returns its DevTools view id
 * (front-end internals, see the file comment). Source text, not a function:
 * the test transform would rewrite a dynamic `import()` in a function body.
 */
function showPanelView(origin: string, title: string): string {
  return `import('./ui/legacy/legacy.js').then(async (ui) => {
  const manager = ui.ViewManager.ViewManager.instance()
  const id = [...manager.views.keys()].find((key) => key.startsWith(${JSON.stringify(origin)}) && String(manager.views.get(key)?.title?.()) === ${JSON.stringify(title)})
  if (id) await manager.showView(id)
  return id
})`
}

/** Whether the front-end has attached to the inspected page and enabled its network domain. */
const NETWORK_RECORDING = `import('./core/sdk/sdk.js').then((SDK) =>
  Boolean(SDK.TargetManager.TargetManager.instance().primaryPageTarget()?.model(SDK.NetworkManager.NetworkManager)))`

/**
 * Opens DevTools for `page`, as F12 does. From then on DevTools records the
 * page's network log. Requests that DevTools or the panel make off
 * 127.0.0.1 go to the browser's hermetic guard.
 */
export async function openDevtools(browser: LaunchedBrowser, page: Page): Promise<DevtoolsWindow> {
  const origin = `chrome-extension://${browser.extensionId}`
  const pageSession = await browser.context.newCDPSession(page)
  const { targetInfo } = await pageSession.send('Target.getTargetInfo')
  await pageSession.detach()
  const browserSession = await browser.context.browser()!.newBrowserCDPSession()
  const { targetId: frontEndId } = (await browserSession.send('Target.openDevTools', { targetId: targetInfo.targetId })) as { targetId: string }
  const frontEnd = await TargetSession.attach(browserSession, frontEndId)
  await frontEnd.guardNetwork(browser.guard.violations)
  const sessions = [frontEnd]
  // openDevTools returns before the front-end has booted; until its NetworkManager exists nothing is recorded.
  await expect
    .poll(() => frontEnd.evaluateSource<boolean>(NETWORK_RECORDING).catch(() => false), { ...POLL, message: 'the DevTools front-end never attached to the page' })
    .toBe(true)

  async function showExtensionPanel(panelPath: string, title: string): Promise<TargetSession> {
    // The extension's devtools page adds the panel once the front-end has loaded it.
    await expect
      .poll(() => frontEnd.evaluateSource<string | undefined>(showPanelView(origin, title)).catch(() => undefined), { ...POLL, message: `DevTools never listed the "${title}" panel` })
      .toBeDefined()
    const panelUrl = `${origin}/${panelPath}`
    let panelTargetId: string | undefined
    await expect
      .poll(async () => {
        const { targetInfos } = await browserSession.send('Target.getTargets')
        return (panelTargetId = targetInfos.find((t) => t.type === 'iframe' && t.url.split(/[?#]/)[0] === panelUrl)?.targetId)
      }, { ...POLL, message: `no iframe target for ${panelUrl}` })
      .toBeDefined()
    const panel = await TargetSession.attach(browserSession, panelTargetId!)
    sessions.push(panel)
    await panel.guardNetwork(browser.guard.violations)
    // The frame may still be loading its scripts: wait for the app's root to fill.
    await expect
      .poll(() => panel.evaluate(() => document.readyState === 'complete' && (document.getElementById('app')?.childElementCount ?? 0) > 0).catch(() => false), POLL)
      .toBe(true)
    return panel
  }

  return {
    frontEnd,
    showExtensionPanel,
    async close() {
      for (const session of sessions) await session.detach()
      await browserSession.send('Target.closeTarget', { targetId: frontEndId }).catch(() => {})
      await browserSession.detach().catch(() => {})
    },
  }
}
