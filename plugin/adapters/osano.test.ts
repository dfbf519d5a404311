import { afterEach, describe, expect, it, vi } from 'vitest'
import { flush, problems, record, wipeAfter } from '../../test/fakes/adapter-harness'
import { osanoFake } from '../../test/fakes/osano-fake'
import { osano } from './osano'

const consent = (analytics: boolean, marketing: boolean, personalization: boolean) => ({
  ESSENTIAL: true,
  ANALYTICS: analytics,
  MARKETING: marketing,
  PERSONALIZATION: personalization,
  OPT_OUT: false,
})

afterEach(async () => {
  vi.useRealTimers()
  await flush()
})

describe(osano, () => {
  it('reads a stored consent when osano.js loaded before the plugin (not explicit)', async () => {
    osanoFake({ stored: { ANALYTICS: true } }).load()
    await expect(osano().read()).resolves.toEqual({ status: 'decided', categories: consent(true, false, false), explicit: false, source: 'osano' })
  })

  it('is pending when initialized without a consent', async () => {
    osanoFake().load()
    await expect(osano().read()).resolves.toEqual({ status: 'pending', categories: consent(false, false, false), source: 'osano' })
  })

  it("uses the page's pre-load function, then follows saves and ignores unsaved toggles", () => {
    const fake = osanoFake()
    fake.installPreload()
    const rec = record(osano())
    expect((globalThis as unknown as { Osano: { data: unknown[] } }).Osano.data.length).toBe(2)
    fake.load()
    expect(rec.last()).toEqual({ status: 'pending', categories: consent(false, false, false), source: 'osano' })
    fake.toggle({ MARKETING: true })
    expect(rec.states.length).toBe(1)
    fake.save({ ANALYTICS: true, MARKETING: true })
    expect(rec.last()).toEqual({ status: 'decided', categories: consent(true, true, false), explicit: true, source: 'osano' })
    fake.save({ MARKETING: false })
    expect(rec.last()?.categories).toEqual(consent(true, false, false))
  })

  it('creates the documented pre-load function when osano.js is not there yet', async () => {
    vi.useFakeTimers()
    const fake = osanoFake({ stored: { PERSONALIZATION: true } })
    const read = osano().read()
    await vi.advanceTimersByTimeAsync(200)
    await expect(read).resolves.toEqual({ status: 'pending', categories: {}, source: 'osano' })
    const rec = record(osano())
    expect(typeof (globalThis as unknown as { Osano: unknown }).Osano).toBe('function')
    fake.load()
    expect(rec.last()).toEqual({ status: 'decided', categories: consent(false, false, true), explicit: false, source: 'osano' })
  })

  it('delivers once per Osano event, also for the same save again', () => {
    const fake = osanoFake()
    fake.load()
    const rec = record(osano())
    fake.save({ ANALYTICS: true })
    fake.save({ ANALYTICS: true })
    expect(rec.states.length).toBe(3)
    expect(rec.states[1]).toEqual(rec.states[2])
  })

  it('removes its listeners on unsubscribe, and its still-queued pre-load calls', () => {
    const fake = osanoFake()
    fake.installPreload()
    record(osano()).stop()
    expect((globalThis as unknown as { Osano: { data: unknown[] } }).Osano.data).toEqual([])
    fake.load()
    const rec = record(osano())
    expect(fake.listenerCount()).toBe(2)
    rec.stop()
    expect(fake.listenerCount()).toBe(0)
  })

  it('never throws on garbage or a throwing Osano: pending plus a reported problem', () => {
    const seen = problems()
    wipeAfter('Osano')
    const g = globalThis as Record<string, unknown>
    g.Osano = 42
    expect(() => record(osano())).not.toThrow()
    const fake = osanoFake()
    fake.load()
    fake.cm.getConsent = () => {
      throw new Error('CMP exploded')
    }
    const rec = record(osano())
    expect(rec.last()).toEqual({ status: 'pending', categories: {}, source: 'osano' })
    expect(seen.map(([, text]) => text)).toEqual(['window.Osano is neither the Osano API nor its pre-load function', 'CMP exploded'])
  })
})
