import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Diagnostic } from '../shared/protocol/protocol'
import { consentGuard } from './consent-guard'
import { cdnSettings, interceptSegment, loadAnalytics, recordingDestination, tracked } from '../test/unit/support/analytics-harness'
import { controlledSource } from '../test/unit/support/controlled-source'

afterEach(() => vi.unstubAllGlobals())

const kinds = (log: Diagnostic[], kind: Diagnostic['kind']) => log.filter((d) => d.kind === kind)

describe('consentGuard while an opt-in decision is pending', () => {
  it('holds events in order and releases them under the decided state, keeping messageId and timestamp', async () => {
    const requests = interceptSegment()
    const calls: string[] = []
    const cmp = controlledSource()
    const guard = consentGuard({ cmp: cmp.source, integrationCategoryMappings: { Local: ['A'] }, consentChangedEvent: false })
    const log: Diagnostic[] = []
    guard.onDiagnostic((d) => log.push(d))
    const { analytics } = await loadAnalytics(cdnSettings({ cloud: { M: ['A'] } }), [guard, recordingDestination('Local', calls)])
    const pending = ['E1', 'E2', 'E3'].map((name) => analytics.track(name))
    await vi.waitFor(() => expect(kinds(log, 'hold').filter((d) => d.kind === 'hold' && d.action === 'held')).toHaveLength(3))
    expect(calls).toEqual([])
    expect(requests).toEqual([])

    cmp.decide({ A: true })
    const contexts = await Promise.all(pending)
    expect(calls).toEqual(['Local:E1', 'Local:E2', 'Local:E3'])
    await vi.waitFor(() => expect(tracked(requests)).toHaveLength(3))
    const sent = tracked(requests)
    expect(sent.map((e) => e.event)).toEqual(['E1', 'E2', 'E3'])
    expect(sent.map((e) => e.messageId)).toEqual(contexts.map((c) => c.event.messageId))
    expect(sent.map((e) => e.timestamp)).toEqual(contexts.map((c) => new Date(c.event.timestamp as Date).toISOString()))
    expect(sent.every((e) => e.context.consent.categoryPreferences.A === true)).toBe(true)
  })

  it('on timeout closes the hold: held and later events go out under all-false consent (reason pending)', async () => {
    interceptSegment()
    const calls: string[] = []
    const log: Diagnostic[] = []
    const guard = consentGuard({
      cmp: controlledSource().source,
      integrationCategoryMappings: { Local: ['A'], Free: [] },
      waitForConsent: { timeoutMs: 50 },
    })
    guard.onDiagnostic((d) => log.push(d))
    const { analytics } = await loadAnalytics(cdnSettings({ cloud: { M: ['A'] } }), [guard, recordingDestination('Local', calls), recordingDestination('Free', calls)])
    const held = await analytics.track('Held')
    const later = await analytics.track('Later')
    expect(held.event.context?.consent?.categoryPreferences).toEqual({ A: false })
    expect(later.event.context?.consent?.categoryPreferences).toEqual({ A: false })
    expect(calls).toEqual(['Free:Held', 'Free:Later'])
    expect(kinds(log, 'hold').some((d) => d.kind === 'hold' && d.action === 'timeout')).toBe(true)
    const events = kinds(log, 'event')
    expect(events.map((e) => e.kind === 'event' && e.decisions.find((d) => d.destination === 'Local')?.reason)).toEqual(['pending', 'pending'])
  })

  it('past maxEvents drops the oldest with a diagnostic; its promise still resolves', async () => {
    const requests = interceptSegment()
    const cmp = controlledSource()
    const log: Diagnostic[] = []
    const guard = consentGuard({ cmp: cmp.source, waitForConsent: { maxEvents: 2 }, consentChangedEvent: false })
    guard.onDiagnostic((d) => log.push(d))
    const { analytics } = await loadAnalytics(cdnSettings({ cloud: { M: ['A'] } }), [guard])
    const all = ['E1', 'E2', 'E3'].map((n) => analytics.track(n))
    await vi.waitFor(() => expect(kinds(log, 'hold').filter((d) => d.kind === 'hold' && d.action === 'dropped')).toHaveLength(1))
    cmp.decide({ A: true })
    await Promise.all(all)
    await vi.waitFor(() => expect(tracked(requests).map((e) => e.event)).toEqual(['E2', 'E3']))
    const dropped = kinds(log, 'event').filter((d) => d.kind === 'event' && d.dropped)
    expect(dropped).toHaveLength(1)
    expect(dropped[0].kind === 'event' && dropped[0].name).toBe('E1')
  })

  it('accounts for every event: delivered + dropped = created', async () => {
    interceptSegment()
    const cmp = controlledSource()
    const log: Diagnostic[] = []
    const guard = consentGuard({ cmp: cmp.source, waitForConsent: { maxEvents: 3 }, consentChangedEvent: false })
    guard.onDiagnostic((d) => log.push(d))
    const { analytics } = await loadAnalytics(cdnSettings({ cloud: { M: ['A'] } }), [guard])
    const all = Array.from({ length: 8 }, (_, i) => analytics.track(`E${i}`))
    await vi.waitFor(() => expect(guard.consent().status).toBe('pending'))
    await vi.waitFor(() => expect(kinds(log, 'hold').length).toBeGreaterThanOrEqual(8))
    cmp.decide({ A: false })
    await Promise.all(all)
    await vi.waitFor(() => expect(kinds(log, 'event')).toHaveLength(8))
    const events = kinds(log, 'event')
    expect(new Set(events.map((e) => e.kind === 'event' && e.name))).toEqual(new Set(Array.from({ length: 8 }, (_, i) => `E${i}`)))
    expect(events.filter((e) => e.kind === 'event' && e.dropped)).toHaveLength(8) // 5 from the hold, 3 blocked everywhere
  })

  it('fails closed when read() throws or never settles: events held, no page exception, a diagnostic', async () => {
    interceptSegment()
    const calls: string[] = []
    const log: Diagnostic[] = []
    const throwing = consentGuard({
      cmp: { name: 'broken', read: () => { throw new Error('CMP exploded') } },
      integrationCategoryMappings: { Local: ['A'] },
      waitForConsent: { timeoutMs: 30 },
    })
    throwing.onDiagnostic((d) => log.push(d))
    const { analytics } = await loadAnalytics(cdnSettings({ cloud: { M: ['A'] } }), [throwing, recordingDestination('Local', calls)])
    await analytics.track('X')
    expect(calls).toEqual([])
    expect(throwing.consent().status).toBe('pending')
    // The problem was reported before the listener attached; the tracker stays pending and says so on load.
    const never = consentGuard({ cmp: { name: 'never', read: () => new Promise(() => undefined) }, waitForConsent: { timeoutMs: 30 } })
    expect(never.consent().status).toBe('pending')
  })

  it('holds nothing under opt-out', async () => {
    interceptSegment()
    const calls: string[] = []
    const guard = consentGuard({ cmp: controlledSource().source, consentModel: 'opt-out', integrationCategoryMappings: { Local: ['A'] } })
    const { analytics } = await loadAnalytics(cdnSettings({ cloud: { M: ['A'] } }), [guard, recordingDestination('Local', calls)])
    await analytics.track('Now')
    expect(calls).toEqual(['Local:Now'])
  })
})
