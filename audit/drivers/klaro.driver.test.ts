import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { record } from '../../test/fakes/adapter-harness'
import { drive, listCategories } from '../../test/fakes/driver-harness'
import { KLARO_SERVICES, klaroFake } from '../../test/fakes/klaro-fake'
import { klaro } from '../../plugin/adapters/klaro'
import { klaroDriver } from './klaro.driver'

const decided = (...on: string[]) => ({ status: 'decided', categories: Object.fromEntries(KLARO_SERVICES.map((s) => [s, on.includes(s)])), explicit: true, source: 'klaro' })

/** Klaro set up for a visitor who has not confirmed, the adapter listening. */
function setUp() {
  const fake = klaroFake()
  fake.load()
  const source = klaro()
  const rec = record(source)
  expect(source.read().status).toBe('pending')
  return { fake, rec }
}

describe('klaroDriver', () => {
  it("accepts all like Klaro's button: changeAll(true) and saveAndApplyConsents('accept')", async () => {
    const { rec } = setUp()
    expect(await drive(klaroDriver, { kind: 'accept-all' })).toEqual({ ok: true, detail: "called manager.changeAll(true) and manager.saveAndApplyConsents('accept')" })
    expect(rec.last()).toEqual(decided(...KLARO_SERVICES))
  })

  it("declines like Klaro's button: changeAll(false) and saveAndApplyConsents('decline'); required services stay on", async () => {
    const { fake, rec } = setUp()
    fake.manager.config.services[0].required = true
    expect((await drive(klaroDriver, { kind: 'reject-all' })).ok).toBe(true)
    expect(rec.last()).toEqual(decided(KLARO_SERVICES[0]))
  })

  it("saves exactly the chosen services with updateConsent() and saveAndApplyConsents('save')", async () => {
    await fc.assert(
      fc.asyncProperty(fc.subarray(KLARO_SERVICES), async (chosen) => {
        const { rec } = setUp()
        const result = await drive(klaroDriver, { kind: 'only', categories: chosen })
        expect(result.detail).toBe(`called manager.updateConsent() for ${KLARO_SERVICES.join(', ')} and manager.saveAndApplyConsents('save')`)
        expect(rec.last()).toEqual(decided(...chosen))
        rec.stop()
      }),
      { numRuns: 12 },
    )
  })

  it("saves as Klaro's UI does, so a returning visitor's new choice is explicit too", async () => {
    klaroFake({ stored: { matomo: true } }).load()
    const rec = record(klaro())
    expect((await drive(klaroDriver, { kind: 'only', categories: ['youtube'] })).ok).toBe(true)
    expect(rec.last()).toEqual(decided('youtube'))
  })

  it('refuses a service Klaro does not have', async () => {
    setUp()
    expect((await drive(klaroDriver, { kind: 'only', categories: ['hotjar'] })).detail).toBe(`Klaro has no service hotjar (it has ${KLARO_SERVICES.join(', ')})`)
  })

  it('resolves { ok: false } on a page without Klaro', async () => {
    expect(await drive(klaroDriver, { kind: 'accept-all' }, { timeoutMs: 30 })).toEqual({ ok: false, detail: 'Klaro (window.klaro.getManager()) was not there within 30 ms' })
    expect(await listCategories(klaroDriver, { timeoutMs: 30 })).toEqual([])
  })

  it('lists the services of the Klaro config', async () => {
    setUp()
    expect(await listCategories(klaroDriver)).toEqual(KLARO_SERVICES)
  })
})
