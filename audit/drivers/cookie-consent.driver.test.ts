import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { record } from '../../test/fakes/adapter-harness'
import { CC_CATEGORIES, cookieConsentFake } from '../../test/fakes/cookie-consent-fake'
import { drive, listCategories } from '../../test/fakes/driver-harness'
import { cookieConsent } from '../../plugin/adapters/cookie-consent'
import { cookieConsentDriver } from './cookie-consent.driver'

const OPTIONAL = CC_CATEGORIES.filter((c) => c !== 'necessary')
const decided = (...on: string[]) => ({
  status: 'decided',
  categories: { necessary: true, ...Object.fromEntries(OPTIONAL.map((c) => [c, on.includes(c)])) },
  explicit: true,
  model: 'opt-in',
  source: 'cookieconsent',
})

/** cookieconsent run for a visitor who has not chosen, the adapter listening. */
function setUp() {
  const fake = cookieConsentFake()
  const source = cookieConsent()
  const rec = record(source)
  fake.load()
  expect(source.read().status).toBe('pending')
  return { fake, rec }
}

describe('cookieConsentDriver', () => {
  it("accepts all with acceptCategory('all') and hides the banner", async () => {
    const { fake, rec } = setUp()
    expect(await drive(cookieConsentDriver, { kind: 'accept-all' })).toEqual({ ok: true, detail: 'called CookieConsent.acceptCategory("all")' })
    expect(rec.last()).toEqual(decided(...OPTIONAL))
    expect(fake.bannerVisible()).toBe(false)
  })

  it('rejects all with acceptCategory([]): read-only categories stay', async () => {
    const { rec } = setUp()
    expect(await drive(cookieConsentDriver, { kind: 'reject-all' })).toEqual({ ok: true, detail: 'called CookieConsent.acceptCategory([])' })
    expect(rec.last()).toEqual(decided())
  })

  it('accepts exactly the chosen categories', async () => {
    await fc.assert(
      fc.asyncProperty(fc.subarray(OPTIONAL), async (chosen) => {
        const { rec } = setUp()
        expect((await drive(cookieConsentDriver, { kind: 'only', categories: chosen })).ok).toBe(true)
        expect(rec.last()).toEqual(decided(...chosen))
        rec.stop()
      }),
      { numRuns: 8 },
    )
  })

  it('refuses a category the config does not have', async () => {
    setUp()
    expect((await drive(cookieConsentDriver, { kind: 'only', categories: ['marketing'] })).detail).toBe(
      `cookieconsent has no category marketing (it has ${CC_CATEGORIES.join(', ')})`,
    )
  })

  it('resolves { ok: false } on a page without cookieconsent, or before run()', async () => {
    expect((await drive(cookieConsentDriver, { kind: 'accept-all' }, { timeoutMs: 30 })).detail).toMatch(/^cookieconsent \(window\.CookieConsent, after run\(\)\) was not there within 30 ms/)
    ;(globalThis as Record<string, unknown>).CookieConsent = cookieConsentFake().api
    expect((await drive(cookieConsentDriver, { kind: 'accept-all' }, { timeoutMs: 30 })).ok).toBe(false)
    // Before run() only the preferences can tell the categories.
    expect(await listCategories(cookieConsentDriver, { timeoutMs: 30 })).toEqual(CC_CATEGORIES)
  })

  it('lists the categories of the config', async () => {
    setUp()
    expect(await listCategories(cookieConsentDriver)).toEqual(CC_CATEGORIES)
  })
})
