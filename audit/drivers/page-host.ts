/** A playwright page as a `DriverHost`: the waiting is `page.waitForFunction`'s. */
import type { Frame, Page } from 'playwright-core'
import type { DriverHost } from './run-driver'

/** How often the page's predicates are tested, ms: a platform is seen within a frame or two of appearing, at little cost. */
const POLLING_MS = 50

export function pageHost(page: Page): DriverHost {
  return {
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    async waitFor(predicate, arg, timeoutMs) {
      // The wait carries on in a new document; some platforms reload the page once the visitor chose.
      let navigated = false
      const onNavigated = (frame: Frame) => {
        if (frame === page.mainFrame()) navigated = true
      }
      page.on('framenavigated', onNavigated)
      try {
        // Playwright reads a timeout of 0 as "no timeout": 1 ms keeps the caller's "do not wait".
        await page.waitForFunction(predicate as never, arg, { timeout: Math.max(1, timeoutMs), polling: POLLING_MS })
        return true
      } catch (error) {
        if ((error as Error)?.name !== 'TimeoutError') throw error
        // The new document knows nothing of the call (Osano's flag): report the navigation, as an in-page wait would have died of it.
        if (navigated) throw new Error('the page navigated while waiting for the consent platform')
        return false
      } finally {
        page.off('framenavigated', onNavigated)
      }
    },
  }
}
