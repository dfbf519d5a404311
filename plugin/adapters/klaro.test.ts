import { afterEach, describe, expect, it, vi } from 'vitest'
import { problems, record, wipeAfter } from '../../test/fakes/adapter-harness'
import { klaroFake } from '../../test/fakes/klaro-fake'
import { realKlaro } from '../../test/unit/support/real-consent-libraries'
import { klaro } from './klaro'

afterEach(() => {
  vi.useRealTimers()
})

describe(klaro, () => {
  it('reads a saved choice when Klaro loaded before the plugin (not explicit)', () => {
    klaroFake({ stored: { matomo: true } }).load()
    expect(klaro().read()).toEqual({ status: 'decided', categories: { matomo: true, youtube: false, 'google-ads': false }, explicit: false, source: 'klaro' })
  })

  it('is pending until the user confirms, and ignores unsaved toggles', () => {
    const fake = klaroFake()
    fake.load()
    const rec = record(klaro())
    expect(klaro().read()).toEqual({ status: 'pending', categories: { matomo: false, youtube: false, 'google-ads': false }, source: 'klaro' })
    fake.manager.updateConsent('youtube', true)
    expect(rec.last()).toMatchObject({ status: 'pending', categories: { youtube: false } })
    fake.choose({ matomo: true }, 'accept')
    expect(rec.last()).toEqual({ status: 'decided', categories: { matomo: true, youtube: true, 'google-ads': false }, explicit: true, source: 'klaro' })
    fake.choose({ youtube: false })
    expect(rec.last()?.categories.youtube).toBe(false)
  })

  it('finds Klaro loading after the plugin by a bounded poll (it has no ready event)', async () => {
    vi.useFakeTimers()
    const fake = klaroFake({ stored: { youtube: true } })
    const rec = record(klaro())
    await vi.advanceTimersByTimeAsync(500)
    fake.load()
    await vi.advanceTimersByTimeAsync(250)
    expect(rec.last()).toMatchObject({ status: 'decided', categories: { youtube: true }, explicit: false })
    fake.choose({ matomo: true })
    expect(rec.last()).toMatchObject({ categories: { matomo: true }, explicit: true })
  })

  it('does not count a save made by a script as the user acting', () => {
    const fake = klaroFake({ stored: {} })
    fake.load()
    const rec = record(klaro())
    fake.choose({ matomo: true }, 'script')
    expect(rec.last()).toMatchObject({ status: 'decided', explicit: false })
  })

  it('delivers once per watcher notification, also for the same choice again', () => {
    const fake = klaroFake()
    fake.load()
    const rec = record(klaro())
    fake.manager.saveAndApplyConsents('save')
    fake.manager.saveAndApplyConsents('save')
    // saveConsents + applyConsents each time.
    expect(rec.states.length).toBe(4)
    expect(new Set(rec.states.map((s) => JSON.stringify(s))).size).toBe(1)
  })

  it('unwatches on unsubscribe and stops polling', async () => {
    vi.useFakeTimers()
    const fake = klaroFake()
    fake.load()
    const rec = record(klaro())
    expect(fake.watcherCount()).toBe(1)
    rec.stop()
    expect(fake.watcherCount()).toBe(0)
    wipeAfter('klaro')
    delete (globalThis as Record<string, unknown>).klaro
    const polling = record(klaro())
    polling.stop()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('never throws on garbage or a throwing manager: pending plus a reported problem', () => {
    const seen = problems()
    wipeAfter('klaro')
    const g = globalThis as Record<string, unknown>
    g.klaro = { getManager: 'nope' }
    expect(klaro().read().status).toBe('pending')
    g.klaro = {
      getManager: () => {
        throw new Error('klaro exploded')
      },
    }
    expect(() => record(klaro())).not.toThrow()
    expect(seen.map(([, text]) => text)).toEqual(['window.klaro has no getManager()', 'klaro exploded'])
  })
})

describe('klaro() against the real Klaro (its dist bundle)', () => {
  it("reads a returning visitor's saved consents as decided, not explicit", async () => {
    await realKlaro(['matomo', 'ads'], { stored: { matomo: true, ads: false } })
    expect(klaro().read()).toEqual({ status: 'decided', categories: { matomo: true, ads: false }, explicit: false, source: 'klaro' })
  })

  it("is pending for a new visitor, ignores toggles until saved, and counts the visitor's save", async () => {
    const library = await realKlaro(['matomo', 'ads'])
    const rec = record(klaro())
    expect(klaro().read()).toMatchObject({ status: 'pending' })
    library.toggle('ads', true)
    expect(klaro().read()).toMatchObject({ status: 'pending', categories: { ads: false } })
    library.choose({ matomo: true, ads: false })
    expect(rec.last()).toEqual({ status: 'decided', categories: { matomo: true, ads: false }, explicit: true, source: 'klaro' })
    library.toggle('ads', true)
    expect(rec.last()?.categories.ads).toBe(false)
  })

  it('does not count a save made by a script as the visitor acting', async () => {
    const library = await realKlaro(['matomo'], { stored: { matomo: false } })
    const rec = record(klaro())
    library.choose({ matomo: true }, 'script')
    expect(rec.last()).toEqual({ status: 'decided', categories: { matomo: true }, explicit: false, source: 'klaro' })
  })
})
