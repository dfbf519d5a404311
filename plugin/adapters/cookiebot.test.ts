import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { problems, record, wipeAfter } from '../../test/fakes/adapter-harness'
import { cookiebotFake } from '../../test/fakes/cookiebot-fake'
import { cookiebot } from './cookiebot'
import { listenerErrors } from '../../test/unit/support/listener-errors'

const cats = (preferences: boolean, statistics: boolean, marketing: boolean) => ({ necessary: true, preferences, statistics, marketing })

describe(cookiebot, () => {
  it('reads a stored choice when Cookiebot loaded before the plugin (not explicit)', () => {
    cookiebotFake({ stored: { preferences: true, statistics: true, marketing: false } }).load()
    expect(cookiebot().read()).toEqual({ status: 'decided', categories: cats(true, true, false), explicit: false, source: 'cookiebot' })
  })

  it('is pending when Cookiebot is missing, or loaded without a response', () => {
    wipeAfter('Cookiebot')
    expect(cookiebot().read()).toEqual({ status: 'pending', categories: {}, source: 'cookiebot' })
    ;(globalThis as Record<string, unknown>).Cookiebot = {}
    expect(cookiebot().read()).toEqual({ status: 'pending', categories: {}, source: 'cookiebot' })
    cookiebotFake().load()
    expect(cookiebot().read()).toEqual({ status: 'pending', categories: cats(false, false, false), source: 'cookiebot' })
  })

  it('follows Cookiebot loading after the plugin, the user deciding and changing', () => {
    const fake = cookiebotFake()
    const rec = record(cookiebot())
    fake.load()
    expect(rec.states).toEqual([])
    fake.choose({ preferences: false, statistics: true, marketing: false })
    expect(rec.last()).toEqual({ status: 'decided', categories: cats(false, true, false), explicit: true, source: 'cookiebot' })
    fake.choose({ preferences: false, statistics: false, marketing: false })
    expect(rec.last()).toMatchObject({ categories: cats(false, false, false), explicit: true })
  })

  it('delivers the stored choice of a returning visitor when Cookiebot loads later, not explicit', () => {
    const fake = cookiebotFake({ stored: { preferences: false, statistics: false, marketing: true } })
    const rec = record(cookiebot())
    fake.load()
    expect(rec.last()).toEqual({ status: 'decided', categories: cats(false, false, true), explicit: false, source: 'cookiebot' })
  })

  it('reports implied consent (stamp -1) as decided, not explicit', () => {
    cookiebotFake({ noConsentNeeded: true }).load()
    expect(cookiebot().read()).toEqual({ status: 'decided', categories: cats(true, true, true), explicit: false, source: 'cookiebot' })
  })

  it('maps every choice to the four Cookiebot categories', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.boolean(), (preferences, statistics, marketing) => {
        const fake = cookiebotFake()
        fake.load()
        fake.choose({ preferences, statistics, marketing })
        expect(cookiebot().read().categories).toEqual(cats(preferences, statistics, marketing))
      }),
      { numRuns: 16 },
    )
  })

  it('delivers once per Cookiebot event, also for the same choice again', () => {
    const fake = cookiebotFake()
    fake.load()
    const rec = record(cookiebot())
    fake.choose({ preferences: true, statistics: true, marketing: true })
    fake.choose({ preferences: true, statistics: true, marketing: true })
    // CookiebotOnConsentReady + CookiebotOnAccept per submit.
    expect(rec.states.length).toBe(4)
    expect(new Set(rec.states.map((s) => JSON.stringify(s))).size).toBe(1)
  })

  it('stops delivering after unsubscribe', () => {
    const fake = cookiebotFake()
    fake.load()
    const rec = record(cookiebot())
    rec.stop()
    fake.choose({ preferences: true, statistics: false, marketing: false })
    expect(rec.states).toEqual([])
  })

  it('never throws on garbage or a throwing Cookiebot: pending plus a reported problem', () => {
    const seen = problems()
    wipeAfter('Cookiebot')
    const g = globalThis as Record<string, unknown>
    g.Cookiebot = 'garbage'
    expect(cookiebot().read().status).toBe('pending')
    g.Cookiebot = {
      get consent() {
        throw new Error('getter exploded')
      },
    }
    const rec = record(cookiebot())
    expect(listenerErrors(() => window.dispatchEvent(new Event('CookiebotOnAccept')))).toEqual([])
    expect(rec.last()?.status).toBe('pending')
    expect(seen.map(([, text]) => text)).toEqual(['window.Cookiebot is not an object', 'getter exploded'])
  })
})
