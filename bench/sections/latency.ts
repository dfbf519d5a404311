import type { Page } from 'playwright-core'
import { buildCdnSettings, destinationKey } from '../../test/fixtures/cdn-settings'
import { analyticsPage } from '../../test/servers/html-page'
import type { TestServer } from '../../test/servers/test-server'
import { median } from '../stats'
import type { Row } from '../report'

const DESTINATION = 'Bench Ads'

/** In the page: a consent source the bench grants by hand, and a log of vendor calls with their times. */
const SETUP = `
window.vendorCalls = [];
var realFetch = window.fetch;
window.fetch = function (url) {
  if (String(url).indexOf('/vendor/') >= 0) window.vendorCalls.push({ url: String(url), at: performance.now() });
  return realFetch.apply(this, arguments);
};
var guard = ConsentGuard.consentGuard({
  cmp: ConsentGuard.custom({
    read: function () { return { status: 'decided', categories: { C0004: false }, source: 'bench' }; },
    subscribe: function (onChange) { window.grant = onChange; return function () {}; },
  }),
  consentChangedEvent: false,
});
window.testPlugins = [guard];
window.testLoadOptions = function (o) { return guard.loadOptions(o); };`

/** Time from a grant to the first event delivered to the newly consented (lazily loaded) destination. */
export async function latencySection(page: Page, server: TestServer, rounds: number): Promise<Row[]> {
  const key = destinationKey(DESTINATION)
  const samples: number[] = []
  for (let r = 0; r < rounds; r++) {
    const path = `/latency-${r}.html`
    server.setPage(path, analyticsPage({
      serverUrl: server.url,
      cdnSettings: buildCdnSettings({ apiHost: server.url, destinations: [{ name: `${DESTINATION}`, kind: 'action', categories: ['C0004'] }, { name: 'Bench Stats', kind: 'cloud', categories: ['C0002'] }] }),
      setup: SETUP,
    }))
    await page.goto(server.url + path)
    const ms = await page.evaluate(async (k) => {
      const w = window as unknown as { analyticsReady: Promise<unknown>; analytics: { track(n: string): Promise<unknown> }; grant(s: unknown): void; vendorCalls: Array<{ url: string; at: number }> }
      await w.analyticsReady
      if (w.vendorCalls.length) throw new Error('the destination ran before consent')
      const grantedAt = performance.now()
      w.grant({ status: 'decided', categories: { C0004: true }, explicit: true, source: 'bench' })
      void w.analytics.track('First after grant')
      const deadline = Date.now() + 10_000
      while (Date.now() < deadline) {
        const hit = w.vendorCalls.find((c) => c.url.includes(`/vendor/${k}/track`))
        if (hit) return hit.at - grantedAt
        await new Promise((r) => setTimeout(r, 1))
      }
      throw new Error('no delivery within 10 s of the grant')
    }, key)
    samples.push(ms)
  }
  const value = median(samples)
  return [
    { metric: 'consent latency: grant -> first delivery to the lazily loaded destination', value, unit: 'ms', goal: '< 100', met: value < 100, note: 'bundle served from 127.0.0.1' },
    { metric: 'consent latency: consent-tools createWrapper', value: NaN, unit: '', note: 'needs a page reload: opt-in destinations are filtered once, at load' },
  ]
}
