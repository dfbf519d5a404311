/**
 * The lifecycle of one lazily loaded destination, on the real analytics-next
 * (happy-dom cannot run fetched bundles, so the bundle loaders are replaced:
 * each test decides when the code "arrives", registers and gets ready).
 * Chromium proves real loading: test/e2e/lazy-destinations.e2e.test.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ConsentState } from '../../shared/routing/types'
import { cdnSettings, interceptSegment, loadAnalytics, recordingDestination } from '../../test/unit/support/analytics-harness'
import type { AnalyticsLike } from '../analytics-slice'
import { routingTable } from '../enforcement/routing-table'
import { loadDestinations } from './destination-loaders'
import { settleLoad as settleWith } from './load-outcome'
import { lazyDestinations, MAX_EVENT_WAIT_MS } from './lazy-destinations'

// The loaders chunk runs analytics-next's own loaders, which need a browser that runs fetched bundles.
vi.mock('./destination-loaders', () => ({ loadDestinations: vi.fn() }))
const load = vi.mocked(loadDestinations)

const state = (categories: Record<string, boolean>): ConsentState => ({ status: 'decided', categories, source: 'test' })
const DENIED = state({ Ads: false })
const GRANTED = state({ Ads: true })

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
  load.mockReset()
})

/** Real analytics-next loaded with the lazy hook; 'Ads Action' waits for consent (unless `integrations` switch it off). */
async function setup(integrations?: Record<string, boolean>) {
  interceptSegment()
  const table = routingTable({ enforceCloudMode: false })
  const reports: string[] = []
  const lazy = lazyDestinations(
    (settings) => {
      table.setSettings(settings)
      return table.routingFor(DENIED)
    },
    (action, destination, details) => reports.push([action, destination, details?.error].filter(Boolean).join(' ')),
  )
  const { analytics } = await loadAnalytics(cdnSettings({ action: { 'Ads Action': ['Ads'] } }), [], lazy.loadOptions(integrations ? { integrations } : {}))
  lazy.attach(analytics as unknown as AnalyticsLike)
  const grant = () => lazy.update(table.routingFor(GRANTED))
  const names = () => analytics.queue.plugins.map((p) => p.name)
  return { lazy, analytics, reports, grant, names }
}

describe(lazyDestinations, () => {
  it('lets events go on once the code is registered, without waiting for it to get ready', async () => {
    const { lazy, reports, grant, names } = await setup()
    expect(reports).toEqual(['deferred Ads Action'])
    // A vendor that never gets ready: registered, never settled.
    load.mockImplementation((analytics) => analytics.register(recordingDestination('Ads Action')))

    grant()
    await lazy.settled()

    expect(names()).toContain('Ads Action')
    expect(lazy.loadState('Ads Action')).toBe('not-loaded')
    expect(reports).toEqual(['deferred Ads Action'])
  })

  it('neither defers nor loads a destination the site switched off, by name or with All: false, as analytics-next never loads it', async () => {
    for (const integrations of [{ 'Ads Action': false }, { All: false }] as Array<Record<string, boolean>>) {
      const { lazy, reports, grant } = await setup(integrations)
      expect(reports).toEqual([])
      expect(lazy.loadState('Ads Action')).toBeUndefined()
      grant()
      await lazy.settled()
      expect(load).not.toHaveBeenCalled()
    }
    // Switched on by name under All: false, it waits for consent as usual.
    expect((await setup({ All: false, 'Ads Action': true })).reports).toEqual(['deferred Ads Action'])
  })

  it('reports lazy-loaded when the code gets ready, and failed when its load rejects', async () => {
    const { lazy, reports, grant } = await setup()
    let ready!: () => void
    load.mockImplementation(async (_a, _s, names, states, report) => {
      ready = () => settleWith(states, report)(names[0], 'loaded', {})
    })
    grant()
    await lazy.settled()
    expect(reports).toEqual(['deferred Ads Action'])
    ready()
    await vi.waitFor(() => expect(reports).toEqual(['deferred Ads Action', 'lazy-loaded Ads Action']))
    expect(lazy.loadState('Ads Action')).toBe('loaded')

    const second = await setup()
    load.mockImplementation(async (_a, _s, names, states, report) => {
      void Promise.resolve().then(() => settleWith(states, report)(names[0], 'failed', { error: 'init threw' }))
    })
    second.grant()
    await second.lazy.settled()
    await vi.waitFor(() => expect(second.reports).toEqual(['deferred Ads Action', 'failed Ads Action init threw']))
    expect(second.lazy.loadState('Ads Action')).toBe('failed')
  })

  it('reports failed when the code does not arrive, and loads each destination once', async () => {
    const { lazy, reports, grant, names } = await setup()
    load.mockImplementation(async (_a, _s, names, states, report) => settleWith(states, report)(names[0], 'failed', { error: 'Failed to load http://cdn.test/Ads Action.js' }))
    grant()
    await lazy.settled()
    grant()
    expect(lazy.settled()).toBeUndefined()
    expect(load).toHaveBeenCalledOnce()
    expect(reports).toEqual(['deferred Ads Action', 'failed Ads Action Failed to load http://cdn.test/Ads Action.js'])
    expect(names()).not.toContain('Ads Action')
  })

  it('holds events for code that never arrives only MAX_EVENT_WAIT_MS', async () => {
    const { lazy, grant } = await setup()
    load.mockReturnValue(new Promise(() => undefined))
    vi.useFakeTimers()
    grant()
    let released = false
    void lazy.settled()!.then(() => (released = true))

    await vi.advanceTimersByTimeAsync(MAX_EVENT_WAIT_MS - 1)
    expect(released).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(released).toBe(true)
  })
})
