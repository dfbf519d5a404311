/**
 * Misuse of the guard gets a clear error or one console warning, never
 * silent breakage; the cases that need analytics-next run with the real one.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Diagnostic } from '../shared/protocol/protocol'
import { consentGuard } from './consent-guard'
import { REGISTRATION_DEADLINE_MS } from './options/registration-watch'
import { cdnSettings, interceptSegment, loadAnalytics, recordingDestination, tracked } from '../test/unit/support/analytics-harness'
import { controlledSource } from '../test/unit/support/controlled-source'

afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
  vi.restoreAllMocks()
})

const decided = (categories: Record<string, boolean>) => controlledSource({ status: 'decided', categories }).source
const warnings = () => vi.spyOn(console, 'warn').mockImplementation(() => undefined)

describe('misuse of consentGuard() with analytics-next', () => {
  it('refuses a second analytics instance with a clear error, and the first keeps blocking', async () => {
    interceptSegment()
    const warn = warnings()
    const calls: string[] = []
    const guard = consentGuard({ cmp: decided({ Ads: false }), integrationCategoryMappings: { Local: ['Ads'] } })
    const first = await loadAnalytics(cdnSettings({}), [guard, recordingDestination('Local', calls)])
    const second = await loadAnalytics(cdnSettings({}), [guard])

    // analytics-next reports a plugin whose load throws with console.warn(name, error), and drops it from that instance.
    const [, error] = warn.mock.calls.find(([name]) => name === 'Consent Guard') ?? []
    expect(String(error)).toContain('ConsentGuardConfigError: [consent-guard] `plugins` holds a guard that another analytics instance already loaded')
    expect(second.analytics.queue.plugins).not.toContain(guard)

    await first.analytics.track('After the second instance')
    expect(calls).toEqual([])
    expect(guard.routing().find((d) => d.destination === 'Local')).toMatchObject({ allowed: false, missing: ['Ads'] })
  })

  it('plugins: [guard, guard] warns once and every event passes the guard once', async () => {
    const requests = interceptSegment()
    const warn = warnings()
    const guard = consentGuard({ cmp: decided({ C0001: true }) })
    const events: string[] = []
    guard.onDiagnostic((d: Diagnostic) => d.kind === 'event' && events.push(d.name ?? ''))
    const { analytics } = await loadAnalytics(cdnSettings({ cloud: { Mixpanel: ['C0001'] } }), [guard, guard])

    expect(warn.mock.calls.filter(([text]) => String(text).includes('registered twice'))).toHaveLength(1)
    expect(analytics.queue.plugins.filter((p) => p === guard)).toHaveLength(1)
    await analytics.track('One')
    await analytics.track('Two')
    await vi.waitFor(() => expect(tracked(requests)).toHaveLength(2))
    // Diagnostics of an event are recorded once it is delivered: a third event's record comes after any late duplicate.
    await analytics.track('Three')
    await vi.waitFor(() => expect(events).toContain('Three'))
    expect(events).toEqual(['One', 'Two', 'Three'])
    expect(tracked(requests).map((e) => e.context.consent.categoryPreferences)).toEqual([{ C0001: true }, { C0001: true }, { C0001: true }])
  })

  it('warns once when guard.loadOptions() is used but the guard is not in plugins, and not when it is', async () => {
    interceptSegment()
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const warn = warnings()
    const missing = /guard\.loadOptions\(\) is in use but the guard is not in `plugins`/
    const registered = consentGuard({ cmp: decided({ C0001: true }) })
    await loadAnalytics(cdnSettings({}), [registered], registered.loadOptions())
    const forgotten = consentGuard({ cmp: decided({ C0001: true }) })
    await loadAnalytics(cdnSettings({}), [], forgotten.loadOptions())
    await vi.advanceTimersByTimeAsync(REGISTRATION_DEADLINE_MS)
    await vi.waitFor(() => expect(warn.mock.calls.filter(([text]) => missing.test(String(text)))).toHaveLength(1))
  })
})

describe('misuse caught when it is written', () => {
  it.each([
    ['a string where a ConsentSource goes', { cmp: 'onetrust' }, '`cmp` expected a ConsentSource, e.g. oneTrust() (received: "onetrust")'],
    ['a mapping with a non-string element', { integrationCategoryMappings: { Braze: ['C0004', 4] } }, '`integrationCategoryMappings.Braze[1]` expected string (received: 4)'],
    ['a hold of no events', { waitForConsent: { maxEvents: 0 } }, '`waitForConsent.maxEvents` expected whole number >= 1 (received: 0)'],
  ])('%s throws a ConsentGuardConfigError saying so', (_case, options, message) => {
    expect(() => consentGuard({ cmp: decided({}), ...options } as never)).toThrow(message)
  })

  it('onDiagnostic with something that is not a function throws at once', () => {
    const guard = consentGuard({ cmp: decided({}) })
    expect(() => guard.onDiagnostic('log' as never)).toThrow('[consent-guard] `onDiagnostic(listener)` expected function (received: "log")')
  })
})
