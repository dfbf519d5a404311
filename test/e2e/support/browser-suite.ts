/**
 * The setup e2e files share: the built test pages and/or extension (rebuilt
 * if stale), a test server, and Chromium (with the extension when asked),
 * closed after the file. Call it at the top of a file and read `server` and
 * `browser` from the returned object in the tests.
 */
import { afterAll, afterEach, beforeAll } from 'vitest'
import { startTestServer, type TestServer } from '../../servers/test-server'
import { launchBrowser, type LaunchedBrowser } from './browser'
import { ensurePagesBuilt } from './build-pages'
import { ensureExtensionBuilt } from './debugger-build'

export interface BrowserSuite {
  server: TestServer
  browser: LaunchedBrowser
}

export interface BrowserSuiteOptions {
  /** Load the built extension (extension/dist). */
  extension?: boolean
  /** Build the test page bundle first. */
  pages?: boolean
  /** Fail any test after which the hermetic guard recorded a request off 127.0.0.1. */
  guardAfterEach?: boolean
}

export function useBrowserSuite(options: BrowserSuiteOptions = {}): BrowserSuite {
  const suite = {} as BrowserSuite
  beforeAll(async () => {
    if (options.extension) await ensureExtensionBuilt()
    if (options.pages) await ensurePagesBuilt()
    suite.server = await startTestServer()
    suite.browser = await launchBrowser({ extension: options.extension === true })
  })
  afterAll(async () => {
    await suite.browser?.close()
    await suite.server?.close()
  })
  if (options.guardAfterEach) afterEach(() => suite.browser.guard.assertClean())
  return suite
}
