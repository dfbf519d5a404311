import { describe, expect, it } from 'vitest'
import { injectLeakyTag } from './leaky-tag'

describe(injectLeakyTag, () => {
  it('puts a vendor call and a cookie at the top of <head>, before any consent code', () => {
    const html = injectLeakyTag('<!doctype html><html><head><script src="/app.js"></script></head><body></body></html>', 'http://127.0.0.1:9')
    const head = html.slice(html.indexOf('<head>'), html.indexOf('</head>'))
    expect(head.indexOf("fetch(\"http://127.0.0.1:9/vendor/facebook-pixel/pageview\"")).toBeGreaterThan(0)
    expect(head.indexOf('_fbp=')).toBeLessThan(head.indexOf('/app.js'))
  })

  it('refuses a page it cannot place the tag in', () => {
    expect(() => injectLeakyTag('<p>no head</p>', 'http://127.0.0.1:9')).toThrow('without <head>')
  })
})
