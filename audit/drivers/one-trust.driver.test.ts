import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { record } from '../../test/fakes/adapter-harness'
import { drive, listCategories } from '../../test/fakes/driver-harness'
import { oneTrustFake } from '../../test/fakes/one-trust-fake'
import { oneTrust } from '../../plugin/adapters/one-trust'
import { oneTrustDriver } from './one-trust.driver'

const ALL = ['C0001', 'C0002', 'C0003', 'C0004', 'C0005']
const decided = (...on: string[]) => ({
  status: 'decided',
  categories: Object.fromEntries(ALL.map((id) => [id, on.includes(id)])),
  explicit: true,
  model: 'opt-in',
  source: 'onetrust',
})

/** OneTrust loaded with its banner open, the adapter listening. */
function setUp() {
  const fake = oneTrustFake()
  const rec = record(oneTrust())
  fake.load()
  expect(rec.last()?.status).toBe('pending')
  return { fake, rec }
}

describe('oneTrustDriver', () => {
  it('accepts all with OneTrust.AllowAll(): the adapter reports every group, explicit', async () => {
    const { rec } = setUp()
    expect(await drive(oneTrustDriver, { kind: 'accept-all' })).toEqual({ ok: true, detail: 'called OneTrust.AllowAll()' })
    expect(rec.last()).toEqual(decided(...ALL))
  })

  it('rejects all with OneTrust.RejectAll(): only Strictly Necessary stays', async () => {
    const { rec } = setUp()
    expect(await drive(oneTrustDriver, { kind: 'reject-all' })).toEqual({ ok: true, detail: 'called OneTrust.RejectAll()' })
    expect(rec.last()).toEqual(decided('C0001'))
  })

  it('grants exactly the chosen groups with OneTrust.UpdateConsent()', async () => {
    await fc.assert(
      fc.asyncProperty(fc.subarray(ALL.slice(1)), async (chosen) => {
        const { rec } = setUp()
        const result = await drive(oneTrustDriver, { kind: 'only', categories: chosen })
        expect(result.ok).toBe(true)
        expect(result.detail).toMatch(/^called OneTrust\.UpdateConsent\('Category', 'C0001:1,C0002:[01],C0003:[01],C0004:[01],C0005:[01]'\)$/)
        expect(rec.last()).toEqual(decided('C0001', ...chosen))
        rec.stop()
      }),
      { numRuns: 20 },
    )
  })

  it('refuses a group OneTrust does not have, changing nothing', async () => {
    const { rec } = setUp()
    expect(await drive(oneTrustDriver, { kind: 'only', categories: ['C0002', 'C0099'] })).toEqual({
      ok: false,
      detail: 'OneTrust has no group C0099 (it has C0001, C0002, C0003, C0004, C0005)',
    })
    expect(rec.last()?.status).toBe('pending')
  })

  it('says so when OneTrust records no choice', async () => {
    const { fake } = setUp()
    fake.sdk.IsAlertBoxClosed = () => false
    const result = await drive(oneTrustDriver, { kind: 'only', categories: ['C0002'] }, { timeoutMs: 30 })
    expect(result.ok).toBe(false)
    expect(result.detail).toMatch(/OneTrust recorded no choice .*bannerDriver/)
  })

  it('resolves { ok: false } on a page without OneTrust, or with only its placeholder', async () => {
    expect(await drive(oneTrustDriver, { kind: 'accept-all' }, { timeoutMs: 30 })).toEqual({
      ok: false,
      detail: "OneTrust's banner SDK (window.OneTrust.AllowAll and co.) did not load within 30 ms",
    })
    oneTrustFake().placeholder()
    expect((await drive(oneTrustDriver, { kind: 'reject-all' }, { timeoutMs: 30 })).ok).toBe(false)
    expect(await listCategories(oneTrustDriver, { timeoutMs: 30 })).toEqual([])
  })

  it('lists the groups of the domain data', async () => {
    setUp()
    expect(await listCategories(oneTrustDriver)).toEqual(ALL)
  })
})
