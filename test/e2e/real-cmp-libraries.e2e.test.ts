/**
 * The adapters against the real consent libraries whose code is public
 * (Klaro, cookieconsent v3, the IAB's TCF and GPP reference CMP APIs), in real
 * headless Chromium, with the real analytics-next and Consent Guard. The
 * libraries are served from node_modules (the IAB ones bundled at test time)
 * by the test server on 127.0.0.1 and driven through their own public API
 * (support/real-cmp-libraries.ts). The proof is what reached the Segment
 * sink: each event's `context.consent.categoryPreferences` and the number of
 * `Segment Consent Preference Updated` events the page sent.
 *
 * Every library is checked for: a first visit while pending (events held,
 * then released under the first choice); the first choice stamped exactly
 * with one change event; a change of mind with one change event per real
 * change; events tracked while the choices screen is open again (delivered
 * under the choice in force); a returning visitor whose stored choice
 * applies at once with no change event; and all of it with the library
 * loaded before and after the guard.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { TestServer } from '../servers/test-server'
import { AnalyticsTestPage, POLL_TIMEOUT_MS } from './support/analytics-test-page'
import type { LaunchedBrowser } from './support/browser'
import { REAL_LIBRARIES, type RealLibrary } from './support/real-cmp-libraries'
import {
  changeEvents,
  choose,
  expectGuardCategories,
  guardConsent,
  loadLibraryLater,
  realCmpPage,
  reopen,
  sinkEvent,
  type LoadOrder,
} from './support/real-cmp-page'
import { useRealLibrariesSuite } from './support/real-cmp-suite'

const suite = useRealLibrariesSuite()
let server: TestServer
let browser: LaunchedBrowser
beforeAll(() => void ({ server, browser } = suite))

let pages = 0
async function open(library: RealLibrary, order: LoadOrder): Promise<AnalyticsTestPage> {
  const path = `/real-${library.name.replace(/\W+/g, '-')}-${order}-${++pages}.html`
  return AnalyticsTestPage.open(browser.context, server, realCmpPage(server.url, library, order), { path })
}

/** Polls until the page sent exactly `count` change events (checked again after a later event, see callers). */
async function expectChangeEvents(test: AnalyticsTestPage, count: number): Promise<void> {
  await expect.poll(() => changeEvents(test).length, { timeout: POLL_TIMEOUT_MS, interval: 50 }).toBe(count)
}

/**
 * Tracks `name` and returns its stamp once at the sink. The `track()` promise
 * must resolve: an event held while consent is pending would not.
 */
async function trackedStamp(test: AnalyticsTestPage, name: string): Promise<Record<string, boolean> | undefined> {
  await test.track(name)
  return (await sinkEvent(test, name)).context?.consent?.categoryPreferences
}

describe('adapters against the real consent libraries in Chromium', () => {
  for (const library of REAL_LIBRARIES) {
    const stamp = library.stamp

    it(`${library.name}, loaded before the guard: held while pending, first choice, change of mind, choices screen open again, returning visitor`, async () => {
      await browser.context.clearCookies()
      const first = await open(library, 'before')
      try {
        expect(await guardConsent(first)).toMatchObject({ status: 'pending' })
        // Held: had it gone out while pending, it would carry all-false consent, not the choice below.
        await first.trackNoWait('While pending')

        await choose(first, true)
        expect((await sinkEvent(first, 'While pending')).context?.consent?.categoryPreferences).toEqual(stamp(true))
        await expectGuardCategories(first, stamp(true))
        expect(await guardConsent(first)).toMatchObject({ status: 'decided', explicit: true })
        expect(await trackedStamp(first, 'After first choice')).toEqual(stamp(true))
        await expectChangeEvents(first, 1)
        expect(changeEvents(first)[0].context?.consent?.categoryPreferences).toEqual(stamp(true))

        await choose(first, false)
        await expectGuardCategories(first, stamp(false))
        expect(await trackedStamp(first, 'After change of mind')).toEqual(stamp(false))
        await expectChangeEvents(first, 2)
        expect(changeEvents(first)[1].context?.consent?.categoryPreferences).toEqual(stamp(false))

        // The same choice saved again is no real change.
        await choose(first, false)
        expect(await trackedStamp(first, 'After the same choice')).toEqual(stamp(false))
        expect(changeEvents(first)).toHaveLength(2)

        // The choices screen open again: the choice in force still applies (nothing held, nothing widened).
        await reopen(first)
        expect(await trackedStamp(first, 'While the screen is open')).toEqual(stamp(false))
        expect(await guardConsent(first)).toMatchObject({ status: 'decided', categories: stamp(false) })
        await choose(first, true)
        await expectGuardCategories(first, stamp(true))
        expect(await trackedStamp(first, 'After saving the screen')).toEqual(stamp(true))
        await expectChangeEvents(first, 3)
        // Open again with ads allowed: a destination the visitor allowed keeps getting events.
        await reopen(first)
        expect(await trackedStamp(first, 'While the screen is open again')).toEqual(stamp(true))
        expect(changeEvents(first)).toHaveLength(3)
        expect(first.pageErrors).toEqual([])
      } finally {
        await first.page.close()
      }

      // A returning visitor: the library's stored choice applies at once, with no change event.
      const returning = await open(library, 'before')
      try {
        expect(await trackedStamp(returning, 'Returning')).toEqual(stamp(true))
        expect(await guardConsent(returning)).toMatchObject({ status: 'decided', explicit: false, categories: stamp(true) })
        expect(changeEvents(returning)).toEqual([])
        expect(returning.pageErrors).toEqual([])
      } finally {
        await returning.page.close()
      }
      browser.guard.assertClean()
    })

    it(`${library.name}, loaded after the guard: held until the library loads and the visitor chooses; a returning visitor's choice applies with no change event`, async () => {
      await browser.context.clearCookies()
      const first = await open(library, 'after')
      try {
        await first.trackNoWait('Before the library')
        await loadLibraryLater(first, library)
        expect(await guardConsent(first)).toMatchObject({ status: 'pending' })
        await choose(first, false)
        expect((await sinkEvent(first, 'Before the library')).context?.consent?.categoryPreferences).toEqual(stamp(false))
        await expectGuardCategories(first, stamp(false))
        expect(await trackedStamp(first, 'After first choice')).toEqual(stamp(false))
        await expectChangeEvents(first, 1)
        expect(first.pageErrors).toEqual([])
      } finally {
        await first.page.close()
      }

      const returning = await open(library, 'after')
      try {
        await returning.trackNoWait('Returning, before the library')
        await loadLibraryLater(returning, library)
        expect((await sinkEvent(returning, 'Returning, before the library')).context?.consent?.categoryPreferences).toEqual(stamp(false))
        expect(await guardConsent(returning)).toMatchObject({ status: 'decided', explicit: false })
        // Evidence from a later moment that the stored choice sent nothing.
        expect(await trackedStamp(returning, 'Returning, after the library')).toEqual(stamp(false))
        expect(changeEvents(returning)).toEqual([])
        expect(returning.pageErrors).toEqual([])
      } finally {
        await returning.page.close()
      }
      browser.guard.assertClean()
    })
  }
})
