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

  it('lists requests to a known vendor the page’s settings do not list as not judged, with a warning', () => {
    const pixel = 'https://connect.facebook.net/en_US/fbevents.js'
    const r = recording({ messages: pluginMessages({ C0002: true }), requests: [vendorRequest(T0 + 3000, pixel), vendorRequest(T0 + 3100, pixel)] })
    const s = scenarioReport(r, AUDIT_DEFAULTS)
    expect(s.leaks).toEqual([])
    expect(s.unjudged).toEqual([{ destination: 'Facebook Pixel', requests: 2, urls: [pixel], reason: 'not-in-settings' }])
    expect(s.warnings).toEqual(["2 request(s) to Facebook Pixel not judged: this page's settings do not list its destination. Give its categories with destinationCategories to have them judged."])
    const judged = scenarioReport(r, { ...AUDIT_DEFAULTS, destinationCategories: { 'Facebook Pixel': ['C0004'] } })
    expect(judged.leaks.map((l) => [l.kind, l.destination])).toEqual([['request', 'Facebook Pixel'], ['request', 'Facebook Pixel']])
    expect(judged.unjudged).toEqual([])
  })
})

describe('what a scenario could not prove', () => {
  it('lists requests to a destination the page has without categories as not judged (its rule allows it, but says nothing of consent)', () => {
    const settings = createMessage('sid', 20, 'settings', {
      destinations: [{ destination: 'Mapless Pixel', mode: 'device', categories: [], hosts: [`${HOST}/vendor/mapless/`] }], allCategories: ['C0002'], hasConsentSettings: true,
    }, T0 + 115)
    const s = scenarioReport(recording({ messages: [...pluginMessages({ C0002: true }), settings], requests: [vendorRequest(T0 + 3000, `${HOST}/vendor/mapless/t`)] }), AUDIT_DEFAULTS)
    expect(s.leaks).toEqual([])
    expect(s.unjudged).toMatchObject([{ destination: 'Mapless Pixel', requests: 1, reason: 'no-categories' }])
    const report = auditReport({ url: `${HOST}/`, startedAt: T0, finishedAt: T0, extension: true, notes: [] }, [s])
    expect(report.summary).toMatchObject({ verdict: 'not-judged', unjudged: 1 })
    expect(report.exitCode).toBe(3)
    expect(auditReport({ url: `${HOST}/`, startedAt: T0, finishedAt: T0, extension: true, notes: [], allowUnjudged: true }, [s]).exitCode).toBe(0)
  })

  it('calls out a guard that was created (it probed) but never registered (no hello)', () => {
    const orphan = createMessage('orphan', 0, 'probe', {}, T0 + 10)
    const s = scenarioReport(recording({ messages: [orphan, ...pluginMessages({ C0002: true })] }), AUDIT_DEFAULTS)
    expect(s.warnings.join('\n')).toMatch(/^A Consent Guard plugin was created on this page but never registered with analytics-next/)
    // The registered one (sid 'sid' said hello) is not called out.
    expect(scenarioReport(recording({ messages: [createMessage('sid', 99, 'probe', {}), ...pluginMessages({ C0002: true })] }), AUDIT_DEFAULTS).warnings).toEqual([])
  })

  it('says which side to update when the plugin speaks another protocol version', () => {
    const s = scenarioReport(recording({ greetings: [{ source: 'consent-guard', v: 2, sid: 'n', seq: 1, time: T0, kind: 'hello', pluginVersion: '2.0.0' }] }), AUDIT_DEFAULTS)
    expect(s.warnings.join('\n')).toContain("The page's Consent Guard plugin 2.0.0 speaks diagnostics protocol v2; this audit speaks v1. The plugin is newer: update this audit")
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
