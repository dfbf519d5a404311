/**
 * Runs inside the bench page. Every contender gets the same CDN settings,
 * the same three device-mode destinations (action destinations through
 * factories, so no bundle is fetched) and all categories granted, so the
 * measured difference is the consent tooling's own per-event work. The
 * Segment API is answered in-page (`fetch` stubbed) to keep network noise out.
 */
import { AnalyticsBrowser, type Plugin } from '@segment/analytics-next'
import { createWrapper } from '@segment/analytics-consent-tools'
import { consentGuard, custom } from '../../plugin/index'

export type Contender = 'bare' | 'no-op plugin' | 'consent-guard' | 'consent-tools'
const CATEGORIES = { C0001: true, C0002: true, C0003: true, C0004: true }
const NAMES = ['Actions Amplitude', 'Actions Google Ads', 'Actions Braze']

function settings() {
  const integrations: Record<string, unknown> = { 'Segment.io': { apiKey: 'bench', apiHost: 'bench.invalid/v1', protocol: 'http' } }
  NAMES.forEach((n, i) => (integrations[n] = { versionSettings: { componentTypes: [] }, consentSettings: { categories: [`C000${i + 2}`] } }))
  integrations.Mixpanel = { type: 'server', bundlingStatus: 'unbundled', consentSettings: { categories: ['C0002'] } }
  return {
    integrations,
    remotePlugins: NAMES.map((n) => ({ name: `${n} Remote`, creationName: n, libraryName: n, url: 'http://bench.invalid/x.js', settings: {} })),
    consentSettings: { allCategories: ['C0002', 'C0003', 'C0004'], hasUnmappedDestinations: false },
    metrics: { sampleRate: 0 },
  }
}

function destinations(received: { count: number }): unknown[] {
  return NAMES.map((n) =>
    Object.assign(
      (): Plugin => ({
        name: n,
        type: 'destination',
        version: '1',
        isLoaded: () => true,
        load: async () => undefined,
        track: async (ctx) => {
          received.count++
          return ctx
        },
      }),
      { pluginName: `${n} Remote` },
    ),
  )
}

async function load(contender: Contender, received: { count: number }, diagnostics: 'auto' | 'off') {
  const base = { writeKey: 'bench', cdnSettings: settings() as never, plugins: destinations(received) as Plugin[] }
  const options = { integrations: { 'Segment.io': { apiHost: 'bench.invalid/v1', protocol: 'http' as const } }, disableClientPersistence: true }
  if (contender === 'bare') return (await AnalyticsBrowser.load(base, options))[0]
  if (contender === 'no-op plugin') {
    // What analytics-next charges any enrichment plugin per event (its own logging, timing and promise chain): our floor.
    const noop: Plugin = { name: 'No-op', type: 'enrichment', version: '1', isLoaded: () => true, load: async () => undefined, track: (ctx) => ctx }
    return (await AnalyticsBrowser.load({ ...base, plugins: [noop, ...base.plugins!] }, options))[0]
  }
  if (contender === 'consent-guard') {
    const guard = consentGuard({ cmp: custom({ read: () => ({ status: 'decided', categories: CATEGORIES, source: 'bench' }) }), diagnostics })
    return (await AnalyticsBrowser.load({ ...base, plugins: [guard, ...base.plugins!] }, guard.loadOptions(options)))[0]
  }
  const browser = new AnalyticsBrowser()
  createWrapper({ getCategories: () => CATEGORIES, shouldLoadSegment: (ctx: { load(o: object): void }) => ctx.load({ consentModel: 'opt-in' }) } as never)(browser as never)
  browser.load(base, options)
  return (await browser)[0]
}

/** Loads one contender, warms up, then times `n` concurrent `track` calls to completion. */
export async function runPerEvent(contender: Contender, n: number, diagnostics: 'auto' | 'off' = 'auto') {
  window.fetch = async () => new Response('{}', { status: 200 })
  const received = { count: 0 }
  const analytics = await load(contender, received, diagnostics)
  await Promise.all(Array.from({ length: 100 }, (_, i) => analytics.track(`Warm ${i}`)))
  received.count = 0
  const start = performance.now()
  await Promise.all(Array.from({ length: n }, (_, i) => analytics.track(`Bench ${i}`, { i })))
  const ms = performance.now() - start
  return { ms, delivered: received.count }
}

let heldRun: { decide: (s: unknown) => void; all: Promise<unknown>[]; received: { count: number } } | undefined

/** Step 1 of the held-events figure: a guard whose consent stays pending. */
export async function prepareHeld(n: number) {
  window.fetch = async () => new Response('{}', { status: 200 })
  let decide: (s: unknown) => void = () => undefined
  const cmp = custom({
    read: () => ({ status: 'pending', categories: {}, source: 'bench' }),
    subscribe: (onChange) => ((decide = onChange as never), () => undefined),
  })
  // lazyDestinations off: the bench's destinations come from factories, which a lazy load would not use.
  const guard = consentGuard({ cmp, waitForConsent: { timeoutMs: 120_000, maxEvents: n }, diagnostics: 'off', lazyDestinations: false })
  const received = { count: 0 }
  const [analytics] = await AnalyticsBrowser.load(
    { writeKey: 'bench', cdnSettings: settings() as never, plugins: [guard, ...(destinations(received) as Plugin[])] },
    guard.loadOptions({ integrations: { 'Segment.io': { apiHost: 'bench.invalid/v1', protocol: 'http' as const } }, disableClientPersistence: true }),
  )
  heldRun = { decide: (s) => decide(s), all: [], received }
  ;(window as unknown as { heldAnalytics: unknown }).heldAnalytics = analytics
}

/** Step 2: track `n` events, which the guard holds. */
export async function holdEvents(n: number) {
  const analytics = (window as unknown as { heldAnalytics: { track(name: string, p: object): Promise<unknown> } }).heldAnalytics
  heldRun!.all = Array.from({ length: n }, (_, i) => analytics.track(`Held ${i}`, { i }))
  await new Promise((r) => setTimeout(r, 100))
}

/** Step 3: decide, and time until every held event was delivered. */
export async function releaseHeld() {
  const start = performance.now()
  heldRun!.decide({ status: 'decided', categories: CATEGORIES, explicit: true, source: 'bench' })
  await Promise.all(heldRun!.all)
  return { releaseMs: performance.now() - start, delivered: heldRun!.received.count }
}
