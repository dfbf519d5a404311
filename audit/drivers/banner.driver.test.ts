import { describe, expect, it } from 'vitest'
import { bannerFixture, drive, listCategories, serialised } from '../../test/fakes/driver-harness'
import { bannerDriver } from './banner.driver'

const CATEGORIES = ['necessary', 'analytics', 'ads']

/**
 * Runs `change` on the element with `id` in the same task it is rendered:
 * the driver's own observer, created later, sees it changed (a timer could
 * come after the driver already looked).
 */
function whenRendered(id: string, change: (box: HTMLInputElement) => void): void {
  const observer = new MutationObserver(() => {
    const box = document.getElementById(id) as HTMLInputElement | null
    if (box) {
      observer.disconnect()
      change(box)
    }
  })
  observer.observe(document, { childList: true, subtree: true })
}

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
    // Pre-check analytics as soon as the settings view renders, as some banners do.
    whenRendered('fixture-category-analytics', (box) => (box.checked = true))
    const result = drive(bannerDriver, { kind: 'only', categories: ['ads'] }, { selectors, categories: CATEGORIES })
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
    whenRendered('fixture-category-ads', (box) => (box.disabled = true))
    const result = drive(bannerDriver, { kind: 'only', categories: ['ads'] }, { selectors })
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
    // Straight to the page functions: happy-dom throws for a bad selector only the first time it sees it.
    const bad = await serialised(bannerDriver.drive)({ scenario: { kind: 'accept-all' }, options: { selectors: { acceptAll: '#[' }, timeoutMs: 30 } })
    expect(bad.ok).toBe(false)
    expect(bad.detail).toMatch(/^driving the banner failed: /)
    // Nothing to wait for: playwright's wait would reject on a throwing predicate, and `drive` reports the selector.
    expect(serialised(bannerDriver.ready)({ scenario: { kind: 'accept-all' }, options: { selectors: { acceptAll: '#]' } } })).toBe(true)
  })

  it('lists the categories it was given, and none otherwise', async () => {
    expect(await listCategories(bannerDriver, { categories: CATEGORIES })).toEqual(CATEGORIES)
    expect(await listCategories(bannerDriver)).toEqual([])
  })
})
