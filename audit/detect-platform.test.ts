import { afterEach, describe, expect, it } from 'vitest'
import { createMessage } from '../shared/protocol/protocol'
import { driverFor, pagePlatforms, platformFromMessages } from './detect-platform'

const w = window as unknown as Record<string, unknown>
const added: string[] = []
const set = (name: string, value: unknown) => {
  added.push(name)
  w[name] = value
}
afterEach(() => {
  for (const name of added.splice(0)) delete w[name]
})

// The copy playwright runs: the function's source text, with nothing from this module around it.
const inPage = new Function(`return (${pagePlatforms.toString()})`)() as typeof pagePlatforms

describe(pagePlatforms, () => {
  it('finds nothing on a page without a consent platform', () => {
    expect(inPage()).toEqual([])
  })

  it('lists platforms by their globals, the specific one before the IAB APIs it also exposes', () => {
    set('__tcfapi', () => undefined)
    set('OneTrust', { geolocationResponse: {} })
    expect(inPage()).toEqual(['onetrust', 'tcf'])
  })

  it('tells Cookiebot (which also defines window.CookieConsent) from cookieconsent v3', () => {
    set('Cookiebot', { consent: {} })
    set('CookieConsent', { consent: {} })
    expect(inPage()).toEqual(['cookiebot'])
    w.CookieConsent = { acceptCategory: () => undefined }
    delete w.Cookiebot
    expect(inPage()).toEqual(['cookieconsent'])
  })

  it('recognises Google Consent Mode from gtag consent entries in the dataLayer', () => {
    set('dataLayer', [{ event: 'gtm.js' }, ['consent', 'default', { ad_storage: 'denied' }]])
    expect(inPage()).toEqual(['google-consent-mode'])
  })
})

describe(platformFromMessages, () => {
  it('takes the platform the plugin’s consent source is named after, when a driver exists for it', () => {
    const consent = (cmp: string) => createMessage('s', 1, 'consent', { cmp, state: { status: 'pending', categories: {}, source: cmp }, preferences: {} })
    expect(platformFromMessages([consent('custom'), consent('cookiebot')])).toBe('cookiebot')
    expect(platformFromMessages([consent('custom')])).toBeUndefined()
  })
})

describe(driverFor, () => {
  it('names the known drivers when asked for an unknown one', () => {
    expect(driverFor('onetrust').platform).toBe('onetrust')
    expect(() => driverFor('truste')).toThrow(/no driver for "truste" \(known: onetrust, /)
  })
})
