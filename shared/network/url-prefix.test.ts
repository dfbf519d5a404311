import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseUrl, pathBelow, pathUnder, urlMatches } from './url-prefix'

describe(urlMatches, () => {
  it('matches scheme-less prefixes on http and https, scheme prefixes exactly', () => {
    expect(urlMatches('https://connect.facebook.net/x.js', 'connect.facebook.net/')).toBe(true)
    expect(urlMatches('http://connect.facebook.net/x.js', 'connect.facebook.net/')).toBe(true)
    expect(urlMatches('https://127.0.0.1:4010/v1/t', 'http://127.0.0.1:4010/v1/')).toBe(false)
    expect(urlMatches('http://127.0.0.1:4010/v1/t', 'http://127.0.0.1:4010/v1/')).toBe(true)
    expect(urlMatches('anything', '')).toBe(false)
    expect(urlMatches('not a url', 'connect.facebook.net/')).toBe(false)
  })

  it('matches a path prefix on segment boundaries only', () => {
    expect(urlMatches('https://www.facebook.com/tr', 'www.facebook.com/tr')).toBe(true)
    expect(urlMatches('https://www.facebook.com/tr?id=1&ev=PageView', 'www.facebook.com/tr')).toBe(true)
    expect(urlMatches('https://www.facebook.com/tr/', 'www.facebook.com/tr')).toBe(true)
    expect(urlMatches('https://www.facebook.com/tr/x', 'www.facebook.com/tr')).toBe(true)
    expect(urlMatches('https://www.facebook.com/travel', 'www.facebook.com/tr')).toBe(false)
    expect(urlMatches('https://www.facebook.com/trx?tr', 'www.facebook.com/tr')).toBe(false)
    expect(urlMatches('https://www.googletagmanager.com/gtag/js?id=G-1', 'www.googletagmanager.com/gtag/')).toBe(true)
    expect(urlMatches('https://www.googletagmanager.com/gtagger.js', 'www.googletagmanager.com/gtag/')).toBe(false)
    expect(urlMatches('https://www.googletagmanager.com/gtag', 'www.googletagmanager.com/gtag/')).toBe(false)
    expect(urlMatches('https://sc-static.net/scevent.min.js', 'sc-static.net/scevent.min.js')).toBe(true)
    expect(urlMatches('https://sc-static.net/scevent.min.jsx', 'sc-static.net/scevent.min.js')).toBe(false)
  })

  it('matches the host exactly: no near-miss host, no host in the path or the user part', () => {
    expect(urlMatches('https://connect.facebook.net.evil.example/x.js', 'connect.facebook.net/')).toBe(false)
    expect(urlMatches('https://evilconnect.facebook.net/x.js', 'connect.facebook.net/')).toBe(false)
    expect(urlMatches('https://xconnect.facebook.net/x.js', 'connect.facebook.net')).toBe(false)
    expect(urlMatches('https://evil.example/connect.facebook.net/', 'connect.facebook.net/')).toBe(false)
    expect(urlMatches('https://connect.facebook.net@evil.example/', 'connect.facebook.net/')).toBe(false)
    expect(urlMatches('https://api.segment.io.evil.example/v1/t', 'api.segment.io/v1/')).toBe(false)
    expect(urlMatches('https://CONNECT.Facebook.NET/x.js', 'connect.facebook.net/')).toBe(true)
  })

  it('matches subdomains only with a *. prefix, and never the bare domain then', () => {
    expect(urlMatches('https://a.hotjar.com/x', '*.hotjar.com/')).toBe(true)
    expect(urlMatches('https://a.b.hotjar.com/x', '*.hotjar.com')).toBe(true)
    expect(urlMatches('https://hotjar.com/x', '*.hotjar.com/')).toBe(false)
    expect(urlMatches('https://nothotjar.com/x', '*.hotjar.com/')).toBe(false)
    expect(urlMatches('https://a.hotjar.com/x', 'hotjar.com/')).toBe(false)
  })

  it('compares ports: none given means the default one', () => {
    expect(urlMatches('https://api.segment.io:8443/v1/t', 'api.segment.io/v1/')).toBe(false)
    expect(urlMatches('https://api.segment.io:443/v1/t', 'api.segment.io/v1/')).toBe(true)
    expect(urlMatches('http://127.0.0.1:4010/seg/p', '127.0.0.1:4010/seg')).toBe(true)
    expect(urlMatches('http://127.0.0.1:4011/seg/p', '127.0.0.1:4010/seg')).toBe(false)
  })
})

describe(parseUrl, () => {
  it('gives what the text gives: a URL parsed once matches every prefix as its text does (property)', () => {
    const part = fc.constantFrom('', 'a', 'tr', 'travel', 'v1', 't', 'gtag')
    const host = fc.constantFrom('connect.facebook.net', 'www.facebook.com', 'x.facebook.com', '127.0.0.1:4010', '127.0.0.1:4011', 'facebook.com')
    const url = fc.tuple(fc.constantFrom('http', 'https', 'ftp'), host, fc.array(part, { maxLength: 3 })).map(([scheme, h, path]) => `${scheme}://${h}/${path.join('/')}`)
    const prefix = fc.tuple(fc.constantFrom('', 'https://', '//'), fc.constantFrom('*.facebook.com', ...['connect.facebook.net', 'www.facebook.com', '127.0.0.1:4010']), fc.array(part, { maxLength: 2 }), fc.boolean())
      .map(([scheme, h, path, slash]) => `${scheme}${h}${path.length ? `/${path.join('/')}` : ''}${slash ? '/' : ''}`)
    fc.assert(
      fc.property(fc.oneof(url, fc.constantFrom('not a url', '')), prefix, (text, p) => {
        const parsed = parseUrl(text)
        if (parsed) expect(pathBelow(parsed, p)).toBe(pathBelow(text, p))
        else expect(urlMatches(text, p)).toBe(false)
      }),
      { numRuns: 1000 },
    )
  })
})

describe(pathUnder, () => {
  it('treats / and the empty path as everything', () => {
    expect(pathUnder('/anything', '/')).toBe(true)
    expect(pathUnder('/anything', '')).toBe(true)
  })
})
