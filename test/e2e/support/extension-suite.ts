/**
 * The setup every debugger e2e file shares: the built extension (rebuilt if
 * stale), a test server, Chromium with the extension loaded, and the
 * hermetic guard checked after each test. Call it at the top of a file.
 */
import { afterAll, afterEach, beforeAll } from 'vitest'
import { startTestServer, type TestServer } from '../../servers/test-server'
import { launchBrowser, type LaunchedBrowser } from './browser'
import { ensurePagesBuilt } from './build-pages'
import { ensureExtensionBuilt } from './debugger-build'

export interface ExtensionSuite {
  server: TestServer
  browser: LaunchedBrowser
}

export function useExtensionBrowser(options: { pages?: boolean } = {}): ExtensionSuite {
  const suite = {} as ExtensionSuite
  beforeAll(async () => {
    await ensureExtensionBuilt()
    if (options.pages) await ensurePagesBuilt()
    suite.server = await startTestServer()
    suite.browser = await launchBrowser({ extension: true })
  })
  afterAll(async () => {
    await suite.browser?.close()
    await suite.server?.close()
  })
  afterEach(() => suite.browser.guard.assertClean())
  return suite
}
