import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { problems, record, wipeAfter } from '../../test/fakes/adapter-harness'
import { oneTrustFake } from '../../test/fakes/one-trust-fake'
import { oneTrust } from './one-trust'
import { listenerErrors } from '../../test/unit/support/listener-errors'

const ALL = ['C0001', 'C0002', 'C0003', 'C0004', 'C0005']
const only = (...on: string[]) => Object.fromEntries(ALL.map((id) => [id, on.includes(id)]))

describe(oneTrust, () => {
  it('reads a stored choice when OneTrust loaded before the plugin (not explicit: no one acted on this page)', () => {
    oneTrustFake({ stored: ['C0001', 'C0002'] }).load()
    expect(oneTrust().read()).toEqual({ status: 'decided', categories: only('C0001', 'C0002'), explicit: false, model: 'opt-in', source: 'onetrust' })
  })

  it('is pending with the default groups while the banner is open', () => {
    oneTrustFake({ defaults: ['C0001'] }).load()
    expect(oneTrust().read()).toEqual({ status: 'pending', categories: only('C0001'), model: 'opt-in', source: 'onetrust' })
  })

  it('follows OneTrust loading after the plugin, then the user deciding and changing', () => {
    const fake = oneTrustFake()
    const source = oneTrust()
    expect(source.read()).toEqual({ status: 'pending', categories: {}, source: 'onetrust' })
    const rec = record(source)
    fake.load()
    expect(rec.last()).toMatchObject({ status: 'pending', categories: only('C0001') })
    fake.choose(['C0002', 'C0004'])
    expect(rec.last()).toEqual({ status: 'decided', categories: only('C0001', 'C0002', 'C0004'), explicit: true, model: 'opt-in', source: 'onetrust' })
    fake.choose(['C0003'])
    expect(rec.last()).toMatchObject({ status: 'decided', categories: only('C0001', 'C0003'), explicit: true })
  })

  it('treats the placeholder OneTrust object as not ready, without a problem', () => {
    const seen = problems()
    const fake = oneTrustFake({ stored: ['C0001', 'C0004'] })
    fake.placeholder()
    const source = oneTrust()
    expect(source.read().status).toBe('pending')
    const rec = record(source)
    fake.load()
    expect(rec.last()).toMatchObject({ status: 'decided', categories: only('C0001', 'C0004') })
    expect(seen).toEqual([])
  })

  it('reports implied consent as decided but not explicit', () => {
    oneTrustFake({ showAlertNotice: false, defaults: ['C0001', 'C0002'] }).load()
    expect(oneTrust().read()).toMatchObject({ status: 'decided', explicit: false, categories: only('C0001', 'C0002') })
  })

  it.each([
    ['implied consent', 'decided', 'opt-out'],
    ['notice only', 'decided', 'opt-out'],
    ['opt-out', 'pending', 'opt-out'],
    ['custom', 'pending', undefined],
  ] as const)('maps the %s consent model', (name, status, model) => {
    oneTrustFake({ model: name, defaults: ALL }).load()
    const state = oneTrust().read()
    expect(state.status).toBe(status)
    expect(state.model).toBe(model)
  })

  it('delivers once per platform callback, also when the same choice is saved again', () => {
    const fake = oneTrustFake()
    fake.load()
    const rec = record(oneTrust())
    expect(fake.consentChangedCallbacks()).toBe(1)
    fake.choose(['C0002'])
    const afterFirst = rec.states.length
    fake.choose(['C0002'])
    // OneTrustGroupsUpdated, OptanonWrapper and OnConsentChanged: three callbacks, three identical states.
    expect(rec.states.length - afterFirst).toBe(3)
    expect(new Set(rec.states.slice(afterFirst).map((s) => JSON.stringify(s))).size).toBe(1)
  })

  it('maps any chosen set of groups to exactly those categories', () => {
    fc.assert(
      fc.property(fc.subarray(ALL.slice(1)), (chosen) => {
        const fake = oneTrustFake()
        fake.load()
        const rec = record(oneTrust())
        fake.choose(chosen)
        expect(rec.last()?.categories).toEqual(only('C0001', ...chosen))
        rec.stop()
      }),
      { numRuns: 40 },
    )
  })

  it('never throws on garbage globals or a throwing SDK: pending plus a reported problem', () => {
    const seen = problems()
    wipeAfter('OneTrust', 'OnetrustActiveGroups')
    const g = globalThis as Record<string, unknown>
    g.OneTrust = 42
    expect(oneTrust().read()).toEqual({ status: 'pending', categories: {}, source: 'onetrust' })
    const fake = oneTrustFake()
    fake.load()
    g.OnetrustActiveGroups = ['C0001']
    expect(oneTrust().read().status).toBe('pending')
    g.OnetrustActiveGroups = ',C0001,'
    fake.sdk.GetDomainData = () => {
      throw new Error('SDK exploded')
    }
    const rec = record(oneTrust())
    expect(listenerErrors(() => window.dispatchEvent(new CustomEvent('OneTrustGroupsUpdated')))).toEqual([])
    expect(rec.last()?.status).toBe('pending')
    expect(seen.map(([source, text]) => `${source}: ${text}`)).toEqual([
      'onetrust: OneTrust is not an object',
      'onetrust: OnetrustActiveGroups is not a string',
      'onetrust: SDK exploded',
    ])
  })

  it('chains the page OptanonWrapper and restores it on unsubscribe', () => {
    wipeAfter('OptanonWrapper')
    const pageWrapper = vi.fn()
    ;(globalThis as Record<string, unknown>).OptanonWrapper = pageWrapper
    const fake = oneTrustFake()
    const rec = record(oneTrust())
    fake.load()
    expect(pageWrapper).toHaveBeenCalledTimes(1)
    rec.stop()
    expect((globalThis as Record<string, unknown>).OptanonWrapper).toBe(pageWrapper)
    const count = rec.states.length
    fake.choose(['C0004'])
    expect(rec.states.length).toBe(count)
    expect(pageWrapper).toHaveBeenCalledTimes(2)
  })

  it('leaves an OptanonWrapper the page replaced after us, and removes its own when there was none', () => {
    wipeAfter('OptanonWrapper')
    const g = globalThis as Record<string, unknown>
    const rec = record(oneTrust())
    expect(typeof g.OptanonWrapper).toBe('function')
    rec.stop()
    expect('OptanonWrapper' in g).toBe(false)
    const rec2 = record(oneTrust())
    const later = () => {}
    g.OptanonWrapper = later
    rec2.stop()
    expect(g.OptanonWrapper).toBe(later)
  })
})
