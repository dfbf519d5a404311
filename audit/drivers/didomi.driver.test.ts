import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { record, wipeAfter } from '../../test/fakes/adapter-harness'
import { DIDOMI_PURPOSES, didomiFake } from '../../test/fakes/didomi-fake'
import { drive, freshPage, listCategories } from '../../test/fakes/driver-harness'
import { didomi } from '../../plugin/adapters/didomi'
import { didomiDriver } from './didomi.driver'

const decided = (...on: string[]) => ({
  status: 'decided',
  categories: Object.fromEntries(DIDOMI_PURPOSES.map((id) => [id, on.includes(id)])),
  explicit: true,
  model: 'opt-in',
  source: 'didomi',
})

/** Didomi's SDK with its notice up, the adapter listening. */
function setUp() {
  // A fresh page: the queues a previous property run left would hold its SDK.
  freshPage('Didomi', 'didomiOnReady', 'didomiEventListeners')
  const fake = didomiFake()
  const rec = record(didomi())
  fake.load()
  expect(rec.last()?.status).toBe('pending')
  return { fake, rec }
}

describe('didomiDriver', () => {
  it('accepts all with Didomi.setUserAgreeToAll()', async () => {
    const { rec } = setUp()
    expect(await drive(didomiDriver, { kind: 'accept-all' })).toEqual({ ok: true, detail: 'called Didomi.setUserAgreeToAll()' })
    expect(rec.last()).toEqual(decided(...DIDOMI_PURPOSES))
  })

  it('rejects all with Didomi.setUserDisagreeToAll()', async () => {
    const { rec } = setUp()
    expect(await drive(didomiDriver, { kind: 'reject-all' })).toEqual({ ok: true, detail: 'called Didomi.setUserDisagreeToAll()' })
    expect(rec.last()).toEqual(decided())
  })

  it('enables exactly the chosen purposes with Didomi.setCurrentUserStatus()', async () => {
    await fc.assert(
      fc.asyncProperty(fc.subarray(DIDOMI_PURPOSES), async (chosen) => {
        const { rec } = setUp()
        expect((await drive(didomiDriver, { kind: 'only', categories: chosen })).ok).toBe(true)
        expect(rec.last()).toEqual(decided(...chosen))
        rec.stop()
      }),
      { numRuns: 16 },
    )
  })

  it('waits for the SDK through didomiOnReady when it loads after the driver started', async () => {
    const fake = didomiFake()
    const rec = record(didomi())
    const result = drive(didomiDriver, { kind: 'only', categories: ['analytics'] })
    fake.load()
    expect(await result).toEqual({ ok: true, detail: 'called Didomi.setCurrentUserStatus() with analytics enabled' })
    expect(rec.last()).toEqual(decided('analytics'))
  })

  it('refuses a purpose Didomi does not have', async () => {
    const { rec } = setUp()
    expect((await drive(didomiDriver, { kind: 'only', categories: ['marketing'] })).detail).toBe(
      `Didomi has no purpose marketing (it has ${DIDOMI_PURPOSES.join(', ')})`,
    )
    expect(rec.last()?.status).toBe('pending')
  })

  it('resolves { ok: false } on a page without Didomi', async () => {
    wipeAfter('didomiOnReady')
    expect(await drive(didomiDriver, { kind: 'accept-all' }, { timeoutMs: 30 })).toEqual({
      ok: false,
      detail: 'Didomi (window.didomiOnReady) was not ready within 30 ms',
    })
    expect(await listCategories(didomiDriver, { timeoutMs: 30 })).toEqual([])
  })

  it('lists the purposes of the user status', async () => {
    setUp()
    expect(await listCategories(didomiDriver)).toEqual(DIDOMI_PURPOSES)
  })
})
