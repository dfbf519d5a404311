/**
 * One end-to-end case per consent platform family: how a test page installs
 * the platform for a visitor who has not chosen yet (the real library where
 * its code is public, support/real-cmp-libraries.ts; otherwise the
 * platform's fake from `window.CmpFakes`, test/e2e/pages/cmp-fakes-page.ts),
 * which adapter the guard reads it with, the platform category the
 * device-mode destination is mapped to, and how the platform's consent
 * driver is told to click (banner platforms get a minimal banner whose
 * buttons call the platform's write API).
 */
import {
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
  type ConsentDriver,
  type DriverOptions,
} from '../../../audit/drivers/drivers'
import { REAL_LIBRARY, type RealLibrary } from './real-cmp-libraries'

/** One platform family's case. */
export interface CmpCase {
  /** Test title, and the prefix of its destination names (unique per case). */
  platform: string
  driver: ConsentDriver
  /**
   * Page JS run before analytics loads: creates the fake as `window.cmpFake` and installs it (undecided
   * visitor); with `library`, an extra step on the started library.
   */
  install?: string
  /** The real library, loaded and started before analytics (instead of `install`). */
  library?: RealLibrary
  /** Page JS expression building the adapter, e.g. `ConsentGuard.oneTrust()`. */
  adapter: string
  /** The platform's category id the destination is mapped to. */
  category: string
  /** The device-mode destination's kind (both are covered across the cases). */
  kind: 'classic' | 'action'
  /** Banner markup for platforms whose driver clicks (TCF, GPP, Consent Mode). */
  banner?: string
  driverOptions?: DriverOptions
  /**
   * The platform's model when it is not opt-in: GPP's US sections are
   * opt-out, so a visitor who has not opted out is allowed and the
   * destination loads at start.
   */
  model?: 'opt-out'
}

const BANNER_SELECTORS: DriverOptions = { selectors: { acceptAll: '#cmp-accept', rejectAll: '#cmp-reject' } }

/** A consent banner whose buttons run `accept` / `reject` (page JS calling the platform's write API). */
function banner(accept: string, reject: string): string {
  const attribute = (code: string) => code.replace(/&/g, '&amp;').replace(/"/g, '&quot;')
  return `<div id="cmp-banner">
  <button id="cmp-accept" onclick="${attribute(accept)}">Accept all</button>
  <button id="cmp-reject" onclick="${attribute(reject)}">Reject all</button>
</div>`
}

const fake = (factory: string, steps: string[]) => `window.cmpFake = CmpFakes.${factory};\n${steps.map((s) => `cmpFake.${s};`).join('\n')}`

const CONSENT_TYPES = ['ad_storage', 'analytics_storage', 'ad_user_data', 'ad_personalization']
const consentCommand = (kind: 'default' | 'update', value: 'granted' | 'denied') =>
  `gtag('consent', '${kind}', ${JSON.stringify(Object.fromEntries(CONSENT_TYPES.map((type) => [type, value])))})`

export const CMP_CASES: CmpCase[] = [
  { platform: 'OneTrust', driver: oneTrustDriver, install: fake('oneTrustFake()', ['placeholder()', 'load()']), adapter: 'ConsentGuard.oneTrust()', category: 'C0004', kind: 'classic' },
  {
    platform: 'IAB TCF v2',
    driver: tcfDriver,
    library: REAL_LIBRARY.tcf,
    adapter: 'ConsentGuard.tcf({ purposes: { advertising: [1, 2, 3, 4] } })',
    category: 'advertising',
    kind: 'action',
    banner: banner('realCmp.choose(true)', 'realCmp.choose(false)'),
    driverOptions: BANNER_SELECTORS,
  },
  {
    platform: 'IAB GPP',
    driver: gppDriver,
    library: REAL_LIBRARY.gpp,
    install: 'realCmp.readyWithoutNotice();',
    adapter: "ConsentGuard.gpp({ sections: { usnat: { advertising: ['SaleOptOut', 'SharingOptOut', 'TargetedAdvertisingOptOut'] } } })",
    category: 'advertising',
    kind: 'classic',
    banner: banner('realCmp.choose(true)', 'realCmp.choose(false)'),
    driverOptions: BANNER_SELECTORS,
    model: 'opt-out',
  },
  {
    platform: 'Google Consent Mode',
    driver: googleConsentModeDriver,
    install: `${fake('googleTagFake()', [])}\n${consentCommand('default', 'denied')};\ncmpFake.loadTagManager();`,
    adapter: 'ConsentGuard.googleConsentMode()',
    category: 'ad_storage',
    kind: 'action',
    banner: banner(consentCommand('update', 'granted'), consentCommand('update', 'denied')),
    driverOptions: BANNER_SELECTORS,
  },
  { platform: 'Cookiebot', driver: cookiebotDriver, install: fake('cookiebotFake()', ['load()']), adapter: 'ConsentGuard.cookiebot()', category: 'marketing', kind: 'classic' },
  {
    platform: 'Usercentrics v3',
    driver: usercentricsDriver,
    install: fake('usercentricsFake({ version: 3 })', ['load()']),
    adapter: 'ConsentGuard.usercentrics()',
    category: 'marketing',
    kind: 'action',
  },
  {
    platform: 'Usercentrics v2',
    driver: usercentricsDriver,
    install: fake('usercentricsFake({ version: 2 })', ['load()']),
    adapter: 'ConsentGuard.usercentrics()',
    category: 'Google Ads Remarketing',
    kind: 'classic',
  },
  { platform: 'Didomi', driver: didomiDriver, install: fake('didomiFake()', ['load()']), adapter: 'ConsentGuard.didomi()', category: 'select_personalized_ads', kind: 'action' },
  { platform: 'Osano', driver: osanoDriver, install: fake('osanoFake()', ['installPreload()', 'load()']), adapter: 'ConsentGuard.osano()', category: 'MARKETING', kind: 'classic' },
  { platform: 'Ketch', driver: ketchDriver, install: fake('ketchFake()', ['installSnippet()', 'load()']), adapter: 'ConsentGuard.ketch()', category: 'behavioral_advertising', kind: 'action' },
  { platform: 'Klaro', driver: klaroDriver, library: REAL_LIBRARY.klaro, adapter: 'ConsentGuard.klaro()', category: 'ads', kind: 'classic' },
  { platform: 'cookieconsent', driver: cookieConsentDriver, library: REAL_LIBRARY.cookieConsent, adapter: 'ConsentGuard.cookieConsent()', category: 'ads', kind: 'action' },
]
