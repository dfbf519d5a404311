import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flush, problems, record, wipeAfter } from '../../test/fakes/adapter-harness'
import { gppFake } from '../../test/fakes/gpp-fake'
import { realGpp } from '../../test/unit/support/real-consent-libraries'
import { ConsentGuardConfigError } from '../options/config-error'
import { gpp } from './gpp'

const AD_FIELDS = ['SaleOptOut', 'SharingOptOut', 'TargetedAdvertisingOptOut']
const sections = { usnat: { Advertising: AD_FIELDS, Analytics: ['SaleOptOut'] }, usca: { Advertising: ['SaleOptOut'] } }
const source = () => gpp({ sections })

afterEach(async () => {
  vi.useRealTimers()
  await flush()
})

describe(gpp, () => {
  it('reads a ready signal when the CMP loaded before the plugin, as opt-out and not explicit', async () => {
    gppFake().load()
    await expect(source().read()).resolves.toEqual({
      status: 'decided',
      categories: { Advertising: true, Analytics: true },
      explicit: false,
      model: 'opt-out',
      source: 'gpp',
    })
  })

  it('works through the stub: pending until signalStatus is ready, then follows opt-outs', async () => {
    vi.useFakeTimers()
    const fake = gppFake()
    fake.installStub()
    const read = source().read()
    await vi.advanceTimersByTimeAsync(200)
    await expect(read).resolves.toEqual({ status: 'pending', categories: {}, source: 'gpp' })
    const rec = record(source())
    fake.load()
    expect(rec.states.map((s) => s.status)).toEqual(['pending', 'decided'])
    fake.optOut('usnat', { TargetedAdvertisingOptOut: 1 })
    expect(rec.last()).toEqual({ status: 'decided', categories: { Advertising: false, Analytics: true }, explicit: true, model: 'opt-out', source: 'gpp' })
    fake.optOut('usnat', { TargetedAdvertisingOptOut: 2, SaleOptOut: 1 })
    expect(rec.last()?.categories).toEqual({ Advertising: false, Analytics: false })
  })

  it('finds a CMP that arrives after the plugin with no stub, by a bounded poll', async () => {
    vi.useFakeTimers()
    const fake = gppFake()
    const rec = record(source())
    await vi.advanceTimersByTimeAsync(750)
    fake.load()
    await vi.advanceTimersByTimeAsync(250)
    expect(rec.last()).toMatchObject({ status: 'decided', model: 'opt-out' })
  })

  it('reads plain-object sections and ignores sections absent from the string', async () => {
    gppFake().load({ usca: { Version: 1, SaleOptOut: 1, SharingOptOut: 2 } })
    await expect(source().read()).resolves.toMatchObject({ status: 'decided', categories: { Advertising: false } })
  })

  it('refuses a category when any listed field of any present section is 1', () => {
    const value = fc.constantFrom(0, 1, 2)
    fc.assert(
      fc.property(value, value, value, value, (sale, sharing, targeted, caSale) => {
        const fake = gppFake()
        fake.load({ usnat: [{ SaleOptOut: sale, SharingOptOut: sharing, TargetedAdvertisingOptOut: targeted }], usca: { SaleOptOut: caSale } })
        const rec = record(source())
        fake.optOut('usnat', {})
        expect(rec.last()?.categories).toEqual({ Advertising: ![sale, sharing, targeted, caSale].includes(1), Analytics: sale !== 1 })
        rec.stop()
      }),
      { numRuns: 60 },
    )
  })

  it('delivers one state per CMP event, also for the same choice again', () => {
    const fake = gppFake()
    fake.load()
    const rec = record(source())
    fake.optOut('usnat', { SaleOptOut: 1 })
    fake.optOut('usnat', { SaleOptOut: 1 })
    // Each save is three events: 'not ready', sectionChange, 'ready'.
    expect(rec.states.length).toBe(7)
    expect(rec.states[3]).toEqual(rec.states[6])
  })

  it("counts a new visitor's first choice as their act: sectionChange comes before the first 'ready'", async () => {
    const fake = gppFake()
    fake.installStub()
    const rec = record(source())
    fake.loadNewVisitor()
    await expect(source().read()).resolves.toEqual({ status: 'pending', categories: {}, source: 'gpp' })
    fake.optOut('usnat', { SaleOptOut: 1 })
    expect(rec.states.map((s) => s.status)).toEqual(['pending', 'pending', 'decided'])
    expect(rec.last()).toEqual({ status: 'decided', categories: { Advertising: false, Analytics: false }, explicit: true, model: 'opt-out', source: 'gpp' })
  })

  it("keeps the choice in force while the choices screen is open again ('not ready'), then follows the new one", () => {
    const fake = gppFake()
    fake.load()
    const rec = record(source())
    fake.optOut('usnat', { TargetedAdvertisingOptOut: 1 })
    const chosen = rec.last()
    expect(chosen).toMatchObject({ status: 'decided', categories: { Advertising: false, Analytics: true }, explicit: true })
    fake.showChoices()
    expect(rec.last()).toEqual(chosen)
    fake.closeChoices()
    expect(rec.last()).toEqual(chosen)
    fake.showChoices()
    fake.optOut('usnat', { TargetedAdvertisingOptOut: 2 })
    expect(rec.states.every((s) => s.status === 'decided')).toBe(true)
    expect(rec.last()?.categories).toEqual({ Advertising: true, Analytics: true })
  })

  it("says pending on 'not ready' before any decision (a new visitor's notice)", () => {
    const fake = gppFake()
    fake.installStub()
    const rec = record(source())
    fake.loadNewVisitor()
    fake.showChoices()
    expect(rec.states.every((s) => s.status === 'pending')).toBe(true)
  })

  it('removes its listener on unsubscribe, also one still queued in the stub', () => {
    const fake = gppFake()
    fake.installStub()
    record(source()).stop()
    fake.load()
    expect(fake.listenerCount()).toBe(0)
    const live = record(source())
    expect(fake.listenerCount()).toBe(1)
    live.stop()
    expect(fake.listenerCount()).toBe(0)
  })

  it('never throws on a garbage or failing __gpp: pending plus a reported problem', () => {
    const seen = problems()
    wipeAfter('__gpp')
    const g = globalThis as Record<string, unknown>
    g.__gpp = {}
    record(source())
    g.__gpp = () => {
      throw new Error('CMP exploded')
    }
    expect(() => record(source())).not.toThrow()
    const fake = gppFake()
    fake.load()
    const rec = record(source())
    fake.error()
    expect(rec.last()).toEqual({ status: 'pending', categories: {}, source: 'gpp' })
    expect(seen.map(([, text]) => text)).toEqual(['__gpp is not a function', 'CMP exploded', 'cmpStatus error'])
  })

  it('rejects a bad section mapping with a ConsentGuardConfigError', () => {
    expect(() => gpp({ sections: { usnat: { Ads: 'SaleOptOut' } } } as never)).toThrow(ConsentGuardConfigError)
    expect(() => gpp({} as never)).toThrow(/gpp\.sections/)
  })
})

describe('gpp() against the IAB reference CMP API (@iabgpp/cmpapi)', () => {
  const ads = () => gpp({ sections: { usnat: { Advertising: AD_FIELDS } } })

  it("counts a new visitor's first choice as their act", () => {
    const library = realGpp({ newVisitor: true })
    const rec = record(ads())
    expect(rec.last()).toEqual({ status: 'pending', categories: {}, source: 'gpp' })
    library.optOut(true)
    expect(rec.last()).toEqual({ status: 'decided', categories: { Advertising: false }, explicit: true, model: 'opt-out', source: 'gpp' })
  })

  it('keeps the choice in force while the choices screen is open again, then follows the next one', () => {
    const library = realGpp()
    const rec = record(ads())
    expect(rec.last()).toMatchObject({ status: 'decided', categories: { Advertising: true }, explicit: false })
    library.optOut(true)
    library.showChoices()
    expect(rec.last()).toMatchObject({ status: 'decided', categories: { Advertising: false }, explicit: true })
    library.optOut(false)
    expect(rec.states.slice(1).every((s) => s.status === 'decided')).toBe(true)
    expect(rec.last()?.categories).toEqual({ Advertising: true })
  })
})
