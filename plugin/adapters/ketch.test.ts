import { afterEach, describe, expect, it, vi } from 'vitest'
import { flush, problems, record, wipeAfter } from '../../test/fakes/adapter-harness'
import { ketchFake } from '../../test/fakes/ketch-fake'
import { ketch } from './ketch'

afterEach(async () => {
  vi.useRealTimers()
  await flush()
})

describe(ketch, () => {
  it('reads a stored consent when the tag loaded before the plugin (not explicit)', async () => {
    ketchFake({ stored: { analytics: true, behavioral_advertising: false } }).load()
    await expect(ketch().read()).resolves.toEqual({
      status: 'decided',
      categories: { essential_services: true, analytics: true, behavioral_advertising: false, data_sales: true },
      explicit: false,
      source: 'ketch',
    })
  })

  it.each([true, false])('works through the boot queue (ketch function: %s), then follows the banner answer and changes', (withKetchFunction) => {
    const fake = ketchFake()
    fake.installSnippet(withKetchFunction)
    const rec = record(ketch())
    expect(rec.states).toEqual([])
    fake.load()
    // Defaults for purposes that need no opt-in; the opt-in ones stay absent (refused under opt-in).
    expect(rec.last()).toEqual({ status: 'decided', categories: { essential_services: true, data_sales: true }, explicit: false, source: 'ketch' })
    fake.choose({ analytics: true, behavioral_advertising: false })
    expect(rec.last()).toEqual({
      status: 'decided',
      categories: { essential_services: true, analytics: true, behavioral_advertising: false, data_sales: true },
      explicit: true,
      source: 'ketch',
    })
    fake.showPreferences()
    fake.choose({ analytics: false })
    expect(rec.last()?.categories.analytics).toBe(false)
  })

  it('creates the semaphore queue when the page has no snippet yet, and read() settles as pending', async () => {
    vi.useFakeTimers()
    const fake = ketchFake({ stored: { analytics: false, behavioral_advertising: true } })
    const read = ketch().read()
    await vi.advanceTimersByTimeAsync(200)
    await expect(read).resolves.toEqual({ status: 'pending', categories: {}, source: 'ketch' })
    // read() took its queued getConsent back out.
    expect((globalThis as unknown as { semaphore: unknown[] }).semaphore).toEqual([])
    const rec = record(ketch())
    fake.load()
    expect(rec.last()).toMatchObject({ status: 'decided', categories: { behavioral_advertising: true, analytics: false } })
  })

  it('delivers once per consent event, also for the same choice again', () => {
    const fake = ketchFake()
    fake.load()
    const rec = record(ketch())
    fake.choose({ analytics: true })
    fake.choose({ analytics: true })
    expect(rec.states.length).toBe(2)
    expect(rec.states[0]).toEqual(rec.states[1])
  })

  it('turns its handlers off on unsubscribe, before and after the tag loads', () => {
    const fake = ketchFake()
    fake.installSnippet()
    record(ketch()).stop()
    fake.load()
    expect(fake.handlerCount()).toBe(0)
    const rec = record(ketch())
    expect(fake.handlerCount()).toBe(2)
    rec.stop()
    expect(fake.handlerCount()).toBe(0)
    fake.choose({ analytics: true })
    expect(rec.states).toEqual([])
  })

  it('never throws on a garbage queue, a garbage consent or a throwing tag: pending plus a reported problem', () => {
    const seen = problems()
    wipeAfter('semaphore', 'ketch')
    const g = globalThis as Record<string, unknown>
    g.semaphore = 7
    expect(() => record(ketch())).not.toThrow()
    delete g.semaphore
    const fake = ketchFake()
    fake.load()
    const rec = record(ketch())
    fake.emitRaw('consent', { purposes: 'all' })
    expect(rec.last()).toEqual({ status: 'pending', categories: {}, source: 'ketch' })
    g.ketch = () => {
      throw new Error('tag exploded')
    }
    expect(() => record(ketch())).not.toThrow()
    expect(seen.map(([, text]) => text)).toEqual(['window.semaphore is not a queue', 'Ketch sent a consent without purposes', 'tag exploded'])
  })
})
