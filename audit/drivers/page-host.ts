/** A playwright page as a `DriverHost`: the waiting is `page.waitForFunction`'s. */
import type { Page } from 'playwright-core'
import type { DriverHost } from './run-driver'

/** How often the page's predicates are tested, ms: a platform is seen within a frame or two of appearing, at little cost. */
const POLLING_MS = 50

export function pageHost(page: Page): DriverHost {
  return {
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    async waitFor(predicate, arg, timeoutMs) {
      try {
        // Playwright reads a timeout of 0 as "no timeout": 1 ms keeps the caller's "do not wait".
        await page.waitForFunction(predicate as never, arg, { timeout: Math.max(1, timeoutMs), polling: POLLING_MS })
        return true
      } catch (error) {
        // Only the time running out means "not there"; a closed page or a navigation is the caller's to handle.
        if ((error as Error)?.name === 'TimeoutError') return false
        throw error
      }
    },
  }
}
