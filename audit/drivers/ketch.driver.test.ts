import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { record } from '../../test/fakes/adapter-harness'
import { drive, freshPage, listCategories } from '../../test/fakes/driver-harness'
import { KETCH_PURPOSES, ketchFake } from '../../test/fakes/ketch-fake'
import { ketch } from '../../plugin/adapters/ketch'
import { ketchDriver } from './ketch.driver'

const CODES = KETCH_PURPOSES.map((p) => p.code)
const decided = (...on: string[]) => ({ status: 'decided', categories: Object.fromEntries(CODES.map((c) => [c, on.includes(c)])), explicit: true, source: 'ketch' })

/** The Ketch boot snippet, the adapter listening, then the tag loading and showing its banner. */
function setUp() {
  freshPage('ketch', 'semaphore')
  const fake = ketchFake()
  fake.installSnippet()
  const rec = record(ketch())
  fake.load()
  expect(rec.last()).toMatchObject({ status: 'decided', explicit: false })
  return rec
}

describe('ketchDriver', () => {
  it("grants every purpose with ketch('setConsent')", async () => {
    const rec = setUp()
    const result = await drive(ketchDriver, { kind: 'accept-all' })
    expect(result).toEqual({ ok: true, detail: `called ketch('setConsent', ${JSON.stringify({ purposes: Object.fromEntries(CODES.map((c) => [c, true])) })})` })
    expect(rec.last()).toEqual(decided(...CODES))
  })

  it('refuses every purpose', async () => {
    const rec = setUp()
    expect((await drive(ketchDriver, { kind: 'reject-all' })).ok).toBe(true)
    expect(rec.last()).toEqual(decided())
  })

  it('grants exactly the chosen purposes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.subarray(CODES), async (chosen) => {
        const rec = setUp()
        expect((await drive(ketchDriver, { kind: 'only', categories: chosen })).ok).toBe(true)
        expect(rec.last()).toEqual(decided(...chosen))
        rec.stop()
      }),
      { numRuns: 16 },
    )
  })

  it('queues through the boot snippet when the tag loads after the driver started', async () => {
    const fake = ketchFake()
    fake.installSnippet()
    const rec = record(ketch())
    const result = drive(ketchDriver, { kind: 'only', categories: ['analytics'] })
    fake.load()
    expect((await result).ok).toBe(true)
    expect(rec.last()).toEqual(decided('analytics'))
  })

  it('says so when the tag ignores setConsent', async () => {
    setUp()
    const w = globalThis as Record<string, any>
    const real = w.ketch
    w.ketch = (name: string, ...args: Array<(value?: unknown) => void>) => (name === 'setConsent' ? args[1]() : real(name, ...args))
    const result = await drive(ketchDriver, { kind: 'accept-all' })
    expect(result.ok).toBe(false)
    expect(result.detail).toMatch(/^called ketch\('setConsent'\), but Ketch still reports analytics, behavioral_advertising otherwise: .*bannerDriver/)
  })

  it('refuses a purpose Ketch does not have', async () => {
    setUp()
    expect((await drive(ketchDriver, { kind: 'only', categories: ['marketing'] })).detail).toBe(`Ketch has no purpose marketing (it has ${CODES.join(', ')})`)
  })

  it('resolves { ok: false } on a page without Ketch, or with a snippet whose tag never loads', async () => {
    expect(await drive(ketchDriver, { kind: 'accept-all' }, { timeoutMs: 30 })).toEqual({ ok: false, detail: 'Ketch (window.ketch or window.semaphore) was not there within 30 ms' })
    expect(await listCategories(ketchDriver, { timeoutMs: 30 })).toEqual([])
    ketchFake().installSnippet()
    expect(await drive(ketchDriver, { kind: 'accept-all' }, { timeoutMs: 30 })).toEqual({ ok: false, detail: "driving Ketch failed: ketch('getConfig') did not answer within 30 ms" })
  })

  it('lists the purposes of the config', async () => {
    setUp()
    expect(await listCategories(ketchDriver)).toEqual(CODES)
  })
})
