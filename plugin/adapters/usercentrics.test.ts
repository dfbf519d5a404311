import { afterEach, describe, expect, it } from 'vitest'
import { flush, problems, record, wipeAfter } from '../../test/fakes/adapter-harness'
import { UC_SERVICES, usercentricsFake } from '../../test/fakes/usercentrics-fake'
import { usercentrics } from './usercentrics'
import { listenerErrors } from '../../test/unit/support/listener-errors'

/** Service names and category slugs, as the adapter names them. */
function categories(given: string[]) {
  const out: Record<string, boolean> = {}
  for (const s of UC_SERVICES) out[s.name] = !!s.essential || given.includes(s.id)
  for (const s of UC_SERVICES) out[s.category] = UC_SERVICES.filter((t) => t.category === s.category).every((t) => out[t.name])
  return out
}
const ALL = UC_SERVICES.map((s) => s.id)

afterEach(flush)

describe.each([3, 2] as const)('usercentrics v%s', (version) => {
  it('reads a stored choice when the CMP loaded before the plugin (not explicit)', async () => {
    usercentricsFake({ version, stored: { '87JYasXPF': true } }).load()
    await expect(usercentrics().read()).resolves.toEqual({ status: 'decided', categories: categories(['87JYasXPF']), explicit: false, source: 'usercentrics' })
  })

  it('is pending while consent is required and not given', async () => {
    usercentricsFake({ version }).load()
    await expect(usercentrics().read()).resolves.toEqual({ status: 'pending', categories: categories([]), source: 'usercentrics' })
  })

  it('reports a visitor who needs no consent as decided, not explicit', async () => {
    usercentricsFake({ version, notRequired: true }).load()
    await expect(usercentrics().read()).resolves.toEqual({ status: 'decided', categories: categories(ALL), explicit: false, source: 'usercentrics' })
  })

  it('follows the CMP loading after the plugin, the user deciding and changing', async () => {
    const fake = usercentricsFake({ version })
    await expect(usercentrics().read()).resolves.toEqual({ status: 'pending', categories: {}, source: 'usercentrics' })
    const rec = record(usercentrics())
    fake.load()
    await flush()
    expect(rec.last()).toEqual({ status: 'pending', categories: categories([]), source: 'usercentrics' })
    fake.acceptAll()
    await flush()
    expect(rec.last()).toEqual({ status: 'decided', categories: categories(ALL), explicit: true, source: 'usercentrics' })
    fake.save(['S1pcEj_jZX'])
    await flush()
    expect(rec.last()).toMatchObject({ categories: categories(['S1pcEj_jZX']), explicit: true })
    expect(rec.last()?.categories).toMatchObject({ Hotjar: true, functional: true, marketing: false })
  })

  it('delivers once per CMP event, also for the same choice again', async () => {
    const fake = usercentricsFake({ version })
    fake.load()
    const rec = record(usercentrics())
    fake.denyAll()
    await flush()
    const afterFirst = rec.states.length
    fake.denyAll()
    await flush()
    // v2: one UC_UI_CMP_EVENT. v3: UC_UI_CMP_EVENT + UC_CONSENT start two reads; only the newest answer is delivered.
    expect(rec.states.length - afterFirst).toBe(1)
    expect(new Set(rec.states.slice(afterFirst - 1).map((s) => JSON.stringify(s))).size).toBe(1)
  })

  it('stops delivering after unsubscribe, also an answer still in flight', async () => {
    const fake = usercentricsFake({ version })
    fake.load()
    const rec = record(usercentrics())
    window.dispatchEvent(new CustomEvent('UC_CONSENT'))
    rec.stop()
    fake.acceptAll()
    await flush()
    expect(rec.states).toEqual(version === 2 ? [{ status: 'pending', categories: categories([]), source: 'usercentrics' }] : [])
  })
})

describe('usercentrics', () => {
  it('waits for v2 to initialize, and listens to the admin-configured event', () => {
    const fake = usercentricsFake({ version: 2, customEvent: 'ucEvent' })
    fake.loadUninitialized()
    const rec = record(usercentrics({ event: 'ucEvent' }))
    fake.showBanner()
    expect(rec.last()).toEqual({ status: 'pending', categories: {}, source: 'usercentrics' })
    fake.load()
    expect(rec.last()?.categories).toEqual(categories([]))
    fake.acceptAll()
    // UC_UI_CMP_EVENT and ucEvent.
    expect(rec.states.slice(-2).map((s) => s.status)).toEqual(['decided', 'decided'])
  })

  it('never throws on garbage or a failing API: pending plus a reported problem', async () => {
    const seen = problems()
    wipeAfter('__ucCmp', 'UC_UI')
    const g = globalThis as Record<string, any>
    g.UC_UI = { isInitialized: () => true, getServicesBaseInfo: () => 'nope' }
    await expect(usercentrics().read()).resolves.toMatchObject({ status: 'pending' })
    g.__ucCmp = { getConsentDetails: () => Promise.reject(new Error('network down')) }
    const rec = record(usercentrics())
    expect(listenerErrors(() => window.dispatchEvent(new CustomEvent('UC_CONSENT')))).toEqual([])
    await flush()
    g.__ucCmp = {
      getConsentDetails: () => {
        throw new Error('CMP exploded')
      },
    }
    window.dispatchEvent(new CustomEvent('UC_UI_CMP_EVENT', { detail: 42 }))
    g.__ucCmp = { getConsentDetails: async () => ({ services: [] }) }
    await expect(usercentrics().read()).resolves.toMatchObject({ status: 'pending' })
    expect(rec.states).toEqual([])
    expect(seen.map(([, text]) => text)).toEqual(['no services', 'network down', 'CMP exploded', 'no consent details'])
  })
})
