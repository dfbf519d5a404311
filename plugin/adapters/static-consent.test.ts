import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ConsentGuardConfigError } from '../options/config-error'
import { staticConsent } from './static-consent'

describe(staticConsent, () => {
  it('is always decided with the given categories, not explicit, source static', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }).filter((k) => k !== '__proto__'), fc.boolean()), (categories) => {
        const source = staticConsent(categories)
        expect(source.name).toBe('static')
        expect(source.read()).toEqual({ status: 'decided', categories, explicit: false, source: 'static' })
        expect(source.subscribe).toBeUndefined()
      }),
    )
  })

  it('is not changed by later edits to the input or to a returned state', () => {
    const input = { Analytics: true }
    const source = staticConsent(input)
    input.Analytics = false
    const first = source.read() as { categories: Record<string, boolean> }
    first.categories.Analytics = false
    expect((source.read() as { categories: Record<string, boolean> }).categories).toEqual({ Analytics: true })
  })

  it('rejects anything but category -> boolean with a ConsentGuardConfigError', () => {
    expect(() => staticConsent(null as never)).toThrow(ConsentGuardConfigError)
    expect(() => staticConsent(['Analytics'] as never)).toThrow(ConsentGuardConfigError)
    expect(() => staticConsent({ Analytics: 'yes' } as never)).toThrow(/staticConsent\.Analytics/)
  })
})
