import { describe, expect, it } from 'vitest'
import { problems, record, wipeAfter } from '../../test/fakes/adapter-harness'
import { cookieConsentFake } from '../../test/fakes/cookie-consent-fake'
import { realCookieConsent } from '../../test/unit/support/real-consent-libraries'
import { cookieConsent } from './cookie-consent'
import { listenerErrors } from '../../test/unit/support/listener-errors'

describe(cookieConsent, () => {
  it('reads a stored consent when cookieconsent ran before the plugin (not explicit)', () => {
    cookieConsentFake({ stored: ['analytics'] }).load()
    expect(cookieConsent().read()).toEqual({
      status: 'decided',
      categories: { necessary: true, analytics: true, ads: false },
      explicit: false,
      model: 'opt-in',
      source: 'cookieconsent',
    })
  })

  it('is pending before a choice, with the mode as model', () => {
    wipeAfter('CookieConsent')
    expect(cookieConsent().read()).toEqual({ status: 'pending', categories: {}, source: 'cookieconsent' })
    cookieConsentFake({ mode: 'opt-out' }).load()
    expect(cookieConsent().read()).toEqual({ status: 'pending', categories: { necessary: true, analytics: true, ads: true }, model: 'opt-out', source: 'cookieconsent' })
  })

  it('follows cookieconsent loading after the plugin, the first choice and changes', () => {
    const fake = cookieConsentFake()
    const rec = record(cookieConsent())
    fake.load()
    expect(rec.states).toEqual([])
    fake.choose(['ads'])
    expect(rec.last()).toEqual({ status: 'decided', categories: { necessary: true, analytics: false, ads: true }, explicit: true, model: 'opt-in', source: 'cookieconsent' })
    fake.choose(['analytics'])
    expect(rec.last()).toMatchObject({ categories: { analytics: true, ads: false }, explicit: true })
  })

  it('delivers the stored choice of a returning visitor when cookieconsent runs later, not explicit', () => {
    const fake = cookieConsentFake({ stored: [] })
    const rec = record(cookieConsent())
    fake.load()
    expect(rec.states).toEqual([{ status: 'decided', categories: { necessary: true, analytics: false, ads: false }, explicit: false, model: 'opt-in', source: 'cookieconsent' }])
  })

  it('uses an API passed in, for sites that import the module instead of the UMD global', () => {
    const fake = cookieConsentFake({ stored: ['ads'] })
    expect(cookieConsent({ api: fake.api }).read()).toMatchObject({ status: 'decided', categories: { ads: true } })
  })

  it('delivers once per event: the first choice fires two, a change one, the same choice none', () => {
    const fake = cookieConsentFake()
    fake.load()
    const rec = record(cookieConsent())
    fake.choose('all')
    expect(rec.states.length).toBe(2)
    fake.choose(['analytics'])
    expect(rec.states.length).toBe(3)
    fake.choose(['analytics'])
    expect(rec.states.length).toBe(3)
  })

  it('stops delivering after unsubscribe', () => {
    const fake = cookieConsentFake()
    fake.load()
    const rec = record(cookieConsent())
    rec.stop()
    fake.choose('all')
    expect(rec.states).toEqual([])
  })

  it("never throws on Cookiebot's old CookieConsent global or a throwing API: pending plus a reported problem", () => {
    const seen = problems()
    wipeAfter('CookieConsent')
    const g = globalThis as Record<string, unknown>
    g.CookieConsent = { consent: { marketing: true }, hasResponse: true }
    expect(cookieConsent().read().status).toBe('pending')
    const fake = cookieConsentFake()
    fake.load()
    fake.api.getUserPreferences = () => {
      throw new Error('cc exploded')
    }
    const rec = record(cookieConsent())
    expect(listenerErrors(() => window.dispatchEvent(new CustomEvent('cc:onChange')))).toEqual([])
    expect(rec.last()?.status).toBe('pending')
    expect(seen.map(([, text]) => text)).toEqual(['CookieConsent has no validConsent() / getUserPreferences() (not cookieconsent v3?)', 'cc exploded'])
  })
})

describe('cookieConsent() against the real cookieconsent v3 (vanilla-cookieconsent)', () => {
  it('is pending for a new visitor, explicit after the first choice, and follows a change', async () => {
    const library = await realCookieConsent(['analytics', 'ads'])
    const rec = record(cookieConsent())
    expect(cookieConsent().read()).toMatchObject({ status: 'pending', model: 'opt-in' })
    library.choose(['analytics'])
    expect(rec.last()).toEqual({ status: 'decided', categories: { necessary: true, analytics: true, ads: false }, explicit: true, model: 'opt-in', source: 'cookieconsent' })
    library.choose(['analytics', 'ads'])
    expect(rec.last()?.categories).toEqual({ necessary: true, analytics: true, ads: true })
  })

  it("reads a returning visitor's stored choice as decided, not explicit", async () => {
    ;(await realCookieConsent(['analytics', 'ads'])).choose(['ads'])
    const rec = record(cookieConsent())
    await realCookieConsent(['analytics', 'ads'], { returning: true })
    expect(rec.last()).toEqual({ status: 'decided', categories: { necessary: true, analytics: false, ads: true }, explicit: false, model: 'opt-in', source: 'cookieconsent' })
  })
})
