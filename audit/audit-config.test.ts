import { describe, expect, it } from 'vitest'
import { parseConfig, parseSelectors, parseSteps, resolveOptions } from './audit-config'
import { DEFAULT_SCENARIOS } from './audit-options'

describe(parseSteps, () => {
  it('accepts the five step kinds', () => {
    const steps = [{ click: '#buy' }, { goto: '/cart' }, { waitFor: '.done' }, { track: 'Order Completed' }, { wait: 500 }]
    expect(parseSteps(steps)).toEqual(steps)
  })

  it.each([
    [{ click: '#a' }, /expected a list of steps/],
    [[{ click: '#a', goto: '/b' }], /one key/],
    [[{ hover: '#a' }], /unknown step "hover"/],
    [[{ click: '' }], /steps\[0\]\.click: expected a non-empty string/],
    [[{ wait: -1 }], /whole number of milliseconds/],
    [[{ wait: 60_000 }], /at most 30000 ms/],
  ])('refuses %j', (json, message) => {
    expect(() => parseSteps(json)).toThrow(message)
  })
})

describe(parseSelectors, () => {
  it('takes the banner selectors, with {id} in the category template', () => {
    expect(parseSelectors({ acceptAll: '#ok', category: '#toggle-{id}' })).toEqual({ acceptAll: '#ok', category: '#toggle-{id}' })
    expect(() => parseSelectors({ category: '#toggle' })).toThrow(/\{id\}/)
    expect(() => parseSelectors({ accept: '#ok' })).toThrow(/unknown key "accept"/)
  })
})

describe(parseConfig, () => {
  it('checks every field and refuses unknown ones', () => {
    expect(parseConfig({ destinationCookies: { 'Leaky Pixel': ['leaky_'] }, scenarios: ['reject-all', 'only:C0002'], timeoutMs: 1000 })).toEqual({
      destinationCookies: { 'Leaky Pixel': ['leaky_'] },
      scenarios: [{ kind: 'reject-all' }, { kind: 'only', categories: ['C0002'] }],
      timeoutMs: 1000,
    })
    expect(() => parseConfig({ destinationCookie: {} })).toThrow(/unknown option "destinationCookie"/)
    expect(() => parseConfig({ destinationHosts: { GA: 'x' } })).toThrow(/config\.destinationHosts\["GA"\]: expected a list of strings/)
    expect(() => parseConfig([])).toThrow(/expected an object, got an array/)
  })
})

describe(resolveOptions, () => {
  it('takes flags over the config file over the defaults', () => {
    const options = resolveOptions(
      { url: 'http://x/', json: true, headed: false, platform: 'cookiebot', timeoutMs: 2000 },
      { config: { platform: 'onetrust', settleMs: 3000, quietMs: 200, steps: [{ click: '#a' }] }, steps: [{ track: 'T' }] },
    )
    expect(options).toMatchObject({ platform: 'cookiebot', timeoutMs: 2000, settleMs: 3000, quietMs: 200, steps: [{ track: 'T' }], scenarios: DEFAULT_SCENARIOS, necessary: [], destinationHosts: {} })
  })

  it('watches at least 3 s after the last step unless told otherwise, and judges strictly by default', () => {
    expect(resolveOptions({ url: 'http://x/', json: false, headed: false })).toMatchObject({ observeMs: 3000, allowUnjudged: false })
    expect(resolveOptions({ url: 'http://x/', json: false, headed: false, observeMs: 5000 }, { config: { observeMs: 100, allowUnjudged: true } })).toMatchObject({ observeMs: 5000, allowUnjudged: true })
    expect(() => parseConfig({ allowUnjudged: 'yes' })).toThrow(/allowUnjudged: expected true or false/)
  })

  it('refuses a quiet time longer than the settle limit', () => {
    expect(() => resolveOptions({ url: 'http://x/', json: false, headed: false, quietMs: 5000, settleMs: 1000 })).toThrow(/--quiet/)
  })
})
