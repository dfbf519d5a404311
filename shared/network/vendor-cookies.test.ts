import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { VENDOR_HOSTS } from './vendor-hosts'
import { attributeCookie, VENDOR_COOKIES } from './vendor-cookies'

describe(attributeCookie, () => {
  it('attributes common vendor cookies to their destinations', () => {
    expect(attributeCookie('_ga')).toEqual(['Google Analytics 4 Web'])
    expect(attributeCookie('_ga_ABC123')).toEqual(['Google Analytics 4 Web'])
    expect(attributeCookie('_fbp')).toEqual(['Facebook Pixel'])
    expect(attributeCookie('_uetsid')).toEqual(['Bing Ads'])
    expect(attributeCookie('ajs_anonymous_id')).toEqual(['Segment.io'])
    // Set by two destinations: both are candidates.
    expect(attributeCookie('_gcl_au')).toEqual(['Google Ads (Gtag)', 'Google Enhanced Conversions'])
  })

  it('leaves a site’s own cookies unattributed', () => {
    for (const name of ['session', 'cart_id', 'OptanonConsent', 'CookieConsent', 'ga', 'fbp', 'my_ga']) expect(attributeCookie(name)).toEqual([])
  })

  it('takes extra prefixes first, and never matches an empty prefix', () => {
    expect(attributeCookie('leaky_loaded', { 'Leaky Pixel': ['leaky_'] })).toEqual(['Leaky Pixel'])
    expect(attributeCookie('_fbp', { 'My Pixel': ['_fb'] })).toEqual(['My Pixel', 'Facebook Pixel'])
    expect(attributeCookie('anything', { Broken: [''] })).toEqual([])
  })

  it('matches exactly when some prefix starts the name (property)', () => {
    const prefixes = fc.array(fc.string({ minLength: 1, maxLength: 4 }), { maxLength: 4 })
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), prefixes, (name, list) => {
        const found = attributeCookie(name, { X: list }, {})
        expect(found).toEqual(list.some((p) => name.startsWith(p)) ? ['X'] : [])
      }),
    )
  })

  it('names destinations the way the host table does (one vocabulary)', () => {
    const unknown = Object.keys(VENDOR_COOKIES).filter((d) => d !== 'Segment.io' && !(d in VENDOR_HOSTS))
    expect(unknown).toEqual([])
  })
})
