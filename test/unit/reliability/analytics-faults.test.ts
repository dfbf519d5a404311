import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Context } from '@segment/analytics-next'
import { consentGuard } from '../../../plugin/consent-guard'
import { staticConsent } from '../../../plugin/adapters/static-consent'
import type { Diagnostic } from '../../../shared/protocol/protocol'
import { cdnSettings, interceptSegment, loadAnalytics, recordingDestination, tracked } from '../support/analytics-harness'

afterEach(() => vi.unstubAllGlobals())

const granted = () => staticConsent({ C2: true, C4: true })

describe('analytics-next faults', () => {
  it('a destination that throws: the others still receive, consent is stamped, the diagnostic says failed', async () => {
    const requests = interceptSegment()
    const calls: string[] = []
    const log: Diagnostic[] = []
    const guard = consentGuard({ cmp: granted(), integrationCategoryMappings: { Broken: ['C4'], Fine: ['C2'] } })
    guard.onDiagnostic((d) => log.push(d))
    const broken = { ...recordingDestination('Broken'), track: async () => { throw new Error('vendor SDK crashed') } }
    const { analytics } = await loadAnalytics(cdnSettings({ cloud: { M: ['C2'] } }), [guard, broken, recordingDestination('Fine', calls)])
    await analytics.track('X')
    expect(calls).toEqual(['Fine:X'])
    await vi.waitFor(() => expect(tracked(requests)).toHaveLength(1))
    expect(tracked(requests)[0].context.consent.categoryPreferences).toEqual({ C2: true, C4: true })
    await vi.waitFor(() => {
      const event = log.find((d) => d.kind === 'event' && d.name === 'X')
      expect(event?.kind === 'event' && event.outcomes.find((o) => o.destination === 'Broken')).toMatchObject({ outcome: 'failed', error: 'vendor SDK crashed' })
    })
  })

  it('a destination whose load never resolves does not stop the others', async () => {
    interceptSegment()
    const calls: string[] = []
    const stuck = { ...recordingDestination('Stuck', calls), load: () => new Promise<void>(() => undefined) }
    const guard = consentGuard({ cmp: granted(), integrationCategoryMappings: { Stuck: ['C4'], Fine: ['C2'] } })
    const { analytics } = await loadAnalytics(cdnSettings({}), [guard, stuck, recordingDestination('Fine', calls)])
    await analytics.track('X')
    expect(calls).toContain('Fine:X')
  })

  it('an event held forever by a destination that never loads is still reported, with that destination failed', async () => {
    interceptSegment()
    const log: Diagnostic[] = []
    const guard = consentGuard({ cmp: granted(), integrationCategoryMappings: { Stuck: ['C4'], Fine: ['C2'] } })
    guard.onDiagnostic((d) => log.push(d))
    // Like analytics-next's action destinations: each event waits for a load that never settles.
    const never = new Promise<never>(() => undefined)
    const stuck = { ...recordingDestination('Stuck'), isLoaded: () => false, track: () => never }
    const { analytics } = await loadAnalytics(cdnSettings({}), [guard, stuck, recordingDestination('Fine')])
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    try {
      void analytics.track('Stalled')
      await vi.advanceTimersByTimeAsync(11_000)
    } finally {
      vi.useRealTimers()
    }
    await vi.waitFor(() => {
      const event = log.find((d) => d.kind === 'event' && d.name === 'Stalled')
      expect(event?.kind === 'event' && event.outcomes).toEqual(
        expect.arrayContaining([
          { destination: 'Stuck', outcome: 'failed', error: expect.stringContaining('never finished loading') },
          { destination: 'Fine', outcome: 'delivered' },
        ]),
      )
    }, { timeout: 10_000 })
  })

  it('settings without consentSettings: Segment.io always receives, consent still stamped', async () => {
    const requests = interceptSegment()
    const guard = consentGuard({ cmp: staticConsent({ C2: false }) })
    const { analytics } = await loadAnalytics(cdnSettings({ cloud: { M: ['C2'] }, consentSettings: false }), [guard])
    await analytics.track('X')
    await vi.waitFor(() => expect(tracked(requests)).toHaveLength(1))
    expect(tracked(requests)[0].context.consent.categoryPreferences).toEqual({ C2: false })
  })

  it('malformed categories in the settings count as unmapped, never as a crash', async () => {
    const requests = interceptSegment()
    const settings = cdnSettings({ cloud: { M: ['C2'] } })
    settings.integrations.Weird = { type: 'browser', consentSettings: { categories: 'C4' } }
    settings.integrations.Odd = { type: 'browser', consentSettings: { categories: [4, null, 'C4'] } }
    const guard = consentGuard({ cmp: staticConsent({ C2: true, C4: false }) })
    const { analytics } = await loadAnalytics(settings, [guard])
    await analytics.track('X')
    await vi.waitFor(() => expect(tracked(requests)).toHaveLength(1))
    expect(guard.routing().find((d) => d.destination === 'Weird')).toMatchObject({ reason: 'unmapped-allowed', categories: [] })
    expect(guard.routing().find((d) => d.destination === 'Odd')).toMatchObject({ allowed: false, categories: ['C4'] })
  })

  it('registered late with analytics.register, the guard still stamps and blocks', async () => {
    const requests = interceptSegment()
    const calls: string[] = []
    const { analytics } = await loadAnalytics(cdnSettings({ cloud: { M: ['C2'] } }), [recordingDestination('Ads', calls)])
    await analytics.track('Before')
    await analytics.register(consentGuard({ cmp: staticConsent({ C2: true, C4: false }), integrationCategoryMappings: { Ads: ['C4'] } }))
    await analytics.track('After')
    expect(calls).toEqual(['Ads:Before'])
    await vi.waitFor(() => expect(tracked(requests)).toHaveLength(2))
    expect((tracked(requests).find((e) => e.event === 'After') as Context['event']).context?.consent).toEqual({ categoryPreferences: { C2: true, C4: false } })
  })
})
