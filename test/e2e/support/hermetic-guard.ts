/**
 * The hermetic guard: end-to-end tests may talk to 127.0.0.1 only. Every
 * request from the browser context to any other host is recorded and
 * aborted, and `assertClean()` fails the test listing them. Aborting (not
 * just recording) keeps a leak from turning into a slow, flaky timeout.
 */
import type { BrowserContext } from 'playwright-core'

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])
const NETWORK_PROTOCOLS = new Set(['http:', 'https:', 'ws:', 'wss:'])

/**
 * Whether a URL may be requested in a test: anything that is not network
 * traffic (chrome-extension:, data:, blob:, about:) or a local host.
 */
export function isAllowedUrl(url: URL): boolean {
  return !NETWORK_PROTOCOLS.has(url.protocol) || LOCAL_HOSTS.has(url.hostname)
}

/** What a test checks at its end. */
export interface HermeticGuard {
  /** URLs that tried to leave 127.0.0.1, in order. */
  violations: string[]
  /** Throws listing every violation, if there was any. */
  assertClean(): void
}

/** Installs the guard on every page, worker and WebSocket of `context`. */
export async function installHermeticGuard(context: BrowserContext): Promise<HermeticGuard> {
  const violations: string[] = []
  const blocked = (url: URL) => !isAllowedUrl(url)
  await context.route(blocked, async (route) => {
    violations.push(route.request().url())
    await route.abort('blockedbyclient')
  })
  await context.routeWebSocket(blocked, (ws) => {
    violations.push(ws.url())
    // Not connecting to the server leaves the socket mocked; close it at once.
    void ws.close({ code: 1008, reason: 'hermetic guard' })
  })
  return {
    violations,
    assertClean() {
      if (violations.length > 0) {
        throw new Error(`hermetic guard: ${violations.length} request(s) left 127.0.0.1:\n  ${violations.join('\n  ')}`)
      }
    },
  }
}
