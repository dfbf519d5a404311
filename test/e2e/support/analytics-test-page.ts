/**
 * Page object for a test page running analytics-next (built by
 * `analyticsPage()` in test/servers/html-page.ts). Every check polls with
 * `expect.poll` until a liveness deadline: no sleeps, no timing assertions.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { expect } from 'vitest'
import type { SinkEvent, VendorCall } from '../../servers/sink-events'
import type { TestServer } from '../../servers/test-server'

/**
 * How long a poll may take. Generous on purpose: analytics-next flushes
 * events buffered before a classic destination was ready after a random
 * delay of up to 5 s, and the box has 2 shared cores.
 */
export const POLL_TIMEOUT_MS = 20_000
const POLL = { timeout: POLL_TIMEOUT_MS, interval: 100 }

let pageCounter = 0

export class AnalyticsTestPage {
  /** Uncaught exceptions in the page, for failure messages. */
  readonly pageErrors: string[] = []

  private constructor(
    readonly page: Page,
    readonly server: TestServer,
    readonly url: string,
  ) {
    page.on('pageerror', (error) => this.pageErrors.push(error.message))
  }

  /** Serves `html` at a fresh path on `server`, opens it in a new tab of `context`, waits for analytics-next. */
  static async open(
    context: BrowserContext,
    server: TestServer,
    html: string,
    { path = `/test-page-${++pageCounter}.html`, waitForReady = true } = {},
  ): Promise<AnalyticsTestPage> {
    server.setPage(path, html)
    const page = await context.newPage()
    const testPage = new AnalyticsTestPage(page, server, `${server.url}${path}`)
    await page.goto(testPage.url)
    if (waitForReady) await testPage.ready()
    return testPage
  }

  /** Resolves once `AnalyticsBrowser.load` has finished (destinations registered). */
  async ready(): Promise<void> {
    await this.page.waitForFunction(() => (window as unknown as { analyticsReady?: unknown }).analyticsReady !== undefined)
    await this.page.evaluate(() => (window as unknown as { analyticsReady: Promise<boolean> }).analyticsReady)
  }

  /** Calls `analytics.track(name, properties)` in the page; returns the event as analytics-next built it. */
  track(name: string, properties: Record<string, unknown> = {}): Promise<SinkEvent> {
    return this.page.evaluate(
      ([n, p]) =>
        (window as unknown as { analytics: { track(n: string, p: unknown): Promise<{ event: SinkEvent }> } }).analytics
          .track(n, p)
          .then((ctx) => JSON.parse(JSON.stringify(ctx.event)) as SinkEvent),
      [name, properties] as const,
    )
  }

  /**
   * Calls `analytics.track` without waiting for its promise: with a
   * destination that never loads, analytics-next delivers to the others but
   * the `track()` promise stays pending.
   */
  async trackNoWait(name: string, properties: Record<string, unknown> = {}): Promise<void> {
    await this.page.evaluate(
      ([n, p]) => {
        void (window as unknown as { analytics: { track(n: string, p: unknown): Promise<unknown> } }).analytics.track(n, p)
      },
      [name, properties] as const,
    )
  }

  /** Calls `analytics.page()` in the page. */
  pageview(): Promise<SinkEvent> {
    return this.page.evaluate(() =>
      (window as unknown as { analytics: { page(): Promise<{ event: SinkEvent }> } }).analytics
        .page()
        .then((ctx) => JSON.parse(JSON.stringify(ctx.event)) as SinkEvent),
    )
  }

  /** Names of the cookies the page's origin holds now. */
  async cookieNames(): Promise<string[]> {
    return (await this.page.context().cookies(this.url)).map((c) => c.name)
  }

  /** Polls until the cookie exists. */
  async expectCookie(name: string): Promise<void> {
    await expect.poll(() => this.cookieNames(), POLL).toContain(name)
  }

  /** Polls until a Segment event matching `predicate` reached the sink; returns it. */
  async expectSinkEvent(predicate: (event: SinkEvent) => boolean, description = 'matching event'): Promise<SinkEvent> {
    await expect
      .poll(() => this.server.segmentEvents().some(predicate), { ...POLL, message: `sink never got a ${description}` })
      .toBe(true)
    return this.server.segmentEvents().find(predicate) as SinkEvent
  }

  /** Polls until destination `key` called its vendor with `type` (and, if given, event `eventName`); returns the call. */
  async expectVendorCall(key: string, type: string, eventName?: string): Promise<VendorCall> {
    const matches = (call: VendorCall) => call.type === type && (eventName === undefined || call.event?.event === eventName)
    await expect
      .poll(() => this.server.vendorCalls(key).some(matches), {
        ...POLL,
        message: `vendor ${key} never got ${type}${eventName ? ` "${eventName}"` : ''}`,
      })
      .toBe(true)
    return this.server.vendorCalls(key).find(matches) as VendorCall
  }
}
