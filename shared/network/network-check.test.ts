import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createMessage, type Diagnostic } from '../protocol/protocol'
import type { RoutingDecision } from '../routing/types'
import type { HarEntryLike } from './har-entry'
import { checkNetwork } from './network-check'

const T = Date.UTC(2024, 0, 1)
const har = (name: string): HarEntryLike[] => JSON.parse(readFileSync(resolve(import.meta.dirname, '../../test/fixtures/har', name), 'utf8')).log.entries

const decision = (destination: string, allowed: boolean, categories: string[]): RoutingDecision => ({
  destination,
  mode: destination === 'Segment.io' ? 'segment' : 'device',
  categories,
  allowed,
  reason: allowed ? 'consented' : 'missing-consent',
  missing: allowed ? [] : categories,
})

function pluginSession() {
  const event = (seq: number, at: number, ga: boolean) =>
    createMessage('sid', seq, 'event', {
      messageId: `m${seq}`,
      type: 'track',
      consent: { C0002: ga, C0004: false },
      status: 'decided',
      decisions: [decision('Segment.io', true, []), decision('Google Analytics 4 Web', ga, ['C0002']), decision('Facebook Pixel', false, ['C0004'])],
      outcomes: [],
    }, T + at)
  return [
    createMessage('sid', 0, 'settings', {
      destinations: [
        { destination: 'Segment.io', mode: 'segment', categories: [], hosts: ['http://127.0.0.1:4010/v1/'] },
        { destination: 'Google Analytics 4 Web', mode: 'device', categories: ['C0002'] },
        { destination: 'Facebook Pixel', mode: 'device', categories: ['C0004'] },
        { destination: 'Custom Pixel', mode: 'device', categories: ['C0004'], hosts: ['https://cdn.unknown-vendor.example/'] },
      ],
      allCategories: ['C0002', 'C0004'],
      hasConsentSettings: true,
    }, T),
    event(1, 1000, true),
    // Consent for C0002 revoked: GA is blocked from here on.
    event(2, 5000, false),
  ]
}

describe(checkNetwork, () => {
  it('flags vendor requests made while their destination was blocked, and Segment requests without consent', () => {
    const report = checkNetwork(har('plugin-session.har'), pluginSession())
    expect(report.findings.map((f) => [f.kind, f.destination ?? '', f.url])).toEqual([
      // Before any event: the state at load (the first decision) counts, and the pixel was blocked.
      ['leak', 'Facebook Pixel', 'https://connect.facebook.net/en_US/fbevents.js'],
      ['missing-consent', '', 'http://127.0.0.1:4010/v1/t'],
      ['missing-consent', '', 'https://api.segment.io/v1/b'],
      ['leak', 'Google Analytics 4 Web', 'https://region1.google-analytics.com/g/collect?v=2&tid=G-1'],
    ])
    expect(report.findings[2].reason).toMatch(/^1 of 2 event/)
    // Matched vendor requests: pixel, GA (allowed), GA (blocked), the custom host (no decision: not judged).
    expect(report.destinationRequests).toBe(4)
    // /v1/m (metrics) is not an event request.
    expect(report.segmentRequests).toBe(3)
  })

  it('finds nothing when the same traffic happens with consent', () => {
    const granted = pluginSession().map((m) =>
      m.kind === 'event' ? { ...m, decisions: m.decisions.map((d) => ({ ...d, allowed: true, reason: 'consented' as const, missing: [] })) } : m,
    )
    const leaks = checkNetwork(har('plugin-session.har'), granted).findings.filter((f) => f.kind === 'leak')
    expect(leaks).toEqual([])
  })

  it('uses predicted routing on pages without the plugin', () => {
    const messages = [
      createMessage('i', 0, 'inspector-settings', {
        instance: 'analytics-1',
        destinations: [{ destination: 'Google Analytics 4 Web', mode: 'device', categories: ['C0002'] }],
        allCategories: ['C0002'],
        hasConsentSettings: true,
      }, T),
      createMessage('i', 1, 'inspector-event', { instance: 'analytics-1', messageId: 'p1', type: 'page', consent: { C0002: false } }, T + 900),
    ]
    const report = checkNetwork(har('no-plugin.har'), messages)
    expect(report.findings).toEqual([
      expect.objectContaining({ kind: 'missing-consent', url: 'https://api.segment.io/v1/p' }),
      expect.objectContaining({ kind: 'leak', destination: 'Google Analytics 4 Web', reason: expect.stringContaining('predicted') }),
    ])
  })

  it('judges by what the plugin reported, not by the inspector hook\'s prediction of the same events', () => {
    const plugin = pluginSession()
    // The hook sees the plugin's instance too and, not knowing the mappings, predicts every destination allowed.
    const hook = [
      createMessage('page', 0, 'inspector-settings', {
        instance: 'analytics-1',
        destinations: [{ destination: 'Facebook Pixel', mode: 'device', categories: [] }, { destination: 'Google Analytics 4 Web', mode: 'device', categories: [] }],
        allCategories: [],
        hasConsentSettings: false,
      }, T),
      createMessage('page', 1, 'inspector-event', { instance: 'analytics-1', messageId: 'm1', type: 'track', consent: { C0002: true, C0004: false } }, T + 1000),
      // Not reported by the plugin, but the same instance: the plugin speaks for it too.
      createMessage('page', 2, 'inspector-event', { instance: 'analytics-1', messageId: 'other', type: 'track', consent: { C0002: true, C0004: false } }, T + 100),
    ]
    const leaks = (messages: Diagnostic[]) => checkNetwork(har('plugin-session.har'), messages).findings.filter((f) => f.kind === 'leak')
    const withHook = leaks([...plugin, ...hook])
    expect(withHook).toEqual(leaks(plugin))
    expect(withHook.map((f) => f.reason)).toEqual([
      'Facebook Pixel was blocked (missing-consent) when this request was made.',
      'Google Analytics 4 Web was blocked (missing-consent) when this request was made.',
    ])
  })

  it('judges nothing without messages, and never throws on odd bodies', () => {
    expect(checkNetwork(har('plugin-session.har'), []).findings.filter((f) => f.kind === 'leak')).toEqual([])
    const odd: HarEntryLike[] = [{ startedDateTime: 'not a date', request: { method: 'POST', url: 'https://api.segment.io/v1/t', postData: { text: '{not json' } } }]
    expect(checkNetwork(odd, []).segmentRequests).toBe(1)
  })
})
