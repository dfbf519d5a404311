/**
 * Test pages running one real consent library (real-cmp-libraries.ts) with
 * the real analytics-next and Consent Guard reading it through its adapter,
 * and the steps the real-library tests take on them.
 */
import { expect } from 'vitest'
import type { ConsentState } from '../../../shared/routing/types'
import { buildCdnSettings } from '../../fixtures/cdn-settings'
import type { SinkEvent } from '../../servers/sink-events'
import { analyticsPage, ANALYTICS_PAGE_SCRIPT, scriptLiteral } from '../../servers/html-page'
import { POLL_TIMEOUT_MS, type AnalyticsTestPage } from './analytics-test-page'
import type { RealLibrary } from './real-cmp-libraries'

export const CHANGE_EVENT = 'Segment Consent Preference Updated'

/**
 * 'before': the library's scripts run and start in `<head>` before analytics-next and the guard;
 * 'after': only its configuration (and the IAB stub) is there, and the test loads the library
 * later with `loadLibraryLater()`, as a tag manager or a deferred tag would.
 */
export type LoadOrder = 'before' | 'after'

export function realCmpPage(serverUrl: string, library: RealLibrary, order: LoadOrder): string {
  const categories = Object.keys(library.stamp(true))
  const cdnSettings = buildCdnSettings({
    apiHost: serverUrl,
    destinations: [],
    // Segment.io keeps delivering under any choice, so every stamp is visible at the sink.
    consentSettings: { allCategories: categories, hasUnmappedDestinations: true },
  })
  // The hold never times out within a test: a timeout would release held events all-false and hide
  // whether the visitor's choice released them.
  const setup = `
var guard = ConsentGuard.consentGuard({ cmp: ${library.adapter}, waitForConsent: { timeoutMs: 120000 } });
window.guard = guard;
window.testPlugins = [guard];
window.testLoadOptions = function (options) { return guard.loadOptions(options); };
window.loadLibraryLater = function () {
  return ${scriptLiteral(library.scripts)}.reduce(function (previous, src) {
    return previous.then(function () {
      return new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        script.src = src;
        script.onload = resolve;
        script.onerror = function () { reject(new Error('could not load ' + src)); };
        document.head.appendChild(script);
      });
    });
  }, Promise.resolve()).then(function () { realCmp.start(); });
};`
  const html = analyticsPage({ serverUrl, cdnSettings, setup, title: `${library.name}, loaded ${order} the guard` })
  const analyticsTag = `<script src="${ANALYTICS_PAGE_SCRIPT}"></script>`
  if (!html.includes(analyticsTag)) throw new Error(`realCmpPage: analyticsPage() no longer contains ${analyticsTag}`)
  const tags = order === 'before' ? libraryTags(library) : [`<script>${library.prelude}\n</script>`]
  return html.replace(analyticsTag, [...tags, analyticsTag].join('\n'))
}

/** The tags that load and start the library in `<head>`: its configuration, its scripts, then its start. */
export function libraryTags(library: RealLibrary): string[] {
  return [`<script>${library.prelude}\n</script>`, ...library.scripts.map((src) => `<script src="${src}"></script>`), '<script>realCmp.start();</script>']
}

/** The consent the guard has in force now. */
export const guardConsent = (test: AnalyticsTestPage): Promise<ConsentState> =>
  test.page.evaluate(() => (window as unknown as { guard: { consent(): ConsentState } }).guard.consent())

/** The visitor saves a choice in the library (analytics on, ads as given). */
export const choose = (test: AnalyticsTestPage, ads: boolean): Promise<void> =>
  test.page.evaluate((value) => (window as unknown as { realCmp: { choose(ads: boolean): void } }).realCmp.choose(value), ads)

/** The visitor opens the library's choices screen again. */
export const reopen = (test: AnalyticsTestPage): Promise<void> =>
  test.page.evaluate(() => (window as unknown as { realCmp: { reopen(): void } }).realCmp.reopen())

/** Loads the library into a page built with order 'after'; resolves once the adapter follows it. */
export async function loadLibraryLater(test: AnalyticsTestPage, library: RealLibrary): Promise<void> {
  await test.page.evaluate(() => (window as unknown as { loadLibraryLater(): Promise<void> }).loadLibraryLater())
  if (library.followed) await test.page.waitForFunction(library.followed, undefined, { timeout: POLL_TIMEOUT_MS })
}

/** Polls until the guard has a decided state with these categories. */
export async function expectGuardCategories(test: AnalyticsTestPage, categories: Record<string, boolean>): Promise<void> {
  await expect
    .poll(async () => {
      const state = await guardConsent(test)
      return state.status === 'decided' ? state.categories : state.status
    }, { timeout: POLL_TIMEOUT_MS, interval: 50 })
    .toEqual(categories)
}

/** The event named `name` from this page at the sink (polls). */
export const sinkEvent = (test: AnalyticsTestPage, name: string): Promise<SinkEvent> =>
  test.expectSinkEvent((e) => e.event === name && pageUrl(e) === test.url, `"${name}"`)

/** The consent change events this page sent so far. */
export const changeEvents = (test: AnalyticsTestPage): SinkEvent[] =>
  test.server.segmentEvents().filter((e) => e.event === CHANGE_EVENT && pageUrl(e) === test.url)

const pageUrl = (event: SinkEvent) => (event.context?.page as { url?: string } | undefined)?.url
