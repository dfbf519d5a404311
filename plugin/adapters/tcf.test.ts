import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flush, problems, record, wipeAfter } from '../../test/fakes/adapter-harness'
import { tcfFake } from '../../test/fakes/tcf-fake'
import { realTcf } from '../../test/unit/support/real-consent-libraries'
import { ConsentGuardConfigError } from '../options/config-error'
import { tcf } from './tcf'

const purposes = { Analytics: [1, 7, 8, 9], Advertising: [1, 2, 3, 4] }
const source = () => tcf({ purposes })

afterEach(async () => {
  vi.useRealTimers()
  // read() unsubscribes on a zero-delay timer: let it run before the fakes are wiped.
  await flush()
})

describe(tcf, () => {
  it('reads a stored TC string when the CMP loaded before the plugin (not explicit)', async () => {
    tcfFake({ stored: { purposes: [1, 7, 8, 9] } }).load()
    await expect(source().read()).resolves.toEqual({
      status: 'decided',
      categories: { Analytics: true, Advertising: false },
      explicit: false,
      model: 'opt-in',
      source: 'tcf',
    })
  })

  it('works through the stub: pending until the CMP loads, then the UI, the choice and changes', async () => {
    vi.useFakeTimers()
    const fake = tcfFake()
    fake.installStub()
    const read = source().read()
    await vi.advanceTimersByTimeAsync(200)
    await expect(read).resolves.toEqual({ status: 'pending', categories: {}, source: 'tcf' })
    const rec = record(source())
    // The stub cannot take a call back: read()'s listener waits in the queue too, and removes itself once answered.
    expect(fake.queued()).toBe(2)
    expect(rec.states).toEqual([])
    fake.load()
    expect(fake.listenerCount()).toBe(1)
    expect(rec.last()).toEqual({ status: 'pending', categories: { Analytics: false, Advertising: false }, model: 'opt-in', source: 'tcf' })
    fake.choose({ purposes: [1, 2, 3, 4, 7, 8, 9] })
    expect(rec.last()).toEqual({ status: 'decided', categories: { Analytics: true, Advertising: true }, explicit: true, model: 'opt-in', source: 'tcf' })
    fake.choose({ purposes: [1, 7, 8, 9] })
    expect(rec.last()).toMatchObject({ categories: { Analytics: true, Advertising: false }, explicit: true })
    // The UI reopening over an earlier choice keeps that choice in force.
    fake.showUi()
    expect(rec.last()).toMatchObject({ status: 'decided', categories: { Analytics: true, Advertising: false } })
  })

  it('finds a CMP that arrives after the plugin with no stub, by a bounded poll', async () => {
    vi.useFakeTimers()
    const fake = tcfFake({ stored: { purposes: [1, 2, 3, 4] } })
    const rec = record(source())
    await vi.advanceTimersByTimeAsync(1000)
    expect(rec.states).toEqual([])
    fake.load()
    await vi.advanceTimersByTimeAsync(250)
    expect(rec.last()).toMatchObject({ status: 'decided', categories: { Analytics: false, Advertising: true } })
  })

  it('gives up polling after a few seconds and says so', async () => {
    vi.useFakeTimers()
    const seen = problems()
    const rec = record(source())
    await vi.advanceTimersByTimeAsync(10_000)
    expect(seen).toEqual([['tcf', 'not found on the page']])
    expect(vi.getTimerCount()).toBe(0)
    expect(rec.states).toEqual([])
  })

  it('treats gdprApplies false as implied consent for every mapped category', async () => {
    tcfFake({ gdprApplies: false }).load()
    await expect(source().read()).resolves.toEqual({ status: 'decided', categories: { Analytics: true, Advertising: true }, explicit: false, source: 'tcf' })
  })

  it('requires the mapped vendors too', () => {
    const fake = tcfFake()
    fake.load()
    const rec = record(tcf({ purposes: { Ads: [1] }, vendors: { Ads: [755] } }))
    fake.choose({ purposes: [1], vendors: [] })
    expect(rec.last()?.categories).toEqual({ Ads: false })
    fake.choose({ purposes: [1], vendors: [755] })
    expect(rec.last()?.categories).toEqual({ Ads: true })
  })

  it('consents a category exactly when all its purposes are consented', () => {
    const ids = fc.uniqueArray(fc.integer({ min: 1, max: 11 }), { maxLength: 11 })
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('A', 'B', 'C'), ids), ids, (mapping, consented) => {
        const fake = tcfFake()
        fake.load()
        const rec = record(tcf({ purposes: mapping }))
        fake.choose({ purposes: consented })
        const expected = Object.fromEntries(Object.entries(mapping).map(([c, list]) => [c, list.every((id) => consented.includes(id))]))
        expect(rec.last()?.categories).toEqual(expected)
        rec.stop()
      }),
      { numRuns: 60 },
    )
  })

  it('delivers one state per CMP callback, also for the same choice again', () => {
    const fake = tcfFake()
    fake.load()
    const rec = record(source())
    fake.choose({ purposes: [1] })
    fake.choose({ purposes: [1] })
    expect(rec.states.length).toBe(3)
    expect(rec.states[1]).toEqual(rec.states[2])
  })

  it('removes its listener on unsubscribe, also one still queued in the stub', () => {
    const fake = tcfFake()
    fake.installStub()
    const queued = record(source())
    queued.stop()
    fake.load()
    expect(queued.states).toEqual([])
    expect(fake.listenerCount()).toBe(0)
    const live = record(source())
    expect(fake.listenerCount()).toBe(1)
    live.stop()
    expect(fake.listenerCount()).toBe(0)
    fake.choose({ purposes: [1] })
    expect(live.states.length).toBe(1)
  })

  it('never throws on a garbage or broken __tcfapi: pending plus a reported problem', async () => {
    const seen = problems()
    wipeAfter('__tcfapi')
    const g = globalThis as Record<string, unknown>
    g.__tcfapi = 'not a function'
    expect(record(source()).states).toEqual([])
    g.__tcfapi = () => {
      throw new Error('CMP exploded')
    }
    expect(() => record(source())).not.toThrow()
    g.__tcfapi = (_c: string, _v: number, cb: (data: unknown, ok: boolean) => void) => cb(null, false)
    await expect(source().read()).resolves.toMatchObject({ status: 'pending' })
    g.__tcfapi = (_c: string, _v: number, cb: (data: unknown, ok: boolean) => void) => cb({ cmpStatus: 'error', listenerId: 1 }, true)
    await expect(source().read()).resolves.toMatchObject({ status: 'pending' })
    expect(seen.map(([, text]) => text)).toEqual(['__tcfapi is not a function', 'CMP exploded', 'no TC data', 'cmpStatus error'])
  })

  it('rejects a bad purpose mapping with a ConsentGuardConfigError naming the option', () => {
    expect(() => tcf({ purposes: { Ads: ['1'] } } as never)).toThrow(ConsentGuardConfigError)
    expect(() => tcf({ purposes: { Ads: [1] }, vendors: [] as never })).toThrow(/tcf\.vendors/)
    expect(() => tcf(undefined as never)).toThrow(/tcf\.purposes/)
  })
})

describe('tcf() against the IAB reference CMP API (@iabtechlabtcf/cmpapi)', () => {
  const ads = () => tcf({ purposes: { C0004: [1, 2, 3, 4] } })

  it("reads a returning visitor's TC string as decided, not explicit", () => {
    realTcf({ stored: [1, 2, 3, 4] })
    expect(record(ads()).last()).toEqual({ status: 'decided', categories: { C0004: true }, explicit: false, model: 'opt-in', source: 'tcf' })
  })

  it('is pending while the UI asks a new visitor, explicit after the choice, and keeps it while the UI is shown again', () => {
    const library = realTcf()
    const rec = record(ads())
    expect(rec.last()).toMatchObject({ status: 'pending' })
    library.choose([1])
    expect(rec.last()).toEqual({ status: 'decided', categories: { C0004: false }, explicit: true, model: 'opt-in', source: 'tcf' })
    library.showChoices()
    expect(rec.last()).toMatchObject({ status: 'decided', categories: { C0004: false } })
    library.choose([1, 2, 3, 4])
    expect(rec.last()).toMatchObject({ status: 'decided', categories: { C0004: true }, explicit: true })
  })
})
