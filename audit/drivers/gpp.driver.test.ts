import { describe, expect, it } from 'vitest'
import { record } from '../../test/fakes/adapter-harness'
import { bannerFixture, drive } from '../../test/fakes/driver-harness'
import { gppFake } from '../../test/fakes/gpp-fake'
import { gpp } from '../../plugin/adapters/gpp'
import { gppDriver } from './gpp.driver'

const FIELDS: Record<string, string[]> = { Advertising: ['TargetedAdvertisingOptOut'], Sale: ['SaleOptOut', 'SharingOptOut'] }
const CATEGORIES = Object.keys(FIELDS)

/** A GPP CMP with a US section ready, the adapter listening, and a banner whose buttons save opt-outs (1 opted out, 2 not). */
function setUp() {
  const fake = gppFake()
  fake.installStub()
  const rec = record(gpp({ sections: { usnat: FIELDS } }))
  fake.load()
  const optOuts = (kept: string[]) =>
    fake.optOut('usnat', Object.fromEntries(CATEGORIES.flatMap((category) => FIELDS[category].map((field) => [field, kept.includes(category) ? 2 : 1]))))
  const selectors = bannerFixture({ categories: CATEGORIES, onAccept: () => optOuts(CATEGORIES), onReject: () => optOuts([]), onSave: optOuts })
  expect(rec.last()).toMatchObject({ status: 'decided', explicit: false })
  return { rec, selectors }
}

const decided = (categories: Record<string, boolean>) => ({ status: 'decided', categories, explicit: true, model: 'opt-out', source: 'gpp' })

describe('gppDriver', () => {
  it('keeps everything through "accept": the adapter reports the visitor chose', async () => {
    const { rec, selectors } = setUp()
    expect((await drive(gppDriver, { kind: 'accept-all' }, { selectors })).ok).toBe(true)
    expect(rec.last()).toEqual(decided({ Advertising: true, Sale: true }))
  })

  it('opts out of everything through "do not sell or share"', async () => {
    const { rec, selectors } = setUp()
    expect((await drive(gppDriver, { kind: 'reject-all' }, { selectors })).ok).toBe(true)
    expect(rec.last()).toEqual(decided({ Advertising: false, Sale: false }))
  })

  it.each(CATEGORIES)('keeps only %s through the settings', async (only) => {
    const { rec, selectors } = setUp()
    expect((await drive(gppDriver, { kind: 'only', categories: [only] }, { selectors, categories: CATEGORIES })).ok).toBe(true)
    expect(rec.last()).toEqual(decided({ Advertising: only === 'Advertising', Sale: only === 'Sale' }))
  })

  it('resolves { ok: false } on a page without the CMP', async () => {
    const result = await drive(gppDriver, { kind: 'only', categories: ['Sale'] }, { selectors: { save: '#save', category: '#c-{id}' }, timeoutMs: 30 })
    expect(result).toEqual({ ok: false, detail: 'no element matched #save within 30 ms' })
  })
})
