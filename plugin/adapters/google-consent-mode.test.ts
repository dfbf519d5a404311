import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { problems, record, wipeAfter } from '../../test/fakes/adapter-harness'
import { googleTagFake } from '../../test/fakes/google-consent-mode-fake'
import { googleConsentMode } from './google-consent-mode'

const denied = { ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied', analytics_storage: 'denied' }

describe(googleConsentMode, () => {
  it('reads defaults as pending and an update (a CMP replaying a stored choice at load) as decided, not explicit', () => {
    const { gtag } = googleTagFake()
    gtag('consent', 'default', { ...denied, wait_for_update: 500 })
    expect(googleConsentMode().read()).toEqual({
      status: 'pending',
      categories: { ad_storage: false, ad_user_data: false, ad_personalization: false, analytics_storage: false },
      source: 'google-consent-mode',
    })
    gtag('consent', 'update', { analytics_storage: 'granted' })
    expect(googleConsentMode().read()).toMatchObject({ status: 'decided', explicit: false, categories: { analytics_storage: true, ad_storage: false } })
  })

  it('is pending with nothing when there is no dataLayer', () => {
    wipeAfter('dataLayer')
    expect(googleConsentMode().read()).toEqual({ status: 'pending', categories: {}, source: 'google-consent-mode' })
  })

  it('follows commands pushed after subscribing, before gtag exists and through Tag Manager', () => {
    wipeAfter('dataLayer')
    const rec = record(googleConsentMode())
    const fake = googleTagFake()
    fake.gtag('consent', 'default', denied)
    expect(rec.last()?.status).toBe('pending')
    fake.loadTagManager()
    fake.duringClick(() => fake.gtag('consent', 'update', { ad_storage: 'granted', analytics_storage: 'granted' }))
    expect(rec.last()).toEqual({
      status: 'decided',
      categories: { ad_storage: true, ad_user_data: false, ad_personalization: false, analytics_storage: true },
      explicit: true,
      source: 'google-consent-mode',
    })
    expect(fake.processed.length).toBe(2)
    fake.gtag('consent', 'update', { analytics_storage: 'denied' })
    expect(rec.last()?.categories.analytics_storage).toBe(false)
  })

  it('ignores region-scoped defaults and non-consent pushes', () => {
    const { gtag } = googleTagFake()
    const rec = record(googleConsentMode())
    gtag('consent', 'default', { analytics_storage: 'denied', region: ['ES'] })
    gtag('config', 'G-TEST')
    ;(globalThis as unknown as { dataLayer: unknown[] }).dataLayer.push({ event: 'gtm.js' })
    expect(rec.states.length).toBe(1)
    expect(rec.last()).toEqual({ status: 'pending', categories: {}, source: 'google-consent-mode' })
  })

  it('applies commands in order: later defaults and updates win', () => {
    const command = fc.record({
      kind: fc.constantFrom('default', 'update'),
      type: fc.constantFrom('ad_storage', 'analytics_storage'),
      value: fc.constantFrom('granted', 'denied'),
    })
    fc.assert(
      fc.property(fc.array(command, { maxLength: 8 }), (commands) => {
        const g = globalThis as Record<string, unknown>
        g.dataLayer = []
        const { gtag } = googleTagFake()
        for (const c of commands) gtag('consent', c.kind, { [c.type]: c.value })
        const expected: Record<string, boolean> = {}
        for (const c of commands) expected[c.type] = c.value === 'granted'
        const state = googleConsentMode().read()
        expect(state.categories).toEqual(expected)
        expect(state.status).toBe(commands.some((c) => c.kind === 'update') ? 'decided' : 'pending')
      }),
    )
  })

  it('delivers once per consent command, also the same update again', () => {
    const { gtag } = googleTagFake()
    const rec = record(googleConsentMode())
    gtag('consent', 'update', { ad_storage: 'granted' })
    gtag('consent', 'update', { ad_storage: 'granted' })
    expect(rec.states.length).toBe(2)
    expect(rec.states[0]).toEqual(rec.states[1])
  })

  it('restores dataLayer.push on unsubscribe, unless someone wrapped it after us', () => {
    const fake = googleTagFake()
    const layer = (globalThis as unknown as { dataLayer: unknown[] }).dataLayer
    const rec = record(googleConsentMode())
    expect(Object.prototype.hasOwnProperty.call(layer, 'push')).toBe(true)
    rec.stop()
    expect(Object.prototype.hasOwnProperty.call(layer, 'push')).toBe(false)
    fake.gtag('consent', 'update', { ad_storage: 'granted' })
    expect(rec.states).toEqual([])

    const rec2 = record(googleConsentMode())
    fake.loadTagManager()
    const tagManagerPush = layer.push
    rec2.stop()
    expect(layer.push).toBe(tagManagerPush)
    fake.gtag('consent', 'update', { ad_storage: 'denied' })
    expect(rec2.states).toEqual([])
    expect(layer.length).toBe(2)
  })

  it('never throws on a garbage dataLayer: pending plus a reported problem', () => {
    const seen = problems()
    wipeAfter('dataLayer')
    const g = globalThis as Record<string, unknown>
    g.dataLayer = 'nope'
    expect(googleConsentMode().read().status).toBe('pending')
    expect(() => record(googleConsentMode()).stop()).not.toThrow()
    g.dataLayer = [['consent', 'update', null], { length: 3, 0: 'consent', 1: 'update', 2: { ad_storage: 'granted' } }]
    expect(googleConsentMode().read()).toMatchObject({ status: 'decided', categories: { ad_storage: true } })
    expect(seen.map(([, text]) => text)).toEqual(['window.dataLayer is not an array', 'window.dataLayer is not an array'])
  })
})
