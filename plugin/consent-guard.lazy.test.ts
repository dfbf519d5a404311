import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import type { Diagnostic } from '../shared/protocol/protocol'
import { consentGuard } from './consent-guard'
import { cdnSettings, interceptSegment, loadAnalytics, recordingDestination, tracked } from '../test/unit/support/analytics-harness'
import { controlledSource } from '../test/unit/support/controlled-source'

afterEach(() => vi.unstubAllGlobals())

describe('guard.loadOptions and guard.defer', () => {
  it("keeps an unconsented destination's code from loading but still lists it in _metadata.bundled", async () => {
    const requests = interceptSegment()
    const cmp = controlledSource({ status: 'decided', categories: { C0001: true, C0002: false, C0004: false }, source: 'test' })
    const guard = consentGuard({ cmp: cmp.source })
    const log: Diagnostic[] = []
    guard.onDiagnostic((d) => log.push(d))
    const settings = cdnSettings({ classic: { Hotjar: ['C0002'] }, action: { 'Actions Ads': ['C0004'] }, cloud: { Mixpanel: ['C0001'] } })
    const callerHook = vi.fn((s: unknown) => s)
    const options = guard.loadOptions({ updateCDNSettings: callerHook })
    // As analytics-next does: `updateCDNSettings`, then `disable` awaited with what it returned.
    const updated = options.updateCDNSettings!(settings) as ReturnType<typeof cdnSettings>
    expect(await (options as { disable?: (s: unknown) => Promise<boolean> }).disable!(updated)).toBe(false)
    expect(callerHook).toHaveBeenCalledOnce()
    expect(updated.remotePlugins).toEqual([])
    expect(Object.keys(updated.integrations)).toEqual(Object.keys(settings.integrations))
    expect(updated.integrations.Hotjar.bundlingStatus).toBe('bundled')
    await vi.waitFor(() =>
      expect(log.filter((d) => d.kind === 'destination').map((d) => d.kind === 'destination' && [d.action, d.destination])).toEqual([
        ['deferred', 'Hotjar'],
        ['deferred', 'Actions Ads'],
      ]),
    )

    const { analytics } = await loadAnalytics(settings, [guard], options)
    await analytics.track('Sent')
    await vi.waitFor(() => expect(tracked(requests)).toHaveLength(1))
    expect(tracked(requests)[0]._metadata.bundled).toEqual(expect.arrayContaining(['Segment.io', 'Hotjar']))
    expect(guard.routing().find((d) => d.destination === 'Actions Ads')).toMatchObject({ mode: 'device', allowed: false })
  })

  it("composes the caller's disable hook: theirs runs first and wins; disable: true is kept as given", async () => {
    const cmp = controlledSource({ status: 'decided', categories: { C0004: false }, source: 'test' })
    const guard = consentGuard({ cmp: cmp.source })
    const settings = cdnSettings({ action: { 'Actions Ads': ['C0004'] } })
    type Hooks = { updateCDNSettings(s: unknown): unknown; disable: boolean | ((s: unknown) => Promise<boolean>) }
    const theirs = vi.fn(async () => true)
    const disabling = guard.loadOptions({ disable: theirs }) as unknown as Hooks
    expect(await (disabling.disable as (s: unknown) => Promise<boolean>)(disabling.updateCDNSettings(settings))).toBe(true)
    expect(theirs).toHaveBeenCalledOnce()
    expect((guard.loadOptions({ disable: true }) as unknown as Hooks).disable).toBe(true)
  })

  it("defer(plugin) calls the plugin's load only once consent allows it, then delivers the next event", async () => {
    interceptSegment()
    const calls: string[] = []
    const cmp = controlledSource({ status: 'decided', categories: { C0004: false }, source: 'test' })
    const guard = consentGuard({ cmp: cmp.source, consentChangedEvent: false })
    const braze = recordingDestination('Braze', calls)
    const { analytics } = await loadAnalytics(cdnSettings({}), [guard, guard.defer(braze, ['C0004'])])
    await analytics.track('Before')
    expect(braze.loads).toBe(0)
    expect(calls).toEqual([])

    cmp.decide({ C0004: true })
    await analytics.track('After')
    expect(braze.loads).toBe(1)
    expect(calls).toEqual(['Braze:After'])

    cmp.decide({ C0004: false })
    await analytics.track('Revoked')
    expect(calls).toEqual(['Braze:After'])
    expect(braze.loads).toBe(1)
  })

  it('warns, without loadOptions, about device-mode destinations analytics-next loaded without consent', async () => {
    interceptSegment()
    const log: Diagnostic[] = []
    const guard = consentGuard({ cmp: controlledSource({ status: 'decided', categories: { Ads: false }, source: 'test' }).source, integrationCategoryMappings: { Pixel: ['Ads'] } })
    guard.onDiagnostic((d) => log.push(d))
    await loadAnalytics(cdnSettings({}), [guard, recordingDestination('Pixel')])
    await vi.waitFor(() => {
      const warning = log.find((d) => d.kind === 'destination' && d.action === 'loaded-without-consent')
      expect(warning).toMatchObject({ destinations: ['Pixel'] })
    })
    const settings = log.find((d) => d.kind === 'settings')
    expect(settings).toMatchObject({ destinations: expect.arrayContaining([{ destination: 'Pixel', mode: 'device', categories: ['Ads'], load: 'loaded', local: true }]) })
  })

  it('with enforceCloudMode, switches unconsented cloud-mode destinations off in the payload', async () => {
    const requests = interceptSegment()
    const cmp = controlledSource({ status: 'decided', categories: { A: true, B: false }, source: 'test' })
    const guard = consentGuard({ cmp: cmp.source, enforceCloudMode: true })
    const { analytics } = await loadAnalytics(cdnSettings({ cloud: { Mixpanel: ['A'], Salesforce: ['B'] } }), [guard])
    await analytics.track('X')
    await vi.waitFor(() => expect(tracked(requests)).toHaveLength(1))
    expect(tracked(requests)[0].integrations).toMatchObject({ Salesforce: false })
    expect(tracked(requests)[0].integrations.Mixpanel).toBeUndefined()
  })

  it('denies GPC categories whatever the CMP says, with reason gpc', async () => {
    const requests = interceptSegment()
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true })
    onTestFinished(() => void delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl)
    const calls: string[] = []
    const cmp = controlledSource({ status: 'decided', categories: { Ads: true, Stats: true }, source: 'test' })
    const guard = consentGuard({ cmp: cmp.source, gpc: { deny: ['Ads'] }, integrationCategoryMappings: { Pixel: ['Ads'], Stat: ['Stats'] } })
    const { analytics } = await loadAnalytics(cdnSettings({ cloud: { M: ['Stats'] } }), [guard, recordingDestination('Pixel', calls), recordingDestination('Stat', calls)])
    await analytics.track('X')
    expect(calls).toEqual(['Stat:X'])
    expect(guard.consent().gpc).toBe(true)
    expect(guard.routing().find((d) => d.destination === 'Pixel')).toMatchObject({ reason: 'gpc', missing: ['Ads'] })
    await vi.waitFor(() => expect(tracked(requests)).toHaveLength(1))
    expect(tracked(requests)[0].context.consent.categoryPreferences).toEqual({ Ads: false, Stats: true })
  })
})
