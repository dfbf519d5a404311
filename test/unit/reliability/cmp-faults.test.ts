import { afterEach, describe, expect, it, vi } from 'vitest'
import { consentGuard } from '../../../plugin/consent-guard'
import type { ConsentSource } from '../../../plugin/consent-source'
import type { Diagnostic } from '../../../shared/protocol/protocol'
import { cdnSettings, interceptSegment, loadAnalytics, recordingDestination, tracked } from '../support/analytics-harness'
import { controlledSource } from '../support/controlled-source'

afterEach(() => vi.unstubAllGlobals())

const CHANGE = 'Segment Consent Preference Updated'
const errorsSeen: unknown[] = []
window.addEventListener('error', (e) => errorsSeen.push(e.error))
window.addEventListener('unhandledrejection', (e) => errorsSeen.push(e.reason))

async function run(source: ConsentSource, opts: { timeoutMs?: number } = {}) {
  const requests = interceptSegment()
  const calls: string[] = []
  const log: Diagnostic[] = []
  const guard = consentGuard({ cmp: source, integrationCategoryMappings: { Ads: ['C4'] }, waitForConsent: { timeoutMs: opts.timeoutMs ?? 30 } })
  guard.onDiagnostic((d) => log.push(d))
  const { analytics } = await loadAnalytics(cdnSettings({ cloud: { M: ['C2'] } }), [guard, recordingDestination('Ads', calls)])
  return { analytics, guard, calls, log, requests }
}

describe('consent platform faults', () => {
  it.each<[string, ConsentSource]>([
    ['never loads (read stays pending)', { name: 'never', read: () => new Promise(() => undefined) }],
    ['throws from read and subscribe', { name: 'throws', read: () => { throw new Error('read boom') }, subscribe: () => { throw new Error('subscribe boom') } }],
    ['rejects', { name: 'rejects', read: () => Promise.reject(new Error('nope')) }],
    ['returns garbage', { name: 'garbage', read: () => ({ status: 'maybe', categories: 'all' }) as never }],
    ['returns non-boolean categories', { name: 'strings', read: () => ({ status: 'decided', categories: { C4: 'yes' }, source: 'x' }) as never }],
  ])('%s: no page exception, opt-in fails closed', async (_, source) => {
    errorsSeen.length = 0
    const { analytics, guard, calls } = await run(source)
    await analytics.track('After')
    expect(calls).toEqual([])
    expect(guard.consent().status).toBe('pending')
    expect(guard.routing().find((d) => d.destination === 'Ads')).toMatchObject({ allowed: false, reason: 'pending' })
    expect(errorsSeen).toEqual([])
  })

  it('reports a garbage state as a consent diagnostic with the problem', async () => {
    const { log } = await run({ name: 'garbage', read: () => 42 as never })
    await vi.waitFor(() => expect(log.some((d) => d.kind === 'consent' && d.error?.includes('not a consent state'))).toBe(true))
  })

  it('loads late: a decision that arrives after load releases the held events', async () => {
    const cmp = controlledSource()
    const { analytics, calls } = await run(cmp.source, { timeoutMs: 60_000 })
    const early = analytics.track('Early')
    setTimeout(() => cmp.decide({ C4: true }), 30)
    await early
    await vi.waitFor(() => expect(calls).toEqual(['Ads:Early', `Ads:${CHANGE}`]))
  })

  it('a storm of 1,000 callbacks sends one change event and one consent diagnostic per real change, over one subscription', async () => {
    const cmp = controlledSource()
    const { analytics, requests, log } = await run(cmp.source, { timeoutMs: 60_000 })
    let realChanges = 0
    let last: boolean | undefined
    for (let i = 0; i < 1000; i++) {
      const value = Math.floor(i / 100) % 2 === 0 // 10 runs of 100 identical callbacks
      if (value !== last) realChanges++
      last = value
      cmp.decide({ C4: value, C2: true })
    }
    await analytics.track('After storm')
    await vi.waitFor(() => expect(tracked(requests).filter((e) => e.event === CHANGE)).toHaveLength(realChanges))
    expect(realChanges).toBe(10)
    const consentLog = log.filter((d) => d.kind === 'consent')
    expect(consentLog.map((d) => d.kind === 'consent' && `${d.state.status}:${d.state.categories.C4}`)).toEqual(
      Array.from({ length: realChanges }, (_, i) => `decided:${i % 2 === 0}`),
    )
    expect(cmp.listenerCount()).toBe(1)
  })
})
