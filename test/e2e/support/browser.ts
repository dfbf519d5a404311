/**
 * Launches Debian's Chromium through playwright-core the way STACK.md says
 * works headless: a persistent context (extensions load only there) in a
 * fresh temporary profile, optionally with the built extension
 * (extension/dist) loaded, and always with the hermetic guard installed.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core'
import { installHermeticGuard, type HermeticGuard } from './hermetic-guard'

/** The built extension (`npm run build:extension`). */
export const EXTENSION_DIST = fileURLToPath(new URL('../../../extension/dist', import.meta.url))
export const CHROMIUM_PATH = '/usr/bin/chromium'

const BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
]

export interface LaunchOptions {
  /** Load extension/dist and wait for its service worker. @default false */
  extension?: boolean
  /** Load this unpacked extension instead of extension/dist (e.g. a release zip, extracted). @default EXTENSION_DIST */
  extensionDir?: string
}

export interface LaunchedBrowser {
  context: BrowserContext
  /** The extension's id (host of its chrome-extension:// URLs), with `extension: true`. */
  extensionId?: string
  /** The extension's service worker, with `extension: true`. */
  serviceWorker?: Worker
  /** A new tab. */
  newPage(): Promise<Page>
  guard: HermeticGuard
  /** The temporary profile directory (deleted by `close()`). */
  userDataDir: string
  /** Closes the browser and deletes the temporary profile. */
  close(): Promise<void>
}

/** Starts Chromium; always `close()` it (tests: in `afterAll`/`afterEach`). */
export async function launchBrowser(options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIST
  if (options.extension && !existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`launchBrowser: ${extensionDir}/manifest.json is missing; run \`npm run build:extension\` first`)
  }
  const userDataDir = await mkdtemp(join(tmpdir(), 'consent-guard-e2e-'))
  const args = options.extension
    ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...BASE_ARGS]
    : BASE_ARGS
  let context: BrowserContext
  try {
    context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM_PATH, headless: true, args })
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true })
    throw error
  }
  const close = async () => {
    await context.close().catch(() => {})
    await rm(userDataDir, { recursive: true, force: true })
  }
  try {
    const guard = await installHermeticGuard(context)
    let serviceWorker: Worker | undefined
    let extensionId: string | undefined
    if (options.extension) {
      const isExtensionWorker = (worker: Worker) => worker.url().startsWith('chrome-extension://')
      serviceWorker =
        context.serviceWorkers().find(isExtensionWorker) ??
        (await context.waitForEvent('serviceworker', { predicate: isExtensionWorker, timeout: 30_000 }))
      extensionId = new URL(serviceWorker.url()).host
    }
    return { context, extensionId, serviceWorker, newPage: () => context.newPage(), guard, userDataDir, close }
  } catch (error) {
    await close()
    throw error
  }
}
