/**
 * The debugger inside Firefox's real DevTools toolbox, headless. WebDriver
 * BiDi does not reach a toolbox panel's frame, so this works from Firefox's
 * privileged (chrome) scope, which `--remote-allow-system-access` opens:
 * `gDevTools.showToolboxForTab`, then the toolbox's tool for the extension's
 * panel, then a frame script in that panel's browser to read its DOM. These
 * are Firefox DevTools internals (as Chrome's DevTools front-end is for
 * test/e2e/devtools-panel.e2e.test.ts): a new ESR may move them; the error
 * then names the step that failed.
 */
import type { LaunchedFirefox } from './firefox-browser'

/** Chrome-scope code finding the tab showing `url`, and its toolbox once open. */
const FIND = `
  const { require } = ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs');
  const { gDevTools } = require('devtools/client/framework/devtools');
  const win = Services.wm.getMostRecentWindow('navigator:browser');
  const tab = win.gBrowser.tabs.find((t) => t.linkedBrowser.currentURI.spec === url);
  if (!tab) throw new Error('no tab shows ' + url);
  const sleep = (ms) => new Promise((resolve) => win.setTimeout(resolve, ms));
`

/** The panel's `<browser>` in the toolbox of the tab showing `url`, once it shows `panelUrl`. */
const PANEL_BROWSER = `
  const toolbox = gDevTools.getToolboxForTab(tab);
  if (!toolbox) throw new Error('no toolbox for ' + url);
  const tool = toolbox.getAdditionalTools().find((t) => t.label === title);
  if (!tool) throw new Error('the toolbox has no "' + title + '" panel');
  const frame = toolbox.doc.getElementById('toolbox-panel-iframe-' + tool.id);
  const panel = frame && frame.contentDocument && frame.contentDocument.querySelector('browser');
  const shown = panel && panel.browsingContext.currentWindowGlobal && panel.browsingContext.currentWindowGlobal.documentURI.spec;
`

/** The panel's views by their visible text and ARIA roles (each runs inside the panel, given its `document`). */
export const panelReads = {
  connection: () => document.querySelector('[role="status"][aria-label="Connection"]')?.textContent ?? null,
  /** Event names of the rendered rows, top to bottom. */
  rowNames: () => [...document.querySelectorAll('.viewport [role="row"]')].map((r) => r.querySelector('.c-name')?.firstChild?.textContent ?? ''),
  /** Selects the view tab named `name`; returns its aria-selected. */
  showTab: (name: string) => {
    const tab = [...document.querySelectorAll('[role="tablist"][aria-label="Views"] [role="tab"]')].find((t) => t.textContent === name) as HTMLElement | undefined
    tab?.click()
    return tab?.getAttribute('aria-selected') ?? null
  },
  /** The "Network check" view: its summary line and the findings table's rows (only when the table is shown). */
  network: () => {
    const tab = [...document.querySelectorAll('[role="tablist"][aria-label="Views"] [role="tab"]')].find((t) => t.textContent === 'Network check')
    const view = document.getElementById(tab?.getAttribute('aria-controls') ?? '')
    const table = view?.querySelector('table[aria-label="Network findings"]') as HTMLElement | null | undefined
    return {
      summary: view?.querySelector('[role="status"]')?.textContent ?? null,
      findings: table && !table.hidden ? [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((td) => td.textContent ?? '')) : [],
    }
  },
}

export interface ToolboxPanel {
  /** Runs `fn(arg)` in the panel's page and returns its (structured-cloneable) result. */
  evaluate<A, R>(fn: (arg: A) => R, arg: A): Promise<R>
  evaluate<R>(fn: () => R): Promise<R>
}

/**
 * Opens DevTools on the tab showing `url`, selects the panel titled `title`,
 * and waits until that panel shows `panelUrl`.
 */
export async function openToolboxPanel(ff: LaunchedFirefox, url: string, title: string, panelUrl: string): Promise<ToolboxPanel> {
  const vars = `const url = ${JSON.stringify(url)}; const title = ${JSON.stringify(title)}; const panelUrl = ${JSON.stringify(panelUrl)};`
  const shown = await ff.chromeEval<string>(`(async () => {
    ${vars} ${FIND}
    win.gBrowser.selectedTab = tab;
    const toolbox = await gDevTools.showToolboxForTab(tab, { toolId: 'webconsole' });
    // The extension's DevTools page adds its panel shortly after the toolbox opens.
    for (let i = 0; i < 300 && !toolbox.getAdditionalTools().some((t) => t.label === title); i++) await sleep(100);
    const wanted = toolbox.getAdditionalTools().find((t) => t.label === title);
    if (!wanted) throw new Error('the toolbox never got a "' + title + '" panel');
    await toolbox.selectTool(wanted.id);
    for (let i = 0; i < 300; i++) {
      ${PANEL_BROWSER}
      if (shown === panelUrl && panel.browsingContext.currentWindowGlobal.documentTitle) return shown;
      await sleep(100);
    }
    throw new Error('the panel never showed ' + panelUrl);
  })()`)
  if (shown !== panelUrl) throw new Error(`toolbox panel shows ${shown}`)

  let calls = 0
  return {
    async evaluate(fn: (arg?: unknown) => unknown, arg?: unknown) {
      const reply = `consent-guard-test-${++calls}`
      // A frame script runs in the panel's own process with its window as `content`: the function gets that
      // window's `document` and `window` (through Firefox's privileged wrappers; the panel's CSP forbids eval).
      const frameScript = `let out; try { out = { value: (function (document, window) { return (${fn.toString()})(${JSON.stringify(arg) ?? 'undefined'}) })(content.document, content) } } catch (e) { out = { error: String(e) } } sendAsyncMessage(${JSON.stringify(reply)}, JSON.stringify(out))`
      const text = await ff.chromeEval<string>(`(async () => {
        ${vars} ${FIND} ${PANEL_BROWSER}
        if (shown !== panelUrl) throw new Error('the panel shows ' + shown);
        return new Promise((resolve) => {
          const mm = panel.messageManager;
          const listener = (message) => { mm.removeMessageListener(${JSON.stringify(reply)}, listener); resolve(message.data); };
          mm.addMessageListener(${JSON.stringify(reply)}, listener);
          mm.loadFrameScript('data:,' + encodeURIComponent(${JSON.stringify(frameScript)}), false);
        });
      })()`)
      const out = JSON.parse(text) as { value?: unknown; error?: string }
      if (out.error !== undefined) throw new Error(`in the DevTools panel: ${out.error}`)
      return out.value
    },
  } as ToolboxPanel
}

/** The requests Firefox's own network monitor holds for the tab showing `url`, as `[method, url]` (its HAR, read in chrome scope). */
export async function toolboxRequests(ff: LaunchedFirefox, url: string): Promise<[string, string][]> {
  const text = await ff.chromeEval<string>(`(async () => {
    const url = ${JSON.stringify(url)}; ${FIND}
    const toolbox = gDevTools.getToolboxForTab(tab);
    if (!toolbox) throw new Error('no toolbox for ' + url);
    const har = await toolbox.getHARFromNetMonitor();
    return JSON.stringify((har.log ?? har).entries.map((e) => [e.request.method, e.request.url]));
  })()`)
  return JSON.parse(text) as [string, string][]
}
