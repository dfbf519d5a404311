import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flush, problems, record, wipeAfter } from '../../test/fakes/adapter-harness'
import { DIDOMI_PURPOSES, didomiFake } from '../../test/fakes/didomi-fake'
import { didomi } from './didomi'

const only = (...on: string[]) => Object.fromEntries(DIDOMI_PURPOSES.map((id) => [id, on.includes(id)]))

afterEach(async () => {
  vi.useRealTimers()
  await flush()
})

describe(didomi, () => {
  it('reads a stored choice once the SDK is ready, loaded before the plugin (not explicit)', async () => {
    didomiFake({ stored: ['cookies', 'analytics'] }).load()
    await expect(didomi().read()).resolves.toEqual({
      status: 'decided',
      categories: only('cookies', 'analytics'),
      explicit: false,
      model: 'opt-in',
      source: 'didomi',
    })
  })

  it('creates the pre-load queues, waits for didomiOnReady, then follows consent.changed', async () => {
    vi.useFakeTimers()
    const fake = didomiFake()
    const read = didomi().read()
    await vi.advanceTimersByTimeAsync(200)
    await expect(read).resolves.toEqual({ status: 'pending', categories: {}, source: 'didomi' })
    const rec = record(didomi())
    const g = globalThis as unknown as Record<string, unknown[]>
    expect(g.didomiOnReady.length).toBe(1)
    expect(g.didomiEventListeners.length).toBe(1)
    fake.load()
    expect(rec.last()).toEqual({ status: 'pending', categories: only(), model: 'opt-in', source: 'didomi' })
    fake.agreeToAll()
    expect(rec.last()).toEqual({ status: 'decided', categories: only(...DIDOMI_PURPOSES), explicit: true, model: 'opt-in', source: 'didomi' })
    fake.choose(['cookies'])
    expect(rec.last()?.categories).toEqual(only('cookies'))
  })

  it('reports every purpose as consented when consent is not required (implied)', async () => {
    didomiFake({ notRequired: true }).load()
    await expect(didomi().read()).resolves.toEqual({ status: 'decided', categories: only(...DIDOMI_PURPOSES), explicit: false, source: 'didomi' })
  })

  it('maps any set of enabled purposes to exactly those categories', () => {
    fc.assert(
      fc.property(fc.subarray(DIDOMI_PURPOSES), (chosen) => {
        const fake = didomiFake()
        fake.load()
        const rec = record(didomi())
        fake.choose(chosen)
        expect(rec.last()?.categories).toEqual(only(...chosen))
        rec.stop()
      }),
      { numRuns: 30 },
    )
  })

  it('delivers once per consent.changed, also for the same choice again', () => {
    const fake = didomiFake()
    fake.load()
    const rec = record(didomi())
    expect(rec.states.length).toBe(1)
    fake.disagreeToAll()
    fake.disagreeToAll()
    expect(rec.states.length).toBe(3)
    expect(rec.states[1]).toEqual(rec.states[2])
  })

  it('unsubscribes: unqueues what the SDK has not taken yet, silences the rest', () => {
    const fake = didomiFake()
    const g = globalThis as unknown as Record<string, unknown[]>
    record(didomi()).stop()
    expect(g.didomiOnReady).toEqual([])
    expect(g.didomiEventListeners).toEqual([])
    fake.load()
    const rec = record(didomi())
    rec.stop()
    fake.agreeToAll()
    expect(rec.states.length).toBe(1)
  })

  it('never throws on garbage queues or a throwing SDK: pending plus a reported problem', async () => {
    const seen = problems()
    wipeAfter('didomiOnReady', 'didomiEventListeners')
    const g = globalThis as Record<string, unknown>
    g.didomiOnReady = 'garbage'
    expect(() => record(didomi())).not.toThrow()
    delete g.didomiOnReady
    const fake = didomiFake()
    fake.load()
    fake.sdk.getCurrentUserStatus = () => {
      throw new Error('SDK exploded')
    }
    await expect(didomi().read()).resolves.toEqual({ status: 'pending', categories: {}, source: 'didomi' })
    expect(seen.map(([, text]) => text)).toEqual(['window.didomiOnReady or didomiEventListeners is not a queue', 'SDK exploded'])
  })
})
