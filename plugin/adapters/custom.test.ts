import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import type { ConsentState } from '../../shared/routing/types'
import { problems, record } from '../../test/fakes/adapter-harness'
import { ConsentGuardConfigError } from '../options/config-error'
import { custom } from './custom'

const decided: ConsentState = { status: 'decided', categories: { Analytics: true, Ads: false }, explicit: true, source: 'my-cmp' }

describe(custom, () => {
  it("defaults its name to 'custom' and returns what read() returns, synchronously", () => {
    const source = custom({ read: () => decided })
    expect(source.name).toBe('custom')
    expect(source.read()).toEqual(decided)
    expect(custom({ name: 'mine', read: () => ({ status: 'pending', categories: {} }) as never }).read()).toEqual({ status: 'pending', categories: {}, source: 'mine' })
  })

  it('passes a promise through, and turns a rejection into pending plus a problem', async () => {
    const seen = problems()
    await expect(custom({ read: async () => decided }).read()).resolves.toEqual(decided)
    await expect(custom({ read: () => Promise.reject(new Error('offline')) }).read()).resolves.toEqual({ status: 'pending', categories: {}, source: 'custom' })
    expect(seen).toEqual([['custom', 'offline']])
  })

  it('keeps any valid state intact', () => {
    const state = fc.record(
      {
        status: fc.constantFrom('pending' as const, 'decided' as const),
        categories: fc.dictionary(fc.string({ minLength: 1 }).filter((k) => k !== '__proto__'), fc.boolean()),
        explicit: fc.boolean(),
        model: fc.constantFrom('opt-in' as const, 'opt-out' as const),
        source: fc.string(),
      },
      { requiredKeys: ['status', 'categories', 'source'] },
    )
    fc.assert(
      fc.property(state, (s) => {
        expect(custom({ read: () => s }).read()).toEqual(s)
      }),
    )
  })

  it('never throws: a throwing read, a bad state or bad category values give pending or drop the value, with a problem', () => {
    const seen = problems()
    const thrower = custom({
      read: () => {
        throw new Error('boom')
      },
    })
    expect(thrower.read()).toEqual({ status: 'pending', categories: {}, source: 'custom' })
    expect(custom({ read: () => 'decided' as never }).read()).toEqual({ status: 'pending', categories: {}, source: 'custom' })
    expect(custom({ read: () => ({ ...decided, categories: { Analytics: 'yes', Ads: false } }) as never }).read()).toEqual({ ...decided, categories: { Ads: false } })
    expect(seen.map(([, text]) => text)).toEqual(['boom', 'custom source gave no ConsentState { status, categories }', 'category "Analytics" is not a boolean; ignored'])
  })

  it('wraps subscribe: checks each state, never lets a throw out, and unsubscribes', () => {
    const seen = problems()
    let push: (state: unknown) => void = () => {}
    const stop = vi.fn()
    const rec = record(
      custom({
        read: () => decided,
        subscribe: (onChange) => {
          push = onChange as (state: unknown) => void
          return stop
        },
      }),
    )
    push(decided)
    push({ nonsense: true })
    expect(rec.states).toEqual([decided, { status: 'pending', categories: {}, source: 'custom' }])
    rec.stop()
    expect(stop).toHaveBeenCalledTimes(1)
    const broken = custom({
      read: () => decided,
      subscribe: () => {
        throw new Error('no events')
      },
    })
    expect(() => record(broken).stop()).not.toThrow()
    expect(seen.map(([, text]) => text)).toEqual([
      'custom source gave no ConsentState { status, categories }',
      'no events',
      'custom subscribe() did not return an unsubscribe function',
    ])
  })

  it('rejects bad options with a ConsentGuardConfigError naming the option', () => {
    expect(() => custom({} as never)).toThrow(ConsentGuardConfigError)
    expect(() => custom({ read: () => decided, subscribe: 1 } as never)).toThrow(/custom\.subscribe/)
    expect(() => custom({ read: () => decided, name: '' })).toThrow(/custom\.name/)
  })
})
