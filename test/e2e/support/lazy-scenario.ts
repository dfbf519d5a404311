/**
 * The shared scenario of the lazy-destinations e2e files: one browser per
 * file, a fresh test server per test, and the fake destinations every test
 * starts from. C0001 is granted in every test: it keeps Segment.io and the
 * two control destinations open, so each absence a test checks can be
 * anchored on a control that got the same event.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { destinationKey, type FakeDestination } from '../../fixtures/cdn-settings'
import type { SinkEvent } from '../../servers/sink-events'
import { startTestServer, type TestServer } from '../../servers/test-server'
import { POLL_TIMEOUT_MS } from './analytics-test-page'
import { launchBrowser, type LaunchedBrowser } from './browser'
import { LazyPage, type LazyPageOptions } from './lazy-page'

export const CONSENT_CHANGED = 'Segment Consent Preference Updated'
/** A liveness deadline for polls, never a timing assertion. */
export const POLL = { timeout: POLL_TIMEOUT_MS, interval: 100 }

export const CLASSIC: FakeDestination = { name: 'Fake Classic', kind: 'classic', categories: ['C0002'] }
export const ACTION: FakeDestination = { name: 'Fake Action', kind: 'action', categories: ['C0004'] }
export const OPEN_CLASSIC: FakeDestination = { name: 'Open Classic', kind: 'classic', categories: ['C0001'] }
export const OPEN_ACTION: FakeDestination = { name: 'Open Action', kind: 'action', categories: ['C0001'] }
export const DESTINATIONS = [CLASSIC, ACTION, OPEN_CLASSIC, OPEN_ACTION]
/** The destinations that wait for C0002 / C0004. */
export const LAZY = [CLASSIC, ACTION]
/** Consented (C0001) in every test: the evidence an absence is checked against. */
export const CONTROLS = [OPEN_CLASSIC, OPEN_ACTION]

export const DENIED = { C0001: true, C0002: false, C0004: false }
export const GRANTED = { C0001: true, C0002: true, C0004: true }

/** A fake destination's cookie and vendor key. */
export const key = (d: FakeDestination): string => destinationKey(d.name)
/** A part of the URL the test server serves a fake destination's code at. */
export const bundlePart = (d: FakeDestination): string =>
  d.kind === 'classic' ? `/next-integrations/integrations/${key(d)}/` : `/next-integrations/actions/${key(d)}/`

export interface LazyScenario {
  /** This test's server (fresh per test: its request log holds only this test's requests). */
  server(): TestServer
  open(options: Omit<LazyPageOptions, 'server'>): Promise<LazyPage>
  /** The first Segment event named `name` that reached this test's sink. */
  sinkEvent(name: string): SinkEvent | undefined
  /** Polls until every control destination called its vendor with track `name`. */
  expectControlsGot(page: LazyPage, name: string): Promise<void>
}

/** Registers the hooks (call at the top of a test file) and returns the scenario's helpers. */
export function useLazyScenario(): LazyScenario {
  let browser: LaunchedBrowser
  let server: TestServer
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })
  beforeEach(async () => {
    server = await startTestServer()
  })
  afterEach(async () => {
    // A page left open could still load code and set cookies during the next test.
    for (const page of browser.context.pages()) await page.close()
    await browser.context.clearCookies()
    await server.close()
    browser.guard.assertClean()
  })
  return {
    server: () => server,
    open: (options) => LazyPage.open(browser.context, { server, ...options }),
    sinkEvent: (name) => server.segmentEvents().find((e) => e.event === name),
    async expectControlsGot(page, name) {
      for (const control of CONTROLS) await page.test.expectVendorCall(key(control), 'track', name)
    },
  }
}
