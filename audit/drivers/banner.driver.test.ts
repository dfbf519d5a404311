import { describe, expect, it } from 'vitest'
import { bannerFixture, drive, listCategories } from '../../test/fakes/driver-harness'
import { bannerDriver } from './banner.driver'

const CATEGORIES = ['necessary', 'analytics', 'ads']

/** A banner that records what the visitor chose. */
function recordingBanner(locked: string[] = []) {
  const chosen: string[][] = []
  const selectors = bannerFixture({
    categories: CATEGORIES,
    locked,
    onAccept: () => chosen.push(CATEGORIES),
    onReject: () => chosen.push(locked),
    onSave: (checked) => chosen.push(checked),
  })
  return { chosen, selectors }
}

describe('bannerDriver', () => {
  it('clicks accept all and reject all', async () => {
    const { chosen, selectors } = recordingBanner(['necessary'])
    expect(await drive(bannerDriver, { kind: 'accept-all' }, { selectors })).toEqual({ ok: true, detail: 'clicked #fixture-accept' })
    expect(await drive(bannerDriver, { kind: 'reject-all' }, { selectors })).toEqual({ ok: true, detail: 'clicked #fixture-reject' })
    expect(chosen).toEqual([CATEGORIES, ['necessary']])
  })

  it.each([[[]], [['analytics']], [['ads']], [['analytics', 'ads']]])('opens the settings, sets exactly %j and saves (locked toggles stay on)', async (wanted) => {
    const { chosen, selectors } = recordingBanner(['necessary'])
    const result = await drive(bannerDriver, { kind: 'only', categories: wanted }, { selectors, categories: CATEGORIES })
    expect(result.ok).toBe(true)
    expect(result.detail).toContain('the banner keeps necessary on')
    expect(chosen).toEqual([['necessary', ...wanted]])
  })

  it('switches off a toggle the banner pre-checked', async () => {
    const { chosen, selectors } = recordingBanner()
    const result = drive(bannerDriver, { kind: 'only', categories: ['ads'] }, { selectors, categories: CATEGORIES })
    // Pre-check analytics as soon as the settings view renders, as some banners do.
    const precheck = setInterval(() => {
      const box = document.getElementById('fixture-category-analytics') as HTMLInputElement | null
      if (box) {
        box.checked = true
        clearInterval(precheck)
      }
    }, 1)
    expect((await result).ok).toBe(true)
    expect(chosen).toEqual([['ads']])
  })

  it('accepts the category selector as a function when it runs in the same realm', async () => {
    const { chosen, selectors } = recordingBanner()
    const result = await drive(bannerDriver, { kind: 'only', categories: ['ads'] }, { selectors: { ...selectors, category: (id) => `#fixture-category-${id}` } })
    expect(result.ok).toBe(true)
    expect(chosen).toEqual([['ads']])
  })

  it('refuses to grant a category whose toggle is locked off', async () => {
    const chosen: string[][] = []
    const selectors = bannerFixture({ categories: CATEGORIES, onAccept() {}, onReject() {}, onSave: (checked) => chosen.push(checked) })
    const result = drive(bannerDriver, { kind: 'only', categories: ['ads'] }, { selectors })
    const lock = setInterval(() => {
      const box = document.getElementById('fixture-category-ads') as HTMLInputElement | null
      if (box) {
        box.disabled = true
        clearInterval(lock)
      }
    }, 1)
    expect(await result).toEqual({ ok: false, detail: 'the banner does not let "ads" be switched on (#fixture-category-ads is disabled)' })
    expect(chosen).toEqual([])
  })

  it('says which selector it needs when none was given, without waiting', async () => {
    expect(await drive(bannerDriver, { kind: 'accept-all' })).toEqual({
      ok: false,
      detail: "this platform has no write API: pass options.selectors.acceptAll, the banner's accept-all button",
    })
    expect((await drive(bannerDriver, { kind: 'only', categories: ['ads'] }, { selectors: { save: '#save' } })).detail).toMatch(/needs options\.selectors\.category and \.save/)
  })

  it('resolves { ok: false } when the banner never appears, and reports a bad selector instead of throwing', async () => {
    expect(await drive(bannerDriver, { kind: 'reject-all' }, { selectors: { rejectAll: '#nowhere' }, timeoutMs: 30 })).toEqual({
      ok: false,
      detail: 'no element matched #nowhere within 30 ms',
    })
    const bad = await drive(bannerDriver, { kind: 'accept-all' }, { selectors: { acceptAll: '#[' }, timeoutMs: 30 })
    expect(bad.ok).toBe(false)
    expect(bad.detail).toMatch(/^driving the banner failed: /)
  })

  it('lists the categories it was given, and none otherwise', async () => {
    expect(await listCategories(bannerDriver, { categories: CATEGORIES })).toEqual(CATEGORIES)
    expect(await listCategories(bannerDriver)).toEqual([])
  })
})
