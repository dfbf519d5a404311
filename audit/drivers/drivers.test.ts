import { describe, expect, it } from 'vitest'
import { serialised } from '../../test/fakes/driver-harness'
import { cookieConsent } from '../../plugin/adapters/cookie-consent'
import { cookiebot } from '../../plugin/adapters/cookiebot'
import { didomi } from '../../plugin/adapters/didomi'
import { googleConsentMode } from '../../plugin/adapters/google-consent-mode'
import { gpp } from '../../plugin/adapters/gpp'
import { ketch } from '../../plugin/adapters/ketch'
import { klaro } from '../../plugin/adapters/klaro'
import { oneTrust } from '../../plugin/adapters/one-trust'
import { osano } from '../../plugin/adapters/osano'
import { tcf } from '../../plugin/adapters/tcf'
import { usercentrics } from '../../plugin/adapters/usercentrics'
import { consentDrivers } from './drivers'

const ADAPTERS = [
  oneTrust(),
  tcf({ purposes: { Analytics: [1] } }),
  gpp({ sections: { usnat: { Advertising: ['SaleOptOut'] } } }),
  googleConsentMode(),
  cookiebot(),
  usercentrics(),
  didomi(),
  osano(),
  ketch(),
  klaro(),
  cookieConsent(),
]

describe('consentDrivers', () => {
  it('has one driver per adapter, under the adapter name, plus the generic banner driver', () => {
    expect(Object.keys(consentDrivers).sort()).toEqual([...ADAPTERS.map((adapter) => adapter.name), 'banner'].sort())
    for (const [platform, driver] of Object.entries(consentDrivers)) expect(driver.platform).toBe(platform)
  })

  it('holds only functions that survive being rebuilt from their source text', () => {
    for (const driver of Object.values(consentDrivers))
      for (const fn of [driver.ready, driver.drive, driver.listCategories, ...(driver.applied ? [driver.applied] : [])]) {
        const copy = serialised(fn)
        expect(typeof copy).toBe('function')
        expect(copy.toString()).toBe(fn.toString())
      }
  })

  it('has a serialised-copy check that catches a function leaning on its module', () => {
    const outside = 'module scope'
    const leaning = () => outside.length
    expect(leaning()).toBe(12)
    expect(() => serialised(leaning)()).toThrow(ReferenceError)
  })
})
