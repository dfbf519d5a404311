import { describe, expect, it } from 'vitest'
import type { ConsentState } from '../../shared/routing/types'
import { ConsentGuardConfigError } from '../options/config-error'
import { consentGuard } from '../consent-guard'
import { custom } from './custom'

const decided: ConsentState = { status: 'decided', categories: { Analytics: true, Ads: false }, explicit: true, source: 'my-cmp' }

describe(custom, () => {
  it("defaults its name to 'custom' and hands read and subscribe to the guard as they are", () => {
    const read = () => decided
    const subscribe = () => () => undefined
    expect(custom({ read })).toEqual({ name: 'custom', read })
    expect(custom({ name: 'mine', read, subscribe })).toEqual({ name: 'mine', read, subscribe })
  })

  it('rejects bad options with a ConsentGuardConfigError naming the option', () => {
    expect(() => custom({} as never)).toThrow(ConsentGuardConfigError)
    expect(() => custom(undefined as never)).toThrow(/custom\.read/)
    expect(() => custom({ read: () => decided, subscribe: 1 } as never)).toThrow(/custom\.subscribe/)
    expect(() => custom({ read: () => decided, name: '' })).toThrow(/custom\.name/)
  })

  it('a source that throws, rejects or returns garbage leaves the guard pending, without an exception', async () => {
    for (const read of [
      () => {
        throw new Error('boom')
      },
      () => Promise.reject(new Error('offline')),
      () => 'decided' as never,
    ]) {
      const guard = consentGuard({ cmp: custom({ read }), diagnostics: 'off' })
      await Promise.resolve()
      expect(guard.consent()).toMatchObject({ status: 'pending', source: 'custom' })
    }
  })

  it('a valid state, read or pushed, becomes the consent in force', async () => {
    let push: (s: ConsentState) => void = () => undefined
    const guard = consentGuard({
      cmp: custom({ name: 'mine', read: async () => decided, subscribe: (onChange) => ((push = onChange), () => undefined) }),
      diagnostics: 'off',
    })
    await new Promise((r) => setTimeout(r, 0))
    expect(guard.consent()).toMatchObject({ status: 'decided', categories: decided.categories, source: 'my-cmp' })
    push({ ...decided, categories: { Analytics: false } })
    expect(guard.consent().categories).toEqual({ Analytics: false })
  })
})
