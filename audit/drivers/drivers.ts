/**
 * Every consent driver, by name, for the consent audit (audit/). Not
 * part of the plugin's public exports: the drivers run in an audited page
 * through playwright (`runDriver(pageHost(page), driver, request)`), never
 * in a site's bundle.
 */
import { bannerDriver } from './banner.driver'
import { cookieConsentDriver } from './cookie-consent.driver'
import { cookiebotDriver } from './cookiebot.driver'
import { didomiDriver } from './didomi.driver'
import type { ConsentDriver } from './driver-types'
import { googleConsentModeDriver } from './google-consent-mode.driver'
import { gppDriver } from './gpp.driver'
import { ketchDriver } from './ketch.driver'
import { klaroDriver } from './klaro.driver'
import { oneTrustDriver } from './one-trust.driver'
import { osanoDriver } from './osano.driver'
import { tcfDriver } from './tcf.driver'
import { usercentricsDriver } from './usercentrics.driver'

export type { ConsentDriver, ConsentScenario, DriveRequest, DriveResult, DriverOptions, DriverSelectors, PageFunction, PagePredicate } from './driver-types'
export { bannerDriver, bannerReady, driveBanner, listBannerCategories } from './banner.driver'
export { pageHost } from './page-host'
export { driveWhenReady, listDriverCategories, runDriver, waitUntilReady, type DriverHost } from './run-driver'
export {
  cookieConsentDriver,
  cookiebotDriver,
  didomiDriver,
  googleConsentModeDriver,
  gppDriver,
  ketchDriver,
  klaroDriver,
  oneTrustDriver,
  osanoDriver,
  tcfDriver,
  usercentricsDriver,
}

/** Every driver keyed by `platform`, which is the name of the adapter it drives (`'onetrust'`, `'tcf'`, ...), plus `'banner'`. */
export const consentDrivers: Readonly<Record<string, ConsentDriver>> = Object.freeze(
  Object.fromEntries(
    [
      oneTrustDriver,
      tcfDriver,
      gppDriver,
      googleConsentModeDriver,
      cookiebotDriver,
      usercentricsDriver,
      didomiDriver,
      osanoDriver,
      ketchDriver,
      klaroDriver,
      cookieConsentDriver,
      bannerDriver,
    ].map((driver) => [driver.platform, driver]),
  ),
)
