import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Diagnostic } from '../shared/protocol/protocol'
import { consentGuard } from './consent-guard'
import { actionFactory, cdnSettings, interceptSegment, loadAnalytics, recordingDestination, tracked } from '../test/unit/support/analytics-harness'
import { controlledSource } from '../test/unit/support/controlled-source'

afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

const decided = (categories: Record<string, boolean>) => ({ status: 'decided' as const, categories, source: 'test' })

describe(consentGuard, () => {
  it('stamps the effective preferences on every Segment payload, over CMP, allCategories and mapped categories', async () => {
    const requests = interceptSegment()
    const cmp = controlledSource(decided({ C0001: true, C0002: false }))
    const guard = consentGuard({ cmp: cmp.source, integrationCategoryMappings: { Local: ['C0009'] } })
    const settings = cdnSettings({ cloud: { Mixpanel: ['C0001'], Braze: ['C0003'] } })
    const { analytics } = await loadAnalytics(settings, [guard])
    await analytics.track('One')
    await analytics.page()
    await vi.waitFor(() => expect(requests.length).toBe(2))
    for (const r of requests) {
      expect(r.body.context.consent.categoryPreferences).toEqual({ C0001: true, C0002: false, C0003: false, C0009: false })
    }
  })

  it('keeps other context.consent keys', async () => {
    const requests = interceptSegment()
    const guard = consentGuard({ cmp: controlledSource(decided({ A: true })).source })
    const { analytics } = await loadAnalytics(cdnSettings({ cloud: { X: ['A'] } }), [guard])
    await analytics.track('One', {}, { context: { consent: { region: 'EU' } } } as never)
    await vi.waitFor(() => expect(tracked(requests)).toHaveLength(1))
    expect(tracked(requests)[0].context.consent).toEqual({ region: 'EU', categoryPreferences: { A: true } })
  })

  it('delivers to a device-mode destination (action or local) only with consent, switching on the very next event', async () => {
    interceptSegment()
    const calls: string[] = []
    const cmp = controlledSource(decided({ Ads: false, Analytics: true }))
    const guard = consentGuard({ cmp: cmp.source, integrationCategoryMappings: { Local: ['Ads'] } })
    const settings = cdnSettings({ action: { 'Actions Amp': ['Analytics'], 'Actions Ads': ['Ads'] } })
    const { analytics } = await loadAnalytics(settings, [
      guard,
      actionFactory('Actions Amp Remote', 'amp', calls),
      actionFactory('Actions Ads Remote', 'ads', calls),
      recordingDestination('Local', calls),
    ])
    await analytics.track('First')
    expect(calls.sort()).toEqual(['amp:First'])

    calls.length = 0
    cmp.decide({ Ads: true, Analytics: true })
    await analytics.track('Granted')
    const ours = () => calls.filter((c) => !c.endsWith('Segment Consent Preference Updated')).sort()
    expect(ours()).toEqual(['Local:Granted', 'ads:Granted', 'amp:Granted'])

    calls.length = 0
    cmp.decide({ Ads: true, Analytics: false })
    await analytics.track('Revoked')
    expect(ours()).toEqual(['Local:Revoked', 'ads:Revoked'])
  })

  it('blocks a destination plugin the site registers after load', async () => {
    interceptSegment()
    const calls: string[] = []
    const guard = consentGuard({ cmp: controlledSource(decided({ Ads: false })).source, integrationCategoryMappings: { Late: ['Ads'] } })
    const { analytics } = await loadAnalytics(cdnSettings({}), [guard])
    await analytics.register(recordingDestination('Late', calls))
    await analytics.track('After')
    expect(calls).toEqual([])
    expect(guard.routing().find((d) => d.destination === 'Late')).toMatchObject({ allowed: false, reason: 'missing-consent', missing: ['Ads'] })
  })

  it('applies the unmapped policy to local destinations without a mapping', async () => {
    interceptSegment()
    const calls: string[] = []
    const guard = consentGuard({ cmp: controlledSource(decided({})).source, unmappedDestinations: 'block' })
    const { analytics } = await loadAnalytics(cdnSettings({}), [guard, recordingDestination('Bare', calls)])
    await analytics.track('X')
    expect(calls).toEqual([])
    expect(guard.routing().find((d) => d.destination === 'Bare')?.reason).toBe('unmapped-blocked')
  })

  it("does not send to Segment.io when no category in allCategories counts, yet sends the consent change event", async () => {
    const requests = interceptSegment()
    const cmp = controlledSource({ status: 'pending' })
    const guard = consentGuard({ cmp: cmp.source })
    const { analytics } = await loadAnalytics(cdnSettings({ cloud: { Mixpanel: ['C0002'] } }), [guard])
    const held = analytics.track('Held')
    cmp.decide({ C0002: false })
    await held
    await analytics.track('Rejected')
    await vi.waitFor(() => expect(tracked(requests).map((e) => e.event)).toEqual(['Segment Consent Preference Updated']))
    expect(tracked(requests)[0].context.consent.categoryPreferences).toEqual({ C0002: false })
    expect(guard.routing().find((d) => d.destination === 'Segment.io')).toMatchObject({ allowed: false, reason: 'missing-consent' })
  })

  it('sends the consent change event only when the decided categories really change', async () => {
    const requests = interceptSegment()
    const cmp = controlledSource({ status: 'pending' })
    const guard = consentGuard({ cmp: cmp.source })
    const { analytics } = await loadAnalytics(cdnSettings({ cloud: { M: ['A'] } }), [guard])
    cmp.decide({ A: true })
    cmp.decide({ A: true }) // same choice again
    cmp.decide({ A: true }, { explicit: false }) // same categories, other flags
    cmp.decide({ A: false })
    await analytics.track('Done')
    const names = () => tracked(requests).map((e) => [e.event, e.context.consent.categoryPreferences.A])
    await vi.waitFor(() => expect(names()).toContainEqual(['Segment Consent Preference Updated', false]))
    expect(names()).toEqual([
      ['Segment Consent Preference Updated', true],
      ['Segment Consent Preference Updated', false],
    ])
  })

  it("sends nothing for a returning visitor's stored choice", async () => {
    const requests = interceptSegment()
    const cmp = controlledSource(decided({ A: true }))
    const guard = consentGuard({ cmp: { ...cmp.source, read: () => ({ ...decided({ A: true }), explicit: true }) } })
    const { analytics } = await loadAnalytics(cdnSettings({ cloud: { M: ['A'] } }), [guard])
    await analytics.track('Page view')
    await vi.waitFor(() => expect(tracked(requests)).toHaveLength(1))
    expect(tracked(requests)[0].event).toBe('Page view')
  })
})

describe('the event diagnostic', () => {
  it("names track events by their event and page calls by their name", async () => {
    interceptSegment()
    const guard = consentGuard({ cmp: controlledSource(decided({ A: true })).source })
    const log: Diagnostic[] = []
    guard.onDiagnostic((d) => log.push(d))
    const { analytics } = await loadAnalytics(cdnSettings({ cloud: { X: ['A'] } }), [guard])
    await analytics.page('Shop', 'Home')
    await analytics.track('Product Added')
    await vi.waitFor(() => expect(log.filter((d) => d.kind === 'event').map((d) => d.kind === 'event' && [d.type, d.name])).toEqual([
      ['page', 'Home'],
      ['track', 'Product Added'],
    ]))
  })
})
