import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { record } from '../../test/fakes/adapter-harness'
import { drive, freshPage, listCategories } from '../../test/fakes/driver-harness'
import { osanoFake } from '../../test/fakes/osano-fake'
import { osano } from '../../plugin/adapters/osano'
import { osanoDriver } from './osano.driver'

const OPTIONAL = ['ANALYTICS', 'MARKETING', 'PERSONALIZATION']
const decided = (...on: string[]) => ({
  status: 'decided',
  categories: { ESSENTIAL: true, ...Object.fromEntries(OPTIONAL.map((c) => [c, on.includes(c)])), OPT_OUT: false },
  explicit: true,
  source: 'osano',
})

/** osano.js loaded for a visitor who has not saved (its dialog is up), the adapter listening. */
function setUp(stored?: Parameters<typeof osanoFake>[0]) {
  freshPage('Osano')
  const fake = osanoFake(stored)
  fake.installPreload()
  const rec = record(osano())
  fake.load()
  expect(rec.last()?.status).toBe(stored ? 'decided' : 'pending')
  return { fake, rec }
}

describe('osanoDriver', () => {
  it("clicks the dialog's Accept All", async () => {
    const { fake, rec } = setUp()
    expect(await drive(osanoDriver, { kind: 'accept-all' })).toEqual({ ok: true, detail: 'clicked .osano-cm-accept-all' })
    expect(rec.last()).toEqual(decided(...OPTIONAL))
    expect(fake.uiVisible()).toBe(false)
  })

  it("clicks the dialog's Reject Non-Essential", async () => {
    const { rec } = setUp()
    expect(await drive(osanoDriver, { kind: 'reject-all' })).toEqual({ ok: true, detail: 'clicked .osano-cm-denyAll' })
    expect(rec.last()).toEqual(decided())
  })

  it('sets exactly the chosen toggles in the preferences drawer and saves', async () => {
    await fc.assert(
      fc.asyncProperty(fc.subarray(OPTIONAL), fc.boolean(), async (chosen, withEssential) => {
        const { rec } = setUp()
        const result = await drive(osanoDriver, { kind: 'only', categories: withEssential ? ['ESSENTIAL', ...chosen] : chosen })
        expect(result.ok).toBe(true)
        expect(rec.last()).toEqual(decided(...chosen))
        rec.stop()
      }),
      { numRuns: 16 },
    )
  })

  it('reopens the dialog for a visitor who already chose', async () => {
    const { rec } = setUp({ stored: { ANALYTICS: true } })
    expect((await drive(osanoDriver, { kind: 'reject-all' })).ok).toBe(true)
    expect(rec.last()).toEqual(decided())
  })

  it('refuses what the drawer cannot switch on, and categories Osano does not have', async () => {
    setUp()
    expect((await drive(osanoDriver, { kind: 'only', categories: ['OPT_OUT'] })).detail).toMatch(/^Osano's drawer offers no toggle to switch "OPT_OUT" on/)
    expect((await drive(osanoDriver, { kind: 'only', categories: ['STORAGE'] })).detail).toBe(
      'Osano has no category STORAGE (it has ESSENTIAL, ANALYTICS, MARKETING, PERSONALIZATION, OPT_OUT)',
    )
  })

  it('takes other selectors, and says when a click saved nothing', async () => {
    setUp()
    const result = await drive(osanoDriver, { kind: 'accept-all' }, { selectors: { acceptAll: '.osano-cm-manage' }, timeoutMs: 30 })
    expect(result).toEqual({ ok: false, detail: 'clicked .osano-cm-manage, but Osano saved no consent within 30 ms' })
  })

  it('resolves { ok: false } on a page without Osano', async () => {
    expect(await drive(osanoDriver, { kind: 'accept-all' }, { timeoutMs: 30 })).toEqual({ ok: false, detail: 'Osano (window.Osano.cm) did not load within 30 ms' })
    expect(await listCategories(osanoDriver, { timeoutMs: 30 })).toEqual([])
  })

  it('lists the categories of getConsent()', async () => {
    setUp()
    expect(await listCategories(osanoDriver)).toEqual(['ESSENTIAL', ...OPTIONAL, 'OPT_OUT'])
  })
})
