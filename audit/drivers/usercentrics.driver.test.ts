import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { flush, record } from '../../test/fakes/adapter-harness'
import { drive, listCategories } from '../../test/fakes/driver-harness'
import { UC_SERVICES, usercentricsFake } from '../../test/fakes/usercentrics-fake'
import { usercentrics } from '../../plugin/adapters/usercentrics'
import { usercentricsDriver } from './usercentrics.driver'

const SLUGS = Array.from(new Set(UC_SERVICES.map((s) => s.category)))
const IDS = [...UC_SERVICES.map((s) => s.name), ...SLUGS]

/** What the adapter reports once exactly `chosen` (service names or category slugs) is saved: essential services always on. */
function decided(chosen: string[]) {
  const on = (s: (typeof UC_SERVICES)[number]) => !!s.essential || chosen.includes(s.name) || chosen.includes(s.category)
  const categories: Record<string, boolean> = Object.fromEntries(UC_SERVICES.map((s) => [s.name, on(s)]))
  for (const slug of SLUGS) categories[slug] = UC_SERVICES.filter((s) => s.category === slug).every(on)
  return { status: 'decided', categories, explicit: true, source: 'usercentrics' }
}

/** Usercentrics initialized for a visitor who has not answered, the adapter listening (v2 with the admin's window event). */
async function setUp(version: 2 | 3) {
  const fake = usercentricsFake({ version, customEvent: 'ucEvent' })
  const rec = record(usercentrics({ event: 'ucEvent' }))
  fake.load()
  await flush()
  expect(rec.last()?.status).toBe('pending')
  return rec
}

describe.each([3, 2] as const)('usercentricsDriver on v%i', (version) => {
  const api = version === 3 ? '__ucCmp' : 'UC_UI'

  it('accepts all', async () => {
    const rec = await setUp(version)
    const result = await drive(usercentricsDriver, { kind: 'accept-all' })
    expect(result).toEqual({ ok: true, detail: version === 3 ? `called ${api}.acceptAllConsents() and ${api}.saveConsents("EXPLICIT")` : `called ${api}.acceptAllConsents()` })
    await flush()
    expect(rec.last()).toEqual(decided(IDS))
  })

  it('rejects all: essential services stay', async () => {
    const rec = await setUp(version)
    expect((await drive(usercentricsDriver, { kind: 'reject-all' })).ok).toBe(true)
    await flush()
    expect(rec.last()).toEqual(decided([]))
  })

  it('grants exactly the chosen services and categories', async () => {
    await fc.assert(
      fc.asyncProperty(fc.subarray(IDS, { minLength: 1 }), async (chosen) => {
        const rec = await setUp(version)
        const result = await drive(usercentricsDriver, { kind: 'only', categories: chosen })
        expect(result.ok).toBe(true)
        await flush()
        expect(rec.last()).toEqual(decided(chosen))
        rec.stop()
      }),
      { numRuns: 15 },
    )
  })

  it('refuses a name that is neither a service nor a category', async () => {
    const rec = await setUp(version)
    const result = await drive(usercentricsDriver, { kind: 'only', categories: ['Matomo'] })
    expect(result.ok).toBe(false)
    expect(result.detail).toMatch(/^Usercentrics has no service or category Matomo \(it has .*Hotjar/)
    await flush()
    expect(rec.last()?.status).toBe('pending')
  })

  it('lists service names and category slugs', async () => {
    await setUp(version)
    expect((await listCategories(usercentricsDriver)).sort()).toEqual([...IDS].sort())
  })
})

describe('usercentricsDriver without Usercentrics', () => {
  it('resolves { ok: false } on a page without Usercentrics, or before it initializes', async () => {
    expect(await drive(usercentricsDriver, { kind: 'accept-all' }, { timeoutMs: 30 })).toEqual({
      ok: false,
      detail: 'Usercentrics (window.__ucCmp or window.UC_UI) was not initialized within 30 ms',
    })
    usercentricsFake({ version: 2 }).loadUninitialized()
    expect((await drive(usercentricsDriver, { kind: 'reject-all' }, { timeoutMs: 30 })).ok).toBe(false)
    expect(await listCategories(usercentricsDriver, { timeoutMs: 30 })).toEqual([])
  })
})
