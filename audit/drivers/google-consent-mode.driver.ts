import { bannerReady, driveBanner } from './banner.driver'
import type { ConsentDriver, DriverOptions, PageFunction } from './driver-types'

/**
 * The consent types the page's Google Consent Mode commands name (`ad_storage`,
 * `analytics_storage`, ...), read from `window.dataLayer`, plus any in
 * `options.categories`. Read once the banner is there (the runner waits for
 * it): a consent default comes before any banner.
 */
const listConsentTypes: PageFunction<DriverOptions, string[]> = (options) => {
  const known = new Set<string>(Array.isArray(options?.categories) ? options.categories : [])
  const layer = (window as unknown as { dataLayer?: unknown }).dataLayer
  if (Array.isArray(layer))
    for (const item of layer as Array<Record<string, unknown> | null>) {
      // gtag pushes its `arguments` object: ['consent', 'default' | 'update', { type: 'granted' | 'denied' }].
      if (!item || item[0] !== 'consent' || (item[1] !== 'default' && item[1] !== 'update')) continue
      const params = item[2]
      if (typeof params !== 'object' || params === null) continue
      for (const [type, value] of Object.entries(params)) if (value === 'granted' || value === 'denied') known.add(type)
    }
  return Array.from(known)
}

/**
 * Google Consent Mode (`googleConsentMode()` adapter). `gtag('consent',
 * 'update', ...)` is the CMP's job: pushing it from a script is not a visitor's
 * choice (the adapter reports it as not explicit), so this driver clicks the
 * CMP's banner through `options.selectors`. Run through playwright, the click
 * happens inside a user gesture (`page.evaluate` runs with one), which is what
 * tells the adapter that a visitor chose.
 *
 * @example
 * await runDriver(pageHost(page), googleConsentModeDriver, { scenario: { kind: 'accept-all' }, options: { selectors: { acceptAll: '#accept' } } })
 */
export const googleConsentModeDriver: ConsentDriver = { platform: 'google-consent-mode', ready: bannerReady, listCategories: listConsentTypes, drive: driveBanner }
