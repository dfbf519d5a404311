// Node types: the package's .d.ts build (tsconfig.types.json) compiles plugin/** with "types": [].
/// <reference types="node" />
/**
 * One browser per scenario: the system Chromium (or `CHROME_PATH`) in a
 * persistent context (extensions load only there) on a fresh temporary
 * profile, so no consent or cookie survives from one scenario to the next;
 * the debugger extension when it is built; GPC on request; and, with
 * `--allow-hosts`, every other host aborted.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BrowserContext, BrowserType, Request } from 'playwright-core'
import { AuditUsageError } from './usage-error'

const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-default-apps',
]

const CHROME_CANDIDATES = [
  '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
]

/** The browser executable: `--chrome`, else `CHROME_PATH`, else the first usual install path that exists. */
export function findChrome(explicit: string | undefined, env: Record<string, string | undefined>, exists: (path: string) => boolean = existsSync): string {
  const given = explicit ?? env.CHROME_PATH
  if (given) {
    if (!exists(given)) throw new AuditUsageError(`no browser at ${given} (${explicit ? '--chrome' : 'CHROME_PATH'})`)
    return given
  }
  const found = CHROME_CANDIDATES.find((p) => exists(p))
  if (!found) throw new AuditUsageError(`no Chromium or Chrome found (looked in ${CHROME_CANDIDATES.join(', ')}): install one (Debian: apt-get install chromium) or set CHROME_PATH`)
  return found
}

/** Where the built extension is looked for: beside dist/audit.mjs, then beside this source file. */
const EXTENSION_CANDIDATES = ['../extension/dist', '../../extension/dist'].map((p) => fileURLToPath(new URL(p, import.meta.url)))

/** The extension directory to load, or undefined with a note saying why not. */
export function findExtension(explicit: string | false | undefined, exists: (path: string) => boolean = existsSync): { dir?: string; note?: string } {
  if (explicit === false) return { note: 'Debugger extension not loaded (--no-extension).' }
  if (explicit !== undefined) {
    if (!exists(join(explicit, 'manifest.json'))) throw new AuditUsageError(`--extension ${explicit}: no manifest.json there (build it with npm run build:extension)`)
    return { dir: explicit }
  }
  const dir = EXTENSION_CANDIDATES.find((d) => exists(join(d, 'manifest.json')))
  if (dir) return { dir }
  return {
    note:
      'Debugger extension not found (build it with `npm run build:extension`, or pass --extension <dir>): the audit announces itself so the plugin still reports, but pages without the plugin are audited from the network and cookies only.',
  }
}

export interface AuditBrowserOptions {
  chromium: BrowserType
  executablePath: string
  extensionDir?: string
  gpc: boolean
  headed: boolean
  allowHosts?: string[]
}

export interface AuditBrowser {
  context: BrowserContext
  /** The `--allow-hosts` rule (undefined: everything allowed), for the network tap. */
  allowed?: (url: URL) => boolean
  /** Whether the extension's service worker came up. */
  extension: boolean
  /** Requests aborted by `--allow-hosts`. */
  aborted: WeakSet<Request>
  close(): Promise<void>
}

const NETWORK = new Set(['http:', 'https:', 'ws:', 'wss:'])

/** Starts the browser for one scenario; always `close()` it (it also deletes the profile). */
export async function launchAuditBrowser(options: AuditBrowserOptions): Promise<AuditBrowser> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'consent-guard-audit-'))
  const ext = options.extensionDir
  const args = ext ? [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`, ...ARGS] : ARGS
  let context: BrowserContext
  try {
    context = await options.chromium.launchPersistentContext(userDataDir, {
      executablePath: options.executablePath,
      headless: !options.headed,
      args,
      viewport: { width: 1280, height: 900 },
      ...(options.gpc ? { extraHTTPHeaders: { 'Sec-GPC': '1' } } : {}),
    })
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true })
    throw new AuditUsageError(`could not start ${options.executablePath}: ${(error as Error).message.split('\n')[0]}`)
  }
  const close = async () => {
    await context.close().catch(() => undefined)
    await rm(userDataDir, { recursive: true, force: true }).catch(() => undefined)
  }
  try {
    if (options.gpc) {
      // What a browser with GPC on exposes to scripts (Chromium has no switch for it).
      await context.addInitScript(() => {
        Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true, enumerable: true })
      })
    }
    const aborted = new WeakSet<Request>()
    const allow = options.allowHosts
    const allowed = allow ? (url: URL) => !NETWORK.has(url.protocol) || allow.includes(url.hostname) : undefined
    if (allow) {
      // What Playwright sees (frames, workers); the network tap holds back the rest (network-tap.ts).
      const blocked = (url: URL) => !allowed!(url)
      await context.route(blocked, async (route) => {
        aborted.add(route.request())
        await route.abort('blockedbyclient')
      })
      await context.routeWebSocket(blocked, (ws) => void ws.close({ code: 1008, reason: 'consent-guard audit --allow-hosts' }))
    }
    let extension = false
    if (ext) {
      const isOurs = (w: { url(): string }) => w.url().startsWith('chrome-extension://')
      extension = context.serviceWorkers().some(isOurs) || (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 }).then(() => true, () => false))
    }
    return { context, extension, aborted, close, ...(allowed ? { allowed } : {}) }
  } catch (error) {
    await close()
    throw error
  }
}
