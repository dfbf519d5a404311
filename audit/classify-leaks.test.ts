import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createMessage } from '../shared/protocol/protocol'
import { classifyLeaks } from './classify-leaks'
import { consentTruth } from './consent-truth'
import type { ScenarioRecording } from './recording'
import { segmentPrefixes } from './segment-traffic'
import { planned } from './scenario-spec'
import { AUDIT_DEFAULTS, HOST, T0, cookies, pluginMessages, recording, segmentRequest, vendorRequest } from './testing/recording-fixtures'

const ALL = { C0001: true, C0002: true, C0004: true }
const NONE = { C0001: true, C0002: false, C0004: false }

function classify(r: ScenarioRecording, options = {}) {
  const merged = { ...AUDIT_DEFAULTS, ...options }
  const truth = consentTruth(r, merged)
  return classifyLeaks(r, truth, segmentPrefixes(r.requests, r.messages), merged)
}
const summary = (r: ScenarioRecording, options = {}) => classify(r, options).leaks.map((l) => [l.kind, l.destination, l.url ?? l.cookie])

describe(classifyLeaks, () => {
  it('flags a vendor request made before the visitor decided, even when consent came later', () => {
    const r = recording({ messages: pluginMessages(ALL), requests: [vendorRequest(T0 + 500), vendorRequest(T0 + 3000)] })
    expect(summary(r)).toEqual([['request', 'Ads Pixel', `${HOST}/vendor/ads/track`]])
    expect(classify(r).leaks[0]).toMatchObject({ scenario: 'accept-all', time: T0 + 500, reason: expect.stringContaining('pending') })
  })

  it('flags a vendor request after "reject all", whatever the plugin says it decided', () => {
    const r = recording({
      scenario: planned({ kind: 'reject-all' }),
      messages: [
        ...pluginMessages(NONE),
        // A buggy plugin reporting the destination as allowed: the audit judges by the consent, not by this.
        createMessage('sid', 9, 'event', { messageId: 'e1', type: 'track', consent: ALL, status: 'decided', decisions: [{ destination: 'Ads Pixel', mode: 'device', categories: ['C0004'], allowed: true, reason: 'consented', missing: [] }], outcomes: [] }, T0 + 2900),
      ],
      requests: [vendorRequest(T0 + 3000)],
    })
    expect(summary(r)).toEqual([['request', 'Ads Pixel', `${HOST}/vendor/ads/track`]])
    expect(classify(r).leaks[0].reason).toContain('missing-consent')
  })

  it('flags Segment payloads without a consent object, and events sent to Segment while consent was pending', () => {
    const r = recording({ messages: pluginMessages(ALL), requests: [segmentRequest(T0 + 500, 'Early', NONE), segmentRequest(T0 + 3000, 'Bare'), segmentRequest(T0 + 3100, 'Fine', ALL)] })
    expect(summary(r)).toEqual([
      ['before-decision', 'Segment.io', `${HOST}/v1/t`],
      ['missing-consent', 'Segment.io', `${HOST}/v1/t`],
    ])
    expect(classify(r).leaks[0].reason).toMatch(/1 event\(s\) \[Early\] sent to Segment while the plugin reported consent as pending/)
  })

  it('lets events through before a decision under opt-out', () => {
    const messages = pluginMessages(ALL).map((m) => (m.kind === 'consent' ? { ...m, state: { ...m.state, model: 'opt-out' as const } } : m))
    const r = recording({ messages, requests: [segmentRequest(T0 + 500, 'Early', ALL), vendorRequest(T0 + 600)] })
    expect(summary(r)).toEqual([])
  })

  it('applies the site’s GPC rule: a denied category’s vendor is a leak with reason gpc', () => {
    const r = recording({ scenario: planned({ kind: 'accept-all' }, true), messages: pluginMessages(ALL, T0 + 2000, { gpc: true }), requests: [vendorRequest(T0 + 3000)] })
    expect(summary(r)).toEqual([['request', 'Ads Pixel', `${HOST}/vendor/ads/track`]])
    expect(classify(r).leaks[0].reason).toContain('(gpc)')
  })

  it('attributes cookies to destinations and judges each when first seen', () => {
    const r = recording({
      messages: pluginMessages(ALL),
      cookies: [cookies('before-consent', T0 + 1800, '_ga', 'ajs_anonymous_id', 'session'), cookies('end', T0 + 9000, '_ga', '_gid', '_fbp', 'ads_uid')],
    })
    const result = classify(r, { destinationCookies: { 'Ads Pixel': ['ads_'] } })
    expect(result.cookies.map((c) => [c.name, c.checkpoint, c.verdict])).toEqual([
      ['_ga', 'before-consent', 'leak'],
      ['ajs_anonymous_id', 'before-consent', 'segment'],
      ['session', 'before-consent', 'unattributed'],
      ['_gid', 'end', 'allowed'],
      // Facebook is not a destination of this page: attributed, but nothing to judge it by.
      ['_fbp', 'end', 'not-judged'],
      ['ads_uid', 'end', 'allowed'],
    ])
    expect(result.leaks).toEqual([expect.objectContaining({ kind: 'cookie', destination: 'Google Analytics 4 Web', cookie: '_ga', reason: expect.stringContaining('before the driver acted') })])
  })

  it('judges a page without the plugin by the scenario the driver applied', () => {
    const inspectorSettings = createMessage('hook', 0, 'inspector-settings', {
      instance: 'analytics-1',
      destinations: [{ destination: 'Google Analytics 4 Web', mode: 'device', categories: ['C0002'] }, { destination: 'Segment.io', mode: 'segment', categories: [] }],
      allCategories: ['C0002', 'C0004'],
      hasConsentSettings: true,
    }, T0 + 100)
    const ga = (t: number) => vendorRequest(t, 'https://region1.google-analytics.com/g/collect?v=2')
    const base = { messages: [inspectorSettings], requests: [ga(T0 + 500), ga(T0 + 3000), segmentRequest(T0 + 3000, 'After', { C0002: true })] }
    expect(summary(recording({ ...base, scenario: planned({ kind: 'only', categories: ['C0002'] }) }))).toEqual([['request', 'Google Analytics 4 Web', 'https://region1.google-analytics.com/g/collect?v=2']])
    expect(summary(recording({ ...base, scenario: planned({ kind: 'reject-all' }) })).map((l) => l[0])).toEqual(['request', 'request'])
    // --necessary: a category the platform keeps on after reject-all.
    expect(summary(recording({ ...base, scenario: planned({ kind: 'reject-all' }) }), { necessary: ['C0002'] })).toHaveLength(1)
  })

  it('leaks exactly the vendor requests made before consent or without the category (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 8000 }), { maxLength: 12 }),
        fc.boolean(),
        fc.integer({ min: 1000, max: 5000 }),
        (times, adsGranted, decidedAt) => {
          const r = recording({ messages: pluginMessages({ C0001: true, C0002: true, C0004: adsGranted }, T0 + decidedAt), requests: times.map((t) => vendorRequest(T0 + t)) })
          const leaked = classify(r).leaks.map((l) => l.time - T0)
          expect(leaked).toEqual(times.filter((t) => t < decidedAt || !adsGranted).sort((a, b) => a - b))
        },
      ),
    )
  })
})
