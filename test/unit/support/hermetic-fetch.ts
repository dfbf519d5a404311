/**
 * Unit-test setup: no test may reach the network. Any `fetch` a test did not
 * stub (or one made after a test restored its stubs, e.g. a late retry of a
 * Segment delivery) is refused here instead of leaving the machine.
 */
const LOCAL = new Set(['127.0.0.1', 'localhost', '[::1]'])

globalThis.fetch = async (input: RequestInfo | URL) => {
  const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url)
  if (LOCAL.has(url.hostname)) throw new Error(`unit tests have no server at ${url.href}; start one in the test`)
  throw new Error(`blocked: unit tests may not reach ${url.host}`)
}
