import { describe, expect, it } from 'vitest'
import { record } from '../../test/fakes/adapter-harness'
import { bannerFixture, drive, listCategories } from '../../test/fakes/driver-harness'
import { tcfFake } from '../../test/fakes/tcf-fake'
import { tcf } from '../../plugin/adapters/tcf'
import { tcfDriver } from './tcf.driver'

const PURPOSES: Record<string, number[]> = { Analytics: [1, 7, 8, 9], Advertising: [1, 2, 3, 4] }
const CATEGORIES = Object.keys(PURPOSES)

/** A TCF CMP showing its UI, the adapter listening, and the CMP's banner whose buttons confirm choices. */
function setUp() {
  const fake = tcfFake()
  fake.installStub()
  const rec = record(tcf({ purposes: PURPOSES }))
  fake.load()
  const selectors = bannerFixture({
    categories: CATEGORIES,
    onAccept: () => fake.choose({ purposes: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] }),
    onReject: () => fake.choose({ purposes: [] }),
    onSave: (checked) => fake.choose({ purposes: checked.flatMap((category) => PURPOSES[category]) }),
  })
  expect(rec.last()?.status).toBe('pending')
  return { rec, selectors }
}

const decided = (categories: Record<string, boolean>) => ({ status: 'decided', categories, explicit: true, model: 'opt-in', source: 'tcf' })

describe('tcfDriver', () => {
  it('accepts all through the banner: the adapter reports every category, explicit', async () => {
    const { rec, selectors } = setUp()
    expect(await drive(tcfDriver, { kind: 'accept-all' }, { selectors })).toEqual({ ok: true, detail: 'clicked #fixture-accept' })
    expect(rec.last()).toEqual(decided({ Analytics: true, Advertising: true }))
  })

  it('rejects all through the banner', async () => {
    const { rec, selectors } = setUp()
    expect((await drive(tcfDriver, { kind: 'reject-all' }, { selectors })).ok).toBe(true)
    expect(rec.last()).toEqual(decided({ Analytics: false, Advertising: false }))
  })

  it.each(CATEGORIES)('grants only %s through the settings', async (only) => {
    const { rec, selectors } = setUp()
    expect((await drive(tcfDriver, { kind: 'only', categories: [only] }, { selectors, categories: CATEGORIES })).ok).toBe(true)
    expect(rec.last()).toEqual(decided({ Analytics: only === 'Analytics', Advertising: only === 'Advertising' }))
  })

  it('resolves { ok: false } on a page without the CMP, and without selectors', async () => {
    expect(await drive(tcfDriver, { kind: 'accept-all' }, { selectors: { acceptAll: '#fixture-accept' }, timeoutMs: 30 })).toEqual({
      ok: false,
      detail: 'no element matched #fixture-accept within 30 ms',
    })
    expect((await drive(tcfDriver, { kind: 'reject-all' })).detail).toMatch(/no write API: pass options\.selectors\.rejectAll/)
  })

  it('lists the categories of your mapping as given', async () => {
    expect(await listCategories(tcfDriver, { categories: CATEGORIES })).toEqual(CATEGORIES)
  })
})
