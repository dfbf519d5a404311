/**
 * Test pages for the per-platform end-to-end runs: the platform's real
 * library, or its fake (from /pages/cmp-fakes-page.js), installed before analytics-next loads,
 * then the real analytics-next with Consent Guard reading it through the
 * real adapter, registered with `guard.loadOptions()`. Also the steps a
 * test takes on such a page: drive the platform's consent driver and wait
 * for the guard to take the decision, read the marker that proves no reload.
 */
import { expect } from 'vitest'
import { pageHost, runDriver, type DriveResult } from '../../../audit/drivers/drivers'
import type { ConsentState } from '../../../shared/routing/types'
import { analyticsPage, ANALYTICS_PAGE_SCRIPT, scriptLiteral } from '../../servers/html-page'
import type { AnalyticsTestPage } from './analytics-test-page'
import { POLL_TIMEOUT_MS } from './analytics-test-page'
import type { CmpCase } from './cmp-cases'
import { libraryTags } from './real-cmp-page'

/** Where the fakes bundle is served (the default static mount of startTestServer). */
export const CMP_FAKES_SCRIPT = '/pages/cmp-fakes-page.js'

export interface CmpPageOptions {
  serverUrl: string
  cmpCase: CmpCase
  cdnSettings: object
  /** Destination name -> categories, passed as `integrationCategoryMappings`. */
  mappings: Record<string, string[]>
}

/** The page HTML: fakes bundle, analytics bundle, then the platform's install step, the guard, and load. */
export function cmpPage({ serverUrl, cmpCase, cdnSettings, mappings }: CmpPageOptions): string {
  const setup = `
(function () {
  window.pageMarker = Math.random().toString(36).slice(2);
  ${cmpCase.install ?? ''}
  var guard = ConsentGuard.consentGuard({ cmp: ${cmpCase.adapter}, integrationCategoryMappings: ${scriptLiteral(mappings)} });
  window.guard = guard;
  window.testPlugins = [guard];
  window.testLoadOptions = function (options) { return guard.loadOptions(options); };
})();`
  const html = analyticsPage({ serverUrl, cdnSettings, setup, title: `${cmpCase.platform} e2e`, body: cmpCase.banner })
  const analyticsTag = `<script src="${ANALYTICS_PAGE_SCRIPT}"></script>`
  if (!html.includes(analyticsTag)) throw new Error(`cmpPage: analyticsPage() no longer contains ${analyticsTag}`)
  // The platform's script comes before the site's analytics, as CMP tags are placed first in <head>.
  const platform = cmpCase.library ? libraryTags(cmpCase.library) : [`<script src="${CMP_FAKES_SCRIPT}"></script>`]
  return html.replace(analyticsTag, [...platform, analyticsTag].join('\n'))
}

/** The consent the guard has in force now (`guard.consent()`). */
export function guardConsent(test: AnalyticsTestPage): Promise<ConsentState> {
  return test.page.evaluate(() => (window as unknown as { guard: { consent(): ConsentState } }).guard.consent())
}

/**
 * Runs the case's consent driver in the page as the audit does
 * (`runDriver`: playwright waits for the platform, the driver acts, playwright
 * waits for the platform to record the choice), then polls until the guard's
 * consent changed to a decided state: some adapters learn of the choice a
 * task later (promise-based platform APIs). It does not look at the values: whether the adapter read
 * them right is for the payload and the destination to show.
 */
export async function driveAndSettle(test: AnalyticsTestPage, cmpCase: CmpCase, kind: 'accept-all' | 'reject-all'): Promise<void> {
  const before = JSON.stringify(await guardConsent(test))
  const result: DriveResult = await runDriver(pageHost(test.page), cmpCase.driver, { scenario: { kind }, options: cmpCase.driverOptions ?? {} })
  expect(result.ok, `${cmpCase.platform} driver, ${kind}: ${result.detail}`).toBe(true)
  await expect
    .poll(async () => {
      const state = await guardConsent(test)
      return state.status === 'decided' && JSON.stringify(state) !== before
    }, { timeout: POLL_TIMEOUT_MS, interval: 50, message: `the guard's consent did not change after ${kind}` })
    .toBe(true)
}

/** The random marker set when the page loaded; unchanged means no reload. */
export function pageMarker(test: AnalyticsTestPage): Promise<string> {
  return test.page.evaluate(() => (window as unknown as { pageMarker: string }).pageMarker)
}
