import type { ConsentDriver, DriveRequest, DriveResult, DriverOptions, PageFunction, PagePredicate } from './driver-types'

/**
 * The banner shows the first element the scenario clicks: "accept all",
 * "reject all", or (for `only`) the settings button, else the save button.
 * True at once when the selectors cannot be used (missing, invalid), so
 * `driveBanner` says what is wrong without a wait.
 */
export const bannerReady: PagePredicate<DriveRequest> = (request) => {
  const selectors = request?.options?.selectors ?? {}
  const kind = request?.scenario?.kind
  const first = kind === 'accept-all' ? selectors.acceptAll : kind === 'reject-all' ? selectors.rejectAll : selectors.category && selectors.save ? (selectors.openSettings ?? selectors.save) : undefined
  if (typeof first !== 'string') return true
  try {
    return document.querySelector(first) !== null
  } catch {
    return true
  }
}

/**
 * Clicks a consent banner through `options.selectors`, as a visitor would:
 * "accept all", "reject all", or open the settings, set each category toggle
 * and save. For platforms with no write API (IAB TCF `__tcfapi`, IAB GPP
 * `__gpp`, Google Consent Mode) and for driving any platform's real banner.
 *
 * Self-contained (it is sent to the page as source text): keep every helper inside.
 */
export const driveBanner: PageFunction<DriveRequest, DriveResult> = async (request) => {
  try {
    const scenario = request.scenario
    const options = request.options ?? {}
    const timeoutMs = options.timeoutMs ?? 10000
    const selectors = options.selectors ?? {}
    const end = Date.now() + timeoutMs
    const find = (css: string) => document.querySelector<HTMLElement>(css)
    // The settings view renders after the click that opens it: one awaited callback per element, no polling.
    const appear = (css: string) =>
      new Promise<HTMLElement | undefined>((resolve) => {
        const now = find(css)
        if (now) return resolve(now)
        const done = (found: HTMLElement | undefined) => {
          observer.disconnect()
          clearTimeout(timer)
          resolve(found)
        }
        const observer = new MutationObserver(() => {
          const found = find(css)
          if (found) done(found)
        })
        const timer = setTimeout(() => done(undefined), Math.max(0, end - Date.now()))
        observer.observe(document, { childList: true, subtree: true, attributes: true })
      })
    const missing = (css: string): DriveResult => ({ ok: false, detail: `no element matched ${css} within ${timeoutMs} ms` })
    const isOn = (el: HTMLElement) => (el instanceof HTMLInputElement ? el.checked : el.getAttribute('aria-checked') === 'true' || el.getAttribute('aria-pressed') === 'true')
    const locked = (el: HTMLElement) => (el as HTMLInputElement).disabled === true || el.getAttribute('aria-disabled') === 'true'

    if (scenario.kind === 'accept-all' || scenario.kind === 'reject-all') {
      const name = scenario.kind === 'accept-all' ? 'acceptAll' : 'rejectAll'
      const css = selectors[name]
      if (!css) return { ok: false, detail: `this platform has no write API: pass options.selectors.${name}, the banner's ${scenario.kind} button` }
      // The runner waited for it (bannerReady): look once.
      const button = find(css)
      if (!button) return missing(css)
      button.click()
      return { ok: true, detail: `clicked ${css}` }
    }

    const template = selectors.category
    if (!template || !selectors.save)
      return { ok: false, detail: 'an "only" scenario needs options.selectors.category and .save (and .openSettings when the toggles are behind a button)' }
    const toggleOf = (id: string) => (typeof template === 'function' ? template(id) : template.split('{id}').join(id))
    if (selectors.openSettings) {
      const open = find(selectors.openSettings)
      if (!open) return missing(selectors.openSettings)
      open.click()
    }
    const save = await appear(selectors.save)
    if (!save) return missing(selectors.save)
    const wanted = scenario.categories
    const kept: string[] = []
    for (const id of Array.from(new Set([...(options.categories ?? []), ...wanted]))) {
      const want = wanted.includes(id)
      const css = toggleOf(id)
      // A toggle asked for may render a moment after the settings view; the others are only switched off when present.
      const toggle = want ? await appear(css) : find(css)
      if (!toggle) {
        if (want) return missing(css)
        continue
      }
      if (locked(toggle)) {
        if (isOn(toggle) === want) continue
        if (want) return { ok: false, detail: `the banner does not let "${id}" be switched on (${css} is disabled)` }
        kept.push(id)
        continue
      }
      if (isOn(toggle) !== want) toggle.click()
      if (isOn(toggle) !== want) return { ok: false, detail: `clicking ${css} did not switch "${id}" ${want ? 'on' : 'off'}` }
    }
    save.click()
    const forced = kept.length ? `; the banner keeps ${kept.join(', ')} on` : ''
    return { ok: true, detail: `switched on [${wanted.join(', ')}], the rest off, and clicked ${selectors.save}${forced}` }
  } catch (error) {
    return { ok: false, detail: `driving the banner failed: ${error instanceof Error ? error.message : String(error)}` }
  }
}

/** A banner has no API to list its categories: they are the ones the audit passes in `options.categories`. */
export const listBannerCategories: PageFunction<DriverOptions, string[]> = (options) => (Array.isArray(options?.categories) ? options.categories.slice() : [])

/**
 * Drives any consent banner by its selectors (`platform: 'banner'`). Use it
 * for a platform not listed here, or to click a platform's real UI instead
 * of calling its API.
 *
 * @example
 * await runDriver(pageHost(page), bannerDriver, { scenario: { kind: 'accept-all' }, options: { selectors: { acceptAll: '#accept' } } })
 */
export const bannerDriver: ConsentDriver = { platform: 'banner', ready: bannerReady, listCategories: listBannerCategories, drive: driveBanner }
