import { describe, expect, it } from 'vitest'
import { record, wipeAfter } from '../../test/fakes/adapter-harness'
import { bannerFixture, drive, listCategories } from '../../test/fakes/driver-harness'
import { googleTagFake } from '../../test/fakes/google-consent-mode-fake'
import { googleConsentMode } from '../../plugin/adapters/google-consent-mode'
import { googleConsentModeDriver } from './google-consent-mode.driver'

const TYPES = ['ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage']
const values = (granted: string[]) => Object.fromEntries(TYPES.map((type) => [type, granted.includes(type) ? 'granted' : 'denied']))

/**
 * gtag defaults, the adapter listening, and a CMP banner whose buttons push
 * `gtag('consent', 'update', ...)`. The handlers run with a user activation:
 * in Chromium the driver's click has one, because playwright's evaluate runs
 * as a user gesture.
 */
function setUp() {
  const fake = googleTagFake()
  fake.gtag('consent', 'default', values([]))
  const rec = record(googleConsentMode())
  const selectors = bannerFixture({
    categories: TYPES,
    around: fake.duringClick,
    onAccept: () => fake.gtag('consent', 'update', values(TYPES)),
    onReject: () => fake.gtag('consent', 'update', values([])),
    onSave: (checked) => fake.gtag('consent', 'update', values(checked)),
  })
  // The adapter delivers on pushes only: read the state the banner starts from.
  expect(googleConsentMode().read().status).toBe('pending')
  return { rec, selectors }
}

const decided = (granted: string[]) => ({ status: 'decided', categories: Object.fromEntries(TYPES.map((type) => [type, granted.includes(type)])), explicit: true, source: 'google-consent-mode' })

describe('googleConsentModeDriver', () => {
  it('accepts all through the banner: an explicit update', async () => {
    const { rec, selectors } = setUp()
    expect((await drive(googleConsentModeDriver, { kind: 'accept-all' }, { selectors })).ok).toBe(true)
    expect(rec.last()).toEqual(decided(TYPES))
  })

  it('rejects all through the banner', async () => {
    const { rec, selectors } = setUp()
    expect((await drive(googleConsentModeDriver, { kind: 'reject-all' }, { selectors })).ok).toBe(true)
    expect(rec.last()).toEqual(decided([]))
  })

  it.each(TYPES)('grants only %s through the settings, with the types read from the page', async (only) => {
    const { rec, selectors } = setUp()
    const categories = await listCategories(googleConsentModeDriver)
    expect(categories.sort()).toEqual([...TYPES].sort())
    expect((await drive(googleConsentModeDriver, { kind: 'only', categories: [only] }, { selectors, categories })).ok).toBe(true)
    expect(rec.last()).toEqual(decided([only]))
  })

  it('resolves { ok: false } and lists nothing on a page without gtag or a banner', async () => {
    wipeAfter('dataLayer')
    expect(await listCategories(googleConsentModeDriver, { timeoutMs: 30 })).toEqual([])
    expect(await listCategories(googleConsentModeDriver, { timeoutMs: 30, categories: ['ad_storage'] })).toEqual(['ad_storage'])
    expect((await drive(googleConsentModeDriver, { kind: 'accept-all' }, { selectors: { acceptAll: '#accept' }, timeoutMs: 30 })).ok).toBe(false)
  })
})
