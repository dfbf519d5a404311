import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { record } from '../../test/fakes/adapter-harness'
import { cookiebotFake } from '../../test/fakes/cookiebot-fake'
import { drive, listCategories } from '../../test/fakes/driver-harness'
import { cookiebot } from '../../plugin/adapters/cookiebot'
import { cookiebotDriver } from './cookiebot.driver'

const OPTIONAL = ['preferences', 'statistics', 'marketing']
const decided = (...on: string[]) => ({
  status: 'decided',
  categories: { necessary: true, ...Object.fromEntries(OPTIONAL.map((id) => [id, on.includes(id)])) },
  explicit: true,
  source: 'cookiebot',
})

/** Cookiebot loaded for a visitor who has not answered, the adapter listening. */
function setUp() {
  const fake = cookiebotFake()
  const source = cookiebot()
  const rec = record(source)
  fake.load()
  expect(source.read().status).toBe('pending')
  return rec
}

describe('cookiebotDriver', () => {
  it('accepts all with submitCustomConsent(true, true, true)', async () => {
    const rec = setUp()
    expect(await drive(cookiebotDriver, { kind: 'accept-all' })).toEqual({ ok: true, detail: 'called Cookiebot.submitCustomConsent(true, true, true)' })
    expect(rec.last()).toEqual(decided(...OPTIONAL))
  })

  it('rejects all with submitCustomConsent(false, false, false)', async () => {
    const rec = setUp()
    expect(await drive(cookiebotDriver, { kind: 'reject-all' })).toEqual({ ok: true, detail: 'called Cookiebot.submitCustomConsent(false, false, false)' })
    expect(rec.last()).toEqual(decided())
  })

  it('grants exactly the chosen categories (necessary may be named, it is always on)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.subarray(OPTIONAL), fc.boolean(), async (chosen, withNecessary) => {
        const rec = setUp()
        const result = await drive(cookiebotDriver, { kind: 'only', categories: withNecessary ? ['necessary', ...chosen] : chosen })
        expect(result.ok).toBe(true)
        expect(rec.last()).toEqual(decided(...chosen))
        rec.stop()
      }),
      { numRuns: 16 },
    )
  })

  it('refuses a category Cookiebot does not have', async () => {
    setUp()
    expect(await drive(cookiebotDriver, { kind: 'only', categories: ['analytics'] })).toEqual({
      ok: false,
      detail: 'Cookiebot has no category analytics (it has necessary, preferences, statistics, marketing)',
    })
  })

  it('resolves { ok: false } on a page without Cookiebot', async () => {
    expect(await drive(cookiebotDriver, { kind: 'accept-all' }, { timeoutMs: 30 })).toEqual({
      ok: false,
      detail: 'Cookiebot (window.Cookiebot.submitCustomConsent) did not load within 30 ms',
    })
    expect(await listCategories(cookiebotDriver, { timeoutMs: 30 })).toEqual([])
  })

  it('lists its four categories', async () => {
    setUp()
    expect(await listCategories(cookiebotDriver)).toEqual(['necessary', ...OPTIONAL])
  })
})
