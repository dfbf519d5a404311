import { describe, expect, it } from 'vitest'
import { createMessage } from '../shared/protocol/protocol'
import { auditReport } from './audit-report'
import { scenarioReport } from './scenario-report'
import { AUDIT_DEFAULTS, HOST, T0, pluginMessages, recording, segmentRequest, vendorRequest } from './testing/recording-fixtures'

const GRANTED = { C0002: true, C0004: false }

describe(scenarioReport, () => {
  it('merges what the network saw with what the plugin reported, per event and per destination', () => {
    const sent = segmentRequest(T0 + 3000, 'Order Completed', GRANTED)
    const messageId = JSON.parse(sent.postData!).messageId as string
    const r = recording({
      messages: [
        ...pluginMessages({ C0001: true, ...GRANTED }),
        createMessage('sid', 10, 'event', {
          messageId, type: 'track', name: 'Order Completed', consent: GRANTED, status: 'decided', decisions: [],
          outcomes: [{ destination: 'Segment.io', outcome: 'delivered' }, { destination: 'Google Analytics 4 Web', outcome: 'delivered' }, { destination: 'Ads Pixel', outcome: 'blocked' }],
        }, T0 + 3001),
        createMessage('sid', 11, 'event', { messageId: 'held', type: 'track', name: 'Dropped', consent: {}, status: 'pending', decisions: [], outcomes: [], dropped: 'dropped from the hold' }, T0 + 3002),
        createMessage('sid', 12, 'destination', { action: 'loaded-without-consent', destination: 'Ads Pixel', destinations: ['Ads Pixel'] }, T0 + 200),
      ],
      requests: [sent, vendorRequest(T0 + 3100, 'https://region1.google-analytics.com/g/collect')],
      steps: [{ step: { click: '#buy' }, ok: false, detail: 'timeout', time: T0 + 2500 }],
      errors: ['step failed: click: timeout'],
    })
    const s = scenarioReport(r, AUDIT_DEFAULTS)
    expect(s.events).toEqual([
      { messageId, type: 'track', name: 'Order Completed', consent: GRANTED, sentToSegment: true, delivered: ['Segment.io', 'Google Analytics 4 Web'], blocked: ['Ads Pixel'], source: 'plugin' },
      { messageId: 'held', type: 'track', name: 'Dropped', consent: {}, sentToSegment: false, delivered: [], blocked: [], dropped: 'dropped from the hold', source: 'plugin' },
    ])
    expect(s.destinations.map((d) => [d.destination, d.allowed, d.delivered, d.blocked, d.requests])).toEqual([
      ['Segment.io', true, 1, 0, 1],
      ['Google Analytics 4 Web', true, 1, 0, 1],
      ['Ads Pixel', false, 0, 1, 0],
    ])
    expect(s).toMatchObject({ mode: 'plugin', status: 'incomplete', steps: [{ step: 'click #buy', ok: false, detail: 'timeout' }], consent: { status: 'decided', categories: { C0001: true, ...GRANTED } } })
    expect(s.notes.join('\n')).toContain('destination code that ran without consent: Ads Pixel')
  })

  it('notes requests to a known vendor the page’s settings do not list, which it cannot judge', () => {
    const r = recording({ messages: pluginMessages({ C0002: true }), requests: [vendorRequest(T0 + 3000, 'https://connect.facebook.net/en_US/fbevents.js')] })
    const s = scenarioReport(r, AUDIT_DEFAULTS)
    expect(s.leaks).toEqual([])
    expect(s.notes.join('\n')).toContain('Requests to the hosts of Facebook Pixel, which this page')
    const judged = scenarioReport(r, { ...AUDIT_DEFAULTS, destinationCategories: { 'Facebook Pixel': ['C0004'] } })
    expect(judged.leaks.map((l) => [l.kind, l.destination])).toEqual([['request', 'Facebook Pixel']])
  })
})

describe(auditReport, () => {
  const scenario = (leak: boolean, incomplete: boolean) =>
    scenarioReport(recording({ messages: pluginMessages({ C0004: false }), requests: leak ? [vendorRequest(T0 + 3000)] : [], errors: incomplete ? ['the driver failed'] : [] }), AUDIT_DEFAULTS)
  const exit = (...scenarios: ReturnType<typeof scenario>[]) => auditReport({ url: `${HOST}/`, startedAt: T0, finishedAt: T0, extension: true, notes: [] }, scenarios).exitCode

  it('exits 1 on any leak, else 2 when a scenario is incomplete (or none ran), else 0', () => {
    expect(exit(scenario(false, false))).toBe(0)
    expect(exit(scenario(false, false), scenario(true, false))).toBe(1)
    expect(exit(scenario(true, false), scenario(false, true))).toBe(1)
    expect(exit(scenario(false, true))).toBe(2)
    expect(exit()).toBe(2)
  })
})

describe('scenarioReport and the shared session index', () => {
  it("reports a second analytics instance without the plugin, but never the plugin's own instance twice", () => {
    const settings = createMessage('hook', 0, 'inspector-settings', {
      instance: 'analytics-2', destinations: [{ destination: 'Ads Pixel', mode: 'device', categories: ['C0004'] }], allCategories: ['C0004'], hasConsentSettings: true,
    }, T0 + 50)
    const r = recording({
      messages: [
        ...pluginMessages({ C0001: true, ...GRANTED }),
        createMessage('sid', 10, 'event', { messageId: 'm-plugin', type: 'track', name: 'Via plugin', consent: GRANTED, status: 'decided', decisions: [], outcomes: [] }, T0 + 3001),
        createMessage('hook', 1, 'inspector-event', { instance: 'analytics-1', messageId: 'm-plugin', type: 'track', name: 'Via plugin', consent: GRANTED }, T0 + 3002),
        createMessage('hook', 2, 'inspector-event', { instance: 'analytics-1', messageId: 'm-plugin-2', type: 'track', name: 'Plugin instance, unmatched', consent: GRANTED }, T0 + 3003),
        settings,
        createMessage('hook', 3, 'inspector-event', { instance: 'analytics-2', messageId: 'm-other', type: 'track', name: 'Second instance', consent: { C0004: false } }, T0 + 3004),
      ],
    })
    const s = scenarioReport(r, AUDIT_DEFAULTS)
    expect(s.events.map((e) => [e.name, e.source, e.blocked])).toEqual([
      ['Via plugin', 'plugin', []],
      ['Second instance', 'inspector', ['Ads Pixel']],
    ])
  })
})
