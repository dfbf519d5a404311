import { AnalyticsBrowser, type Plugin } from '@segment/analytics-next'
import { afterEach, describe, expect, it } from 'vitest'
import { parseUntrustedMessage } from '../../shared/protocol/parse-message'
import type { Diagnostic, DiagnosticOf } from '../../shared/protocol/protocol'
import { chainInspectorAttach, type AttachHook, type InspectorGlobal } from './inspector-host'
import { createInspectorReporter, describeSettings } from './inspector-report'

// analytics-next took its reference to this object when its module ran (at import above).
const g = globalThis as unknown as InspectorGlobal
const host = g.__SEGMENT_INSPECTOR__!
afterEach(() => {
  delete host.attach
})

describe(chainInspectorAttach, () => {
  it('keeps the host object analytics-next already holds, and an existing hook', () => {
    const calls: string[] = []
    host.attach = () => void calls.push('existing')
    chainInspectorAttach(g, () => void calls.push('ours'))
    expect(g.__SEGMENT_INSPECTOR__).toBe(host)
    host.attach!({})
    expect(calls).toEqual(['ours', 'existing'])
  })

  it('keeps a hook assigned after ours (plain assignment or Object.assign)', () => {
    const calls: string[] = []
    chainInspectorAttach(g, () => void calls.push('ours'))
    Object.assign(host, { attach: () => 'later-result' })
    expect(host.attach!({})).toBe('later-result')
    host.attach = () => void calls.push('replaced')
    host.attach!({})
    expect(calls).toEqual(['ours', 'ours', 'replaced'])
  })

  it('never throws into the caller when our hook fails', () => {
    const other: AttachHook = () => 'ok'
    host.attach = other
    chainInspectorAttach(g, () => {
      throw new Error('inspector bug')
    })
    expect(host.attach!({})).toBe('ok')
  })

  it('creates the host when the hook runs first', () => {
    const fresh: InspectorGlobal = {}
    let seen: unknown
    chainInspectorAttach(fresh, (a) => (seen = a))
    fresh.__SEGMENT_INSPECTOR__!.attach!('instance')
    expect(seen).toBe('instance')
  })
})

const cdnSettings = {
  integrations: {
    'Segment.io': { apiKey: 'wk' },
    'Google Analytics 4 Web': { type: 'browser', bundlingStatus: 'bundled', consentSettings: { categories: ['C0002'] } },
    Mixpanel: { type: 'server', consentSettings: { categories: ['C0002', 'C0004'] } },
  },
  remotePlugins: [{ name: 'Braze Web Mode (Actions)', creationName: 'Braze Web Mode (Actions)', libraryName: 'b', url: 'https://cdn.example/braze.js', settings: {} }],
  consentSettings: { allCategories: ['C0002', 'C0004'], hasUnmappedDestinations: false },
}

/** Stands in for a CMP integration: stamps consent on one event, not on the other. */
const stamp: Plugin = {
  name: 'stamp',
  type: 'enrichment',
  version: '1',
  isLoaded: () => true,
  load: async () => {},
  track: (ctx) => {
    if (ctx.event.event !== 'No Consent') ctx.updateEvent('context.consent', { categoryPreferences: { C0002: true, C0004: false } })
    return ctx
  },
}

async function loadAnalytics() {
  const [analytics] = await AnalyticsBrowser.load(
    // Without remotePlugins here nothing is fetched; the hook still reads the settings as given.
    { writeKey: 'wk', cdnSettings: { ...cdnSettings, remotePlugins: [] } as never, plugins: [stamp] },
    { integrations: { 'Segment.io': false } },
  )
  return analytics
}

describe(createInspectorReporter, () => {
  it('reports settings and each event of a real analytics-next instance with its consent object', async () => {
    const posted: Diagnostic[] = []
    chainInspectorAttach(g, createInspectorReporter((m) => posted.push(m), 'inspector-sid'))
    const analytics = await loadAnalytics()
    await analytics.track('<img src=x onerror=alert(1)>', { price: 3 })
    await analytics.track('No Consent')
    await analytics.page()
    // Every message is valid protocol, so the relay will accept it.
    for (const m of posted) expect(parseUntrustedMessage(m)).toEqual(m)
    expect(posted.map((m) => [m.kind, m.seq, m.sid])).toEqual([
      ['inspector-settings', 0, 'inspector-sid'],
      ['inspector-event', 1, 'inspector-sid'],
      ['inspector-event', 2, 'inspector-sid'],
      ['inspector-event', 3, 'inspector-sid'],
    ])
    const [settings, first, second, page] = posted as [DiagnosticOf<'inspector-settings'>, ...DiagnosticOf<'inspector-event'>[]]
    expect(settings.destinations.map((d) => [d.destination, d.mode, d.categories])).toEqual([
      ['Segment.io', 'segment', []],
      ['Google Analytics 4 Web', 'device', ['C0002']],
      ['Mixpanel', 'cloud', ['C0002', 'C0004']],
    ])
    expect(first).toMatchObject({ instance: settings.instance, type: 'track', name: '<img src=x onerror=alert(1)>', consent: { C0002: true, C0004: false } })
    expect((first.payload as { properties: unknown }).properties).toEqual({ price: 3 })
    expect(first.messageId).toMatch(/^ajs-next-/)
    expect(second.consent).toBeNull()
    expect(page.type).toBe('page')
  })

  it('never breaks analytics-next, even when reporting throws', async () => {
    chainInspectorAttach(g, createInspectorReporter(() => {
      throw new Error('post failed')
    }, 's'))
    const analytics = await loadAnalytics()
    const ctx = await analytics.track('Still Works')
    expect(ctx.event.event).toBe('Still Works')
  })
})

describe(describeSettings, () => {
  it('names an action destination’s bundle as its host, and survives junk', () => {
    const d = describeSettings(cdnSettings)
    expect(d.destinations.find((x) => x.destination === 'Braze Web Mode (Actions)')).toEqual({
      destination: 'Braze Web Mode (Actions)',
      mode: 'device',
      categories: [],
      hosts: ['https://cdn.example/braze.js'],
    })
    expect(d).toMatchObject({ allCategories: ['C0002', 'C0004'], hasConsentSettings: true, hasUnmappedDestinations: false })
    expect(describeSettings(null)).toEqual({ destinations: [], allCategories: [], hasConsentSettings: false })
    expect(describeSettings({ integrations: 5 })).toEqual({ destinations: [], allCategories: [], hasConsentSettings: false })
  })
})
