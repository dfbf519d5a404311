/**
 * The setup of e2e files whose pages load the real consent libraries: the
 * built test pages, the IAB reference bundles (built for this file), a test
 * server that also serves the libraries from node_modules, and Chromium;
 * all closed after the file. Like `useBrowserSuite`, read `server` and
 * `browser` from the returned object in the tests.
 */
import { afterAll, beforeAll } from 'vitest'
import { startTestServer } from '../../servers/test-server'
import { launchBrowser } from './browser'
import type { BrowserSuite } from './browser-suite'
import { ensurePagesBuilt } from './build-pages'
import { libraryMounts } from './real-cmp-libraries'
import { buildIabBundles, type IabBundles } from './real-iab-cmps'

export function useRealLibrariesSuite(): BrowserSuite {
  const suite = {} as BrowserSuite
  let bundles: IabBundles | undefined
  beforeAll(async () => {
    await ensurePagesBuilt()
    bundles = await buildIabBundles()
    suite.server = await startTestServer({ staticDirs: libraryMounts(bundles.dir) })
    suite.browser = await launchBrowser()
  })
  afterAll(async () => {
    await suite.browser?.close()
    await suite.server?.close()
    await bundles?.remove()
  })
  return suite
}
